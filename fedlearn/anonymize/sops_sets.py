"""A value ``sops --set`` writes at a path of a document (DESIGN.md guarantee 1).

``sops --set '["db"]["password"] "V"' secrets.yaml`` sets one value of an encrypted file: its
one argument is the path, each key in brackets and quotes, a blank, then the value as JSON
(cli40's probe; forms41); sops 3.9's ``sops set FILE PATH '"V"'`` gives the two apart. No ``key=value`` stands on the line, so no key rule saw it. The value
is judged as if assigned to the path's last key (``tables.judged``): ``["db"]["host"]
"db.internal"`` stays, and so do a reference and a value under a key naming no secret.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names, references
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# ``sops``, its words up to ``--set``, the argument's quote, the path, a blank, the JSON string.
SET = Lazy(
    r"sops[ \t][^\n]{0,200}?--set[ \t=]+(?P<q>\\?['\"])"
    r"(?P<path>(?:\[(?:\\?\"[^\"\\\n]{0,80}\\?\"|[0-9]{1,4})\]){1,12})[ \t]+"
    r"\\?\"(?P<value>[^\"\\\n]{1,300})\\?\""
)
# sops 3.9's ``sops set FILE '["db"]["password"]' '"V"'``: the path and the value apart.
SET_VERB = Lazy(
    r"sops[ \t](?:[^\n]{0,200}?[ \t])?set[ \t]+[^\s'\"]+[ \t]+'"
    r"(?P<path>(?:\[(?:\"[^\"\n]{0,80}\"|[0-9]{1,4})\]){1,12})'[ \t]+'\"(?P<value>[^\"\n]{1,300})\"'"
)
LAST_KEY = re.compile(r"\"([^\"\\]{1,80})\\?\"\]\Z")


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value ``sops --set`` writes under a key naming a secret."""
    if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "_-."):
        return None  # part of another word (``mysops``)
    last = LAST_KEY.search(match.group("path").replace("\\", ""))
    value = match.group("value")
    if last is None or references.is_reference(value):
        return None
    if key_names.classify_key(last.group(1)) is None:
        return None
    return judged(last.group(1), value, match.end("value"), authorization=False)


def rules() -> list[Rule]:
    """Return the rule for a value ``sops --set`` writes."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SET.pattern), judge=judge), Matcher(Lazy(SET_VERB.pattern), judge=judge)),
            trigger=Trigger(words=("sops ", "sops\t")),
            gate=r"sops[ \t](?:[^\n]*--set|(?:[^\n]*[ \t])?set[ \t])",
        ),
    ]
