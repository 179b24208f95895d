"""Credentials in the findings of credential testers and secret scanners (DESIGN.md guarantee 1;
from ``bench/contexts38``).

A tool that found a login prints it in its own format, with no key word beside the password:

- netexec / crackmapexec: ``[+] DOMAIN\\user:password`` (maybe `` (Pwn3d!)`` after it);
- nmap's brute-force scripts: ``|     user:password - Valid credentials``;
- hashcat's ``--show`` and potfile: ``HASH:plain`` on its own line, the hash hex of a digest's
  length (32, 40, 56, 64, 96 or 128), in a text that names ``hashcat`` or a ``.potfile``;
- a passwd-format line whose second field is a password, not ``x``, ``*`` or ``!`` (``john
  --show``: ``user:password:uid:gid:gecos:home:shell``);
- trufflehog's ``Raw result: V`` (and ``Raw result (v2):``), the secret it verified.

A value is 4 or more characters and no ``$reference`` or placeholder; hashcat's and the passwd
line's need two kinds of character or 8 or more characters.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks
from fedlearn.anonymize.rules import MAX_VALUE, Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import literal_password

DOMAIN_LOGIN = Lazy(
    r"\[\+\][ \t]+(?:[A-Za-z0-9][\w.-]{0,63}\\)[A-Za-z0-9][\w.@$-]{0,63}:"
    rf"(?P<value>[^\s]{{4,{MAX_VALUE}}})"
    r"(?=[ \t]|\r?\n|\Z)"
)
VALID_CREDENTIALS = Lazy(
    r"(?m:^)\|[ \t_]+[^\s:]{1,64}:(?P<value>[^\n]{1,256}?)[ \t]+-[ \t]+Valid credentials"
)
POTFILE = Lazy(
    r"(?m:^)(?:[0-9a-f]{128}|[0-9a-f]{96}|[0-9a-f]{64}|[0-9a-f]{56}|[0-9a-f]{40}|[0-9a-f]{32}):"
    r"(?P<value>[^\n]{4,256}?)[ \t]*(?=\r?\n|\Z)"
)
PASSWD_LINE = Lazy(
    r"(?m:^)[a-z_][\w.-]{0,31}:(?P<value>[^:\s]{4,256}):[0-9]{1,10}:[0-9]{1,10}:[^:\n]*:[^:\n]*:[^:\n]*(?=\r?\n|\Z)"
)
RAW_RESULT = Lazy(r"(?m:^)Raw result(?:[ \t]+\(v2\))?:[ \t]+(?P<value>[^\s]{4,4096})")
TOOL_WORDS = ("hashcat", ".potfile")


def plain_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a cracked plain's span: literal, and two kinds of character or 8 or more."""
    value = match.group("value")
    if len(value) < 8 and checks.character_classes(value) < 2:
        return None
    return literal_password(match, text)


def potfile_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a ``HASH:plain`` line's plain in a text that names hashcat or a potfile."""
    lowered = text.lower()
    if not any(word in lowered for word in TOOL_WORDS):
        return None
    return plain_judge(match, text)


def rules() -> list[Rule]:
    """Return the rules for credentials in credential testers' and scanners' findings."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(DOMAIN_LOGIN.pattern), judge=literal_password),),
            trigger=Trigger(words=("[+]",), needs="\\"),
            gate=r"\[\+\][ \t]+[A-Za-z0-9][^\s\\]{0,63}\\",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(VALID_CREDENTIALS.pattern), judge=literal_password),),
            trigger=Trigger(words=("Valid credentials",)),
            gate=r"[ \t]-[ \t]+Valid credentials",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(POTFILE.pattern), judge=potfile_judge),),
            trigger=Trigger(words=TOOL_WORDS, lower=True, needs=":"),
            gate=r"(?i)hashcat|\.potfile",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(PASSWD_LINE.pattern), judge=plain_judge),),
            trigger=Trigger(patterns=(Lazy(r":[0-9]{1,10}:[0-9]{1,10}:"),)),
            gate=r":[0-9]{1,10}:[0-9]{1,10}:",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(RAW_RESULT.pattern), judge=literal_password),),
            trigger=Trigger(words=("Raw result",)),
            gate=r"Raw result(?:[ \t]+\(v2\))?:[ \t]",
        ),
    ]
