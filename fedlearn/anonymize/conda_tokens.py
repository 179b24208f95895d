"""The token in a conda channel's URL (DESIGN.md guarantee 1; from ``bench/contexts33``).

Anaconda's private channels take their token in the URL's path: ``https://conda.anaconda.org/t/
<TOKEN>/<channel>``, on any Anaconda server (``channels:`` of a ``.condarc``, ``conda install -c
…``, ``channel_alias``). A path segment right after ``/t/`` is judged as ``token=V``
(``tables.judged``: it must read as one) where the URL's host names conda (``conda``/``anaconda``
in it) or the text says ``conda`` before the URL (400 characters at most); ``/t/<topic-slug>/``
of a forum's URL stays.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

CHANNEL = Lazy(
    r"https?://(?P<host>[^\s/\"'<>]{1,200})(?:/[^\s/\"'<>]{1,200}){0,4}?/t/"
    r"(?P<value>[^\s/\"'<>]{8,300})/"
)
BEFORE = 400


def channel_token(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a conda channel URL's token when the URL or the text says conda."""
    before = text[max(0, match.start() - BEFORE) : match.start()].lower()
    if "conda" not in match.group("host").lower() and "conda" not in before:
        return None
    return judged("token", match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rule for a conda channel URL's ``/t/<token>/``."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(CHANNEL.pattern), judge=channel_token),),
            trigger=Trigger(words=("/t/",), needs="conda"),
            gate=r"://[^\s/]+(?:/[^\s/]+)*/t/[^\s/]+/",
        )
    ]
