"""Write the audit corpus (issue 16): secrets.jsonl and benign.jsonl, from shapes.json.

Run from the repository root: ``python bench/audit16/make_eval.py``. Deterministic (seed 16).
Every secret is random, generated from the shape of one public scanner rule (gitleaks' default
config, trufflehog's detectors; see shapes.py), so it copies none of our fixtures. Each is placed
in seven contexts: bare in prose, a shell command flag, ``KEY=value``, JSON, YAML, a URL, and a
log line with non-ASCII text around it. A family whose rule wants a keyword near the token gets
``<keyword> key`` before it in prose and the log line; a family whose token starts with its own
literal prefix (three characters or more) stands bare there. detect-secrets' keyword plugin cases
(keyword.json) and its other plugins' forms get a new generated password or key each. The benign
lines are technical strings that look risky and must come through as is.
"""

from __future__ import annotations

import json
import random
import re
import sre_constants as C  # noqa: N812
import sre_parse
import string
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(16)
PRINTABLE = string.ascii_letters + string.digits
EVERY = [chr(c) for c in range(33, 127)]


def category_chars(code: object) -> list[str]:
    """Return the characters of a ``\\d``/``\\w``/``\\s`` category."""
    name = str(code)
    if "DIGIT" in name:
        chars = list(string.digits)
    elif "WORD" in name:
        chars = list(string.ascii_letters + string.digits + "_")
    elif "SPACE" in name:
        chars = [" "]
    else:
        return []
    if "NOT" in name:
        return [c for c in EVERY if c not in chars]
    return chars


def class_chars(items: list[tuple[object, object]]) -> list[str]:
    """Return the characters an ``IN`` node accepts (printable ASCII only)."""
    negate = False
    chars: set[str] = set()
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is C.RANGE:
            low, high = av  # type: ignore[misc]
            chars |= {chr(c) for c in range(low, high + 1) if 32 < c < 127}
        elif op is C.CATEGORY:
            chars |= set(category_chars(av))
    if negate:
        return [c for c in EVERY if c not in chars and c not in "\"'`<>\\ "]
    return sorted(c for c in chars if c.isprintable() and c not in "\r\n\t")


def generate(tree: sre_parse.SubPattern, out: list[str]) -> None:
    """Append a random string matching ``tree`` to ``out`` (repeats kept short)."""
    for op, av in tree:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            out.append(rng.choice([c for c in PRINTABLE if c != chr(av)]))
        elif op is C.ANY:
            out.append(rng.choice(PRINTABLE))
        elif op is C.IN:
            chars = class_chars(av) or list(PRINTABLE)
            out.append(rng.choice(chars))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, sub = av
            high = min(high, low + 8) if high != C.MAXREPEAT else low + (8 if low else 3)
            if low == 0 and high > 0:
                low = 1 if rng.random() < 0.7 else 0
            for _ in range(rng.randint(low, high)):
                generate(sub, out)
        elif op is C.SUBPATTERN:
            generate(av[-1], out)
        elif op is C.BRANCH:
            generate(rng.choice(av[1]), out)
        elif op is C.CATEGORY:
            chars = category_chars(av)
            if chars:
                out.append(rng.choice(chars))
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT, C.GROUPREF):
            continue
        elif op is C.ATOMIC_GROUP:
            generate(av, out)


# What a credential is not: a host name (a detector's second pattern, picked as its first group),
# or text with quotes, brackets, blanks or separators in it (a negated class's random bytes).
HOST = re.compile(r"[\w.-]*\.(?:com|net|org|io|app|co|cloud|dev|ai)\b")
NOT_TOKEN = frozenset(" \t\"'`\\()[]{}<>;,|")


def is_credential(text: str) -> bool:
    """Return whether a generated sample reads as a credential, not a host or random bytes."""
    return not HOST.search(text) and NOT_TOKEN.isdisjoint(text)


def sample(pattern: str) -> str | None:
    """Return a random match of ``pattern`` that reads as generated, or None."""
    tree = sre_parse.parse(pattern)
    compiled = re.compile(pattern)
    for _ in range(40):
        out: list[str] = []
        generate(tree, out)
        text = "".join(out)
        if not compiled.fullmatch(text):
            continue
        alnum = sum(c.isalnum() for c in text)
        has_digit, has_letter = any(c.isdigit() for c in text), any(c.isalpha() for c in text)
        if len(text) >= 16 and alnum >= 12 and has_digit and has_letter and is_credential(text):
            return text
    return None


def literal_prefix(pattern: str) -> str:
    """Return the literal characters every match of ``pattern`` starts with."""
    prefix = []
    for op, av in sre_parse.parse(pattern):
        if op is C.LITERAL:
            prefix.append(chr(av))
        elif op is C.AT:
            continue
        else:
            break
    return "".join(prefix)


def key_name(keyword: str) -> str:
    """Return an environment variable name made from a rule keyword (``MAILGUN_API_KEY``)."""
    word = re.sub(r"[^A-Za-z0-9]+", "_", keyword).strip("_").upper() or "SERVICE"
    return word if word.endswith(("KEY", "TOKEN", "SECRET")) else f"{word}_API_KEY"


def contexts(secret: str, keyword: str, prefixed: bool) -> dict[str, str]:
    """Return the seven texts a secret is placed in."""
    name = key_name(keyword)
    tool = re.sub(r"[^a-z0-9]+", "-", keyword.lower()).strip("-") or "svc"
    lead = "" if prefixed else f"{keyword} key "
    return {
        "prose": f"Found {lead}{secret} in the build log after the deploy, rotated it.",
        "shell-flag": f"{tool}-cli login --api-key {secret} --region eu-west-1",
        "assignment": f"{name}={secret}",
        "json": json.dumps({"service": tool, f"{tool}_api_key": secret, "retries": 3}),
        "yaml": f"{tool}:\n  api_key: {secret}\n  timeout: 30\n",
        "url": f"curl -s 'https://api.{tool}.example.com/v1/status?api_key={secret}&verbose=1'",
        "log-unicode": f"2026-12-05T06:41:02Z INFO — {lead}{secret} → accepté ✓ (réessai ①)",
    }


def secrets(shapes: list[dict[str, object]]) -> list[dict[str, str]]:
    """Return the secret rows: seven contexts for every shape a sample can be drawn from."""
    rows = []
    for shape in shapes:
        family, pattern = str(shape["family"]), str(shape["secret"])
        if family.startswith("th:") and "#" in family:
            continue  # a detector's second pattern: an id, a username, a host
        try:
            secret = sample(pattern)
        except (re.error, RecursionError, IndexError, TypeError, ValueError, OverflowError):
            continue
        if secret is None:
            continue
        keywords = [str(word) for word in shape["keywords"]] or [family.split(":")[1]]
        keyword = max(keywords, key=len) if len(keywords) < 4 else keywords[0]
        prefixed = len(literal_prefix(pattern)) >= 3
        for context, text in contexts(secret, keyword, prefixed).items():
            rows.append({"family": family, "context": context, "text": text, "secret": secret})
    return rows


# detect-secrets' other plugins' flagged forms (tests/plugins/*_test.py), the secret left out.
PLUGIN_FORMS = {
    "ds:ibm-cloud-iam": (
        "iam",
        [
            "ibm-cloud_api_key: {secret}",
            'IBM-API-KEY : "{secret}"',
            '"iam_api_key" : "{secret}"',
            'CLOUD_IAM_API_KEY:"{secret}"',
            "ibm-cloud-key:{secret}",
            'ibm_key:"{secret}"',
            "ibm_cloud_iamapikey= {secret}",
            '"iam-password": "{secret}"',
        ],
    ),
    "ds:softlayer": (
        "hex64",
        [
            '--softlayer-api-key "{secret}"',
            "--softlayer-api-key={secret}",
            "http://api.softlayer.com/soap/v3.1/{secret}",
            "softlayer-key : {secret}",
            'SOFTLAYER_API_KEY:"{secret}"',
        ],
    ),
    "ds:cloudant": (
        "hex64",
        [
            "https://acct-7f3:{secret}@acct-7f3.cloudant.com/_api/v2/",
            "cloudant_password='{secret}'",
            "cloudant_pw: {secret}",
        ],
    ),
    "ds:ibm-cos-hmac": (
        "hex48",
        [
            '"secret_access_key": "{secret}"',
            "secret_access_key={secret}",
            "secret_access_key='{secret}'",
        ],
    ),
    "ds:basic-auth": ("password", ["https://deploy:{secret}@git.example.org/repo.git"]),
}


def password() -> str:
    """Return a random password with symbols, as people choose and generators make them."""
    symbols = "!#%*+,-.:=?@^_~"
    while True:
        chars = [rng.choice(string.ascii_letters + string.digits + symbols) for _ in range(18)]
        text = "".join(chars)
        if any(c.isdigit() for c in text) and any(c.isalpha() for c in text):
            return text


def plugin_secret(kind: str) -> str:
    """Return a secret of one of ``PLUGIN_FORMS``' kinds."""
    if kind == "iam":
        return "".join(rng.choice(string.ascii_letters + string.digits + "_-") for _ in range(44))
    if kind.startswith("hex"):
        return hexs(int(kind[3:]))
    return password()


def keyword_rows() -> list[dict[str, str]]:
    """Return detect-secrets' keyword forms and other plugins' forms, each with a new secret."""
    rows = []
    for line in (HERE / "keyword.json").read_text().splitlines():
        case = json.loads(line)
        for secret in (password(), password()):
            text = case["template"].format(secret=secret)
            rows.append(
                {"family": case["family"], "context": "keyword", "text": text, "secret": secret}
            )
    for family, (kind, forms) in PLUGIN_FORMS.items():
        for form in forms:
            secret = plugin_secret(kind)
            rows.append(
                {
                    "family": family,
                    "context": "plugin",
                    "text": form.format(secret=secret),
                    "secret": secret,
                }
            )
    return rows


def b32nix(n: int) -> str:
    """Return ``n`` characters of Nix's base-32 alphabet."""
    return "".join(rng.choice("0123456789abcdfghijklmnpqrsvwxyz") for _ in range(n))


def hexs(n: int) -> str:
    """Return ``n`` random lower-case hex digits."""
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def b64(n: int) -> str:
    """Return ``n`` random base64 characters."""
    return "".join(rng.choice(string.ascii_letters + string.digits + "+/") for _ in range(n))


def benign() -> list[dict[str, str]]:
    """Return the benign rows: look-alikes that must come through unchanged."""
    makers = {
        "git-sha": lambda: f"commit {hexs(40)}\nAuthor: CI Bot\n\n    fix flaky test",
        "git-short-sha": lambda: f"HEAD is now at {hexs(7)} merge branch 'main'",
        "git-rebase": lambda: f"pick {hexs(7)} add retry to fetch\npick {hexs(7)} bump deps",
        "uuid": lambda: f"request_id={hexs(8)}-{hexs(4)}-4{hexs(3)}-a{hexs(3)}-{hexs(12)} done",
        "uuid-json": lambda: json.dumps(
            {"id": f"{hexs(8)}-{hexs(4)}-{hexs(4)}-{hexs(4)}-{hexs(12)}"}
        ),
        "data-uri": lambda: f'<img src="data:image/png;base64,iVBORw0KGgo{b64(120)}=">',
        "nix-store": lambda: f"/nix/store/{b32nix(32)}-python3-3.11.9/bin/python3",
        "nix-drv": lambda: f"building '/nix/store/{b32nix(32)}-fedlearn-0.4.0.drv'...",
        "nix-hash": lambda: f'hash = "sha256-{b64(43)}=";',
        "maven": lambda: (
            rng.choice(
                [
                    "io.jsonwebtoken:jjwt-jackson:0.11.2",
                    "com.google.guava:guava:33.2.1-jre",
                    "org.apache.kafka:kafka-clients:3.7.0",
                    "software.amazon.awssdk:secretsmanager:2.25.6",
                ]
            )
            + " resolved"
        ),
        "npm-integrity": lambda: f'"integrity": "sha512-{b64(86)}=="',
        "yarn-lock": lambda: (
            f'  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#{hexs(40)}"'
        ),
        "cargo-lock": lambda: f'checksum = "{hexs(64)}"',
        "go-sum": lambda: f"golang.org/x/crypto v0.24.0 h1:{b64(43)}=",
        "pip-hash": lambda: f"requests==2.32.3 --hash=sha256:{hexs(64)}",
        "docker-digest": lambda: f"FROM python:3.11-slim@sha256:{hexs(64)}",
        "sri": lambda: f'<script src="app.js" integrity="sha384-{b64(64)}"></script>',
        "md5": lambda: f"{hexs(32)}  dist/fedlearn-0.4.0.tar.gz",
        "sha256sum": lambda: f"{hexs(64)}  fedlearn-0.4.0-py3-none-any.whl",
        "placeholder-env": lambda: rng.choice(
            [
                "API_KEY=${API_KEY}",
                "GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
                "OPENAI_API_KEY=<your-key-here>",
                "password: changeme",
                "token: null",
                "AWS_SECRET_ACCESS_KEY=$(pass show aws/secret)",
                'export API_TOKEN="$TOKEN"',
            ]
        ),
        "primary-key": lambda: rng.choice(
            [
                "primaryKey=user_id",
                "foreignKey=order_id",
                "cache key: nix-store-x86_64-linux-" + hexs(6),
                'key="jetbrains.mps.lang.core"',
                "sortKey=createdAt",
            ]
        ),
        "k8s-configmap": lambda: (
            f'kind: ConfigMap\ndata:\n  LOG_LEVEL: debug\n  REPLICAS: "{rng.randint(1, 9)}"\n'
        ),
        "semver-build": lambda: f"fedlearn 0.4.0+g{hexs(7)}.d20261205",
        "trace-id": lambda: f"traceparent: 00-{hexs(32)}-{hexs(16)}-01",
        "css-color": lambda: f"color: #{hexs(6)}; background: #{hexs(6)};",
        "pgp-fingerprint-doc": lambda: "gpg --recv-keys " + hexs(40).upper(),
        "ipfs-cid": lambda: (
            "ipfs://bafybei"
            + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(52))
        ),
        "identifier": lambda: rng.choice(
            [
                "hf_hub_download(repo_id='gpt2')",
                "sk_learn_pipeline = make_pipeline()",
                "ghp_cache_dir = Path.home()",
                "AKIA_PREFIX_CHECK = True",
                "xoxb_scope_list",
            ]
        ),
        "aws-arn": lambda: f"arn:aws:iam::{rng.randint(10**11, 10**12 - 1)}:role/deploy-{hexs(4)}",
        "k8s-pod": lambda: f"pod/fedlearn-sync-{hexs(10)}-{b32nix(5)} Running",
    }
    rows = []
    for kind, make in makers.items():
        for _ in range(12):
            rows.append({"kind": kind, "text": make()})
    return rows


def main() -> None:
    """Write secrets.jsonl and benign.jsonl next to this script."""
    lines = (HERE / "shapes.json").read_text().splitlines()
    shapes = [json.loads(line) for line in lines]
    found = secrets(shapes) + keyword_rows()
    for name, rows in (("secrets", found), ("benign", benign())):
        text = "\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n"
        (HERE / f"{name}.jsonl").write_text(text, encoding="utf-8")
        print(name, len(rows), len({row.get("family", row.get("kind")) for row in rows}))


if __name__ == "__main__":
    main()
