"""Kinds from an agent's code work: diffs, test runs, tracebacks, SQL, shell and config that name
secrets without holding one."""

from __future__ import annotations

import json
import random

from rand import FILES, UNITS, WORDS, b64, hx, pick, sem, ts, uid4

R = random.Random
FIELDS = [
    "api_key",
    "secret_key",
    "access_token",
    "client_secret",
    "password",
    "refresh_token",
    "signing_key",
    "webhook_secret",
]


def k_diff_pydantic_fields(r: R) -> str:
    f = pick(r, FIELDS)
    return pick(
        r,
        [
            f'--- a/app/settings.py\n+++ b/app/settings.py\n@@ -{r.randint(1, 90)},6 +{r.randint(1, 90)},7 @@ class Settings(BaseSettings):\n     model: str = "llama3.1"\n-    {f}: str\n+    {f}: SecretStr = Field(..., alias="{f.upper()}")',
            f'+    {f}: str = Field(default="", description="read from {f.upper()}")',
            f"-    {f}: Optional[str] = None\n+    {f}_file: Path | None = None  # path to a file holding the {f}",
        ],
    )


def k_diff_secret_functions(r: R) -> str:
    f = pick(r, FIELDS)
    return pick(
        r,
        [
            f'@@ -{r.randint(1, 200)},4 +{r.randint(1, 200)},9 @@\n+def get_secret(name: str) -> str:\n+    path = Path(os.environ["CREDENTIALS_DIRECTORY"]) / name\n+    return path.read_text().strip()',
            f'-    token = os.getenv("{f.upper()}")\n+    token = get_secret("{f}")',
            f'diff --git a/{pick(r, FILES)} b/{pick(r, FILES)}\nindex {hx(r, 7)}..{hx(r, 7)} 100644\n-    headers["Authorization"] = f"Bearer {{{f}}}"\n+    headers["Authorization"] = f"Bearer {{settings.{f}.get_secret_value()}}"',
            "+function rotateSecret(name: string): Promise<void> {\n+  return vault.rotate(`kv/ai/${name}`);\n+}",
        ],
    )


def k_apply_patch_results(r: R) -> str:
    fl = pick(r, FILES)
    return pick(
        r,
        [
            json.dumps(
                {"tool": "apply_patch", "result": f"Success. Updated the following files:\nM {fl}"}
            ),
            f"patching file {fl}\nHunk #1 succeeded at {r.randint(10, 400)} (offset {r.randint(1, 20)} lines).",
            f"error: patch failed: {fl}:{r.randint(1, 300)}\nerror: {fl}: patch does not apply",
        ],
    )


def k_pytest_output(r: R) -> str:
    t = pick(
        r,
        [
            "test_get_secret_reads_credentials_dir",
            "test_api_key_is_masked_in_repr",
            "test_password_hash_roundtrip",
            "test_token_refresh_expiry",
        ],
    )
    return pick(
        r,
        [
            f"tests/test_auth.py::{t} PASSED                                   [ {r.randint(1, 99)}%]",
            f"FAILED tests/test_settings.py::{t} - AssertionError: assert 'SecretStr(\\'**********\\')' == '**********'",
            f"========== {r.randint(1, 400)} passed, {r.randint(0, 3)} skipped, {r.randint(0, 9)} warnings in {r.randint(1, 90)}.{r.randint(10, 99)}s ==========",
            f"E       KeyError: 'OPENAI_API_KEY'\n\ntests/conftest.py:{r.randint(5, 90)}: KeyError",
        ],
    )


def k_python_tracebacks(r: R) -> str:
    fl = pick(r, FILES)
    return pick(
        r,
        [
            f"Traceback (most recent call last):\n  File \"/srv/app/{fl}\", line {r.randint(1, 500)}, in get_secret\n    return (CRED_DIR / name).read_text()\nFileNotFoundError: [Errno 2] No such file or directory: '/run/credentials/{pick(r, UNITS)}.service/api_key'",
            f"  File \"/nix/store/{hx(r, 32)[:32]}-python3.12-httpx-0.27.2/lib/python3.12/site-packages/httpx/_client.py\", line {r.randint(100, 2000)}, in send\nhttpx.HTTPStatusError: Client error '401 Unauthorized' for url 'http://localhost:4000/v1/chat/completions'",
            f"pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\n{pick(r, FIELDS)}\n  Field required [type=missing, input_value={{}}, input_type=dict]",
        ],
    )


def k_sql_password_hash(r: R) -> str:
    return pick(
        r,
        [
            "CREATE TABLE users (id uuid PRIMARY KEY, email text UNIQUE NOT NULL, password_hash text NOT NULL, api_key_hash bytea);",
            "ALTER TABLE api_tokens ADD COLUMN token_hash char(64) NOT NULL, ADD COLUMN last_used_at timestamptz;",
            f"SELECT id, password_hash FROM users WHERE id = $1 LIMIT 1; -- duration: {r.randint(0, 9)}.{r.randint(100, 999)} ms",  # noqa: S608
            f'ERROR:  column "password" does not exist\nLINE 1: SELECT password FROM users WHERE id = {r.randint(1, 9999)}\nHINT:  Perhaps you meant to reference the column "users.password_hash".',  # noqa: S608
        ],
    )


def k_sql_migrations(r: R) -> str:
    return pick(
        r,
        [
            f"INFO  [alembic.runtime.migration] Running upgrade {hx(r, 12)} -> {hx(r, 12)}, add secret_ref to connectors",
            f'revision = "{hx(r, 12)}"\ndown_revision = "{hx(r, 12)}"',
            f"Applying ai_stack.{r.randint(1, 99):04d}_rename_token_to_token_hash... OK",
        ],
    )


def k_shell_env_refs(r: R) -> str:
    f = pick(r, FIELDS).upper()
    u = pick(r, UNITS)
    return pick(
        r,
        [
            f'export {f}="$(cat /run/secrets/{u}/{f.lower()})"',
            f'curl -sS -H "Authorization: Bearer ${f}" http://localhost:4000/v1/models',
            f"env | grep -c {f}\n1",
            f'[ -z "${{{f}:-}}" ] && {{ echo "{f} is not set" >&2; exit 1; }}',
        ],
    )


def k_env_examples(r: R) -> str:
    f = pick(r, FIELDS).upper()
    return pick(
        r,
        [
            f"# .env.example\n{f}=\nOLLAMA_BASE_URL=http://localhost:11434\nQDRANT_URL=http://localhost:6333",
            f"{f}=<your-{f.lower().replace('_', '-')}-here>",
            f"{f}=${{{f}}}  # injected by systemd LoadCredential",
            "OPENAI_API_KEY=sk-...  # placeholder, set in secrets.yaml",
        ],
    )


def k_redacted_logs(r: R) -> str:
    f = pick(r, FIELDS)
    return pick(
        r,
        [
            f"{ts(r)} DEBUG config loaded: {{'{f}': '**********', 'model': 'qwen2.5-coder:7b'}}",
            f"{f}=[REDACTED] user=svc-{pick(r, UNITS)}",
            "Authorization: Bearer <redacted>",
            "SecretStr('**********')",
        ],
    )


def k_auth_log_events(r: R) -> str:
    return pick(
        r,
        [
            f'token refreshed for connector {uid4(r)} (expires_in={pick(r, ["3600", "86400"])}, scope="read:repo")',
            f"401 Unauthorized: invalid api key for project {uid4(r)}; rotate it in Settings → API keys",
            f"password reset requested for user_id={r.randint(1, 99999)} (rate limited: {r.randint(1, 5)}/5)",
            f'secret "{pick(r, UNITS)}-{pick(r, FIELDS).replace("_", "-")}" version {r.randint(1, 30)} rotated at {ts(r)}',
        ],
    )


def k_agent_shell_tool_results(r: R) -> str:
    return pick(
        r,
        [
            json.dumps(
                {
                    "tool": "run_shell",
                    "input": {"cmd": f"grep -rn 'api_key' {pick(r, ['src', 'app', 'lib'])}/"},
                    "output": f"src/config.py:{r.randint(1, 90)}:    api_key: str = Field(...)\nsrc/client.py:{r.randint(1, 90)}:    self.api_key = settings.api_key",
                    "exit_code": 0,
                }
            ),
            json.dumps(
                {
                    "tool": "list_dir",
                    "output": ["secrets.nix", ".sops.yaml", "tokenizer.json", "password_policy.md"],
                }
            ),
            f"$ rg -l 'SECRET_KEY' --type py\n{pick(r, FILES)}\n{pick(r, FILES)}",
            f"tool run_shell exited {r.randint(0, 2)} after {r.randint(10, 9000)}ms: nix flake check",
        ],
    )


def k_agent_read_file(r: R) -> str:
    return pick(
        r,
        [
            json.dumps(
                {
                    "tool": "read_file",
                    "path": "modules/ollama.nix",
                    "content": "{ config, ... }: {\n  services.ollama.environmentFile = config.sops.secrets.ollama-env.path;\n}",
                }
            ),
            '<file path="app/auth.py">\ndef verify_password(plain: str, password_hash: str) -> bool:\n    return bcrypt.checkpw(plain.encode(), password_hash.encode())\n</file>',
            f"Read {r.randint(10, 900)} lines from lib/secrets.ts (export function getSecret(name: string): string)",
        ],
    )


def k_typescript_types(r: R) -> str:
    return pick(
        r,
        [
            f"interface {pick(r, ['Provider', 'Embedder', 'Reranker'])}Config {{\n  apiKey: string;\n  baseURL?: string;\n  timeoutMs?: number; // default {r.randint(1, 60)}000\n}}",
            f'const client = new OpenAI({{ apiKey: process.env.OPENAI_API_KEY, baseURL: "http://localhost:{pick(r, ["4000", "11434"])}/v1" }});',
            f"type {pick(r, WORDS).title()}Credentials = {{ clientId: string; clientSecret: string; refreshToken?: string }};",
            "Argument of type 'string | undefined' is not assignable to parameter of type 'string'.\n  Type 'undefined' is not assignable to type 'string'. (apiKey)",
        ],
    )


def k_go_rust_code(r: R) -> str:
    return pick(
        r,
        [
            'type Config struct {\n\tAPIKey   string `env:"API_KEY,required"`\n\tQdrantURL string `env:"QDRANT_URL"`\n}',
            'let api_key = std::env::var("API_KEY").context("API_KEY must be set")?;',
            f"error[E0425]: cannot find value `secret_key` in this scope\n  --> src/main.rs:{r.randint(1, 300)}:{r.randint(1, 40)}",
            'if err := keyring.Set("ai-stack", user, token); err != nil {',
        ],
    )


def k_linter_output(r: R) -> str:
    fl = pick(r, FILES)
    return pick(
        r,
        [
            f'{fl}:{r.randint(1, 300)}:{r.randint(1, 80)}: S105 Possible hardcoded password assigned to: "password_field"',
            f'{fl}:{r.randint(1, 300)}: error: Incompatible types in assignment (expression has type "str | None", variable has type "SecretStr")  [assignment]',
            f"Found {r.randint(1, 40)} errors ({r.randint(1, 30)} fixed, {r.randint(0, 9)} remaining).",
            f">> Issue: [B105:hardcoded_password_string] Possible hardcoded password: 'token_type'\n   Severity: Low   Confidence: Medium\n   Location: {fl}:{r.randint(1, 300)}:{r.randint(1, 40)}",
        ],
    )


def k_http_access_logs(r: R) -> str:
    return pick(
        r,
        [
            f'"POST /v1/chat/completions HTTP/1.1" 200 {r.randint(100, 99999)} "-" "OpenAI/Python {sem(r)}" rt={r.randint(0, 9)}.{r.randint(100, 999)}',
            'GET /api/v1/auths/api_key HTTP/1.1" 200 OK',
            f'INFO:     localhost:{r.randint(30000, 60000)} - "POST /api/embed HTTP/1.1" 200 OK',
            'upstream timed out (110: Connection timed out) while reading response header from upstream, request: "POST /api/generate HTTP/1.1", upstream: "http://localhost:11434/api/generate"',
        ],
    )


def k_hash_algorithm_mentions(r: R) -> str:
    return pick(
        r,
        [
            f"hashlib.sha256(chunk.encode()).hexdigest()[:{r.randint(8, 16)}]",
            "argon2id$v=19$m=65536,t=3,p=4 is the default password hashing scheme",
            'hmac.compare_digest(expected_signature, request.headers["X-Hub-Signature-256"])',
            f"passlib.exc.UnknownHashError: hash could not be identified (scheme bcrypt, {r.randint(1, 9)} rounds)",
        ],
    )


def k_yaml_configs(r: R) -> str:
    u = pick(r, UNITS)
    return pick(
        r,
        [
            f"model_list:\n  - model_name: {pick(r, ['gpt-4o', 'local-coder'])}\n    litellm_params:\n      model: ollama/{pick(r, ['qwen2.5-coder:7b', 'llama3.1:8b'])}\n      api_key: os.environ/LITELLM_MASTER_KEY",
            f"env:\n  - name: API_KEY\n    valueFrom:\n      secretKeyRef:\n        name: {u}-secrets\n        key: api-key",
            f"auth:\n  password_file: /run/secrets/{u}/password\n  token_ttl: {r.randint(1, 24)}h",
        ],
    )


def k_json_schema_tools(r: R) -> str:
    return pick(
        r,
        [
            json.dumps(
                {
                    "name": "get_secret",
                    "description": f"Look up a secret by name in the vault (never returns the value to the model; cached {r.randint(1, 60)} s)",
                    "parameters": {
                        "type": "object",
                        "properties": {"name": {"type": "string"}},
                        "required": ["name"],
                    },
                }
            ),
            json.dumps(
                {
                    "type": "function",
                    "function": {
                        "name": "rotate_api_key",
                        "parameters": {
                            "type": "object",
                            "properties": {
                                "service": {"type": "string", "enum": r.sample(UNITS, 3)}
                            },
                        },
                    },
                }
            ),
            json.dumps(
                {
                    "properties": {
                        "password": {"type": "string", "format": "password", "writeOnly": True},
                        "token": {"type": "string", "minLength": r.choice([16, 24, 32, 40, 64])},
                    }
                }
            ),
        ],
    )


def k_memory_and_disk_numbers(r: R) -> str:
    return pick(
        r,
        [
            f"MemTotal:       {r.randint(10**7, 10**8)} kB\nMemAvailable:   {r.randint(10**6, 10**7)} kB",
            f"/dev/nvme0n1p2  {r.randint(100, 2000)}G  {r.randint(50, 900)}G  {r.randint(10, 900)}G  {r.randint(1, 99)}% /",
            f"Out of memory: Killed process {r.randint(100, 99999)} (ollama_llama_se) total-vm:{r.randint(10**6, 10**8)}kB, anon-rss:{r.randint(10**6, 10**8)}kB",
        ],
    )


def k_python_package_versions(r: R) -> str:
    return pick(
        r,
        [
            f"Successfully installed httpx-{sem(r)} openai-{sem(r)} qdrant-client-{sem(r)} tiktoken-{sem(r)}",
            f'fastembed=={sem(r)} ; python_version >= "3.9" \\\n    --hash=sha256:{hx(r, 64)}',
            f"Requirement already satisfied: keyring>={sem(r)} in ./.venv/lib/python3.12/site-packages",
        ],
    )


def k_base64_non_secrets(r: R) -> str:
    return pick(
        r,
        [
            f"Content-MD5: {b64(r, 16)}",
            f'integrity="sha384-{b64(r, 48)}"',
            f"x-goog-hash: crc32c={b64(r, 4)}, md5={b64(r, 16)}",
            f"Sec-WebSocket-Accept: {b64(r, 20)}",
        ],
    )


def k_pagination_cursors(r: R) -> str:
    cur = b64(r, r.randint(18, 40)).rstrip("=")
    return pick(
        r,
        [
            json.dumps({"data": [], "has_more": True, "next_cursor": cur}),
            f"GET /v1/files?after={cur}&limit=100",
            f'next_page_token: "{cur}"',
        ],
    )


def k_agent_plans(r: R) -> str:
    w = pick(r, WORDS)
    return pick(
        r,
        [
            "Plan: 1) read app/settings.py to find where api_key is loaded 2) replace os.getenv with get_secret() 3) run pytest -k secret",
            f"I'll check whether the token is refreshed before expiry; the password_hash column stays as is. (step {r.randint(1, 20)}/{r.randint(20, 30)}, branch {w})",
            f'Thought: the 401 comes from a missing Authorization header, not a wrong key. Action: read_file("{pick(r, FILES)}")',
        ],
    )
