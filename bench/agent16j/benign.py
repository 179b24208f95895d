"""Benign strings of the agent-telemetry corpus: what an AI stack's telemetry carries that looks like
a credential but is not one, in the same contexts as the secrets (tool calls, tool results, logs,
diffs, chat). Each kind draws one text from the generator; all of them must come out unchanged.
"""

from __future__ import annotations

import base64
import json
import random
import string
import uuid

HEX = "0123456789abcdef"
ALNUM = string.ascii_letters + string.digits
NIX = "0123456789abcdfghijklmnpqrsvwxyz"


def c(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def tool(rng: random.Random, name: str, args: dict) -> str:
    return json.dumps(
        {"type": "tool_use", "id": "toolu_01" + c(rng, ALNUM, 22), "name": name, "input": args}
    )


def git_log(rng):
    lines = [
        f"{c(rng, HEX, 40)} {rng.choice(['fix: retry on 429', 'feat: add eval suite', 'chore: bump deps', 'docs: explain sync'])}"
        for _ in range(3)
    ]
    return "$ git log --format='%H %s' -3\n" + "\n".join(lines)


def git_short(rng):
    return f"[main {c(rng, HEX, 7)}] fix(worker): read API key from env, not from settings.py\n 2 files changed, 5 insertions(+), 3 deletions(-)"


def image_digest(rng):
    return tool(
        rng, "bash", {"command": f"docker pull ghcr.io/lab/agent-worker@sha256:{c(rng, HEX, 64)}"}
    )


def container_id(rng):
    return f"$ docker ps --no-trunc -q\n{c(rng, HEX, 64)}\n{c(rng, HEX, 64)}"


def request_id(rng):
    return (
        f"< HTTP/2 429\r\n< x-request-id: req_{c(rng, ALNUM, 24)}\r\n< cf-ray: {c(rng, HEX, 16)}-FRA\r\n"
        f"< retry-after: 20\r\n< openai-organization: user-{c(rng, ALNUM.lower(), 24)}"
    )


def trace_ids(rng):
    return f"agent-worker-1  | INFO span done traceparent=00-{c(rng, HEX, 32)}-{c(rng, HEX, 16)}-01 duration_ms={rng.randrange(5, 900)}"


def uuids(rng):
    return json.dumps(
        {
            "event_id": uid(rng),
            "session_id": uid(rng),
            "parent_id": uid(rng),
            "value_score": round(rng.random(), 3),
        }
    )


def tool_call_ids(rng):
    return json.dumps(
        {
            "id": "chatcmpl-" + c(rng, ALNUM, 29),
            "choices": [
                {
                    "message": {
                        "tool_calls": [
                            {
                                "id": "call_" + c(rng, ALNUM, 24),
                                "type": "function",
                                "function": {
                                    "name": "search_docs",
                                    "arguments": json.dumps({"query": "rotate api key"}),
                                },
                            }
                        ]
                    }
                }
            ],
        }
    )


def anthropic_ids(rng):
    return json.dumps(
        {
            "id": "msg_01" + c(rng, ALNUM, 22),
            "type": "message",
            "model": "claude-sonnet-4-5",
            "stop_reason": "tool_use",
            "content": [
                {
                    "type": "tool_use",
                    "id": "toolu_01" + c(rng, ALNUM, 22),
                    "name": "read_file",
                    "input": {"path": "README.md"},
                }
            ],
        }
    )


def model_files(rng):
    name = rng.choice(
        [
            "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf",
            "qwen2.5-coder-32b-instruct-q5_k_m.gguf",
            "mistral-7b-instruct-v0.3.Q8_0.gguf",
            "model-00001-of-00004.safetensors",
        ]
    )
    return f"$ sha256sum models/{name}\n{c(rng, HEX, 64)}  models/{name}"


def hf_revision(rng):
    return tool(
        rng,
        "python",
        {
            "code": f"from transformers import AutoModel\nm = AutoModel.from_pretrained('Qwen/Qwen2.5-7B-Instruct', revision='{c(rng, HEX, 40)}')"
        },
    )


def placeholders(rng):
    name = rng.choice(
        [
            "OPENAI_API_KEY",
            "ANTHROPIC_API_KEY",
            "GITHUB_TOKEN",
            "HF_TOKEN",
            "DATABASE_PASSWORD",
            "STRIPE_SECRET_KEY",
        ]
    )
    val = rng.choice(
        [
            "<your-api-key>",
            "your_api_key_here",
            "sk-...",
            "xxxxxxxxxxxxxxxxxxxx",
            "changeme",
            "REPLACE_ME",
            "<redacted>",
            "${" + name + "}",
            "TODO",
        ]
    )
    return tool(
        rng, "write_file", {"path": ".env.example", "content": f"{name}={val}\nLOG_LEVEL=info\n"}
    )


def env_refs(rng):
    name = rng.choice(
        [
            "OPENAI_API_KEY",
            "GITHUB_TOKEN",
            "AWS_SECRET_ACCESS_KEY",
            "SLACK_BOT_TOKEN",
            "DB_PASSWORD",
        ]
    )
    return rng.choice(
        [
            f"{name}: ${{{{ secrets.{name} }}}}",
            f'api_key = os.environ["{name}"]',
            f'export {name}="$(op read op://lab/agents/{name.lower()})"',
            f'curl -H "Authorization: Bearer ${name}" https://api.example.com/v1/models',
            f"token: !vault secret/agents#{name.lower()}",
        ]
    )


def masked(rng):
    return rng.choice(
        [
            f"$ aws configure list\n      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n   profile                <not set>             None    None\naccess_key     ****************{c(rng, string.ascii_uppercase, 4)} shared-credentials-file\nsecret_key     ****************{c(rng, ALNUM, 4)} shared-credentials-file\n    region             eu-central-1      config-file    ~/.aws/config",
            f"OPENAI_API_KEY=sk-proj-****{c(rng, ALNUM, 4)}",
            "token: [REDACTED]",
            f"Using key ending in …{c(rng, ALNUM, 4)}",
            "GITHUB_TOKEN=***\nRun actions/checkout@v4",
            "password: ********",
        ]
    )


def b64_benign(rng):
    obj = rng.choice(
        [{"replicas": 3}, {"feature": "sync", "enabled": True}, {"model": "llama3", "ctx": 8192}]
    )
    enc = base64.b64encode(json.dumps(obj).encode()).decode()
    return f"$ kubectl get configmap agent-flags -o yaml\ndata:\n  flags.b64: {enc}\n  log_level: {base64.b64encode(b'debug').decode()}"


def code_identifiers(rng):
    return rng.choice(
        [
            "def rotate_api_key(client, old_key: str) -> str:\n    new_key = client.keys.create()\n    client.keys.revoke(old_key)\n    return new_key.id",
            "if not settings.secret_key:\n    raise ImproperlyConfigured('SECRET_KEY must be set')",
            "token = await get_access_token(session, scope='repo')\nheaders = {'Authorization': f'Bearer {token}'}",
            "password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())",
            "const apiKey = process.env.OPENAI_API_KEY ?? throwMissing('OPENAI_API_KEY');",
        ]
    )


def lockfile(rng):
    return (
        f'diff --git a/package-lock.json b/package-lock.json\n+      "resolved": "https://registry.npmjs.org/zod/-/zod-3.23.{rng.randrange(1, 9)}.tgz",\n'
        f'+      "integrity": "sha512-{base64.b64encode(bytes(rng.randrange(256) for _ in range(64))).decode()}"'
    )


def pip_hashes(rng):
    return f"httpx==0.27.{rng.randrange(0, 3)} \\\n    --hash=sha256:{c(rng, HEX, 64)} \\\n    --hash=sha256:{c(rng, HEX, 64)}"


def go_sum(rng):
    return f"golang.org/x/net v0.{rng.randrange(20, 30)}.0 h1:{base64.b64encode(bytes(rng.randrange(256) for _ in range(32))).decode()}"


def nix_paths(rng):
    return f"building '/nix/store/{c(rng, NIX, 32)}-fedlearn-0.{rng.randrange(1, 9)}.0.drv'...\ncopying path '/nix/store/{c(rng, NIX, 32)}-python3.12-httpx-0.27.0'"


def ssh_pubkey(rng):
    return f"$ cat ~/.ssh/id_ed25519.pub\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{c(rng, ALNUM + '+/', 43)} agent@lab"


def fingerprints(rng):
    return f"The authenticity of host 'git.lab.home.arpa' can't be established.\nED25519 key fingerprint is SHA256:{c(rng, ALNUM + '+/', 43)}."


def etags(rng):
    return f'< etag: W/"{c(rng, HEX, 32)}"\r\n< last-modified: Sat, 05 Dec 2026 03:12:44 GMT\r\n< x-cache: HIT'


def k8s_uids(rng):
    return f'metadata:\n  name: agent-worker-{c(rng, "bcdfghjklmnpqrstvwxz2456789", 10)}-{c(rng, "bcdfghjklmnpqrstvwxz2456789", 5)}\n  uid: {uid(rng)}\n  resourceVersion: "{rng.randrange(10**6, 10**8)}"'


def memory_addrs(rng):
    return f"<coordinator.client.Client object at 0x7f{c(rng, HEX, 10)}>\nRuntimeWarning: coroutine 'Worker.run' was never awaited (id={rng.randrange(10**14, 10**15)})"


def public_docs_keys(rng):
    return rng.choice(
        [
            "AWS docs use AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY as example credentials.",
            "Stripe test cards: 4242 4242 4242 4242 with any future date.",
            "Example phone: +1 555 0100; example mail user@example.com",
        ]
    )


def semver(rng):
    return f"agent-worker 1.{rng.randrange(0, 20)}.{rng.randrange(0, 20)}+git.{c(rng, HEX, 12)}.dirty (built {rng.randrange(1700000000, 1800000000)})"


def cache_keys(rng):
    return f"Cache restored from key: Linux-uv-{c(rng, HEX, 64)}\nRun astral-sh/setup-uv@v5"


KINDS = {
    "git-log": git_log,
    "git-commit": git_short,
    "image-digest": image_digest,
    "container-id": container_id,
    "request-id": request_id,
    "trace-id": trace_ids,
    "uuid": uuids,
    "tool-call-id": tool_call_ids,
    "anthropic-id": anthropic_ids,
    "model-file": model_files,
    "hf-revision": hf_revision,
    "placeholder": placeholders,
    "env-ref": env_refs,
    "masked": masked,
    "base64-config": b64_benign,
    "code-identifier": code_identifiers,
    "npm-integrity": lockfile,
    "pip-hash": pip_hashes,
    "go-sum": go_sum,
    "nix-path": nix_paths,
    "ssh-pubkey": ssh_pubkey,
    "host-fingerprint": fingerprints,
    "etag": etags,
    "k8s-uid": k8s_uids,
    "memory-address": memory_addrs,
    "docs-example": public_docs_keys,
    "semver-build": semver,
    "ci-cache-key": cache_keys,
}
