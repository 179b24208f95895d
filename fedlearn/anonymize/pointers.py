"""A string a debugger prints after its pointer (DESIGN.md guarantee 1; from ``bench/contexts33``).

gdb prints a ``char *`` member as its address, then the string: ``(gdb) p *cfg`` gives ``{…,
api_token = 0x5581c2f0 "V", …}``; lldb's ``frame variable`` the same after the type (``(const
char *) token = 0x0000600003d04000 "V"``). The key rules read the address as the value; the
string after it is judged as ``KEY=V`` (``tables.judged``), escapes and all.
"""

from __future__ import annotations

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import keyed_value

POINTER = Lazy(
    r"(?<![\w.])(?P<key>[A-Za-z_][\w.]{0,80})[ \t]=[ \t]0x[0-9a-fA-F]{1,16}[ \t]"
    r"\"(?P<value>(?:[^\"\\\n]|\\.){1,400})\""
)


def rules() -> list[Rule]:
    """Return the rule for a debugger's ``name = 0x… "V"``."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(POINTER.pattern), judge=keyed_value),),
            trigger=Trigger(words=(" = 0x",)),
            gate=r"[ \t]=[ \t]0x[0-9a-fA-F]+[ \t]\"",
        )
    ]
