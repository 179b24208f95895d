"""Where a value a key names really starts and ends, past what its pattern stops at.

A key's value pattern (``assignments.VALUE``) reads a literal up to a quote, a separator or a
bracket; a drawn secret may hold those (``password = "it's-Xk2!q"``, ``secret := gc,kgq8Jr!%…``,
``KEY=u@D7GXt)t>8d(LtH^(lvZ<g``), and after an ``Authorization`` key the scheme word
(``Bearer``) is no part of the credential. The key rules (``assignments``, ``forms``,
``params``) ask these where the span to redact is. A value found after a secret word
(``secret_words``) starts at the ``%`` of a percent-escape it was found inside, and past the
letter of a ``\\n`` escape before it (``value_start``, ``past_escape``).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import rules
from fedlearn.anonymize.rules import Span

# The scheme words an ``Authorization`` value starts with, before its credential.
SCHEMES = frozenset(
    {
        "bearer",
        "basic",
        "token",
        "bot",
        "apikey",
        "api-key",
        "key",
        "sso-key",
        "digest",
        "negotiate",
        "api-token",
        "apitoken",
        "ssws",
        "oauth",
        "splunk",
        "geniekey",
        "klaviyo-api-key",
        "zoho-oauthtoken",
        "access-token",
    }
)


def scheme_skipped(text: str, start: int, end: int) -> Span:
    """Return the span of the credential after an authorization scheme word (``Bearer x`` → x)."""
    words = text[start:end].split(None, 1)
    if words and words[0].lower() in SCHEMES:
        if len(words) == 2:
            return end - len(words[1]), end
        after = re.match(r"[ \t]+([^\s\"'`,;]+)", text[end : end + 4096])
        if after:
            return end + after.start(1), end + after.end(1)
    return start, end


# The rest of an unquoted word up to a blank or a quote (``past_symbols``).
# Where a value prose tells ends: a blank, ``,;)``, a sentence's full stop, the text's end, or
# the end of the JSON string the prose is in (``"``, a ``\n`` escape: ``"… password is V\nthanks"``).
TOLD_END = r"(?=[\s,;)\"]|\\[nrt]|\.(?:[\s\"]|\Z)|\Z)"
SYMBOL_WORD = rules.Lazy(r"[^\s\"'`]{1,200}")
# The rest of a quoted word past another quote character, up to a blank.
WORD_RUN = rules.Lazy(r"\S{1,200}")
# What may follow an unquoted value's comma up to the next blank or quote (``past_commas``).
VALUE_RUN_END = rules.Lazy(r",[^\s\"'`]*")
# What may follow an unquoted value's semicolon up to the next blank or quote (``past_semicolons``).
SEMICOLON_RUN = rules.Lazy(r";[^\s\"'`]{1,200}")
# An HTML or XML entity up to its ``;`` (``&apos``, ``&#39``, ``&#x27``).
ENTITY_BEFORE = rules.Lazy(r"&(?:[A-Za-z]{2,8}|#[0-9]{1,5}|#[xX][0-9A-Fa-f]{1,4})\Z")


def past_other_quote(text: str, quote: str, start: int, end: int) -> int:
    """
    Return where a quoted value that stops at another quote character really ends.

    A drawn password holds the other quotes (``password = "it's-Xk2!q"``): when a word with no
    blank runs from there to the value's own closing quote (``quote``, escaped as it opened), the
    value runs on to it. A blank before it (``"{'a': 1}"``, prose) keeps the stop.
    """
    if end >= len(text) or text[end] not in "\"'`" or text[end] == quote[-1]:
        return end
    found = WORD_RUN.compiled.match(text, end)
    closing = found.group().find(quote) if found is not None else -1
    if closing < 0 or any(character.isspace() for character in text[start:end]):
        return end
    return end + closing


def past_commas(text: str, end: int) -> int:
    """
    Return where an unquoted value that stops at a ``,`` really ends.

    A comma with no blank after it is part of the value (``secret := gc,kgq8Jr!%…``): the value
    runs on to the next blank, quote or line end, unless another ``key=value`` follows
    (``password=x,user=y``) or it is a list (``a, b``), where the comma ends it.
    """
    if not text.startswith(",", end):
        return end
    found = VALUE_RUN_END.compiled.match(text, end)
    if found is None or "=" in found.group() or found.group() == ",":
        return end
    return found.end()


def past_semicolons(text: str, start: int, end: int) -> int:
    """
    Return where an unquoted value that stops at a ``;`` really ends.

    A drawn secret holds semicolons (``ApiToken = gA9Bu0;mkEjrew8p3N^S``, ``token: rghv;8,o00…``):
    when a word with no blank runs on past the ``;`` and no ``key=`` follows in it, the value
    runs on to the next blank or quote (a comma or semicolon closing it stays out). A
    connection string's pairs (``Password=x;Server=y``, ``User ID=a;Password=b;``) end at the
    ``;``; a word of letters alone after it is a next command's name (``…;echo done``, as
    ``stored.glued_end`` reads it), a call (``key=a1b2c3;f(x)``, its brackets paired) a next
    statement; and the whole word must be 12 characters or more with letters and digits, as
    ``past_symbols`` asks.
    """
    if not text.startswith(";", end) or ENTITY_BEFORE.search(text, max(start, end - 12), end):
        return end  # the ``;`` closes an entity (``&apos;…&apos;``): ``entities`` reads those
    found = SEMICOLON_RUN.compiled.match(text, end)
    if found is None or "=" in found.group():
        return end
    stop = end + len(found.group().rstrip(",;"))
    word = text[start:stop]
    if stop == end or len(word) < 12 or text[end + 1 : stop].isalpha():
        return end  # ``TOKEN=k7Q2xV9mTq8Lz4wN1c;echo done``: a command's name after the ``;``
    if not has_letters_and_digits(word):
        return end
    run = text[end:stop]
    if any(c in "()[]{}" for c in run) and brackets_pair(run):
        return end  # statements run on (``key=a1b2c3;f(x)``): code, not a value
    return stop


# What closes markup around a value: a CDATA section's end, an element's closing tag.
MARKUP_CLOSE = rules.Lazy(r"\]\]>|</[A-Za-z][\w:.-]{0,40}>")


def past_symbols(text: str, start: int, end: int) -> int:
    """
    Return where an unquoted value that stops at a bracket or redirection really ends.

    A drawn password holds shell symbols (``KEY=u@D7GXt)t>8d(LtH^(lvZ<g``): when the word up to
    the next blank or quote is 12 characters or more, has letters and digits and its brackets do
    not pair up as code's do (``f(x)``, ``a[0]``), the value runs on to that blank; not past
    what closes markup around it (a CDATA section's ``]]>``, a closing tag ``</pre>``).
    """
    if end >= len(text) or text[end] not in "()<>[]{}":
        return end
    if MARKUP_CLOSE.compiled.match(text, end) is not None:
        return end  # markup closes around the value: ``…]]></ac:plain-text-body>``, ``…</pre>``
    found = SYMBOL_WORD.compiled.match(text, end)
    if found is None or found.end() - start < 12 or not any(c.isalnum() for c in found.group()):
        return end  # nothing drawn past the bracket (``key: Hk2L…==)``: a closing parenthesis)
    word = text[start : found.end()]
    if not has_letters_and_digits(word):
        return end
    return end if brackets_pair(word) else found.end()


def has_letters_and_digits(word: str) -> bool:
    """Return whether ``word`` holds a letter and a digit, as a drawn value does."""
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def brackets_pair(word: str) -> bool:
    """Return whether every bracket in ``word`` closes one opened before it, and all close."""
    opened: list[str] = []
    for character in word:
        if character in "([{":
            opened.append(character)
        elif character in ")]}" and (not opened or "([{"[")]}".index(character)] != opened.pop()):
            return False
    return not opened


# A percent-escape's two hex digits after its ``%`` (``%24`` is ``$``; ``value_start``).
PERCENT_TAIL = rules.Lazy(r"[2-7][0-9A-Fa-f]")


def value_start(text: str, start: int) -> int:
    """Return where a value found at ``start`` starts: at the ``%`` of a percent-escape that
    ``start`` is inside (``%24%28cat…`` found from ``24%28cat…``), else at ``start``."""
    inside = text.endswith("%", 0, start) and PERCENT_TAIL.compiled.match(text, start)
    return start - 1 if inside else start


def past_escape(text: str, start: int) -> int:
    """
    Return where a value found at ``start`` starts when the letter there ends a ``\\n``, ``\\r``
    or ``\\t`` escape (an odd run of backslashes before it: ``…/token\\nVALUE`` in a JSON string,
    where that letter is a line break or a tab): after it; else ``start``.
    """
    if start == 0 or text[start - 1] != "\\" or text[start] not in "nrt":
        return start
    run = start - 1
    while run > 0 and text[run - 1] == "\\":
        run -= 1
    return start + 1 if (start - run) % 2 == 1 else start
