"""A configuration line of a secret's key and its value separated by blanks (DESIGN.md
guarantee 1).

Many daemons' files write ``KEY VALUE`` a line, no ``=`` or ``:``: redis' ``requirepass V`` and
``masterauth V``, snmpd's ``rocommunity V``, squid's, OpenVPN's and Apache's directives, and the
same as an aligned column (``api_key    V``) or a Markdown row of two cells (``| api_key | V |``)
(the lead's probe of line forms, session 36). A line that is exactly the key and one value (maybe
a ``;`` and a ``#`` comment after it) is read: the key as any key is (``key_names.classify_key``),
the value judged as if assigned to it (``tables.judged``); a bare value must also read generated
(``key_names.reads_generated``, no name), so prose's two words (``password changed``, ``token
expired``) and a path (``ssh-add key.pem``) stay, and ``key`` alone, which names cache keys and
key ids as often, is no key here; nor is a git setting whose value is public (``git_settings``:
``git config --get-regexp``'s ``user.signingkey KEYID`` line).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.assignments import GATE_WORDS
from fedlearn.anonymize.git_settings import is_public_setting
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

KEY = r"(?P<key>[A-Za-z_][A-Za-z0-9_.-]{1,60})"
VALUE = r"(?:\"(?P<dq>[^\"\n]{1,300})\"|'(?P<sq>[^'\n]{1,300})'|(?P<bare>[^\s\"'#;|]{1,300}))"
LINE = Lazy(
    r"^[ \t]*(?P<row>\|[ \t]*)?"
    + KEY
    + r"(?(row)[ \t]*\|)[ \t]+"
    + VALUE
    + r"(?(row)[ \t]*\|)[ \t]*;?[ \t]*(?:#[^\n]*)?\r?$",
    re.MULTILINE,
)


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a line's value when its key names a secret, or None."""
    key = match.group("key")
    if key.lower() == "key" or is_public_setting(key) or key_names.classify_key(key) is None:
        return None
    group = next(group for group in ("dq", "sq", "bare") if match.group(group) is not None)
    value = match.group(group)
    if group == "bare" and not key_names.reads_drawn(value):
        return None
    if "://" in value or value.startswith(("/", "~", "./")) or ("/" in value and "." in value):
        return None  # a URL or a path (nginx's ``proxy_pass http://…;``, ``PASS src/app.test.js``)
    return judged(key, value, match.end(group), authorization=False)  # the scheme rules'


def rules() -> list[Rule]:
    """Return the rule for a line of a secret's key and its value separated by blanks."""
    words_ = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(LINE.pattern, LINE.flags), judge=judge),),
            trigger=Trigger(words=tuple(GATE_WORDS), lower=True),
            gate=(
                rf"(?im)^[ \t]*(?:\|[ \t]*)?[A-Za-z0-9_.-]*(?:{words_})[A-Za-z0-9_.-]*"
                r"[ \t|]*[ \t](?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\"'#;|]+)[ \t|]*;?[ \t]*(?:#[^\n]*)?\r?$"
            ),
        ),
    ]
