"""Source code that a key's value pattern reads as a literal: calls, names, word lists, prompts.

A secret key in code is followed by code far more often than by a literal: ``password =
enforce_bytes(auth[1], name="auth")`` (a call cut at its first blank), ``headers["Authorization"]
= self.build_header(r)`` and ``… = opts.token`` (a call and a name after a header key),
``['pass', 'raise', 'nonlocal']`` (a list of keywords, not a key and its value), ``prompt=
'Password: ', stream=None`` (a prompt's text ends at the quote, no value follows).
"""

from __future__ import annotations

from fedlearn.anonymize import rules, words
from fedlearn.anonymize.per_text import line_start

# A call's head: a name or a dotted chain of names, then ``(`` (``enforce_bytes(``, ``self.f(``).
CALL_HEAD = rules.Lazy(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\(")
NAME_CHAIN = rules.Lazy(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
# The last name of a chain that names a credential: ``opts.token``, ``config.api_key``.
CREDENTIAL_NAME = rules.Lazy(
    r"(?i)(?:[a-z0-9]+_)*(?:token|password|passwd|secret|key|credentials?|auth|authorization"
    r"|header)s?"
)
# A list's next item right after a value: ``, 'nonlocal'``.
NEXT_ITEM = rules.Lazy(r"[\"'][ \t]*,[ \t]*[\"']")
LOWER_NAME = rules.Lazy(r"[a-z][a-z_]{1,30}")


def is_call(value: str) -> bool:
    """
    Return whether an unquoted value is a call cut at its first blank (``enforce_bytes(auth[1],``):
    a name or chain of names that read as words before ``(`` (``Zq8vT1mN4p(x`` is drawn), with a
    ``.`` or ``_`` in it or only letters (``hunter2(x`` is no name).
    """
    head = CALL_HEAD.match(value)
    if head is None:
        return False
    name = head.group()[:-1]
    if not ("." in name or "_" in name.strip("_") or name.isalpha()):
        return False  # ``hunter2(x``: a word and a digit, no function's name
    return all(map(is_name, name.split(".")))


# One piece of a snake_case name: a lower-case, upper-case or camelCase word, digits at its end.
NAME_PIECE = rules.Lazy(r"(?:[a-z]+|[A-Z]+|[A-Z]?[a-z]+(?:[A-Z][a-z]+)*)[0-9]{0,3}")


def is_name(name: str) -> bool:
    """
    Return whether a name in code reads as written, not drawn: pieces between ``_`` that are
    words of one case or camelCase with digits only at their end (``quokka_bytes``,
    ``_make_signature``, ``getToken2``), three letters or more in all, not drawn in its cases
    (``words.is_random_case``: ``Zq8vT1mN4p`` and ``nZgKHZfOwcIls`` are no names).
    """
    pieces = [piece for piece in name.split("_") if piece]
    if sum(c.isalpha() for c in name) < 3 or not pieces:
        return False
    return all(NAME_PIECE.fullmatch(piece) for piece in pieces) and not words.is_random_case(name)


def is_header_code(value: str, following: str) -> bool:
    """
    Return whether an authorization header's unquoted value is code: a call of named functions
    (``self.build_digest_header(…)``, ``_basic_auth_str(…)``) or a chain of names whose last
    names a credential (``opts.token``), where the credential itself has no ``name.name`` shape.
    """
    names = value.split(".")
    if following.startswith("("):
        return all(map(is_name, names))
    if not NAME_CHAIN.fullmatch(value):
        return False
    return bool(CREDENTIAL_NAME.fullmatch(names[-1])) and all(map(is_name, names))


def is_word_list(text: str, key_start: int, value: str, value_end: int) -> bool:
    """
    Return whether a quoted key and the quoted word after it are items of a list of names that
    goes on (``'pass', 'raise', 'nonlocal',`` in a lexer's keywords; ``"splitpasswd",
    "splitport", …``): the key starts its line or the list, is no option (``'--password'``), the
    value is a lower-case name and another item follows it. A pair ends (``("password", "…")``).
    """
    if text.startswith("-", key_start) or not LOWER_NAME.fullmatch(value):
        return False
    if NEXT_ITEM.compiled.match(text, value_end) is None:
        return False
    line = line_start(text, key_start)
    return text[line : key_start - 1].strip(" \t") in ("", "[", "(", "{")


def is_prompt(text: str, key_start: int, value_start: int) -> bool:
    """
    Return whether a key and separator are a string's text and the "value" begins past its
    closing quote (``prompt='Password: ', stream=None``): the same quote opens before the key
    and closes right after the separator.
    """
    if value_start < 1 or key_start < 1:
        return False
    quote = text[key_start - 1]
    if quote not in "\"'`":
        return False
    return text[value_start - 1] == quote and text[value_start : value_start + 1] in (",", ")")


# A reStructuredText role: ``:meth:`peek```, ``:py:class:`Token```.
ROLE = rules.Lazy(r":[a-z]+(?::[a-z]+)?:`")


def is_role(text: str, separator: int) -> bool:
    """
    Return whether the ``:`` at ``separator`` opens a reStructuredText role (``Pass :meth:`peek`
    a default``): the key word is prose before a cross-reference, no key.
    """
    return ROLE.compiled.match(text, separator) is not None


# The targets before a key in a tuple assignment, from the line's start: ``smtp.user, ``.
TARGETS = rules.Lazy(r"[ \t]*(?:[A-Za-z_][A-Za-z0-9_.]*[ \t]*,[ \t]*)+\Z")


def is_unpacked(text: str, key_start: int, value: str) -> bool:
    """
    Return whether an unquoted value is the name a tuple assignment unpacks into the key and the
    targets before it (``smtp.user, smtp.password = sim_auth``): a chain of names or a snake_case
    name, not a literal (a lone word, ``user, password = hunter2``, may be one).
    """
    line = line_start(text, key_start)
    if TARGETS.compiled.match(text, line, key_start) is None:
        return False
    if NAME_CHAIN.fullmatch(value) is not None:
        return all(map(is_name, value.split(".")))
    return "_" in value.strip("_") and is_name(value)  # ``sim_auth``; ``hunter2`` may be one
