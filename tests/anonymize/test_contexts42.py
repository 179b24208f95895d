"""Forms found by bench/contexts42 (an AI stack's own traces and data, and ecosystems not visited
before): regedit's ``hex(2)`` UTF-16 bytes and PowerShell's ``-Name K -Value V``
(``reg_exports``); a KV store export's base64 value under its key's path (``kv_exports``); a
password in its place of sbt's ``Credentials`` or Java's ``PasswordAuthentication``
(``credential_calls``); CFEngine's ``"k" string => "V"`` and Zig's ``const k: []const u8 = "V"``
(``policy_vars``); and what stays: the same forms with ids, digests, flags and references."""

from __future__ import annotations

import base64
import json
import re

import pytest

from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import in_mode

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
WORDY = "314c_yb0i8nfmnuwedqb4r1vja1iqakg"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"
UUID = "cf3ddada-0da7-4eca-9f86-f0a439160ccd"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def reg_hex(text: str, wrap: int = 0) -> str:
    """regedit's hex(2) bytes of ``text`` and its NUL, continued with ``,\\`` every ``wrap`` bytes."""
    pairs = [f"{b:02x}" for b in (text + "\0").encode("utf-16-le")]
    if not wrap:
        return ",".join(pairs)
    rows = [",".join(pairs[i : i + wrap]) for i in range(0, len(pairs), wrap)]
    return ",\\\n  ".join(rows)


FOUND = [
    # reg_exports: an expandable string's UTF-16 bytes, on one line and continued
    (
        f'Windows Registry Editor Version 5.00\n\n[HKEY_CURRENT_USER\\Software\\Acme]\n"AcmeApiToken"=hex(2):{reg_hex(WORDY)}\n"Region"="eu"',
        ("token",),
    ),
    (
        f'[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme]\n"DbPassword"=hex(2):{reg_hex(LOWER, 24)}',
        ("password",),
    ),
    # reg_exports: PowerShell's -Name then -Value, quoted or bare, any case
    (
        f"Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Acme' -Name 'AcmeSecretKey' -Value '{WORDY}'",
        ("api-key",),
    ),
    (
        f"New-ItemProperty -Path HKCU:\\Software\\Acme -name ApiToken -value {LOWER} -PropertyType String",
        ("token",),
    ),
    (f'PS> Set-Variable -Name dbPassword -Value "{WORDY}" -Scope Global', ("password",)),
    # kv_exports: consul kv export and etcdctl's JSON (the path itself base64)
    (
        json.dumps(
            [
                {"key": "config/billing/region", "flags": 0, "value": b64("eu-west-1")},
                {"key": "config/billing/api_token", "flags": 0, "value": b64(WORDY)},
            ],
            indent=2,
        ),
        ("token",),
    ),
    (
        json.dumps(
            {
                "header": {"cluster_id": 14841639068965178418, "revision": 91},
                "kvs": [
                    {
                        "key": b64("/config/billing/db_password"),
                        "create_revision": 88,
                        "version": 2,
                        "value": b64(LOWER),
                    }
                ],
                "count": 1,
            }
        ),
        ("high-entropy", "password"),  # the path's base64 reads as a generated run (as before)
    ),
    # credential_calls: sbt's four strings, Java's char array
    (
        f'credentials += Credentials("Sonatype Nexus Repository Manager", "oss.example.com", "deploy", "{WORDY}")',
        ("password",),
    ),
    (
        f'credentials += Credentials(\n  "Artifactory Realm",\n  "repo.example.com",\n  "ci",\n  "{LOWER}"\n)',
        ("password",),
    ),
    (
        f'return new PasswordAuthentication("proxy-user", "{WORDY}".toCharArray());',
        ("password",),
    ),
    # a Flutter define of a secret stays the encoded-secret rule's; Dart's default stays a value
    (f"DART_DEFINES={b64('FLAVOR=dev')},{b64('ACME_API_TOKEN=' + WORDY)}", ("encoded-secret",)),
    (
        f"const apiKey = String.fromEnvironment('ACME_API_TOKEN', defaultValue: '{WORDY}');",
        ("token",),
    ),
    # policy_vars: CFEngine promises, Zig string constants
    (
        f'bundle agent acme\n{{\n  vars:\n      "acme_password" string => "{WORDY}";\n      "port" int => "8443";\n}}',
        ("password",),
    ),
    (f'      "acme_api_token" slist => {{ "{LOWER}", "backup" }};', ("token",)),
    (f'const std = @import("std");\n\nconst acme_api_key: []const u8 = "{WORDY}";', ("api-key",)),
    (f'pub const db_password: [:0]const u8 = "{LOWER}";', ("password",)),
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_found(anonymizer: Anonymizer, text: str, names: tuple[str, ...]) -> None:
    out = anonymizer.anonymize(text)
    assert WORDY not in out
    assert LOWER not in out
    assert tuple(REDACTED.findall(out)) == names


KEPT = [
    # regedit values of other names and binary values
    f'"InstallPath"=hex(2):{reg_hex("%ProgramFiles%")}\n"Build"=dword:0000002a',
    f'"Banner"=hex(2):{reg_hex("Welcome to the build server")}',
    '"LastCheck"=hex:0a,1b,2c,3d,4e,5f,60,71\n"ProductCode"="{C1E7F2A3-0B4D-4E5F-8A6B-7C8D9E0F1A2B}"',
    # PowerShell -Name/-Value of other names and of references
    f"Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Acme' -Name 'BuildSha' -Value '{SHA}'",
    "Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\Acme' -Name 'ApiToken' -Value $env:ACME_API_TOKEN",
    "Get-ItemProperty -Path HKCU:\\Software\\Acme -Name ApiToken",
    # KV exports of other keys, of a flag, of a value no text
    json.dumps(
        [
            {"key": "config/billing/enabled", "flags": 0, "value": b64("true")},
            {"key": "config/billing/build", "flags": 0, "value": b64(SHA[:12])},
            {"key": "config/billing/api_token_ttl", "flags": 0, "value": b64("3600")},
        ],
        indent=2,
    ),
    json.dumps(
        {
            "key": "config/billing/api_token",
            "value": base64.b64encode(bytes(range(0, 256, 7))).decode(),
        }
    ),
    # credentials calls without a literal in the password's place
    'credentials += Credentials(Path.userHome / ".sbt" / ".credentials")',
    'credentials += Credentials("Sonatype", "oss.example.com", "deploy", sys.env("SONATYPE_PASSWORD"))',
    'credentials += Credentials("Sonatype", "oss.example.com", "deploy", "")',
    'new PasswordAuthentication("proxy-user", password.toCharArray())',
    # an AI stack's ids beside key words: MCP's progress token, Dart's environment name, Flutter's
    # DART_DEFINES of flags (base64 of name=value settings that name no secret)
    '{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"c6517ff929ce3d0ffa4b5515dfd161a3","progress":50}}',
    "const apiKey = String.fromEnvironment('ACME_API_TOKEN');",
    f"DART_DEFINES={b64('FLAVOR=staging')},{b64('flutter.inspector.structuredErrors=true')},{b64('BUILD_SHA=' + SHA[:12])}",
    # CFEngine and Zig of other names
    f'      "acme_build" string => "{SHA}";',
    f'      "instance_id" string => "{UUID}";',
    f'const build_sha: []const u8 = "{SHA}";',
    'const api_token_env: []const u8 = "ACME_API_TOKEN";',
]


@pytest.mark.parametrize("text", KEPT)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize("text", [text for text, _ in FOUND] + KEPT)
def test_one_semantics(text: str) -> None:
    """The RE2 sets and the keyword triggers redact these forms the same."""
    assert in_mode(True).anonymize(text) == in_mode(False).anonymize(text)
