"""Build the third audit corpus of issue 16 (held out): secrets.jsonl and benign.jsonl beside it.

``python bench/audit16c/make.py`` draws tokens of every shape in shapes.json (seed 16316, see
draw.py) and places each family's draws in six contexts of its own pool: prose, shell export,
``docker run -e``, curl, Python, JavaScript, Go, Java, PHP, Make, YAML, XML, .env, a Kubernetes
Secret's ``stringData``, JSON; a token whose draws share a literal start of 3 or more characters
may also stand bare (prose, a bearer header, a log line, a CLI argument). Shapes that are not
credentials (public keys, host names, URLs without a secret, user names, e-mail addresses, ids,
a PEM header alone) and draws under 10 characters, all digits or with blanks, quotes or markup in
them are left out. Rules of secrets-patterns-db that are a key name only give a family whose
value is a generated token or password under that key name. benign.jsonl holds technical
strings that look risky, of kinds the earlier audits do not hold, that must stay unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import string
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import draw  # noqa: E402

BAD = re.compile(r"[\s<>{}()\[\]'\"`;,|\\*&#^%$!?~]")
NOT_SECRET = re.compile(
    r"public|recipient|domain|host\b|(?:\b|_)url\b|\buri\b|client_?id|org name|account name|account id|"
    r"identifier|instance|username|user name|e-?mail|client id|app id|product id|bot id|"
    r"reporter id|\barn\b|mac ?address|calendar|weak password|credentials in a url|"
    r"basic authentication|generic username|gateway|ec2|elb|elasticcache|jdbc|"
    r"^(ec|ssh|rsa private key|pgp private key block|rkcs8|ssh \(dsa\) private key)$|"
    r"private key$|asymmetric|cred file|psexec|connect-viserver|gradle|react app|netrc|"
    r"phpmailer|django|mongodb api private|webex - 1|planetscale|\bsite\b|\bid\b|clientid|"
    r"sideid|accountid|repoidentifier|connectionstringinnet|encryptedvariable|base64encodedpassword|"
    r"samplingtoken|secretscanningsample|siteid|invoiceocean|kanban|deputy|mite|signalwire - 1|"
    r"freshdesk|mattermostpersonaltoken - 1|satismeter|dotmailer - 1|connection string in|"
    r"^mailchimp$|^master_password$",
    re.I,
)
KEY_ONLY = re.compile(r"^[=: |]+$")
HOSTISH = re.compile(r"\\?\.(?:com|net|io|co|lk|org)\b|^organizations/")
ANNOTATED_KEPT = 8  # Microsoft's common annotated keys share one shape: the first 8 stand for all


def provider_word(family: str, name: str) -> str:
    """Return a lower-case provider word for key names."""
    stem = family.split(":", 1)[1].split("/")[0]
    word = re.split(r"[-_. ]", stem)[0].lower()
    word = re.sub(r"[^a-z0-9]", "", word)
    if len(word) < 3 or word == "generic":
        word = re.sub(r"[^a-z0-9]", "", name.split()[0].lower()) or "svc"
    return word


def suffix_of(name: str) -> str:
    """Return the key suffix a rule's name suggests (API_KEY, TOKEN, SECRET, PASSWORD)."""
    low = name.lower()
    for word, suffix in (
        ("password", "PASSWORD"),
        ("secret", "SECRET"),
        ("webhook", "WEBHOOK_URL"),
        ("token", "TOKEN"),
        ("private key", "PRIVATE_KEY"),
        ("license", "LICENSE_KEY"),
    ):
        if word in low:
            return suffix
    return "API_KEY"


def keyed(p: str, suffix: str, s: str) -> dict[str, str]:
    """Return the keyed contexts of token ``s`` of provider ``p`` under key suffix ``suffix``."""
    env = f"{p.upper()}_{suffix}"
    snake = env.lower()
    parts = snake.split("_")
    cam = parts[0] + "".join(w.capitalize() for w in parts[1:])
    pascal = cam[0].upper() + cam[1:]
    return {
        "prose": f"heads up: the {p} {suffix.lower().replace('_', ' ')} for staging is {s}, rotate it after the demo",
        "shell-export": f"export {env}='{s}'\n./bin/run --once --verbose",
        "docker-run": f"docker run --rm -e {env}={s} ghcr.io/acme/{p}-worker:2.1",
        "curl": f'curl -fsS "https://api.{p}.io/v2/ping" -H "X-{p.capitalize()}-Key: {s}"',
        "python": f'client = {p.capitalize()}Client({snake.removeprefix(p + "_")}="{s}", timeout=10)',
        "python-dict": f'SETTINGS = {{\n    "{snake}": "{s}",\n    "debug": False,\n}}',
        "javascript": f"const {cam} = process.env.{env} || '{s}';",
        "go": f'cfg := &{p}.Config{{{pascal.removeprefix(p.capitalize())}: "{s}", Region: "eu"}}',
        "java": f'private static final String {env} = "{s}";',
        "php": f"define('{env}', '{s}');",
        "make": f"{env} ?= {s}\n\ndeploy:\n\t./deploy.sh --target prod",
        "yaml": f"{p}:\n  {snake.removeprefix(p + '_')}: {s}\n  endpoint: https://api.{p}.io\n",
        "xml": f'<appSettings>\n  <add key="{pascal}" value="{s}" />\n</appSettings>',
        "dotenv": f"# {p}\n{env}={s}\nLOG_LEVEL=debug",
        "kubernetes": f'apiVersion: v1\nkind: Secret\nmetadata:\n  name: {p}-creds\ntype: Opaque\nstringData:\n  {snake}: "{s}"\n',
        "json": json.dumps({"provider": p, "credentials": {cam: s}, "retries": 3}),
    }


def bare(p: str, s: str) -> dict[str, str]:
    """Return the contexts where a prefixed token ``s`` stands without a key."""
    return {
        "prose-bare": f"for the record the one I used was {s} (revoked it since)",
        "bearer": f'curl -H "Authorization: Bearer {s}" https://api.{p}.io/v1/me',
        "log-bare": f"2026-12-05T10:44:03Z WARN rejected {s} for tenant acme (401)",
        "cli-arg": f"$ {p} login {s}\nLogged in.",
    }


def shares_prefix(draws: list[str]) -> bool:
    """Return whether the draws share a literal start of 3 or more characters."""
    n = 0
    while all(len(d) > n for d in draws) and len({d[n] for d in draws}) == 1:
        n += 1
    return n >= 3


def token(rng: random.Random) -> str:
    """Return a generated credential: a password or a random token."""
    if rng.random() < 0.5:
        alphabet = string.ascii_letters + string.digits + "-_.@+"
        while True:
            pw = "".join(rng.choice(alphabet) for _ in range(rng.randint(12, 24)))
            if any(c.isdigit() for c in pw) and any(c.isupper() for c in pw):
                return pw
    return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(32))


def secrets(rng: random.Random) -> list[dict[str, str]]:
    """Return six contexts per kept family."""
    out = []
    annotated = 0
    for line in (HERE / "shapes.json").read_text(encoding="utf-8").splitlines():
        shape = json.loads(line)
        name, family = shape["name"], shape["family"]
        if (
            NOT_SECRET.search(name)
            or NOT_SECRET.search(family)
            or (HOSTISH.search(shape["secret"]) and "hook" not in name.lower())
        ):
            continue
        if "CommonAnnotated" in name:
            annotated += 1
            if annotated > ANNOTATED_KEPT:
                continue
        if KEY_ONLY.match(shape["secret"]):
            key = name.lower()
            p = key.split("_")[0]
            suffix = key.removeprefix(p + "_").upper() or "KEY"
            good = [token(rng) for _ in range(6)]
            prefixed = False
        else:
            try:
                draws = [draw.draw(shape["secret"], rng) for _ in range(8)]
            except (ValueError, re.error, RecursionError, OverflowError):
                continue
            good = [
                d
                for d in draws
                if len(d) >= 10
                and not d.isdigit()
                and not BAD.search(d)
                and ("@" not in d or "://" in d)
                and not re.fullmatch(r"[a-z_]+", d)
            ]
            if len(good) < 3 or ("://" in good[0] and "@" not in good[0] and "hook" not in good[0]):
                continue
            p, suffix = provider_word(family, name), suffix_of(name)
            prefixed = shares_prefix(good)
        kinds = sorted(keyed(p, suffix, "x")) + (sorted(bare(p, "x")) if prefixed else [])
        for kind in sorted(rng.sample(kinds, 6)):
            s = rng.choice(good)
            text = (keyed(p, suffix, s) | bare(p, s))[kind]
            out.append({"family": family, "context": kind, "text": text, "secret": s})
    return out


def hexs(rng: random.Random, n: int) -> str:
    """Return ``n`` random hex digits."""
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def b64(rng: random.Random, n: int) -> str:
    """Return base64 of ``n`` random bytes."""
    return base64.b64encode(rng.randbytes(n)).decode()


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
NIX32 = "0123456789abcdfghijklmnpqrsvwxyz"
WORDS = ["token", "secret", "auth", "session", "apikey", "password", "credential", "signing"]


def benign_one(kind: str, rng: random.Random) -> str:
    """Return one benign text of ``kind``."""
    sha1, sha256, u = hexs(rng, 40), hexs(rng, 64), str(uuid.UUID(bytes=rng.randbytes(16)))
    n = rng.randint(1, 40)
    word = rng.choice(WORDS)
    forms = {
        "git-describe": f"version: v{rng.randint(0, 4)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}-{n}-g{sha1[:7]}",
        "sha512sum": f"{hexs(rng, 128)}  release-{n}.tar.xz",
        "tf-lock": f'  hashes = [\n    "h1:{b64(rng, 32)}",\n    "zh:{sha256}",\n  ]',
        "yarn-resolved": f'  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.{n}.tgz#{sha1}"',
        "poetry-hash": f'    {{file = "idna-3.{n}-py3-none-any.whl", hash = "sha256:{sha256}"}},',
        "k8s-uid": f'  uid: {u}\n  resourceVersion: "{rng.randint(10**5, 10**8)}"',
        "aws-request-id": f"x-amzn-RequestId: {u}",
        "s3-etag-multipart": f'ETag: "{hexs(rng, 32)}-{n}"',
        "rust-symbol": f"  at _ZN4core3ops8function6FnOnce9call_once17h{hexs(rng, 16)}E",
        "java-lambda": f"\tat com.acme.api.Handler$$Lambda${rng.randint(100, 9999)}/0x0000{hexs(rng, 12)}.apply(Unknown Source)",
        "machine-id": f"/etc/machine-id: {hexs(rng, 32)}",
        "journal-cursor": f"-- cursor: s={hexs(rng, 32)};i={hexs(rng, 4)};b={hexs(rng, 32)};m={hexs(rng, 6)};t={hexs(rng, 13)};x={hexs(rng, 16)}",
        "ssh-fingerprint": f"ED25519 key fingerprint is SHA256:{b64(rng, 32).rstrip('=')}.",
        "ssh-pubkey": f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{b64(rng, 32).rstrip('=')} jdoe@laptop",
        "eth-address": f"sent 0.5 ETH to 0x{hexs(rng, 40)}",
        "btc-address": f"bc1q{''.join(rng.choice('023456789acdefghjklmnpqrstuvwxyz') for _ in range(38))}",
        "ipfs-cid": f"ipfs://Qm{''.join(rng.choice(B58) for _ in range(44))}/metadata.json",
        "lfs-pointer": f"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256}\nsize {rng.randint(10**3, 10**9)}",
        "image-id": f"Successfully built {sha1[:12]}\nSuccessfully tagged acme/api:{n}",
        "flake-rev": f'"rev": "{sha1}",\n"type": "github"',
        "nix-drv": f"building '/nix/store/{''.join(rng.choice(NIX32) for _ in range(32))}-python3.11-requests-2.31.0.drv'...",
        "conda-build": f"  - numpy=1.26.{n % 5}=py311h{hexs(rng, 7)}_0",
        "deb-version": f"Setting up libssl3:amd64 (3.0.{n}-1~deb12u{n % 4 + 1}) ...",
        "win-sid": f"S-1-5-21-{rng.randint(10**9, 4 * 10**9)}-{rng.randint(10**9, 4 * 10**9)}-{rng.randint(10**9, 4 * 10**9)}-{rng.randint(1000, 9999)}",
        "ga-id": f"gtag('config', 'G-{''.join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(10))}');",
        "test-b64": f'assert base64.b64decode("{base64.b64encode(rng.choice([b"hello world", b"fedlearn test payload", b"lorem ipsum dolor"]) + str(n).encode()).decode()}")',
        "hmac-test-vector": f"expected = hmac.new(b'key', b'msg{n}', 'sha256').hexdigest()  # {hashlib.sha256(str(n).encode()).hexdigest()}",
        "prefix-doc": rng.choice(
            [
                "GitHub tokens start with ghp_, gho_, ghu_, ghs_ or ghr_.",
                "Slack bot tokens begin with xoxb- and user tokens with xoxp-.",
                "Set OPENAI_API_KEY to a key that starts with sk-.",
                "AWS access key ids start with AKIA (long-term) or ASIA (temporary).",
                "Stripe secret keys look like sk_live_... and should never be committed.",
                "Vault service tokens have the hvs. prefix since 1.10.",
            ]
        ),
        "prefix-const": f'{word.upper()}_PREFIX = "{rng.choice(["ghp_", "xoxb-", "sk-", "glpat-", "hf_", "npm_", "pypi-", "AKIA", "dop_v1_", "SG."])}"',
        "key-ident": f"def validate_{word}_{rng.choice(['format', 'length', 'prefix', 'checksum'])}({word}: str) -> bool:",
        "masked": f"{word}: {rng.choice(['sk-', 'ghp_', 'xoxb-', 'glpat-'])}****{hexs(rng, 4)} (masked)",
        "placeholder": f"{word.upper()}=<your-{word}-here>  # see docs/setup.md",
        "env-ref": f"{word.upper()}_{rng.choice(['KEY', 'TOKEN'])}: ${{{{ vars.{word.upper()}_NAME_{n} }}}}",
        "vault-path": f"vault kv get secret/apps/{rng.choice(['api', 'web', 'billing'])}/{word}-{n}",
        "sealed-ref": f"  {word}:\n    valueFrom:\n      secretKeyRef:\n        name: api-{word}s\n        key: {word}-{n}",
        "ipv6": f"inet6 2001:db8:{hexs(rng, 4)}:{hexs(rng, 4)}::{hexs(rng, 3)}/64 scope global",
        "mac": "link/ether " + ":".join(hexs(rng, 2) for _ in range(6)) + " brd ff:ff:ff:ff:ff:ff",
        "css-module": f'<div class="Button_primary__{b64(rng, 4)[:5]} css-{hexs(rng, 6)}">',
        "bazel-out": f"bazel-out/k8-fastbuild/bin/api/{hexs(rng, 32)}/_objs/server.o",
        "crates-index": f"~/.cargo/registry/src/index.crates.io-{hexs(rng, 16)}/serde-1.0.{n}/src/lib.rs",
        "gradle-cache": f"~/.gradle/caches/modules-2/files-2.1/com.google.guava/guava/33.{n % 3}.0-jre/{sha1}/guava.jar",
        "trace-id": f'{{"trace_id": "{hexs(rng, 32)}", "span_id": "{hexs(rng, 16)}", "sampled": true}}',
        "sentry-event": f"Sentry event {hexs(rng, 32)} captured (release api@{n}.0.0)",
        "otel-resource": f"service.instance.id={u} host.id={hexs(rng, 32)}",
        "sql-hash": f"SELECT * FROM users WHERE password_hash = $1 -- digest {hashlib.md5(str(n).encode()).hexdigest()}",  # noqa: S324, S608
        "wasm-hash": f"/_next/static/chunks/pages/_app-{hexs(rng, 16)}.js",
        "helm-digest": f"Digest: sha256:{sha256}\nPulled: oci://ghcr.io/acme/charts/api:0.{n}.0",
        "pgp-fpr": f"pub   ed25519 2024-03-01 [SC]\n      {hexs(rng, 40).upper()}",
        "isbn-doi": f"doi:10.{rng.randint(1000, 9999)}/{hexs(rng, 8)}.{n}",
    }
    return forms[kind]


KINDS = [
    "git-describe", "sha512sum", "tf-lock", "yarn-resolved", "poetry-hash", "k8s-uid",
    "aws-request-id", "s3-etag-multipart", "rust-symbol", "java-lambda", "machine-id",
    "journal-cursor", "ssh-fingerprint", "ssh-pubkey", "eth-address", "btc-address", "ipfs-cid",
    "lfs-pointer", "image-id", "flake-rev", "nix-drv", "conda-build", "deb-version", "win-sid",
    "ga-id", "test-b64", "hmac-test-vector", "prefix-doc", "prefix-const", "key-ident", "masked",
    "placeholder", "env-ref", "vault-path", "sealed-ref", "ipv6", "mac", "css-module",
    "bazel-out", "crates-index", "gradle-cache", "trace-id", "sentry-event", "otel-resource",
    "sql-hash", "wasm-hash", "helm-digest", "pgp-fpr", "isbn-doi",
]  # fmt: skip


# Kinds that docs/anonymization.md redacts on purpose as personal data (the first measurement
# counted them as benign in error): still drawn, so the other kinds' texts stay the same, but not
# written.
PERSONAL = {"ssh-fingerprint", "ssh-pubkey", "mac"}


def benign(rng: random.Random) -> list[dict[str, str]]:
    """Return up to 12 distinct benign texts of each kind (none of the PERSONAL kinds)."""
    out = []
    for kind in KINDS:
        texts: set[str] = set()
        for _ in range(200):
            if len(texts) == 12:
                break
            texts.add(benign_one(kind, rng))
        if kind not in PERSONAL:
            out.extend({"kind": kind, "text": t} for t in sorted(texts))
    return out


def main() -> None:
    """Write secrets.jsonl and benign.jsonl."""
    rng = random.Random(16316)
    for name, rows in (("secrets", secrets(rng)), ("benign", benign(rng))):
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)}")


if __name__ == "__main__":
    main()
