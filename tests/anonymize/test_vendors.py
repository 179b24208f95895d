"""Provider tokens of ``vendors``' table, bare in prose and logs."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

MINISIGN = "RWRTY0Iy" + "q9ZmX7wR2tLb4NcYd8Hs1Ju6Fe3Ga5Mi0OvQ+/" * 4 + "AA=="
# signify -G -n: ``Ed``, ``BK``, 0 KDF rounds, salt, checksum, key number, 64 secret bytes.
SIGNIFY = "RWRCSwAAAAA" + "x7Q+k2Lp9Zt/Wn3Rb8Yc1V5s0aB4dE6fG" * 4 + "k2Lp9Q="


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "axiom ingest failed with xaat-0f3c2b1a-9d8e-4c7b-a6f5-e4d3c2b1a0f9 (401)",
            "axiom ingest failed with <redacted:axiom-token> (401)",
        ),
        (
            "flagsmith env key: ser.Qm4Xk2Lp9Zt7Wn3Rb8Yc1V",
            "flagsmith env key: <redacted:flagsmith-key>",
        ),
        (
            "STYTCH=secret-test-Zq8vT1mN4pXk2Lp9Zt7Wn3Rb8Yc1V5s0aB=",
            "STYTCH=<redacted:stytch-secret>",
        ),
        (
            "curl -H 'Authorization: *:production.9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15'",
            "curl -H 'Authorization: <redacted:unleash-token>'",
        ),
        (
            f"minisign -S -s <(echo {MINISIGN})",
            "minisign -S -s <(echo <redacted:minisign-secret-key>)",
        ),
        (
            f"$ cat ~/.signify/release.sec\nuntrusted comment: signify secret key\n{SIGNIFY}\n",
            "$ cat ~/.signify/release.sec\nuntrusted comment: signify secret key\n"
            "<redacted:signify-secret-key>\n",
        ),
        (
            "Cookie: .ROBLOSECURITY=_|WARNING:-DO-NOT-SHARE-THIS.--Sharing-this-will-allow-"
            "someone-to-log-in-as-you.|_" + "8C2F19A0B3D4E5F6" * 6 + "; theme=dark",
            "Cookie: .ROBLOSECURITY=<redacted:roblox-cookie>; theme=dark",
        ),
        ("SHOPIFY_PRIVATE=shpsf_" + "0a1b2c3d" * 4, "SHOPIFY_PRIVATE=<redacted:shopify-token>"),
        (
            "KSM_CONFIG: eyJob3N0bmFtZSI6ICJrZWVwZXJzZWN1cml0eS5ldSIsICJjbGllbnRJZCI6ICJxOVptWDd3UjJ0TGI0TmNZZDhIczFKdTZGZTNHYTVNaTBPdlErL1pxOHZUMW1ONHBYazJMcDlaPT0ifQ==",
            "KSM_CONFIG: <redacted:keeper-config>",
        ),
        (
            "RPC=https://lively-frost.solana-mainnet.quiknode.pro/" + "0a1b2c3d4e" * 4 + "/",
            "RPC=https://lively-frost.solana-mainnet.<redacted:quicknode-url>/",
        ),
        (
            "npx convex deploy --key 'preview:happy-otter-512|" + "Zq8vT1mN4pXk" * 4 + "'",
            "npx convex deploy --key '<redacted:convex-deploy-key>'",
        ),
        ("FLW_ENC=FLWSECK_TESTa1b2c3d4e5f6", "FLW_ENC=<redacted:flutterwave-key>"),
        (
            "hook: https://discord.com/api/webhooks/42/Ab-9",
            "hook: https://discord.com/api/webhooks/<redacted:discord-webhook>",
        ),
        (
            "MAPBOX=tk.eyJ1IjoiYWNtZSIsImEiOiJja3g5In0.Zq8vT1mN4pXk2Lp9Zt7Wn3",
            "MAPBOX=<redacted:mapbox-token>",
        ),
    ],
)
def test_a_vendor_token_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "user.preferences.theme = dark; parser.setStrictMode(true)",
        "ser.DeserializeObjectFromJsonStream",  # words, no token
        "secret-live-reload-configuration-for-webpack",
        "glob *:*.txt matched 3 files",
        "minisign -Vm file.tar.gz -P RWQAAEIy",  # the literal alone
        "root = tk.Tk(); label = tk.Label(root, text='hello')",
    ],
)
def test_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


ELASTIC = "essu_" + "Uz2R/k4x+Yk1C/cUJ+dkx/Jd3F" * 3 + "Q/" + "AAAAA" + "P9q/r2w"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"new value is {ELASTIC}, the old one is revoked", None),
        ("sandbox refused e2b_" + "4d0c9b1a7e" * 4 + " (401)", None),
        ("sign with signkey-test-" + "9f86d081884c7d65" * 4 + " please", None),
        ("asana: 1/1204567890123456/1209876543210987:" + "a1b2c3d4" * 4 + " expired", None),
        ("the new one is as-FG2lbXmgeu1bQ3pt5l2F5U ok", None),
    ],
)
def test_a_new_vendor_token_is_redacted_bare(
    anonymizer: Anonymizer, text: str, expected: str | None
) -> None:
    """Elastic Cloud, E2B, Inngest, Asana and Modal tokens go wherever they stand, whole."""
    out = anonymizer.anonymize(text)
    assert "<redacted:" in out
    for part in ("essu_", "P9q/r2w", "e2b_4d0c", "signkey-test-9f", ":a1b2c3d4", "as-FG2lb"):
        assert part not in out


@pytest.mark.parametrize(
    "text",
    [
        "POST /v1/items/2/1234567890123/ok",  # a path of numbers, no hex after a colon
        "alias-resolution as-is, has-many-through",
        "e2b_sandbox_template_id = base",
        "signkey-prod-rotation-runbook.md",
    ],
)
def test_new_vendor_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "mysql> SELECT user, authentication_string FROM mysql.user;\n"
            "| svc_billing | *2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19 |",
            "mysql> SELECT user, authentication_string FROM mysql.user;\n"
            "| svc_billing | <redacted:mysql-password-hash> |",
        ),
        (
            "GRANT ALL ON app.* TO 'svc'@'%' IDENTIFIED BY PASSWORD "
            "'*94BDCEBE19083CE2A1F959FD02F964C7AF4CFC29';",
            "GRANT ALL ON app.* TO 'svc'@'%' IDENTIFIED BY PASSWORD "
            "'<redacted:mysql-password-hash>';",
        ),
        (
            "replica hash=*A4B6157319038724E3560894F7F932C8886EBFCF, retrying",
            "replica hash=<redacted:mysql-password-hash>, retrying",
        ),
    ],
)
def test_a_mysql_password_hash_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """MySQL's native hash (``*`` + 40 upper hex) is as good as the password to a dictionary."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "commit **2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19** is the release",
        "glob *2470c0c06dee42fd1618bb99005adca2ec9d1e19 matched nothing",
        "files: *.tar.gz *.ABCDEF0123",
        "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19F0 (a longer hex)",
    ],
)
def test_mysql_hash_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Bold Markdown, lower-case hex, globs and longer hex runs are no MySQL hash."""
    assert anonymizer.anonymize(text) == text
