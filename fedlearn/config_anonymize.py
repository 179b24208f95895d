"""The ``[anonymize]`` table: what sync redacts beyond the built-in rules.

``config`` loads and validates it; every other module names it ``config.Anonymize``.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class ExtraRule:
    """
    A named regular expression whose matches are redacted as ``<redacted:NAME>``.

    Attributes:
        name: the rule's name: its placeholder, its count in the summary, what ``disable`` takes.
        pattern: the regular expression (Python syntax) whose matches are redacted.
    """

    name: str
    pattern: str


@attrs.frozen
class Anonymize:
    """
    The ``[anonymize]`` table: what to redact beyond the built-in rules.

    Attributes:
        hostnames: extra host or domain names to redact (this machine's own always are).
        disable: built-in rule names to switch off.
        allow: regular expressions of text never to redact.
        extra_rules: more rules, e.g. ``[{ name = "ticket", pattern = "TCK-[0-9]{6}" }]``.
    """

    hostnames: list[str] = attrs.field(factory=list)
    disable: list[str] = attrs.field(factory=list)
    allow: list[str] = attrs.field(factory=list)
    extra_rules: list[ExtraRule] = attrs.field(factory=list)
