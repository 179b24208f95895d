"""Context templates of the eighth held-out corpus: where an AI/LLM stack's telemetry quotes a
secret, and the encodings and nesting it arrives in.

Earlier corpora's context lists (avoided as such; see bench/audit16g/contexts.py's docstring for
audit16 to audit16g) had plain HAR, Sentry, Jupyter source, LLM messages, OTel debug output, form
bodies, heredocs and continuations; here each is the AI stack's own form of it, and most are
encoded or nested once more.

``AI`` (the stack's structured output): OpenAI tool calls (``arguments`` an escaped JSON string),
Anthropic ``tool_use`` blocks, MCP server configs (``mcpServers`` … ``env``), LangChain verbose
tool traces (a Python repr inside a JSON string), LlamaIndex retrieval debug (a node's text),
OTLP span attributes (``gen_ai.*``, ``http.request.header.*``), Sentry event JSON (headers or
``extra``), HAR entries (headers, cookies or a JSON ``postData``), vLLM's ``Namespace(...)`` line,
Ollama's ``server config env="map[...]"`` line, a llama.cpp server launch, a coordinator error
quoting the failed request, Jupyter ``outputs`` (a ``text`` array, one element per line) and a
browser agent's Netscape cookie jar. ``LOOSE`` (no key name next to the value): a chat
transcript where the user pastes the value, an agent scratchpad's Observation, a markdown answer
with a fenced block, a sentence quoting the value in backticks. ``ENCODED``: a URL query
(percent-encoded), a form body (``+`` and ``%XX``), JSON escaped three times (``\\\\\\"``),
System.Text.Json's ``\\uXXXX`` escapes, HTML entities, a ``data:`` URI, HTTP Basic auth (base64
of ``user:value``: the secret is that base64), quoted-printable MIME (``=3D``, soft breaks
``=\\n`` that may split the value), YAML block scalars, heredocs, shell line continuations, and a
JSON array of 80-column lines that splits a long value in two (``also`` holds the second part).

Each template is ``fn(family, value, secret, rng) -> (text, secret as it appears, also)``.
"""

from __future__ import annotations

import base64
import html
import json
import random
import urllib.parse
from collections.abc import Callable

Result = tuple[str, str, list[str]]
Context = Callable[[dict, str, str, random.Random], Result]


def jstr(text: str) -> str:
    """The text as it appears inside a JSON string."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def rstr(text: str) -> str:
    """The text as it appears inside a Python repr in single quotes."""
    return repr(text)[1:-1]


def shq(text: str) -> str:
    return text if all(c.isalnum() or c in "-_./:@%+=,~" for c in text) else "'" + text + "'"


def hexs(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def lower(env: str) -> str:
    return env.lower()


def kebab(env: str) -> str:
    return env.lower().replace("_", "-")


def header(f: dict, value: str) -> tuple[str, str]:
    """The HTTP header a value travels in."""
    if f["source"] == "cookie":
        return "cookie", value
    if f["kind"] == "token":
        return (
            ("authorization", "Bearer " + value)
            if f["source"] in ("vendor", "stack")
            else ("x-" + kebab(f["env"]), value)
        )
    return "x-" + kebab(f["env"]), value


# --- AI ----------------------------------------------------------------------------------------------


def openai_tool_call(f: dict, v: str, s: str, rng: random.Random) -> Result:
    args = json.dumps({"name": f["env"], "value": v, "scope": "workspace"})
    msg = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": f"call_{hexs(rng, 24)}",
                "type": "function",
                "function": {"name": "set_secret", "arguments": args},
            }
        ],
    }
    return "tool call rejected by policy: " + json.dumps(msg), jstr(jstr(s)), []


def anthropic_tool_use(f: dict, v: str, s: str, rng: random.Random) -> Result:
    block = {
        "type": "tool_use",
        "id": f"toolu_01{hexs(rng, 22)}",
        "name": "bash",
        "input": {"command": f"export {f['env']}={shq(v)} && python -m evals.run --suite smoke"},
    }
    return (
        "anthropic stop_reason=tool_use; content[1] = " + json.dumps(block, ensure_ascii=False),
        jstr(s),
        [],
    )


def mcp_config(f: dict, v: str, s: str, rng: random.Random) -> Result:
    cfg = {
        "mcpServers": {
            f"{f['word']}-tools": {
                "command": "npx",
                "args": ["-y", f"@acme/{f['word']}-mcp@1.4.2"],
                "env": {f["env"]: v, "LOG_LEVEL": "debug"},
            }
        }
    }
    return (
        "MCP server failed to start (exit 1). Config:\n"
        + json.dumps(cfg, indent=2, ensure_ascii=False),
        jstr(s),
        [],
    )


def langchain_trace(f: dict, v: str, s: str, rng: random.Random) -> Result:
    tool_input = repr(
        {"url": f"https://api.{f['word']}.example/v1/query", "params": {lower(f["env"]): v}}
    )
    return (
        "[tool/start] [1:chain:AgentExecutor > 3:tool:requests_get] Entering Tool run with input:\n"
        + json.dumps(tool_input, ensure_ascii=False)
        + "\n[tool/error] [1:chain:AgentExecutor > 3:tool:requests_get] [412ms] Tool run errored with error:\nHTTPError('401 Client Error')",
        jstr(rstr(s)),
        [],
    )


def llamaindex_debug(f: dict, v: str, s: str, rng: random.Random) -> Result:
    return (
        f"DEBUG:llama_index.core.indices.utils:> Top 2 nodes:\n"
        f"> [Node {hexs(rng, 8)}-{hexs(rng, 4)}-{hexs(rng, 4)}-{hexs(rng, 4)}-{hexs(rng, 12)}] [Similarity score:             0.81] # deploy/.env\n"
        f"{f['env']}={v}\n"
        f"> [Node {hexs(rng, 8)}-{hexs(rng, 4)}-{hexs(rng, 4)}-{hexs(rng, 4)}-{hexs(rng, 12)}] [Similarity score:             0.77] Restart the worker after rotating keys.",
        s,
        [],
    )


def otel_span(f: dict, v: str, s: str, rng: random.Random) -> Result:
    name, hv = header(f, v) if f["kind"] != "multi" else ("x-" + kebab(f["env"]), v)
    span = {
        "traceId": hexs(rng, 32),
        "spanId": hexs(rng, 16),
        "name": "chat qwen2.5-7b-instruct",
        "kind": 3,
        "attributes": [
            {"key": "gen_ai.system", "value": {"stringValue": "openai"}},
            {"key": "gen_ai.request.model", "value": {"stringValue": "qwen2.5-7b-instruct"}},
            {
                "key": f"http.request.header.{name}",
                "value": {"arrayValue": {"values": [{"stringValue": hv}]}},
            },
            {"key": "http.response.status_code", "value": {"intValue": "401"}},
        ],
        "status": {"code": 2, "message": "Unauthorized"},
    }
    return "otlp export dropped span: " + json.dumps(span, ensure_ascii=False), jstr(s), []


def sentry_event(f: dict, v: str, s: str, rng: random.Random) -> Result:
    event = {
        "event_id": hexs(rng, 32),
        "level": "error",
        "platform": "python",
        "exception": {"values": [{"type": "AuthenticationError", "value": "Error code: 401"}]},
        "request": {
            "url": "http://coordinator:8003/v1/chat/completions",
            "method": "POST",
            "headers": [["Content-Type", "application/json"]],
        },
        "extra": {},
    }
    if f["kind"] == "token" and rng.random() < 0.5:
        event["request"]["headers"].append(list(header(f, v)))  # type: ignore[index]
    else:
        event["extra"] = {lower(f["env"]): v}
    return json.dumps(event, ensure_ascii=False), jstr(s), []


def har_entry(f: dict, v: str, s: str, rng: random.Random) -> Result:
    req: dict = {
        "method": "POST",
        "url": f"https://api.{f['word']}.example/v1/embeddings",
        "httpVersion": "HTTP/2",
        "headers": [{"name": "content-type", "value": "application/json"}],
        "cookies": [],
    }
    secret = jstr(s)
    if f["source"] == "cookie":
        name, _, val = v.partition("=")
        req["cookies"].append({"name": name, "value": val})
    elif f["kind"] == "token":
        name, hv = header(f, v)
        req["headers"].append({"name": name, "value": hv})
    else:
        req["postData"] = {
            "mimeType": "application/json",
            "text": json.dumps({lower(f["env"]): v}, ensure_ascii=False),
        }
        secret = jstr(jstr(s))
    entry = {
        "startedDateTime": "2026-12-05T10:15:02.113Z",
        "time": 211.4,
        "request": req,
        "response": {"status": 401, "statusText": "Unauthorized"},
    }
    return (
        json.dumps({"log": {"version": "1.2", "entries": [entry]}}, ensure_ascii=False),
        secret,
        [],
    )


def vllm_namespace(f: dict, v: str, s: str, rng: random.Random) -> Result:
    key = "api_key" if f["kind"] == "token" else lower(f["env"])
    return (
        "INFO 12-05 10:15:02 [api_server.py:1395] vLLM API server version 0.9.2\n"
        f"INFO 12-05 10:15:02 [cli_args.py:325] args: Namespace(host='0.0.0.0', port=8000, {key}=[{v!r}], "
        "model='Qwen/Qwen2.5-7B-Instruct', max_model_len=32768, gpu_memory_utilization=0.9, served_model_name=['local-qwen'])\n"
        "ERROR 12-05 10:15:09 [engine.py:160] RuntimeError: CUDA out of memory",
        rstr(s),
        [],
    )


def ollama_env(f: dict, v: str, s: str, rng: random.Random) -> Result:
    return (
        f'time=2026-12-05T10:15:02.113Z level=INFO source=routes.go:1259 msg="server config" '
        f'env="map[CUDA_VISIBLE_DEVICES: HTTPS_PROXY: OLLAMA_DEBUG:false OLLAMA_HOST:http://0.0.0.0:11434 '
        f'OLLAMA_KEEP_ALIVE:5m0s {f["env"]}:{v} OLLAMA_MODELS:/var/lib/ollama/models OLLAMA_NUM_PARALLEL:0]"',
        s,
        [],
    )


def llamacpp_launch(f: dict, v: str, s: str, rng: random.Random) -> Result:
    flag = f"--api-key {shq(v)}" if f["kind"] == "token" else "--alias local-qwen"
    lead = "" if f["kind"] == "token" else f"{f['env']}={shq(v)} "
    return (
        f"+ {lead}llama-server -m /models/qwen2.5-7b-instruct-q4_k_m.gguf --host 0.0.0.0 --port 8080 -c 8192 -ngl 99 {flag}\n"
        "build: 4589 (a4417ddd) with cc (GCC) 13.3.0 for x86_64-unknown-linux-gnu\n"
        "main: error: failed to bind 0.0.0.0:8080: Address already in use",
        s,
        [],
    )


def coordinator_error(f: dict, v: str, s: str, rng: random.Random) -> Result:
    body = json.dumps(
        {
            "model": "local-qwen",
            "messages": [{"role": "user", "content": "summarize"}],
            "metadata": {lower(f["env"]): v},
        },
        ensure_ascii=False,
    )
    return (
        f"coordinator: POST http://127.0.0.1:8003/v1/chat/completions failed after 3 attempts "
        f"(last: 502 Bad Gateway, request_id={hexs(rng, 8)}); request body was {body}",
        jstr(s),
        [],
    )


def jupyter_outputs(f: dict, v: str, s: str, rng: random.Random) -> Result:
    lines = [
        f"{f['env']}={line}\n" if i == 0 else line + "\n" for i, line in enumerate(v.split("\n"))
    ]
    cell = {
        "cell_type": "code",
        "execution_count": rng.randrange(3, 40),
        "id": hexs(rng, 8),
        "metadata": {},
        "outputs": [
            {
                "name": "stdout",
                "output_type": "stream",
                "text": ["loaded settings:\n", *lines, "connecting...\n"],
            }
        ],
        "source": ["from app.settings import load\n", "load(verbose=True)"],
    }
    return json.dumps(cell, ensure_ascii=False), jstr(s), []


def cookie_jar(f: dict, v: str, s: str, rng: random.Random) -> Result:
    name, val = v.partition("=")[::2] if f["source"] == "cookie" else (lower(f["env"]), v)
    if "\n" in val:
        val = val.replace("\n", "\\n")
        s = s.replace("\n", "\\n")
    return (
        "# Netscape HTTP Cookie File\n# written by browser-agent 0.4.1 before the crash\n"
        f".{f['word']}.example\tTRUE\t/\tTRUE\t1767225600\t_ga\tGA1.2.{rng.randrange(10**9)}.1764929051\n"
        f".{f['word']}.example\tTRUE\t/\tTRUE\t1767225600\t{name}\t{val}",
        s,
        [],
    )


# --- LOOSE -------------------------------------------------------------------------------------------


def chat_paste(f: dict, v: str, s: str, rng: random.Random) -> Result:
    messages = [
        {"role": "system", "content": "You are a helpful assistant."},
        {
            "role": "user",
            "content": f"it still says 401. this is what I have: {v} (copied from the {f['word']} dashboard just now)",
        },
    ]
    return (
        "context window exceeded (8192 tokens); messages="
        + json.dumps(messages, ensure_ascii=False),
        jstr(s),
        [],
    )


def agent_scratchpad(f: dict, v: str, s: str, rng: random.Random) -> Result:
    return (
        "Thought: the request failed, I should look for the credentials the user mentioned.\n"
        f"Action: read_file\nAction Input: ~/.config/{f['word']}/credentials\n"
        f"Observation: {v}\n"
        "Thought: I found it, retrying the request.",
        s,
        [],
    )


def markdown_answer(f: dict, v: str, s: str, rng: random.Random) -> Result:
    if "\n" in v:
        body = (
            "```yaml\nsecrets:\n  value: |\n"
            + "\n".join("    " + line for line in v.split("\n"))
            + "\n```"
        )
    else:
        body = f"```\n{v}\n```"
    return (
        f"assistant: Your configuration looks right. Paste this exactly as it is into the settings page:\n\n{body}\n\n"
        "Then click **Save** and restart the container.",
        s,
        [],
    )


def backtick_prose(f: dict, v: str, s: str, rng: random.Random) -> Result:
    v1 = v.replace("\n", " ")
    return (
        f"The upstream rejected `{v1}` with 403; it was issued for another workspace.",
        s.replace("\n", " "),
        [],
    )


# --- ENCODED -----------------------------------------------------------------------------------------


def url_query(f: dict, v: str, s: str, rng: random.Random) -> Result:
    q = urllib.parse.quote
    return (
        f"httpx INFO HTTP Request: GET https://api.{f['word']}.example/v1/search?q=llama&{lower(f['env'])}={q(v, safe='')} "
        '"HTTP/1.1 401 Unauthorized"',
        q(s, safe=""),
        [],
    )


def form_body(f: dict, v: str, s: str, rng: random.Random) -> Result:
    q = urllib.parse.quote_plus
    return (
        f"POST /oauth/token -> 400 invalid_client; body: grant_type=client_credentials&client_id=ml-agent&"
        f"{lower(f['env'])}={q(v)}&scope=inference",
        q(s),
        [],
    )


def json_thrice(f: dict, v: str, s: str, rng: random.Random) -> Result:
    inner = json.dumps({f["env"]: v}, ensure_ascii=False)
    mid = json.dumps({"task": "reindex", "payload": inner}, ensure_ascii=False)
    outer = json.dumps(
        {"level": "error", "logger": "celery.worker", "msg": "task failed", "args": mid},
        ensure_ascii=False,
    )
    return outer, jstr(jstr(jstr(s))), []


NET = {
    "+": "\\u002B",
    "<": "\\u003C",
    ">": "\\u003E",
    "&": "\\u0026",
    "'": "\\u0027",
    '"': "\\u0022",
    "\n": "\\n",
    "\\": "\\\\",
}


def net_escape(text: str) -> str:
    return "".join(NET.get(c, c) for c in text)


def net_json(f: dict, v: str, s: str, rng: random.Random) -> Result:
    return (
        '{"Timestamp":"2026-12-05T10:15:02.113+00:00","Level":"Error","MessageTemplate":"Upstream call failed",'
        f'"Properties":{{"Body":"{{\\u0022{f["env"]}\\u0022:\\u0022{net_escape(v)}\\u0022}}","SourceContext":"Gateway.Proxy"}}}}',
        net_escape(s),
        [],
    )


def html_page(f: dict, v: str, s: str, rng: random.Random) -> Result:
    body = html.escape(json.dumps({f["env"]: v}, ensure_ascii=False))
    return (
        "<html><head><title>500 Internal Server Error</title></head><body><h1>Server Error</h1>"
        f'<pre class="traceback">ValueError: bad settings {body}</pre></body></html>',
        html.escape(jstr(s)),
        [],
    )


def data_uri(f: dict, v: str, s: str, rng: random.Random) -> Result:
    q = urllib.parse.quote
    part = {
        "type": "file",
        "file": {
            "filename": "settings.env",
            "file_data": f"data:text/plain;charset=utf-8,{q(f['env'] + '=' + v, safe='')}",
        },
    }
    return (
        "400 invalid_request_error: unsupported file type in " + json.dumps(part),
        q(s, safe=""),
        [],
    )


def basic_auth(f: dict, v: str, s: str, rng: random.Random) -> Result:
    blob = base64.b64encode(f"{f['word']}-svc:{v}".encode()).decode()
    return (
        f"> POST /v1/completions HTTP/1.1\n> Host: gateway.acme.example\n> Authorization: Basic {blob}\n"
        "> Content-Type: application/json\n>\n< HTTP/1.1 401 Unauthorized",
        blob,
        [],
    )


def _qp_char(c: str) -> str:
    if c == "=" or (not (33 <= ord(c) <= 126) and c != " "):
        return "".join(f"={b:02X}" for b in c.encode())
    return c


def quoted_printable(f: dict, v: str, s: str, rng: random.Random) -> Result:
    line = "".join(_qp_char(c) for c in f"{f['env']}={v}".replace("\n", "\r\n"))
    enc = "".join(_qp_char(c) for c in s)
    start = line.index(enc)
    cuts, at = [], 0
    while len(line) - at > 75:
        cut = at + 75
        while "=" in line[cut - 2 : cut]:
            cut -= 1
        cuts.append(cut)
        at = cut
    pieces = [line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)], strict=False)]
    text = "=\n".join(pieces)
    parts, pos = [], start
    for a, b in zip([0, *cuts], [*cuts, len(line)], strict=False):
        lo, hi = max(a, pos), min(b, start + len(enc))
        if lo < hi:
            parts.append(line[lo:hi])
    parts.sort(key=len, reverse=True)
    parts = [parts[0]] + [p for p in parts[1:] if len(p) >= 8]
    head = (
        "From: coordinator@ai-node.acme.example\nSubject: [alert] sync failed\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
    )
    return head + text, parts[0], parts[1:]


def yaml_block(f: dict, v: str, s: str, rng: random.Random) -> Result:
    if "\n" in v:
        val = "|\n" + "\n".join("      " + line for line in v.split("\n"))
    else:
        val = ">-\n      " + v
    return (
        "helm upgrade failed: values.yaml line 14: unknown field\n"
        f"inference:\n  env:\n    {f['env']}: {val}\n  replicas: 2",
        s,
        [],
    )


def heredoc(f: dict, v: str, s: str, rng: random.Random) -> Result:
    val = f'"{v}"' if "\n" in v or " " in v else v
    return (
        f"+ cat > /etc/{f['word']}/runtime.env <<'EOF'\n{f['env']}={val}\nLOG_FORMAT=json\nEOF\n"
        f"cat: /etc/{f['word']}/runtime.env: Permission denied",
        s,
        [],
    )


def continuation(f: dict, v: str, s: str, rng: random.Random) -> Result:
    val = shq(v) if "\n" not in v else "'" + v + "'"
    return (
        'docker: Error response from daemon: could not select device driver "nvidia". Command was:\n'
        "docker run -d --gpus all \\\n"
        f"  -e {f['env']}={val} \\\n"
        "  -p 8000:8000 \\\n"
        "  vllm/vllm-openai:v0.9.2 --model Qwen/Qwen2.5-7B-Instruct",
        s,
        [],
    )


def split_lines(f: dict, v: str, s: str, rng: random.Random) -> Result:
    line = (
        f'{{"ts":"2026-12-05T10:15:02Z","level":"warn","{f["env"]}":"{jstr(v)}","msg":"retrying"}}'
    )
    at = line.index(jstr(s)) + len(jstr(s)) // 2
    cut = min(max(at, 1), len(line) - 1)
    lines = [line[:cut], line[cut:]]
    start = line.index(jstr(s))
    first, second = jstr(s)[: cut - start], jstr(s)[cut - start :]
    return (
        "kubectl logs captured (80 col): " + json.dumps({"lines": lines}, ensure_ascii=False),
        jstr(first),
        [jstr(second)],
    )


AI: dict[str, Context] = {
    "openai-tool-call": openai_tool_call,
    "anthropic-tool-use": anthropic_tool_use,
    "mcp-config": mcp_config,
    "langchain-trace": langchain_trace,
    "llamaindex-debug": llamaindex_debug,
    "otel-span": otel_span,
    "sentry-event": sentry_event,
    "har-entry": har_entry,
    "vllm-namespace": vllm_namespace,
    "ollama-env": ollama_env,
    "llamacpp-launch": llamacpp_launch,
    "coordinator-error": coordinator_error,
    "jupyter-outputs": jupyter_outputs,
    "cookie-jar": cookie_jar,
}
LOOSE: dict[str, Context] = {
    "chat-paste": chat_paste,
    "agent-scratchpad": agent_scratchpad,
    "markdown-answer": markdown_answer,
    "backtick-prose": backtick_prose,
}
ENCODED: dict[str, Context] = {
    "url-query": url_query,
    "form-body": form_body,
    "json-thrice": json_thrice,
    "net-json": net_json,
    "html-page": html_page,
    "data-uri": data_uri,
    "basic-auth": basic_auth,
    "quoted-printable": quoted_printable,
    "yaml-block": yaml_block,
    "heredoc": heredoc,
    "continuation": continuation,
    "split-lines": split_lines,
}
NOT_MULTI = {
    "basic-auth",
    "split-lines",
    "backtick-prose",
    "vllm-namespace",
    "ollama-env",
    "cookie-jar",
}
