"""Build the second audit corpus of issue 16: secrets.jsonl and benign.jsonl beside this script.

``python bench/audit16b/make.py`` draws one token per shape of shapes.json (seed 1616, see
sample.py), drops draws that no scanner would report as a credential on their own (under 10
characters, all digits, blanks or markup punctuation in them), and places each in seven contexts
drawn from a pool this corpus alone uses: Terraform/HCL, TOML, INI, Dockerfile ENV/ARG, GitHub
Actions ``env:``, systemd ``Environment=``, docker-compose lists, HTTP headers, log lines, stack
traces, JSON inside a JSON string, URL query strings, Go/Rust/Ruby/C#/PowerShell code; tokens
with a fixed prefix may also stand bare. Generated passwords go into connection strings (JDBC,
ODBC, ADO.NET, Mongo, Redis, AMQP, MySQL, Postgres) and password settings. benign.jsonl holds
risky-looking technical strings that must stay unchanged.
"""

from __future__ import annotations

import base64
import json
import random
import re
import string
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import sample  # noqa: E402

BAD = re.compile(r"[\s<>{}()\[\]'\"`;,|\\*&#^%$!?~]")


def provider_of(family: str, keywords: list[str]) -> str:
    """Return a provider word for key names: the first alphabetic keyword, else the family's."""
    for word in keywords:
        if re.fullmatch(r"[a-z][a-z0-9]{2,}", word.lower()):
            return word.lower()
    name = family.split(":", 1)[1].split("/")[0]
    return re.split(r"[-_]", name)[0].lower()


def prefixed(pattern: str, rng: random.Random) -> bool:
    """Return whether draws of ``pattern`` share a literal start of 3 or more characters."""
    a, b, c = (sample.draw(pattern, rng) for _ in range(3))
    n = 0
    while n < min(len(a), len(b), len(c)) and a[n] == b[n] == c[n]:
        n += 1
    return n >= 3


SUFFIXES = ["API_KEY", "TOKEN", "SECRET", "API_TOKEN", "ACCESS_TOKEN", "SECRET_KEY", "AUTH_TOKEN"]
SUFFIXES += ["CLIENT_SECRET", "APIKEY", "KEY", "ACCESS_KEY", "PRIVATE_KEY", "API_SECRET"]


def camel(words: list[str]) -> str:
    """Return ``words`` as lowerCamelCase."""
    return words[0].lower() + "".join(w.capitalize() for w in words[1:])


def keyed(p: str, s: str, rng: random.Random) -> dict[str, str]:
    """Return the keyed contexts of token ``s`` of provider ``p``."""
    suffix = rng.choice(SUFFIXES)
    env = f"{p.upper()}_{suffix}"
    snake = env.lower()
    words = [p, *suffix.lower().split("_")]
    cam = camel(words)
    pascal = cam[0].upper() + cam[1:]
    host = f"api.{p}.example.net"
    return {
        "hcl": f'provider "{p}" {{\n  {suffix.lower()} = "{s}"\n  region  = "eu-central-1"\n}}\n',
        "hcl-variable": f'variable "{snake}" {{\n  type    = string\n  default = "{s}"\n}}\n',
        "toml": f'[integrations.{p}]\nenabled = true\n{suffix.lower()} = "{s}"\ntimeout_ms = 2500\n',
        "ini": f"[{p}]\nendpoint = https://{host}/v1\n{suffix.lower()} = {s}\nretries = 3\n",
        "dockerfile": f"FROM python:3.12-slim\nARG {env}={s}\nRUN pip install --no-cache-dir -r requirements.txt\n",
        "dockerfile-env": f'ENV {env}="{s}" \\\n    LOG_LEVEL=info\n',
        "gha": f"    - name: Deploy\n      run: ./scripts/deploy.sh\n      env:\n        {env}: {s}\n        STAGE: prod\n",
        "systemd": f'[Service]\nExecStart=/usr/bin/{p}-agent --foreground\nEnvironment="{env}={s}"\nRestart=always\n',
        "compose": f"  worker:\n    image: ghcr.io/acme/worker:1.4.2\n    environment:\n      - {env}={s}\n      - QUEUE=default\n",
        "header": f"> GET /v1/accounts HTTP/1.1\n> Host: {host}\n> X-{p.capitalize()}-{suffix.title().replace('_', '-')}: {s}\n> Accept: */*\n",
        "log": f"2026-12-05 10:01:22,331 DEBUG [{p}.client] init {snake}={s} retries=3 timeout=30s",
        "logfmt": f'ts=2026-12-05T10:01:22Z level=warn component={p} msg="auth failed" {cam}={s} status=401',
        "stacktrace": f'Traceback (most recent call last):\n  File "/srv/app/clients.py", line 88, in connect\n    raise AuthError(f"{p} rejected {suffix.lower().replace("_", " ")} {{key}}")\n{p}.errors.AuthError: {p} rejected {suffix.lower().replace("_", " ")} {s}\n',
        "json-in-json": json.dumps(
            {"event": "config.loaded", "body": json.dumps({snake: s, "debug": False})}
        ),
        "query": f"GET /v2/quotes?symbol=AAPL&{cam}={s}&format=json HTTP/1.1",
        "go": f'const {cam} = "{s}"\n\nfunc newClient() *{p}.Client {{ return {p}.New({cam}) }}\n',
        "go-setenv": f'\tos.Setenv("{env}", "{s}")\n',
        "rust": f'let {snake} = "{s}";\nlet client = {p}::Client::new({snake});\n',
        "ruby": f"{p.capitalize()}.configure do |config|\n  config.{snake.removeprefix(p + '_')} = '{s}'\nend\n",
        "csharp": f'var options = new {p.capitalize()}Options {{ {pascal} = "{s}", Timeout = 30 }};',
        "powershell": f'$env:{env} = "{s}"\n& ./{p}-sync.ps1 -Verbose',
    }


def bare(p: str, s: str) -> dict[str, str]:
    """Return the contexts where a prefixed token ``s`` stands without a key."""
    return {
        "bare-log": f"Dec 05 10:01:22 build-07 runner[2211]: retry 2/5 with {s} after HTTP 401",
        "bare-bearer": f"curl -sS -H 'Authorization: Bearer {s}' https://api.{p}.example.net/v1/me",
        "bare-chat": f"ok so I pasted {s} into the {p} dashboard and it still says unauthorized?",
        "bare-stdin": f"printf '%s' {s} | {p} login --with-token",
    }


def password(rng: random.Random) -> str:
    """Return a generated password of 12-28 characters (letters, digits, a few URL-safe marks)."""
    alphabet = string.ascii_letters + string.digits + "-_.~"
    while True:
        pw = "".join(rng.choice(alphabet) for _ in range(rng.randint(12, 28)))
        if (
            any(c.isdigit() for c in pw)
            and any(c.isupper() for c in pw)
            and any(c.islower() for c in pw)
        ):
            return pw


def passwords(rng: random.Random) -> list[dict[str, str]]:
    """Return password samples in connection strings and password settings."""
    forms = {
        "jdbc": "spring.datasource.url=jdbc:postgresql://db-1.internal:5432/orders?user=app&password={s}&ssl=true",
        "jdbc-mysql": "jdbc:mysql://mysql.internal:3306/shop?user=shop&password={s}&useSSL=false",
        "odbc": "Driver={{ODBC Driver 18 for SQL Server}};Server=tcp:sql-1.internal,1433;Database=crm;Uid=crm_app;Pwd={s};Encrypt=yes;",
        "adonet": "Server=sql-1.internal;Database=crm;User Id=crm_app;Password={s};TrustServerCertificate=True",
        "mongo": "MONGO_URL=mongodb+srv://reporting:{s}@cluster0.x7k2p.mongodb.net/analytics?retryWrites=true",
        "redis": "CELERY_BROKER_URL=redis://:{s}@redis-master.cache.svc:6379/0",
        "amqp": "amqp://orders:{s}@rabbitmq.internal:5672/%2Fprod",
        "postgres": "DATABASE_URL=postgres://django:{s}@10.0.3.14:5432/web",
        "toml-password": '[database]\nhost = "db.internal"\nuser = "svc"\npassword = "{s}"\n',
        "ini-password": "[mysqld]\nuser = backup\npassword = {s}\n",
        "hcl-password": 'resource "aws_db_instance" "main" {{\n  username = "admin"\n  password = "{s}"\n}}\n',
        "compose-password": "    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: {s}\n",
        "systemd-password": 'Environment="PGPASSWORD={s}"',
        "rust-password": 'let pool = PgPool::connect_with(opts.password("{s}")).await?;',
        "csharp-password": 'var cred = new NetworkCredential("svc-backup", "{s}");',
    }
    out = []
    for kind, form in forms.items():
        for _ in range(14):
            s = password(rng)
            out.append(
                {"family": f"pw:{kind}", "context": kind, "text": form.format(s=s), "secret": s}
            )
    return out


def secrets(rng: random.Random) -> list[dict[str, str]]:
    """Return the secret samples: seven contexts per shape, then the passwords."""
    out = []
    seen: set[str] = set()
    for line in (HERE / "shapes.json").read_text(encoding="utf-8").splitlines():
        shape = json.loads(line)
        if shape["family"] in seen:
            continue
        try:
            draws = [sample.draw(shape["secret"], rng) for _ in range(6)]
            is_prefixed = prefixed(shape["secret"], rng)
        except (re.error, OverflowError, RecursionError):  # a regex Python can't read: left out
            continue
        good = [d for d in draws if len(d) >= 10 and not d.isdigit() and not BAD.search(d)]
        if not good:
            continue
        seen.add(shape["family"])
        p = provider_of(shape["family"], shape["keywords"])
        contexts = keyed(p, good[0], rng)
        if is_prefixed:
            contexts |= bare(p, good[0])
        for kind in sorted(rng.sample(sorted(contexts), 7)):
            s = rng.choice(good)
            text = (keyed(p, s, random.Random(kind)) | bare(p, s))[kind]
            out.append({"family": shape["family"], "context": kind, "text": text, "secret": s})
    return out + passwords(rng)


def b64(rng: random.Random, n: int) -> str:
    """Return base64 of ``n`` random bytes."""
    return base64.b64encode(rng.randbytes(n)).decode()


def hexs(rng: random.Random, n: int) -> str:
    """Return ``n`` random hex digits."""
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


NIX32 = "0123456789abcdfghijklmnpqrsvwxyz"
PKGS = [
    "openssl-3.0.13",
    "python3-3.11.9",
    "glibc-2.39-52",
    "nodejs-20.12.2",
    "rustc-1.77.2",
    "bash-5.2p26",
]
WORDS = [
    "user",
    "session",
    "token",
    "secret",
    "password",
    "key",
    "auth",
    "api",
    "access",
    "refresh",
]


def benign_one(kind: str, rng: random.Random) -> str:
    """Return one benign text of ``kind``."""
    sha1, sha256 = hexs(rng, 40), hexs(rng, 64)
    u = str(uuid.UUID(bytes=rng.randbytes(16), version=4))
    nix = "".join(rng.choice(NIX32) for _ in range(32))
    forms = {
        "git-log": f"{sha1[:7]} Merge pull request #{rng.randint(10, 9999)} from acme/fix-retries",
        "git-checkout": f"HEAD is now at {sha1[:12]} bump deps",
        "git-rev": f"git rebase --onto {sha1} {hexs(rng, 40)}",
        "uuid-json": json.dumps({"request_id": u, "status": 200, "took_ms": rng.randint(1, 900)}),
        "uuid-log": f"INFO job {u} finished in {rng.randint(1, 60)}s",
        "docker-digest": f"image: ghcr.io/acme/api@sha256:{sha256}",
        "docker-pull": f"Digest: sha256:{sha256}\nStatus: Downloaded newer image for nginx:1.27-alpine",
        "container-id": f"docker exec -it {sha256[:12]} sh",
        "nix-store": f"/nix/store/{nix}-{rng.choice(PKGS)}/bin/{rng.choice(['python3', 'node', 'bash'])}",
        "nix-hash": f'    hash = "sha256-{b64(rng, 32)}";',
        "data-uri": f'<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA{b64(rng, 90)}" alt="logo">',
        "css-font": f"src: url(data:font/woff2;base64,d09GMgABAAAAA{b64(rng, 120)}) format('woff2');",
        "sri": f'<script src="/js/app.js" integrity="sha384-{b64(rng, 48)}" crossorigin="anonymous"></script>',
        "npm-lock": f'      "integrity": "sha512-{b64(rng, 64)}"',
        "go-sum": f"github.com/acme/lib v1.{rng.randint(0, 20)}.{rng.randint(0, 9)} h1:{b64(rng, 32)}",
        "cargo-lock": f'checksum = "{sha256}"',
        "pip-hash": f"requests==2.32.3 \\\n    --hash=sha256:{sha256}",
        "sha256sum": f"{sha256}  dist/fedlearn-0.{rng.randint(1, 9)}.0.tar.gz",
        "etag": f'ETag: "{hexs(rng, 32)}"',
        "traceparent": f"traceparent: 00-{hexs(rng, 32)}-{hexs(rng, 16)}-01",
        "mongo-id": f'db.orders.find({{_id: ObjectId("{hexs(rng, 24)}")}})',
        "ulid": f"created order {''.join(rng.choice('0123456789ABCDEFGHJKMNPQRSTVWXYZ') for _ in range(26))}",
        "go-pseudo": f"require golang.org/x/net v0.0.0-20240{rng.randint(100, 999)}123456-{sha1[:12]}",
        "version": f"{rng.choice(['numpy', 'torch', 'pydantic'])}=={rng.randint(1, 3)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}",
        "npm-version": f'"{rng.choice(["lodash", "react", "vite"])}": "^{rng.randint(1, 18)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"',
        "css-color": f".btn-primary {{ color: #{hexs(rng, 6)}; background: #{hexs(rng, 3)}; }}",
        "webpack": f'<script src="/static/js/main.{hexs(rng, 8)}.chunk.js"></script>',
        "k8s-pod": f"pod/api-{hexs(rng, 10)}-{''.join(rng.choice('bcdfghjklmnpqrstvwxz2456789') for _ in range(5))} 1/1 Running 0 3h",
        "arn": f"arn:aws:iam::{rng.randint(10**11, 10**12 - 1)}:role/ci-deploy",
        "gpg": f"gpg --recv-keys {hexs(rng, 40).upper()}",
        "identifier": f"def {rng.choice(WORDS)}_{rng.choice(WORDS)}_{rng.choice(['provider', 'factory', 'ttl', 'expiry', 'length'])}(self): ...",
        "setting-ref": f"{rng.choice(WORDS).upper()}_{rng.choice(['KEY', 'TOKEN', 'SECRET'])}=${{{rng.choice(WORDS).upper()}_VALUE}}",
        "gha-ref": f"        env:\n          NPM_TOKEN: ${{{{ secrets.NPM_TOKEN_{rng.randint(1, 99)} }}}}",
        "token-number": f"token_ttl_seconds = {rng.randint(60, 86400)}\nmax_token_length = {rng.randint(16, 4096)}",
        "windows-guid": f"{{{u.upper()}}} = Debug|x64",
        "semver-build": f"v{rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}+build.{sha1[:8]}",
        "md5-file": f"MD5 ({rng.choice(['a', 'b', 'c'])}.iso) = {hexs(rng, 32)}",
        "weak-etag": f'If-None-Match: W/"{sha1}"',
        "hmac-header-name": f"X-Hub-Signature-256: sha256={sha256}",
        "helm-ref": f'password: "{{{{ .Values.db{rng.randint(1, 99)}.password }}}}"\ntoken: "{{{{ include "app.token" . }}}}"',
        "pkg-path": f"/usr/lib/python3/dist-packages/{rng.choice(WORDS)}_manager-{rng.randint(1, 5)}.{rng.randint(0, 9)}.dist-info/RECORD",
        "cache-key": f"Cache restored from key: {rng.choice(['Linux', 'macOS'])}-cargo-{sha256}",
        "jwt-doc": f"Set the `Authorization` header to `Bearer <token>` (see docs/auth.md#L{rng.randint(1, 400)}).",
        "base32-hash": f'narHash = "sha256-{b64(rng, 32)}";',
        "kid": f'{{"kid": "{hexs(rng, 16)}", "alg": "RS256", "use": "sig"}}',
        "commit-url": f"https://github.com/acme/api/commit/{sha1}",
        "blob-url": f"https://github.com/acme/api/blob/{sha1}/src/main.rs#L{rng.randint(1, 500)}",
        "tx-hash": f"tx 0x{sha256} confirmed in block {rng.randint(10**6, 10**7)}",
        "wheel": f"Downloading torch-2.{rng.randint(0, 5)}.{rng.randint(0, 2)}-cp311-cp311-manylinux_2_28_x86_64.whl ({rng.randint(100, 900)}.{rng.randint(0, 9)} MB)",
        "camel-ident": f"const {rng.choice(WORDS)}{rng.choice(['Provider', 'Store', 'Cache', 'Validator'])}Factory = new {rng.choice(['Default', 'Cached', 'Lazy'])}TokenStoreFactory();",
    }
    return forms[kind]


def benign(rng: random.Random) -> list[dict[str, str]]:
    """Return 25 benign texts of each kind."""
    out = []
    for kind in KINDS:
        texts: set[str] = set()
        for _ in range(1000):
            if len(texts) == 25:
                break
            texts.add(benign_one(kind, rng))
        out.extend({"kind": kind, "text": t} for t in sorted(texts))
    return out


KINDS = [
    "git-log", "git-checkout", "git-rev", "uuid-json", "uuid-log", "docker-digest", "docker-pull",
    "container-id", "nix-store", "nix-hash", "data-uri", "css-font", "sri", "npm-lock", "go-sum",
    "cargo-lock", "pip-hash", "sha256sum", "etag", "traceparent", "mongo-id", "ulid", "go-pseudo",
    "version", "npm-version", "css-color", "webpack", "k8s-pod", "arn", "gpg", "identifier",
    "setting-ref", "gha-ref", "token-number", "windows-guid", "semver-build", "md5-file",
    "weak-etag", "hmac-header-name", "helm-ref", "pkg-path", "cache-key", "jwt-doc",
    "base32-hash", "kid", "commit-url", "blob-url", "tx-hash", "wheel", "camel-ident",
]  # fmt: skip


def main() -> None:
    """Write secrets.jsonl and benign.jsonl."""
    rng = random.Random(1616)
    for name, rows in (("secrets", secrets(rng)), ("benign", benign(rng))):
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)}")


if __name__ == "__main__":
    main()
