"""What stands right before a long run of token characters (the ``high-entropy`` rule's runs).

A run is read from the text where its token characters start, but two kinds of text before it
say more than that:

- **An escape's letters.** nginx's ``escape=default`` logs a request body's quote as ``\\x22``,
  JSON as ``\\u0022`` (``{\\x22note\\x22: \\x22glimt-my-tokens_are-correctAB\\x22}``, bench
  contexts41). The run read from the text then starts with the escape's letter and hex digits
  (``x22glimt-…``), which a drawn token's digits they are not: the run starts after them
  (``past_escape``), and an escaped quote before it quotes it (``is_escaped_quote``), as the
  decoded view (``escaped``) reads it.
- **A tree's branch.** ``tree`` prints each entry after a branch (``├── ``, ``└── ``; ``|-- ``,
  ``\\`-- `` with ``--charset=ascii``): the run there is a file's or a folder's name
  (``├── R21A-A-V010SP13RC181024R16900-CN-B_250K-Release-OTA-97B6C6C5…C.bfu``, a firmware file,
  gitleaks' beamer false positive, bench/fixtures24), which ``tree`` lists and no one types in
  as a credential.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy

HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
# An escape's letter and how many characters it takes with its hex digits (``x22``, ``u0022``).
ESCAPE_SIZES = {"x": 3, "u": 5}
# Escaped quotes that open a quoted value (``\x22``, ``\x27``, ``\u0022``, ``\u0027``), lowered.
ESCAPED_QUOTES = ("\\x22", "\\x27", "\\u0022", "\\u0027")
# A tree's branch right before an entry's name: Unicode (``├── ``, ``└── ``) or ASCII art
# (``|-- ``, ``\`-- ``), then blanks (``tree`` pads with no-break spaces too).
TREE_BRANCH = Lazy(r"(?:[├└]──|[|`]--)[ \t\u00a0]+\Z")


def past_escape(text: str, start: int) -> int:
    """
    Return where the run at ``start`` begins past an escape's letters: ``start`` + 3 after a
    ``\\x`` and two hex digits, + 5 after ``\\u`` and four, else ``start`` (a backslash that is
    itself escaped, ``\\\\x22``, escapes nothing).
    """
    if start == 0 or text[start - 1] != "\\":
        return start
    size = ESCAPE_SIZES.get(text[start])
    if size is None or len(text) < start + size:
        return start
    if not HEX_DIGITS.issuperset(text[start + 1 : start + size]):
        return start
    return start + size if is_unescaped(text, start - 1) else start


def is_unescaped(text: str, at: int) -> bool:
    """Return whether the backslash at ``at`` starts an escape: an even run of backslashes
    (none too) stands before it."""
    run = at
    while run > 0 and text[run - 1] == "\\":
        run -= 1
    return (at - run) % 2 == 0


def is_escaped_quote(text: str, start: int) -> bool:
    """Return whether an escaped quote (``\\x22``, ``\\u0027``…) stands right before ``start``."""
    return text[max(0, start - 6) : start].lower().endswith(ESCAPED_QUOTES)


def is_tree_entry(text: str, start: int) -> bool:
    """Return whether the run at ``start`` follows a tree's branch (``├── name``): a name."""
    return TREE_BRANCH.compiled.search(text, max(0, start - 16), start) is not None
