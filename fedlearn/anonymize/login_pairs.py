"""A login told as a user and a password side by side (DESIGN.md guarantee 1).

Tickets, chats and runbooks give a login as a pair after one label: ``Login: admin / V``,
``creds: admin:V``, ``Credentials - admin : V``, ``login admin:V``; or under two labels joined by
a slash, the values in the same order: ``user/pass: admin / V``, ``username/password:
admin/V``, ``u/p: admin/V`` (the lead's probe of told logins, session 36). ``assignments`` reads
the key before the separator, so it took the user for the password (``user/pass: <redacted> /
V``). The pair's second part is a ``password`` when it reads as a password: generated
(``key_names.reads_generated``), or chosen (``framed.is_chosen_password``, ``key_shapes.is_chosen``,
``weak_values.is_chosen``: ``login admin / master36``);
a reference, a URL, a path, a host or a word stays (``login: admin / see vault``, ``creds:
ops/readme.md``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from fedlearn.anonymize import checks, framed, key_names, key_shapes, references, weak_values
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# A user is no flag (``login --token V``, ``--username``); a value ends at a backslash (a JSON
# string's ``\r\n`` escape after it).
USER = r"(?P<user>(?!-)[A-Za-z0-9_.@+-]{1,64})"
VALUE = r"(?P<value>[^\s\"'`,;()<>\\]{4,200})"
# One label naming a login, a separator, the user, ``/`` or ``:``, the password; after a label
# that says the pair is a login's (not ``auth``, a middleware's or a scheme's word), a blank will
# do (``creds: admin V``, ``credentials admin V``).
LABELLED = Lazy(
    r"(?i)(?<![A-Za-z0-9_./:@-])(?P<label>login|logins|creds|credentials?|auth)"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+-[ \t]+|[ \t]+)"
    + USER
    + r"(?:[ \t]*(?:/|[ \t]:[ \t]|:)[ \t]*|(?P<blank>[ \t]+))"
    + VALUE
)
# Two labels, each with its value: the user's (``U:``, ``user``, ``account``) and then the
# password's (``P:``, ``pw``, ``pass``, ``password``); a one-letter label wants its ``:`` or ``=``.
U_LABEL = r"(?:(?:user(?:name)?|login|account)(?:[ \t]*[:=][ \t]*|[ \t]+)|u[ \t]*[:=][ \t]*)"
P_LABEL = r"(?:(?:pw|pwd|pass(?:word|wd)?)(?:[ \t]*[:=][ \t]*|[ \t]+)|p[:=][ \t]*)"
TWO_LABELS = Lazy(
    r"(?i)(?<![A-Za-z0-9_./:@-])" + U_LABEL + USER + r"[ \t]*[,;]?[ \t]+" + P_LABEL + VALUE
)
# A default account's name, `` / `` and its password, no label (``admin / V (prod)``).
ACCOUNT = Lazy(
    r"(?i)(?<![A-Za-z0-9_./:@-])(?P<user>admin|administrator|root|sa|postgres|elastic|ubuntu|pi)"
    r"[ \t]+/[ \t]+" + VALUE
)
# Two labels joined by ``/`` (the user's, the password's), a separator, the two values.
SLASHED = Lazy(
    r"(?i)(?<![A-Za-z0-9_./:@-])(?:user(?:name)?|login|u|e-?mail|account)[ \t]*/[ \t]*"
    r"(?:pass(?:word|wd)?|pwd?|p)[ \t]*[:=][ \t]*" + USER + r"[ \t]*[/:][ \t]*" + VALUE
)
# A symbol a person puts in a password and no name, path, host or version holds: with letters
# and digits, a value told as a password is one (``Maple&2898silver``; ``$`` and ``&`` after a
# password's label are no shell's or query's).
SYMBOLS = frozenset("!#$%&*+=?@^~")
ASSIGNED = re.compile(r"[A-Za-z_][\w.-]*[=:]\S")
HOST = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.?")


# Where each form's regex (led by a case-blind lookbehind, which the regex engine tries at every
# position) can start, found in the lower-case text first: its first label's words; and what it
# needs besides (the password's label, the `` / ``). Only for ASCII text, where lowering keeps
# every position and a case-blind letter is its two cases.
STARTS = {
    "labelled": re.compile(r"login|cred|auth"),
    "two_labels": re.compile(r"user|login|account|u[ \t]*[:=]"),
    "account": re.compile(r"admin|root|sa|postgres|elastic|ubuntu|pi"),
}
NEEDS = {
    "labelled": ("login", "cred", "auth"),
    "two_labels": ("pw", "pass", "p:", "p="),
    "account": (" / ", " /\t", "\t/ ", "\t/\t"),
}
SLASH_P = re.compile(r"/[ \t]*p")
# A case-blind ``i`` also matches the dotless i (U+0131) and the dotted capital I (U+0130, lowered:
# ``i`` and a combining dot), an ``s`` the long s (U+017F): read as the ASCII letter in a copy for
# the tests of ``NEEDS``.
FOLDED = (("\u0131", "i"), ("\u0307", ""), ("\u017f", "s"))
LOWERED: list[str] = ["", ""]  # the last text asked about and its lower-case copy


def lowered(subject: str) -> str:
    """Return ``subject`` in lower case, kept for the next form's finder on the same text."""
    if LOWERED[0] is not subject:
        lower = subject.lower()
        if not subject.isascii():  # what a case-blind ASCII letter also matches, as that letter
            for other, letter in FOLDED:
                lower = lower.replace(other, letter)
        LOWERED[:] = [subject, lower]
    return LOWERED[1]


def led(form: str, pattern: Lazy) -> Callable[[str], Iterator[re.Match[str]]]:
    """Return a finder of ``pattern``'s matches, tried only where ``STARTS[form]`` finds its
    label in a text holding one of ``NEEDS[form]``: the same matches as ``finditer`` (left to
    right, none inside the one before)."""
    starts, needs = STARTS[form], NEEDS[form]

    def find(subject: str) -> Iterator[re.Match[str]]:
        if form == "account" and "/" not in subject:
            return
        lower = lowered(subject)
        if not any(word in lower for word in needs):
            return
        if not subject.isascii():
            yield from pattern.compiled.finditer(subject)
            return
        end = 0
        for start in starts.finditer(lower):
            if start.start() < end:
                continue
            match = pattern.compiled.match(subject, start.start())
            if match is not None:
                end = match.end()
                yield match

    return find


def slashed(subject: str) -> Iterator[re.Match[str]]:
    """Yield ``SLASHED``'s matches in a text with a ``/`` before a ``p`` (``user/pass:``)."""
    if "/" in subject and SLASH_P.search(lowered(subject)):
        yield from SLASHED.compiled.finditer(subject)


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the pair's password when it reads as one, or None."""
    start, end = match.span("value")
    while end > start and text[end - 1] in ".!?":
        end -= 1  # a sentence's end
    value = text[start:end]
    if references.is_reference(value) or "://" in value or "/" in value:
        return None
    if HOST.fullmatch(value) and value in (value.lower(), value.upper()):
        return None  # a host is written in one case; a drawn password with a dot mixes them
    blank = "blank" in match.re.groupindex and match.group("blank") is not None
    if blank and match.group("label").lower() == "auth":
        return None  # ``auth middleware V``: a blank after ``auth`` tells no login
    if value.startswith(("$", "%", "{", "<")) or "@" in value:
        return None
    return (start, end, "password") if is_told_password(value) else None


def is_told_password(value: str) -> bool:
    """Return whether a value told as a password reads as one: generated, chosen (``framed``,
    ``key_shapes``), or 8 to 64 characters of letters, digits and a symbol of ``SYMBOLS``."""
    if ASSIGNED.match(value) or (
        "_" in value and checks.IDENTIFIER.fullmatch(value) and not checks.has_drawn_part(value)
    ):
        return False  # a key and its value (``ONEPASSWORD_PASSWORD=V``), a name (``api_key_id``)
    if key_names.reads_drawn(value):
        return True
    if framed.is_chosen_password(value) or key_shapes.is_chosen(value, 8):
        return True
    if weak_values.is_chosen(value):
        return True  # a word and digits, a short draw (``login admin / master36``)
    if not 8 <= len(value) <= 64 or SYMBOLS.isdisjoint(value):
        return False
    return any(c.isalpha() for c in value) and any(c.isdigit() for c in value)


def rules() -> list[Rule]:
    """Return the rule for a login told as a user and a password side by side."""
    return [
        Rule(
            ("password",),
            (
                Matcher(Lazy(LABELLED.pattern), find=led("labelled", LABELLED), judge=judge),
                Matcher(Lazy(SLASHED.pattern), find=slashed, judge=judge),
                Matcher(
                    Lazy(TWO_LABELS.pattern),
                    find=led("two_labels", TWO_LABELS),
                    judge=judge,
                ),
                Matcher(Lazy(ACCOUNT.pattern), find=led("account", ACCOUNT), judge=judge),
            ),
            trigger=Trigger(
                words=("login", "cred", "auth", "/", "pw", "pass", "p:", "p="),
                lower=True,
            ),
            gate=(
                r"(?i)(?:logins?|creds|credentials?|auth)(?:[ \t]*[:=]|[ \t]+-[ \t]|[ \t])[ \t]*"
                r"[A-Za-z0-9_.@+-]+[ \t]*[/: \t]"
                r"|(?:user|login|u|mail|account)[a-z]*[ \t]*/[ \t]*p[a-z]*[ \t]*[:=]"
                r"|(?:^|[^A-Za-z0-9_./:@-])(?:u|user|username|login|account)[ \t]*[:=]?[ \t]*"
                r"[A-Za-z0-9_.@+-]+[ \t]*[,;]?[ \t]+p(?:w|wd|ass|assword|asswd)?[ \t]*[:= \t]"
                r"|(?:admin|administrator|root|sa|postgres|elastic|ubuntu|pi)[ \t]+/[ \t]"
            ),
        ),
    ]
