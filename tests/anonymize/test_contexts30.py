"""Forms found by bench/contexts30 (config files and source code): a secret key's literal inside a
one-argument call (``JSON.stringify``, ``SecretStr``, ``HeaderValue::from_static``), a literal a
secret-named function returns, a fallback literal whose key is the name the line assigns or reads
(Swift ``?? "…"``, Rust ``unwrap_or_else(|_| "…")``), reqwest's ``basic_auth(u, Some("…"))``, a
global constant's closing ``__``, Spring's placeholder default ``${name:…}``, a YAML ``key:`` under credentials, and an API key given by position to a required module's factory
or a client built from its URL."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

HEX = "4f0c9e2b7a1d83c6e5f4a0b9d2c7e18f"
UUID = "b3c1e8f2-5a4d-4c7e-9f1a-2d6b8e0c3a57"
LOWER = "k2j8h4g6f1d3s5a7p9o0i2u4y6t8r1e3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A secret key's literal wrapped in a one-argument call.
        (
            f"    'process.env.BILLING_SECRET': JSON.stringify(\"{HEX}\"),",
            "    'process.env.BILLING_SECRET': JSON.stringify(\"<redacted:secret>\"),",
        ),
        (
            f'    billing_token: SecretStr = SecretStr("{UUID}")',
            '    billing_token: SecretStr = SecretStr("<redacted:token>")',
        ),
        (
            f'headers.insert("x-billing-token", HeaderValue::from_static("{HEX}"));',
            'headers.insert("x-billing-token", HeaderValue::from_static("<redacted:token>"));',
        ),
        (
            f'let billing_api_key = String::from("{LOWER}");',
            'let billing_api_key = String::from("<redacted:api-key>");',
        ),
        # A literal a secret-named function returns.
        (
            f'@pytest.fixture\ndef billing_api_key():\n    return "{HEX}"',
            '@pytest.fixture\ndef billing_api_key():\n    return "<redacted:api-key>"',
        ),
        (
            f'public String getBillingToken() {{\n    return "{UUID}";\n}}',
            'public String getBillingToken() {\n    return "<redacted:token>";\n}',
        ),
        (
            f'func billingSecret() string {{\n\treturn "{LOWER}"\n}}',
            'func billingSecret() string {\n\treturn "<redacted:secret>"\n}',
        ),
        # A fallback whose key is the line's assigned name or the name it reads.
        (
            f'let billingToken = Bundle.main.object(forInfoDictionaryKey: "BillingToken") as? String ?? "{HEX}"',
            'let billingToken = Bundle.main.object(forInfoDictionaryKey: "BillingToken") as? String ?? "<redacted:token>"',
        ),
        (
            f'let key = std::env::var("BILLING_API_KEY").unwrap_or_else(|_| "{UUID}".to_string());',
            'let key = std::env::var("BILLING_API_KEY").unwrap_or_else(|_| "<redacted:api-key>".to_string());',
        ),
        (
            f'let billing_secret = env::var("X").unwrap_or_else(|| "{HEX}".into());',
            'let billing_secret = env::var("X").unwrap_or_else(|| "<redacted:secret>".into());',
        ),
        # reqwest's basic auth: the password in an Option, or as a plain second literal.
        (
            f'let resp = client.get(url).basic_auth("svc", Some("{LOWER}")).send()?;',
            'let resp = client.get(url).basic_auth("svc", Some("<redacted:password>")).send()?;',
        ),
        (
            f'conn.basic_auth("svc", "{HEX}")',
            'conn.basic_auth("svc", "<redacted:password>")',
        ),
        # A global constant's closing ``__``.
        (f"  __BILLING_API_KEY__: '{HEX}',", "  __BILLING_API_KEY__: '<redacted:api-key>',"),
        (f'__BILLING_TOKEN__ = "{UUID}"', '__BILLING_TOKEN__ = "<redacted:token>"'),
        # A YAML ``key:`` under a parent that names credentials.
        (
            f"consumers:\n- username: billing\n  keyauth_credentials:\n  - key: {HEX}\n",
            "consumers:\n- username: billing\n  keyauth_credentials:\n  - key: <redacted:high-entropy>\n",
        ),
        (
            f'billing:\n  api_keys:\n    # rotated monthly\n    - key: "{UUID}"\n      created: 2026-01-01',
            'billing:\n  api_keys:\n    # rotated monthly\n    - key: "<redacted:api-key>"\n      created: 2026-01-01',
        ),
        # Spring's placeholder default ``${name:default}``.
        (
            '@Value("${billing.api-token:4d0f0c05be0f5f4f1a2c4d99}")',
            '@Value("${billing.api-token:<redacted:token>}")',
        ),
        # An API key given by position: a required module's factory, a client after its URL.
        (
            f"const billing = require('billing-sdk')('{LOWER}');",
            "const billing = require('billing-sdk')('<redacted:api-key>');",
        ),
        (
            "const db = new DbClient('https://billing.documents.example:443', 'Zx8q/Lm2+Vb7nW4kR9tY3pQ6sD1fG5hJ0kL8mN2bV6cX4zA7sD9fG1hJ3kL5mN7bV9cX2zA4sD6fG8hJ0kL2mN4bQ==');",
            "const db = new DbClient('https://billing.documents.example:443', '<redacted:api-key>');",
        ),
        (
            f'const client = new BillingClient("https://api.billing.example", "{HEX}");',
            'const client = new BillingClient("https://api.billing.example", "<redacted:api-key>");',
        ),
    ],
)
def test_found(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A getter's argument names what it reads; a call under no secret key.
        'api_token = os.getenv("BILLING_API_TOKEN_V2")',
        f'billing_password = store.load_value("{UUID}")',
        f'headers.insert("x-request-id", HeaderValue::from_static("{UUID}"));',
        f'checksum = JSON.stringify("{HEX}")',
        # A function that returns no secret, or a name.
        'def token_type(self):\n    return "Bearer"',
        f'def request_id():\n    return "{UUID}"',
        'def api_key_header():\n    return "X-Billing-Api-Key"',
        # A fallback under no secret name.
        f'let region = env::var("REGION").unwrap_or_else(|_| "eu-west-1-{HEX[:12]}".to_string());',
        f'let label = user.name ?? "{HEX}"',
        # Basic auth with a variable; a constant that names no secret.
        '.basic_auth("svc", Some(password))',
        f"__BUILD_ID__: '{HEX}',",
        # ``key:`` under a parent that names no secret: a cache's, an action's input.
        f"cache:\n  key: {HEX}",
        f"      - uses: actions/cache@v4\n        with:\n          path: ~/.npm\n          key: {HEX}",
        f"credentials:\n  store: vault\nrouting:\n  key: {UUID}",
        # bash's slices and alternatives, a placeholder default, an empty one.
        'echo "${BILLING_TOKEN:0:8}…${BILLING_TOKEN:4}"',
        "echo ${BILLING_TOKEN:+set}",
        "token: ${BILLING_TOKEN:changeme}",
        "token: ${BILLING_TOKEN:}",
        # A factory's setting, a file's hash pinned to its URL, a path, a media type.
        "const log = require('debug')('billing:server:requests');",
        "const cfg = require('./config')('production-eu-west');",
        f'download("https://example.com/app.tar.gz", "{HEX}{HEX[:8]}")',
        'new URL("https://api.example.com", "v1/orders/12345678/items")',
        'resolve("https://cdn.example.com", "assets/images/icons/billing/logo-dark-2x")',
        'fetchJson("https://example.com/api", "application/vnd.api+json")',
    ],
)
def test_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
