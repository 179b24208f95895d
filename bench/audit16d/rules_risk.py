"""Try candidate general rules on the leaks and on the benign strings: what each would catch, what
it would break.

``PYTHONPATH=TREE python bench/audit16d/rules_risk.py RESULT.json TREE_KEY`` (run from outside the
worktree) reads the leaks through_sync.py wrote for ``TREE_KEY``. Each rule is a sketch, not an
implementation: a regex or a transform over the text, applied on top of that tree's Anonymizer.
A leak counts as caught when the rule covers its leaked string in the anonymizer's output; a
benign string counts as hit when the rule would change it. Prints per rule the leaks caught (of
all, and of the mechanism it is meant for) and the benign strings hit, by kind.
"""

from __future__ import annotations

import base64
import binascii
import collections
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make import WORDS  # noqa: E402

ENGINE = Anonymizer(
    config.Anonymize(), Machine(hostname="quasar", fqdn="quasar", user="jdoe", home="/home/jdoe")
)
B64_RUN = re.compile(r"[A-Za-z0-9+/_-]{20,}={0,2}")


def mixed(value: str, classes: int = 3) -> bool:
    """Return whether ``value`` has ``classes`` of: upper, lower, digit."""
    return sum(bool(re.search(p, value)) for p in ("[A-Z]", "[a-z]", "[0-9]")) >= classes


def decoded_secret(text: str) -> list[tuple[int, int]]:
    """R1: spans of base64 runs that decode to text in which the anonymizer finds something."""
    spans = []
    for m in B64_RUN.finditer(text):
        raw = m.group().replace("-", "+").replace("_", "/")
        try:
            plain = base64.b64decode(raw + "=" * (-len(raw) % 4), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        if plain.isprintable() and ENGINE.anonymize(plain) != plain:
            spans.append(m.span())
    return spans


HASH_MARK = re.compile(
    r"(?:sha1|sha256|sha384|sha512|md5|h1|base64|store/|Hash\": \"sha256)[-:,/]?$|@sha256:$"
)


HASH_START = re.compile(
    r"(?:sha1|sha256|sha384|sha512|md5|h1)[-:]|.*(?:@sha256:|base64,|/nix/store/)"
)


def hash_marked(text: str, start: int, end: int) -> bool:
    """Return whether the blank- or quote-delimited word around ``text[start:end]`` is marked as a
    digest (``sha256-…``, ``h1:…``, ``…@sha256:…``, ``data:…;base64,…``, ``/nix/store/…``)."""
    left = max(text.rfind(c, 0, start) for c in " \t\n\"'=") + 1
    return bool(HASH_START.match(text[left:end])) or bool(
        HASH_MARK.search(text[max(0, start - 24) : start])
    )


def regex_rule(
    pattern: str, check: Callable[[str], bool] = lambda v: True, marked: bool = False
) -> Callable[[str], list[tuple[int, int]]]:
    """Return a rule that covers group ``v`` of every match of ``pattern`` that passes ``check``;
    with ``marked``, not a match that a hash mark (``sha256-``, ``h1:``, ``@sha256:``,
    ``base64,``, ``/nix/store/``) right before it marks as a digest, as the entropy rule does."""
    compiled = re.compile(pattern, re.MULTILINE)

    def spans(text: str) -> list[tuple[int, int]]:
        out = []
        for m in compiled.finditer(text):
            if marked and hash_marked(text, m.start("v"), m.end("v")):
                continue
            if check(m.group("v")):
                out.append(m.span("v"))
        return out

    return spans


def joined(text: str) -> str:
    """R2: the text with its ``\\``-newline continuations joined."""
    return re.sub(r"\\\n[ \t]*", "", text)


FOREIGN = re.compile(
    r"Schlüssel|Passwort|Kennwort|clé|contraseña|clave|senha|ключ|Ключ|пароль|токен|キー|パスワード|トークン|密钥|密码|令牌|비밀번호"
)


def foreign(text: str) -> str:
    """R5: the text with a foreign secret word read as ``API key``."""
    return FOREIGN.sub(" API key ", text)


def luhn(digits: str) -> bool:
    """Return whether ``digits`` pass the Luhn check."""
    total = sum(
        int(c) if i % 2 == 0 else (2 * int(c) - 9 if int(c) > 4 else 2 * int(c))
        for i, c in enumerate(reversed(digits))
    )
    return total % 10 == 0


CLI_FLAG = (
    r"(?:^|[\s|;&(])(?:-p|-P|-w|-a|-k|/p:|/pass:|/rp|/RP|-storepass|-keypass|-passout pass:|"
    r"--password[= ]|--passphrase|--proxy-user|--nkey-seed|--token|-t)[ =]?['\"]?(?P<v>[^\s'\"]{8,})"
)
RULES: dict[str, tuple[str, Callable[[str], object]]] = {
    "R1 base64 run decoding to text with a finding": ("encoded", decoded_secret),
    "R2 join `\\`-newline continuations before scanning": ("split", joined),
    "R3 value after a password/token CLI flag (8+ chars, letter and digit/punct)": (
        "form not parsed (cli",
        regex_rule(
            CLI_FLAG,
            lambda v: (
                bool(re.search("[A-Za-z]", v))
                and bool(re.search(r"[0-9\W_]", v))
                and "/" not in v[:1]
                and not v.startswith("-")
            ),
        ),
    ),
    "R3b `user/pass@`, `user%pass`, `user,pass`, `user:pass` CLI credentials": (
        "form not parsed (cli",
        regex_rule(
            r"(?:sqlplus\s+(?:-s\s+)?\w+/|-U\s+'?[\w\\]+%|-u\s+\w+,|-U\s+'?\w+:)(?P<v>[^\s@']{6,})"
        ),
    ),
    "R4 URL path segment of 16+ [A-Za-z0-9_-] with a digit and a letter": (
        "url",
        regex_rule(
            r"https?://[^\s/\"']+(?:/[^\s/?#\"']*)*?/(?P<v>[A-Za-z0-9_-]{16,})(?=[/?#\s\"']|$)",
            lambda v: mixed(v, 2) and bool(re.search("[0-9]", v)),
        ),
    ),
    "R5 secret words in other languages": ("another language", foreign),
    "R6 any run of 20+ [A-Za-z0-9_-] with upper, lower and digit": (
        "",
        regex_rule(
            r"(?<![A-Za-z0-9_-])(?P<v>[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])", mixed, marked=True
        ),
    ),
    "R6b any run of 24+ [A-Za-z0-9+/=_.~-] with upper, lower and digit": (
        "",
        regex_rule(
            r"(?<![A-Za-z0-9+/=_.~-])(?P<v>[A-Za-z0-9+/=_.~-]{24,})(?![A-Za-z0-9+/=_.~-])",
            mixed,
            marked=True,
        ),
    ),
    "R7 lowercase prefix + [_.-] + a UUID or 20+ base62 run": (
        "bare prefixed",
        regex_rule(
            r"(?<![A-Za-z0-9])[a-z][a-z0-9]{1,9}[_.:-](?P<v>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9]{20,})",
            lambda v: "-" in v or mixed(v, 2),
            marked=True,
        ),
    ),
    "R9 more key words: psk, community, seed, mnemonic, verifier, ciphertext, private_key_id, authtok, Digest response, JWK d": (
        "",
        regex_rule(
            r"(?i)(?:psk|community|seed|mnemonic|verifier|ciphertext|private_key_id|authtok|response|\"d\")[\"']?\s*[:=]\s*[\"']?(?P<v>[^\s\"',;<>]{8,}(?: [a-z]+){0,23})",
            lambda v: bool(re.search("[0-9]", v)) or v.count(" ") >= 11,
        ),
    ),
    "R10 a 12/24-word run of a BIP39-style word list (here: the corpus's 74 words)": (
        "form not parsed (key",
        regex_rule(
            r"(?P<v>\b[a-z]{3,8}(?: [a-z]{3,8}){11,23}\b)",
            lambda v: all(w in WORDS for w in v.split()),
        ),
    ),
    "R8 checked national ids/IMEI/SSN (CPF/DNI/BSN/IMEI checksums, SSN/NINO/Aadhaar shapes)": (
        "personal",
        regex_rule(
            r"(?P<v>\b\d{3}-\d{2}-\d{4}\b|\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b|\b\d{3}\.\d{3}\.\d{3}-\d{2}\b|\b[2-9]\d{3} \d{4} \d{4}\b|\b\d{8}[A-Z]\b|\b\d{15}\b|\b\d{9}\b)",
            lambda v: (
                not v.isdigit()
                or (len(v) == 15 and luhn(v))
                or (
                    len(v) == 9
                    and sum(int(c) * w for c, w in zip(v[:8], range(9, 1, -1), strict=True)) % 11
                    == int(v[8])
                )
            ),
        ),
    ),
}


def caught_by(rule: Callable[[str], object], text: str, out: str, hit: str) -> bool:
    """Return whether ``rule`` removes ``hit``: a transform's output is anonymized again; a span
    rule must cover 60% or more of the leaked string in the anonymizer's output."""
    found = rule(out)
    if isinstance(found, str):
        again = ENGINE.anonymize(rule(text))  # type: ignore[arg-type]
        return hit not in again and hit[: len(hit) // 2] not in again
    start = out.find(hit)
    if start < 0:
        return False
    best = max((min(b, start + len(hit)) - max(a, start) for a, b in found), default=0)  # type: ignore[union-attr]
    return best >= 0.6 * len(hit)


def breaks(rule: Callable[[str], object], text: str) -> bool:
    """Return whether ``rule`` would change a benign text the anonymizer keeps (or change more)."""
    out = ENGINE.anonymize(text)
    found = rule(out)
    if isinstance(found, str):
        return ENGINE.anonymize(rule(text)).count("<") > out.count("<")  # type: ignore[arg-type]
    return bool(found)


def main() -> None:
    """Print what each rule catches and breaks."""
    result = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))[sys.argv[2]]
    sys.path.insert(0, str(HERE))
    import classify

    leaked = {(r["family"], r["context"]) for r in result["leaks"]}
    secrets = [json.loads(x) for x in (HERE / "secrets.jsonl").open(encoding="utf-8")]
    clean = {(r["family"], 0) for r in secrets if (r["family"], "own") not in leaked}
    mech = [classify.mechanism(r, ENGINE, clean) for r in result["leaks"]]
    benign = [json.loads(x) for x in (HERE / "benign.jsonl").open(encoding="utf-8")]
    union: set[int] = set()
    for name, (target, rule) in RULES.items():
        caught = 0
        aimed = [0, 0]
        hits = collections.Counter(b["kind"] for b in benign if breaks(rule, b["text"]))
        for row, m in zip(result["leaks"], mech, strict=True):
            out = ENGINE.anonymize(row["text"])
            hit = row["hits"][0]
            ok = caught_by(rule, row["text"], out, hit)
            caught += ok
            if ok and not hits:
                union.add(id(row))
            if target and target in m:
                aimed[0] += ok
                aimed[1] += 1
        aim = f", {aimed[0]}/{aimed[1]} of its target" if target else ""
        print(
            f"{name}: catches {caught}/{len(result['leaks'])} leaks{aim}; hits {sum(hits.values())}/{len(benign)} benign {dict(hits.most_common(6))}"
        )

    pii = sum(1 for r in result["leaks"] if r["family"].startswith("pii:") and id(r) not in union)
    print(
        f"the rules with no benign hit together: {len(union)}/{len(result['leaks'])} leaks caught, "
        f"{len(result['leaks']) - len(union)} left ({pii} of them personal data)"
    )


if __name__ == "__main__":
    main()
