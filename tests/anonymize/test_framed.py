"""Secrets inside a frame the key rules stop at: SQL accounts, CDATA, brackets, -D, prose."""

from __future__ import annotations

import re

import pytest

from fedlearn.anonymize import Anonymizer, framed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CREATE USER 'etl'@'10.%' IDENTIFIED BY 'Gr4nite!x';",
            "CREATE USER 'etl'@'10.%' IDENTIFIED BY '<redacted:password>';",
        ),
        (
            "alter user hr identified by Oak7Leaf9;",
            "alter user hr identified by <redacted:password>;",
        ),
        (
            'ALTER USER r IDENTIFIED WITH caching_sha2_password BY "h3ron!Q"',
            'ALTER USER r IDENTIFIED WITH caching_sha2_password BY "<redacted:password>"',
        ),
        (
            "CREATE ROLE report WITH LOGIN ENCRYPTED PASSWORD 'Slate#42';",
            "CREATE ROLE report WITH LOGIN ENCRYPTED PASSWORD '<redacted:password>';",
        ),
        (
            "CREATE LOGIN etl WITH PASSWORD = 'C0balt*9', CHECK_POLICY = OFF",
            "CREATE LOGIN etl WITH PASSWORD = '<redacted:password>', CHECK_POLICY = OFF",
        ),
        (
            "SET PASSWORD FOR 'bi'@'%' = PASSWORD('Marble^5x');",
            "SET PASSWORD FOR 'bi'@'%' = PASSWORD('<redacted:password>');",
        ),
        (
            "<settings><SmtpPassword><![CDATA[Ha&zel#22]]></SmtpPassword></settings>",
            "<settings><SmtpPassword><![CDATA[<redacted:password>]]></SmtpPassword></settings>",
        ),
        (
            "WARN retry client_secret=[Fern%118x] attempt=2",
            "WARN retry client_secret=[<redacted:secret>] attempt=2",
        ),
        ("java -Dpass=Cedar!77q -jar svc.jar", "java -Dpass=<redacted:password> -jar svc.jar"),
        (
            "fyi the staging db password is Weeayeix#16, please rotate",
            "fyi the staging db password is <redacted:secret-value>, please rotate",
        ),
        (
            "gateway.errors.AuthError: gateway rejected secret key q7wprz4kd9mtx2\n",
            "gateway.errors.AuthError: gateway rejected secret key <redacted:secret-value>\n",
        ),
        (
            "401: invalid api key 'Kx81mZq0Pw3eL7Ty'",
            "401: invalid api key '<redacted:secret-value>'",
        ),
        (
            "Set `ftp_credentials` to `Quartz#5k` and save",
            "Set `ftp_credentials` to `<redacted:secret-value>` and save",
        ),
        (
            "and the api key for prod is qwPLmnZRtvxKdfGH, thanks",
            "and the api key for prod is <redacted:secret-value>, thanks",
        ),
        (  # a clause between the name and a colon: whose or which secret it is
            "here's the ftp password you asked for: Wq4zLm8Tx2Rp",
            "here's the ftp password you asked for: <redacted:secret-value>",
        ),
        (
            "Slack token (staging): n7QxV2kLp9Zt",
            "Slack token (staging): <redacted:secret-value>",
        ),
        (
            "Then set `SMTP_PASS` to `Maple~64z` and restart.",
            "Then set `SMTP_PASS` to `<redacted:secret-value>` and restart.",
        ),
        (
            "{url=jdbc:x, pwd=9c1d7e3a5b2f4c6d8e0a1b3c5d7e9f2a, pool=4}",
            "{url=jdbc:x, pwd=<redacted:password>, pool=4}",
        ),
    ],
)
def test_framed_values_go(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """A value in SQL, CDATA, brackets, ``-D`` or prose is judged under the name framing it."""
    assert anonymizer.anonymize(text) == expected


# The CDATA, bracket and ``-D`` rule's gate (the RE2 prefilter's precondition).
FRAMED_GATE = next(
    re.compile(rule.gate)
    for rule in framed.rules()
    if rule.gate is not None and "CDATA" in rule.gate and "-D" in rule.gate
)


@pytest.mark.parametrize(
    "text",
    [
        "<![CDATA[x",
        "token=[Kx81mZq0]",
        "token = [Kx81mZq0]",
        "secret:\t[a/b+c=d]",
        "pw: [é7]",
        "-Dpass=1",
        "key=[\u00e9]",
    ],
)
def test_framed_gate_holds_wherever_a_value_can_stand(text: str) -> None:
    assert FRAMED_GATE.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "<![CDATA[]]>",
        "allowedTCPPorts = [ 8080 ]",
        "OSError: [Errno 13] Permission denied",
        "key=[a,b]",
        "key=['a']",
        "key=[]",
        "key=[[1]]",
        "key=[abc\n]",
        "key = [a b]",
    ],
)
def test_framed_gate_skips_brackets_no_value_fills(text: str) -> None:
    assert not FRAMED_GATE.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "ALTER USER app IDENTIFIED BY :new_password",
        "CREATE USER ops IDENTIFIED BY VALUES 'S:4F2A'",
        "CREATE USER ops IDENTIFIED EXTERNALLY",
        "the user is identified by their badge",
        "UPDATE users SET password = ? WHERE id = 4",
        "<summary><![CDATA[nightly build ok]]></summary>",
        "<password><![CDATA[${SMTP_PASSWORD}]]></password>",
        "password=[REDACTED] tokens=[a1,b2]",
        "java -Dpassword.file=/etc/app/pw -Dpass=${APP_PASS} -jar x.jar",
        "the password is incorrect, try again",
        "the token is valid for 3600 seconds",
        "the api key is stored in /run/secrets/api_key",
        "the secret is not Birch^31x anymore",
        "bypass is Zq8#vT1mx",
        'raise AuthError(f"gateway rejected secret key {key}")',
        "invalid token format: expected a JWT",
        "bad password attempt 3 for user bob",
        "rejected secret key acme.example.com",
        "the credentials to the db01 host are in vault",
        "the token is client.getV2Token, see the docs",
        "annotations:\n  checksum/secret: 3f9a0c2e7b1d4f6a8c0e2b4d6f8a1c3e5b7d9f0a2c4e6b8d0f1a3c5e7b9d2f4a",
        "f(token=deadbeefcafe, retries=3)",
        # a clause that says what else the value is, a verb, a name, a counted value
        "the token id for prod: Wq4zLm8Tx2Rp",
        "pass the test suite with: pytest-xdist",
        "secret sauce for the demo: Kubernetes",
        "token budget per model: llama3-70b",
        "the token for prod: abcdefgh12",
    ],
)
def test_bind_variables_references_and_prose_stay(anonymizer: Anonymizer, text: str) -> None:
    """Bind variables, references, words, paths and negations are no secret values."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "for now use Rk4vN8pQ2wXz7LmT1yHs as our staging token, I'll ask for a real one",
            "for now use <redacted:secret-value> as our staging token, I'll ask for a real one",
        ),
        (
            "Just use 2b7f0c9e-5a1d-4e63-8c2b-9f4a7d1e3c05 as the Numbat api key.",
            "Just use <redacted:secret-value> as the Numbat api key.",
        ),
        (
            "deploys keep failing with token Jr5nW8qL2vXc, did it expire?",
            "deploys keep failing with token <redacted:secret-value>, did it expire?",
        ),
        (
            "I logged in using the admin password Hx7#pLq2Vw9z and it worked",
            "I logged in using the admin password <redacted:secret-value> and it worked",
        ),
        (  # ``@`` in a password that is no address
            "the sync stops with password Tq9@vW*2mLx4~Rz, rotate it",
            "the sync stops with password <redacted:secret-value>, rotate it",
        ),
        (
            "Use Hm3@kP8@wQz5 as the Numbat secret for the demo.",
            "Use <redacted:secret-value> as the Numbat secret for the demo.",
        ),
    ],
)
def test_a_value_used_as_or_introduced_by_a_secret_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """The value reads as generated or as a chosen password."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "use 7c1e9a4b2d8f0e6a3c5b9d7f1a2e4c6b as the cache key",
        "sign in with token authentication enabled",
        "use ghcr.io/acme/worker as the image and the default token",
        "authenticate with password prompts disabled",
        "use $DEPLOY_TOKEN as the token",
        "use deploy@buildhost02 as the ssh key",  # an SSH address
        "use git@forge.acme.example as the deploy key",
    ],
)
def test_words_references_and_data_keys_stay(anonymizer: Anonymizer, text: str) -> None:
    """Words, names, references and keys that name data stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("why does it keep returning 401? I'm using ZXIic758xXghN5SOkRI57ytt", "ZXIic758"),
        ("got 403 Forbidden when passing qk7Rw2Zp9Lm4Vt8Xs3Nb6Jd1 in the header", "qk7Rw2Zp"),
        ("sending Hq8vT2mZ4pXk9Lr7WcNs3Bd5 still gives 401 Unauthorized", "Hq8vT2mZ"),
        ("unauthorized again, using 444b05a5-3c4f-cd9c-26df-21eac3f8907a", "444b05a5"),
        # a provider's short hex key, where the line says it failed
        ("Quill keeps returning 401 with token 6b1f0e9c, expired?", "6b1f0e9c"),
        ("403 Forbidden with the api key 2c7a9e41d0 on /v1/items", "2c7a9e41d0"),
    ],
)
def test_a_value_an_auth_failure_line_says_it_sent_is_a_secret(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "got 401 again, I'm using curl 8.5.0 on ubuntu",
        "401 Unauthorized using Python3.11 and requests",
        "returns 401 when using basic auth with the service account",
        "I'm using ZXIic758xXghN5SOkRI57ytt for the cache bucket name",
        "403 forbidden: using build id 20261205.4 for the retry",
        "returns 200 with token 6b1f0e9c, all good",
        "built with token 6b1f0e9c",
        "401 with token 12345678",
        "401 with token abcdef12",
        "401 with token deadbeef",
        "401 with token a1b1a1b1",
    ],
)
def test_what_a_line_uses_is_no_secret_without_an_auth_failure_or_a_drawn_value(
    anonymizer: Anonymizer, text: str
) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The wifi password is lWjJOYC57n@02Q btw",
            "The wifi password is <redacted:secret-value> btw",
        ),
        ("my password is admin@123", "my password is <redacted:secret-value>"),
        ("the secret was Qx7!pl@Rm2 yesterday", "the secret was <redacted:secret-value> yesterday"),
        ("invalid password lWjJOYC57n@02Q", "invalid password <redacted:secret-value>"),
    ],
)
def test_a_told_password_with_an_at_and_no_dot_is_no_address(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A chosen value with ``@`` is a password, not ``user@host``, unless prose sends to it."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the deploy token was pushed to git@forge",
        "the password reset mail went to ops2@forge today",
        "the password is git@forge",
        "the ssh key was copied to deploy@web01 yesterday",
    ],
)
def test_a_told_address_stays(anonymizer: Anonymizer, text: str) -> None:
    """An address a secret was sent to, or one without digits, is no password."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the password for the admin account is OOL8dKLzdoc", "OOL8dKLzdoc"),
        ("password set to 8xNbe3nNyj, tell nobody", "8xNbe3nNyj"),
        ("her password was Dragon551$ until Monday", "Dragon551$"),
        ("I changed the password to Winter1040 yesterday", "Winter1040"),
        ("the vault passphrase is battery-correct-paper-river", "battery-correct-paper-river"),
        ("the root pw is ezqpGHoPZgPD", "ezqpGHoPZgPD"),
        ("password -> Tcada4PR0N", "Tcada4PR0N"),
        ("Password for 'https://ci@git.example.com': s0n8SoFkh8O", "s0n8SoFkh8O"),
        ('password "z7770H2DCp" did not work', "z7770H2DCp"),
        ("the token Zq8vT1mN4pLx7Wc2Rb5Y doesn't work anymore", "Zq8vT1mN4pLx7Wc2Rb5Y"),
    ],
)
def test_a_password_prose_tells_may_be_short_or_chosen(
    anonymizer: Anonymizer, text: str, value: str
) -> None:
    """After a password's name, 8 characters of two classes, a word with digits or a diceware
    phrase is the password; a token or key told in prose must still read as drawn."""
    assert value not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "the password is stored in vault",
        "password is required",
        "password -> hidden",
        "the password field was renamed to password2fa",
        "the token is refreshed2024 daily",
        "the api key was moved to Summer2024",
        "the password was set-in-the-env",
        "Password for 'https://git.example.com':",
        "the pw is managed by the installer",
        "the passphrase did not work",
    ],
)
def test_words_after_a_password_name_stay(anonymizer: Anonymizer, text: str) -> None:
    """A word, a field's name, a token's word with digits or a phrase with function words is no
    chosen password."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        '{"role": "user", "content": "the password for the admin account is 8xNbe3nNyj\\nthanks"}',
        '{"content": "the password is 8xNbe3nNyj"}',
        '{"content": "my api key is Xk9fQ2mLp7Rt4Wc8Zb2N."}',
    ],
)
def test_a_value_told_in_a_json_string_ends_at_its_quote_or_escape(
    anonymizer: Anonymizer, text: str
) -> None:
    """Prose inside a JSON string (an agent's message in a tool's output) tells its value up to
    the string's closing quote or a ``\\n`` escape (``value_spans.TOLD_END``)."""
    assert "8xNbe3nNyj" not in anonymizer.anonymize(text)
    assert "Xk9fQ2mLp7Rt4Wc8Zb2N" not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "> Ready! Your webhook signing secret is XjPSUOhREIN (^C to quit)",
            "> Ready! Your webhook signing secret is <redacted:secret-value> (^C to quit)",
        ),
        ("the secret is E1dtn20Y", "the secret is <redacted:secret-value>"),
        ("the secret is required here", "the secret is required here"),
        ("the secret is kubernetes", "the secret is kubernetes"),
        ("the secret is 3a4b5c6d", "the secret is 3a4b5c6d"),  # short hex: an id
        ("the token is XjPSUOhREIN", "the token is XjPSUOhREIN"),  # a told token is drawn long
    ],
)
def test_a_told_secret_may_be_as_short_as_a_password(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A value prose calls the secret reads as one from 8 characters, as a password does (a
    webhook's signing secret, bench/contexts40); words, short hex and a short told token stay."""
    assert anonymizer.anonymize(text) == expected
