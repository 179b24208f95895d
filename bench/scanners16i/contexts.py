"""Context templates of the ninth held-out corpus: the contexts issue 16 names for its hidden check
(prose, shell, curl, Python, JS, Go, Java, PHP, Make, YAML, XML, .env, Kubernetes manifests, JSON
payloads), each with two to four ways a developer really writes a credential there.

Each template takes the family, the value names (one per value: an id then the secret for a pair),
the values, and the generator, and returns the text. Names are chosen per row by ``names``: the
vendor's canonical env name, a variant built from the vendor word and another key word, or a
generic name with no vendor word at all (``API_KEY``, ``token``, ``WEBHOOK_URL``): then the vendor
shows only in a host name or a comment, as in real code.
"""

from __future__ import annotations

import random
from collections.abc import Callable

Context = Callable[[dict, list[str], list[str], random.Random], str]

KEY_WORDS = [
    "API_KEY",
    "KEY",
    "TOKEN",
    "APIKEY",
    "SECRET",
    "ACCESS_TOKEN",
    "AUTH_TOKEN",
    "API_TOKEN",
]
ID_WORDS = ["APP_ID", "CLIENT_ID", "ACCOUNT_ID", "ID", "USER", "KEY_ID"]
GENERIC = [
    "API_KEY",
    "TOKEN",
    "AUTH_TOKEN",
    "SECRET_KEY",
    "ACCESS_KEY",
    "APIKEY",
    "SERVICE_TOKEN",
    "CLIENT_SECRET",
    "BEARER_TOKEN",
    "PRIVATE_KEY",
]
GENERIC_ID = ["APP_ID", "CLIENT_ID", "ACCOUNT_ID", "USERNAME", "KEY_ID"]
GENERIC_URL = [
    "WEBHOOK_URL",
    "ENDPOINT",
    "CALLBACK_URL",
    "HOOK_URL",
    "PING_URL",
    "API_URL",
    "FEED_URL",
]


def names(f: dict, rng: random.Random) -> list[str]:
    """The upper snake names of the row's values (id first)."""
    envs = list(f["envs"])
    w = f["word"].upper()
    roll = rng.random()
    if roll < 0.4:
        return envs
    if roll < 0.75:
        if f["kind"] == "url":
            return [f"{w}_{rng.choice(['URL', 'WEBHOOK', 'ENDPOINT', 'HOOK_URL'])}"]
        out = [f"{w}_{rng.choice(KEY_WORDS)}"]
        if len(envs) == 2:
            out.insert(0, f"{w}_{rng.choice(ID_WORDS)}")
            if out[0] == out[1]:
                out[1] = f"{w}_SECRET"
        return out
    if f["kind"] == "url":
        return [rng.choice(GENERIC_URL)]
    out = [rng.choice(GENERIC)]
    if len(envs) == 2:
        out.insert(0, rng.choice(GENERIC_ID))
    return out


def snake(n: str) -> str:
    return n.lower()


def camel(n: str) -> str:
    head, *rest = n.lower().split("_")
    return head + "".join(w.title() for w in rest)


def pascal(n: str) -> str:
    return "".join(w.title() for w in n.lower().split("_"))


def dotted(n: str) -> str:
    return n.lower().replace("_", ".")


def title(f: dict) -> str:
    return f["word"].title()


def host(f: dict) -> str:
    return f"api.{f['word']}.com"


def is_url(f: dict) -> bool:
    return f["kind"] == "url"


def header(f: dict, secret: str, rng: random.Random) -> tuple[str, str]:
    """A header name and value carrying the secret."""
    return rng.choice(
        [
            ("Authorization", f"Bearer {secret}"),
            ("X-API-Key", secret),
            ("Authorization", f"Token {secret}"),
            ("X-Auth-Token", secret),
            (f"X-{title(f)}-Key", secret),
            ("apikey", secret),
        ]
    )


def path(rng: random.Random) -> str:
    return rng.choice(
        [
            "/v1/status",
            "/v2/search?q=berlin",
            "/api/v1/items?limit=10",
            "/v3/me",
            "/v1/reports/daily",
        ]
    )


# --- prose ------------------------------------------------------------------------------------------


def prose(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    t = title(f)
    if is_url(f):
        return rng.choice(
            [
                f"the {t} hook is {vs[0]} if you want to test it, don't share it outside the team",
                f"Here is the {t} endpoint I use: {vs[0]} (returns 200 for me, 401 in CI)",
                f"Could you check why {vs[0]} times out from the staging box? The {t} dashboard says it's fine.",
            ]
        )
    if len(vs) == 2:
        return rng.choice(
            [
                f"{t} credentials for staging: id {vs[0]}, secret {vs[1]}. I'll rotate them Friday.",
                f"For {t} use app id {vs[0]} and key {vs[1]}; the old pair was revoked.",
                f"the {t} account is {vs[0]} and its key is {vs[1]} — please put it in the vault, not in the repo",
            ]
        )
    v = vs[0]
    return rng.choice(
        [
            f"here is my {t} key: {v}",
            f"I rotated the {t} API key yesterday, the new one is {v}, can you update the staging config?",
            f"{t} keeps returning 401 with token {v} — is it expired?",
            f"Use {v} as the {t} token until procurement sets up our own account.",
        ]
    )


# --- shell ------------------------------------------------------------------------------------------


def shell(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    lines = []
    for n, v in zip(ns, vs, strict=True):
        q = rng.choice(['"', "'", ""])
        lines.append(f"export {n}={q}{v}{q}")
    if rng.random() < 0.5:
        return (
            "#!/usr/bin/env bash\nset -euo pipefail\n"
            + "\n".join(lines)
            + f"\npython3 -m jobs.{f['word']}_sync --since 24h"
        )
    env = " ".join(f"{n}={v}" for n, v in zip(ns, vs, strict=True))
    return f"$ {env} ./scripts/{f['word']}-report.sh --dry-run\nerror: upstream returned 403"


# --- curl -------------------------------------------------------------------------------------------


def curl(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    if is_url(f):
        return rng.choice(
            [
                f"curl -sS '{vs[0]}'",
                f'curl -X POST -H \'Content-Type: application/json\' -d \'{{"text":"deploy done"}}\' "{vs[0]}"',
                f"curl -fsS -m 10 --retry 5 {vs[0]} > /dev/null",
            ]
        )
    if len(vs) == 2 and rng.random() < 0.5:
        return f"curl -u {vs[0]}:{vs[1]} https://{host(f)}{path(rng)}"
    pre = f"# {title(f)} account {vs[0]}\n" if len(vs) == 2 else ""
    h, hv = header(f, vs[-1], rng)
    style = rng.random()
    if style < 0.4:
        return pre + f'curl -s -H "{h}: {hv}" https://{host(f)}{path(rng)}'
    if style < 0.7:
        return (
            pre
            + f"curl https://{host(f)}{path(rng)} \\\n  -H 'Accept: application/json' \\\n  -H '{h}: {hv}'"
        )
    param = rng.choice(["api_key", "apikey", "key", "access_key", "token"])
    return pre + f'curl "https://{host(f)}/v1/lookup?{param}={vs[-1]}&format=json"'


# --- Python -----------------------------------------------------------------------------------------


def python(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    if is_url(f):
        return rng.choice(
            [
                f'import requests\n\nresp = requests.get("{vs[0]}", timeout=10)\nresp.raise_for_status()',
                f'{snake(ns[0])} = "{vs[0]}"\nrequests.post({snake(ns[0])}, json={{"status": "ok"}})',
                f'os.environ.setdefault("{ns[0]}", "{vs[0]}")',
            ]
        )
    style = rng.random()
    if style < 0.3:
        h, hv = header(f, vs[-1], rng)
        pre = f'{snake(ns[0])} = "{vs[0]}"\n' if len(vs) == 2 else ""
        return (
            pre + f'resp = requests.get("https://{host(f)}{path(rng)}", headers={{"{h}": "{hv}"}})'
        )
    if style < 0.55:
        return "\n".join(
            f'os.environ.setdefault("{n}", "{v}")' for n, v in zip(ns, vs, strict=True)
        )
    if style < 0.8:
        args = ", ".join(
            f'{snake(n.split("_", 1)[-1]) if n.count("_") else snake(n)}="{v}"'
            for n, v in zip(ns, vs, strict=True)
        )
        return f"from {f['word']} import Client\n\nclient = Client({args})"
    items = ", ".join(f'"{snake(n)}": "{v}"' for n, v in zip(ns, vs, strict=True))
    return f'SETTINGS = {{\n    "{f["word"]}": {{{items}, "timeout": 30}},\n}}'


# --- JavaScript ------------------------------------------------------------------------------------


def javascript(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    if is_url(f):
        return rng.choice(
            [
                f"await fetch('{vs[0]}', {{ method: 'POST', body: JSON.stringify(payload) }});",
                f"const {camel(ns[0])} = process.env.{ns[0]} || '{vs[0]}';",
            ]
        )
    style = rng.random()
    if style < 0.35:
        return "\n".join(
            f"const {camel(n)} = process.env.{n} || '{v}';" for n, v in zip(ns, vs, strict=True)
        )
    if style < 0.7:
        h, hv = header(f, vs[-1], rng)
        pre = f"const {camel(ns[0])} = '{vs[0]}';\n" if len(vs) == 2 else ""
        return (
            pre
            + f"const res = await fetch(`https://{host(f)}{path(rng)}`, {{\n  headers: {{ '{h}': `{hv}` }},\n}});"
        )
    items = ", ".join(f"{camel(n)}: '{v}'" for n, v in zip(ns, vs, strict=True))
    return f"module.exports = {{\n  {camel(f['word'])}: {{ {items} }},\n}};"


# --- Go ---------------------------------------------------------------------------------------------


def go(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    style = rng.random()
    if style < 0.35:
        return "\n".join(f'os.Setenv("{n}", "{v}")' for n, v in zip(ns, vs, strict=True))
    if style < 0.65 and not is_url(f):
        h, hv = header(f, vs[-1], rng)
        pre = f'{camel(ns[0])} := "{vs[0]}"\n' if len(vs) == 2 else ""
        return pre + (
            f'req, _ := http.NewRequest("GET", "https://{host(f)}{path(rng)}", nil)\n'
            f'req.Header.Set("{h}", "{hv}")'
        )
    if is_url(f):
        return f'resp, err := http.Get("{vs[0]}")\nif err != nil {{\n\treturn err\n}}'
    return (
        "const (\n"
        + "\n".join(f'\t{camel(n)} = "{v}"' for n, v in zip(ns, vs, strict=True))
        + "\n)"
    )


# --- Java -------------------------------------------------------------------------------------------


def java(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    style = rng.random()
    if is_url(f):
        return rng.choice(
            [
                f'HttpRequest req = HttpRequest.newBuilder(URI.create("{vs[0]}")).GET().build();',
                f'private static final String {ns[0]} = "{vs[0]}";',
            ]
        )
    if style < 0.35:
        h, hv = header(f, vs[-1], rng)
        pre = f'String {camel(ns[0])} = "{vs[0]}";\n' if len(vs) == 2 else ""
        return pre + (
            f"HttpRequest request = HttpRequest.newBuilder()\n"
            f'    .uri(URI.create("https://{host(f)}{path(rng)}"))\n'
            f'    .header("{h}", "{hv}")\n    .build();'
        )
    if style < 0.7:
        return "\n".join(
            f'private static final String {n} = "{v}";' for n, v in zip(ns, vs, strict=True)
        )
    return "\n".join(
        f'System.setProperty("{f["word"]}.{dotted(n.split("_", 1)[-1])}", "{v}");'
        for n, v in zip(ns, vs, strict=True)
    )


# --- PHP --------------------------------------------------------------------------------------------


def php(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    style = rng.random()
    if style < 0.4:
        return "<?php\n" + "\n".join(f"define('{n}', '{v}');" for n, v in zip(ns, vs, strict=True))
    if style < 0.7:
        return "\n".join(
            f"$config['{f['word']}']['{snake(n.split('_', 1)[-1]) if '_' in n else snake(n)}'] = '{v}';"
            for n, v in zip(ns, vs, strict=True)
        )
    items = "\n".join(
        f"        '{snake(n)}' => env('{n}', '{v}')," for n, v in zip(ns, vs, strict=True)
    )
    return f"return [\n    '{f['word']}' => [\n{items}\n    ],\n];"


# --- Make -------------------------------------------------------------------------------------------


def make(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    op = rng.choice([":=", "?=", "="])
    exp = rng.choice(["export ", ""])
    lines = "\n".join(f"{exp}{n} {op} {v}" for n, v in zip(ns, vs, strict=True))
    return f"{lines}\n\ndeploy:\n\t./bin/push --target prod --{f['word']}-key $({ns[-1]})"


# --- YAML -------------------------------------------------------------------------------------------


def yaml(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    style = rng.random()
    if style < 0.35:
        items = "\n".join(
            f"  {snake(n.split('_', 1)[-1]) if '_' in n else snake(n)}: {v}"
            for n, v in zip(ns, vs, strict=True)
        )
        return f"{f['word']}:\n{items}\n  timeout: 30s"
    if style < 0.7:
        items = "\n".join(f"      - {n}={v}" for n, v in zip(ns, vs, strict=True))
        return f"services:\n  worker:\n    image: acme/worker:1.8\n    environment:\n{items}"
    items = "\n".join(f"      {n}: {v}" for n, v in zip(ns, vs, strict=True))
    return f"jobs:\n  sync:\n    runs-on: ubuntu-latest\n    env:\n{items}\n    steps:\n      - run: make sync"


# --- XML --------------------------------------------------------------------------------------------


def xml(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    style = rng.random()
    if style < 0.4:
        items = "\n".join(
            f'    <add key="{pascal(n)}" value="{v}" />' for n, v in zip(ns, vs, strict=True)
        )
        return f"<configuration>\n  <appSettings>\n{items}\n  </appSettings>\n</configuration>"
    if style < 0.7:
        items = "\n".join(
            f"    <{f['word']}.{dotted(n.split('_', 1)[-1])}>{v}</{f['word']}.{dotted(n.split('_', 1)[-1])}>"
            for n, v in zip(ns, vs, strict=True)
        )
        return f"<project>\n  <properties>\n{items}\n  </properties>\n</project>"
    items = "\n".join(
        f'    <string name="{snake(n)}">{v}</string>' for n, v in zip(ns, vs, strict=True)
    )
    return f'<?xml version="1.0" encoding="utf-8"?>\n<resources>\n{items}\n</resources>'


# --- .env -------------------------------------------------------------------------------------------


def dotenv(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    q = rng.choice(['"', ""])
    lines = [f"{n}={q}{v}{q}" for n, v in zip(ns, vs, strict=True)]
    return "\n".join(["APP_ENV=production", "LOG_LEVEL=info", *lines, "PORT=8080"])


# --- Kubernetes -------------------------------------------------------------------------------------


def k8s(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    if rng.random() < 0.5:
        items = "\n".join(
            f"  {n}: {v}" if rng.random() < 0.5 else f'  {n}: "{v}"'
            for n, v in zip(ns, vs, strict=True)
        )
        return (
            f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {f['word']}-credentials\n"
            f"type: Opaque\nstringData:\n{items}"
        )
    items = "\n".join(
        f'            - name: {n}\n              value: "{v}"' for n, v in zip(ns, vs, strict=True)
    )
    return (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\nspec:\n  template:\n"
        "    spec:\n      containers:\n        - name: worker\n          image: acme/worker:2.3.1\n"
        f"          env:\n{items}"
    )


# --- JSON payload -----------------------------------------------------------------------------------


def json_payload(f: dict, ns: list[str], vs: list[str], rng: random.Random) -> str:
    if rng.random() < 0.5:
        items = ", ".join(f'"{camel(n)}": "{v}"' for n, v in zip(ns, vs, strict=True))
        return f'{{"integrations": {{"{f["word"]}": {{{items}, "enabled": true}}}}}}'
    items = ", ".join(f'"{snake(n)}": "{v}"' for n, v in zip(ns, vs, strict=True))
    return f'{{"method": "POST", "url": "/v1/connect", "body": {{{items}, "region": "eu"}}}}'


CONTEXTS: dict[str, Context] = {
    "prose": prose,
    "shell": shell,
    "curl": curl,
    "python": python,
    "javascript": javascript,
    "go": go,
    "java": java,
    "php": php,
    "make": make,
    "yaml": yaml,
    "xml": xml,
    "dotenv": dotenv,
    "k8s": k8s,
    "json": json_payload,
}
