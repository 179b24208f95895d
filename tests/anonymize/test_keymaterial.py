"""Key material in its own form: bare DER keys, OpenSSH bodies, Tor, PuTTY, Vault, seeds, licences."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, keymaterial

ED25519_PKCS8 = "MC4CAQAwBQYDK2VwBCIEIPKoym2vgEB28Au2OtLOPj5qmaX3VmgZ09TSbqGgZm5N"
EC_SEC1 = "MHcCAQEEICxUzLNLP6rN9lwtmEUyZW/fldlsR221+g0Cb3df4FhPoAoGCCqGSM49AwEHoUQDQgAEmIYTc0IA"
CERTIFICATE = "MIIBbTCCAROgAwIBAgIUFjQMc/LEM4YKwB2dvxIlHJO2ncAwCgYIKoZIzj0EAwIwDDEKMAgGA1UEAwwBeDAe"
PUBLIC_KEY = "MCowBQYDK2VwAyEAue2pfQx3mAyiy8GUIp//70HEY9sQUYbKvXsrwT0RJrg="
MINE = {"private-key", "putty-private-key", "ansible-vault", "nkey-seed", "license-key"}
VAULT_LINE = "6130373364613936343837636234626236303030396261376362343066353334"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"signer (der, b64) {ED25519_PKCS8}", "signer (der, b64) <redacted:private-key>"),
        (f"export EC_DER='{EC_SEC1}'\n", "export EC_DER='<redacted:private-key>'\n"),
        (  # an OpenSSH body without armour, over two lines (YAML block)
            "deploy_key: |\n  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtz\n"
            "  c2gtZWQyNTUxOQAAACBvY2tldHNhbGFkZm9yZXZlcmFuZGV2ZXI=\nnext: 1",
            "deploy_key: |\n  <redacted:private-key>\nnext: 1",
        ),
        (
            "ADD_ONION ED25519-V3:" + "Y" * 86 + "== Port=80,127.0.0.1:8080",
            "ADD_ONION ED25519-V3:<redacted:private-key> Port=80,127.0.0.1:8080",
        ),
        (
            "PuTTY-User-Key-File-2: ssh-rsa\\nPrivate-Lines: 2\\nAAAAgQC7v1Nq0JtK9bX2\\nAAAAQQD9xk=\\n",
            "PuTTY-User-Key-File-2: ssh-rsa\\nPrivate-Lines: 2\\n<redacted:putty-private-key>\\n",
        ),
        (
            f"secret: !vault |\n    $ANSIBLE_VAULT;1.2;AES256;prod\n    {VAULT_LINE}\n    {VAULT_LINE}\n",
            "secret: !vault |\n    $ANSIBLE_VAULT;1.2;AES256;prod\n    <redacted:ansible-vault>\n",
        ),
        (
            "seed: SOALU7LPGJTRZHFEOFBCVQABXM6S3LIQJBMOPXZ5BBK7ZE4FZ3UDBMKQBQ (operator)",
            "seed: <redacted:nkey-seed> (operator)",
        ),
        ("key X7K2P-9QWRT-B3M6N-Y4H8J-2CDFG ok", "key <redacted:license-key> ok"),
        ('"serial": "E3-AB12-CD34-EF56-GH78-JK90"', '"serial": "<redacted:license-key>"'),
        (
            "licence for idea: K0ZXQW7L2P-eyJsaWNlbnNlSWQiOiJLMFpYUVc3TDJQIiwibGljZW5zZWVOYW1lIjoiYWNtZSJ9-"
            "MIIEowIBAAKCAQEAx4Yc2l3ZmRzZmRzZmRzZmRz",
            "licence for idea: <redacted:license-key>",
        ),
        (
            "solana-keygen wrote ~/.config/solana/id.json: ["
            + ", ".join(str((n * 37) % 256) for n in range(64))
            + "]",
            "solana-keygen wrote ~/.config/solana/id.json: <redacted:private-key>",
        ),
        (  # base64 of Tor's hs_ed25519_secret_key file
            "$ base64 -w0 hs_ed25519_secret_key\nPT0gZWQyNTUxOXYxLXNlY3JldDogdHlwZTAgPT0AAABQsFy2"
            "hV3kLm0pqX7rT1zY9wA4bC6dE8fG0hJ2kL4mN6o\n$ ",
            "$ base64 -w0 hs_ed25519_secret_key\n<redacted:private-key>\n$ ",
        ),
    ],
)
def test_key_material_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """Each form of key material becomes its placeholder; what is around it stays."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"ssl_certificate_der: {CERTIFICATE}",  # a certificate is public
        f"public part {PUBLIC_KEY[:40]}",  # so is a public key
        "MIGRATIONS_APPLIED_TOTAL_FOR_THE_WHOLE_CLUSTER_AND_EVERY_TENANT_SINCE_BOOT_2024=4",
        "request 1B4E28BA-2FA1-11D2-883F-0016D3CCA427 done",  # an upper-case UUID
        "placeholder XXXXX-XXXXX-XXXXX-XXXXX-XXXXX",  # no digit
        "Private-Lines: see the file",
        "$ANSIBLE_VAULT;1.1;AES256 (header only)",
        "embedding: [" + ", ".join(str(n) for n in range(64)) + "]",  # no key word
        "secret sizes: [" + ", ".join(str(n * 9) for n in range(64)) + "]",  # not bytes
    ],
)
def test_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Certificates, public keys, ids and headers without key material are left alone."""
    assert not {finding.rule for finding in anonymizer.scan(text)} & MINE


def test_der_heads() -> None:
    """The decoded head decides: private structures yes, a certificate or SNMP message no."""
    assert keymaterial.is_der_private(bytes.fromhex("308204a40201000282010100"))  # PKCS#1
    assert keymaterial.is_der_private(bytes.fromhex("30820a6102010330820a2c0609"))  # PKCS#12
    assert not keymaterial.is_der_private(bytes.fromhex("304a020103304312020101"))  # SNMPv3
    assert not keymaterial.is_der_private(bytes.fromhex("302902010104067075626c6963a01c"))
    assert not keymaterial.is_der_private(bytes.fromhex("3082016d30820113a003020102"))
