"""Forms found by bench/telemetry27 (an AI coordinator's telemetry): a token glued to a JSON
escape, a command line quoted in a JSON string, a printer's value under a CLI notice, a value
glued to Chinese prose, a foreign key word's longer gap, a value a sentence names afterwards."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, escaped, shell_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A token right after a JSON blank escape starts no run of its own in the text.
        (
            '{"stdout": "listing keys\\nAKIAQ4ZK2M7XW9RTB3VN\\n", "returncode": 0}',
            '{"stdout": "listing keys\\n<redacted:aws-access-key>\\n", "returncode": 0}',
        ),
        (
            '{"content": "row 3:\\tglpat-Rk4vN8qX2mZp7Lw9Tb3c\\tactive"}',
            '{"content": "row 3:\\t<redacted:gitlab-token>\\tactive"}',
        ),
        # ... and a run read from the text leaves the escape's letter beside the placeholder.
        (
            '{"content": "pasted:\\nQmVkcm9ja0FQSUtleS1Ea3Jg7vN2pL9xZ4tW8"}',
            '{"content": "pasted:\\n<redacted:high-entropy>"}',
        ),
        # A printer's value after a CLI's notice lines (oclif marks them with U+203A).
        (
            "$ heroku auth:token\n \u203a   Warning: token expires soon\n"
            " \u203a   Use heroku authorizations:create for a long-term token\n"
            "k3v8q2m9x7z4w1t6p5r0b8n3c7d2f9g4",
            "$ heroku auth:token\n \u203a   Warning: token expires soon\n"
            " \u203a   Use heroku authorizations:create for a long-term token\n<redacted:token>",
        ),
        (
            "$ aws ecr get-login-password\nWARNING: no region set, using us-east-1\n"
            "Zq8vT1mN4pXk2Lp9Zt7Wc3RbQm7xV9pL2rT8wZ4k",
            "$ aws ecr get-login-password\nWARNING: no region set, using us-east-1\n<redacted:token>",
        ),
        # Any CLI's token-printing subcommand.
        (
            "$ kestrel auth:token\nr7k2m9x4q8z1w6t3p5v0b8n3c7d2f9g4",
            "$ kestrel auth:token\n<redacted:token>",
        ),
        # pytest -l pads a local's name to ten: five or six blanks before the ``=``.
        (
            "token      = 'c0ffee1d2e3f4a5b6c7d8e9f0a1b2c'\nretries    = 3",
            "token      = '<redacted:token>'\nretries    = 3",
        ),
        # An OpenTelemetry header attribute is a list of strings.
        (
            '{"attributes": {"http.request.header.authorization": ["Bearer wjXKCFzOWEPRqhTmmbWtVQ"]}}',
            '{"attributes": {"http.request.header.authorization": ["Bearer <redacted:authorization>"]}}',
        ),
        (
            'kestrel:\n  api_keys: ["Vb7nQ2xK9mZ4pL8wR3tY"]',
            'kestrel:\n  api_keys: ["<redacted:api-key>"]',
        ),
        # An error that names the secret, the value, then says it is refused.
        (
            '{"detail": "token 5e0a9c4b72d1f8e3a0b6c2d9 is not valid for this resource"}',
            '{"detail": "token <redacted:secret-value> is not valid for this resource"}',
        ),
        (
            "Error: token 5e0a9c4b72d1f8e3a0b6c2d9 has expired",
            "Error: token <redacted:secret-value> has expired",
        ),
        # A value glued to the Chinese word before it and the comma after it.
        (
            "我的鸬鹚接口密钥是Zq8vT1mN4pXk2Lp9Zt7Wc3Rb\uff0c请检查。",
            "我的鸬鹚接口密钥是<redacted:secret-value>\uff0c请检查。",
        ),
        # Spanish puts what the key is for between the word and the value.
        (
            "Mi clave de API de Cormorán es r7k2m9x4q8z1w6t3p5v0b8n3 y no funciona.",
            "Mi clave de API de Cormorán es <redacted:secret-value> y no funciona.",
        ),
        # A value a sentence names as a secret after it (an assistant's bold, backticks).
        (
            "Found it: **c0ffee1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b** is the token you set in `CORMORANT_TOKEN`.",
            "Found it: **<redacted:secret-value>** is the token you set in `CORMORANT_TOKEN`.",
        ),
        (
            "`Vb7nQ2xK9mZ4pL8w` was your API key until it was rotated.",
            "`<redacted:secret-value>` was your API key until it was rotated.",
        ),
        (
            "Note that 5d0e8c3a-7b1f-4e29-a6d4-9c2b8f1e3a70 is my secret.",
            "Note that <redacted:secret-value> is my secret.",
        ),
    ],
)
def test_telemetry_forms_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A command line quoted in a JSON string ends at its closing quote or a \n escape.
        '{"stdout": "curl -u username:token\\n", "returncode": 0}',
        '{"line": "curl --user \\"${user}\\":\\"${pass}\\"", "lineno": 3}',
        '{"content": "{\\"stdout\\": \\"curl -u username:token\\\\n\\", \\"code\\": 0}"}',
        # A word after an escape; an escaped backslash before an n is no escape.
        '{"content": "see below\\ncormorant_release_notes_v2\\n"}',
        "C:\\\\new\\\\tools\\\\release",
        # A notice with no value after it; a line that is not a notice.
        "$ heroku auth:token\n \u203a   Warning: not logged in\n$ ls",
        "$ gh auth token\nno oauth token found for github.com\n",
        # A subcommand that only names tokens; an aligned key that names no secret; lists of names.
        '$ grep -rn "create token" src\nsrc/api.py:12:    def create_token(self):',
        "tokens     = 'c0ffee1d2e3f4a5b6c7d8e9f0a1b2c'",
        'tokens: ["count", "limit"]',
        '{"token": [], "password": ["${DB_PASSWORD}"]}',
        # Refused, but no secret's value: a data key's hash, a file, a setting, an owner.
        "the cache_key 9f86d081884c7d659a2feaa0c55ad015 is invalid, rebuilding",
        "key config.yaml is invalid",
        "token refresh_interval is not valid",
        "password for user admin is incorrect",
        # Chinese prose: a version, a command after the word.
        "密钥管理服务的版本是v2.14.0-rc1\uff0c文档在第3章",
        "请在设置里找到密钥\uff0c然后运行deploy_production_cluster_v2命令",
        # Spanish: a data key's words.
        "la clave de la tabla de usuarios es user_id_autoincrement_2026",
        # Named after the value: a data key, a phrase that goes on, a UUID or hash as a key.
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 is the cache key here",
        "commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904 is the token rotation change",
        "the value 64fa86a2-591a-4c3e-bf94-13b7e30548bf is the key of the row",
        "production is the secret to our uptime.",
    ],
)
def test_telemetry_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "start", "depth"),
    [
        ('curl -u a:b "x"', 0, 0),
        ('{"cmd": "curl -u a:b"}', 9, 1),
        ('{"c": "{\\"cmd\\": \\"curl -u a:b\\"}"}', 20, 2),
        ('{"c": "{\\"cmd\\": \\"x\\"} curl"}', 25, 1),
    ],
)
def test_string_depth(text: str, start: int, depth: int) -> None:
    assert shell_words.string_depth(text, start) == depth


def test_edges_keep_an_escape_whole() -> None:
    text = 'x\\nAKIA\\n"'
    assert escaped.edges(text, [(2, 9, "r", None)]) == [(3, 7, "r", None)]  # type: ignore[list-item]
    assert escaped.edges("a\\\\nb", [(3, 5, "r", None)]) == [(3, 5, "r", None)]  # type: ignore[list-item]
