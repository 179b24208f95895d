"""Literals code gives a secret's variable one step from its key (``code_defaults``): a wrapper,
R's ``<-``, a fallback, a call's default, a test's expectation or a stub's answer; and a shell's
associative array (``assignments.SUBSCRIPT``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

V = "Xq8mW2pL7kZrT4"


@pytest.mark.parametrize(
    "text",
    [
        # wrappers and R's arrows
        f'api_key = SecretStr("{V}")',
        f'let password = SecretString::new("{V}".into());',
        f'secret_token = ["{V}"]',
        f'client_secret = ("{V}",)',
        f'private final Secret apiKey = new Secret("{V}");',
        f'api_key = f"{V}"',
        f'api_key <- "{V}"',
        f"db_password <<- '{V}'",
        f'Sys.setenv(API_KEY = "{V}")',
        # fallbacks
        f'password = os.getenv("PASSWORD") or "{V}"',
        f"api_key = os.environ.get('API_KEY') or '{V}'",
        f'const token = process.env.API_TOKEN || "{V}";',
        f'const secret = process.env.CLIENT_SECRET ?? "{V}";',
        f"$key = getenv('API_KEY') ?: '{V}';",
        # a call's default
        f'API_KEY = config("API_KEY", default="{V}")',
        f'password = env.str("DB_PASSWORD", default="{V}")',
        f'parser.add_argument("--api-key", type=str, default="{V}")',
        f'@click.option("--db-pass", default="{V}", show_default=False)',
        # tests and stubs
        f'expect(client_secret).toBe("{V}")',
        f'assertThat(cfg.getApiKey()).isEqualTo("{V}");',
        f'assertEquals("{V}", password);',
        f'assert_eq!(token, "{V}");',
        f'assert.Equal(t, "{V}", cfg.Password)',
        f'when(config.getPassword()).thenReturn("{V}");',
        f'mock_settings.api_key.return_value = "{V}"',
        f"jest.spyOn(config, 'getApiKey').mockReturnValue('{V}')",
        f'allow(config).to receive(:api_key).and_return("{V}")',
        # a shell's associative array
        f"cfg[password]={V}",
        f"declare -A cfg=([api_key]={V} [user]=ops)",
    ],
)
def test_code_literals_are_redacted(anonymizer: Anonymizer, text: str) -> None:
    """The literal is redacted in code, in a notebook's JSON and in a fenced block."""
    for framed in (text, f"```python\n{text}\n```", f"    {text}\n    return cfg"):
        out = anonymizer.anonymize(framed)
        assert V not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        'password = input("Password: ")',
        'token = os.environ.get("GITHUB_TOKEN")',
        'api_key = get_secret("prod/api-key")',
        'db_password = store.load_value("5637a53f-51cb-41c0-a2b8-2e460405b945")',
        'token = vault.read("Xq8mW2pL7kZrT4")',
        'secret = SecretStr("")',
        'password = getpass.getpass(prompt="Password: ")',
        'token = os.getenv("API_TOKEN") or ""',
        'token = os.getenv("API_TOKEN") or "changeme"',
        'parser.add_argument("--api-key", default=None)',
        'parser.add_argument("--api-key", default="API_KEY")',
        'parser.add_argument("--timeout", default="Xq8mW2pL7kZrT4")',
        'expect(response.status).toBe("Xq8mW2pL7kZrT4")',
        'expect(token).toBe("bearer")',
        "when(repo.findById(42)).thenReturn(user);",
        'assertEquals("application/json", contentType)',
        "x <- c(1, 2, 3)",
        'label <- "Xq8mW2pL7kZrT4"',
        "if (a <- b) return",
        "for k in ${!cfg[@]}; do echo $k; done",
        "cfg[password]=$DB_PASSWORD",
        "counts[token]=0",
    ],
)
def test_code_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Prompts, variable names, store paths, empty and placeholder values, non-secret keys and
    code stay."""
    assert anonymizer.anonymize(text) == text
