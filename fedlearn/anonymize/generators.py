"""What a random generator's command prints on the next line (DESIGN.md guarantee 1).

``head -c 32 /dev/urandom | base64``, ``tr -dc A-Za-z0-9 </dev/urandom | head -c 24``, ``openssl
rand -base64 32 | tr -d '\\n'``, ``python3 -c 'import secrets; print(secrets.token_hex())'``,
``node -e "…randomBytes(32)…"``, ``ruby -e 'puts SecureRandom.hex'``, ``pwgen -s 20 1 | head -1``:
a command line that draws random bytes (``WORDS``), through any pipe, prints a new secret. The
value is the next line, one word (``readouts.next_line``, past notices) that looks generated
(``readouts.is_generated``), judged as ``token=value``, then ``password=value``. ``readouts``'
printer pattern stops at a pipe or a ``;``; this reads the whole line. A line whose output goes
elsewhere (``> file``, ``-out file``, ``| pbcopy``) prints nothing of it. From bench/contexts29.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.readouts import is_generated, next_line, past_notices
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, line_start
from fedlearn.anonymize.tables import judged

WORDS = (
    "/dev/urandom",
    "/dev/random",
    "openssl rand",
    "secrets.token_",
    "os.urandom",
    "randomBytes",
    "SecureRandom",
    "pwgen",
    "--gen-random",
    "get_random_bytes",
)
# A command's line from its start (past a prompt), in text or in a JSON string (``\\n`` ends it).
LINE = Lazy(r"[ \t]*(?:[$#%>\u276f+][ \t]*)?(?P<line>(?:[^\n\\]|\\[^nr])*)")
# Where the output goes instead of the terminal: a file, the clipboard.
ELSEWHERE = re.compile(
    r"(?<![0-9&])>(?!&)|\b-out[ \t]|\|[ \t]*(?:pbcopy|xclip|xsel|wl-copy|clip(?:\.exe)?)\b"
)
QUIET = re.compile(r"[0-9]?>[ \t]*/dev/null|[0-9]>&[0-9]|>&[0-9]")


def generator_lines(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each line that holds a generator's word (each line once)."""
    starts = set()
    for word in WORDS:
        at = subject.find(word)
        while at >= 0:
            start = line_start(subject, at)
            if start not in starts:
                starts.add(start)
                found = LINE.compiled.match(subject, start)
                if found is not None:
                    yield found
            at = subject.find(word, at + len(word))


def generated(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value printed after a generator's line, or None."""
    line = match.group("line")
    if ELSEWHERE.search(QUIET.sub("", line)) is not None:
        return None
    # A line's real break first: a shell command may hold the two characters ``\\n`` (``tr -d
    # '\\n'``), which end a line only in a JSON string.
    real = text.find("\n", match.start())
    for position in (real, match.start()) if real >= 0 else (match.start(),):
        span = next_line(text, past_notices(text, position))
        if span is None:
            continue
        value = text[span[0] : span[1]]
        if is_generated(value):
            return judged("token", value, span[1]) or judged("password", value, span[1])
    return None


def rules() -> list[Rule]:
    """Return the rule for what a random generator's command prints."""
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(LINE.pattern), find=generator_lines, judge=generated),),
            trigger=Trigger(words=WORDS),
            gate="|".join(re.escape(word) for word in WORDS),
        ),
    ]
