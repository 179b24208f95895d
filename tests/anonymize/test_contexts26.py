"""Context forms found by bench/contexts26: string-literal prefixes, drawn parts in snake_case
values, Caddy's header directives, bearer tokens with ``=`` inside."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A literal's prefix letters are no part of it: Rust raw/byte strings, Python, bash $'…'.
        (
            'pub static KESTREL_API_KEY: &str = r"m4vq8z1kx0w7ty3p9sd2hb6ncj5rfl";',
            'pub static KESTREL_API_KEY: &str = r"<redacted:api-key>";',
        ),
        (
            'const HERON_SECRET: &str = r#"tq7Lw2XpeNd4Kb"#;',
            'const HERON_SECRET: &str = r#"<redacted:secret>"#;',
        ),
        (
            "OSPREY_TOKEN = rb'0f3c9a7e1d5b8c2a4f6e0d9c'",
            "OSPREY_TOKEN = rb'<redacted:token>'",
        ),
        (
            'plover_secret_key = b"9x2kq7wz4mvn8trp3lyd"',
            'plover_secret_key = b"<redacted:api-key>"',
        ),
        (
            "export LAPWING_API_TOKEN=$'k2m9v7q4x8z1w6t3p5r0'",
            "export LAPWING_API_TOKEN=$'<redacted:token>'",
        ),
        (
            'auto grebe_api_key = u8"z8w2k5q9m3x7v1t4r6y0";',
            'auto grebe_api_key = u8"<redacted:api-key>";',
        ),
        # A snake_case value with a drawn part is no variable's name, a key word in it or not.
        (
            "STARLING_SECRET_KEY=sk_pr_mykey2_5f1e9a3c7b2d4e6f8a0b1c3d5e7f9a2b4c6d8e0f",
            "STARLING_SECRET_KEY=<redacted:api-key>",
        ),
        (
            "WREN_API_TOKEN=wren_token_Xk9mQ2vL7pRt",
            "WREN_API_TOKEN=<redacted:token>",
        ),
        # Caddy's header_up / header_down set a named header to a value.
        (
            "\treverse_proxy https://api.example.net {\n\t\theader_up X-Api-Key Tq7-Lw2-Xpe\n\t}",
            "\treverse_proxy https://api.example.net {\n\t\theader_up X-Api-Key <redacted:api-key>\n\t}",
        ),
        (
            "header_down +X-Upstream-Token Tq7-Lw2-Xpe",
            "header_down +X-Upstream-Token <redacted:token>",
        ),
        # A bearer token with "=" inside runs on to its end.
        (
            'proxy_set_header Authorization "Bearer 7pRMKW=Jr9+xYmqlJMa4Omf9=Ip2z";',
            'proxy_set_header Authorization "Bearer <redacted:authorization>";',
        ),
    ],
)
def test_context_forms_redact(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Prefixed literals that hold a name, a template or no literal at all.
        'const API_KEY_VAR: &str = r"KESTREL_API_KEY";',
        'api_key = r"{API_KEY}"',
        'token = f"{prefix}-{suffix}"',
        "PS1=$'\\u@\\h '",
        # snake_case names under a key word: no drawn part.
        "API_KEY=my_api_key_2",
        "NEW_TOKEN=new_token_value",
        "TOKEN=token_cache_5f2a",
        "password=old_password_hash",
        # Caddy placeholders and plain headers.
        "header_up X-Api-Key {env.UPSTREAM_KEY}",
        "header_up X-Request-Id {http.request.uuid}",
        "header_up Host {upstream_hostport}",
        "header_down -Server",
        # A challenge's parameters after Bearer are no token.
        'WWW-Authenticate: Bearer realm="example", error="invalid_token"',
        "www-authenticate: Bearer error=invalid_token,error_description=expired",
    ],
)
def test_context_forms_keep(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
