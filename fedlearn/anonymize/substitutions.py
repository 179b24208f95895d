"""A value a substitution puts in place of a placeholder named for it (DESIGN.md guarantee 1; from ``bench/contexts41``).

A deploy script fills a template with ``sed``, ``perl -pi -e`` or vim's ``:%s``:
``sed -i 's/__ACME_API_TOKEN__/V/g' app.yml``, ``perl -pe 's|%DB_PASSWORD%|V|'``, ``s/{{ secret_key }}/V/``.
The pattern is a placeholder (``__K__``, ``%K%``, ``@K@``, ``{{K}}``, ``${K}``, ``<K>``, or the
bare name, maybe anchored) and the replacement is what stands for it: the replacement is judged
as after ``K=`` (``tables.judged``), its escapes (``\\/``, ``\\&``, ``\\\\``) read as the characters
they stand for, and redacted as written. A pattern that matches a whole assignment
(``s/^K=.*/K=V/``) leaves the replacement's own ``K=V`` to the rules that read assignments.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_WORDS
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# ``s`` + a delimiter, the pattern, the replacement (backslash escapes kept), the delimiter again.
SUBSTITUTION = Lazy(
    r"(?<![\w\\$-])s(?P<d>[/|#@!,:])(?P<pattern>[^\n]{1,200}?)(?P=d)"
    r"(?P<value>(?:\\[^\n]|[^\n\\]){1,1024}?)(?P=d)"
)
# A placeholder naming its value: the name inside the marks templates put around one.
PLACEHOLDER = re.compile(
    r"\^?(?:__|%|@|\{\{[ \t]*|\$\{|<|\[\[[ \t]*)?(?P<key>[A-Za-z][A-Za-z0-9_.-]{0,80}?)"
    r"(?:__|%|@|[ \t]*\}\}|\}|>|[ \t]*\]\])?\$?"
)
ESCAPE = re.compile(r"\\(.)")


def substituted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a substitution's replacement for a placeholder naming a secret."""
    placeholder = PLACEHOLDER.fullmatch(match.group("pattern"))
    if placeholder is None:
        return None
    key = placeholder.group("key")
    written = match.group("value")
    value = ESCAPE.sub(r"\1", written)
    if value.startswith(key) and value[len(key) : len(key) + 1] in ("=", ":"):
        return None  # ``s/^K=.*/K=V/``: the assignment rules read ``K=V``
    if "\\" in written and key_names.classify_key(key) is not None:
        verdict = judged(key, value, len(value))
        return None if verdict is None else (*match.span("value"), verdict[2])
    return judged(key, value, match.end("value"))


def rules() -> list[Rule]:
    """Return the rule for a substitution's replacement of a placeholder naming a secret."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SUBSTITUTION.pattern), judge=substituted),),
            trigger=Trigger(words=KEY_WORDS, lower=True),
            gate=rf"(?i)(?:^|[^A-Za-z0-9_\\$-])s[/|#@!,:][^\n]*(?:{words})",
        ),
    ]
