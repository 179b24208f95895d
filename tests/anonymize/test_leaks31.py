"""Forms bench/contexts31 still leaked at session 31's start: a literal interpolated into a string
(``interpolated``), a JSON-RPC call's positional params (``rpc_params``), a secret given as the
answer to a question asking for it (``asked``), ``my … key V`` (``owned_words``); and two
review30 finding: an escaped Windows path joined into one word (``literals``). Whole strings of
a JSON array side by side are two values, not one cut (``continued``: ``"ledger"`` stays)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

DRAWN = "Qm7xK2pV9rT4wZ8nB3cY6hJ1"
LOWER = "k4v8q2m9x7t3w6p1z5r8n2b4"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A literal interpolated into an f-string, a template literal, a Ruby string.
        (
            f"""headers={{"Authorization": f"Bearer {{'{DRAWN}'}}"}}""",
            """headers={"Authorization": f"Bearer {'<redacted:authorization>'}"}""",
        ),
        (
            f'const h = {{ Authorization: `Bearer ${{"{DRAWN}"}}` }};',
            'const h = { Authorization: `Bearer ${"<redacted:authorization>"}` };',
        ),
        (
            f"""req["Authorization"] = "Bearer #{{'{DRAWN}'}}\"""",
            """req["Authorization"] = "Bearer #{'<redacted:authorization>'}\"""",
        ),
        # The f-string's own prefix is none of the value: read as a plain literal.
        (
            f"""ledger_api_key = f"{{'{DRAWN[:10]}$(%{DRAWN[10:]}'}}\"""",
            """ledger_api_key = f"{'<redacted:api-key>'}\"""",
        ),
    ],
)
def test_interpolated_literal(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'x = {"a": "b", "token": "$TOKEN"}',
        """print(f"{'done'} after {'retries'}")""",
        """label = f"Bearer {'token'}\"""",
        'tags = {"3f2a9c1d4e5b6a7980f1e2d3c4b5a697"}',
    ],
)
def test_interpolated_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A call whose method signs in: its drawn params go, a chosen name stays.
        (
            f'{{"jsonrpc": "2.0", "id": 3, "method": "session.open", "params": ["ledger", "{LOWER}"]}}',
            '{"jsonrpc": "2.0", "id": 3, "method": "session.open", "params": ["ledger", "<redacted:token>"]}',
        ),
        (
            f'{{"params": ["svc-deploy", "{LOWER}"], "method": "Auth.Login", "id": 9}}',
            '{"params": ["svc-deploy", "<redacted:token>"], "method": "Auth.Login", "id": 9}',
        ),
        (
            f'{{"id": 1, "method": "openSession", "params": [\n  "{LOWER}",\n  30\n]}}',
            '{"id": 1, "method": "openSession", "params": [\n  "<redacted:token>",\n  30\n]}',
        ),
        (
            f"{{'method': 'ledger.signIn', 'params': ['{LOWER}']}}",
            "{'method': 'ledger.signIn', 'params': ['<redacted:token>']}",
        ),
    ],
)
def test_rpc_params(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A signing-in call's account address, a chosen word; calls that name no credential.
        '{"method": "personal_unlockAccount", "params": ["0x407d73d8a49eeb85d32cf465507dd71d507100c1", "hunter", 300]}',
        '{"jsonrpc": "2.0", "method": "getTokenSupply", "params": ["So11111111111111111111111111111111111111112"]}',
        '{"jsonrpc": "2.0", "method": "eth_getBlockByHash", "params": ["0x5ebc8cbb92f8827279005b554f6e180bda9afd4f5f1a0566264b7fd835343673", false]}',
        f'{{"method": "author.get", "params": ["{LOWER}"]}}',
        f'{{"method": "session.close", "params": ["{LOWER}"]}}',
        '{"method": "auth.login", "params": ["admin", "https://sso.example.org/cb", "ledger-prod"]}',
        '{"method": "config.set", "params": ["password_min_length", "12"]}',
    ],
)
def test_rpc_params_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"> ops wrote:\n> which billing token does the nightly job use?\nthis one: {LOWER} (the old one)",
            "> ops wrote:\n> which billing token does the nightly job use?\nthis one: <redacted:secret-value> (the old one)",
        ),
        (
            f"[09:12] ana: what's the staging api key?\n[09:13] ben: one sec\n[09:14] ben: `{LOWER}`",
            "[09:12] ana: what's the staging api key?\n[09:13] ben: one sec\n[09:14] ben: `<redacted:secret-value>`",
        ),
        (
            "kim: which ledger secret is it?\nlee: 6f1c2a9e-4b7d-4e21-9a3f-0c8d5e7b1a24",
            "kim: which ledger secret is it?\nlee: <redacted:secret-value>",
        ),
        (
            "which password do we use for the NAS?\r\nKq8#vLm2pXz!\r\n".replace("!", ""),
            "which password do we use for the NAS?\r\n<redacted:secret-value>\r\n",
        ),
    ],
)
def test_asked(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "which commit has the token fix?\n3f2a9c1d4e5b6a7980f1e2d3c4b5a69788f0e1d2",
        "what's the token expiry?\n3600s",
        "which cache key does it use?\nbuild-7f3a9c1d4e5b6a79",
        "which ssh key should I use?\nthe one in vault",
        "which key is it?\nid_ed25519",
        "what's the api key?\nask ops, it's in vault",
        "which token?\nnpm-publish-ci",
        "which password manager do you use?\nbitwarden",
        "which secret did you rotate?\nchatcmpl-9xKq2LmP4vR7tW1z",
    ],
)
def test_asked_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Auth fails with my ledger key vTqWnZpLrKsXyMbHcDfG even though it works in curl.",
            "Auth fails with my ledger key <redacted:secret-value> even though it works in curl.",
        ),
        (
            "rotate your staging api key 7730418862951164 before Friday",
            "rotate your staging api key <redacted:secret-value> before Friday",
        ),
    ],
)
def test_owned_key(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "my gpg key 3AA5C34371567BD2 expired",
        "check your cache key build-7f3a9c1d first",
        "my key binding ctrl-shift-k stopped working",
        "our key rotation policy says 90 days",
        "my api key file ~/.config/ledger/key.json is missing",
    ],
)
def test_owned_key_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        # An escaped Windows path under a secret's key: a path, not one word.
        'ledger_secret = "\\\\\\\\fileserver\\\\share\\\\ledger.txt"',
        'LEDGER_TOKEN = "C:\\\\ProgramData\\\\Ledger\\\\token"',
    ],
)
def test_escaped_windows_path_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rclone: a ``key=value`` word is a pair alone; the pairs after it stay aligned.
        (
            f"rclone config create ledger s3 provider=AWS secret_access_key {LOWER} region eu-west-1",
            "rclone config create ledger s3 provider=AWS secret_access_key <redacted:aws-secret-key> region eu-west-1",
        ),
        # PowerShell's prompt before a printer of one credential.
        (
            f"PS> keyring get ledger deploy\n{LOWER}\nPS>",
            "PS> keyring get ledger deploy\n<redacted:token>\nPS>",
        ),
        (
            f"PS D:\\work> gh auth token\n{LOWER}",
            "PS D:\\work> gh auth token\n<redacted:token>",
        ),
    ],
)
def test_review30_forms(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "rclone config create ledger s3 provider=AWS env_auth true region eu-west-1",
        "PS> keyring get ledger deploy\nno password found",
        "PS> keyring --help\nusage: keyring [-h]",
    ],
)
def test_review30_forms_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # JavaScript's logical assignment ``??=`` assigns as ``=`` does.
        (
            "settings.ledgerApiKey ??= '7f3e2a91-b4c8-d650-19ae-fd3c0b7e5-2a71';",
            "settings.ledgerApiKey ??= '<redacted:api-key>';",
        ),
        # and ``||=`` (JavaScript, Ruby), blanks or none (session 38's probes)
        ("config.password ||= 'Zq8wR2vLp9KdT4';", "config.password ||= '<redacted:password>';"),
        ('api_key||="Zq8wR2vLp9KdT4"', 'api_key||="<redacted:api-key>"'),
        # Make's ``$(eval X := V)``: the ``)`` closes the eval; a drawn name is no name passed on.
        (
            "release:\n\t$(eval LEDGER_AUTH_TOKEN := Qx7bN2mKp9LwZr)\n\t./ship.sh",
            "release:\n\t$(eval LEDGER_AUTH_TOKEN := <redacted:token>)\n\t./ship.sh",
        ),
    ],
)
def test_assigned_forms(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "opts.token ??= process.env.LEDGER_TOKEN;",
        "config.password ||= process.env.DB_PASSWORD;",
        "client = Ledger(token=tokenV2, retries=3)",
        "release:\n\t$(eval LEDGER_TOKEN := $(shell cat .token))",
        "connect(password=dbPassword)",
    ],
)
def test_assigned_forms_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
