"""Contexts of the agent-telemetry corpus: where a self-hosted AI stack's telemetry carries a
credential. Tool calls' JSON arguments (a shell command, a file write, Python code, OpenAI-style
arguments that are a JSON string inside JSON), tool results (``printenv``, ``docker inspect``,
``kubectl get secret -o yaml``, ``git remote -v``, ``cat ~/.netrc``, a credentials file, a bare
token), an assistant message quoting a fix, a unified diff, a Python traceback, a Jupyter cell, an
HTTP request dump, a CI log, a container log, a chat message with YAML.

A template takes the family, the value names, the values and the generator; it returns the text, or
the text and extra strings that also must not come out (the base64 of a value in a Secret).
"""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Callable

STAMP = "2026-12-05T03:12:44.{:07d}Z"


def b64(v: str) -> str:
    return base64.b64encode(v.encode()).decode()


def lower(n: str) -> str:
    return n.lower().replace(".", "_")


def host(f: dict) -> str:
    return f"api.{f['word']}.com"


def pairs(ns: list[str], vs: list[str]) -> list[tuple[str, str]]:
    return list(zip(ns, vs, strict=True))


def env_lines(ns: list[str], vs: list[str]) -> str:
    return "\n".join(f"{n}={v}" for n, v in pairs(ns, vs))


def multi(f: dict) -> bool:
    return f["kind"] == "pem"


def call_id(rng: random.Random) -> str:
    return "toolu_01" + "".join(
        rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(22)
    )


def auth_header(f: dict, v: str, rng: random.Random) -> str:
    return rng.choice(
        [
            f"Authorization: Bearer {v}",
            f"X-API-Key: {v}",
            f"Authorization: Token {v}",
            f"x-{f['word']}-api-key: {v}",
        ]
    )


def command(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    """A shell command an agent runs with the value."""
    if f["kind"] == "url":
        return rng.choice(
            [
                f"curl -fsS '{vs[0]}' -o /tmp/out.bin",
                f"psql '{vs[0]}' -c 'select count(*) from events'",  # noqa: S608
                f"export {ns[0]}='{vs[0]}' && alembic upgrade head",
            ]
        )
    if len(vs) == 2:
        return rng.choice(
            [
                f"curl -su {vs[0]}:{vs[1]} https://{host(f)}/v1/account",
                f"export {ns[0]}={vs[0]} {ns[1]}={vs[1]} && python scripts/sync_{f['word']}.py",
            ]
        )
    return rng.choice(
        [
            f"curl -sS -H '{auth_header(f, vs[0], rng)}' https://{host(f)}/v1/models | jq .",
            f'export {ns[0]}="{vs[0]}" && python -m evals.run --suite smoke',
            f"{ns[0]}={vs[0]} uv run agent.py --task 'summarise open issues'",
        ]
    )


def tool_bash(f, ns, vs, rng):
    if multi(f):
        return json.dumps(
            {
                "type": "tool_use",
                "id": call_id(rng),
                "name": "bash",
                "input": {
                    "command": f"cat > ~/.ssh/id_deploy <<'EOF'\n{vs[0]}\nEOF\nchmod 600 ~/.ssh/id_deploy"
                },
            }
        )
    return json.dumps(
        {
            "type": "tool_use",
            "id": call_id(rng),
            "name": "bash",
            "input": {"command": command(f, ns, vs, rng)},
        }
    )


def tool_write(f, ns, vs, rng):
    if multi(f):
        path, content = (
            rng.choice(["secrets/key.pem", "deploy/id_ed25519", "creds/service-account.json"]),
            vs[0] + "\n",
        )
    else:
        path = rng.choice([".env", "deploy/.env.production", "config/local.env"])
        content = f"# written by agent\n{env_lines(ns, vs)}\nLOG_LEVEL=info\n"
    args = {"path": path, "content": content}
    if rng.random() < 0.5:  # OpenAI style: arguments is a JSON string inside the JSON
        return json.dumps(
            {
                "id": "call_"
                + "".join(
                    rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                    for _ in range(24)
                ),
                "type": "function",
                "function": {"name": "write_file", "arguments": json.dumps(args)},
            }
        )
    return json.dumps({"type": "tool_use", "id": call_id(rng), "name": "write_file", "input": args})


def tool_python(f, ns, vs, rng):
    if multi(f):
        code = f"key_pem = '''{vs[0]}'''\nsigner = load_pem_private_key(key_pem.encode(), None)"
    elif f["kind"] == "url":
        code = f'from sqlalchemy import create_engine\nengine = create_engine("{vs[0]}")\nprint(engine.connect())'
    else:
        code = (
            "import os\n"
            + "\n".join(f'os.environ["{n}"] = "{v}"' for n, v in pairs(ns, vs))
            + "\nprint(client.health())"
        )
    return json.dumps(
        {"type": "tool_use", "id": call_id(rng), "name": "python", "input": {"code": code}}
    )


def printenv(f, ns, vs, rng):
    if multi(f):
        return bare(f, ns, vs, rng)
    lines = [
        "HOME=/home/agent",
        "HOSTNAME=agent-7f9c",
        *[f"{n}={v}" for n, v in pairs(ns, vs)],
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "PYTHONUNBUFFERED=1",
    ]
    rng.shuffle(lines)
    out = f"$ {rng.choice(['printenv', 'env', 'env | sort'])}\n" + "\n".join(lines)
    if rng.random() < 0.5:
        return json.dumps({"type": "tool_result", "tool_use_id": call_id(rng), "content": out})
    return out


def docker_inspect(f, ns, vs, rng):
    if multi(f):
        return kubectl_secret(f, ns, vs, rng)
    doc = [
        {
            "Id": "".join(rng.choice("0123456789abcdef") for _ in range(64)),
            "Name": "/agent-worker-1",
            "Config": {
                "Image": "ghcr.io/lab/agent-worker:1.14.2",
                "Env": [
                    *[f"{n}={v}" for n, v in pairs(ns, vs)],
                    "PATH=/usr/local/sbin:/usr/local/bin",
                    "LANG=C.UTF-8",
                ],
            },
        }
    ]
    return "$ docker inspect agent-worker-1\n" + json.dumps(doc, indent=4)


def kubectl_secret(f, ns, vs, rng):
    data = "\n".join(f"  {lower(n)}: {b64(v)}" for n, v in pairs(ns, vs))
    text = (
        f"$ kubectl get secret {f['word']}-creds -n agents -o yaml\napiVersion: v1\ndata:\n{data}\nkind: Secret\n"
        f"metadata:\n  name: {f['word']}-creds\n  namespace: agents\ntype: Opaque\n"
        f"$ kubectl get secret {f['word']}-creds -n agents -o jsonpath='{{.data.{lower(ns[-1])}}}' | base64 -d\n{vs[-1]}"
    )
    return text, [b64(v) for v in vs]


def git_remote(f, ns, vs, rng):
    if f["kind"] != "token":
        return netrc(f, ns, vs, rng)
    u = rng.choice(["oauth2", "x-access-token", "agent", "git"])
    url = f"https://{u}:{vs[0]}@git.lab.home.arpa/platform/agents.git"
    return f"$ git remote -v\norigin\t{url} (fetch)\norigin\t{url} (push)"


def netrc(f, ns, vs, rng):
    if multi(f):
        return bare(f, ns, vs, rng)
    if f["kind"] == "url":
        return f"$ cat ~/.config/agent/db.conf\n[{f['word']}]\nurl = {vs[0]}\npool_size = 5"
    login = vs[0] if len(vs) == 2 else rng.choice(["agent", "ci-bot", "token"])
    return f"$ cat ~/.netrc\nmachine {host(f)}\n  login {login}\n  password {vs[-1]}"


def ini_file(f, ns, vs, rng):
    if multi(f):
        return bare(f, ns, vs, rng)
    body = "\n".join(f"{lower(n)} = {v}" for n, v in pairs(ns, vs))
    return f"$ cat ~/.config/{f['word']}/credentials\n[default]\n{body}\nregion = eu-central-1"


def bare(f, ns, vs, rng):
    cmd = rng.choice(
        [
            f"cat ~/.config/{f['word']}/token",
            f"vault kv get -field={lower(ns[-1])} secret/agents/{f['word']}",
            f"op read op://lab/{f['word']}/credential",
            "gh auth token",
        ]
    )
    return f"$ {cmd}\n" + "\n".join(vs) + "\n$ "


def assistant_fix(f, ns, vs, rng):
    lead = rng.choice(
        [
            "The 401 comes from the worker not seeing the key.",
            "I found the problem: the setting is read before the env file is loaded.",
            "Here is the corrected configuration.",
        ]
    )
    if multi(f):
        return f"{lead} Put the key in `secrets/key.pem`:\n\n```\n{vs[0]}\n```\n\nand point `KEY_FILE` at it."
    code = "\n".join(f'{n} = "{v}"' for n, v in pairs(ns, vs))
    return f"{lead} Set it in `settings.py`:\n\n```python\n{code}\n```\n\nThen restart the worker with `systemctl restart agent-worker`."


def diff(f, ns, vs, rng):
    if multi(f):
        plus = "\n".join("+" + line for line in vs[0].splitlines())
        return f"diff --git a/deploy/key.pem b/deploy/key.pem\nnew file mode 100644\nindex 0000000..8b7d0e4\n--- /dev/null\n+++ b/deploy/key.pem\n@@ -0,0 +1,{len(vs[0].splitlines())} @@\n{plus}"
    plus = "\n".join(f"+{n}={v}" for n, v in pairs(ns, vs))
    return (
        f"diff --git a/deploy/.env.production b/deploy/.env.production\nindex 3f2a1c9..8b7d0e4 100644\n"
        f"--- a/deploy/.env.production\n+++ b/deploy/.env.production\n@@ -3,4 +3,{3 + len(vs)} @@\n LOG_LEVEL=info\n-{ns[-1]}=\n{plus}\n WORKERS=4"
    )


def traceback(f, ns, vs, rng):
    if multi(f):
        return assistant_fix(f, ns, vs, rng)
    if f["kind"] == "url":
        return (
            'Traceback (most recent call last):\n  File "/srv/coordinator/db.py", line 18, in <module>\n'
            f'    engine = create_engine("{vs[0]}")\n  File "/srv/coordinator/.venv/lib/python3.12/site-packages/sqlalchemy/engine/create.py", line 602, in create_engine\n'
            f"sqlalchemy.exc.OperationalError: could not connect using {vs[0]}: connection refused"
        )
    call = (
        f"Client({', '.join(repr(v) for v in vs)})"
        if len(vs) == 2
        else rng.choice(
            [
                f'Client(api_key="{vs[0]}")',
                f'session.get(url, headers={{"Authorization": "Bearer {vs[0]}"}})',
            ]
        )
    )
    return (
        'Traceback (most recent call last):\n  File "/srv/agent/tools/'
        + f["word"]
        + '_tool.py", line 41, in run\n'
        f'    resp = {call}\n  File "/srv/agent/.venv/lib/python3.12/site-packages/httpx/_client.py", line 1014, in send\n'
        f'    raise AuthenticationError(f"invalid credentials: {{key}}")\nAuthenticationError: invalid credentials: {vs[-1]}'
    )


def jupyter(f, ns, vs, rng):
    if multi(f):
        return json.dumps(
            {
                "cell_type": "code",
                "execution_count": 4,
                "source": ["print(open('key.pem').read())"],
                "outputs": [
                    {
                        "output_type": "stream",
                        "name": "stdout",
                        "text": [line + "\n" for line in vs[0].splitlines()],
                    }
                ],
            }
        )
    if rng.random() < 0.5:
        return "\n".join(
            f"In [{7 + i}]: os.environ[\"{n}\"]\nOut[{7 + i}]: '{v}'"
            for i, (n, v) in enumerate(pairs(ns, vs))
        )
    return json.dumps(
        {
            "cell_type": "code",
            "execution_count": 3,
            "source": ["!cat .env"],
            "outputs": [
                {
                    "output_type": "stream",
                    "name": "stdout",
                    "text": [f"{n}={v}\n" for n, v in pairs(ns, vs)],
                }
            ],
        }
    )


def http_dump(f, ns, vs, rng):
    if multi(f):
        return json_escaped(f, ns, vs, rng)
    if f["kind"] == "url":
        return container_log(f, ns, vs, rng)
    if len(vs) == 2:
        hdr = f"Authorization: Basic {b64(vs[0] + ':' + vs[1])}\r\n> X-Client-Id: {vs[0]}\r\n> X-Client-Secret: {vs[1]}"
    else:
        hdr = auth_header(f, vs[0], rng)
    return (
        f"* Connected to {host(f)} (203.0.113.7) port 443\n> POST /v1/chat/completions HTTP/2\r\n> Host: {host(f)}\r\n"
        f"> User-Agent: python-httpx/0.27.0\r\n> {hdr}\r\n> Content-Type: application/json\r\n>\r\n< HTTP/2 401\r\n< x-request-id: req_8f3a2c"
    )


def ci_log(f, ns, vs, rng):
    if multi(f):
        return diff(f, ns, vs, rng)
    t = [STAMP.format(rng.randrange(10**7)) for _ in range(5)]
    env = "\n".join(f"{t[2]}     {n}: {v}" for n, v in pairs(ns, vs))
    if rng.random() < 0.5:
        return f"{t[0]} ##[group]Run ./scripts/deploy.sh staging\n{t[1]}   env:\n{env}\n{t[3]} ##[endgroup]\n{t[4]} deploy: 401 from {host(f)}"
    echo = "\n".join(f'$ echo "{n}={v}" >> .env' for n, v in pairs(ns, vs))
    return f"{echo}\n$ docker compose up -d --build\n[+] Running 3/3\nJob failed: exit code 1"


def json_escaped(f, ns, vs, rng):
    inner = json.dumps({lower(n): v for n, v in pairs(ns, vs)} | {"timeout": 30})
    return json.dumps(
        {
            "role": "tool",
            "tool_call_id": "call_"
            + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24)),
            "content": inner,
        }
    )


def yaml_chat(f, ns, vs, rng):
    if multi(f):
        body = "\n".join("        " + line for line in vs[0].splitlines())
        return f"why does the worker say 'invalid key'? here's the secret manifest:\n\n```yaml\nstringData:\n  key.pem: |\n{body}\n```"
    envs = "\n".join(f'      {n}: "{v}"' for n, v in pairs(ns, vs))
    return (
        f"here's my compose file, the worker still can't reach {f['word']}:\n\n```yaml\nservices:\n  worker:\n"
        f"    image: ghcr.io/lab/agent-worker:1.14.2\n    environment:\n{envs}\n      LOG_LEVEL: debug\n```"
    )


def container_log(f, ns, vs, rng):
    if multi(f):
        return bare(f, ns, vs, rng)
    if rng.random() < 0.5:
        settings = ", ".join(f"'{lower(n)}': '{v}'" for n, v in pairs(ns, vs))
        return f"agent-worker-1  | 2026-12-05 03:12:44,120 DEBUG [coordinator.settings] loaded {{{settings}, 'timeout': 30}}"
    using = " ".join(f"{n}={v}" for n, v in pairs(ns, vs))
    return f"agent-worker-1  | 2026-12-05 03:12:44,120 INFO using {using} for {host(f)}\nagent-worker-1  | 2026-12-05 03:12:45,002 ERROR 403 Forbidden"


CONTEXTS: dict[str, Callable] = {
    "tool_bash": tool_bash,
    "tool_write": tool_write,
    "tool_python": tool_python,
    "printenv": printenv,
    "docker_inspect": docker_inspect,
    "kubectl_secret": kubectl_secret,
    "git_remote": git_remote,
    "netrc": netrc,
    "ini_file": ini_file,
    "bare": bare,
    "assistant_fix": assistant_fix,
    "diff": diff,
    "traceback": traceback,
    "jupyter": jupyter,
    "http_dump": http_dump,
    "ci_log": ci_log,
    "json_escaped": json_escaped,
    "yaml_chat": yaml_chat,
    "container_log": container_log,
}


# --- personal data ---------------------------------------------------------------------------------
PII_CONTEXTS = [
    "chat_user",
    "sql_result",
    "tool_result_json",
    "tool_write_csv",
    "log_line",
    "traceback",
    "assistant",
    "http_body",
]


def pii_text(f: dict, v: str, rng: random.Random, ctx: str) -> str:
    """The text of context ``ctx`` holding the personal value ``v``."""
    label = {
        "card": "card_number",
        "iban": "iban",
        "phone": "phone",
        "email": "email",
        "ssn": "ssn",
    }[f["word"]]
    name = rng.choice(["Jana Novak", "Marco Rossi", "Li Wei", "Sam Okafor", "Priya Iyer"])
    forms = {
        "chat_user": f"can you update my billing details? {label.replace('_', ' ')}: {v} — thanks!",
        "sql_result": f'$ psql -c "select id, name, {label} from customers where id = 4411"\n  id  |    name    | {label}\n------+------------+-----\n 4411 | {name} | {v}\n(1 row)',  # noqa: S608
        "tool_result_json": json.dumps(
            {
                "type": "tool_result",
                "tool_use_id": call_id(rng),
                "content": json.dumps({"customer": {"id": 4411, "name": name, label: v}}),
            }
        ),
        "tool_write_csv": json.dumps(
            {
                "type": "tool_use",
                "id": call_id(rng),
                "name": "write_file",
                "input": {
                    "path": "exports/customers.csv",
                    "content": f"id,name,{label}\n4411,{name},{v}\n",
                },
            }
        ),
        "log_line": f"agent-worker-1  | 2026-12-05 03:12:44,120 WARNING payment retry for customer 4411 {label}={v}",
        "traceback": f'Traceback (most recent call last):\n  File "/srv/billing/validate.py", line 22, in check\n    raise ValueError(f"rejected {label} {{value!r}}")\nValueError: rejected {label} \'{v}\'',
        "assistant": f"I found the customer record: {name}, {label.replace('_', ' ')} {v}. Should I open a ticket?",
        "http_body": f"> POST /v1/customers HTTP/1.1\r\n> Content-Type: application/json\r\n>\r\n{json.dumps({'name': name, label: v})}",
    }
    return forms[ctx]
