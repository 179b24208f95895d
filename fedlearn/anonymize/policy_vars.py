"""A CFEngine policy's variable and a Zig constant (DESIGN.md guarantee 1; from ``bench/contexts42``).

CFEngine declares a variable as a promise: its name quoted, its type, ``=>`` and its value
(``vars: "acme_password" string => "V";``, a list ``"tokens" slist => { "V", … };``). The value
(a list's first item) is judged as after ``acme_password=`` (``tables.judged``).

Zig's string constants carry a byte-slice type between the name and ``=``: ``const acme_api_key:
[]const u8 = "V";`` (also ``[:0]const u8``, ``*const [N:0]u8``); the typed assignment rules read
a type word, not brackets, so the value is judged here as after ``acme_api_key=``.
"""

from __future__ import annotations

from fedlearn.anonymize import key_names
from fedlearn.anonymize.assignments import NAMED_KEY_WORDS
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import keyed_value

VALUE = r"\"(?P<value>[^\"\\\n]{1,1000})\""
PROMISE = Lazy(
    r"\"(?P<key>[A-Za-z_][\w.-]{0,79})\"[ \t]+(?:string|slist)[ \t]*=>[ \t]*(?:\{[ \t\r\n]*)?"
    + VALUE
)
ZIG = Lazy(
    r"const[ \t]+(?P<key>[A-Za-z_]\w{0,79})[ \t]*:[ \t]*"
    r"(?:\[[0-9_]*(?::0)?\][ \t]*const[ \t]+u8|\*const[ \t]+\[[0-9_]+:0\][ \t]*u8)[ \t]*=[ \t]*"
    + VALUE
)


def rules() -> list[Rule]:
    """Return the rules for CFEngine's ``"k" string => "V"`` and Zig's ``const k: []const u8 = "V"``."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(PROMISE.pattern), judge=keyed_value),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs="=>"),
            gate=r"\"[ \t]+(?:string|slist)[ \t]*=>",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ZIG.pattern), judge=keyed_value),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs="u8"),
            gate=r"u8[ \t]*=[ \t]*\"",
        ),
    ]
