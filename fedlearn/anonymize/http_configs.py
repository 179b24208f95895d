"""The credentials of an HTTP client's ``authorization`` block in YAML (DESIGN.md guarantee 1).

Prometheus' ``http_config`` (scrape configs, Alertmanager's receivers, remote write, and the
agents that share its schema: Grafana Agent, vmagent, Loki's promtail) writes the
``Authorization`` header as a block: ``authorization:``, then ``type: Bearer`` (the default) and
``credentials: V``. ``credentials`` alone names no secret (``credentials: new
AWS.SharedIniFileCredentials(…)``), but under ``authorization:`` or beside ``type: <scheme>`` it is
the header's credential, judged as the ``Authorization:`` header's is (``key_names``: a digit run,
``nonprod@ftp-enterprise``; a reference or a placeholder stays). ``credentials_file:`` is a path.
From ``bench/contexts34``'s ``grafana_am`` and ``prom_scrape`` rows.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.value_spans import SCHEMES

# ``credentials:`` and its value, maybe quoted, alone on its line.
CREDENTIALS = Lazy(
    r"credentials:[ \t]*(?P<q>[\"']?)(?P<value>[^\s\"'#]{4,400})(?P=q)[ \t]*(?:\r?\n|$)"
)
# A line above it in its block: the ``authorization:`` parent or a ``type: <scheme>`` sibling.
ABOVE = re.compile(
    r"[ \t]*(?:-[ \t]+)?(?:authorization:[ \t]*|type:[ \t]*[\"']?(?P<scheme>\w+)[\"']?[ \t]*)"
)
# How many lines above ``credentials:`` the block's head may be.
LINES_ABOVE = 3


def credentials(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of an ``authorization`` block's credential, or None."""
    line = text.rfind("\n", 0, match.start()) + 1
    indent = text[line : match.start()]
    if indent.strip(" \t-"):
        return None  # ``credentials:`` must be the line's key
    above = text[:line].rstrip("\n").split("\n")[-LINES_ABOVE:]
    if not any(is_head(row, len(indent)) for row in above):
        return None
    start, end = match.span("value")
    value = text[start:end]
    return (
        (start, end, "authorization")
        if key_names.is_secret_value("authorization", "authorization", value)
        else None
    )


def is_head(row: str, indent: int) -> bool:
    """Return whether a line above is the block's ``authorization:`` (less indented) or its
    ``type: <scheme>`` (indented as ``credentials:``)."""
    found = ABOVE.fullmatch(row.rstrip("\r"))
    if found is None:
        return False
    depth = len(row) - len(row.lstrip(" \t-"))
    if found.group("scheme") is None:
        return depth < indent
    return depth == indent and found.group("scheme").lower() in SCHEMES


def rules() -> list[Rule]:
    """Return the rule for an HTTP client's ``authorization`` block's credential."""
    return [
        Rule(
            ("authorization",),
            (Matcher(Lazy(CREDENTIALS.pattern), judge=credentials),),
            trigger=Trigger(words=("credentials:",)),
            gate=r"credentials:[ \t]*[\"']?[^\s\"'#]",
        )
    ]
