"""The secret a cloud secret store's read command prints inside its JSON (DESIGN.md guarantee 1).

``az keyvault secret show`` prints the secret's object with its ``"value"``, ``aws
secretsmanager get-secret-value`` its ``"SecretString"``, ``aws ssm get-parameter
--with-decryption`` the parameter's ``"Value"``: whatever name the secret has (``--name
acme-api``), the value is the secret (bench/contexts29). Within the output after such a command
(to the next prompt line, at most 4,000 characters) each of those members' string is redacted
(``secret``) when it looks generated (``readouts.is_generated``). The bare value the same commands
print with ``--query … -o tsv`` is ``readouts.from_store``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize.readouts import STORE_READ, is_generated
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, span_match

# The commands whose output is JSON holding the secret (a subset of ``readouts.STORE_READ``).
JSON_READ = Lazy(
    r"(?i)keyvault[ \t]+secret[ \t]+show|secretsmanager[ \t]+get-secret-value"
    r"|ssm[ \t]+get-parameters?[ \t]"
)
MEMBER = Lazy(r"\"(?:value|Value|SecretString)\"[ \t]*:[ \t]*\"(?P<value>[^\"\\\n]{8,400})\"")
NEXT_PROMPT = Lazy(r"\n[ \t]*[$#>%][ \t]")
SPAN_LIMIT = 4000


def store_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each value member in the output of a secret store's read command."""
    for found in JSON_READ.compiled.finditer(subject):
        line_end = subject.find("\n", found.end())
        if line_end < 0:
            return
        line = subject[subject.rfind("\n", 0, found.start()) + 1 : line_end]
        if STORE_READ.search(line) is None:
            continue  # ``ssm get-parameter`` without ``--with-decryption``: settings
        stop = min(len(subject), line_end + SPAN_LIMIT)
        prompt = NEXT_PROMPT.compiled.search(subject, line_end, stop)
        stop = prompt.start() if prompt is not None else stop
        for member in MEMBER.compiled.finditer(subject, line_end, stop):
            yield span_match(subject, *member.span("value"))


def stored_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a store's printed value when it looks generated."""
    start, end = match.span()
    return (start, end, "secret") if is_generated(text[start:end]) else None


def rules() -> list[Rule]:
    """Return the rule for the value members a secret store's read command prints."""
    return [
        Rule(
            ("secret",),
            (Matcher(Lazy(r"(?s).+"), find=store_values, judge=stored_value),),
            trigger=Trigger(words=("keyvault", "get-secret-value", "get-parameter"), lower=True),
            gate=JSON_READ.pattern,
        )
    ]
