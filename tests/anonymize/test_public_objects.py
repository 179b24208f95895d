"""Parts of public objects that look generated stay (``public_objects``); secrets beside them go."""

from __future__ import annotations

import base64
import random

import pytest

from fedlearn.anonymize import Anonymizer, public_objects

SHA256 = "9f2c1dd3a0e1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5061728394a5"
TOKEN = "Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4dE6fG8hJ"
B64URL_43 = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"
OTHER_43 = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"
PRIVATE_43 = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"


def pem(kind: str, seed: int, newline: str = "\n") -> str:
    """Return a PEM block of ``kind`` with a random DER-looking body in 64-character lines."""
    body = base64.b64encode(b"\x30\x82\x02" + random.Random(seed).randbytes(300)).decode()
    lines = [body[at : at + 64] for at in range(0, len(body), 64)]
    return newline.join([f"-----BEGIN {kind}-----", *lines, f"-----END {kind}-----"])


@pytest.mark.parametrize(
    "text",
    [
        # API objects' ids: kinds of objects, not keys.
        "openai: run_Lm7Rt4Nw8Yb3Hd6Fg1Js5Pz0Qa in thread_Lm7Rt4Nw8Yb3Hd6Fg1Js5Pz0Qa failed",
        "batch msgbatch_01HkcTjaV5uDC8jWR4ZsDV8dQx ended; deploy dpl_8Jk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d",
        "OpenAI-Organization: org-Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d project proj_Hk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d",
        "gh api graphql -F pr=PR_kwDOHk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d -f body=x",
        '{"relatedSpdxElement": "SPDXRef-Package-golang-x-net-3f9aB2c7dQ"}',
        # Media ids in their URIs, URLs and YouTube's.
        "queued spotify:playlist:37i9dQZF1DXcBWIGoYBM5M",
        '{"uri": "spotify:album:4uLU6hMCjMI75M1A2tKUQC", "name": "Discovery"}',
        "youtube: list=PLbpi6ZahtOH6Blw3RGYpWkSByi_T7Rygb synced",
        # Certificates, a request and a JSON-escaped chain.
        pem("CERTIFICATE", 1) + "\n" + pem("CERTIFICATE", 2),
        "csr:\n" + pem("CERTIFICATE REQUEST", 4),
        '{"ca_bundle": "' + pem("CERTIFICATE", 4, newline="\\n") + '\\n"}',
        # Public keys and signatures in their armour.
        "jwt verify key:\n" + pem("PUBLIC KEY", 8) + "\n" + pem("PGP PUBLIC KEY BLOCK", 9),
        "sig:\n" + pem("PGP SIGNATURE", 11),
        # JSON Web Keys with only public members: EC, OKP, RSA (JSON-escaped too).
        f'{{"kty": "EC", "crv": "P-256", "kid": "k1", "x": "{B64URL_43}", "y": "{OTHER_43}"}}',
        f'{{"keys":[{{"kty":"OKP","crv":"Ed25519","x":"{B64URL_43}","use":"sig"}}]}}',
        f'"jwks": "{{\\"kty\\":\\"RSA\\",\\"e\\":\\"AQAB\\",\\"n\\":\\"{B64URL_43}{OTHER_43}\\"}}"',
        # ACME: a key authorization, the token in a URL; a DNS-01 TXT value.
        f"Create a file containing just this data:\n\n{B64URL_43}.{OTHER_43}\n\n"
        f"And make it available at http://example.com/.well-known/acme-challenge/{B64URL_43}",
        f'_acme-challenge.example.org. 300 IN TXT "{B64URL_43}"\nlego: solving DNS-01',
        f"lego: http-01 challenge token {B64URL_43} validated",
        f'{{"type": "tls-alpn-01", "status": "pending", "token": "{B64URL_43}",'
        f' "keyAuthorization": "{B64URL_43}.{OTHER_43}"}}',
        # A labelled digest under a key only the look rule judges (a cosign tag).
        f"cosign: pushing auth:sha256-{SHA256}.att",
        # Hashes named by words (CI cache keys) and versions of four numbers.
        f"restored Windows-x64-gradle-{SHA256}; saved macOS-arm64-cargo-registry-{SHA256}",
        '[assembly: AssemblyVersion("1.0.0.0")]\nProductVersion: 10.0.1.2, Firmware version 5.1.20.3',
        "System.Runtime, Version=4.2.2.0, Culture=neutral; os_version=10.0.0.1, ver. 1.2.3.4",
        "Oracle Database 10g Release 10.2.0.4, firmware 5.1.20.3, OsBuild: 10.0.1.2",
        # A .NET strong name: the version (and a range's end), the public key token.
        '<assemblyIdentity name="Acme.Core" publicKeyToken="30ad4fe6b2a6aeed" culture="neutral" />'
        '<bindingRedirect oldVersion="0.0.0.0-12.0.0.0" newVersion="12.0.0.0" />',
        "Acme.Core, Version=12.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
        # A passkey's credential id (public by design) in any key spelling.
        f"webauthn: assertion ok for credential_id={B64URL_43} sign_count=7",
        f'{{"rawId": "{B64URL_43}", "type": "public-key", "authenticatorAttachment": "platform"}}',
        # Vault's audit log: values HMAC'd under secret keys (Vault's own redaction).
        f'{{"auth": {{"client_token": "hmac-sha256:{SHA256}", "accessor": "hmac-sha256:{SHA256}"}}}}',
        f"secret_id=hmac-sha256:{SHA256} role_id=hmac-sha256:{SHA256}",
    ],
)
def test_public_objects_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A private JWK (``d``, ``k``) is a secret whole: its public members do not save it.
        (f'{{"kty": "EC", "crv": "P-256", "x": "{B64URL_43}", "d": "{PRIVATE_43}"}}', PRIVATE_43),
        (f'{{"kty": "oct", "kid": "hmac", "k": "{PRIVATE_43}"}}', PRIVATE_43),
        # A token after a certificate's END line, a private key after the certificate.
        (pem("CERTIFICATE", 5) + f"\ndeploy with {TOKEN}", TOKEN),
        (
            pem("CERTIFICATE", 6) + "\n" + pem("PRIVATE KEY", 7),
            pem("PRIVATE KEY", 7).splitlines()[-2],
        ),
        # A signed message's text is no signature.
        (
            f"-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\ndeploy {TOKEN}\n"
            + pem("PGP SIGNATURE", 12),
            TOKEN,
        ),
        # An object kind word in a key's place, a key word in a name with a hash.
        (f"call {TOKEN}", TOKEN),
        (f"api_key={TOKEN} for run_Lm7Rt4Nw8Yb3Hd6Fg1Js5Pz0Qa", TOKEN),
        # ACME text: a DNS provider's token is no challenge token; an address after a version.
        (f"dns-01 via cloudflare, CF_DNS_API_TOKEN={TOKEN}", TOKEN),
        (f'{{"type": "dns-01", "provider": {{"name": "cloudflare", "token": "{TOKEN}"}}}}', TOKEN),
        (f"password: sha256-{SHA256}", SHA256),
        # A credential's secret beside its public id; a token that only starts like an HMAC.
        (f"credential_id={B64URL_43} credential_secret={TOKEN}", TOKEN),
        (f'{{"client_token": "hmac-sha256:{TOKEN}"}}', TOKEN),
        ("version: 2.5.34.0 from 10.20.30.40", "10.20.30.40"),
        ("connected to 10.20.30.40, version 2", "10.20.30.40"),
        ("dns server: 10.20.30.40", "10.20.30.40"),
        ("conversion 10.20.30.40", "10.20.30.40"),
        ("build host 10.20.30.40", "10.20.30.40"),
        ("version 2.0 -10.20.30.40", "10.20.30.40"),
        ("session token=30ad4fe6b2a6aeed", "30ad4fe6b2a6aeed"),
    ],
)
def test_secrets_beside_public_objects_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


def test_named_hashes() -> None:
    assert public_objects.is_named_hash(f"node-cache-Linux-x64-{SHA256}")
    assert not public_objects.is_named_hash(f"secret-Linux-{SHA256}")
    assert not public_objects.is_named_hash(f"Hk2Lp9Qt7Wn3-{SHA256}")
    assert not public_objects.is_named_hash("node-cache-Linux-x64")


def test_node_ids() -> None:
    assert public_objects.is_node_id("PR_kwDOHk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d")
    assert public_objects.is_node_id("R_kgDOGk2Lp9Qt")
    assert not public_objects.is_node_id("PAT_kwDOHk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d")
    assert not public_objects.is_node_id("PR_xwDOHk2Lp9Qt7Wn3Rb8Yc1V5s0aB4d")


def test_object_ids() -> None:
    assert public_objects.is_object_id("toolu_01A09q90qw90lq917835lq9")
    assert not public_objects.is_object_id("sk_live_51QbR4tHx9Kc2Lm7Nv3Pz8Wq5")
    assert not public_objects.is_object_id("run_Lm7Rt4Nw8Y_b3Hd6Fg1Js5Pz0Qa")


@pytest.mark.parametrize(
    "text",
    [
        # OpenRouter's generation ids: a kind, a Unix time, a body.
        "GET /api/v1/generation?id=gen-1699999999-Zq8vT1mN4pXk2Lp9QwEr failed;"
        " generation gen-1699999999-Zq8vT1mN4pXk2Lp9QwEr pending",
        # A request id under its own id key, after the words of an authentication error.
        '{"error": "invalid api key", "request_id": "req_011CWxq2Zv8Hk4Ln6Pp1Ta9B"}',
        "Error: invalid api_key, request id: req_011CWxq2Zv8Hk4Ln6Pp1Ta9B",
        # JOSE headers: certificate thumbprints beside ``alg``.
        'JWS protected header {"alg":"ES256","x5t#S256":"p8vT1mN4pXk2Lp9QwErTy6Ui0Op3As5Df7Gh9Jk2Lz4"}',
        'header={"alg": "PS256", "x5t": "Qz8vT1mN4pXk2Lp9QwErTy6Ui0O", "crit": ["exp"]}',
    ],
)
def test_request_ids_and_jose_headers_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A time before 2001, a kind that names no object.
        ("generation gen-0999999999-Zq8vT1mN4pXk2Lp9QwEr failed", "Zq8vT1mN4pXk2Lp9QwEr"),
        ("generation key-1699999999-Zq8vT1mN4pXk2Lp9QwEr failed", "Zq8vT1mN4pXk2Lp9QwEr"),
        # A JOSE header with a private member, a secret member beside ``alg``.
        (
            'header={"alg": "HS256", "k": "' + TOKEN + '", "x5t": "Qz8vT1mN4pXk2Lp9QwErTy6Ui0O"}',
            TOKEN,
        ),
        ('{"alg": "HS256", "secret": "' + TOKEN + '"}', TOKEN),
        # An id key a secret word owns.
        ("401 invalid api key; key_id: a1B2c3D4e5F6g7H8i9J0k1L2m3", "a1B2c3D4e5F6g7H8i9J0k1L2m3"),
    ],
)
def test_secrets_beside_request_ids_go(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "secret/ledger-db-creds-8h2kd9f6tb created\ndeployment.apps/ledger configured",
        "kubectl -n billing get secret/ledger-env-5g7bt8kkm2 -o yaml",
        "secrets/ingest-tls-7dk4h9c2bm unchanged",
        # A package's four-part version pinned to its digest (a Stack lock file).
        "- hackage: text-short-1.2.6.1@sha256:0e3b8c2a5f9d4e7a1b6c3d8e2f5a9b4c7d1e6f3a8b2c5d9e4f7a1b3c6d8e2f5a,1734",
        # A four-part version in a wheel's name, before its Python tag.
        '{file = "zipfoo-3.14.2.7-py3-none-any.whl", hash = "sha256:0e3b8c2a"}',
        "Downloading tidylib-20.4.1.9-cp312-cp312-manylinux_2_17_x86_64.whl (1.2 MB)",
        # Nix's ``<name>-<version>`` with four numbers, in a text about Nix.
        "$ nix-env --upgrade --install thunderbird-3.0.1.7\ninstalling `thunderbird-3.0.1.7'",
        "error: the package \u2018openoffice-4.1.5.2\u2019 in \u2018pkgs/office/default.nix:12\u2019",
        "/nix/store/q69xad13ghpf7ir87h0b2gd28lafjj1j-gimp-2.10.38.1 is not valid",
    ],
)
def test_kubectl_secret_names_and_pinned_versions_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("secret/Wq7vLmz93kdRx8TbQ created", "Wq7vLmz93kdRx8TbQ"),  # no DNS name
        ("the secret/q7vlmz93kdrx8tbw2n is leaked", "q7vlmz93kdrx8tbw2n"),  # no verb, no kubectl
        ("relay-10.20.30.40 is up", "10.20.30.40"),  # an address after a name, no digest
        ("pinned 10.20.30.40@sha256:0e3b", "10.20.30.40"),  # no package name before it
        ("scp backup.tar.gz relay-10.20.30.40:/srv", "10.20.30.40"),  # no file tail after it
        ("host-172.16.5.9-pyproxy up", "172.16.5.9"),  # -py not followed by a digit
        ("route via 172.16.5.9-py3 gateway", "172.16.5.9"),  # a tag but no package name before
        ("nix-env -i relay\nping -c1 10.20.30.40", "10.20.30.40"),  # Nix, no name glued to it
        ("relay-10.20.30.40 down; see nix/notes.txt", "10.20.30.40"),  # no text about Nix
        ("nixos host relay-10.20.30.40 is up", "10.20.30.40"),  # ``nixos`` alone says no Nix
    ],
)
def test_secret_values_and_addresses_beside_them_go(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)
