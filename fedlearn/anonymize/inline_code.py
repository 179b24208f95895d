"""A value in inline-code markup other than backticks (DESIGN.md guarantee 1; from ``bench/contexts33``).

Where people hand a value over, it is often set as code: ``<code>V</code>`` in HTML (a Teams or
Outlook message, a Graph API message's ``content``, a wiki page), ``<tt>``/``<kbd>``/``<samp>``,
and ``{{V}}`` in Jira's and Confluence's wiki markup (``the key for QA is {{V}}``). The rules read
a value after a name (``Token: <code>V</code>``) or a sentence around it (``use <code>V</code> as
the api key``) up to the tag or brace. They judge the text with each such span's markup removed
(the opening and closing tags or braces, nothing between them but one word: no blank, ``<``,
brace or quote), and what they find there that starts, ends or crosses at a removed piece, by a
rule that names what it found, is mapped back to the word (``continued.with_gaps``). A template's
``{{ name }}`` (blanks inside), ``${{ … }}`` and ``{{{…}}}`` are no such markup, and a word that
reads as a name stays marked (``words.is_named``, or letters, ``_``, ``.``, ``$`` and ``-`` with at
most a trailing number: ``{{access_token}}``, ``<code>process.env.API_KEY</code>``): bare after
``Bearer`` it would read as a token.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import words
from fedlearn.anonymize.rules import Lazy

# One word in inline-code markup: an HTML element (lower or upper case) or wiki braces.
MARKED = Lazy(
    r"<(?P<tag>code|tt|kbd|samp|CODE|TT|KBD)>(?P<value>[^\s<>\"'`]{1,300})</(?P=tag)>"
    r"|(?<![{$])\{\{(?P<wiki>[^\s{}\"'`<>|]{1,300})\}\}(?!\})"
)
NAME = re.compile(r"[A-Za-z_$][A-Za-z_$.-]*[0-9]{0,2}")


def has_inline_code(text: str) -> bool:
    """Return whether ``text`` may hold a marked word: a lone ``<`` or ``{`` first (``memchr``,
    most texts have neither), the pairs only then (read a character at a time)."""
    return ("<" in text and "</" in text and ("<code>" in text or "<tt>" in text
            or "<kbd>" in text or "<samp>" in text or "<CODE>" in text or "<TT>" in text
            or "<KBD>" in text)) or ("{" in text and "{{" in text and "}}" in text)  # fmt: skip


def gaps(text: str) -> list[tuple[int, int]]:
    """Return the spans of each marked word's markup: its opening, then its closing."""
    found = []
    for match in MARKED.finditer(text):
        group = "value" if match.group("value") is not None else "wiki"
        if NAME.fullmatch(match.group(group)) or words.is_named(match.group(group)):
            continue  # a name or a template's variable (``{{access_token}}``)
        found.append((match.start(), match.start(group)))
        found.append((match.end(group), match.end()))
    return found
