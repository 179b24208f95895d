"""Phone numbers in their countries' own print (DESIGN.md guarantee 1), with no ``+`` and no word.

``numbers`` finds ``+CC …``, the North American shape and any number after ``phone``/``tel``.
Elsewhere a number is printed the national way, or dialled from abroad with the international
call prefix ``00``. Two shapes say "phone" without a word:

- ``00``, an ITU country code, a blank, dot or dash, then groups of digits: 8 to 15 digits after
  the ``00`` (E.164's maximum): ``0041 78 328 55 27``, ``0044 131 573 2110``, ``001 514 650 0472``.
- the trunk prefix ``0`` and an area or mobile code (``030``, ``0171``, ``(089)``, ``06``), then
  groups of digits: 10 to 13 digits in all (9 after a one-digit code: ``01 548 5736``), grouped by one kind of separator (blanks, dots or
  dashes; a slash may follow the area code): ``030 192 7442``, ``06 62 17 19 10``,
  ``0178.5757.5022``, ``07956 612209``, ``030/1234 567``.

Two more places mark a number as a phone's without a word: a form or query value whose groups
are URL-encoded blanks (``To=0341%205073%208238``: the same two shapes, decoded), and a caller id
as SIP and Asterisk print it, a quoted display name and the number in angle brackets
(``"Ingrid Novak" <79-5-996-775>``: 7 to 15 digits; an extension in words may follow it), and
from ``bench/pii16h`` a gateway callback's ``To=``/``From=`` value of three or more digit groups
(``To=2-2562-4022``, ``%20`` or ``+`` between too).

Both must stand alone, and a date (``05 12 2026 …``) or the tail of a longer grouped code (UPS's
``1Z 999 AA1 01 2345 6784``: the token before is a short group holding a digit; or a digit group
after) is no phone number. A number too long for a phone keeps its leading groups only when they
make one.
"""

from __future__ import annotations

import itertools
import re

from fedlearn.anonymize.rules import Judge, Lazy, Matcher, Rule, Trigger, personal

# ITU-T E.164 country codes: 1 and 7; the two-digit codes; the first two digits of the
# three-digit ones (each followed by any digit).
COUNTRY = (
    r"(?:1|7|2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58]"
    r"|(?:2[1-689]|3[578]|42|5[09]|6[7-9]|8[05-9]|9[679])[0-9])"
)
SEPARATOR = r"(?:[ .-]| {2}|/ ?)"
GROUP = Lazy(r"[0-9]+")
NOT_BEFORE = frozenset("_+.-/:#=@&%$\\")
# What may not touch a number's left (for the gate and trigger: ``alone_before`` says it whole).
JOINED = r"[0-9A-Za-z_+.:#=@&%$/\\-]"
EDGE = r"(?:^|[^0-9A-Za-z_+.:#=@&%$/\\-])"


def groups_of(value: str) -> tuple[list[str], list[str], list[int]]:
    """Return the digit groups of ``value``, the separators between them and each group's end."""
    found = list(GROUP.finditer(value))
    seps = [value[a.end() : b.start()] for a, b in itertools.pairwise(found)]
    return [m.group() for m in found], seps, [m.end() for m in found]


def is_date(groups: list[str]) -> bool:
    """Return whether the groups start like a day or month, a month, a year (``05 12 2026``)."""
    if len(groups) < 3 or len(groups[0]) != 2 or len(groups[1]) != 2 or len(groups[2]) != 4:
        return False
    return int(groups[1]) <= 12 and groups[2][:2] in ("19", "20")


def alone_before(text: str, start: int) -> bool:
    """Return whether nothing joins the number on its left: no word, digit or joining character,
    and no short group holding a digit one blank before it (the middle of a grouped code)."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalnum() or before in NOT_BEFORE:
        return False
    if before == " ":
        token = text[max(0, start - 7) : start - 1].rsplit(" ", 1)[-1].rsplit("\n", 1)[-1]
        if 0 < len(token) <= 5 and token.isalnum() and any(c.isdigit() for c in token):
            return False
    return True


def alone_after(text: str, end: int) -> bool:
    """Return whether nothing joins the number on its right: no word, digit or joining character,
    and no group of digits one blank after it."""
    if end == len(text):
        return True
    after = text[end]
    if after.isalnum() or after in "_/@" or (after in ".:-" and text[end + 1 : end + 2].isdigit()):
        return False
    return not (after == " " and text[end + 1 : end + 2].isdigit())


def grouped(low: int, high: int, skip: int) -> Judge:
    """
    Return a judge of a grouped number: the longest run of its leading groups (two or more) whose
    separators agree (the first may be a slash) and whose digits, less the first ``skip``, number
    ``low`` to ``high``, not a date, standing alone.
    """

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        start = match.start()
        if not alone_before(text, start):
            return None
        groups, seps, ends = groups_of(match.group())
        for count in range(len(groups), 1, -1):
            inner = seps[1 : count - 1]
            if any(sep != inner[0] for sep in inner) or any("/" in sep for sep in inner):
                continue
            digits = sum(len(group) for group in groups[:count]) - skip
            # 9 digits only after a one-digit area code (``01 548 5736``): ``046 454 286`` is
            # grouped as an id (a SIN) is, and 10 or more make a number with a longer code.
            least = low + 1 if not skip and len(groups[0]) > 2 else low
            if not least <= digits <= high or is_date(groups[:count]):
                continue
            end = start + ends[count - 1]
            return (start, end, "") if alone_after(text, end) else None
        return None

    return judge


NATIONAL = Lazy(rf"0[1-9][0-9]{{0,4}}(?:{SEPARATOR}[0-9]{{2,8}}){{1,6}}")
DIALLED = Lazy(rf"00{COUNTRY}[ .-] ?[0-9]{{1,5}}(?:{SEPARATOR}[0-9]{{1,8}}){{1,6}}")
JUDGE_NATIONAL = grouped(9, 13, 0)
JUDGE_DIALLED = grouped(8, 15, 2)
# A form value of digit groups between URL-encoded blanks, right after ``=``.
ENCODED = Lazy(r"(?<==)0[0-9]{1,5}(?:%20[0-9]{1,8}){1,6}")
# A caller id: a quoted display name, then the number in angle brackets.
# (In a CSV field, as Asterisk's ``Master.csv`` writes it, its quotes are doubled.)
# An extension may follow the number, in words (``<33 1384 7429 Durchwahl -59>``, ``ext. 12``).
CALLER_ID = Lazy(
    r"\"[^\"\n]{1,80}\"{1,2}[ \t]*<(?P<value>\+?[0-9][0-9 ().-]{5,24}[0-9])"
    r"(?:[ \t]+[^\W\d][^<>\"\n]{0,24})?>"
)
# A gateway's status callback names its parties ``To=``/``From=``: a number of three or more
# groups there (``-``, ``+`` or ``%20`` between) is a phone's (``To=2-2562-4022``).
PARTY = Lazy(
    r"(?<=[?&])(?:To|From|to|from)=(?P<value>[0-9]{1,5}(?:(?:%20|[-+])[0-9]{1,8}){2,6})(?=[&\s\"']|\Z)"
)
DATE = Lazy(r"[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}|[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4}")


def encoded(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a form value's number when, its ``%20`` read as blanks, it is a national or
    ``00``-dialled number: the value ends there or at ``&`` (or a ``%20`` before an extension)."""
    end = match.end()
    if end < len(text) and text[end] not in "&\n\t \"'" and not text.startswith("%20", end):
        return None
    parts = match.group().split("%20")
    decoded = " ".join(parts)
    pattern, judge = (
        (DIALLED, JUDGE_DIALLED) if decoded.startswith("00") else (NATIONAL, JUDGE_NATIONAL)
    )
    found = pattern.match(decoded)
    verdict = judge(found, decoded) if found else None
    if verdict is None:
        return None
    kept = decoded[: verdict[1]].count(" ") + 1  # the groups the judge kept
    return match.start(), match.start() + len("%20".join(parts[:kept])), ""


def party(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a ``To=``/``From=`` number of 7 to 15 digits in three or more groups, not a date."""
    value = match.group("value")
    decoded = value.replace("%20", " ").replace("+", " ")
    if DATE.search(decoded):
        return None
    count = sum(c.isdigit() for c in value) - 2 * value.count("%20")
    return (*match.span("value"), "") if 7 <= count <= 15 else None


def caller_id(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the number of a ``"Name" <number>`` caller id: 7 to 15 digits, not a date."""
    value = match.group("value")
    if DATE.fullmatch(value):
        return None
    count = sum(c.isdigit() for c in value)
    return (*match.span("value"), "") if 7 <= count <= 15 else None


def rules() -> list[Rule]:
    """Return the rule for national and ``00``-dialled phone numbers (``<phone>``)."""
    return [
        personal(
            "phone",
            "<phone>",
            Matcher(
                Lazy(rf"00{COUNTRY}[ .-] ?[0-9]{{1,5}}(?:{SEPARATOR}[0-9]{{1,8}}){{1,6}}"),
                judge=grouped(8, 15, 2),
            ),
            Matcher(
                Lazy(rf"0[1-9][0-9]{{0,4}}(?:{SEPARATOR}[0-9]{{2,8}}){{1,6}}"),
                judge=grouped(9, 13, 0),
            ),
            Matcher(
                Lazy(rf"\(0[1-9][0-9]{{0,4}}\) ?[0-9]{{2,8}}(?:{SEPARATOR}[0-9]{{2,8}}){{0,5}}"),
                judge=grouped(9, 13, 0),
            ),
            # Each match holds its first group (the trunk ``0`` and a code, or the country code
            # after ``00``) and the separator or parenthesis after it,
            # and, past the trunk prefix's code, a group of two digits and one more (digit or
            # separator: a phone has 9 digits, a code 6 at most), or one digit past ``00CC``.
            gate=rf"{EDGE}(?:0[1-9][0-9]{{0,4}}[ ./)-] {{0,2}}[0-9]{{2}}[0-9 ./-]|00[1-9][0-9]{{0,2}}[ .-] ?[0-9])",
            trigger=Trigger(
                patterns=(
                    Lazy(rf"(?<!{JOINED})0[1-9][0-9]{{0,4}}[ ./)-] {{0,2}}[0-9]{{2}}[0-9 ./-]"),
                    Lazy(rf"(?<!{JOINED})00[1-9][0-9]{{0,2}}[ .-] ?[0-9]"),
                )
            ),
        ),
        personal(
            "phone",
            "<phone>",
            Matcher(Lazy(ENCODED.pattern), judge=encoded),
            Matcher(Lazy(CALLER_ID.pattern), judge=caller_id),
            Matcher(Lazy(PARTY.pattern), judge=party),
            gate=r"=0[0-9]{1,5}%20[0-9]|\"[ \t]*<\+?[0-9]|[?&](?:[Tt]o|[Ff]rom)=[0-9]",
            trigger=Trigger(
                patterns=(
                    Lazy(r"=0[0-9]{1,5}%20[0-9]"),
                    Lazy(r"\"[ \t]*<\+?[0-9]"),
                    Lazy(r"[?&](?:To|From|to|from)=[0-9]"),
                )
            ),
        ),
    ]
