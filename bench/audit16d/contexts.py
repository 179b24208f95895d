"""Contexts of the fourth audit corpus: where a token family's token is placed.

Each template takes ``{s}`` (the token), ``{K}`` (its key name, ``ACME_API_KEY``), ``{k}`` (snake
case), ``{c}`` (camelCase), ``{C}`` (PascalCase), ``{p}`` (the provider word) and ``{ts}`` (a
timestamp). The earlier audits used prose, shell, curl, docker, Python/JS/Go/Java/PHP, Make,
YAML, XML, .env, Kubernetes, JSON, compose, HCL variables, headers, logfmt, INI, TOML, systemd,
PowerShell, Ruby, Rust, C#; these lean on the forms they used little: logs with JSON-escaped
quotes, Windows paths and cmd.exe, odd URL places, Terraform provider blocks, .properties,
appsettings.json, GitHub Actions, SQL, stack traces that print config, base64-wrapped JSON,
line continuations, text in other scripts, and languages none of them used.
"""

from __future__ import annotations

KEYED = {
    "log-json-escaped": '{ts} ERROR worker: {{"msg":"config loaded","cfg":"{{\\"{k}\\":\\"{s}\\",\\"region\\":\\"eu-west-1\\"}}"}}',
    "log-kv-quoted": '{ts} level=debug component=client msg="init" {k}="{s}" retries=3',
    "log-python-repr": "{ts} DEBUG settings=Settings({k}='{s}', timeout=30, verify=True)",
    "windows-set": "C:\\Users\\jdoe\\src\\acme> set {K}={s}\r\nC:\\Users\\jdoe\\src\\acme> npm run deploy",
    "windows-setx": 'PS C:\\Program Files\\Acme> setx {K} "{s}" /M\r\nSUCCESS: Specified value was saved.',
    "windows-reg": 'reg add "HKCU\\Software\\Acme\\{C}" /v {C} /t REG_SZ /d "{s}" /f',
    "url-path": "GET https://hooks.acme.dev/ingest/{p}/{s}/events HTTP/1.1\r\nHost: hooks.acme.dev",
    "url-fragment": "open https://console.acme.dev/#/setup?provider={p}&{k}={s}&step=2 in the browser",
    "url-query-encoded": "redirecting to https://acme.dev/callback?state=xyz&{k}={s}&next=%2Fhome",
    "terraform-provider": 'provider "{p}" {{\n  {k} = "{s}"\n  region  = "eu-central-1"\n}}\n',
    "terraform-tfvars": '# terraform.tfvars\n{k} = "{s}"\nenvironment = "prod"\n',
    "toml-table": '[{p}]\n{k} = "{s}"\ntimeout_ms = 2500\n',
    "ini-section": "[{p}]\n{k} = {s}\nverify_ssl = true\n",
    "dockerfile-arg": "FROM python:3.12-slim\nARG {K}={s}\nRUN pip install acme-{p}\n",
    "dockerfile-env-space": 'FROM node:22-alpine\nENV {K} {s}\nCMD ["node", "server.js"]\n',
    "gha-env": "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      {K}: {s}\n    steps:\n      - uses: actions/checkout@v4\n",
    "gha-with": "      - uses: acme/{p}-action@v2\n        with:\n          {k}: '{s}'\n          dry-run: false\n",
    "sql-insert": "INSERT INTO integrations (provider, {k}, enabled) VALUES ('{p}', '{s}', true);",
    "sql-update": "UPDATE settings SET value = '{s}' WHERE name = '{k}';",
    "java-properties": "# application.properties\n{p}.{c}={s}\nserver.port=8080\n",
    "spring-yaml": "spring:\n  {p}:\n    {c}: {s}\n",
    "csharp-appsettings": '{{\n  "{C}": {{\n    "{C}": "{s}",\n    "Timeout": 30\n  }}\n}}',
    "csharp-code": 'var client = new {C}Client(new {C}Options {{ {C} = "{s}" }});',
    "rust-const": 'const {K}: &str = "{s}";\nfn main() {{ println!("starting"); }}',
    "rust-builder": 'let client = Client::builder().{k}("{s}").build()?;',
    "go-struct": 'var cfg = Config{{\n\t{C}: "{s}",\n\tTimeout: 5 * time.Second,\n}}',
    "kotlin": 'val {c} = "{s}"\nval client = {C}Client({c})',
    "swift": 'let {c} = "{s}"\nlet client = {C}Client(key: {c})',
    "elixir": 'config :acme, Acme.{C},\n  {k}: "{s}",\n  pool_size: 10',
    "lua": 'local {k} = "{s}"\nlocal client = require("{p}").new({k})',
    "perl": 'my ${k} = "{s}";\nmy $ua = LWP::UserAgent->new;',
    "r-lang": 'Sys.setenv({K} = "{s}")\nlibrary({p})',
    "nix": '{{\n  services.{p} = {{\n    enable = true;\n    {c} = "{s}";\n  }};\n}}',
    "helm-set": "helm upgrade --install {p} ./chart --set {p}.{c}={s} --namespace prod",
    "ansible-vars": '- hosts: web\n  vars:\n    {k}: "{s}"\n  roles:\n    - {p}',
    "jupyter-output": '{{"cell_type": "code", "outputs": [{{"name": "stdout", "text": ["{K} = {s}\\n"]}}]}}',
    "python-traceback": "Traceback (most recent call last):\n  File \"/srv/app/main.py\", line 42, in <module>\n    client.connect()\nConnectionError: could not reach {p}: config={{'{k}': '{s}', 'host': 'api.{p}.io'}}",
    "java-stacktrace": "java.lang.IllegalStateException: bad config {{{c}={s}, endpoint=https://api.{p}.io}}\n\tat com.acme.{C}Client.init({C}Client.java:88)\n\tat com.acme.Main.main(Main.java:12)",
    "node-error": "Error: request failed with 401\n    at {C}Client.request (/app/node_modules/{p}/index.js:120:11) {{\n  config: {{ headers: {{ '{K}': '{s}' }} }}\n}}",
    "csv-row": "provider,{k},owner\n{p},{s},platform-team",
    "markdown-table": "| provider | {k} |\n|---|---|\n| {p} | `{s}` |",
    "html-meta": '<meta name="{p}-{k}" content="{s}">',
    "js-fetch-header": "await fetch(url, {{ headers: {{ '{K}': '{s}', 'Content-Type': 'application/json' }} }});",
    "non-ascii-de": "Hinweis: der {p}-Schlüssel für die Staging-Umgebung lautet {s} – bitte nach dem Test löschen.",  # noqa: RUF001
    "non-ascii-ja": "ステージング用の{p}キーは {s} です。テスト後に削除してください。",
    "non-ascii-ru": "Ключ {p} для стенда: {s} — удалить после проверки ✅",
    "continuation-shell": "docker run --rm \\\n  -e {K}={s} \\\n  -e LOG_LEVEL=debug \\\n  ghcr.io/acme/{p}:latest",
    "heredoc": "cat > ~/.config/{p}/config <<'EOF'\n{k}={s}\nEOF",
}

BARE = {
    "bare-log-escaped": '{ts} WARN auth: {{"event":"token rejected","token":"{s}","status":401}}',
    "bare-windows-path": "C:\\Users\\jdoe\\AppData\\Roaming\\{p}\\credentials.txt: {s}",
    "bare-chat-nonascii": "¿funciona? probé con {s} y da 403 🙃",
    "bare-url-path": "https://api.{p}.io/v1/keys/{s}/revoke",
    "bare-cli": "PS> {p} auth login --with-token {s}",
    "bare-json-array": '{{"tokens": ["{s}"], "rotated": false}}',
}
