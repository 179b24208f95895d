"""Build fixtures24: the three scanners' own test samples placed in contexts of our own.

``python bench/fixtures24/make.py`` reads samples.json (extract.py's output: gitleaks' per-rule
tps/fps, trufflehog's detector-test ``want`` values, detect-secrets' plugin-test cases) and
writes secrets.jsonl and benign.jsonl (seed 24024). Each true-positive value becomes one secret
row in a log line, command or config snippet drawn from CONTEXTS (or, when the fixture is a whole
line, that line quoted in a log/diff/traceback frame); each false-positive fixture becomes one
benign row in a frame that itself holds nothing to redact, and a second one for half of them.
Row format as scanners16i: family, context, text, secret, source, also (other credentials of
the same sample), plus rule and kind (value or line).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
RNG = random.Random(24024)

STOP = {
    "api",
    "key",
    "token",
    "secret",
    "access",
    "pat",
    "v1",
    "v2",
    "v3",
    "detector",
    "id",
    "auth",
}


def words(rule: str) -> list[str]:
    parts = [w for w in re.split(r"[^a-z0-9]+", rule.lower()) if w]
    return parts or ["svc"]


def vendor(rule: str) -> str:
    ws = [w for w in words(rule) if w not in STOP] or words(rule)
    return ws[0] if len(ws) == 1 else "_".join(ws[:2])


def env_name(rule: str) -> str:
    v = vendor(rule).upper()
    kind = RNG.choice(
        ["API_KEY", "TOKEN", "SECRET", "API_TOKEN", "KEY", "ACCESS_TOKEN", "SECRET_KEY"]
    )
    return f"{v}_{kind}"


def camel(name: str) -> str:
    head, *rest = name.lower().split("_")
    return head + "".join(w.title() for w in rest)


def host(rule: str) -> str:
    return vendor(rule).replace("_", "") + ".example.com"


# A context takes (rule, value, extra lines for ids/other parts) and returns the text.
def c_shell(r, v, x):
    return "".join(f"export {k}={w}\n" for k, w in x) + f"export {env_name(r)}={v}"


def c_inline(r, v, x):
    return f"{env_name(r)}='{v}' ./scripts/deploy.sh --env staging"


def c_curl(r, v, x):
    h = host(r)
    form = RNG.choice(
        [
            f'curl -sS -H "Authorization: Bearer {v}" https://api.{h}/v1/account',
            f'curl -s https://api.{h}/v2/status -H "X-API-Key: {v}"',
            f"curl -X POST 'https://api.{h}/v1/events' -H 'Content-Type: application/json' -H 'Authorization: Token {v}' -d '{{}}'",
        ]
    )
    return "".join(f"# {k}={w}\n" for k, w in x) + form


def c_json(r, v, x):
    body = {camel(k): w for k, w in x}
    body[camel(env_name(r))] = v
    return json.dumps({"level": "error", "msg": "upstream rejected credentials", "config": body})


def c_yaml(r, v, x):
    lines = [f"{vendor(r)}:"] + [f"  {k.lower()}: {w}" for k, w in x]
    lines.append(f'  {RNG.choice(["api_key", "token", "secret", "access_token"])}: "{v}"')
    return "\n".join(lines)


def c_dotenv(r, v, x):
    return "".join(f"{k}={w}\n" for k, w in x) + f"{env_name(r)}={v}"


def c_python(r, v, x):
    cls = vendor(r).title().replace("_", "")
    args = "".join(f'{k.lower()}="{w}", ' for k, w in x)
    return RNG.choice(
        [
            f'client = {cls}Client({args}api_key="{v}")',
            f'os.environ["{env_name(r)}"] = "{v}"',
            f'headers = {{"Authorization": "Bearer {v}"}}',
        ]
    )


def c_ci(r, v, x):
    n = env_name(r)
    return RNG.choice(
        [
            f"2026-12-05T10:11:12.345Z [build] Step 4/9 : ENV {n}={v}",
            f"##[debug]Evaluating: env.{n} => '{v}'",
            f"+ docker run --rm -e {n}={v} registry.local/app:1.4.2 migrate",
        ]
    )


def c_prose(r, v, x):
    word = vendor(r).replace("_", " ")
    extra = "".join(f" ({k.lower().replace('_', ' ')} {w})" for k, w in x)
    return RNG.choice(
        [
            f"here's the {word} key you asked for{extra}: {v}",
            f"hey, can you check why {word} keeps returning 401? I'm using {v}{extra}",
            f"rotated the {word} token this morning, new one is {v}{extra}",
        ]
    )


def c_js(r, v, x):
    n = env_name(r)
    return f'const {camel(n)} = process.env.{n} || "{v}";'


def c_traceback(r, v, x):
    return (
        "Traceback (most recent call last):\n"
        '  File "/app/sync.py", line 88, in push\n'
        "    resp.raise_for_status()\n"
        f"requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.{host(r)}/v2/items?api_key={v}"
    )


def c_kubectl(r, v, x):
    args = "".join(f" --from-literal={k.lower()}={w}" for k, w in x)
    return f"kubectl create secret generic {vendor(r).replace('_', '-')}-creds{args} --from-literal={RNG.choice(['token', 'api-key', 'secret'])}={v}"


def c_ini(r, v, x):
    return f"[{vendor(r)}]\n" + "".join(f"{k.lower()} = {w}\n" for k, w in x) + f"token = {v}"


CONTEXTS = {
    "shell": c_shell,
    "inline": c_inline,
    "curl": c_curl,
    "json": c_json,
    "yaml": c_yaml,
    "dotenv": c_dotenv,
    "python": c_python,
    "ci": c_ci,
    "prose": c_prose,
    "js": c_js,
    "traceback": c_traceback,
    "kubectl": c_kubectl,
    "ini": c_ini,
}

# A fixture that is a whole line: quoted in a frame of our own.
LINE_FRAMES = [
    ("grep", "$ grep -rn token config/\nconfig/app.conf:12:{line}"),
    ("diff", "diff --git a/settings.cfg b/settings.cfg\n@@ -3,1 +3,1 @@\n-# placeholder\n+{line}"),
    ("log", "2026-12-05 09:14:02,118 ERROR loader: could not parse line 7: {line}"),
    ("markdown", "Config that fails for me:\n```\n{line}\n```"),
    ("raw", "{line}"),
]

# A benign fixture: frames that carry nothing to redact themselves.
BENIGN_FRAMES = [
    ("raw", "{line}"),
    ("lint", "WARN lint: line 7 looks unusual: {line}"),
    ("markdown", "Example from the docs:\n```\n{line}\n```"),
    ("grep", "$ grep -n value src/main.txt\n41:{line}"),
    ("log", "2026-12-05 09:14:02,118 INFO parser: read {line}"),
]


# Labels (second commit, after the first measurement): fixture samples that are no secret.
PLACEHOLDER = re.compile(
    r"(.)\1{7,}|fake|example|abcdefgh|1234567890|123abc|0000-0000|xxxxxxxxxx", re.IGNORECASE
)
NOT_CREDENTIAL = re.compile(
    r"password|[a-z]+(?:_[a-z]+)+|[a-z]+(?:[A-Z][a-z]+)+"  # a field's name the test wants
    r"|(?:https?://)?[a-z0-9-]{1,20}(?:\.[a-z0-9-]{1,20})*\.(?:com|net|org|io|dev)(?::\d+)?/?"  # a host or URL
    r"|[\w.+-]{1,20}@[\w-]+(?:\.[\w-]+)+"  # an email address
    r"|\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?"  # an IP address
)


def secret_label(value: str) -> str:
    """Return why a true-positive fixture is no secret ("" when it is one)."""
    if NOT_CREDENTIAL.fullmatch(value):
        return "not-a-credential"
    if PLACEHOLDER.search(value):
        return "placeholder"
    return ""


# A false-positive fixture that fedlearn rightly changes: personal data it always takes, or a
# value in a live credential's shape (a prefix and a random body, or a random value under a
# secret's name) that the scanner's test keeps only because that one rule does not match it.
PII = re.compile(r"(?<![\w.])(?:\d{1,3}(?:\.\d{1,3}){3}|[\w.+-]+@[\w-]+\.[\w.-]+)(?![\w])")
RANDOM_RUN = re.compile(r"[A-Za-z0-9_+/=~-]{20,}")
SECRET_NAME = re.compile(
    r"(?i)(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)[\"']?\s*(?::=|=>|[:=])\s*[\"']?([^\s\"']{6,})"
)


def generated(run: str) -> bool:
    """Return whether a run reads as drawn at random (mixed classes, varied, no fill)."""
    if PLACEHOLDER.search(run) or ("/" in run.strip("/") and run.count("/") > 2):
        return False
    classes = sum(any(f(c) for c in run) for f in (str.islower, str.isupper, str.isdigit))
    return (
        classes >= 2 and len(set(run)) >= 0.4 * min(len(run), 40) and any(c.isdigit() for c in run)
    )


def benign_label(line: str) -> str:
    """Return why fedlearn may rightly change a false-positive fixture ("" when it should not)."""
    if any(generated(run) for run in RANDOM_RUN.findall(line)):
        return "secret-shaped"
    m = SECRET_NAME.search(line)
    if m and not PLACEHOLDER.search(m.group(1)) and not m.group(1).startswith(("$", "{", "<", "%")):
        return "secret-shaped"
    if PII.search(line):
        return "pii"
    return ""


URL_TAIL = re.compile(r"https?://\S+\Z")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def split_want(value: str) -> tuple[str, list[str]]:
    """
    Split a trufflehog ``want`` that joins a credential with its context (``key:user@x.com``,
    ``<token>https://gitlab.com``): the most varied part is the secret, the rest goes beside it.
    """
    if value.lstrip().startswith(("{", "-----")):
        return value, []
    beside = []
    if (m := URL_TAIL.search(value)) and m.start() >= 6:
        beside.append(m.group())
        value = value[: m.start()].rstrip(":")
    emails = EMAIL.findall(value)
    if emails and EMAIL.sub("", value).strip(":") and len(EMAIL.sub("", value).strip(":")) >= 6:
        beside += emails
        value = EMAIL.sub("", value)
    parts = [p for p in value.split(":") if p]
    if len(parts) > 1 and not value.startswith("http"):
        best = max(parts, key=lambda p: (len(set(p)), len(p)))
        beside += [p for p in parts if p is not best]
        value = best
    return value.strip(), beside


def main() -> None:
    data = json.loads((HERE / "samples.json").read_text(encoding="utf-8"))
    rows, seen = [], set()
    for scanner, block in data.items():
        for s in block["tps"]:
            value = (s.get("secret") or "").strip().strip("'\"=: ")
            extra_with = list(s.get("with", []))
            if scanner == "trufflehog" and value == s.get("want"):
                value, beside = split_want(value)
                extra_with += beside
            if len(value) < 6 or (s["rule"], value) in seen:
                continue
            seen.add((s["rule"], value))
            family = f"{scanner}:{s['rule']}"
            also = [a for a in s.get("also", []) if len(a) >= 6]
            extra = [
                (f"{vendor(s['rule']).upper()}_{'SECRET' if a in also else 'ID'}", a)
                for a in also + extra_with
            ][:3]
            line = s.get("line")
            if line and value in line and RNG.random() < 0.5:
                context, frame = RNG.choice(LINE_FRAMES)
                text = frame.replace("{line}", line)
                kind = "line"
            else:
                context = RNG.choice(sorted(CONTEXTS))
                text = CONTEXTS[context](s["rule"], value, extra)
                kind = "value"
            rows.append(
                {
                    "family": family,
                    "context": context,
                    "text": text,
                    "secret": value,
                    "source": scanner,
                    "also": also,
                    "rule": s["rule"],
                    "kind": kind,
                    "label": secret_label(value),
                }
            )
    benign, seen_b = [], set()
    for scanner, block in data.items():
        for f in block.get("fps", []):
            line = f["line"].strip("\n")
            if not line.strip() or line in seen_b:
                continue
            seen_b.add(line)
            frames = RNG.sample(BENIGN_FRAMES, 2 if RNG.random() < 0.5 else 1)
            for context, frame in frames:
                benign.append(
                    {
                        "family": f"{scanner}:{f['rule']}",
                        "context": context,
                        "text": frame.replace("{line}", line),
                        "source": scanner,
                        "label": benign_label(line),
                    }
                )
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as out:
        for r in benign:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(
        len(rows),
        "secret rows in",
        len({r["family"] for r in rows}),
        "families;",
        len(benign),
        "benign rows,",
        len(seen_b),
        "distinct",
    )


if __name__ == "__main__":
    main()
