"""Build contexts40: scanner fixtures and fresh draws in agent transcripts, renderings, observability documents, exotic config languages, templates, translations, crash reports, CI servers and data tools (blind).

``python bench/contexts40/make.py`` writes secrets.jsonl and benign.jsonl (seed 40040). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 40040) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS: coding-agent session
files (Aider, Continue, Open Interpreter, Cline), fine-tuning and batch JSONL, HTML mail, rendered chat
exports (Telegram entities, Zulip, Mattermost, Rocket.Chat), issue tracker APIs, merge conflicts and
word/side-by-side/context diffs, Jaeger/Zipkin/Datadog traces, log search results, cloud audit events,
Dhall/CUE/Pkl/Jsonnet/KDL, Starlark, EDN/Aero/Leiningen, Lua tables, PowerShell data files and
CLIXML, escaped .properties, NoSQL dumps, templates (Jinja, Helm, Go, ERB, Liquid, Twig), translation
files, crash reporters' payloads, Jenkins/TeamCity/Bamboo XML, Jupyter and code-server, BEAM cookies,
webhook configs and deliveries, lock files' source URLs, database migrations, workflow connections,
OpenAPI specs, literate documents, Mercurial/Subversion/Perforce/Breezy credentials, Hadoop-family configs.
Benign rows: each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 400 look-alikes
of our own (labelled `pii` when they hold an e-mail-like address, an IP or a home path).
Row format as contexts38; a context may return (text, written) when the text holds the value encoded.
"""

# ruff: noqa: S608  (box-drawing tables and arrows; SQL text printed, never run)
from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import sys
import uuid
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures24"))
sys.path.insert(0, str(HERE.parent / "draws29"))
import make as f24  # noqa: E402  (labels, vendor words, want splitting)

SEED = 40040
RNG = random.Random(SEED)

KEY_WORDS = [
    ["api", "key"],
    ["token"],
    ["secret"],
    ["api", "token"],
    ["access", "token"],
    ["secret", "key"],
    ["auth", "token"],
    ["password"],
    ["client", "secret"],
]

# An SSH key fingerprint: fedlearn replaces it by design (docs/anonymization.md's table).
SSH_FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")
# A home directory's path: fedlearn replaces it by design (``<home>``; labelled after the first
# measurement, rows unchanged).
HOME = re.compile(r"(?<![\w/])(?:/home|/Users)/[a-z][\w.-]*")
URL_SAFE = re.compile(r"[A-Za-z0-9._~-]+")
BARE = re.compile(r"[^\s'\"#;$`\\,&|<>(){}\[\]*?!%]+")


class Name:
    """A variable name as words, written in each context's convention."""

    def __init__(self, words: list[str], split: int = 0) -> None:
        self.words = words
        self.split = split

    env = property(lambda s: "_".join(s.words).upper())
    snake = property(lambda s: "_".join(s.words))
    camel = property(lambda s: s.words[0] + "".join(w.title() for w in s.words[1:]))
    pascal = property(lambda s: "".join(w.title() for w in s.words))
    kebab = property(lambda s: "-".join(s.words))
    dotted = property(lambda s: ".".join(s.words))
    tail = property(lambda s: Name(s.words[s.split :]) if s.split else s)
    vendor = property(lambda s: "-".join(s.words[: s.split]) or "app")


def vendor_words(rule: str) -> list[str]:
    v = f24.vendor(rule).split("_")
    return ["svc", *v] if v[0][:1].isdigit() else v


def secret_name(rule: str) -> Name:
    v = vendor_words(rule)
    return Name(v + RNG.choice(KEY_WORDS), len(v))


def extra_name(rule: str, value: str, is_secret: bool, label: str = "") -> Name:
    v = vendor_words(rule)
    if label:
        kind = [w for w in re.split(r"[_\W]+", label.lower()) if w][-1:] or ["id"]
    elif is_secret:
        kind = ["secret"]
    elif "@" in value:
        kind = ["user"]
    elif value.startswith("http"):
        kind = ["url"]
    elif "." in value and " " not in value:
        kind = ["host"]
    else:
        kind = ["id"]
    return Name(v + kind, len(v))


def svc(r: str) -> str:
    return f24.vendor(r).replace("_", "-")


def host(r: str) -> str:
    return f24.vendor(r).replace("_", "") + ".example.com"


def dq(v: str) -> str:
    """A double-quoted string literal (JSON escapes: Python, JS, Go, Java, C#, Rust, PHP, HCL)."""
    return json.dumps(v)


def sq(v: str) -> str:
    """A single-quoted literal (Python, JS, PHP, Ruby)."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"


def yq(v: str) -> str:
    """A YAML scalar: plain when safe, else double-quoted."""
    return v if re.fullmatch(r"[A-Za-z0-9_./+=~-][^\s:#'\"{}\[\],&*!|>%@`]*", v) else dq(v)


def x(v: str) -> str:
    return xml_escape(v, {'"': "&quot;"})


def others(pairs):
    return pairs[:-1]


def user_of(pairs) -> str:
    return next((w for m, w in pairs[:-1] if m.words[-1] in ("user", "id")), "svc-deploy")


def pick(*forms):
    return RNG.choice(forms)


def ident(n: Name) -> str:
    return n.vendor.replace("-", "_")


def cls(n: Name) -> str:
    return n.vendor.title().replace("-", "")


def pyr(v: str) -> str:
    """Python's repr of a str (escapes newlines; picks its quote as Python does)."""
    return repr(v)


def jsq(v: str) -> str:
    """Node util.inspect's single-quoted string."""
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def shq(v: str) -> str:
    """How bash's xtrace and `set` print a word: bare when safe, else single-quoted."""
    if BARE.fullmatch(v):
        return v
    return "'" + v.replace("'", "'\\''") + "'"


def psq(v: str) -> str:
    """A PowerShell single-quoted string."""
    return "'" + v.replace("'", "''") + "'"


def nq(v: str) -> str:
    """A Nix double-quoted string."""
    return json.dumps(v).replace("${", "\\${")


def ok_bare(v: str) -> bool:
    return BARE.fullmatch(v) is not None


def choose(v: str, esc=(), line=(), bare=()):
    """One form: `esc` take any value (they escape newlines), `line` one-line values, `bare` bare words."""
    forms = list(esc)
    if "\n" not in v:
        forms += list(line)
    if ok_bare(v):
        forms += list(bare)
    return RNG.choice(forms)


def hexid(n: int) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------- secret contexts
# Each takes (rule, pairs) with pairs [(Name, value), ...], the secret last; returns the text, or
# (text, written) when the text holds the value encoded (percent-encoding, base64, quoted-printable).


def sqlq(v: str) -> str:
    """An SQL string literal ('' doubles a quote)."""
    return "'" + v.replace("'", "''") + "'"


def csvq(v: str) -> str:
    """A CSV field as spreadsheets export it (quoted when it must be)."""
    return '"' + v.replace('"', '""') + '"' if re.search(r'[",\n]', v) else v


def pct(v: str, safe: str = "") -> str:
    from urllib.parse import quote

    return quote(v, safe=safe)


def cq(v: str) -> str:
    """A C string literal's body as strace, gdb and ltrace print it (backslash escapes)."""
    out = []
    for ch in v:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch.isascii() and ch.isprintable():
            out.append(ch)
        else:
            out.extend(f"\\{b:o}" for b in ch.encode())
    return "".join(out)


def pbq(v: str) -> str:
    """A protobuf text-format string body (C escapes, the single quote too)."""
    return cq(v).replace("'", "\\'")


def hexup(v: str) -> str:
    """auditd's hex encoding of an argument (uppercase, UTF-8 bytes)."""
    return v.encode().hex().upper()


def at_escape(v: str) -> str:
    """How `at` writes an environment value into a job: a backslash before each special character."""
    return re.sub(r"([^A-Za-z0-9_/.:=,+@%-])", r"\\\1", v)


def mysql_hist(v: str) -> str:
    """libedit's history file (~/.mysql_history): a space as \\040, a backslash as \\134."""
    return v.replace("\\", "\\134").replace(" ", "\\040")


def plist_old(v: str) -> str:
    """An old-style (NeXT) plist string as `defaults read` prints it: bare when safe, else quoted."""
    if re.fullmatch(r"[A-Za-z0-9_.$/:-]+", v):
        return v
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def http(r: str) -> str:
    return f"https://api.{host(r)}/v1"


def pesc(v: str) -> str:
    """A java.util.Properties value as Properties.store writes it (\\uXXXX for non-ASCII, \\:, \\=, \\#, \\!)."""
    out = []
    for i, ch in enumerate(v):
        if ch == "\\":
            out.append("\\\\")
        elif ch in ":=#!":
            out.append("\\" + ch)
        elif ch == " " and i == 0:
            out.append("\\ ")
        elif not (ch.isascii() and ch.isprintable()):
            out.append(f"\\u{ord(ch):04X}" if ord(ch) < 0x10000 else ch)
        else:
            out.append(ch)
    return "".join(out)


def when() -> str:
    return f"2026-12-07T09:{RNG.randint(10, 59)}:{RNG.randint(10, 59)}.{RNG.randint(100, 999)}Z"


def rid() -> str:
    return str(uuid.UUID(int=RNG.getrandbits(128)))


def jdump(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False)


def jline(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# -- LLM agents' own files
def c_agent_sessions(r, pairs):
    n, v = pairs[-1]
    body = f"export {n.env}={shq(v)}" if "\n" not in v else f"{n.env}={dq(v)}"
    return choose(
        v,
        esc=(
            jdump(
                {
                    "sessionId": rid(),
                    "title": f"Fix {svc(r)} client",
                    "history": [
                        {"message": {"role": "user", "content": f"why does {svc(r)} return 401?"}},
                        {"message": {"role": "assistant", "content": "Show me the env file."}},
                        {"message": {"role": "user", "content": f"```env\n{n.env}={v}\n```"}},
                    ],
                }
            ),
            jdump(
                [
                    {"role": "user", "type": "message", "content": f"set up {svc(r)}"},
                    {
                        "role": "assistant",
                        "type": "code",
                        "format": "python",
                        "content": f"import os\nos.environ[{dq(n.env)}] = {dq(v)}",
                    },
                    {"role": "computer", "type": "console", "format": "output", "content": "ok"},
                ]
            ),
            jdump(
                [
                    {
                        "role": "assistant",
                        "content": [
                            {
                                "type": "tool_use",
                                "id": "toolu_01" + hexid(22),
                                "name": "execute_command",
                                "input": {
                                    "command": f"{svc(r)}-cli login --{n.tail.kebab} {shq(v)}",
                                    "requires_approval": False,
                                },
                            }
                        ],
                        "ts": 1765099242000,
                    }
                ]
            ),
        ),
        line=(
            f"# aider chat started at 2026-12-07 09:14:02\n\n> /usr/local/bin/aider --model sonnet\n> Aider v0.86.1\n\n"
            f"#### the {svc(r)} call fails, my key is {v}\n\nThe key is read from `{n.env}`; set it in `.env`:\n\n```\n{body}\n```",
            f"> Running {svc(r)}-cli whoami --{n.tail.kebab} {shq(v)}\n> Logged in as ops\n> Add command output to the chat? (Y)es/(N)o [Yes]: y\n\n#### done, commit it",
        ),
    )


def c_finetune_jsonl(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jline(
                {
                    "messages": [
                        {"role": "system", "content": "You configure SDK clients."},
                        {"role": "user", "content": f"Write the {svc(r)} client setup."},
                        {
                            "role": "assistant",
                            "content": f"client = {cls(n)}Client({n.tail.snake}={dq(v)})",
                        },
                    ]
                }
            ),
            jline(
                {
                    "custom_id": f"req-{RNG.randint(1, 9999)}",
                    "method": "POST",
                    "url": "/v1/chat/completions",
                    "body": {
                        "model": "gpt-4o-mini",
                        "messages": [
                            {
                                "role": "user",
                                "content": f"Is this {svc(r)} config valid?\n{n.env}={v}",
                            }
                        ],
                    },
                }
            ),
            jline(
                {
                    "custom_id": f"cfg-{RNG.randint(1, 9999)}",
                    "params": {
                        "model": "claude-sonnet-4-5",
                        "max_tokens": 512,
                        "messages": [
                            {"role": "user", "content": f"Explain this header: X-Api-Key: {v}"}
                        ],
                    },
                }
            ),
            jline(
                {
                    "conversations": [
                        {"from": "human", "value": f"how do I pass my {svc(r)} token?"},
                        {"from": "gpt", "value": f"Use the header `Authorization: Bearer {v}`."},
                    ]
                }
            ),
            jline(
                {
                    "prompt": f"{n.env}={v}\n# what is wrong?",
                    "completion": " The variable is not exported.",
                }
            ),
        ),
    )


# -- mail and chat renderings
def c_html_mail(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'Content-Type: text/html; charset="utf-8"\n\n<html><body><p>Hi team,</p><p>the new {svc(r)} credentials:</p>'
            f"<pre>{x(n.env)}={x(v)}</pre><p>Regards,<br>Ops</p></body></html>",
            f'<table style="border:1px solid #ccc"><tr><th>Service</th><th>Key</th></tr><tr><td>{svc(r)}</td><td><code>{x(v)}</code></td></tr></table>',
            f'<div dir="ltr">Use this {n.tail.snake.replace("_", " ")}:<br><span style="font-family:monospace">{x(v)}</span><br><br>-- <br>Ops</div>',
            f'<blockquote class="gmail_quote" style="margin:0 0 0 .8ex"><div>curl -H &quot;Authorization: Bearer {x(v)}&quot; {http(r)}/ping</div></blockquote>',
        ),
    )


def c_chat_rendered(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "id": RNG.randint(10000, 99999),
                    "type": "message",
                    "date": "2026-12-07T09:14:02",
                    "from": "Ana",
                    "text": [
                        f"the {svc(r)} key is ",
                        {"type": "code", "text": v},
                        ", rotate it friday",
                    ],
                }
            ),
            jline(
                {
                    "type": "post",
                    "post": {
                        "team": "ops",
                        "channel": "deploys",
                        "user": "ana",
                        "message": f"{n.env}={v}",
                        "create_at": 1765099242000,
                    },
                }
            ),
            jdump(
                {
                    "_id": hexid(17),
                    "rid": "GENERAL",
                    "msg": f"`{n.env}={v}`",
                    "ts": {"$date": "2026-12-07T09:14:02.000Z"},
                    "u": {"username": "ana"},
                }
            ),
        ),
        line=(
            jdump(
                {
                    "id": RNG.randint(100000, 999999),
                    "sender_full_name": "Ana",
                    "content": f"`{v}`",
                    "rendered_content": f"<p><code>{x(v)}</code></p>",
                    "subject": f"{svc(r)} rollout",
                }
            ),
        ),
    )


def c_issue_api(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "url": f"https://api.github.com/repos/acme/{svc(r)}/issues/{RNG.randint(10, 999)}",
                    "number": RNG.randint(10, 999),
                    "title": "401 after upgrade",
                    "state": "open",
                    "body": f"### Steps\r\n\r\n1. set the key\r\n```\r\n{n.env}={v}\r\n```\r\n2. run `make sync`",
                }
            ),
            jdump(
                {
                    "id": RNG.randint(10**6, 10**7),
                    "type": "DiffNote",
                    "body": f"please don't hardcode this:\n```suggestion\n{n.tail.snake} = {dq(v)}\n```",
                    "author": {"username": "ana"},
                    "noteable_type": "MergeRequest",
                }
            ),
            jdump(
                {
                    "data": {
                        "issue": {
                            "identifier": f"OPS-{RNG.randint(10, 999)}",
                            "description": f"Rotated the {svc(r)} key, new value: `{v}`",
                        }
                    }
                }
            ),
        ),
    )


def c_conflict_diffs(r, pairs):
    n, v = pairs[-1]
    old = "x" * 4
    return choose(
        v,
        line=(
            f"$ cat .env\nLOG_LEVEL=info\n<<<<<<< HEAD\n{n.env}={v}\n=======\n{n.env}=${{{n.env}}}\n>>>>>>> feature/vault\nPORT=8080",
            f"$ git diff --word-diff\n@@ -3,3 +3,3 @@ services:\n      {n.snake}: [-${{{n.env}}}-]{{+{v}+}}\n      region: eu-west-1",
            f"$ diff -y --width=100 old.env new.env\nLOG_LEVEL=info\t\t\t\t\tLOG_LEVEL=info\n{n.env}={old}\t\t\t      |\t{n.env}={v}",
            f"*** config.ini.orig\n--- config.ini\n***************\n*** 4,5 ****\n  [{svc(r)}]\n! {n.snake} = changeme\n--- 4,5 ----\n  [{svc(r)}]\n! {n.snake} = {v}",
            f"$ git range-diff main~2..topic main..topic\n1:  {hexid(7)} ! 1:  {hexid(7)} wire {svc(r)}\n    @@ deploy.env\n    -+{n.env}=changeme\n    ++{n.env}={v}",
        ),
    )


# -- observability documents
def c_trace_json(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "traceID": hexid(32),
                    "spanID": hexid(16),
                    "operationName": "HTTP POST",
                    "tags": [
                        {"key": "http.method", "type": "string", "value": "POST"},
                        {"key": "http.request.header.x_api_key", "type": "string", "value": v},
                    ],
                }
            ),
            jdump(
                [
                    {
                        "traceId": hexid(16),
                        "id": hexid(16),
                        "name": "post /v1/events",
                        "kind": "CLIENT",
                        "tags": {"http.url": f"{http(r)}/events", f"{svc(r)}.{n.tail.snake}": v},
                    }
                ]
            ),
            jline(
                {
                    "trace_id": RNG.getrandbits(63),
                    "span_id": RNG.getrandbits(63),
                    "service": svc(r),
                    "name": "requests.request",
                    "meta": {"http.method": "GET", f"http.request.headers.{n.tail.kebab}": v},
                    "duration": 1234567,
                }
            ),
            jdump(
                {
                    "timestamp": when(),
                    "logs": [
                        {
                            "timestamp": 1765099242123000,
                            "fields": [
                                {"key": "event", "type": "string", "value": "config loaded"},
                                {"key": n.snake, "type": "string", "value": v},
                            ],
                        }
                    ],
                }
            ),
        ),
    )


def c_log_search(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "hits": {
                        "total": {"value": 1, "relation": "eq"},
                        "hits": [
                            {
                                "_index": "logs-app-2026.12.07",
                                "_id": hexid(20),
                                "_score": 1.0,
                                "_source": {
                                    "@timestamp": when(),
                                    "message": f"loaded {n.env}={v}",
                                    "service": {"name": svc(r)},
                                },
                            }
                        ],
                    }
                }
            ),
            jline(
                {
                    "preview": False,
                    "result": {
                        "_time": "2026-12-07T09:14:02.000+00:00",
                        "host": "web-01",
                        "sourcetype": "app",
                        "_raw": f"{when()} INFO config {n.snake}={v}",
                    },
                }
            ),
            jdump(
                {
                    "data": [
                        {
                            "id": "AQAAAZ" + hexid(20),
                            "type": "log",
                            "attributes": {
                                "service": svc(r),
                                "status": "info",
                                "attributes": {"http": {"headers": {n.tail.kebab: v}}},
                                "message": "outbound request",
                            },
                        }
                    ]
                }
            ),
            jdump(
                {
                    "results": [
                        [
                            {"field": "@timestamp", "value": "2026-12-07 09:14:02.123"},
                            {"field": "@message", "value": f"{n.env}={v} loaded"},
                        ]
                    ],
                    "status": "Complete",
                }
            ),
        ),
    )


def c_cloud_audit(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "eventVersion": "1.09",
                    "eventSource": "ecs.amazonaws.com",
                    "eventName": "RegisterTaskDefinition",
                    "awsRegion": "eu-west-1",
                    "requestParameters": {
                        "family": svc(r),
                        "containerDefinitions": [
                            {"name": "app", "environment": [{"name": n.env, "value": v}]}
                        ],
                    },
                }
            ),
            jdump(
                {
                    "protoPayload": {
                        "@type": "type.googleapis.com/google.cloud.audit.AuditLog",
                        "methodName": "google.cloud.run.v2.Services.UpdateService",
                        "request": {
                            "service": {
                                "template": {"containers": [{"env": [{"name": n.env, "value": v}]}]}
                            }
                        },
                    },
                    "severity": "NOTICE",
                }
            ),
            jdump(
                {
                    "operationName": {"value": "Microsoft.Web/sites/config/write"},
                    "properties": {
                        "statusCode": "OK",
                        "requestbody": json.dumps({"properties": {n.env: v}}),
                    },
                }
            ),
        ),
    )


# -- configuration languages no earlier corpus used
def c_config_exotic(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'-- ./config/{svc(r)}.dhall\nlet Config = ./Config.dhall\nin  Config::{{ endpoint = "{http(r)}", {n.tail.camel} = {dq(v)} }}',
            f'package deploy\n\n{ident(n)}: {{\n\tendpoint: "{http(r)}"\n\t{n.tail.camel}: {dq(v)}\n}}',
            f'amends "Config.pkl"\n\n{ident(n)} {{\n  {n.tail.camel} = {dq(v)}\n}}',
        ),
        line=(
            f"// config.jsonnet\nlocal {n.camel} = {sq(v)};\n{{\n  {ident(n)}: {{ endpoint: '{http(r)}', {n.tail.camel}: {n.camel} }},\n}}",
            f'// service.kdl\nservice "{svc(r)}" {{\n    endpoint "{http(r)}"\n    {n.tail.kebab} {dq(v)}\n}}',
        ),
    )


def c_starlark(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"# Tiltfile\nlocal_resource(\n    '{svc(r)}-seed',\n    cmd='./seed.sh',\n    env={{'{n.env}': {dq(v)}}},\n)",
            f'# BUILD.bazel\nsh_test(\n    name = "{ident(n)}_smoke",\n    srcs = ["smoke.sh"],\n    env = {{"{n.env}": {dq(v)}}},\n)',
            f'# defs.bzl\n{n.env} = {dq(v)}\n\ndef {ident(n)}_env():\n    return {{"{n.env}": {n.env}}}',
        ),
        line=(
            f"$ bazel test //svc:smoke --test_env={n.env}={shq(v)}"
            if ok_bare(v)
            else f"$ bazel run //svc:push --action_env={n.env}={shq(v)}",
        ),
    )


def c_edn_aero(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f';; resources/config.edn\n{{:{ident(n).replace("_", "-")} {{:endpoint "{http(r)}"\n  :{n.tail.kebab} #or [#env {n.env} {dq(v)}]}}}}',
            f'(defproject acme/{svc(r)} "0.4.0"\n  :repositories [["private" {{:url "https://repo.{host(r)}/maven"\n                              :username "deploy" :password {dq(v)}}}]])',
            f'{{:deps {{org.clojure/clojure {{:mvn/version "1.12.0"}}}}\n :mvn/repos {{"private" {{:url "https://repo.{host(r)}/maven"}}}}\n :aliases {{:dev {{:jvm-opts ["-D{n.dotted}={cq(v)}"]}}}}}}',
            f"{{:{svc(r)}/client {{:{n.tail.kebab} {dq(v)}\n                 :timeout-ms 3000}}\n :app/handler {{:client #ig/ref :{svc(r)}/client}}}}",
        ),
    )


def c_lua_cfg(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"-- ~/.config/nvim/lua/plugins/{svc(r)}.lua\nreturn {{\n  '{svc(r)}/{svc(r)}.nvim',\n  opts = {{\n    {n.tail.snake} = {dq(v)},\n    model = 'default',\n  }},\n}}",
            f"require('{ident(n)}').setup({{\n  endpoint = \"{http(r)}\",\n  {n.tail.snake} = {dq(v)},\n}})",
            f'-- /etc/prosody/conf.d/{svc(r)}.cfg.lua\nComponent "upload.{host(r)}" "http_file_share"\n    {n.snake} = {dq(v)}',
        ),
        line=(
            f"-- wezterm.lua\nconfig.set_environment_variables = {{\n  {n.env} = '{v}',\n}}"
            if "'" not in v and "\\" not in v
            else f"local {n.snake} = {dq(v)}",
            f'-- ~/.luarocks/config-5.4.lua\nvariables = {{ {n.env} = {dq(v)} }}\nupload = {{ server = "https://luarocks.org", api_key = {dq(v)} }}',
        ),
    )


def c_ps_data(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"# {cls(n)}.Settings.psd1\n@{{\n    Endpoint = '{http(r)}'\n    {n.pascal} = {psq(v)}\n    TimeoutSec = 30\n}}",
            f'<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\n  <Obj RefId="0">\n    <TN RefId="0"><T>System.Management.Automation.PSCustomObject</T></TN>\n'
            f'    <MS>\n      <S N="Name">{svc(r)}</S>\n      <S N="{n.tail.pascal}">{x(v)}</S>\n    </MS>\n  </Obj>\n</Objs>',
            f'instance of MSFT_Credential as $MSFT_Credential1ref\n{{\n    Password = {dq(v)};\n    UserName = "svc-{svc(r)}";\n}};',
            f"PS C:\\> Import-PowerShellDataFile .\\{cls(n)}.psd1\n\nName                           Value\n----                           -----\nEndpoint                       {http(r)}\n{n.pascal:<31}{v}",
        ),
    )


def c_props_escapes(r, pairs):
    n, v = pairs[-1]
    p = pesc(v)
    forms = [
        (
            f"#Saved by {cls(n)}Settings\n#Mon Dec 07 09:14:02 UTC 2026\nendpoint={pesc(http(r))}\n{n.dotted}={p}",
            p,
        ),
        (f"# application.properties\n{ident(n)}.endpoint = {http(r)}\n{n.dotted} = \\\n    {p}", p),
        (f"{n.dotted}: {p}\n! legacy name\n{ident(n)}.{n.tail.snake}: ${{{n.dotted}}}", p),
    ]
    if ok_bare(v) and len(v) > 12:
        cut = len(v) // 2
        forms.append((f"{n.dotted}={v[:cut]}\\\n    {v[cut:]}", v[:cut]))
    return RNG.choice(forms) if "\n" not in v else forms[0]


# -- data dumps
def c_nosql_dumps(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jline(
                {
                    "_id": {"$oid": hexid(24)},
                    "service": svc(r),
                    n.tail.camel: v,
                    "createdAt": {"$date": when()},
                }
            ),
            jdump(
                {
                    "Items": [
                        {"service": {"S": svc(r)}, n.tail.snake: {"S": v}, "version": {"N": "3"}}
                    ],
                    "Count": 1,
                }
            ),
            jline({"index": {"_index": "settings", "_id": svc(r)}})
            + "\n"
            + jline({"service": svc(r), n.tail.snake: v}),
        ),
        line=(
            f'127.0.0.1:6379> HGETALL cfg:{svc(r)}\n1) "endpoint"\n2) "{http(r)}"\n3) "{n.tail.snake}"\n4) {dq(v)}',
            f"cqlsh:ops> SELECT service, {n.tail.snake} FROM settings;\n\n service | {n.tail.snake}\n---------+{'-' * 20}\n {svc(r)} | {v}\n\n(1 rows)",
        ),
    )


# -- templating
def c_templating(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"# templates/config.yaml.j2\n{n.tail.snake}: {{{{ {n.snake} | default({sq(v)}) }}}}",
            f"# templates/secret.yaml\nstringData:\n  {n.env}: {{{{ .Values.{n.camel} | default {dq(v)} | quote }}}}",
            f'{{{{/* config.tmpl */}}}}\n{n.env}={{{{ or (env "{n.env}") {dq(v)} }}}}',
            f'# config/{svc(r)}.yml.erb\nproduction:\n  {n.tail.snake}: <%= ENV.fetch("{n.env}", {sq(v)}) %>',
            f'{{% assign {n.snake} = {dq(v)} %}}\n<script src="https://cdn.{host(r)}/sdk.js?key={{{{ {n.snake} }}}}"></script>',
            f'{{# base.html.twig #}}\n{{% set {n.camel} = {sq(v)} %}}\n<div data-{n.tail.kebab}="{{{{ {n.camel} }}}}"></div>',
        ),
    )


def c_l10n(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'#: src/setup.py:42\n#, python-format\nmsgid "Set the key with: {n.env}=%s"\nmsgstr "Setzen Sie den Schlüssel mit: {n.env}={cq(v)}"',
            f"# locales/en.ftl\nsetup-hint = Run the client with --{n.tail.kebab} {v}",
            f'/* Localizable.strings */\n"{n.camel}" = {dq(v)};\n"greeting" = "Welcome";',
            f'<trans-unit id="setup.hint" datatype="plaintext">\n  <source>Use {x(n.env)}={x(v)}</source>\n  <target state="translated">Utilisez {x(n.env)}={x(v)}</target>\n</trans-unit>',
            f"# messages_fr.properties\nsetup.hint=Utilisez la cl\\u00E9 {pesc(v)} pour {svc(r)}",
            f'{{"setupHint": "{{count, plural, one {{Use key {v.replace(chr(34), "")}}} other {{Use keys}}}}"}}'
            if '"' not in v and "\\" not in v and "{" not in v and "}" not in v
            else f'msgid "{n.env}"\nmsgstr {dq(v)}',
        ),
    )


# -- crash reporters
def c_crash_payloads(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "apiKey": "0" * 32,
                    "events": [
                        {
                            "exceptions": [{"errorClass": "HTTPError", "message": "401"}],
                            "metaData": {"config": {n.camel: v, "region": "eu"}},
                        }
                    ],
                }
            ),
            jdump(
                {
                    "event_id": hexid(32),
                    "custom_keys": [{"key": n.snake, "value": v}, {"key": "build", "value": "142"}],
                    "platform": "android",
                }
            ),
            jdump(
                {
                    "access_token": "post_server_item",
                    "data": {
                        "environment": "production",
                        "body": {"message": {"body": "config dump"}},
                        "custom": {n.snake: v},
                    },
                }
            ),
            jdump(
                {
                    "crash_info": {"type": "SIGSEGV"},
                    "modules": [],
                    "annotations": {"prod": svc(r), "ver": "4.2.0", n.snake: v},
                }
            ),
        ),
        line=(
            f"ProductName=Firefox\nVersion=133.0\nStartupTime=1765099242\n{n.pascal}={v}\nURL={http(r)}/ping",
        ),
    )


# -- build and developer servers
def c_ci_server_xml(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <scope>GLOBAL</scope>\n  <id>{svc(r)}-deploy</id>\n"
            f"  <username>deploy</username>\n  <password>{x(v)}</password>\n</com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>",
            f"<hudson.model.StringParameterDefinition>\n  <name>{n.env}</name>\n  <defaultValue>{x(v)}</defaultValue>\n  <trim>true</trim>\n</hudson.model.StringParameterDefinition>",
            f'<project-config-file>\n  <parameters>\n    <param name="env.{n.env}" value="{x(v)}" />\n    <param name="env.REGION" value="eu-west-1" />\n  </parameters>\n</project-config-file>',
            f'<environmentvariables>\n  <variable name="{n.env}">\n    <value>{x(v)}</value>\n  </variable>\n</environmentvariables>',
        ),
    )


def c_dev_servers(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "shell_port": 51423,
                    "iopub_port": 51424,
                    "ip": "127.0.0.1",
                    "key": v,
                    "transport": "tcp",
                    "signature_scheme": "hmac-sha256",
                    "kernel_name": "python3",
                }
            ),
        ),
        line=(
            f"# ~/.jupyter/jupyter_server_config.py\nc.ServerApp.token = {pyr(v)}\nc.ServerApp.open_browser = False",
            f"# ~/.config/code-server/config.yaml\nbind-addr: 127.0.0.1:8080\nauth: password\npassword: {yq(v)}\ncert: false",
            f"$ ttyd -p 7681 -c ops:{v} bash"
            if ok_bare(v)
            else f"$ ttyd -p 7681 -c {shq('ops:' + v)} bash",
        ),
        bare=(
            f"$ jupyter server list\nCurrently running servers:\nhttp://localhost:8888/?token={v} :: /srv/notebooks",
            f"[I 2026-12-07 09:14:02.123 ServerApp] Jupyter Server 2.14.2 is running at:\n[I 2026-12-07 09:14:02.123 ServerApp] http://127.0.0.1:8888/lab?token={v}",
        ),
    )


def c_beam_cfg(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"## rel/vm.args.eex\n-name {svc(r)}@127.0.0.1\n-setcookie {shq(v)}\n+K true",
            f'%% sys.config\n[{{{ident(n)}, [{{endpoint, "{http(r)}"}}, {{{n.tail.snake}, {dq(v)}}}]}}].',
            f"# rel/env.sh.eex\nexport RELEASE_DISTRIBUTION=name\nexport RELEASE_COOKIE={shq(v)}",
            f"$ iex --sname console --cookie {shq(v)} --remsh {svc(r)}@app-01",
        ),
        bare=(f"$ cat ~/.erlang.cookie\n{v}",),
    )


def c_webhook_deliveries(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "type": "Repository",
                    "id": RNG.randint(10**8, 10**9),
                    "name": "web",
                    "active": True,
                    "events": ["push"],
                    "config": {
                        "content_type": "json",
                        "insecure_ssl": "0",
                        "url": f"https://hooks.{host(r)}/github",
                        "secret": v,
                    },
                }
            ),
            jdump(
                {
                    "id": RNG.randint(1, 999),
                    "type": "gitea",
                    "config": {"url": f"https://ci.{host(r)}/hook", "content_type": "json"},
                    "events": ["push"],
                    "authorization_header": f"Bearer {v}",
                }
            ),
        ),
        line=(
            f"$ stripe listen --forward-to localhost:4242/webhook\n> Ready! You are using Stripe API Version [2025-10-29]. Your webhook signing secret is {v} (^C to quit)",
            f"POST /hooks/gitlab HTTP/1.1\nHost: ci.{host(r)}\nX-Gitlab-Event: Push Hook\nX-Gitlab-Token: {v}\nContent-Type: application/json",
        ),
    )


def c_lockfile_urls(r, pairs):
    _n, v = pairs[-1]
    u = pct(v, safe="")
    forms = [
        f'{{\n    "_meta": {{\n        "sources": [\n            {{\n                "name": "private",\n                "url": "https://__token__:{u}@pypi.{host(r)}/simple",\n                "verify_ssl": true\n            }}\n        ]\n    }}\n}}',
        f'[package.source]\ntype = "legacy"\nurl = "https://deploy:{u}@pypi.{host(r)}/simple"\nreference = "private"',
        f"  /{svc(r)}-sdk@2.3.1:\n    resolution: {{integrity: sha512-{b64(hashlib.sha512(v.encode()).digest())}, tarball: https://npm.{host(r)}/{svc(r)}-sdk/-/{svc(r)}-sdk-2.3.1.tgz?token={u}}}",
        f"GEM\n  remote: https://deploy:{u}@gems.{host(r)}/\n  specs:\n    {svc(r)}-client (1.4.0)",
        f'"{svc(r)}-sdk@^2.3.1":\n  version "2.3.1"\n  resolved "https://deploy:{u}@npm.{host(r)}/{svc(r)}-sdk/-/{svc(r)}-sdk-2.3.1.tgz#{hexid(40)}"',
    ]
    return RNG.choice(forms), u


def c_migrations(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"# conf/flyway.conf\nflyway.url=jdbc:postgresql://db.{host(r)}:5432/app\nflyway.user=migrator\nflyway.password={v}",
            f"# liquibase.properties\nchangeLogFile=db/changelog.xml\nurl=jdbc:mysql://db.{host(r)}/app\nusername=migrator\npassword: {v}",
            f'<changeSet id="42" author="ops">\n  <sql>INSERT INTO integrations (name, {n.tail.snake}) VALUES (\'{svc(r)}\', {x(sqlq(v))});</sql>\n</changeSet>',
            f"class Migration(migrations.Migration):\n    operations = [\n        migrations.RunSQL(\"UPDATE integrations SET {n.tail.snake} = {sqlq(v).replace(chr(34), chr(92) + chr(34))} WHERE name = '{svc(r)}'\"),\n    ]",
            f'# db/seeds.rb\nIntegration.find_or_create_by!(name: "{svc(r)}") do |i|\n  i.{n.tail.snake} = {sq(v)}\nend',
        ),
    )


def c_workflow_conns(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    f"{ident(n)}_default": {
                        "conn_type": "http",
                        "host": f"api.{host(r)}",
                        "login": "svc",
                        "password": v,
                        "extra": "{}",
                    }
                }
            ),
            jdump(
                [
                    {
                        "id": rid(),
                        "name": f"{svc(r)} account",
                        "type": f"{n.vendor.replace('-', '')}Api",
                        "data": {n.tail.camel: v},
                    }
                ]
            ),
        ),
        line=(
            f"$ airflow connections add {ident(n)}_default --conn-type http --conn-host api.{host(r)} --conn-password {shq(v)}",
            f"{ident(n)}_default:\n  conn_type: http\n  host: api.{host(r)}\n  password: {yq(v)}",
            f'>>> from prefect.blocks.system import Secret\n>>> Secret(value={pyr(v)}).save("{svc(r)}-{n.tail.kebab}")',
        ),
        bare=(f"AIRFLOW_CONN_{ident(n).upper()}_DEFAULT=http://svc:{v}@api.{host(r)}",)
        if URL_SAFE.fullmatch(v)
        else (),
    )


def c_openapi_specs(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"components:\n  securitySchemes:\n    ApiKeyAuth:\n      type: apiKey\n      in: header\n      name: X-Api-Key\n"
            f"  parameters:\n    ApiKey:\n      name: X-Api-Key\n      in: header\n      schema:\n        type: string\n        example: {yq(v)}",
            f"const ui = SwaggerUIBundle({{ url: '/openapi.json', dom_id: '#swagger-ui' }});\nui.preauthorizeApiKey('ApiKeyAuth', {jsq(v)});",
            f'"x-codeSamples": [{{"lang": "Shell", "source": {dq("curl -H " + chr(39) + "X-Api-Key: " + v + chr(39) + " " + http(r) + "/ping")}}}]',
            f"servers:\n  - url: {http(r)}\n    variables:\n      {n.tail.camel}:\n        default: {yq(v)}",
        ),
    )


def c_literate_docs(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f'---\ntitle: "{svc(r)} usage report"\nformat: html\nparams:\n  {n.tail.snake}: {yq(v)}\n---\n\n```{{r}}\nres <- fetch_usage(params${n.tail.snake})\n```',
            f'#+BEGIN_SRC sh :var {n.env}={dq(v)} :results output\ncurl -s -H "X-Api-Key: ${n.env}" {http(r)}/usage\n#+END_SRC',
            f"# %% [markdown]\n# Load the {svc(r)} client\n# %%\nclient = {cls(n)}({n.tail.snake}={dq(v)})",
            f"```{{python}}\n#| echo: false\n{n.snake} = {dq(v)}\n```",
        ),
    )


def c_vcs_creds(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"# .hg/hgrc\n[auth]\n{svc(r)}.prefix = https://hg.{host(r)}/\n{svc(r)}.username = deploy\n{svc(r)}.password = {v}",
            f"$ cat ~/.subversion/auth/svn.simple/{hexid(32)}\nK 8\npassauth\nV 6\nsimple\nK 8\npassword\nV {len(v.encode())}\n{v}\nK 8\nusername\nV 6\ndeploy\nEND",
            f"$ p4 set\nP4PORT=ssl:perforce.{host(r)}:1666 (set)\nP4USER=deploy (set)\nP4PASSWD={v} (set)",
            f"# ~/.config/breezy/authentication.conf\n[{svc(r)}]\nscheme=https\nhost=bzr.{host(r)}\nuser=deploy\npassword={v}",
        ),
    )


def c_hadoop_cfg(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"<configuration>\n  <property>\n    <name>fs.s3a.endpoint</name>\n    <value>s3.{host(r)}</value>\n  </property>\n"
            f"  <property>\n    <name>fs.s3a.secret.key</name>\n    <value>{x(v)}</value>\n  </property>\n</configuration>",
            f"# conf/spark-defaults.conf\nspark.master                     yarn\nspark.hadoop.fs.s3a.secret.key   {v}",
            f"# etc/catalog/{ident(n)}.properties\nconnector.name=postgresql\nconnection-url=jdbc:postgresql://db.{host(r)}:5432/app\nconnection-user=trino\nconnection-password={v}",
            f"# conf/flink-conf.yaml\ns3.endpoint: https://s3.{host(r)}\ns3.secret-key: {yq(v)}",
            f"<property>\n  <name>javax.jdo.option.ConnectionPassword</name>\n  <value>{x(v)}</value>\n</property>",
        ),
    )


CONTEXTS = {
    "agent_sessions": c_agent_sessions,
    "finetune_jsonl": c_finetune_jsonl,
    "html_mail": c_html_mail,
    "chat_rendered": c_chat_rendered,
    "issue_api": c_issue_api,
    "conflict_diffs": c_conflict_diffs,
    "trace_json": c_trace_json,
    "log_search": c_log_search,
    "cloud_audit": c_cloud_audit,
    "config_exotic": c_config_exotic,
    "starlark": c_starlark,
    "edn_aero": c_edn_aero,
    "lua_cfg": c_lua_cfg,
    "ps_data": c_ps_data,
    "props_escapes": c_props_escapes,
    "nosql_dumps": c_nosql_dumps,
    "templating": c_templating,
    "l10n": c_l10n,
    "crash_payloads": c_crash_payloads,
    "ci_server_xml": c_ci_server_xml,
    "dev_servers": c_dev_servers,
    "beam_cfg": c_beam_cfg,
    "webhook_deliveries": c_webhook_deliveries,
    "lockfile_urls": c_lockfile_urls,
    "migrations": c_migrations,
    "workflow_conns": c_workflow_conns,
    "openapi_specs": c_openapi_specs,
    "literate_docs": c_literate_docs,
    "vcs_creds": c_vcs_creds,
    "hadoop_cfg": c_hadoop_cfg,
}
# Contexts with a form for a multi-line value (it escapes or encodes it).
HAS_ESC = {
    "agent_sessions", "finetune_jsonl", "chat_rendered", "issue_api", "trace_json", "log_search",
    "cloud_audit", "config_exotic", "starlark", "edn_aero", "lua_cfg", "nosql_dumps",
    "crash_payloads", "dev_servers", "webhook_deliveries", "workflow_conns",
}  # fmt: skip


def fits(context: str, v: str) -> bool:
    """Every context has a form for a one-line value; a multi-line one needs a form that escapes it."""
    return "\n" not in v or context in HAS_ESC


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "aider_output": lambda s: (
        "> Running cat notes/scanner.txt\n"
        + each("> {}", s)
        + "\n> Add command output to the chat? (Y)es/(N)o [Yes]: n"
    ),
    "telegram_text": lambda s: jdump(
        {
            "id": 4211,
            "type": "message",
            "date": "2026-12-07T09:14:02",
            "from": "Ana",
            "text": ["scanner note: ", {"type": "pre", "text": s}],
        }
    ),
    "jaeger_log": lambda s: jdump(
        {
            "timestamp": 1765099242123000,
            "fields": [
                {"key": "event", "type": "string", "value": "scan.note"},
                {"key": "line", "type": "string", "value": s},
            ],
        }
    ),
    "es_source": lambda s: jdump(
        {
            "_index": "scanner-notes",
            "_id": "n-4211",
            "_source": {"@timestamp": "2026-12-07T09:14:02.123Z", "message": s},
        }
    ),
    "po_comment": lambda s: (
        each("#. {}", s) + '\n#: scanner/report.py:42\nmsgid "Finding"\nmsgstr "Fund"'
    ),
    "bugsnag_crumb": lambda s: jdump(
        {
            "breadcrumbs": [
                {
                    "timestamp": "2026-12-07T09:14:02.123Z",
                    "name": "scanner note",
                    "type": "log",
                    "metaData": {"line": s},
                }
            ]
        }
    ),
    "jinja_comment": lambda s: "{#\n" + s + "\n#}\n{{ report.title }}",
    "lua_comment": lambda s: "--[[\n" + s + "\n]]\nreturn { enabled = true }",
    "html_pre": lambda s: (
        "<html><body><p>Scanner test line:</p><pre>" + x(s) + "</pre></body></html>"
    ),
    "word_diff_ctx": lambda s: (
        "$ git diff --word-diff notes.txt\n@@ -1,3 +1,3 @@\n" + s + "\n[-draft-]{+final+}"
    ),
}


# ---------------------------------------------------------------- look-alikes
def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def b32(b: bytes) -> str:
    return base64.b32encode(b).decode().rstrip("=")


def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign texts of these contexts whose values look like credentials by shape only."""
    out = []
    kinds = 25
    for i in range(kinds * 16):
        seed = f"c40-lookalike-{i}".encode()
        h256 = hashlib.sha256(seed).hexdigest()
        h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
        h1b = hashlib.sha1(seed + b"b", usedforsecurity=False).hexdigest()
        md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
        raw = hashlib.sha256(seed + b"raw").digest()
        raw512 = hashlib.sha512(seed).digest()
        u = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4)
        )
        u2 = str(
            uuid.UUID(bytes=hashlib.md5(seed + b"v", usedforsecurity=False).digest(), version=4)
        )
        ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
        s = RNG.choice(["billing", "search", "ingest", "auth-proxy", "reports", "mailer"])
        k = i % kinds
        if k == 0:
            t = (
                f"> /usr/local/bin/aider --model sonnet\n> Aider v0.86.1\n> Git repo: .git with 412 files\n> Repo-map: using 4096 tokens, auto refresh\n\n"
                f"#### bump {s} to {ver}\n\n> Commit {h1[:7]} chore: bump {s} to {ver}\n> Tokens: 12k sent, 1.{i % 9}k received. Cost: $0.04 message, $0.31 session."
            )
        elif k == 1:
            t = jline(
                {
                    "id": f"batch_{b32(raw)[:24].lower()}",
                    "object": "batch",
                    "endpoint": "/v1/chat/completions",
                    "input_file_id": f"file-{b64(raw)[:22].replace('+', 'A').replace('/', 'B')}",
                    "status": "completed",
                    "output_file_id": f"file-{b64(raw[8:])[:22].replace('+', 'C').replace('/', 'D')}",
                    "request_counts": {"total": 100, "completed": 100, "failed": 0},
                }
            )
        elif k == 2:
            t = jdump(
                {
                    "id": 40000 + i,
                    "type": "message",
                    "date": "2026-12-07T09:14:02",
                    "from": "Ana",
                    "from_id": f"user{RNG.randint(10**8, 10**9)}",
                    "photo": f"photos/photo_{i}@07-12-2026_09-14-02.jpg",
                    "text": f"build {h1[:12]} is green",
                }
            )
        elif k == 3:
            t = jdump(
                {
                    "url": f"https://api.github.com/repos/acme/{s}/issues/{i}",
                    "id": RNG.randint(10**9, 3 * 10**9),
                    "node_id": "I_kwDO" + b64(raw)[:14].replace("+", "A").replace("/", "B"),
                    "number": i,
                    "body": f"Fixed in {h1}.\r\nImage digest `sha256:{h256}`.",
                    "reactions": {"+1": 2, "total_count": 2},
                }
            )
        elif k == 4:
            t = (
                f"$ git merge origin/{s}\nAuto-merging go.sum\nCONFLICT (content): Merge conflict in go.sum\n$ cat go.sum\n<<<<<<< HEAD\n"
                f"example.com/{s} v{ver} h1:{b64(raw)}\n=======\nexample.com/{s} v{ver} h1:{b64(raw[::-1])}\n>>>>>>> {h1[:10]} (bump {s})"
            )
        elif k == 5:
            t = jdump(
                {
                    "traceID": h256[:32],
                    "spanID": h1[:16],
                    "operationName": f"GET /{s}",
                    "references": [
                        {"refType": "CHILD_OF", "traceID": h256[:32], "spanID": h1b[:16]}
                    ],
                    "tags": [
                        {"key": "otel.library.version", "type": "string", "value": ver},
                        {"key": "request.id", "type": "string", "value": u},
                    ],
                }
            )
        elif k == 6:
            t = jdump(
                {
                    "_index": f".ds-logs-{s}-2026.12.07-000001",
                    "_id": b64(raw)[:20].replace("+", "-").replace("/", "_"),
                    "_seq_no": RNG.randint(1, 99999),
                    "_primary_term": 1,
                    "_source": {
                        "trace.id": h256[:32],
                        "event.hash": h1,
                        "message": f"GET /{s} 200",
                    },
                }
            )
        elif k == 7:
            t = jdump(
                {
                    "eventVersion": "1.09",
                    "eventID": u,
                    "requestID": u2,
                    "eventName": "PutObject",
                    "sharedEventID": str(uuid.UUID(bytes=raw[:16], version=4)),
                    "additionalEventData": {
                        "x-amz-id-2": b64(raw512)[:76],
                        "bytesTransferredIn": 4211,
                    },
                    "resources": [{"ARN": f"arn:aws:s3:::{s}-artifacts/{h1[:8]}.tar.gz"}],
                }
            )
        elif k == 8:
            t = (
                f"let Prelude =\n      https://prelude.dhall-lang.org/v23.0.0/package.dhall\n        sha256:{h256}\n\n"
                f"let {s.replace('-', '_')} = ./{s}.dhall sha256:{hashlib.sha256(seed + b'd').hexdigest()}\n\nin  Prelude.List.map"
            )
        elif k == 9:
            t = (
                f'http_archive(\n    name = "{s.replace("-", "_")}",\n    sha256 = "{h256}",\n    strip_prefix = "{s}-{h1}",\n'
                f'    urls = ["https://github.com/acme/{s}/archive/{h1}.tar.gz"],\n)\n# integrity = "sha256-{b64(raw)}"'
            )
        elif k == 10:
            t = f'{{:deps {{io.github.acme/{s} {{:git/tag "v{ver}" :git/sha "{h1[:7]}"}}\n        acme/util {{:git/url "https://github.com/acme/util" :git/sha "{h1b}"}}}}}}'
        elif k == 11:
            t = jdump(
                {
                    f"{s}.nvim": {"branch": "main", "commit": h1},
                    "lazy.nvim": {"branch": "main", "commit": h1b},
                }
            )
        elif k == 12:
            t = (
                f"@{{\n    RootModule = '{s.title()}.psm1'\n    ModuleVersion = '{ver}'\n    GUID = '{u}'\n    Author = 'Ops'\n"
                f"    PrivateData = @{{ PSData = @{{ ProjectUri = 'https://github.com/acme/{s}' ; ReleaseNotes = 'commit {h1[:12]}' }} }}\n}}"
            )
        elif k == 13:
            t = (
                f"#Generated by Git-Commit-Id-Plugin\ngit.branch=main\ngit.build.version={ver}\ngit.commit.id={h1}\ngit.commit.id.abbrev={h1[:7]}\n"
                f"git.commit.id.describe={s}-{ver}-g{h1[:7]}\nbuild.checksum={md5}"
            )
        elif k == 14:
            t = jline(
                {
                    "_id": {"$oid": h1[:24]},
                    "sessionId": {"$binary": {"base64": b64(raw[:16]), "subType": "04"}},
                    "sha": h256,
                    "createdAt": {"$date": "2026-12-07T09:14:02.123Z"},
                    "service": s,
                }
            )
        elif k == 15:
            t = (
                f"# Source: {s}/templates/deployment.yaml\nspec:\n  template:\n    metadata:\n      annotations:\n        checksum/config: {h256}\n"
                f"        checksum/secret: {hashlib.sha256(seed + b's').hexdigest()}\n    spec:\n      containers:\n        - image: ghcr.io/acme/{s}@sha256:{hashlib.sha256(seed + b'i').hexdigest()}"
            )
        elif k == 16:
            t = (
                f'msgid ""\nmsgstr ""\n"Project-Id-Version: {s} {ver}\\n"\n"POT-Creation-Date: 2026-12-07 09:14+0000\\n"\n"X-Generator: Weblate 5.8\\n"\n\n'
                f'#. Translators: build {h1[:10]}\n#: {s}/views.py:{RNG.randint(10, 400)}\nmsgid "Checksum"\nmsgstr "Prüfsumme"'
            )
        elif k == 17:
            t = jdump(
                {
                    "crash_info": {
                        "type": "EXC_BAD_ACCESS / KERN_INVALID_ADDRESS",
                        "address": "0x" + h1[:12],
                    },
                    "modules": [
                        {
                            "filename": f"lib{s.replace('-', '')}.so",
                            "debug_id": f"{u.upper()}0",
                            "code_id": h1[:40],
                            "version": ver,
                        }
                    ],
                }
            )
        elif k == 18:
            t = (
                f"<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <scope>GLOBAL</scope>\n  <id>{u}</id>\n  <username>deploy</username>\n"
                f"  <password>{{AQAAABAAAAAQ{b64(raw)[:32]}=}}</password>\n</com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n<!-- last built {h1} -->"
            )
        elif k == 19:
            t = jdump(
                {
                    "shell_port": 51423,
                    "iopub_port": 51424,
                    "ip": "127.0.0.1",
                    "key": "",
                    "transport": "tcp",
                    "signature_scheme": "hmac-sha256",
                    "kernel_name": "python3",
                    "kernel_id": u,
                    "session": u2,
                }
            )
        elif k == 20:
            t = f"## vm.args\n-name {s}@app-0{i % 9}\n+K true\n+A 64\n-env ERL_MAX_PORTS 65536\n## build {h1[:12]} otp-27 sha256:{h256[:16]}"
        elif k == 21:
            t = (
                f"POST /hooks/github HTTP/1.1\nX-GitHub-Event: push\nX-GitHub-Delivery: {u}\nX-GitHub-Hook-ID: {RNG.randint(10**8, 10**9)}\n"
                f"X-Hub-Signature: sha1={h1}\nX-Hub-Signature-256: sha256={h256}\nContent-Type: application/json"
            )
        elif k == 22:
            t = (
                f'{{\n    "_meta": {{\n        "hash": {{\n            "sha256": "{h256}"\n        }},\n        "pipfile-spec": 6\n    }},\n'
                f'    "default": {{\n        "{s}": {{\n            "hashes": [\n                "sha256:{hashlib.sha256(seed + b"w").hexdigest()}"\n            ],\n            "version": "=={ver}"\n        }}\n    }}\n}}'
            )
        elif k == 23:
            t = (
                f" installed_rank | version |   description   | type |   checksum   | success\n----------------+---------+-----------------+------+--------------+---------\n"
                f"             {i % 40 + 1} | {i % 40 + 1}.0     | add {s} table | SQL  | {-RNG.randint(10**8, 2 * 10**9)} | t\n"
                f"-- liquibase: MD5SUM 9:{md5}  alembic revision {h1[:12]}"
            )
        else:
            t = (
                f"$ airflow dags list-runs -d {s.replace('-', '_')}_daily\ndag_id | run_id | state | execution_date\n"
                f"{s.replace('-', '_')}_daily | scheduled__2026-12-07T00:00:00+00:00 | success | 2026-12-07\n"
                f"{s.replace('-', '_')}_daily | manual__2026-12-06T09:14:02.{h1[:6].translate(str.maketrans('abcdef', '123456'))}+00:00 | success | 2026-12-06\n# dataset event {h256[:32]}"
            )
        kinds_names = [
            "aider-commits",
            "openai-batch-ids",
            "telegram-export-ids",
            "github-issue-node-ids",
            "conflict-go-sum",
            "jaeger-ids",
            "elastic-doc-ids",
            "cloudtrail-event-ids",
            "dhall-import-hashes",
            "bazel-archive-sha",
            "deps-edn-git-sha",
            "lazy-lock-commits",
            "psd1-module-guid",
            "git-properties",
            "mongo-extended-json",
            "helm-checksums",
            "po-headers",
            "minidump-debug-ids",
            "jenkins-encrypted-ids",
            "jupyter-kernel-ids",
            "vm-args-names",
            "webhook-signatures",
            "pipfile-lock-hashes",
            "migration-checksums",
            "airflow-run-ids",
        ]
        out.append((kinds_names[k], t))
    return out


# ---------------------------------------------------------------- fresh draws (draws29's sampler)
def fresh_draws() -> list[dict]:
    """One value per gitleaks rule and per trufflehog detector draws29's sampler translates."""
    import tomllib

    import draw  # draws29's sampler (reads the mirrors when called)

    draw.RNG = random.Random(SEED)
    out: list[dict] = []
    config = tomllib.loads(draw.git_show(draw.GITLEAKS, "HEAD:config/gitleaks.toml"))
    for rule in config["rules"]:
        regex = rule.get("regex")
        if not regex:
            continue
        try:
            pattern = draw.go_to_python(regex)
            full = re.compile(pattern)
            group = rule.get("secretGroup", 0) or (1 if full.groups else 0)
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        out.append({"source": "gitleaks", "rule": rule["id"], "value": values[0], "extra": []})
    files = draw.subprocess.run(
        [
            "git",
            "-C",
            str(draw.TRUFFLEHOG),
            "ls-tree",
            "-r",
            "--name-only",
            "HEAD",
            "pkg/detectors/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    by_dir: dict[str, list[str]] = {}
    for f in files:
        parts = f.split("/")
        if f.endswith(".go") and not f.endswith("_test.go") and len(parts) >= 4:
            by_dir.setdefault("/".join(parts[2:-1]), []).append(f)
    for det, fs in sorted(by_dir.items()):
        src = "\n".join(draw.git_show(draw.TRUFFLEHOG, f"HEAD:{f}") for f in fs)
        pats = draw.detector_patterns(src)
        if not pats:
            continue
        name = draw.key_name(list(pats))
        if name is None or isinstance(pats[name], draw.Untranslatable):
            continue
        try:
            pattern = draw.go_to_python(pats[name])
            full = re.compile(pattern)
            group = 1 if full.groups else 0
            _, values = draw.draw_values(pattern, group, [draw.RNG.choice(["min", "max", "mid"])])
            extra = []
            for other, p in pats.items():
                if other == name or isinstance(p, draw.Untranslatable):
                    continue
                if not draw.IDISH.search(other):
                    continue
                try:
                    op = draw.go_to_python(p)
                    ov = draw.draw_values(op, 1 if re.compile(op).groups else 0, ["mid"])[1][0]
                except (draw.Untranslatable, re.error, RecursionError):
                    continue
                extra.append((re.sub(r"(?i)_?pat(?:tern)?$", "", other) or "id", ov))
        except (draw.Untranslatable, re.error, RecursionError):
            continue
        kw = draw.KEYWORDS.search(src)
        keywords = re.findall(r'"([^"]*)"', kw.group(1)) if kw else []
        word = next((k for k in keywords if re.fullmatch(r"[A-Za-z][A-Za-z0-9]{2,}", k)), None)
        out.append(
            {
                "source": "trufflehog",
                "rule": det,
                "context_rule": word.lower() if word else det,
                "value": values[0],
                "extra": extra[:2],
            }
        )
    for d in out:
        d["label"] = draw.label(d["value"])
    return out


def as_written(v: str, text: str) -> str:
    """The value as the text holds it (escaped by its string syntax when it had to be)."""
    for form in (
        v,
        json.dumps(v)[1:-1],
        sq(v)[1:-1],
        x(v),
        json.dumps(json.dumps(v)[1:-1])[1:-1],
        json.dumps(v)[1:-1].replace('"', '\\"'),
        repr(v)[1:-1],
        jsq(v)[1:-1],
        psq(v)[1:-1],
        nq(v)[1:-1],
        shq(v).strip("'"),
        sqlq(v)[1:-1],
        csvq(v).strip('"'),
        sqlq(json.dumps(v))[2:-2],
        pesc(v),
        cq(v),
        x(sqlq(v))[1:-1],
        x(sq(v))[1:-1],
        sqlq(v)[1:-1].replace('"', '\\"'),
        json.dumps(json.dumps(v))[1:-1],
    ):
        if form in text:
            return form
    return v


def emit(rows, family, source, rule, context_rule, value, pairs_extra, also, label):
    pool = [c for c in sorted(CONTEXTS) if fits(c, value)]
    for context in RNG.sample(pool, 2):
        pairs = [(n, w) for n, w in pairs_extra]
        pairs.append((secret_name(context_rule), value))
        made = CONTEXTS[context](context_rule, pairs)
        text, secret = made if isinstance(made, tuple) else (made, as_written(value, made))
        assert secret in text, (context, value, text)
        rows.append(
            {
                "family": family,
                "context": context,
                "text": text,
                "secret": secret,
                "source": source,
                "also": [a for a in also if a in text],
                "rule": rule,
                "kind": "value" if source != "draw" else "draw",
                "label": label,
            }
        )


def main() -> None:
    data = json.loads((HERE.parent / "fixtures24" / "samples.json").read_text(encoding="utf-8"))
    rows, seen = [], set()
    for scanner, block in data.items():
        for s in block["tps"]:
            value = (s.get("secret") or "").strip().strip("'\"=: ")
            extra_with = list(s.get("with", []))
            if scanner == "trufflehog" and value == s.get("want"):
                value, beside = f24.split_want(value)
                extra_with += beside
            if len(value) < 6 or (s["rule"], value) in seen or f24.secret_label(value):
                continue
            seen.add((s["rule"], value))
            also = [a for a in s.get("also", []) if len(a) >= 6]
            extra = [(extra_name(s["rule"], a, a in also), a) for a in also + extra_with][:3]
            emit(
                rows,
                f"{scanner}:{s['rule']}",
                scanner,
                s["rule"],
                s["rule"],
                value,
                extra,
                also,
                "",
            )
    n_fixture = len(rows)
    for d in fresh_draws():
        rule = d["rule"]
        crule = d.get("context_rule", rule)
        extra = [(extra_name(crule, w, False, lab), w) for lab, w in d["extra"]]
        emit(
            rows,
            f"draw-{d['source']}:{rule}",
            "draw",
            rule,
            crule,
            d["value"],
            extra,
            [],
            d["label"],
        )
        rows[-1]["draw_source"] = rows[-2]["draw_source"] = d["source"]
    benign, seen_b = [], set()
    for scanner, block in data.items():
        for f in block.get("fps", []):
            line = f["line"].strip("\n")
            if not line.strip() or line in seen_b or f24.benign_label(line):
                continue
            seen_b.add(line)
            for context in RNG.sample(sorted(LINE_CONTEXTS), 2 if RNG.random() < 0.5 else 1):
                benign.append(
                    {
                        "family": f"{scanner}:{f['rule']}",
                        "context": context,
                        "text": LINE_CONTEXTS[context](line),
                        "source": scanner,
                        "kind": "fixture",
                    }
                )
    for kind, text in lookalikes():
        benign.append(
            {
                "family": f"lookalike:{kind}",
                "context": kind,
                "text": text,
                "source": "lookalike",
                "kind": "lookalike",
                "label": "pii"
                if f24.PII.search(text) or SSH_FINGERPRINT.search(text) or HOME.search(text)
                else "",
            }
        )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for r in benign:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(
        len(rows), "secret rows (", n_fixture, "fixture rows,", len(rows) - n_fixture, "draw rows,",
        sum(1 for r in rows if r["label"]), "labelled ) in", len({r["family"] for r in rows}),
        "families;", len(benign), "benign rows (", len(seen_b), "fixtures )",
    )  # fmt: skip


if __name__ == "__main__":
    main()
