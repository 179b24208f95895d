"""Key material in its own form: bare DER keys, OpenSSH bodies, Tor, PuTTY, Vault, seeds, licences."""

from __future__ import annotations

import base64
import hashlib

import pytest

from fedlearn.anonymize import Anonymizer, keymaterial, nacl_keys

ED25519_PKCS8 = "MC4CAQAwBQYDK2VwBCIEIPKoym2vgEB28Au2OtLOPj5qmaX3VmgZ09TSbqGgZm5N"
EC_SEC1 = "MHcCAQEEICxUzLNLP6rN9lwtmEUyZW/fldlsR221+g0Cb3df4FhPoAoGCCqGSM49AwEHoUQDQgAEmIYTc0IA"
CERTIFICATE = "MIIBbTCCAROgAwIBAgIUFjQMc/LEM4YKwB2dvxIlHJO2ncAwCgYIKoZIzj0EAwIwDDEKMAgGA1UEAwwBeDAe"
PUBLIC_KEY = "MCowBQYDK2VwAyEAue2pfQx3mAyiy8GUIp//70HEY9sQUYbKvXsrwT0RJrg="
MINE = {"private-key", "putty-private-key", "ansible-vault", "nkey-seed", "license-key"}
VAULT_LINE = "6130373364613936343837636234626236303030396261376362343066353334"
BYTES16 = "[17, 203, 64, 9, 250, 131, 77, 2, 190, 45, 118, 33, 86, 241, 12, 160]"
HEX16 = "[0x3a, 0x91, 0x0f, 0xc4, 0x27, 0x5e, 0xb8, 0x06, 0x7d, 0xe2, 0x14, 0xa9, 0x50, 0x8b, 0x33, 0xf1]"
NIX32 = "[ " + " ".join(str((i * 73 + 41) % 251) for i in range(32)) + " ]"
# RFC 8032's first test vector: the seed and the public key it derives.
SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
SECRET = base64.b64encode(SEED + PUBLIC).decode()
# The same seed with another key's public half: 64 bytes, but no key pair.
MISMATCHED = base64.b64encode(SEED + hashlib.sha256(b"other").digest()).decode()


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


OPENVPN_LINES = "\n".join(f"{i:02x}" * 16 for i in range(40, 56))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "tls-crypt |\n  -----BEGIN OpenVPN Static key V1-----\n  "
            + OPENVPN_LINES.replace("\n", "\n  ")
            + "\n  -----END OpenVPN Static key V1-----",
            "tls-crypt |\n  -----BEGIN OpenVPN Static key V1-----\n  <redacted:private-key>\n"
            "  -----END OpenVPN Static key V1-----",
        ),
        (  # JSON-escaped, as an environment variable
            '"TA_KEY": "-----BEGIN OpenVPN Static key V1-----\\n'
            + OPENVPN_LINES.replace("\n", "\\n")
            + '\\n-----END OpenVPN Static key V1-----"',
            '"TA_KEY": "-----BEGIN OpenVPN Static key V1-----\\n<redacted:private-key>'
            '\\n-----END OpenVPN Static key V1-----"',
        ),
        (
            "-----BEGIN OpenVPN tls-crypt-v2 client key-----\n"
            "Xb3mK9qL2vR8tY4wZ6nP1sD7fG0hJ5kC3xV8bN2mQ4rT6yU9iO1pA7sD5fG3hJ0k\n"
            "Lq8Wz2Xc4Vb6Nm1Aa3Sd5Ff7Gg9Hh0Jj2Kk4Ll6Zz8Xx0Cc2Vv4Bb6Nn8Mm0Qq2Ww4==\n"
            "-----END OpenVPN tls-crypt-v2 client key-----",
            "-----BEGIN OpenVPN tls-crypt-v2 client key-----\n<redacted:private-key>\n"
            "-----END OpenVPN tls-crypt-v2 client key-----",
        ),
    ],
)
def test_openvpn_key_files_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


def test_an_openvpn_key_file_without_key_lines_stays(anonymizer: Anonymizer) -> None:
    text = "-----BEGIN OpenVPN Static key V1-----\n(hidden)\n-----END OpenVPN Static key V1-----"
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"advanced:\n  network_key: {BYTES16}\n",
            "advanced:\n  network_key: <redacted:high-entropy>\n",
        ),
        (f'{{"aes_secret": {HEX16}}}', '{"aes_secret": <redacted:secret>}'),
        (f"  settings.encryptionKey = {NIX32};", "  settings.encryptionKey = <redacted:api-key>;"),
        (
            f"nix-repl> cfg.settings.network_key\n{BYTES16}",
            "nix-repl> cfg.settings.network_key\n<redacted:high-entropy>",
        ),
    ],
)
def test_byte_arrays_under_a_key_name_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"weights: {BYTES16}",  # no secret's name
        "sort_key = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]",  # a run
        "network_key: [1, 1, 2, 2, 3, 3, 4, 4, 1, 1, 2, 2, 3, 3, 4, 4]",  # too few distinct
        "network_key: [17, 203, 64, 9, 250, 131, 77, 2, 190, 45, 118, 33, 86, 241, 12]",  # 15
        "secret_bins = [17, 203, 640, 9, 250, 131, 77, 2, 190, 45, 118, 33, 86, 241, 12, 160]",
    ],
)
def test_other_arrays_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_a_seed_and_its_public_key_are_recognized() -> None:
    assert nacl_keys.is_nacl_secret(SEED + PUBLIC)
    assert not nacl_keys.is_nacl_secret(SEED + hashlib.sha256(b"other").digest())
    assert not nacl_keys.is_nacl_secret(hashlib.sha512(b"a file").digest())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"builder-7.lan-1:{SECRET}", "builder-7.lan-1:<redacted:private-key>"),
        (
            f"$ cat /var/lib/attic/out.txt\n{SECRET}\n",
            "$ cat /var/lib/attic/out.txt\n<redacted:private-key>\n",
        ),
    ],
)
def test_nacl_secret_keys_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"checksum {MISMATCHED}",  # 64 bytes that are no key pair
        f"integrity sha512-{base64.b64encode(hashlib.sha512(b'pkg').digest()).decode()}",
        f"digest: {base64.b64encode(hashlib.sha512(b'blob').digest()).decode()}",
    ],
)
def test_other_64_byte_runs_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
