"""Write the labelled anonymizer corpora: secrets.jsonl, personal.jsonl, benign.jsonl.

Run from the repository root: ``python tests/data/make_corpus.py``. The output is deterministic
(fixed seed); the files are checked in, so the tests never depend on this script.

Every secret here is random and fake, in the exact shape of the real thing, and sits in the kind
of text fedlearn sees: telemetry prose, JSON payloads, shell commands, config files, stack traces,
URLs. Each line of secrets.jsonl is ``{"text", "secret", "family"}``: ``secret`` is the part that
must not survive anonymization. personal.jsonl has the same shape for personal and machine data
(for the machine in ``tests/test_anonymize.py``). benign.jsonl holds technical text that looks
risky and must stay as it is.
"""

from __future__ import annotations

import base64
import json
import random
import string
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ALNUM = string.ascii_letters + string.digits
rng = random.Random(20260601)


def pick(alphabet: str, size: int) -> str:
    """Return ``size`` random characters of ``alphabet``, with a digit and a letter in it."""
    while True:
        found = "".join(rng.choice(alphabet) for _ in range(size))
        mixed = any(c.isdigit() for c in found) and any(c.isalpha() for c in found)
        if (
            size < 8
            or mixed
            or not (set(alphabet) & set(string.ascii_letters))
            or not (set(alphabet) & set(string.digits))
        ):
            return found


def hexadecimal(size: int) -> str:
    """Return ``size`` random lower-case hex digits."""
    return pick("0123456789abcdef", size)


def b64(size: int) -> str:
    """Return ``size`` random base64 characters."""
    return pick(ALNUM + "+/", size)


def pem(kind: str, lines: int = 6) -> tuple[str, str]:
    """Return a fake PEM private key block and its body."""
    body = "\n".join(b64(64) for _ in range(lines))
    label = f"{kind} PRIVATE KEY" if kind else "PRIVATE KEY"
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----", body


# Contexts: how a secret appears in the text fedlearn stores. {s} is the secret.
PROSE = [
    "I set {s} in the service and it still fails with 401",
    "the journal shows the request with {s} before the crash",
    "rotated the credential; the old one was {s}",
]
SHELL = [
    "curl -s https://api.example.net/v1/models -H 'X-Trace: 1' # used {s}",
    "echo {s} | gh auth login --with-token",
]


def env(name: str) -> list[str]:
    """Return contexts that assign the secret to the environment variable ``name``."""
    return [
        f"export {name}={{s}}",
        f'{name}="{{s}}" python -m app.server --port 8080',
        f'Environment="{name}={{s}}"',
        f"docker run -e {name}={{s}} ghcr.io/acme/agent:1.4",
        f'{{"env": {{"{name}": "{{s}}", "LOG_LEVEL": "debug"}}}}',
        f"  {name.lower()}: {{s}}",
    ]


def sample(family: str, secret: str, contexts: list[str]) -> list[dict[str, str]]:
    """Return one corpus line per context."""
    return [
        {"text": context.replace("{s}", secret), "secret": secret, "family": family}
        for context in contexts
    ]


def token_samples() -> list[dict[str, str]]:
    """Return samples of secrets with a recognizable shape."""
    found = []
    shapes: list[tuple[str, Callable[[], str], list[str]]] = [
        (
            "aws-access-key",
            lambda: "AKIA" + pick(string.ascii_uppercase + string.digits, 16),
            env("AWS_ACCESS_KEY_ID") + PROSE[:1],
        ),
        (
            "aws-access-key",
            lambda: "ASIA" + pick(string.ascii_uppercase + string.digits, 16),
            ['{"Credentials": {"AccessKeyId": "{s}", "Expiration": "2026-01-02T03:04:05Z"}}'],
        ),
        (
            "gcp-api-key",
            lambda: "AIza" + pick(ALNUM + "_-", 35),
            [
                *env("GOOGLE_API_KEY")[:3],
                "https://maps.googleapis.com/maps/api/geocode/json?address=x&key={s}",
            ],
        ),
        (
            "google-ai-key",
            lambda: "AIza" + pick(ALNUM + "_-", 35),
            [
                'genai.configure(api_key="{s}")',
                "GEMINI_API_KEY={s} ollama-bridge --model gemini-1.5-flash",
            ],
        ),
        (
            "gcp-oauth-client-secret",
            lambda: "GOCSPX-" + pick(ALNUM + "_-", 28),
            [
                '{"installed": {"client_id": "1234-abc.apps.googleusercontent.com", "client_secret": "{s}"}}'
            ],
        ),
        (
            "github-classic",
            lambda: "ghp_" + pick(ALNUM, 36),
            env("GITHUB_TOKEN")[:4] + SHELL[1:] + ["https://{s}@github.com/acme/infra.git"],
        ),
        (
            "github-fine-grained",
            lambda: "github_pat_" + pick(ALNUM, 22) + "_" + pick(ALNUM, 59),
            env("GH_TOKEN")[:3] + PROSE[:1],
        ),
        (
            "github-app",
            lambda: "ghs_" + pick(ALNUM, 36),
            [
                "git clone https://x-access-token:{s}@github.com/acme/app.git",
                '{"token": "{s}", "expires_at": "2026-01-01T00:00:00Z"}',
            ],
        ),
        (
            "github-oauth",
            lambda: "gho_" + pick(ALNUM, 36),
            ["oauth_token: {s}\nuser: someone\ngit_protocol: https", PROSE[2]],
        ),
        (
            "github-refresh",
            lambda: "ghr_" + pick(ALNUM, 76),
            ['{"access_token": "ghu_' + pick(ALNUM, 36) + '", "refresh_token": "{s}"}'],
        ),
        ("github-user-to-server", lambda: "ghu_" + pick(ALNUM, 36), ["Authorization: token {s}"]),
        (
            "gitlab",
            lambda: "glpat-" + pick(ALNUM + "_-", 20),
            [*env("GITLAB_TOKEN")[:3], "git push https://oauth2:{s}@gitlab.com/acme/app.git main"],
        ),
        (
            "bitbucket",
            lambda: "ATBB" + pick(ALNUM, 32),
            [
                "git clone https://someone:{s}@bitbucket.org/acme/app.git",
                "BITBUCKET_APP_PASSWORD={s}",
            ],
        ),
        (
            "npm",
            lambda: "npm_" + pick(ALNUM, 36),
            ["//registry.npmjs.org/:_authToken={s}", *env("NPM_TOKEN")[:2]],
        ),
        (
            "pypi",
            lambda: "pypi-AgEIcHlwaS5vcmc" + pick(ALNUM + "_-", 70),
            [
                "[pypi]\n  username = __token__\n  password = {s}",
                "twine upload -u __token__ -p {s} dist/*",
                "UV_PUBLISH_TOKEN={s} uv publish",
            ],
        ),
        (
            "openai",
            lambda: "sk-proj-" + pick(ALNUM + "_-", 120),
            [
                *env("OPENAI_API_KEY")[:4],
                'client = OpenAI(api_key="{s}")',
                "openai.AuthenticationError: Error code: 401 - Incorrect API key provided: {s}.",
            ],
        ),
        (
            "openai",
            lambda: "sk-" + pick(ALNUM, 48),
            ['{"headers": {"Authorization": "Bearer {s}"}}'],
        ),
        (
            "anthropic",
            lambda: "sk-ant-api03-" + pick(ALNUM + "_-", 93) + "AA",
            [*env("ANTHROPIC_API_KEY")[:3], "anthropic.Anthropic(api_key='{s}')"],
        ),
        (
            "huggingface",
            lambda: "hf_" + pick(string.ascii_letters, 34),
            [*env("HF_TOKEN")[:3], "huggingface-cli login --token {s}"],
        ),
        ("groq", lambda: "gsk_" + pick(ALNUM, 52), env("GROQ_API_KEY")[:3]),
        (
            "mistral",
            lambda: pick(ALNUM, 32),
            [*env("MISTRAL_API_KEY")[:4], 'client = Mistral(api_key="{s}")'],
        ),
        (
            "cohere",
            lambda: pick(ALNUM, 40),
            [
                *env("CO_API_KEY")[:3],
                'co = cohere.Client("{s}")',
                'co = cohere.ClientV2(api_key="{s}")',
            ],
        ),
        ("replicate", lambda: "r8_" + pick(ALNUM, 37), env("REPLICATE_API_TOKEN")[:3]),
        ("together", lambda: "tgp_v1_" + pick(ALNUM + "_-", 43), env("TOGETHER_API_KEY")[:2]),
        ("together", lambda: hexadecimal(64), env("TOGETHER_API_KEY")[:2]),
        (
            "perplexity",
            lambda: "pplx-" + pick(ALNUM, 48),
            [*env("PERPLEXITY_API_KEY")[:2], '{"model": "sonar", "api_key": "{s}"}'],
        ),
        (
            "slack-token",
            lambda: (
                "xoxb-"
                + pick(string.digits, 12)
                + "-"
                + pick(string.digits, 13)
                + "-"
                + pick(ALNUM, 24)
            ),
            [*env("SLACK_BOT_TOKEN")[:3], 'slack_sdk.WebClient(token="{s}")'],
        ),
        (
            "slack-token",
            lambda: (
                "xoxp-"
                + pick(string.digits, 12)
                + "-"
                + pick(string.digits, 12)
                + "-"
                + pick(string.digits, 13)
                + "-"
                + hexadecimal(32)
            ),
            [PROSE[1]],
        ),
        (
            "slack-webhook",
            lambda: (
                "T"
                + pick(string.ascii_uppercase + string.digits, 10)
                + "/B"
                + pick(string.ascii_uppercase + string.digits, 10)
                + "/"
                + pick(ALNUM, 24)
            ),
            [
                'curl -X POST -d \'{"text": "deploy done"}\' https://hooks.slack.com/services/{s}',
                'alerting:\n  slack_url: "https://hooks.slack.com/services/{s}"',
            ],
        ),
        (
            "discord-bot-token",
            lambda: (
                base64.b64encode(str(rng.randint(10**17, 10**18)).encode()).decode().rstrip("=")
                + "."
                + pick(ALNUM + "_-", 6)
                + "."
                + pick(ALNUM + "_-", 38)
            ),
            ["bot.run('{s}')", *env("DISCORD_TOKEN")[:2]],
        ),
        (
            "discord-webhook",
            lambda: str(rng.randint(10**17, 10**18)) + "/" + pick(ALNUM + "_-", 68),
            [
                "POST https://discord.com/api/webhooks/{s} returned 204",
                'webhook = "https://discordapp.com/api/webhooks/{s}"',
            ],
        ),
        (
            "telegram-bot-token",
            lambda: str(rng.randint(10**8, 10**9)) + ":AA" + pick(ALNUM + "_-", 33),
            [
                "https://api.telegram.org/bot{s}/sendMessage?chat_id=42",
                *env("TELEGRAM_BOT_TOKEN")[:2],
            ],
        ),
        (
            "stripe",
            lambda: "sk_live_" + pick(ALNUM, 99),
            [*env("STRIPE_SECRET_KEY")[:3], "stripe.api_key = '{s}'"],
        ),
        ("stripe", lambda: "rk_live_" + pick(ALNUM, 99), [PROSE[0]]),
        ("stripe", lambda: "whsec_" + pick(ALNUM, 32), ["STRIPE_WEBHOOK_SECRET={s}"]),
        (
            "jwt",
            lambda: (
                base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
                + "."
                + base64.urlsafe_b64encode(
                    json.dumps({"sub": pick(ALNUM, 8), "iat": 1700000000}).encode()
                )
                .decode()
                .rstrip("=")
                + "."
                + pick(ALNUM + "_-", 43)
            ),
            [
                "Authorization: Bearer {s}",
                "Set-Cookie: session={s}; HttpOnly",
                '{"id_token": "{s}"}',
                "jwt decode failed for {s}: signature expired",
            ],
        ),
        (
            "age-secret-key",
            lambda: "AGE-SECRET-KEY-1" + pick(string.ascii_uppercase + string.digits, 58),
            [
                "# created: 2026-01-01\n# public key: age1"
                + pick(string.ascii_lowercase + string.digits, 58)
                + "\n{s}",
                "SOPS_AGE_KEY={s}",
            ],
        ),
        (
            "azure-storage",
            lambda: b64(86) + "==",
            [
                "DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey={s};EndpointSuffix=core.windows.net",
                'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=x;AccountKey={s}"',
            ],
        ),
        (
            "azure-sas",
            lambda: pick(ALNUM + "%", 43) + "%3D",
            [
                "https://acmestore.blob.core.windows.net/backups/db.tar?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01&sig={s}"
            ],
        ),
        (
            "azure-client-secret",
            lambda: pick(ALNUM, 3) + "8Q~" + pick(ALNUM + "_.~-", 34),
            ["AZURE_CLIENT_SECRET={s}", '{"tenant": "acme", "clientSecret": "{s}"}'],
        ),
    ]
    for family, make, contexts in shapes:
        for context in contexts:
            found += sample(family, make(), [context])
    return found


def key_samples() -> list[dict[str, str]]:
    """Return private keys: PEM (RSA, EC, PKCS#8, encrypted, PGP) and OpenSSH."""
    found = []
    for kind in ("RSA", "EC", "", "ENCRYPTED", "OPENSSH", "DSA"):
        block, body = pem(kind)
        found += sample("private-key", body, [block, f"cat ~/.ssh/id_x\n{block}\n"])
    block, body = pem("RSA")
    service_account = json.dumps(
        {
            "type": "service_account",
            "project_id": "acme-prod",
            "private_key_id": hexadecimal(40),
            "private_key": block + "\n",
        }
    )
    found += sample("gcp-service-account", body, [service_account])
    found += sample("private-key", body, [json.dumps({"error": "invalid key", "input": block})])
    pgp = (
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n"
        + "\n".join(b64(64) for _ in range(4))
        + "\n-----END PGP PRIVATE KEY BLOCK-----"
    )
    found += sample("private-key", pgp.split("\n\n", 1)[1].rsplit("\n-----", 1)[0], [pgp])
    return found


def assignment_samples() -> list[dict[str, str]]:
    """Return passwords, secrets, tokens and API keys given by name, in every syntax."""
    found = []
    password = lambda: pick(ALNUM + "!#%^*", 14)  # noqa: E731  (a tiny local maker reads best here)
    contexts = [
        ("password", "password={s}"),
        ("password", 'DB_PASSWORD="{s}"'),
        ("password", "export PGPASSWORD={s}"),
        ("password", '{"username": "svc", "password": "{s}"}'),
        ("password", "database:\n  host: db\n  password: {s}\n"),
        ("password", '[database]\npassword = "{s}"\n'),
        ("password", "spring.datasource.password={s}"),
        ("password", "mysql -h db -u root -p{s} app"),
        ("password", "sshpass -p '{s}' ssh deploy@box"),
        ("password", "mytool --password {s} --host db"),
        ("password", "mytool --db-password={s}"),
        ("password", "docker login -u someone -p {s} registry.example.net"),
        ("password", "redis-cli -h cache -a {s} ping"),
        ("password", "curl -u admin:{s} https://jenkins.example.net/api/json"),
        ("password", "<settings><server><id>r</id><password>{s}</password></server></settings>"),
        ("password", "Server=db;Database=app;User Id=sa;Password={s};"),
        ("password", "host=db port=5432 dbname=app user=app password={s}"),
        ("password", 'requests.post(url, auth=("admin", "x"), json={"pass": "{s}"})'),
        ("password", "openssl pkcs12 -export -passout pass:{s} -out cert.p12"),
        ("password", 'user.hashedPassword = "{s}";'),
        ("password", "- name: create user\n  user: name=app password={s}"),
        ("password", "MYSQL_ROOT_PASSWORD: {s}"),
        ("password", "config['smtp_password'] = '{s}'"),
        ("password", 'ValueError: login failed for user svc with passwd="{s}"'),
        ("secret", "client_secret={s}"),
        ("secret", '{"webhookSecret": "{s}"}'),
        ("secret", "JWT_SECRET: {s}"),
        ("secret", "SECRET_KEY = '{s}'"),
        ("token", "token: {s}"),
        ("token", '{"access_token": "{s}", "token_type": "Bearer", "expires_in": 3600}'),
        ("token", "VAULT_TOKEN={s} vault kv get secret/app"),
        ("token", "mycli --token {s} deploy"),
        ("token", "X-Auth-Token: {s}"),
        ("api-key", "api_key = '{s}'"),
        ("api-key", "X-API-Key: {s}"),
        ("api-key", '{"apiKey": "{s}", "region": "eu"}'),
        ("api-key", "QDRANT_API_KEY={s}"),
        ("api-key", "curl -H 'api-key: {s}' https://acme.openai.azure.com/openai/deployments"),
        ("api-key", "mycli --api-key {s}"),
        ("api-key", '[embedding]\napi_key = "{s}"'),
        ("authorization", "Authorization: Bearer {s}"),
        ("authorization", 'headers = {"Authorization": "Bearer {s}"}'),
        ("authorization", 'curl -H "Authorization: Bearer {s}" https://api.example.net/v1'),
        ("authorization", "Proxy-Authorization: Bearer {s}"),
    ]
    for family, context in contexts:
        secret = password() if family in ("password", "secret") else pick(ALNUM + "-_", 40)
        found += sample(family, secret, [context])
    basic = base64.b64encode(f"admin:{password()}".encode()).decode()
    found += sample(
        "authorization",
        basic,
        ["Authorization: Basic {s}", '{"headers": {"Authorization": "Basic {s}"}}'],
    )
    found += sample(
        "aws-secret-key",
        b64(40),
        [
            "aws_secret_access_key = {s}",
            "export AWS_SECRET_ACCESS_KEY={s}",
            '{"SecretAccessKey": "{s}"}',
        ],
    )
    found += sample(
        "high-entropy",
        pick(ALNUM + "+/", 32),
        [
            "credentials: {s}",
            '{"auth": "{s}"}',
            "cookie = '{s}'",
            "SESSION_ID={s}",
            "signature={s}",
        ],
    )
    found += sample("high-entropy", pick(ALNUM, 40), ["hmac_key: {s}", "encryption_key={s}"])
    found += sample("high-entropy", hexadecimal(32), ["sessionid=" + "{s}", '{"session": "{s}"}'])
    return found


def url_samples() -> list[dict[str, str]]:
    """Return credentials in URLs and connection strings."""
    found = []
    for scheme, rest in (
        ("postgresql", "@db.internal:5432/app"),
        ("mysql", "@127.0.0.1:3306/shop"),
        ("mongodb+srv", "@cluster0.abcde.mongodb.net/?retryWrites=true"),
        ("redis", "@cache:6379/0"),
        ("amqp", "@rabbit:5672/%2f"),
        ("https", "@git.example.net/acme/repo.git"),
        ("ftp", "@files.example.net/pub"),
    ):
        secret = pick(ALNUM + "!*_", 16)
        found += sample(
            "url-credentials",
            secret,
            [
                f"{scheme}://app:{{s}}{rest}",
                f"sqlalchemy.exc.OperationalError: could not connect to {scheme}://app:{{s}}{rest}",
            ],
        )
    secret = pick(ALNUM, 18)
    found += sample(
        "url-credentials",
        secret,
        ["redis://:{s}@cache:6379", "DATABASE_URL=postgres://svc:{s}@db/app"],
    )
    found += sample(
        "url-credentials", hexadecimal(32), ["SENTRY_DSN=https://{s}@o123.ingest.sentry.io/456"]
    )
    found += sample(
        "password",
        pick(ALNUM, 12),
        ["jdbc:postgresql://db:5432/app?user=app&password={s}&ssl=true"],
    )
    return found


def stack_samples() -> list[dict[str, str]]:
    """Return secrets inside stack traces and error payloads."""
    token = "ghp_" + pick(ALNUM, 36)
    key = "sk-proj-" + pick(ALNUM + "_-", 100)
    password = pick(ALNUM, 16)
    return [
        *sample(
            "github-classic",
            token,
            [
                'Traceback (most recent call last):\n  File "/srv/app/sync.py", line 41, in push\n    repo.push(url="https://{s}@github.com/acme/x.git")\ngit.exc.GitCommandError: exit code 128'
            ],
        ),
        *sample(
            "openai",
            key,
            [
                'httpx.HTTPStatusError: 401 Unauthorized\nrequest headers: {"authorization": "Bearer {s}", "content-type": "application/json"}'
            ],
        ),
        *sample(
            "password",
            password,
            [
                'psycopg.OperationalError: connection failed: password authentication failed\n  dsn="host=db user=app password={s} dbname=app"'
            ],
        ),
    ]


def personal_samples() -> list[dict[str, str]]:
    """Return personal and machine data for the fixed test machine (quasar, jdoe, /home/jdoe)."""
    items = [
        ("email", "jane.doe@acme-robotics.io", "contact jane.doe@acme-robotics.io for access"),
        ("email", "ops+alerts@example-mail.com", '{"notify": "ops+alerts@example-mail.com"}'),
        ("email", "j.smith@university.edu", "Signed-off-by: J Smith <j.smith@university.edu>"),
        ("ipv4", "10.12.0.7", "connect to 10.12.0.7:5432 refused"),
        ("ipv4", "192.168.1.20", "peer=192.168.1.20 took 0.2s"),
        ("ipv4", "172.16.4.2", "[inet 172.16.4.2/24 brd 172.16.4.255]"),
        ("ipv4", "93.184.216.34", "resolved example host to 93.184.216.34."),
        ("ipv6", "fe80::1ff:fe23:4567:890a", "inet6 fe80::1ff:fe23:4567:890a%eth0 scope link"),
        (
            "ipv6",
            "2a02:1205:34c1:9e70:1c2a:8b3f:4d5e:6f70",
            "curl -6 http://[2a02:1205:34c1:9e70:1c2a:8b3f:4d5e:6f70]:8080/",
        ),
        ("ipv6", "2001:470:1f0b:1a::2", "tunnel endpoint 2001:470:1f0b:1a::2 is up"),
        ("mac", "3c:22:fb:9a:01:7e", "link/ether 3c:22:fb:9a:01:7e brd ff:ff:ff:ff:ff:ff"),
        ("mac", "00-1A-2B-3C-4D-5E", "Physical Address. . . : 00-1A-2B-3C-4D-5E"),
        ("hostname", "quasar", "sudo nixos-rebuild switch --flake .#quasar"),
        ("hostname", "quasar.corp.acme-robotics.io", "ssh quasar.corp.acme-robotics.io uptime"),
        (
            "hostname",
            "build.corp.acme-robotics.io",
            "pulling from https://build.corp.acme-robotics.io/cache",
        ),
        ("hostname", "quasar", "Nov 28 06:12:33 quasar systemd[1]: Started qdrant.service."),
        (
            "hostname",
            "gitea.lab.internal",
            "git remote add lab https://gitea.lab.internal/jd/infra",
        ),
        ("user", "jdoe", "jdoe cannot access the docker socket"),
        ("home", "/home/jdoe", 'File "/home/jdoe/src/app/main.py", line 3'),
        ("home", "/Users/jdoe", "cd /Users/jdoe/Projects && make"),
        ("home", "/home/alice", "sudo -u alice cat /home/alice/.bashrc"),
        ("home", "/root", "error: cannot open /root/.config/nix/nix.conf"),
        ("home", "C:\\Users\\jdoe", "C:\\Users\\jdoe\\AppData\\Local\\ollama"),
        ("ssh-fingerprint", "SHA256:" + pick(ALNUM + "+/", 43), "ED25519 key fingerprint is {s}."),
        (
            "ssh-fingerprint",
            ":".join(hexadecimal(2) for _ in range(16)),
            "RSA key fingerprint is MD5:{s}",
        ),
        (
            "ssh-public-key",
            "AAAAC3NzaC1lZDI1NTE5AAAAI" + pick(ALNUM + "+/", 43),
            "quasar.corp.acme-robotics.io ssh-ed25519 {s}",
        ),
    ]
    return [
        {"text": text.replace("{s}", secret), "secret": secret, "family": family}
        for family, secret, text in items
    ]


def benign_samples() -> list[str]:
    """Return technical text that looks risky and must stay exactly as it is."""
    sha1, sha256 = hexadecimal(40), hexadecimal(64)
    store = "".join(rng.choice("0123456789abcdfghijklmnpqrsvwxyz") for _ in range(32))
    png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    fixed = [
        f"commit {sha1}",
        f"git checkout {sha1[:7]}",
        f"{sha256}  nixos-25.11.iso",
        f'sha256 = "{sha256}";',
        f"/nix/store/{store}-python3-3.11.9/bin/python3",
        f'hash = "sha256-{base64.b64encode(bytes.fromhex(sha256)).decode()}";',
        f"image: ghcr.io/qdrant/qdrant@sha256:{sha256}",
        'point_id = "550e8400-e29b-41d4-a716-446655440000"',
        '{"id": "123e4567-e89b-12d3-a456-426614174000", "score": 0.82}',
        f'<img src="{png}">',
        png,
        "version 1.14.2",
        "python 3.11.9",
        "nixpkgs 25.11.20251105.abcdef0",
        "qdrant v1.9.2",
        "Chrome/120.0.6099.109",
        "Windows 10.0.19041.3803",
        "OID 1.2.840.113549.1.1.11",
        "Reset your password from the account page.",
        "The password must have at least 12 characters.",
        "Enter the password: ********",
        "password: must be rotated every 90 days",
        "Passwords are hashed with argon2.",
        'api_key = "YOUR_API_KEY"',
        "export OPENAI_API_KEY=<your-key>",
        "OPENAI_API_KEY=sk-...",
        "token: <your token here>",
        "password: changeme",
        "api_key: xxxxxxxxxxxxxxxx",
        "SECRET_KEY = 'replace-me'",
        "curl http://localhost:6333/collections",
        "listening on 127.0.0.1:11434",
        "bind 0.0.0.0:8080",
        "proxy_pass http://[::1]:3000;",
        "netmask 255.255.255.0",
        "see RFC 5737: 192.0.2.1, 198.51.100.7, 203.0.113.9",
        "documentation prefix 2001:db8::1",
        "nameserver 1.1.1.1",
        "metadata at 169.254.169.254",
        'password = os.environ["DB_PASSWORD"]',
        "token = get_token()",
        "api_key = settings.api_key",
        "def login(user: str, password: str) -> Session:",
        "token: Optional[str] = None",
        "login(user=user, password=password)",
        "password=new_password",
        "self.password = password",
        "const token = localStorage.getItem('token');",
        'let secret = std::env::var("SECRET")?;',
        'password := r.FormValue("password")',
        "if password == confirm_password:",
        'passwordFile = "/run/secrets/db";',
        "password_file = /run/secrets/db",
        "tokenFile = config.age.secrets.gh.path;",
        'api_key_file = ""',
        'environmentFile = "/run/secrets/qdrant.env";',
        "secretKeyRef:\n  name: db\n  key: password",
        'token = "${{ secrets.GITHUB_TOKEN }}"',
        'password: "{{ vault_db_password }}"',
        "password: !vault |",
        "DB_PASSWORD=${DB_PASSWORD:?missing}",
        "password: !secret wifi_password",
        "PASSWORD=$(cat /run/secrets/pw)",
        "max_tokens=512",
        '"max_tokens": 1024',
        "prompt_tokens: 12, completion_tokens: 40",
        "token_type: bearer",
        '"token": "Hello", "logprob": -0.12',
        'tokenizer = AutoTokenizer.from_pretrained("bert-base")',
        "key: value",
        "sort_key = lambda item: item.score",
        'cache_key = f"{user_id}:{page}"',
        "primary_key=True",
        '"key": "collection_name"',
        'key = "skills-patterns"',
        f"key: {sha256}",
        "session: default",
        "cookie: true",
        "auth: none",
        "signature: sha256",
        "credentials: ~/.aws/credentials",
        "Use Bearer authentication for the API.",
        "Basic setup takes five minutes.",
        "Authorization: Bearer $TOKEN",
        'curl -H "Authorization: Bearer ${API_KEY}" https://api.example.net',
        "Authorization: Bearer <token>",
        "mysql -u root -p",
        "docker run -p 8080:80 nginx",
        "mkdir -p /var/lib/qdrant",
        "ssh -p 2222 git.example.net",
        'curl -u "$USER:$PASS" https://example.net',
        'sshpass -p "$SSHPASS" ssh host',
        'redis-cli -a "$REDIS_PASSWORD" ping',
        "git clone git@github.com:acme/infra.git",
        "https://github.com/acme/infra/blob/main/flake.nix",
        "https://example.org/search?q=token&page=2",
        "https://docs.example.net/auth#bearer-tokens",
        "use std::collections::HashMap;",
        "Foo::bar(baz)",
        "x :: Int -> Int",
        "10:30:00 INFO ready",
        "2026-01-02T03:04:05Z",
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUExample\n-----END CERTIFICATE-----",
        'ssh-keygen -t ed25519 -C "deploy"',
        "~/.ssh/id_ed25519.pub",
        "/etc/nixos/configuration.nix",
        "/var/lib/qdrant/storage",
        "~/.config/fedlearn/config.toml",
        "AKIAIOSFODNN7EXAMPLE is the access key id from the AWS docs",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "pip install scikit-learn; import sklearn",
        'hf_hub_download(repo_id="bert-base")',
        "npm_config_cache=/tmp/npm",
        "pypi-simple index",
        "xoxo from the team",
        "task-runner --skip-checks",
        "disk-usage-analyzer",
        "#ff00aa and #00ffcc",
        "rgba(0, 0, 0, 0.5)",
        "margin: 0 auto;",
        "width: 100%;",
        "SELECT id, name FROM users WHERE active = true;",
        "WHERE password_hash IS NOT NULL",
        "CREATE USER app WITH PASSWORD :'pw';",
        "pass",
        "bypass: true",
        "compass_heading: 270",
        "services.qdrant.settings.service.api_key = null;",
        "age.secrets.qdrant.file = ../secrets/qdrant.age;",
        "sops --decrypt secrets.yaml",
        "password hashing uses $argon2id$ parameters m=65536,t=3,p=4",
        "The secret to good embeddings is normalization.",
        "Keep your API key secret.",
        "Tokens are counted per request.",
        "0.0.0.0/0 allows every address",
        "expose 6333/tcp and 6334/tcp",
        "localhost:6334 is the gRPC port",
        "qdrant.service: Main process exited, code=exited, status=1/FAILURE",
        "exit status 137 (SIGKILL)",
        "value_score: 0.82",
        '"outcome": "success"',
        "embedding dimension 768",
        "distance: Cosine",
        "import base64; base64.b64encode(b'hello')",
        "aGVsbG8gd29ybGQ=",
        "e30=",
        "Zm9vYmFy",
        "bearer",
        "BASIC",
        "token",
        "secret",
        "key",
        "password",
        "--password-file /run/secrets/pw",
        "--token-limit 4096",
        "--api-key-file ~/.key",
        "--no-password",
        "${HOME}/.cache",
        "$HOME/.local/share",
        "%APPDATA%\\ollama",
        "C:\\Program Files\\Ollama",
        "127.0.0.53 is systemd-resolved",
        "::ffff:127.0.0.1",
        "fe80::/10 is link-local",
    ]
    return fixed


def write(path: Path, rows: list[object]) -> None:
    """Write one compact JSON value per line."""
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )


def main() -> None:
    """Write the three corpora next to this script."""
    secrets = (
        token_samples() + key_samples() + assignment_samples() + url_samples() + stack_samples()
    )
    write(HERE / "secrets.jsonl", list(secrets))
    write(HERE / "personal.jsonl", list(personal_samples()))
    write(HERE / "benign.jsonl", [{"text": text} for text in benign_samples()])
    print(
        f"secrets {len(secrets)}, personal {len(personal_samples())}, benign {len(benign_samples())}"
    )


if __name__ == "__main__":
    main()
