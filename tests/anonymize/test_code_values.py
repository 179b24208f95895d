"""Real source code stays (bench/code28); the secrets written in code still go.

Calls and names after a secret key (``code_values.is_call``, ``is_header_code``, ``credentials``
as a reference), lists of keywords (``is_word_list``), a prompt's text (``is_prompt``), a
reStructuredText role (``is_role``), code names that read as words in parts
(``words.is_code_name``), a usage text's metavariable, a slice (``personal.is_slice``), an
object identifier (``personal.is_oid``) and a section's number.
"""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, code_values, words

KEPT = [
    # a call cut at its first blank, a name or chain of names after a header key
    "        secret = decode_header(raw_auth[0], field='secret')",
    '    password = unwrap_secret(blob[2], kind="db")',
    'req.headers["Authorization"] = self._make_signature(req.method, req.path)',
    "request.headers['Proxy-Authorization'] = build_proxy_header(user, pw)",
    "conn.headers['authorization'] = settings.bearer_token",
    "        headers['Authorization'] = client.auth_header",
    # an identifier that names the credentials
    "        self.user, self.passwd = creds",
    "    db_password = credentials",
    # a list of keywords or names
    "    'pass', 'lambda', 'global', 'yield',",
    '        "getpasswd", "getport", "gethost",',
    "['secret', 'shared', 'public', 'internal']",
    # a prompt's text
    "def ask(prompt='Secret: ', echo=False):",
    'def login(msg="Password: ", retries=3):',
    # prose: a role, an option
    "Pass :func:`open` a mode string.",
    "Use the --vault-password option to unlock it.",
    # code names
    "#define sk_X509_POLICY_pop(sk) ((void *)OPENSSL_sk_pop(ossl_check_X509_POLICY_sk_type(sk)))",
    "compilers = ['IntelEM64TVisualCompiler', 'Other']",
    "      [--kms-key=KMS_KEY : --kms-project=KMS_PROJECT --kms-location=LOC]",
    # a tuple assignment's names, a section's number, a cipher suite's name
    "    conn.login_name, conn.secret = stored_pair",
    "// see https://www.rfc-editor.org/rfc/rfc8446#section-4.2.1.1",
    "as Section 3.2.1.4 of the spec says",
    'suite = "TLS_DH_anon_WITH_ARIA_256_GCM_SHA384"',
    # a slice, an OID
    "    odd = samples[1::2]\n    even = samples[::2]",
    "EXT_KEY_USAGE = ObjectIdentifier('2.5.29.37')",
    "the OID 1.3.6.1 prefix and OID 2.5.4.10 (organizationName)",
]


@pytest.mark.parametrize("text", KEPT)
def test_code_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


GONE = [
    ("    password = 'Vd8#qLz2!mW'", "Vd8#qLz2!mW"),
    ("password = Qm7xK2pZv9(Lt4", "Qm7xK2pZv9(Lt4"),
    ("secret = xK9_Zq8v(T1mN4p, x", "xK9_Zq8v(T1mN4p"),
    ('req.headers["Authorization"] = "Bearer q8ZmT2vLx0Rk9WpA7sNc"', "q8ZmT2vLx0Rk9WpA7sNc"),
    ("Authorization = tk_Zq8vT1mN4pR7xLw2Ys9D", "tk_Zq8vT1mN4pR7xLw2Ys9D"),
    ('auth = ("deploy", "Pq9zLm2Xv7")', "Pq9zLm2Xv7"),
    ('fields = [("login", "ops"), ("password", "meadowlark")]', "meadowlark"),
    ("args = ['--password', 'Rk4mZ8qT2x', '-h', 'db']", "Rk4mZ8qT2x"),
    ("    'password', 'Orch4rd!x', 'lantern',", "Orch4rd!x"),
    ("print('Password: Hx93kQzL02')", "Hx93kQzL02"),
    ("api key: --k=Zq8vT1mN4pR7xLw2Ys", "Zq8vT1mN4pR7xLw2Ys"),
    ("token = Xk2_pq9LzzRt_W7vQm3N", "Xk2_pq9LzzRt_W7vQm3N"),
    ("login, passwd = meadow42", "meadow42"),
    ("user, password = Xk2pq9LzzRt7", "Xk2pq9LzzRt7"),
]


@pytest.mark.parametrize(("text", "secret"), GONE)
def test_secrets_in_code_still_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


ADDRESSES = [
    "curl http://[fd00::2]:8080/health",
    "peer = [fd12::7]",
    "route[2a01:4f8::3]",
    "the host 2.5.29.15 answered",
    "oid_cache = 10.4.5.6",
    "host 10.1.1.4 section",
    "sections: 10.2.3.4",
]


@pytest.mark.parametrize("text", ADDRESSES)
def test_addresses_beside_slices_and_oids_still_go(anonymizer: Anonymizer, text: str) -> None:
    assert "<ip>" in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("enforce_bytes(auth[1],", True),
        ("self.vault.lookup(x,", True),
        ("hunter2(x", False),
        ("Zq8vT1mN4p(x7", False),
        ("plainvalue", False),
    ],
)
def test_is_call(value: str, expected: bool) -> None:
    assert code_values.is_call(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ossl_check_X509_OBJECT_sk_type", True),
        ("IntelEM64VisualFCompiler", True),
        ("--kms-keyring=KMS_KEYRING", True),
        ("TLS_DH_anon_WITH_ARIA_256_GCM_SHA384", True),
        ("Xk2_pq9L_zzRt", False),
        ("ZK8QW2RT_XKMA_PLQZ", False),
        ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", False),
        ("AbcDefGhiJklMnoPqr", False),
        ("--key=Zq8vT1mN4p", False),
    ],
)
def test_is_code_name(value: str, expected: bool) -> None:
    assert words.is_code_name(value) is expected
