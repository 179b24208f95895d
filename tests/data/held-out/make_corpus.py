"""Build the held-out anonymization corpus: secrets.jsonl and benign.jsonl (deterministic).

    python tests/data/held-out/make_corpus.py

Held out: written apart from the rules (by someone who did not write them), so the rules were not
tuned to it; tests/data/ holds the corpus the rules were developed against.

Every secret is fake but has the real format of its family, embedded in the kinds of text fedlearn
sees: telemetry prose, JSON payloads, shell commands, config snippets, stack traces and URLs. Each
secret line is {"family", "context", "text", "secret"}: ``secret`` is the exact sensitive substring
that must not survive anonymization. Each benign line is {"kind", "text"}: technical text that looks
risky and must come through unchanged. The tests use a fixed machine identity (see MACHINE).
"""

from __future__ import annotations

import base64
import json
import random
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
MACHINE = {
    "hostname": "ws-alice",
    "fqdn": "ws-alice.lan.example.net",
    "user": "alice",
    "home": "/home/alice",
}
EXTRA_HOSTNAMES = ["corp.internal", "gitlab.acme-robotics.io"]
rng = random.Random(20261128)
ALNUM = string.ascii_letters + string.digits


def chars(n: int, alphabet: str = ALNUM) -> str:
    """Return ``n`` random characters."""
    return "".join(rng.choice(alphabet) for _ in range(n))


def b64(n: int) -> str:
    """Return base64 of ``n`` random bytes."""
    return base64.b64encode(bytes(rng.randrange(256) for _ in range(n))).decode()


def b64url(n: int) -> str:
    """Return unpadded URL-safe base64 of ``n`` random bytes."""
    return (
        base64.urlsafe_b64encode(bytes(rng.randrange(256) for _ in range(n))).decode().rstrip("=")
    )


def jwt() -> str:
    """Return a JWT-shaped token."""
    header = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    body = (
        base64.urlsafe_b64encode(
            json.dumps({"sub": chars(8), "iat": rng.randrange(10**9)}).encode()
        )
        .decode()
        .rstrip("=")
    )
    return f"{header}.{body}.{b64url(32)}"


def pem(kind: str) -> str:
    """Return a PEM private key block."""
    lines = "\n".join(b64(48) for _ in range(6))
    return f"-----BEGIN {kind}-----\n{lines}\n-----END {kind}-----"


TOKENS = {
    "aws-access-key": lambda: "AKIA" + chars(16, string.ascii_uppercase + "234567"),
    "gcp-api-key": lambda: "AIza" + chars(35, ALNUM + "-_"),
    "github-classic": lambda: "ghp_" + chars(36),
    "github-fine-grained": lambda: "github_pat_" + chars(22) + "_" + chars(59),
    "github-app": lambda: rng.choice(["ghs_", "ghu_"]) + chars(36),
    "github-oauth": lambda: "gho_" + chars(36),
    "github-refresh": lambda: "ghr_" + chars(76),
    "gitlab-token": lambda: "glpat-" + chars(20, ALNUM + "-_"),
    "bitbucket-token": lambda: "ATBB" + chars(32) + chars(8, string.hexdigits.upper()[:16]),
    "npm-token": lambda: "npm_" + chars(36),
    "pypi-token": lambda: "pypi-AgEIcHlwaS5vcmc" + chars(60, ALNUM + "-_"),
    "openai-key": lambda: rng.choice(["sk-", "sk-proj-"]) + chars(48, ALNUM + "-_"),
    "anthropic-key": lambda: "sk-ant-api03-" + chars(93, ALNUM + "-_") + "AA",
    "huggingface-token": lambda: "hf_" + chars(34),
    "groq-key": lambda: "gsk_" + chars(52),
    "replicate-token": lambda: "r8_" + chars(37),
    "perplexity-key": lambda: "pplx-" + chars(48),
    "google-ai-key": lambda: "AIza" + chars(35, ALNUM + "-_"),
    "slack-token": lambda: (
        rng.choice(["xoxb-", "xoxp-", "xapp-1-"])
        + f"{rng.randrange(10**11, 10**12)}-{rng.randrange(10**12, 10**13)}-"
        + chars(24)
    ),
    "stripe-key": lambda: rng.choice(["sk_live_", "rk_live_", "sk_test_"]) + chars(32),
    "jwt": jwt,
    "age-secret-key": lambda: "AGE-SECRET-KEY-1" + chars(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
    "telegram-bot-token": lambda: f"{rng.randrange(10**8, 10**10)}:AA" + chars(33, ALNUM + "-_"),
    "discord-bot-token": lambda: (
        rng.choice("MN") + chars(23) + "." + chars(6, ALNUM + "-_") + "." + chars(38, ALNUM + "-_")
    ),
}
KEYED = {  # a generic-looking value that is only a secret because of the key name next to it
    "mistral-key": ("MISTRAL_API_KEY", lambda: chars(32)),
    "cohere-key": ("COHERE_API_KEY", lambda: chars(40)),
    "together-key": ("TOGETHER_API_KEY", lambda: chars(64, "0123456789abcdef")),
    "aws-secret-key": ("aws_secret_access_key", lambda: chars(40, ALNUM + "/+")),
    "high-entropy-secret": ("client_secret", lambda: chars(40, ALNUM + "-_")),
}


def token_samples() -> list[dict[str, str]]:
    """Return provider tokens in several contexts each."""
    out = []
    contexts = [
        ("telemetry", "The request failed until I exported the key {s} and restarted the service."),
        ("json", '{{"tool":"http","headers":{{"X-Api-Key":"{s}"}},"status":401}}'),
        ("shell", "curl -sS -H 'X-Token: {s}' https://api.example.com/v1/models"),
        ("config", 'services.app.environment.TOKEN_VALUE = "{s}";'),
        (
            "stacktrace",
            'Traceback (most recent call last):\n  File "client.py", line 42, in <module>\nAuthError: invalid credential {s} for project',
        ),
        ("url", "https://api.example.com/v1/hooks?access_token={s}&format=json"),
    ]
    for family, make in TOKENS.items():
        for context, template in rng.sample(contexts, 4):
            secret = make()
            out.append(
                {
                    "family": family,
                    "context": context,
                    "text": template.format(s=secret),
                    "secret": secret,
                }
            )
    return out


def keyed_samples() -> list[dict[str, str]]:
    """Return secrets that are recognized by their key name, in env, JSON, YAML, TOML forms."""
    out = []
    forms = [
        ("shell", "export {k}={s}"),
        ("json", '{{"{k}": "{s}", "region": "eu-west-1"}}'),
        ("config", "{k}: {s}\nretries: 3"),
        ("config", '{k} = "{s}"'),
    ]
    for family, (key, make) in KEYED.items():
        for context, template in forms:
            secret = make()
            out.append(
                {
                    "family": family,
                    "context": context,
                    "text": template.format(k=key, s=secret),
                    "secret": secret,
                }
            )
    return out


def password_samples() -> list[dict[str, str]]:
    """Return passwords, secrets, tokens and api keys in assignment, JSON, YAML, TOML, flag and env forms."""
    out = []
    templates = [
        ("config", "password={s}", "key=value"),
        ("json", '{{"user": "svc", "password": "{s}"}}', "json"),
        ("config", "db:\n  password: {s}\n  port: 5432", "yaml"),
        ("config", 'secret = "{s}"', "toml"),
        ("shell", "mysql -u root -p{s} -e 'show databases'", "cli -p"),
        ("shell", "psql --password {s} -h db", "cli --password"),
        ("shell", "export DB_PASSWORD={s}", "env"),
        ("shell", "restic backup --password='{s}' /srv", "cli --password="),
        ("telemetry", "Login worked after setting api_key: {s} in the client.", "api key"),
        ("config", "auth_token = '{s}'", "token"),
        ("json", '{{"apiKey": "{s}", "model": "gpt"}}', "apiKey"),
        ("shell", "docker run -e POSTGRES_PASSWORD={s} postgres:16", "docker env"),
    ]
    for context, template, form in templates:
        for _ in range(3):
            secret = rng.choice(
                ["hunter2-", "Winter2026!", "S3cr3t-", "tr0ub4dor&", "pa55-"]
            ) + chars(8)
            out.append(
                {
                    "family": f"password ({form})",
                    "context": context,
                    "text": template.format(s=secret),
                    "secret": secret,
                }
            )
    return out


def url_samples() -> list[dict[str, str]]:
    """Return credentials inside URLs and connection strings, and webhook URLs."""
    out = []
    for scheme, host in [
        ("postgres", "db.internal:5432/app"),
        ("postgresql", "pg:5432/x"),
        ("mysql", "mysql:3306/shop"),
        ("mongodb+srv", "cluster0.mongodb.net/test"),
        ("redis", "cache:6379/0"),
        ("amqp", "rabbit:5672/"),
        ("https", "git.example.com/org/repo.git"),
        ("ftp", "files.example.com/pub"),
    ]:
        for context in ("config", "shell"):
            password = chars(14)
            text = (
                f"DATABASE_URL={scheme}://svc_user:{password}@{host}"
                if context == "config"
                else f"git clone {scheme}://deploy:{password}@{host}"
            )
            out.append(
                {"family": "url-credentials", "context": context, "text": text, "secret": password}
            )
    for _ in range(4):
        path = f"T{chars(8, string.ascii_uppercase + string.digits)}/B{chars(8, string.ascii_uppercase + string.digits)}/{chars(24)}"
        out.append(
            {
                "family": "slack-webhook",
                "context": "url",
                "text": f"POST https://hooks.slack.com/services/{path} returned ok",
                "secret": path,
            }
        )
    for _ in range(3):
        part = f"{rng.randrange(10**17, 10**18)}/{chars(68, ALNUM + '-_')}"
        out.append(
            {
                "family": "discord-webhook",
                "context": "url",
                "text": f"webhook: https://discord.com/api/webhooks/{part}",
                "secret": part,
            }
        )
    for _ in range(3):
        key = b64(64)
        text = f"DefaultEndpointsProtocol=https;AccountName=stacklogs;AccountKey={key};EndpointSuffix=core.windows.net"
        out.append(
            {"family": "azure-connection-string", "context": "config", "text": text, "secret": key}
        )
    for _ in range(3):
        sig = chars(43, ALNUM + "%")
        out.append(
            {
                "family": "azure-sas",
                "context": "url",
                "text": f"https://acct.blob.core.windows.net/c/f.bin?sv=2022-11-02&sp=r&sig={sig}",
                "secret": sig,
            }
        )
    return out


def header_samples() -> list[dict[str, str]]:
    """Return Authorization header values."""
    out = []
    for _ in range(4):
        token = chars(40, ALNUM + "-._")
        out.append(
            {
                "family": "authorization-bearer",
                "context": "shell",
                "text": f'curl -H "Authorization: Bearer {token}" http://127.0.0.1:8080/v1/chat',
                "secret": token,
            }
        )
    for _ in range(3):
        creds = base64.b64encode(f"admin:{chars(12)}".encode()).decode()
        out.append(
            {
                "family": "authorization-basic",
                "context": "json",
                "text": f'{{"headers": {{"Authorization": "Basic {creds}"}}}}',
                "secret": creds,
            }
        )
    return out


def key_block_samples() -> list[dict[str, str]]:
    """Return PEM, OpenSSH and service-account private keys."""
    out = []
    for kind in (
        "RSA PRIVATE KEY",
        "EC PRIVATE KEY",
        "PRIVATE KEY",
        "OPENSSH PRIVATE KEY",
        "ENCRYPTED PRIVATE KEY",
    ):
        block = pem(kind)
        secret = block.splitlines()[2]
        out.append(
            {
                "family": "private-key",
                "context": "config",
                "text": f"cat > id_key <<EOF\n{block}\nEOF",
                "secret": secret,
            }
        )
    for _ in range(3):
        block = pem("PRIVATE KEY")
        escaped = block.replace("\n", "\\n")
        text = json.dumps(
            {
                "type": "service_account",
                "project_id": "stack",
                "private_key_id": chars(40, "0123456789abcdef"),
                "private_key": block,
            }
        )
        out.append(
            {
                "family": "gcp-service-account",
                "context": "json",
                "text": text,
                "secret": escaped.split("\\n")[2],
            }
        )
    return out


def personal_samples() -> list[dict[str, str]]:
    """Return personal and machine data: emails, IPs, MACs, hosts, user, home, fingerprints."""
    out = []
    for _ in range(5):
        email = f"{chars(6, string.ascii_lowercase)}.{chars(5, string.ascii_lowercase)}@{rng.choice(['gmail.com', 'acme.io', 'uni-bonn.de'])}"
        out.append(
            {
                "family": "email",
                "context": "telemetry",
                "text": f"Sent the report to {email} after the backup finished.",
                "secret": email,
            }
        )
    for ip in ["10.20.30.40", "192.168.1.23", "172.16.5.9", "84.17.43.210", "100.64.12.7"]:
        out.append(
            {
                "family": "ipv4",
                "context": "stacktrace",
                "text": f"ConnectionError: HTTPConnectionPool(host='{ip}', port=6333): Max retries exceeded",
                "secret": ip,
            }
        )
    for ip in ["fe80::1c2b:3aff:fe4d:5e6f", "2a01:4f8:c17:1234::1", "fd12:3456:789a:1::42"]:
        out.append(
            {
                "family": "ipv6",
                "context": "telemetry",
                "text": f"listening on [{ip}]:11434",
                "secret": ip,
            }
        )
    for _ in range(3):
        mac = ":".join(f"{rng.randrange(256):02x}" for _ in range(6))
        out.append(
            {
                "family": "mac",
                "context": "shell",
                "text": f"ip link show: link/ether {mac} brd ff:ff:ff:ff:ff:ff",
                "secret": mac,
            }
        )
    out.append(
        {
            "family": "hostname",
            "context": "shell",
            "text": "alice@ws-alice:~$ nixos-rebuild switch",
            "secret": "ws-alice",
        }
    )
    out.append(
        {
            "family": "hostname",
            "context": "telemetry",
            "text": "ssh root@ws-alice.lan.example.net failed",
            "secret": "ws-alice.lan.example.net",
        }
    )
    out.append(
        {
            "family": "extra-hostname",
            "context": "url",
            "text": "pushed to https://gitlab.acme-robotics.io/ml/stack",
            "secret": "gitlab.acme-robotics.io",
        }
    )
    out.append(
        {
            "family": "extra-hostname",
            "context": "config",
            "text": "server = ldap.corp.internal",
            "secret": "corp.internal",
        }
    )
    out.append(
        {
            "family": "home",
            "context": "stacktrace",
            "text": 'File "/home/alice/projects/stack/run.py", line 3',
            "secret": "/home/alice",
        }
    )
    out.append(
        {
            "family": "home",
            "context": "shell",
            "text": "cp /Users/bob/.config/app.toml /tmp/",
            "secret": "/Users/bob",
        }
    )
    out.append(
        {
            "family": "home",
            "context": "shell",
            "text": "ls /home/carol/.ssh",
            "secret": "/home/carol",
        }
    )
    out.append(
        {
            "family": "user",
            "context": "telemetry",
            "text": "user alice ran the import",
            "secret": "alice",
        }
    )
    for _ in range(3):
        fingerprint = "SHA256:" + b64(32).rstrip("=")
        out.append(
            {
                "family": "ssh-fingerprint",
                "context": "shell",
                "text": f"ED25519 key fingerprint is {fingerprint}.",
                "secret": fingerprint,
            }
        )
    return out


def benign() -> list[dict[str, str]]:
    """Return technical text that looks risky but must stay unchanged."""
    out: list[dict[str, str]] = []

    def add(kind: str, text: str) -> None:
        out.append({"kind": kind, "text": text})

    for _ in range(12):
        add("git-sha", f"Fixed in commit {chars(40, '0123456789abcdef')} (merged).")
    for _ in range(12):
        add("sha256", f"sha256sum: {chars(64, '0123456789abcdef')}  model.gguf")
    for _ in range(12):
        add(
            "nix-store",
            f"/nix/store/{chars(32, '0123456789abcdfghijklmnpqrsvwxyz')}-python3-3.11.9/bin/python3",
        )
    for _ in range(12):
        u = "-".join(chars(n, "0123456789abcdef") for n in (8, 4, 4, 4, 12))
        add("uuid", f'client.retrieve(collection_name="skills-patterns", ids=["{u}"])')
    for _ in range(6):
        add("base64-image", f'<img src="data:image/png;base64,{b64(90)}">')
    for version in [
        "1.12.0",
        "v2.4.6",
        "0.18.0rc1",
        "3.11.7",
        "25.11",
        "6.6.30-rt",
        "1.95.0 (f2d3ce0bd 2026-03-21)",
        "nixos-25.11.20261101.8fd9daa",
    ]:
        add("version", f"qdrant-client {version} is installed")
    for text in [
        "Never paste your password into a chat window.",
        "The password field is empty; ask the user to type it.",
        "Rotate the token every 90 days as a best practice.",
        "Set the API key in the settings page, not in code.",
        "password reset emails are sent by the identity service",
        "use a secret manager such as sops-nix or agenix",
        "The tokenizer splits text into 512 tokens per chunk.",
        "max_tokens=4096 temperature=0.2 top_p=0.9",
        "def hash_password(password: str) -> str:",
        "if not token: raise ValueError('missing token')",
        "password = getpass.getpass()",
        "export OPENAI_API_KEY=YOUR_API_KEY",
        'api_key = "<your-api-key>"',
        "Authorization: Bearer $TOKEN",
        "token: ${GITHUB_TOKEN}",
        'password: "{{ vault_db_password }}"',
        "secret_key = os.environ['SECRET_KEY']",
        "--password-file /run/secrets/db",
        "passwordFile = config.sops.secrets.db.path;",
        "AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX (placeholder)",
    ]:
        add("prose-or-placeholder", text)
    for text in [
        "curl http://localhost:6333/collections",
        "QDRANT_URL=http://127.0.0.1:6333",
        "listen on 0.0.0.0:8080 and [::1]:8080",
        "see https://example.com/docs/install for details",
        "ping 192.0.2.10 (documentation range)",
        "route 198.51.100.0/24 via 203.0.113.1",
        "ollama serve --host 127.0.0.1:11434",
        "http://localhost:11434/api/embed",
        "redis://localhost:6379/0",
        "postgres://localhost:5432/app",
        "git@github.com:NixOS/nixpkgs.git",
        "https://github.com/qdrant/qdrant/issues/1234",
    ]:
        add("local-address", text)
    for text in [
        'Traceback (most recent call last):\n  File "/nix/store/abc-python3/lib/python3.11/site-packages/qdrant_client/http/api_client.py", line 97, in send\nqdrant_client.http.exceptions.ResponseHandlingException: timed out',
        "RuntimeError: CUDA error: out of memory (tried to allocate 2.00 GiB)",
        "error: attribute 'qdrant-client' missing at /etc/nixos/configuration.nix:42:5",
        "systemd[1]: qdrant.service: Main process exited, code=exited, status=1/FAILURE",
        "E0428 kubelet.go:2400] node not ready: NetworkPluginNotReady",
        "WARN  tokio-runtime-worker qdrant::actix: 404 Not Found",
        "docker pull qdrant/qdrant@sha256:" + chars(64, "0123456789abcdef"),
        "color: #1e90ff; background: #ffffff;",
        "model nomic-embed-text:latest (274 MB, 768 dims)",
        "HNSW ef_construct=100 m=16 full_scan_threshold=10000",
        "Step 1: nix flake update\nStep 2: nixos-rebuild switch --flake .#host",
        "services.qdrant.settings.service.http_port = 6333;",
        "journalctl -u fedlearn-sync.service --since today",
        "SELECT id, payload FROM points WHERE score > 0.7 LIMIT 100;",
        "the key insight is that embeddings are normalized",
        "sklearn.metrics.pairwise.cosine_similarity(a, b)",
        "PATH=/run/current-system/sw/bin:/usr/bin",
        "/var/lib/qdrant/storage/collections/skills-patterns/0/segments",
        "token_count=1834 prompt_tokens=1200 completion_tokens=634",
        'ETag: W/"5e1ff58a3c"',
        "The skills-patterns collection has 12,345 points.",
        "x-request-id: req_7f3a9c2e",
        "ssh-keygen -t ed25519 -C deploy",
        "chmod 600 ~/.ssh/id_ed25519",
        "fedlearn: node 3f9a0c12d4e5 +12 patterns, 1 snapshot",
        "pip install 'qdrant-client>=1.12' 'msgspec>=0.18'",
        "nix-store --query --references /run/current-system",
        "rate limited: retry after 30s (429 Too Many Requests)",
        "CREATE INDEX idx_events_ts ON events (ts);",
        "The secret sauce is batching the upserts by 100.",
        'f"{user_id}:{session_id}" is the cache key',
        "MAC addresses are randomized by NetworkManager by default",
        "Use SHA256 fingerprints, not MD5, when you verify host keys.",
        "vector size 768, distance Cosine, on_disk true",
        "Build took 3m12s on 2 cores (24 GiB RAM)",
        "cuda_13.0.r13.0/compiler.36424714_0",
        "llama.cpp b4521: -ngl 99 -c 8192 --port 8080",
        "2026-11-28T04:24:39Z INFO sync done in 0.41s",
        "ERROR 1045 (28000): Access denied for user (using password: YES)",
        "base64 -d <<< aGVsbG8gd29ybGQ=",
        "dig +short AAAA example.org",
        "The default hostname is nixos until networking.hostName is set.",
        "openssl rand -hex 32 > /run/secrets/key",
        "tokens/s: 42.7, context 8192",
        "The user asked how to configure the firewall.",
        "Keep PRIVATE KEY files at mode 0600.",
        "sk-learn is not a package; you meant scikit-learn",
        "ghp is the prefix of GitHub classic tokens",
        "AKIA marks AWS access key ids",
        "eyJ is how base64 JSON starts",
        "git log --oneline -n 20 --author=fedlearn",
        "cargo build --release --features cuda",
        "kubectl -n ai get pods -o wide",
        "npm install --save-dev vitest@3",
        "python -m pytest -x -q tests/",
        "Batch size 64 gave 1,830 embeddings/s on the CPU.",
        "uvicorn app:main --host 127.0.0.1 --port 8000 --workers 2",
        "grep -r 'password' docs/ | wc -l",
        "The api_key parameter is optional for local servers.",
        "systemctl list-timers 'fedlearn-*'",
        "nix run .#sync -- --dry-run",
        "token bucket: 10 requests per second, burst 20",
    ]:
        add("technical", text)
    return out


def main() -> None:
    """Write the corpus files beside this script."""
    secrets = (
        token_samples()
        + keyed_samples()
        + password_samples()
        + url_samples()
        + header_samples()
        + key_block_samples()
        + personal_samples()
    )
    for sample in secrets:
        assert sample["secret"] in sample["text"], sample
    with (HERE / "secrets.jsonl").open("w") as handle:
        handle.writelines(json.dumps(s) + "\n" for s in secrets)
    with (HERE / "benign.jsonl").open("w") as handle:
        handle.writelines(json.dumps(s) + "\n" for s in benign())
    print(f"{len(secrets)} secret samples, {len(benign())} benign strings")


if __name__ == "__main__":
    main()
