"""Secrets given to a C array or a C++ string under a secret key (DESIGN.md guarantee 1).

detect-secrets' keyword plugin reads these forms, which ``assignments`` does not (the key is not
right before the ``=``, or there is none): a C or Objective-C array, sized or not
(``char db_password[25] = "…";``, ``api_key[] = @"…";``), and a C++ string's ``assign``
(``secret.assign("…", 17);``). The key before the bracket or the ``.assign`` is judged as it
would be before ``=`` (``key_names.classify_key``), the literal as after it
(``key_names.is_secret_value``); ``key_shapes.affixed`` reads a key word with a short tail of
its own (``char secrete[25]``) as that word.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_WORDS, key_before
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

QUOTED = r"@?(?P<q>[\"'])(?P<value>[^\"'\n\\]{1,300})(?P=q)"
ARRAY = Lazy(rf"\[[0-9]{{0,6}}\][ \t]*=[ \t]*{QUOTED}")
ASSIGN = Lazy(rf"\.assign\([ \t]*{QUOTED}")


def subscripted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the literal after a secret key's ``[…] =`` or ``.assign(``."""
    key, _ = key_before(text, match.start())
    return judged(key, match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rules for a secret key's array initializer and C++ ``assign``."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ARRAY.pattern), judge=subscripted),),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs="]"),
            gate=rf"(?i)(?:{words})[a-z0-9_.-]*\[[0-9]{{0,6}}\][ \t]*=[ \t]*@?[\"']",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ASSIGN.pattern), judge=subscripted),),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs=".assign("),
            gate=rf"(?i)(?:{words})[a-z0-9_.-]*\.assign\([ \t]*@?[\"']",
        ),
    ]
