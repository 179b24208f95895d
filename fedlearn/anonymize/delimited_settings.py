"""A setting in HeidiSQL's exported settings file (DESIGN.md guarantee 1; from ``bench/contexts41``).

HeidiSQL's "Export settings" (and its portable ``portable_settings.txt``) writes one registry
value a line: the value's path, ``<|||>``, its type as a number, ``<|||>``, the value
(``Servers\\prod\\Password<|||>1<|||>V``). The path's last part is the value's name and is judged
as a key (``tables.judged``): ``Servers\\prod\\Host<|||>1<|||>db.example.com`` names nothing.
"""

from __future__ import annotations

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import keyed_value

SETTING = Lazy(
    r"(?m)^(?:[^\n<>|]{0,200}\\)?(?P<key>[A-Za-z_][\w.-]{0,80})<\|\|\|>[0-9]{1,2}<\|\|\|>"
    r"(?P<value>[^\n]{1,1000}?)[ \t]*\r?$"
)


def rules() -> list[Rule]:
    """Return the rule for HeidiSQL's ``path\\Name<|||>type<|||>value`` settings lines."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SETTING.pattern), judge=keyed_value),),
            trigger=Trigger(words=("<|||>",)),
            gate=r"<\|\|\|>[0-9]{1,2}<\|\|\|>",
        ),
    ]
