"""Kinds of bench/benign16i: source code and config that NAME secrets without holding one.

Each function draws names and places them in one of its language's contexts; no value here is a
credential: they are key names, env-variable names, schema fields, references and dummy fixtures.
"""

# ruff: noqa: S608  # SQL here is corpus text to print, never a query that is run

from __future__ import annotations

import random

from gen import APPS, NS, ORGS, REPOS, D, hx, s

SECRETS = [
    "API_KEY",
    "SECRET_KEY",
    "AUTH_TOKEN",
    "DB_PASSWORD",
    "CLIENT_SECRET",
    "JWT_SECRET",
    "WEBHOOK_SECRET",
    "GITHUB_TOKEN",
    "NPM_TOKEN",
    "OPENAI_API_KEY",
    "SMTP_PASSWORD",
    "ENCRYPTION_KEY",
    "SIGNING_KEY",
    "REDIS_PASSWORD",
    "HF_TOKEN",
    "QDRANT_API_KEY",
]
FIELDS = [
    "password",
    "api_key",
    "token",
    "secret",
    "access_token",
    "refresh_token",
    "client_secret",
    "private_key",
    "passphrase",
    "auth_token",
    "session_token",
    "webhook_secret",
]


def camel(name: str) -> str:
    """snake_case -> camelCase."""
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def k_key_name_constants(r: random.Random) -> str:
    f = r.choice(FIELDS)
    const = f.upper()
    return r.choice(
        [
            f'{const}_KEY = "{f}"  # the dict key the auth middleware reads',
            f'export const {const}_STORAGE_KEY = "{r.choice(APPS)}.{camel(f)}";',
            f'SESSION_COOKIE_NAME = "{r.choice(APPS)}_session"\nCSRF_HEADER_NAME = "HTTP_X_CSRFTOKEN"\n{const}_FIELD = "{f}"',
            f'private static final String {const}_HEADER = "X-{f.replace("_", "-").title()}";',
            f'const {const}_PARAM = "{f}"; // query parameter name, never logged',
        ]
    )


def k_pydantic_settings_fields(r: random.Random) -> str:
    f, env = r.choice(FIELDS), r.choice(SECRETS)
    return r.choice(
        [
            f'    {f}: SecretStr = Field(..., alias="{env}")',
            f'    {f}: str = Field(default="", env="{env}", description="read from the environment")',
            f'class Settings(BaseSettings):\n    model_config = SettingsConfigDict(env_prefix="{r.choice(APPS).upper()}_")\n    {f}: SecretStr | None = None',
            f"pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings\n{f}\n  Field required [type=missing, input_value={{}}, input_type=dict]",
        ]
    )


def k_request_form_access(r: random.Random) -> str:
    f = r.choice(FIELDS)
    return r.choice(
        [
            f'{f} = request.form["{f}"]',
            'token = request.headers.get("Authorization", "").removeprefix("Bearer ")',
            f'KeyError: \'{f}\'\n  File "app/views/{r.choice(APPS)}.py", line {r.randint(10, 400)}, in login\n    {f} = request.form["{f}"]',
            f"const {{ {camel(f)} }} = req.body; // validated by the {r.choice(APPS)} schema",
            f"$password = $_POST['{f}'] ?? '';",
        ]
    )


def k_js_secret_accessors(r: random.Random) -> str:
    name = f"{r.choice(APPS)}/{r.choice(FIELDS)}"
    return r.choice(
        [
            f'const secret = await getSecret("{name}");',
            f"const [version] = await client.accessSecretVersion({{ name: `projects/${{projectId}}/secrets/{r.choice(FIELDS)}/versions/latest` }});",
            f'let value = await secretsManager.getSecretValue({{ SecretId: "{name}" }}).promise();',
            f"TypeError: Cannot read properties of undefined (reading 'getSecret')\n    at loadConfig (src/config/{r.choice(APPS)}.ts:{r.randint(5, 90)}:{r.randint(3, 40)})",
        ]
    )


def k_password_input_components(r: random.Random) -> str:
    f = r.choice(["password", "new_password", "current_password", "passphrase", "pin"])
    return r.choice(
        [
            f'<PasswordInput name="{f}" autoComplete="current-password" minLength={{{r.randint(8, 16)}}} />',
            f"    {f} = forms.CharField(widget=forms.PasswordInput(render_value=False), max_length={r.choice([128, 256])})",
            f'<input type="password" id="{f}" name="{f}" autocomplete="new-password" required>',
            f"<mat-form-field><input matInput [type]=\"hide ? 'password' : 'text'\" formControlName=\"{camel(f)}\"></mat-form-field>",
        ]
    )


def k_error_enum_constants(r: random.Random) -> str:
    c = r.choice(
        [
            "INVALID_TOKEN",
            "EXPIRED_API_KEY",
            "MISSING_SECRET",
            "BAD_PASSWORD",
            "TOKEN_REVOKED",
            "INVALID_CLIENT_SECRET",
            "SIGNATURE_MISMATCH",
        ]
    )
    code = r.choice([400, 401, 403, 419, 498])
    return r.choice(
        [
            f'{c} = "{c.lower()}"',
            f'    {c}({code}, "{c.lower().replace("_", ".")}"),',
            f'var Err{"".join(p.title() for p in c.lower().split("_"))} = errors.New("{c.lower().replace("_", " ")}")',
            f'{{"error": "{c.lower()}", "error_code": {r.randint(1000, 9999)}, "status": {code}}}',
            f"  | {c} = {r.randint(1, 60)}",
        ]
    )


def k_i18n_auth_keys(r: random.Random) -> str:
    k = r.choice(
        [
            "password.reset.title",
            "auth.token_expired",
            "apiKeys.create.button",
            "settings.security.twoFactor",
            "errors.invalidPassword",
            "secret.copy.tooltip",
        ]
    )
    text = r.choice(
        [
            "Reset your password",
            "Your session token has expired",
            "Create API key",
            "Two-factor authentication",
            "That password is not correct",
            "Copy secret",
        ]
    )
    lang = r.choice(["en", "de", "fr", "pt-BR", "ja"])
    return r.choice(
        [
            f'"{k}": "{text}",',
            f"{k}: {text}",
            f"missingKey {lang} translation:{r.choice(NS)} {k}",
            f'<trans-unit id="{k}"><source>{text}</source></trans-unit>',
            f'{{t("{k}")}}',
        ]
    )


def k_sql_secret_columns(r: random.Random) -> str:
    t = r.choice(["users", "api_keys", "oauth_clients", "sessions", "service_accounts"])
    col = r.choice(["password_hash", "token_hash", "secret_digest", "key_prefix", "api_key_id"])
    return r.choice(
        [
            f"    {col} VARCHAR({r.choice([64, 128, 255])}) NOT NULL,",
            f"CREATE UNIQUE INDEX idx_{t}_{col} ON {t} ({col});",
            f"ALTER TABLE {t} ADD COLUMN {col} TEXT, ADD COLUMN rotated_at TIMESTAMPTZ;",
            f'ERROR:  column "{col.replace("_hash", "")}" of relation "{t}" does not exist\nLINE 1: UPDATE {t} SET {col.replace("_hash", "")} = $1 WHERE id = $2',
            f'sqlalchemy.exc.IntegrityError: (psycopg.errors.NotNullViolation) null value in column "{col}" of relation "{t}" violates not-null constraint',
        ]
    )


def k_sql_param_queries(r: random.Random) -> str:
    t = r.choice(["users", "api_keys", "tokens", "credentials"])
    return r.choice(
        [
            f"UPDATE {t} SET password_hash = %s, updated_at = now() WHERE id = %s",
            f"SELECT id, scopes FROM {t} WHERE key_prefix = $1 AND revoked_at IS NULL LIMIT {r.randint(1, 5)}",
            f'cursor.execute("DELETE FROM {t} WHERE token_hash = ?", (token_hash,))',
            f"db.QueryRowContext(ctx, `SELECT secret_ref FROM {t} WHERE name = $1`, name)",
            f"slow query ({r.randint(200, 9000)} ms): SELECT * FROM {t} WHERE api_key_id = :api_key_id",
        ]
    )


def k_graphql_secret_fields(r: random.Random) -> str:
    op = r.choice(["resetPassword", "rotateApiKey", "revokeToken", "createPersonalAccessToken"])
    return r.choice(
        [
            f"type Mutation {{\n  {op}(token: String!, newPassword: String): Boolean!\n}}",
            f"  apiKeys(first: {r.choice([10, 20, 50])}): ApiKeyConnection! @auth(requires: ADMIN)",
            f'{{"errors":[{{"message":"Variable \\"$password\\" of required type \\"String!\\" was not provided.","locations":[{{"line":1,"column":{r.randint(10, 40)}}}]}}]}}',
            f"mutation {op.title()}($input: {op[0].upper() + op[1:]}Input!) {{ {op}(input: $input) {{ tokenId expiresAt }} }}",
        ]
    )


def k_openapi_security_schemes(r: random.Random) -> str:
    hdr = r.choice(["X-API-Key", "X-Api-Token", "Authorization", "X-Auth-Token"])
    return r.choice(
        [
            f"components:\n  securitySchemes:\n    ApiKeyAuth:\n      type: apiKey\n      in: header\n      name: {hdr}",
            '"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}',
            f"security:\n  - oauth2: [read:{r.choice(APPS)}, write:{r.choice(APPS)}]\n  - ApiKeyAuth: []",
            f'openapi-generator: parameter "{hdr}" in header has no schema (paths./v{r.randint(1, 3)}/{r.choice(APPS)}.get)',
        ]
    )


def k_secret_scanner_regexes(r: random.Random) -> str:
    n = r.choice([32, 36, 40, 64])
    return r.choice(
        [
            f"[[rules]]\nid = \"{r.choice(['github-pat', 'slack-bot-token', 'generic-api-key'])}\"\nregex = '''(?i)(?:token|key)[\\s:=]+['\"]?([a-z0-9]{{{n}}})'''",
            f'API_KEY_RE = re.compile(r"(?i)api[_-]?key\\s*[:=]\\s*[\'\\"]?([A-Za-z0-9_\\-]{{{n},}})")',
            f"const tokenPattern = /^gh[pousr]_[A-Za-z0-9]{{{n}}}$/;",
            '  - pattern: "(?i)password\\\\s*=\\\\s*\\"[^\\"]{8,}\\""\n    message: hard-coded password',
        ]
    )


def k_feature_flags_secret_words(r: random.Random) -> str:
    flag = r.choice(
        [
            "rotate-api-keys-v2",
            "enforce-token-binding",
            "password-less-login",
            "secret-scanning-push-protection",
            "short-lived-tokens",
        ]
    )
    return r.choice(
        [
            f"FEATURE_{flag.upper().replace('-', '_')}=true",
            f'flags: {{"{flag}": {{"enabled": {r.choice(["true", "false"])}, "rollout": {r.randint(0, 100)}}}}}',
            f'if (ldClient.variation("{flag}", user, false)) {{',
            f'unleash: toggle "{flag}" evaluated to {r.choice(["on", "off"])} for strategy gradualRollout ({r.randint(1, 99)}%)',
        ]
    )


def k_test_fixture_dummies(r: random.Random) -> str:
    v = r.choice(["dummy", "example", "test", "fake", "placeholder", "not-a-real"])
    f = r.choice(FIELDS)
    return r.choice(
        [
            f'@pytest.fixture\ndef creds():\n    return {{"username": "{v}-user", "{f}": "{v}-{f.replace("_", "-")}"}}',
            f'monkeypatch.setenv("{r.choice(["API_KEY", "AUTH_TOKEN", "DB_PASSWORD"])}", "{v}")',
            f'const mockConfig = {{ {camel(f)}: "{v}_{f}", baseUrl: "http://localhost:{r.randint(3000, 9000)}" }};',
            f't.Setenv("{r.choice(["API_KEY", "SECRET_KEY"])}", "{v}-value-for-tests")',
            f"FAILED tests/test_auth.py::test_login_rejects_{v}_{f} - AssertionError: assert 401 == 200",
        ]
    )


def k_env_lookup_polyglot(r: random.Random) -> str:
    e = r.choice(SECRETS)
    return r.choice(
        [
            f'token := os.Getenv("{e}")\nif token == "" {{\n\tlog.Fatal("{e} is not set")\n}}',
            f'String secret = System.getenv("{e}");',
            f"'key' => getenv('{e}') ?: throw new RuntimeException('{e} missing'),",
            f'let key = std::env::var("{e}").context("{e} must be set")?;',
            f'api_key = ENV.fetch("{e}") {{ raise KeyError, "set {e}" }}',
            f"Error: environment variable {e} is required (see .env.example)",
        ]
    )


def k_external_secrets_manifest(r: random.Random) -> str:
    app = r.choice(APPS)
    return r.choice(
        [
            f"apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: {app}-db\nspec:\n  secretStoreRef:\n    name: vault-backend\n  data:\n    - secretKey: password\n      remoteRef:\n        key: {r.choice(NS)}/{app}/db\n        property: password",
            f"envFrom:\n  - secretRef:\n      name: {app}-credentials\n  - configMapRef:\n      name: {app}-config",
            f'Warning  FailedMount  {r.randint(1, 59)}s  kubelet  MountVolume.SetUp failed for volume "{app}-tls" : secret "{app}-tls" not found',
            f"externalsecret.external-secrets.io/{app}-api-keys  SecretSynced  {r.randint(1, 30)}m  True",
        ]
    )


def k_makefile_secret_vars(r: random.Random) -> str:
    return r.choice(
        [
            f'login:\n\t@echo "$$REGISTRY_TOKEN" | docker login {r.choice(ORGS)}.example.com -u $(REGISTRY_USER) --password-stdin',
            f"deploy: check-env\n\t./scripts/deploy.sh --token-file $(TOKEN_FILE) --env {r.choice(NS)}",
            f"check-env:\nifndef {r.choice(SECRETS)}\n\t$(error {r.choice(SECRETS)} is undefined)\nendif",
            f"make: *** [Makefile:{r.randint(5, 90)}: publish] Error 1\n{r.choice(SECRETS)} is undefined",
        ]
    )


def k_laravel_config_env(r: random.Random) -> str:
    return r.choice(
        [
            "    'key' => env('APP_KEY'),\n    'cipher' => 'AES-256-CBC',",
            f"            'password' => env('DB_PASSWORD', ''),\n            'port' => env('DB_PORT', '{r.choice([3306, 5432])}'),",
            f"RuntimeException: No application encryption key has been specified. in vendor/laravel/framework/src/Illuminate/Encryption/EncryptionServiceProvider.php:{r.randint(60, 120)}",
            f"'secret' => env('{r.choice(['STRIPE_SECRET', 'PUSHER_APP_SECRET', 'MAIL_PASSWORD'])}'),",
        ]
    )


def k_spring_property_refs(r: random.Random) -> str:
    p = r.choice(
        [
            "spring.datasource.password",
            "jwt.secret",
            "app.api-key",
            "spring.mail.password",
            "spring.security.oauth2.client.registration.github.client-secret",
        ]
    )
    e = r.choice(SECRETS)
    return r.choice(
        [
            f"{p}=${{{e}}}",
            f"{p}=${{{e}:}}",
            f'    @Value("${{{p}}}")\n    private String {camel(p.split(".")[-1].replace("-", "_"))};',
            f"java.lang.IllegalArgumentException: Could not resolve placeholder '{e}' in value \"${{{e}}}\"",
        ]
    )


def k_ansible_var_refs(r: random.Random) -> str:
    v = r.choice(
        ["vault_db_password", "vault_become_pass", "vault_api_token", "vault_smtp_password"]
    )
    return r.choice(
        [
            f'ansible_become_password: "{{{{ {v} }}}}"',
            f"api_token: \"{{{{ lookup('env', '{r.choice(SECRETS)}') }}}}\"",
            f"- name: Write config\n  template:\n    src: app.env.j2\n    dest: /etc/{r.choice(APPS)}/app.env\n  no_log: true",
            f'fatal: [{r.choice(APPS)}-{r.randint(1, 9)}]: FAILED! => {{"msg": "The task includes an option with an undefined variable. The error was: \'{v}\' is undefined"}}',
        ]
    )


def k_terraform_sensitive_vars(r: random.Random) -> str:
    v = r.choice(["db_password", "api_token", "admin_secret", "github_app_private_key"])
    return r.choice(
        [
            f'variable "{v}" {{\n  type      = string\n  sensitive = true\n}}',
            f"  password = var.{v}",
            "      ~ secret_string = (sensitive value)\n        # (3 unchanged attributes hidden)",
            f'  # random_password.{v} will be created\n  + resource "random_password" "{v}" {{\n      + length  = {r.choice([24, 32, 40])}\n      + result  = (sensitive value)\n    }}',
            f"  secret_id = data.aws_secretsmanager_secret.{v}.id",
        ]
    )


def k_compose_secrets_files(r: random.Random) -> str:
    n = r.choice(["db_password", "api_key", "jwt_secret", "grafana_admin_password"])
    return r.choice(
        [
            f"secrets:\n  {n}:\n    file: ./secrets/{n}.txt",
            f"    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/{n}",
            f'service "{r.choice(APPS)}" refers to undefined secret {n}: invalid compose project',
            f"    secrets:\n      - source: {n}\n        target: {n}\n        mode: 0400",
        ]
    )


def k_redaction_config(r: random.Random) -> str:
    fs = r.sample(
        ["password", "token", "authorization", "api_key", "secret", "cookie", "set-cookie"], 4
    )
    return r.choice(
        [
            f"REDACT_FIELDS = {fs!r}",
            f'"sensitive_keys": {str(fs).replace(chr(39), chr(34))}',
            f'  redact:\n    paths: [{", ".join("req.headers." + x for x in fs)}]\n    censor: "[REDACTED]"',
            f"logging.filters.redact: masked {r.randint(1, 40)} field(s) named {fs[0]!r}",
        ]
    )


def k_hashing_calls(r: random.Random) -> str:
    return r.choice(
        [
            f"hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds={r.choice([10, 12, 14])}))",
            "sig = hmac.new(secret, body, hashlib.sha256).hexdigest()",
            'const digest = crypto.createHmac("sha256", webhookSecret).update(rawBody).digest("hex");',
            f"ph = PasswordHasher(time_cost={r.randint(2, 4)}, memory_cost={r.choice([65536, 102400])}, parallelism={r.randint(1, 8)})",
            "if !hmac.Equal([]byte(sig), expected) { return ErrSignatureMismatch }",
        ]
    )


def k_jwt_verify_code(r: random.Random) -> str:
    aud = r.choice(["api://default", "https://api.example.com", r.choice(APPS)])
    return r.choice(
        [
            f'claims = jwt.decode(token, key, algorithms=["RS256"], audience="{aud}")',
            "jwt.ExpiredSignatureError: Signature has expired",
            f'const {{ payload }} = await jwtVerify(token, JWKS, {{ issuer: "https://auth.example.com/", audience: "{aud}" }});',
            f"token, err := jwt.ParseWithClaims(tokenString, &Claims{{}}, keyFunc, jwt.WithLeeway({r.randint(5, 60)}*time.Second))",
        ]
    )


def k_secret_gen_commands(r: random.Random) -> str:
    n = r.choice([16, 24, 32, 48, 64])
    return r.choice(
        [
            f"openssl rand -hex {n} > secrets/{r.choice(APPS)}.key",
            f'ssh-keygen -t ed25519 -f ./deploy_key -N "" -C "deploy@{r.choice(REPOS)}"',
            f'kubectl create secret generic {r.choice(APPS)}-db --from-literal=password="$DB_PASSWORD" -n {r.choice(NS)}',
            f'python -c "import secrets; print(secrets.token_urlsafe({n}))"',
            f'head -c {n} /dev/urandom | base64 | tr -d "\\n" > .jwt_secret',
        ]
    )


def k_curl_env_auth(r: random.Random) -> str:
    e = r.choice(["GITHUB_TOKEN", "HF_TOKEN", "OPENAI_API_KEY", "API_TOKEN", "GITLAB_TOKEN"])
    return r.choice(
        [
            f'curl -fsS -H "Authorization: Bearer ${e}" https://api.github.com/repos/{r.choice(ORGS)}/{r.choice(REPOS)}/releases/latest',
            f'curl -s -H "Authorization: token ${{{e}}}" -H "Accept: application/vnd.github+json" https://api.github.com/user',
            f'curl --header "PRIVATE-TOKEN: ${e}" "https://gitlab.com/api/v4/projects/{r.randint(1000, 99999999)}/pipelines"',
            f'wget --header="Authorization: Bearer ${e}" https://huggingface.co/{r.choice(["BAAI/bge-m3", "Qwen/Qwen2.5-7B-Instruct"])}/resolve/main/config.json',
            f'http GET :8080/v1/models "Authorization:Bearer ${e}"',
        ]
    )


def k_www_authenticate(r: random.Random) -> str:
    return r.choice(
        [
            f'WWW-Authenticate: Bearer realm="{r.choice(APPS)}", error="invalid_token", error_description="The access token expired"',
            'WWW-Authenticate: Basic realm="Restricted", charset="UTF-8"',
            f'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="insufficient_scope", scope="read:{r.choice(APPS)}"',
            f'WWW-Authenticate: Digest realm="{r.choice(APPS)}.example.com", qop="auth", algorithm=SHA-256, nonce="{hx(r, 32)}", opaque="{hx(r, 32)}"',
        ]
    )


def k_oidc_discovery(r: random.Random) -> str:
    host = f"auth.{r.choice(ORGS)}.example.com"
    return r.choice(
        [
            f'{{"issuer":"https://{host}","token_endpoint":"https://{host}/oauth/token","jwks_uri":"https://{host}/.well-known/jwks.json"}}',
            '"token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt"]',
            '"code_challenge_methods_supported": ["S256"], "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials"]',
            f"GET https://{host}/.well-known/openid-configuration -> {r.choice([200, 404, 503])} ({r.randint(5, 900)} ms)",
        ]
    )


def k_cors_security_headers(r: random.Random) -> str:
    return r.choice(
        [
            "Access-Control-Allow-Headers: Authorization, Content-Type, X-Api-Key, X-CSRF-Token",
            f"Access-Control-Expose-Headers: X-RateLimit-Remaining, X-Request-Id\nAccess-Control-Max-Age: {r.choice([600, 3600, 86400])}",
            f"Strict-Transport-Security: max-age={r.choice([31536000, 63072000])}; includeSubDomains; preload",
            "Permissions-Policy: camera=(), microphone=(), geolocation=(self)\nX-Content-Type-Options: nosniff",
            f"Access to fetch at 'https://api.example.com/v1/{r.choice(APPS)}' from origin 'http://localhost:{r.randint(3000, 9000)}' has been blocked by CORS policy: Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.",
        ]
    )


def k_vault_policy_hcl(r: random.Random) -> str:
    app = r.choice(APPS)
    return r.choice(
        [
            f'path "secret/data/{app}/*" {{\n  capabilities = ["read", "list"]\n}}',
            'path "auth/token/create" { capabilities = ["update"] }',
            f"vault policy write {app}-read policies/{app}.hcl\nSuccess! Uploaded policy: {app}-read",
            f'path "database/creds/{app}-ro" {{\n  capabilities = ["read"]\n}}',
        ]
    )


def k_iam_secret_actions(r: random.Random) -> str:
    acct, app = "".join(s(r, D, 12)), r.choice(APPS)
    return r.choice(
        [
            f'{{"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "kms:Decrypt"], "Resource": "arn:aws:secretsmanager:eu-west-1:{acct}:secret:{app}/*"}}',
            f"AccessDeniedException: User: arn:aws:sts::{acct}:assumed-role/{app}-task/{app} is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:{acct}:parameter/{app}/api_key",
            f'resource "aws_iam_role_policy_attachment" "{app}_secrets" {{\n  role       = aws_iam_role.{app}.name\n  policy_arn = "arn:aws:iam::aws:policy/SecretsManagerReadWrite"\n}}',
        ]
    )


def k_k8s_rbac_secrets(r: random.Random) -> str:
    return r.choice(
        [
            f'rules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get", "list", "watch"]\n    resourceNames: ["{r.choice(APPS)}-tls"]',
            f'Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:{r.choice(NS)}:{r.choice(APPS)}" cannot list resource "secrets" in API group "" in the namespace "{r.choice(NS)}"',
            f"kubectl auth can-i get secrets --as=system:serviceaccount:{r.choice(NS)}:{r.choice(APPS)} -n {r.choice(NS)}\nno",
        ]
    )


def k_registry_token_refs(r: random.Random) -> str:
    return r.choice(
        [
            f"//registry.npmjs.org/:_authToken=${{{r.choice(['NPM_TOKEN', 'NODE_AUTH_TOKEN', 'NPM_PUBLISH_TOKEN'])}}}\nalways-auth=true",
            f"@{r.choice(ORGS)}:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=${{GITHUB_TOKEN}}",
            f"[{r.choice(['pypi', 'testpypi', ORGS[0]])}]\nusername = __token__\npassword = ${{{r.choice(['PYPI_API_TOKEN', 'TWINE_PASSWORD', 'PYPI_TOKEN'])}}}",
            f"<server>\n  <id>{r.choice(ORGS)}-releases</id>\n  <username>${{env.MAVEN_USERNAME}}</username>\n  <password>${{env.MAVEN_PASSWORD}}</password>\n</server>",
            "npm ERR! code E401\nnpm ERR! Unable to authenticate, your authentication token seems to be invalid.\nnpm ERR! To correct this please try logging in again with:\nnpm ERR!     npm login",
        ]
    )


def k_git_credential_config(r: random.Random) -> str:
    return r.choice(
        [
            '[credential "https://github.com"]\n\thelper = !/usr/bin/gh auth git-credential',
            f'git config --global credential.helper "cache --timeout={r.choice([900, 3600, 7200])}"',
            "fatal: could not read Username for 'https://github.com': terminal prompts disabled",
            f"remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/{r.choice(ORGS)}/{r.choice(REPOS)}.git/'",
            "[credential]\n\thelper = osxkeychain\n\tuseHttpPath = true",
        ]
    )


def k_password_policy_settings(r: random.Random) -> str:
    return r.choice(
        [
            f"PASSWORD_MIN_LENGTH = {r.randint(8, 16)}\nPASSWORD_REQUIRE_SYMBOL = True",
            f"AUTH_PASSWORD_VALIDATORS = [{{'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator', 'OPTIONS': {{'min_length': {r.randint(8, 16)}}}}}]",
            f"passwordPolicy: {{ minLength: {r.randint(8, 16)}, requireSymbols: true, maxAgeDays: {r.choice([90, 180, 365])} }}",
            f"ARGON2_TIME_COST = {r.randint(2, 4)}\nARGON2_MEMORY_COST = {r.choice([65536, 19456])}\nTOKEN_TTL_SECONDS = {r.choice([900, 3600, 86400])}",
        ]
    )


def k_log_format_strings(r: random.Random) -> str:
    return r.choice(
        [
            'logger.info("rotated api key %s for account %d", key_id, account_id)',
            'log.Printf("token %s revoked by %s", tokenID, actor)',
            "console.warn(`secret ${secretName} expires in ${days} days`);",
            'LOG.debug("Refreshing access token (expires_in={}s)", expiresIn);',
            f'tracing::warn!(key_id = %key.id, "signing key older than {r.randint(30, 400)} days");',
        ]
    )


def k_php_auth_code(r: random.Random) -> str:
    f, app = r.choice(FIELDS), r.choice(APPS)
    return r.choice(
        [
            f"if (!password_verify($request->input('{f}'), $user->{f}_hash)) {{",
            f"$signature = hash_hmac('sha256', $payload, $this->{camel(f)});",
            f"$token = bin2hex(random_bytes({r.choice([16, 32, 48])})); // {app} invite",
            f"throw new InvalidTokenException(sprintf('Token \"%s\" for {app} has expired.', $tokenId));",
            f'PHP Warning:  Undefined array key "{f}" in src/{app.title()}/LoginController.php on line {r.randint(10, 300)}',
        ]
    )


def k_spring_security_code(r: random.Random) -> str:
    f, app = r.choice(FIELDS), r.choice(APPS)
    return r.choice(
        [
            f"    @Bean\n    PasswordEncoder passwordEncoder() {{ return new BCryptPasswordEncoder({r.choice([10, 12, 14])}); }}",
            f'        http.csrf(csrf -> csrf.ignoringRequestMatchers("/{app}/api/**"))',
            f"{r.randint(1000, 99999)} --- [nio-8080-exec-{r.randint(1, 10)}] o.s.s.o.s.r.w.BearerTokenAuthenticationFilter : Failed to authenticate since the JWT was invalid",
            f'    @Value("${{{app}.{f.replace("_", "-")}}}")\n    private String {camel(f)};',
            f"Caused by: org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name '{camel(f)}Filter' defined in {app.title()}SecurityConfig",
        ]
    )


def k_dotenv_example_empty(r: random.Random) -> str:
    keys = r.sample(SECRETS, 3)
    return r.choice(
        [
            "\n".join(f"{k}=" for k in keys),
            f"# Get one at https://platform.openai.com/api-keys\n{keys[0]}=\n# optional\n{keys[1]}=",
            f"cp .env.example .env  # then fill in {', '.join(keys)}",
            f"{keys[0]}=   # required\n{keys[1]}=   # leave empty to disable",
        ]
    )


def k_kustomize_name_hashes(r: random.Random) -> str:
    app = r.choice(APPS)
    h = s(r, "bcdfghkmt2456789", 10)
    return r.choice(
        [
            f"configmap/{app}-config-{h} created",
            f"secret/{app}-env-{h} configured",
            f"        envFrom:\n        - configMapRef:\n            name: {app}-config-{h}",
            f"  Normal  ScalingReplicaSet  {r.randint(1, 59)}m  deployment-controller  Scaled up replica set {app}-{s(r, 'bcdfghjklmnpqrstvwxz2456789', 10)} to {r.randint(1, 5)}",
        ]
    )
