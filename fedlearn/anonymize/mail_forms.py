"""E-mail addresses in the forms the plain ``email`` rule does not read (DESIGN.md guarantee 1).

``personal``'s ``email`` rule reads an ASCII ``local@domain.tld``. A reader also takes these for
an address, and so they are redacted as ``<email>`` too:

- a quoted local part (RFC 5322: ``"anna rossi"@example.org``), also URL-encoded in a form body
  (``%22anna..rossi%22%40example.org``; a plain one there is ``escaped``'s, decoded); not a
  shell reference in quotes (``https://oauth2:"$TOKEN"@git.example.com``: a URL's password);
- an internationalized address (RFC 6531, IDNA 2008): a local part or domain with letters of any
  script (``zoë@example.org``, ``anna@españa-viajes.es``, ``李明@example.cn``); the ASCII ones
  stay ``email``'s;
- an address obfuscated as people type it: ``@`` written ``[at]``, ``(at)``, ``{at}``, ``<at>``,
  ``[@]``, and dots ``[dot]``, ``(dot)``, ``{dot}``, ``[.]``, any case, blanks around or not
  (``anna [at] example [dot] org``); or ``at`` and ``dot`` as bare words (``anna.rossi at example
  dot org``) only when the local part holds a ``.``, ``_``, ``+``, ``-`` or digit or both words
  are capitals (``anna AT example DOT org``), so prose (``look at this dot com``) stays. The
  domain's last label is 2 to 24 letters and no file extension (``checks.FILE_EXTENSION``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from fedlearn.anonymize.checks import FILE_EXTENSION
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, personal

# A domain label in any script, and a top-level label of letters (any script).
LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
TOP = r"[^\W\d_]{2,24}"
DOMAIN = rf"(?:{LABEL}\.)+{TOP}(?![\w-]|\.[^\W_])"
QUOTED = (
    r"(?<![\w\"])\"(?P<local>[^\"\\\n<>@]{1,64})\"@"
    + DOMAIN
    + r"|(?<![\w%])%22(?:[A-Za-z0-9._+-]|%20|%2[Bb]){1,64}%22%40(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}"
    + r"(?![\w-]|\.[A-Za-z0-9])"
)
# A local part and a domain with a letter of another script somewhere.
UNICODE = rf"(?<![\w.+-])[\w.+-]{{1,64}}@{DOMAIN}"
# ``@`` and ``.`` spelled out: in brackets (any case, blanks around or not), or as bare words.
AT = r"(?:\s?(?:\[(?:at|@)\]|\((?:at|@)\)|\{at\}|<at>)\s?|(?P<bare> at | AT ))"
DOT = r"(?:\s?(?:\[(?:dot|\.)\]|\((?:dot|\.)\)|\{dot\})\s?| dot | DOT |\.)"
SPELLED = (
    rf"(?<![\w.+-])(?P<local>[\w.+-]{{1,64}}){AT}(?P<domain>{LABEL}(?:{DOT}{LABEL})*{DOT}{TOP})"
    r"(?![\w-])"
)
BARE_DOTS = frozenset((" dot ", " DOT "))
DOT_WORD = Lazy(r" dot | DOT |\s?(?:\[(?:dot|\.)\]|\((?:dot|\.)\)|\{dot\})\s?", re.IGNORECASE)


def quoted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a quoted or URL-encoded address unless its last label is a file extension or its
    local part a shell reference (``https://oauth2:"${TOKEN}"@host``: a URL's quoted password)."""
    last = re.split(r"[.]", match.group())[-1]
    if FILE_EXTENSION.fullmatch(last) or (match.group("local") or "").startswith("$"):
        return None
    return (*match.span(), "")


def international(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return an address with a letter of another script (the ASCII ones are ``email``'s)."""
    value = match.group()
    if value.isascii() or value.startswith(".") or FILE_EXTENSION.fullmatch(value.rsplit(".")[-1]):
        return None
    return (*match.span(), "")


def spelled(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return an address with ``@`` spelled out, when it reads as one (module docstring)."""
    local, domain = match.group("local"), match.group("domain")
    dots = DOT_WORD.compiled.findall(domain)
    last = DOT_WORD.compiled.split(domain)[-1].rsplit(".", 1)[-1]
    if FILE_EXTENSION.fullmatch(last) or local.startswith(".") or local.endswith("."):
        return None
    bare_at = match.group("bare")
    if bare_at is None and not dots and "." not in domain:
        return None
    if bare_at is None:
        return (*match.span(), "")
    # ``at`` as a word: the domain must spell a dot out too, the same way, and the local part
    # must look like a mailbox's (or the words be capitals, as people write to be seen).
    if not dots or any(dot not in BARE_DOTS for dot in dots):
        return None
    shouting = bare_at == " AT " and all(dot == " DOT " for dot in dots)
    if not shouting and not any(c in "._+-" or c.isdigit() for c in local):
        return None
    if bare_at == " at " and any(dot == " DOT " for dot in dots):
        return None
    return (*match.span(), "")


def non_ascii(pattern: Lazy) -> Callable[[str], Iterator[re.Match[str]]]:
    """Return a finder of ``pattern`` in a text with an ``@`` and a character past ASCII."""

    def find(subject: str) -> Iterator[re.Match[str]]:
        if subject.isascii() or "@" not in subject:
            return iter(())
        return pattern.finditer(subject)

    return find


def rules() -> list[Rule]:
    """Return the rules for e-mail addresses quoted, URL-encoded, internationalized or spelled
    (each build makes its own patterns, compiled when first used)."""
    unicode = Lazy(UNICODE)
    return [
        personal(
            "email",
            "<email>",
            Matcher(Lazy(QUOTED), judge=quoted),
            gate=r'"@|%22%40',
            trigger=Trigger(words=('"@', "%22%40")),
        ),
        personal(
            "email",
            "<email>",
            Matcher(unicode, judge=international, find=non_ascii(unicode)),
            gate=r"[^\x00-\x7F][A-Za-z0-9_.+-]*@|@[A-Za-z0-9_.-]*[^\x00-\x7F]",
            trigger=Trigger(words=("@",)),
        ),
        personal(
            "email",
            "<email>",
            Matcher(Lazy(SPELLED, re.IGNORECASE), judge=spelled),
            gate=r"(?i)[\[({<] ?(?:at|@) ?[\])}>]| at [^\n]+ dot | AT [^\n]+ DOT ",
            trigger=Trigger(
                words=("[at]", "(at)", "{at}", "<at>", "[@]", "(@)", "[ at ]", "( at )", " dot "),
                lower=True,
            ),
        ),
    ]
