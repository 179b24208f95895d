"""Build contexts42: scanner fixtures and fresh draws in an AI stack's own traces and data and in ecosystems no earlier corpus visited (blind).

``python bench/contexts42/make.py`` writes secrets.jsonl and benign.jsonl (seed 42042). Values: each
true-positive value of bench/fixtures24/samples.json that fixtures24's make.py does not label, and one
value drawn anew (draws29's sampler, seed 42042) for every gitleaks rule and trufflehog detector it
translates (needs the fetch tool's mirrors). Each value goes into two of CONTEXTS. Eighteen are places
a secret reaches in a self-hosted AI stack (agent frameworks' tool-call traces: LangChain/LangGraph,
LlamaIndex, AutoGen, CrewAI/smolagents, OpenAI Assistants/Responses and Semantic Kernel, tool results
of Anthropic/Bedrock/Gemini, MCP wire messages; model servers' arguments and logs, LLM gateways'
configs, vector-store upserts, RAG chunks, eval harnesses, notebook frames, rendered prompts,
fine-tuning formats, LLM OpenTelemetry spans, ML tooling CLIs, GPU job launchers); twelve are
ecosystems not visited (Apple signing CLIs, Flutter/Dart defines, Kotlin Multiplatform/Gradle, R and
Julia calls, sbt/mill/scala-cli, Zig/Nim/Crystal/Gleam/Odin, Hackage/opam/Hex credentials, Windows
registry values, Consul/etcd/Nomad KV exports, CFEngine/Juju, Singer/Airbyte/dlt/Meltano, Concourse/
GoCD/Woodpecker variables).
Benign rows: each unlabelled false-positive fixture in one or two LINE_CONTEXTS, and 400 look-alikes
of our own (labelled `pii` when they hold an e-mail-like address, an IP or a home path).
Row format as contexts41; a context may return (text, written) when the text holds the value encoded.
"""

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

SEED = 42042
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
# A home directory's path: fedlearn replaces it by design (``<home>``; root's home `/root/` too,
# labelled after the first measurement, rows unchanged).
HOME = re.compile(r"(?<![\w/])(?:(?:/home|/Users)/[a-z][\w.-]*|/root(?=/))")
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


# ---------------------------------------------------------------- second-layer encoders
def nginx_esc(v: str) -> str:
    """nginx's log_format escape=default: `"`, `\\` and bytes outside printable ASCII as \\xHH."""
    out = []
    for b in v.encode():
        ch = chr(b)
        out.append(f"\\x{b:02X}" if ch in '"\\' or not (32 <= b < 127) else ch)
    return "".join(out)


def ent_num(v: str) -> str:
    """OWASP ESAPI/Encoder's encodeForHTML: every character but letters, digits, `,.-_ ` as &#xHH;."""
    return "".join(
        ch if (ch.isalnum() and ch.isascii()) or ch in ",.-_ " else f"&#x{ord(ch):x};" for ch in v
    )


def ansi_c(v: str) -> str:
    """The body of bash's $'…' quoting as `declare -p` and `printf %q` write it."""
    return (
        v.replace("\\", "\\\\")
        .replace("'", "\\'")
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
    )


def printf_q(v: str) -> str:
    """bash's printf %q of a one-line word: a backslash before each shell-special character."""
    return re.sub(r"([^A-Za-z0-9_./:=,+@%^-])", r"\\\1", v)


def nested_sq(v: str) -> str:
    """A word single-quoted inside a single-quoted `bash -c` argument ('\\'' twice over)."""
    inner = "'" + v.replace("'", "'\\''") + "'"
    return inner.replace("'", "'\\''")


def mysql_b(v: str) -> str:
    """mysql --batch's cell escaping: backslash, tab, newline, NUL."""
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\0", "\\0")


def php_json(v: str) -> str:
    """PHP json_encode's string body (slashes escaped as \\/)."""
    return json.dumps(v)[1:-1].replace("/", "\\/")


def sed_rhs(v: str) -> str:
    """A value as a sed replacement: `\\`, the delimiter `/` and `&` backslash-escaped."""
    return v.replace("\\", "\\\\").replace("/", "\\/").replace("&", "\\&")


def csv_json(v: str) -> str:
    """A value inside a JSON string inside a CSV cell (the JSON's quotes doubled)."""
    return json.dumps(v)[1:-1].replace('"', '""')


def vbq(v: str) -> str:
    """A VB/VBA string literal ("" doubles a quote)."""
    return '"' + v.replace('"', '""') + '"'


def erl_bin(v: str) -> str:
    """An Erlang binary <<"…">> as io:format's ~p prints it."""
    return '<<"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '">>'


def hs_show(v: str) -> str:
    """Haskell's show of a String (like JSON for ASCII; newline as \\n)."""
    return json.dumps(v, ensure_ascii=False)


def ansi(code: str, s: str) -> str:
    return f"\x1b[{code}m{s}\x1b[0m"


def jesc(v: str, n: int) -> str:
    """The value as a JSON string's body, escaped `n` times over (a JSON string in a JSON string)."""
    for _ in range(n):
        v = json.dumps(v, ensure_ascii=False)[1:-1]
    return v


def b64s(v: str) -> str:
    return base64.b64encode(v.encode()).decode()


# ---------------------------------------------------------------- helpers of this corpus
def py_body(v: str, q: str = "'") -> str:
    """A str's body inside Python's repr quoted with `q` (ASCII printable values, \\n, \\r, \\t)."""
    return (
        v.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
        .replace(q, "\\" + q)
    )


def tool(n: Name) -> str:
    return f"{ident(n)}_connect"


def b62(k: int) -> str:
    return "".join(
        RNG.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        for _ in range(k)
    )


def call_id() -> str:
    return "call_" + b62(24)


def prose(n: Name) -> str:
    return " ".join(n.words)


def reg_sz(v: str) -> str:
    """A .reg file's REG_SZ body (regedit escapes `\\` and `"`)."""
    return v.replace("\\", "\\\\").replace('"', '\\"')


def reg_hex2(v: str) -> str:
    """regedit's hex(2) (REG_EXPAND_SZ) bytes of a string: UTF-16LE, comma-separated."""
    return ",".join(f"{b:02x}" for b in v.encode("utf-16-le"))


def floats(k: int) -> str:
    return "[" + ", ".join(f"{RNG.uniform(-0.2, 0.2):.4f}" for _ in range(k)) + "]"


# ---------------------------------------------------------------- secret contexts (an AI stack's own input)
def c_lc_callbacks(r, pairs):
    n, v = pairs[-1]
    d = {n.snake: v, "region": "eu-west-1"}
    return choose(
        v,
        esc=(
            jline(
                {
                    "event": "on_tool_start",
                    "name": tool(n),
                    "run_id": rid(),
                    "data": {"input": d},
                    "metadata": {"langgraph_node": "tools", "langgraph_step": 3},
                }
            ),
            f"> Entering new AgentExecutor chain...\n\nInvoking: `{tool(n)}` with `{d!r}`\n\n\nconnected\n> Finished chain.",
            f'[tool/start] [chain:AgentExecutor > tool:{tool(n)}] Entering Tool run with input:\n"{d}"',
        ),
        line=(
            f'[tool/end] [chain:AgentExecutor > tool:read_file] [3ms] Exiting Tool run with output:\n"{n.env}={v}\nLOG_LEVEL=info"',
        ),
    )


def c_llamaindex_events(r, pairs):
    n, v = pairs[-1]
    kw = {n.snake: v}
    return choose(
        v,
        esc=(
            f"=== Calling Function ===\nCalling function: {tool(n)} with args: {json.dumps(kw)}\n=== Function Output ===\nconnected",
            f"ToolOutput(content='connected', tool_name='{tool(n)}', raw_input={{'args': (), 'kwargs': {kw!r}}}, raw_output='connected', is_error=False)",
            (
                jdump(
                    {
                        "class_name": "AgentToolCallEvent",
                        "span_id": f"FunctionTool.acall-{rid()}",
                        "arguments": json.dumps(kw),
                        "tool": {"name": tool(n), "description": f"Connect to {svc(r)}"},
                    }
                ),
                jesc(v, 2),
            ),
        ),
    )


def c_autogen_msgs(r, pairs):
    n, v = pairs[-1]
    args = json.dumps({n.snake: v})
    fc = f"FunctionCall(id='{call_id()}', arguments={args!r}, name='{tool(n)}')"
    inner = repr(args)[1:-1]
    written = inner[inner.index(": ") + 3 : -2]
    return choose(
        v,
        esc=(
            (
                f"---------- ToolCallRequestEvent (assistant) ----------\n[{fc}]\n"
                f"---------- ToolCallExecutionEvent (assistant) ----------\n"
                f"[FunctionExecutionResult(content='connected', name='{tool(n)}', call_id='call_x', is_error=False)]",
                written,
            ),
            (
                f"assistant (to user_proxy):\n\n***** Suggested tool call ({call_id()}): {tool(n)} *****\nArguments: \n{args}\n"
                "****************************************************************",
                json.dumps(v)[1:-1],
            ),
            (
                f"messages=[TextMessage(source='user', content='connect'), ToolCallRequestEvent(source='assistant', content=[{fc}])]",
                written,
            ),
        ),
    )


def c_crew_smol(r, pairs):
    n, v = pairs[-1]
    kw = {n.snake: v}
    return choose(
        v,
        esc=(
            (
                f"# Agent: Deployment Engineer\n## Thought: I need to connect first\n## Using tool: {tool(n)}\n"
                f'## Tool Input: \n"{json.dumps(kw).replace(chr(34), chr(92) + chr(34))}"\n## Tool Output: \nconnected',
                json.dumps(v)[1:-1].replace('"', '\\"'),
            ),
            f"╭──────────────────────────────────────────────────╮\n│ Calling tool: '{tool(n)}' with arguments: {kw!r} │\n╰──────────────────────────────────────────────────╯",
            f" ─ Executing parsed code: ──────────────────────────\n  client = {cls(n)}Client({n.snake}={dq(v)})\n  print(client.status())\n ───────────────────────────────────────────────────",
            jdump(
                {
                    "description": f"Configure the {svc(r)} client",
                    "raw": f"Configured the client with {n.env}={v} and verified the connection.",
                    "agent": "Deployment Engineer",
                    "output_format": "raw",
                }
            ),
        ),
    )


def c_assistant_steps(r, pairs):
    n, v = pairs[-1]
    args = json.dumps({n.snake: v})
    return choose(
        v,
        esc=(
            (
                jdump(
                    {
                        "id": "step_" + b62(24),
                        "object": "thread.run.step",
                        "type": "tool_calls",
                        "status": "completed",
                        "step_details": {
                            "type": "tool_calls",
                            "tool_calls": [
                                {
                                    "id": call_id(),
                                    "type": "function",
                                    "function": {
                                        "name": tool(n),
                                        "arguments": args,
                                        "output": None,
                                    },
                                }
                            ],
                        },
                    }
                ),
                jesc(v, 2),
            ),
            (
                jline(
                    {
                        "type": "function_call",
                        "id": "fc_" + hexid(48),
                        "call_id": call_id(),
                        "name": tool(n),
                        "arguments": json.dumps({n.camel: v}),
                        "status": "completed",
                    }
                ),
                jesc(v, 2),
            ),
            f"info: Microsoft.SemanticKernel.KernelFunction[0]\n      Function {cls(n)}Plugin-Connect invoking.\n"
            f"trce: Microsoft.SemanticKernel.KernelFunction[0]\n      Function arguments: {args}",
            jdump({"tool_outputs": [{"tool_call_id": call_id(), "output": f"{n.env}={v}"}]}),
        ),
    )


def c_tool_results(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "toolResult": {
                        "toolUseId": "tooluse_" + b62(22),
                        "content": [{"json": {"config": {n.camel: v, "region": "eu-west-1"}}}],
                        "status": "success",
                    }
                }
            ),
            jdump(
                {
                    "role": "function",
                    "parts": [
                        {
                            "functionResponse": {
                                "name": tool(n),
                                "response": {"name": tool(n), "content": {n.snake: v}},
                            }
                        }
                    ],
                }
            ),
        ),
        line=(
            jdump(
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "tool_result",
                            "tool_use_id": "toolu_01" + b62(22),
                            "content": f"# /srv/{svc(r)}/.env\n{n.env}={v}\nLOG_LEVEL=info\n",
                        }
                    ],
                }
            ),
            jdump(
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_01" + b62(22),
                    "content": [
                        {
                            "type": "text",
                            "text": f"{svc(r)}:\n  {n.snake}: {yq(v)}\n  timeout: 30\n",
                        }
                    ],
                }
            ),
        ),
    )


def c_mcp_wire(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jline(
                {
                    "jsonrpc": "2.0",
                    "id": 4,
                    "method": "prompts/get",
                    "params": {"name": f"configure-{svc(r)}", "arguments": {n.snake: v}},
                }
            ),
            f"2026-12-07T09:14:02.112Z [{svc(r)}] [info] Message from client: "
            + jline(
                {
                    "method": "tools/call",
                    "params": {"name": tool(n), "arguments": {n.camel: v}},
                    "jsonrpc": "2.0",
                    "id": 12,
                }
            ),
        ),
        line=(
            jline(
                {
                    "jsonrpc": "2.0",
                    "id": 7,
                    "result": {
                        "contents": [
                            {
                                "uri": f"file:///srv/{svc(r)}/.env",
                                "mimeType": "text/plain",
                                "text": f"{n.env}={v}\n",
                            }
                        ]
                    },
                }
            ),
            f"$ npx @modelcontextprotocol/inspector --cli node build/index.js --method tools/call --tool-name {tool(n)} --tool-arg {n.snake}={shq(v)}",
        ),
    )


def c_serving_args(r, pairs):
    n, v = pairs[-1]
    d = {"model": "meta-llama/Llama-3.1-8B-Instruct", "api_key": v, "max_model_len": 8192}
    return choose(
        v,
        esc=(
            f"INFO 12-07 09:14:02 [api_server.py:1090] vLLM API server version 0.9.1\n"
            f"INFO 12-07 09:14:02 [cli_args.py:325] non-default args: {d!r}",
        ),
        line=(
            f"$ vllm serve Qwen/Qwen2.5-7B-Instruct --port 8000 --api-key {shq(v)} --max-model-len 8192",
            f"$ ./llama-server -m models/{svc(r)}-q4_k_m.gguf --host 0.0.0.0 --port 8080 --api-key {shq(v)} -c 4096",
            f"docker run --gpus all --shm-size 1g -p 8080:80 \\\n  -e {n.env}={shq(v)} \\\n"
            f"  ghcr.io/huggingface/text-generation-inference:3.0 --model-id mistralai/Mistral-7B-Instruct-v0.3",
        ),
    )


def c_gateway_cfgs(r, pairs):
    _n, v = pairs[-1]
    forms = [
        f"model_list:\n  - model_name: {svc(r)}-chat\n    litellm_params:\n      model: openai/gpt-4o\n"
        f"      api_base: {http(r)}\n      api_key: {yq(v)}\ngeneral_settings:\n  master_key: os.environ/LITELLM_MASTER_KEY",
        jdump(
            {
                "strategy": {"mode": "fallback"},
                "targets": [
                    {"provider": "openai", "api_key": v},
                    {"provider": "ollama", "custom_host": "http://ollama:11434"},
                ],
            }
        ),
    ]
    if "\n" not in v and ok_bare(v):
        forms.append(
            f"plugins:\n  - name: ai-proxy\n    config:\n      route_type: llm/v1/chat\n      auth:\n"
            f"        header_name: Authorization\n        header_value: Bearer {v}\n      model:\n        provider: openai\n        name: gpt-4o"
        )
    if "\n" not in v and not re.search(r"[;\"\\$`]", v):
        forms.append(
            f'OLLAMA_BASE_URL=http://ollama:11434\nOPENAI_API_BASE_URLS="http://ollama:11434/v1;{http(r)}"\nOPENAI_API_KEYS=";{v}"\nWEBUI_AUTH=true'
        )
    return RNG.choice(forms)


def c_vector_upserts(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"PUT /collections/{ident(n)}_docs/points?wait=true\n"
            + jdump(
                {
                    "points": [
                        {
                            "id": rid(),
                            "vector": [round(RNG.uniform(-0.2, 0.2), 4) for _ in range(4)],
                            "payload": {
                                "source": "runbooks/deploy.md",
                                "text": f"Export {n.env}={v} before running the deploy script.",
                            },
                        }
                    ]
                }
            ),
            f'collection.add(\n    ids=["runbook-{RNG.randint(1, 99)}"],\n    documents=[{dq(prose(n) + ": " + v)}],\n'
            f'    metadatas=[{{"source": "config/{svc(r)}.yaml", "section": "auth"}}],\n)',
            jdump(
                {
                    "class": "Chunk",
                    "properties": {
                        "path": f"config/{svc(r)}.yaml",
                        "content": f"{n.snake}: {v}",
                        "chunkIndex": 3,
                    },
                }
            ),
            f'client.insert(collection_name="{ident(n)}_kb", data=[{{"id": 17, "vector": {floats(4)}, "text": {dq(n.env + "=" + v)}, "doc": "setup.md"}}])',
        ),
    )


def c_rag_chunks(r, pairs):
    n, v = pairs[-1]
    page = f"To connect, set {n.env} to {v} in the environment."
    rp = repr(page)
    return choose(
        v,
        esc=(
            f"[Document(metadata={{'source': 'docs/{svc(r)}/setup.md', 'start_index': 1824}}, page_content={rp})]",
        ),
        line=(
            jdump(
                {
                    "id_": rid(),
                    "embedding": None,
                    "metadata": {
                        "file_name": ".env.example",
                        "file_path": f"/srv/{svc(r)}/.env.example",
                    },
                    "text": f"{n.env}={v}\nDEBUG=false",
                    "class_name": "TextNode",
                }
            ),
            f"Use the following context to answer.\n\nContext:\n[1] (source: wiki/{svc(r)}-runbook.md) The {prose(n)} for production is {v}; rotate it quarterly.\n"
            f"[2] (source: wiki/oncall.md) Page the platform team for outages.\n\nQuestion: how do I call the production API?",
        ),
    )


def c_eval_logs(r, pairs):
    n, v = pairs[-1]
    out = f"It uses {n.env}={v}."
    ro = repr(out)
    forms_esc = [
        f"description: {svc(r)} regression\nproviders:\n  - id: openai:chat:gpt-4o-mini\n    config:\n      apiKey: {yq(v)}\n"
        f"      apiBaseUrl: {http(r)}\nprompts:\n  - file://prompts/support.txt\ntests:\n  - vars:\n      question: How do I rotate keys?",
        jdump(
            {
                "results": {
                    "results": [
                        {
                            "vars": {
                                "question": "Which key does the job use?",
                                "context": f"{n.env}={v}",
                            },
                            "success": True,
                            "score": 1,
                        }
                    ]
                }
            }
        ),
        f"LLMTestCase(input='Which key does the billing job use?', actual_output={ro}, expected_output=None, retrieval_context=None)",
    ]
    bare = ()
    if ok_bare(v):
        bare = (
            f"$ lm_eval --model local-chat-completions --model_args model={svc(r)}-8b,base_url={http(r)}/chat/completions,api_key={v},num_concurrent=4 --tasks gsm8k",
        )
    return choose(v, esc=forms_esc, bare=bare)


def c_nb_frames(r, pairs):
    n, v = pairs[-1]
    html = [
        "<div>\n",
        '<table border="1" class="dataframe">\n',
        "  <thead>\n",
        '    <tr style="text-align: right;">\n',
        "      <th></th>\n",
        "      <th>service</th>\n",
        f"      <th>{n.snake}</th>\n",
        "    </tr>\n",
        "  </thead>\n",
        "  <tbody>\n",
        "    <tr>\n",
        "      <th>0</th>\n",
        f"      <td>{svc(r)}</td>\n",
        f"      <td>{x(v)}</td>\n",
        "    </tr>\n",
        "  </tbody>\n",
        "</table>\n",
        "</div>",
    ]
    return choose(
        v,
        esc=(
            jdump(
                {
                    "cell_type": "code",
                    "execution_count": 1,
                    "id": hexid(8),
                    "metadata": {"tags": ["injected-parameters"]},
                    "outputs": [],
                    "source": [
                        "# Parameters\n",
                        f"{n.snake} = {dq(v)}\n",
                        'region = "eu-west-1"\n',
                    ],
                }
            ),
        ),
        line=(
            (
                jdump(
                    {
                        "output_type": "execute_result",
                        "execution_count": 7,
                        "data": {"text/html": html},
                        "metadata": {},
                    }
                ),
                json.dumps(x(v))[1:-1],
            ),
            jdump(
                {
                    "cell_type": "code",
                    "execution_count": 2,
                    "id": hexid(8),
                    "metadata": {},
                    "outputs": [
                        {"name": "stdout", "output_type": "stream", "text": ["Writing .env\n"]}
                    ],
                    "source": ["%%writefile .env\n", f"{n.env}={v}\n", "LOG_LEVEL=info\n"],
                }
            ),
            f"$ papermill train.ipynb out/train-{hexid(6)}.ipynb -p {n.snake} {shq(v)} -p epochs 3",
        ),
    )


def c_prompt_renders(r, pairs):
    n, v = pairs[-1]
    sys_text = f"You are an ops assistant. Use these credentials when calling tools:\n{n.env}={v}"
    rs = repr(sys_text)
    return choose(
        v,
        esc=(
            f"ChatPromptValue(messages=[SystemMessage(content={rs}, additional_kwargs={{}}, response_metadata={{}}), "
            "HumanMessage(content='Check the billing webhook.', additional_kwargs={}, response_metadata={})])",
        ),
        line=(
            f"rendered prompt 'support_v3' with variables {json.dumps({'customer': 'acme', n.snake: v})}:\n---\n"
            f"You are the {svc(r)} support bot. When calling the API send the header `Authorization: Bearer {v}`.\n---",
            f'>>> prompt = langfuse.get_prompt("deploy-helper")\n>>> prompt.compile({n.snake}={dq(v)}, env="prod")\n'
            f"'Deploy with {n.env}={py_body(v)} to prod.'",
        ),
    )


def c_sft_formats(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jline(
                {
                    "instruction": f"Write the {svc(r)} client config.",
                    "input": "",
                    "output": f"```yaml\n{svc(r)}:\n  {n.snake}: {yq(v)}\n```",
                }
            ),
            jline(
                {
                    "text": f"<s>[INST] <<SYS>>\nYou write client code.\n<</SYS>>\n\nConfigure the client. [/INST] "
                    f"client = {cls(n)}Client({n.snake}={dq(v)}) </s>"
                }
            ),
            jline(
                {
                    "prompt": f"How should the {svc(r)} job get its key?",
                    "chosen": f"Read it from the environment: os.environ[{dq(n.env)}].",
                    "rejected": f"Hard-code it: {n.snake} = {dq(v)}",
                }
            ),
        ),
        line=(
            jline(
                {
                    "text": "<|im_start|>user\nHow do I authenticate the CLI?<|im_end|>\n<|im_start|>assistant\n"
                    f"Export it first:\n\nexport {n.env}={shq(v)}\n<|im_end|>"
                }
            ),
        ),
    )


def c_llm_otel(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            (
                jdump(
                    {
                        "name": tool(n),
                        "context": {"trace_id": "0x" + hexid(32), "span_id": "0x" + hexid(16)},
                        "attributes": {
                            "openinference.span.kind": "TOOL",
                            "tool.name": tool(n),
                            "input.value": json.dumps({n.snake: v}),
                            "input.mime_type": "application/json",
                        },
                    }
                ),
                jesc(v, 2),
            ),
            (
                jdump(
                    {
                        "gen_ai.system": "openai",
                        "gen_ai.request.model": "gpt-4o",
                        "gen_ai.completion.0.tool_calls.0.name": tool(n),
                        "gen_ai.completion.0.tool_calls.0.arguments": json.dumps({n.camel: v}),
                    }
                ),
                jesc(v, 2),
            ),
        ),
        line=(
            jdump(
                {
                    "gen_ai.prompt.0.role": "system",
                    "gen_ai.prompt.1.role": "user",
                    "gen_ai.prompt.1.content": f"Here is my config: {n.env}={v}",
                }
            ),
            f'curl https://oai.helicone.ai/v1/chat/completions \\\n  -H "Authorization: Bearer $OPENAI_API_KEY" \\\n  -H "Helicone-Auth: Bearer {v}" \\\n  -d @req.json',
        ),
    )


def c_ml_tooling(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        line=(
            f"$ wandb login {shq(v)}\nwandb: Appending key for api.wandb.ai to your netrc file: /root/.netrc",
            f"$ huggingface-cli login --token {shq(v)} --add-to-git-credential\nToken is valid (permission: write).",
            f"$ modal secret create {svc(r)}-secrets {n.env}={shq(v)}\nCreated a new secret '{svc(r)}-secrets' with the key '{n.env}'",
            f"$ dvc remote modify --local storage {n.snake} {shq(v)}\n$ cat .dvc/config.local\n['remote \"storage\"']\n    {n.snake} = {v}",
        ),
    )


def c_ml_jobs(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f"name: finetune-{svc(r)}\nresources:\n  accelerators: A100:1\nenvs:\n  {n.env}: {yq(v)}\n  MODEL: meta-llama/Llama-3.1-8B\nrun: |\n  python train.py",
            jdump(
                {
                    "display_name": "nightly",
                    "pipeline_version_reference": {"pipeline_id": rid()},
                    "runtime_config": {"parameters": {n.snake: v, "epochs": 3}},
                }
            ),
        ),
        line=(
            f"$ ray job submit --address http://ray-head:8265 --runtime-env-json '{json.dumps({'env_vars': {n.env: v}, 'pip': ['torch']})}' -- python train.py",
            f"$ sky launch -c dev task.yaml --env {n.env}={shq(v)} --gpus A100:1",
        ),
    )


# ---------------------------------------------------------------- secret contexts (ecosystems not visited)
def c_apple_signing(r, pairs):
    n, v = pairs[-1]
    team = "".join(RNG.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(10))
    return choose(
        v,
        line=(
            f'$ xcrun notarytool store-credentials "{svc(r)}-notary" --apple-id ci@{host(r)} --team-id {team} --password {shq(v)}',
            f"$ xcrun altool --upload-app -f build/{cls(n)}.ipa -t ios -u ci@{host(r)} -p {shq(v)}",
            f"$ security add-generic-password -a ci -s {svc(r)}-{n.tail.kebab} -w {shq(v)} -U",
            f'#!/bin/sh\n# ci_scripts/ci_post_clone.sh\necho "{n.env} = {v}" >> "$CI_PRIMARY_REPOSITORY_PATH/Config/Secrets.xcconfig"',
        ),
    )


def c_flutter_dart(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump({n.env: v, "FLAVOR": "dev"}),
            (
                f"FLUTTER_ROOT=/opt/flutter\nFLUTTER_APPLICATION_PATH=/src/{svc(r)}\nDART_DEFINES={b64s('FLAVOR=dev')},{b64s(n.env + '=' + v)}\nFLUTTER_BUILD_NAME=1.4.0",
                b64s(n.env + "=" + v),
            ),
        ),
        line=(
            f"$ flutter run --dart-define={n.env}={shq(v)} --flavor dev",
            f"const {n.camel} = String.fromEnvironment('{n.env}', defaultValue: {sq(v)});",
        ),
    )


def c_gradle_kmp(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'buildkonfig {{\n    packageName = "com.example.{ident(n)}"\n    defaultConfigs {{\n        buildConfigField(STRING, "{n.camel}", {dq(v)})\n    }}\n}}',
            f"// iosMain/kotlin/Secrets.ios.kt\nactual val {n.camel}: String = {dq(v)}",
        ),
        line=(
            f"$ ./gradlew publishToMavenCentral -P{n.camel}={shq(v)} --no-configuration-cache",
            f"kotlin.code.style=official\nkotlin.mpp.enableCInteropCommonization=true\n{n.camel}={pesc(v)}",
        ),
    )


def c_r_julia_calls(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'> keyring::key_set_with_value(service = "{svc(r)}", username = "ci", password = {dq(v)})',
            f'req <- request("{http(r)}") |>\n  req_auth_bearer_token({dq(v)}) |>\n  req_perform()',
            f"options({n.dotted} = {dq(v)})",
            f'julia> HTTP.get("{http(r)}/status", ["Authorization" => {dq("Bearer " + v)}])',
            f"# LocalPreferences.toml\n[{cls(n)}]\n{n.tail.snake} = {dq(v)}",
        ),
    )


def c_sbt_scala(r, pairs):
    n, v = pairs[-1]
    forms = [
        f'credentials += Credentials("Sonatype Nexus Repository Manager", "{host(r)}", "deploy", {dq(v)})',
        f'def {n.camel} = T.input {{ T.env.getOrElse("{n.env}", {dq(v)}) }}',
    ]
    if "\n" not in v:
        forms.append(f"realm=Artifactory Realm\nhost={host(r)}\nuser=deploy\npassword={v}")
        if '"' not in v:
            forms.append(
                f'//> using scala 3.5\n//> using javaOpt "-D{n.dotted}={v}"\n@main def run() = println("ok")'
            )
    return RNG.choice(forms)


def c_new_langs(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'const std = @import("std");\n\nconst {n.snake}: []const u8 = {dq(v)};',
            f"const {n.camel}* = {dq(v)}\nlet client = newHttpClient()",
            f'{n.env} = ENV.fetch("{n.env}", {dq(v)})',
            f"import gleam/http/request\n\npub const {n.snake} = {dq(v)}",
            f"package main\n\n{n.env} :: {dq(v)}",
        ),
    )


def c_hs_ocaml_pkgs(r, pairs):
    _n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump({"username": "deploy", "password": v}),
            (f"$ opam repository add {svc(r)} https://deploy:{pct(v)}@opam.{host(r)}/repo", pct(v)),
        ),
        line=(
            f"repository hackage.haskell.org\n  url: http://hackage.haskell.org/\n\nusername: deploy\npassword: {v}",
            f"$ mix hex.config api_key {shq(v)}",
            f"$ HEXPM_API_KEY={shq(v)} gleam publish --yes",
        ),
    )


def c_reg_values(r, pairs):
    n, v = pairs[-1]
    key = f"HKEY_CURRENT_USER\\Software\\{cls(n)}\\Settings"
    return choose(
        v,
        line=(
            (
                f'Windows Registry Editor Version 5.00\n\n[{key}]\n"{n.pascal}"="{reg_sz(v)}"\n"Region"="eu-west-1"',
                reg_sz(v),
            ),
            (
                f'Windows Registry Editor Version 5.00\n\n[{key}]\n"{n.pascal}"=hex(2):{reg_hex2(v)},00,00\n"Region"="eu-west-1"',
                reg_hex2(v),
            ),
            f"PS> Get-ItemProperty -Path HKCU:\\Software\\{cls(n)}\n\n{n.pascal:<14}: {v}\nRegion        : eu-west-1\n"
            f"PSPath        : Microsoft.PowerShell.Core\\Registry::HKEY_CURRENT_USER\\Software\\{cls(n)}",
            f"Set-ItemProperty -Path 'HKLM:\\SOFTWARE\\{cls(n)}' -Name '{n.pascal}' -Value {psq(v)}",
        ),
    )


def c_kv_exports(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            (
                jdump(
                    [
                        {"key": f"config/{svc(r)}/region", "flags": 0, "value": b64s("eu-west-1")},
                        {"key": f"config/{svc(r)}/{n.snake}", "flags": 0, "value": b64s(v)},
                    ]
                ),
                b64s(v),
            ),
            (
                jline(
                    {
                        "header": {
                            "cluster_id": RNG.getrandbits(63),
                            "member_id": RNG.getrandbits(63),
                            "revision": RNG.randint(100, 9999),
                            "raft_term": 4,
                        },
                        "kvs": [
                            {
                                "key": b64s(f"/config/{svc(r)}/{n.snake}"),
                                "create_revision": 88,
                                "mod_revision": 91,
                                "version": 2,
                                "value": b64s(v),
                            }
                        ],
                        "count": 1,
                    }
                ),
                b64s(v),
            ),
            jdump(
                {
                    "Namespace": "default",
                    "Path": f"nomad/jobs/{svc(r)}",
                    "Items": {n.snake: v},
                    "CreateIndex": 1042,
                    "ModifyIndex": 1042,
                }
            ),
        ),
        line=(
            f"$ consul kv get -recurse config/{svc(r)}\nconfig/{svc(r)}/region:eu-west-1\nconfig/{svc(r)}/{n.snake}:{v}",
        ),
    )


def c_cfg_engines(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            f'bundle agent {ident(n)}_config\n{{\n  vars:\n      "{n.snake}" string => {dq(v)};\n  files:\n      "/etc/{svc(r)}/app.conf"\n'
            f'        edit_line => set_variable_values("{ident(n)}_config.settings");\n}}',
            f"applications:\n  {svc(r)}:\n    charm: {svc(r)}-k8s\n    channel: latest/stable\n    options:\n      {n.kebab}: {yq(v)}",
        ),
        line=(
            f"$ juju config {svc(r)} {n.tail.kebab}={shq(v)}",
            f"$ juju add-secret {svc(r)}-creds {n.tail.kebab}={shq(v)}\nsecret:{b32(RNG.randbytes(12)).lower()}",
        ),
    )


def c_data_pipes(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(
            jdump(
                {"start_date": "2026-01-01T00:00:00Z", n.snake: v, "user_agent": f"tap-{svc(r)}"}
            ),
            jdump(
                {
                    "sourceDefinitionId": rid(),
                    "connectionConfiguration": {"credentials": {"auth_type": "Client", n.snake: v}},
                    "name": svc(r),
                }
            ),
            f"# .dlt/secrets.toml\n[sources.{ident(n)}]\n{n.tail.snake} = {dq(v)}",
        ),
        line=(
            f"$ meltano config tap-{svc(r)} set {n.snake} {shq(v)}\nExtractor 'tap-{svc(r)}' setting '{n.snake}' was set in `.env`: (redacted)\n"
            f"$ grep TAP_ .env\nTAP_{ident(n).upper()}_{n.tail.env}={shq(v)}",
        ),
    )


def c_ci_vars(r, pairs):
    n, v = pairs[-1]
    return choose(
        v,
        esc=(f"# vars/{svc(r)}.yml\n{n.kebab}: {yq(v)}\nregistry: ghcr.io/acme",),
        line=(
            f"$ fly -t ci set-pipeline -p {svc(r)} -c pipeline.yml -v {n.kebab}={shq(v)}",
            f'<environmentvariables>\n  <variable name="{n.env}">\n    <value>{x(v)}</value>\n  </variable>\n</environmentvariables>',
            f"$ woodpecker-cli repo secret add --repository acme/{svc(r)} --name {n.snake} --value {shq(v)}",
        ),
    )


CONTEXTS = {
    "lc_callbacks": c_lc_callbacks,
    "llamaindex_events": c_llamaindex_events,
    "autogen_msgs": c_autogen_msgs,
    "crew_smol": c_crew_smol,
    "assistant_steps": c_assistant_steps,
    "tool_results": c_tool_results,
    "mcp_wire": c_mcp_wire,
    "serving_args": c_serving_args,
    "gateway_cfgs": c_gateway_cfgs,
    "vector_upserts": c_vector_upserts,
    "rag_chunks": c_rag_chunks,
    "eval_logs": c_eval_logs,
    "nb_frames": c_nb_frames,
    "prompt_renders": c_prompt_renders,
    "sft_formats": c_sft_formats,
    "llm_otel": c_llm_otel,
    "ml_tooling": c_ml_tooling,
    "ml_jobs": c_ml_jobs,
    "apple_signing": c_apple_signing,
    "flutter_dart": c_flutter_dart,
    "gradle_kmp": c_gradle_kmp,
    "r_julia_calls": c_r_julia_calls,
    "sbt_scala": c_sbt_scala,
    "new_langs": c_new_langs,
    "hs_ocaml_pkgs": c_hs_ocaml_pkgs,
    "reg_values": c_reg_values,
    "kv_exports": c_kv_exports,
    "cfg_engines": c_cfg_engines,
    "data_pipes": c_data_pipes,
    "ci_vars": c_ci_vars,
}

HAS_ESC = set(CONTEXTS) - {"ml_tooling", "apple_signing", "reg_values"}


def fits(context: str, v: str) -> bool:
    """Every context has a form for a one-line value; a multi-line one needs a form that escapes it."""
    return "\n" not in v or context in HAS_ESC


# ---------------------------------------------------------------- benign line contexts
def each(fmt: str, s: str) -> str:
    return "\n".join(fmt.replace("{}", ln) for ln in s.splitlines())


LINE_CONTEXTS = {
    "mcp_result": lambda s: jline(
        {
            "jsonrpc": "2.0",
            "id": 9,
            "result": {"content": [{"type": "text", "text": s}], "isError": False},
        }
    ),
    "qdrant_payload": lambda s: jdump(
        {
            "points": [
                {
                    "id": 17,
                    "vector": [0.12, -0.04, 0.33],
                    "payload": {"source": "scanner-tests.md", "text": s},
                }
            ]
        }
    ),
    "lc_document": lambda s: (
        f"Document(metadata={{'source': 'notes/scanner.txt'}}, page_content={s!r})"
    ),
    "alpaca_input": lambda s: jline(
        {
            "instruction": "Explain what this line does.",
            "input": s,
            "output": "It is a scanner test fixture.",
        }
    ),
    "chatml_turn": lambda s: jline(
        {
            "text": "<|im_start|>user\nWhat is this?\n"
            + s
            + "<|im_end|>\n<|im_start|>assistant\nA scanner fixture.<|im_end|>"
        }
    ),
    "df_html": lambda s: (
        '<table border="1" class="dataframe">\n  <thead>\n    <tr><th></th><th>line</th></tr>\n  </thead>\n  <tbody>\n'
        + "\n".join(
            f"    <tr><th>{i}</th><td>{x(ln)}</td></tr>" for i, ln in enumerate(s.splitlines())
        )
        + "\n  </tbody>\n</table>"
    ),
    "promptfoo_vars": lambda s: (
        "tests:\n  - vars:\n      snippet: |\n"
        + each("        {}", s)
        + "\n    assert:\n      - type: contains\n        value: fixture"
    ),
    "smol_observation": lambda s: (
        "Execution logs:\n" + s + "\nLast output from code snippet:\nNone"
    ),
    "cfengine_report": lambda s: (
        "info: Using command line specified bundlesequence\n" + each("R: {}", s)
    ),
    "otel_attr": lambda s: jdump(
        {
            "name": "ChatCompletion",
            "attributes": {"gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.content": s},
        }
    ),
}


# ---------------------------------------------------------------- look-alikes
def b64(b: bytes) -> str:
    return base64.b64encode(b).decode()


def b32(b: bytes) -> str:
    return base64.b32encode(b).decode().rstrip("=")


KIND_NAMES = [
    "langsmith-run-ids",
    "tool-call-ids",
    "mcp-session-ids",
    "vllm-request-ids",
    "ollama-blob-digests",
    "hf-revisions",
    "qdrant-point-ids",
    "chroma-content-ids",
    "weaviate-object-ids",
    "rag-doc-hashes",
    "promptfoo-eval-ids",
    "wandb-run-ids",
    "mlflow-run-ids",
    "notebook-cell-ids",
    "litellm-model-ids",
    "dart-define-flags",
    "xcode-team-profiles",
    "gradle-verification",
    "opam-cabal-hashes",
    "reg-binary-values",
    "consul-etcd-indexes",
    "juju-cfengine-ids",
    "pipeline-state-ids",
    "ray-sky-ids",
    "otel-trace-ids",
]


def lookalike(i: int, k: int) -> str:
    """The i-th look-alike text, of kind k (KIND_NAMES[k])."""
    seed = f"c42-lookalike-{i}".encode()
    h256 = hashlib.sha256(seed).hexdigest()
    h1 = hashlib.sha1(seed, usedforsecurity=False).hexdigest()
    md5 = hashlib.md5(seed, usedforsecurity=False).hexdigest()
    raw = hashlib.sha256(seed + b"raw").digest()
    raw512 = hashlib.sha512(seed).digest()
    u = str(uuid.UUID(bytes=hashlib.md5(seed + b"u", usedforsecurity=False).digest(), version=4))
    u2 = str(uuid.UUID(bytes=hashlib.md5(seed + b"v", usedforsecurity=False).digest(), version=4))
    ver = f"{RNG.randint(0, 9)}.{RNG.randint(0, 40)}.{RNG.randint(0, 99)}"
    s = RNG.choice(["billing", "search", "ingest", "auth-proxy", "reports", "mailer"])
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    rb = random.Random(seed)

    def tok(k2: int, alphabet: str = alnum) -> str:
        return "".join(rb.choice(alphabet) for _ in range(k2))

    if k == 0:
        return jdump(
            {
                "id": u,
                "name": "AgentExecutor",
                "run_type": "chain",
                "trace_id": u2,
                "dotted_order": f"20261207T091402{i:06d}Z{u2}.20261207T091403{i:06d}Z{u}",
                "session_id": str(uuid.UUID(bytes=raw[:16], version=4)),
                "extra": {"metadata": {"revision_id": h1[:7], "ls_run_depth": 1}},
            }
        )
    if k == 1:
        return jdump(
            {
                "id": "msg_01" + tok(22),
                "content": [
                    {
                        "type": "tool_use",
                        "id": "toolu_01" + tok(22),
                        "name": f"search_{s.replace('-', '_')}",
                        "input": {"query": f"{s} release {ver}"},
                    }
                ],
                "stop_reason": "tool_use",
                "openai_equivalent": {
                    "tool_call_id": "call_" + tok(24),
                    "response_id": "resp_" + h256[:48],
                },
            }
        )
    if k == 2:
        return (
            f"POST /mcp HTTP/1.1\r\nHost: mcp.{s}.internal\r\nMcp-Session-Id: {u}\r\nMcp-Protocol-Version: 2025-06-18\r\nLast-Event-ID: {h1[:16]}\r\n\r\n"
            + jline(
                {
                    "jsonrpc": "2.0",
                    "id": i,
                    "method": "tools/call",
                    "params": {
                        "name": "list_files",
                        "arguments": {"path": "/srv"},
                        "_meta": {"progressToken": md5},
                    },
                }
            )
        )
    if k == 3:
        return (
            f"INFO 12-07 09:14:{i % 60:02d} [logger.py:43] Received request chatcmpl-{md5}: prompt: '<|im_start|>user\\nsummarise the {s} report<|im_end|>', "
            f"params: SamplingParams(n=1, temperature=0.7, seed=None), prompt_token_ids: [151644, 872, 198], lora_request: None.\n"
            f"INFO 12-07 09:14:{i % 60:02d} [engine.py:316] Finished request cmpl-{h1[:32]}-0."
        )
    if k == 4:
        return (
            f'$ ollama show --modelfile {s}:latest\n# Modelfile generated by "ollama show"\nFROM /root/.ollama/models/blobs/sha256-{h256}\n'
            f'TEMPLATE """{{{{ .Prompt }}}}"""\nPARAMETER stop <|im_end|>\n$ ollama list\nNAME              ID              SIZE      MODIFIED\n{s}:latest    {h1[:12]}    4.7 GB    2 days ago'
        )
    if k == 5:
        return (
            f'>>> snapshot_download("acme/{s}-7b", revision="{h1}")\n'
            f"'/root/.cache/huggingface/hub/models--acme--{s}-7b/snapshots/{h1}'\n"
            f"$ ls -l ~/.cache/huggingface/hub/models--acme--{s}-7b/blobs\n-rw-r--r-- 1 root root 4943162240 Dec  7 09:14 {h256}"
        )
    if k == 6:
        return jdump(
            {
                "result": {
                    "points": [
                        {"id": u, "version": i, "score": 0.8731, "payload": {"source": f"{s}.md"}},
                        {"id": u2, "version": i + 1, "score": 0.8112},
                    ]
                },
                "status": "ok",
                "time": 0.00231,
            }
        )
    if k == 7:
        return (
            f'collection.upsert(\n    ids=["{h256}", "{hashlib.sha256(seed + b"2").hexdigest()}"],\n'
            f'    documents=["{s} release notes", "{s} changelog"],\n    metadatas=[{{"sha1": "{h1}"}}, {{"sha1": "{hashlib.sha1(seed + b"2", usedforsecurity=False).hexdigest()}"}}],\n)'
        )
    if k == 8:
        return jdump(
            {
                "data": {
                    "Get": {
                        "Chunk": [
                            {
                                "path": f"docs/{s}.md",
                                "_additional": {
                                    "id": u,
                                    "creationTimeUnix": str(1765099242000 + i),
                                    "distance": 0.187,
                                },
                            }
                        ]
                    }
                },
                "tenant": f"t-{h1[:10]}",
            }
        )
    if k == 9:
        return jdump(
            {
                "docstore/ref_doc_info": {
                    u: {"node_ids": [u2], "metadata": {"file_name": f"{s}.pdf"}}
                },
                "docstore/metadata": {u2: {"doc_hash": h256, "ref_doc_id": u}},
                "hash": hashlib.sha256(seed + b"h").hexdigest(),
            }
        )
    if k == 10:
        return (
            f"Eval eval-{tok(3)}-2026-12-07T09:14:{i % 60:02d} complete.\n» View results: promptfoo view\n"
            f"» Share with your team: https://app.promptfoo.dev/eval/f:{u}\nTest hash: {h1[:16]}  Prompt id: {h256[:12]}"
        )
    if k == 11:
        run = tok(8, "abcdefghijklmnopqrstuvwxyz0123456789")
        return (
            f"wandb: Tracking run with wandb version 0.19.1\nwandb: Run data is saved locally in ./wandb/run-20261207_091402-{run}\n"
            f"wandb: 🚀 View run at https://wandb.ai/acme/{s}/runs/{run}\nwandb: artifact model-{run}:v3 digest {b64(raw[:16])}"
        )
    if k == 12:
        return (
            f"2026/12/07 09:14:02 INFO mlflow.tracking._tracking_service.client: 🏃 View run {s}-{i} at: http://mlflow:5000/#/experiments/3/runs/{md5}\n"
            f"Registered model '{s}' version {i % 7 + 1}: source mlflow-artifacts:/3/{md5}/artifacts/model, run_id {md5}"
        )
    if k == 13:
        return jdump(
            {
                "cell_type": "code",
                "execution_count": i,
                "id": h1[:8],
                "metadata": {
                    "execution": {
                        "iopub.execute_input": "2026-12-07T09:14:02.112Z",
                        "shell.execute_reply": "2026-12-07T09:14:02.381Z",
                    }
                },
                "outputs": [
                    {
                        "data": {
                            "application/vnd.jupyter.widget-view+json": {
                                "model_id": md5,
                                "version_major": 2,
                            }
                        },
                        "output_type": "display_data",
                    }
                ],
                "source": [f"show_progress('{s}')"],
            }
        )
    if k == 14:
        return jdump(
            {
                "request_id": f"chatcmpl-{u}",
                "call_type": "acompletion",
                "model": "gpt-4o",
                "model_id": h256,
                "model_group": f"{s}-chat",
                "cache_key": hashlib.sha256(seed + b"c").hexdigest(),
                "spend": 0.00042,
            }
        )
    if k == 15:
        return (
            f"FLUTTER_ROOT=/opt/flutter\nFLUTTER_APPLICATION_PATH=/src/{s}\nDART_DEFINES={b64(b'FLAVOR=staging')},{b64(b'flutter.inspector.structuredErrors=true')},{b64(f'BUILD_SHA={h1[:12]}'.encode())}\n"
            f"DART_OBFUSCATION=false\nTRACK_WIDGET_CREATION=true\nFLUTTER_BUILD_NUMBER={i + 100}"
        )
    if k == 16:
        team = tok(10, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return (
            f"DEVELOPMENT_TEAM = {team}\nPROVISIONING_PROFILE = {u.upper()}\nCODE_SIGN_IDENTITY = Apple Distribution: Acme Ltd ({team})\n"
            f"$ xcrun notarytool submit build/{s}.zip --keychain-profile ci --wait\n  id: {u2}\n  status: Accepted\n  sha256: {h256}"
        )
    if k == 17:
        return (
            f'<component group="com.example.{s.replace("-", "")}" name="{s}-core" version="{ver}">\n'
            f'   <artifact name="{s}-core-{ver}.jar">\n      <sha256 value="{h256}" origin="Generated by Gradle"/>\n   </artifact>\n'
            f'   <artifact name="{s}-core-{ver}.module">\n      <sha256 value="{hashlib.sha256(seed + b"m").hexdigest()}" origin="Generated by Gradle"/>\n   </artifact>\n</component>'
        )
    if k == 18:
        return (
            f'url {{\n  src: "https://github.com/acme/{s}/archive/v{ver}.tar.gz"\n  checksum: [\n    "sha256={h256}"\n    "sha512={raw512.hex()}"\n  ]\n}}\n'
            f"-- cabal.project.freeze\nindex-state: hackage.haskell.org 2026-12-01T00:00:00Z\n-- stack.yaml.lock\n    sha256: {hashlib.sha256(seed + b's').hexdigest()}\n    size: {RNG.randint(1000, 9999)}"
        )
    if k == 19:
        return (
            f"Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\\{s.title()}]\n"
            f'"ProductCode"="{{{u.upper()}}}"\n"LastCheck"=hex:{",".join(f"{b:02x}" for b in raw[:8])}\n"Build"=dword:{i:08x}\n'
            f'"InstallDigest"=hex:{",".join(f"{b:02x}" for b in raw[8:28])}'
        )
    if k == 20:
        return (
            jdump(
                [
                    {"key": f"config/{s}/enabled", "flags": 0, "value": b64(b"true")},
                    {"key": f"config/{s}/region", "flags": 0, "value": b64(b"eu-west-1")},
                    {"key": f"config/{s}/build", "flags": 0, "value": b64(h1[:12].encode())},
                ]
            )
            + "\n$ etcdctl endpoint status -w json\n"
            + jline(
                [
                    {
                        "Endpoint": "127.0.0.1:2379",
                        "Status": {
                            "header": {
                                "cluster_id": int(h1[:15], 16),
                                "member_id": int(h1[15:30], 16),
                                "revision": i * 97,
                            }
                        },
                    }
                ]
            )
        )
    if k == 21:
        return (
            f"$ juju models --format yaml\nmodels:\n- name: admin/{s}\n  model-uuid: {u}\n  controller-uuid: {u2}\n"
            f"$ cf-key -s\nDirection  IP             Name                  Key\nIncoming   10.20.0.{i % 250 + 1}     {s}-node  SHA={h256}"
        )
    if k == 22:
        return (
            jdump(
                {
                    "connectionId": u,
                    "workspaceId": u2,
                    "jobId": i * 13,
                    "attempt": 1,
                    "status": "succeeded",
                }
            )
            + "\n"
            + jline(
                {
                    "type": "STATE",
                    "value": {
                        "bookmarks": {
                            f"{s}_events": {
                                "replication_key": "updated_at",
                                "replication_key_value": "2026-12-07T09:14:02Z",
                                "version": int(h1[:10], 16),
                            }
                        }
                    },
                }
            )
        )
    if k == 23:
        return (
            f"Job submission server address: http://ray-head:8265\n-------------------------------------------------------\n"
            f"Job 'raysubmit_{tok(16)}' submitted successfully\n-------------------------------------------------------\n"
            f"Node ID: {raw.hex()[:56]}\n$ sky status\nsky-{h1[:4]}-{s}  1x A100:1  UP"
        )
    return jdump(
        {
            "resourceSpans": [
                {
                    "scopeSpans": [
                        {
                            "spans": [
                                {
                                    "traceId": h1[:32],
                                    "spanId": md5[:16],
                                    "parentSpanId": h256[:16],
                                    "name": f"{s}.chat",
                                    "attributes": [
                                        {"key": "session.id", "value": {"stringValue": u}}
                                    ],
                                }
                            ]
                        }
                    ]
                }
            ],
            "phoenix_project_id": b64(f"Project:{i + 1}".encode()),
        }
    )


def lookalikes() -> list[tuple[str, str]]:
    """(kind, text) of benign texts of these contexts whose values look like credentials by shape only."""
    kinds = len(KIND_NAMES)
    return [(KIND_NAMES[i % kinds], lookalike(i, i % kinds)) for i in range(kinds * 16)]


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
        jesc(v, 2),
        jesc(v, 3),
        ansi_c(v),
        mysql_b(v),
        php_json(v),
        ent_num(v),
        x(x(v)),
        pct(v),
        printf_q(v),
        nginx_esc(v),
        sed_rhs(v),
    ):
        if form in text:
            return form
    return v


def pii_label(text: str) -> str:
    """`pii` for a text holding an IP, an e-mail-like address, an SSH fingerprint or a home path."""
    return (
        "pii" if f24.PII.search(text) or SSH_FINGERPRINT.search(text) or HOME.search(text) else ""
    )


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
                        "label": pii_label(LINE_CONTEXTS[context](line)),
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
                "label": pii_label(text),
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
