"""A value in a binary's string dump beside the name that says what it is (DESIGN.md guarantee 1;
from ``bench/contexts38``).

``strings``, ``readelf -p``/``--string-dump`` and ``rabin2 -z`` print a binary's constant strings
one a line, in the order they are stored: a configuration's name (``hubspot_secret_key``,
``ACME_CLIENT_SECRET``) lies next to its compiled-in default, the line before it or after it
(``strings | grep -A1 key`` prints the name, then the value). In such a listing (the lines after
the command, to the next prompt), a line that is only a name that says secret makes the one word
on the line after it, else on the line before it, judged as ``NAME=value`` (``tables.judged``)
when it looks generated (``readouts.is_generated``) and is no symbol's version, mangled name,
target triple or alphabet table (``GLIBC_2.34``, ``_ZN…``, ``x86_64-linux-gnu``, ``ABCDEF…``);
``readelf``'s ``[  offset]`` and ``rabin2``'s columns before the string are not part of it.
less's history file (``~/.lesshst``) lists searches the same way, one a line after ``"``: a
search for a secret's name, then for its value. A
listing of ordinary symbols (``main``, ``GLIBC_2.34``, a format string) stays: no name says
secret, or the neighbour is no secret's value (a word, a message, another name).

With no name anywhere, the string's shape alone decides, where every row is one stored string:
a ``rabin2 -z`` row (its columns say so) and a row of gdb's ``x/s`` (``0x7ffe…:\t"V"``, a C
string in memory) and a string field of ``protoc --decode_raw``'s numbered fields
(``2: "V"``: a message read without its schema, so no field has a name). A drawn value is redacted (``high-entropy``) when it reads random
(``checks.looks_random``, 16 or more, letters and digits, a run of 12 of them or every class
of character), is no hash or UUID (hex digits and
dashes, or a long run of them inside: a build id, a commit, a ``sha256:`` digest, which
binaries and messages embed), no fill, table, symbol, name or
path. ``strings`` alone prints runs of any bytes (compressed data reads random too) and stays.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names, words
from fedlearn.anonymize.readouts import is_generated
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.tables import judged

# The dump's command: at a line's start (after a prompt, maybe ``sudo``) or after a pipe; or the
# header of less's history file (``~/.lesshst``), one search a line after ``.search``.
DUMP = Lazy(
    r"(?m:^)[^\n]*?(?:^|[$#%>|][ \t]*)(?:sudo[ \t]+)?(?:strings|readelf[ \t][^\n|]*?"
    r"(?:-p|--string-dump)|rabin2[ \t]+-z{1,2})(?:[ \t][^\n]*)?(?:\n|\Z)"
    r"|(?m:^)\.less-history-file:[ \t]*\r?\n"
)
# A row of ``rabin2 -z``: its columns before the string.
RABIN_ROW = re.compile(
    r"[ \t]*[0-9]+[ \t]+0x[0-9a-fA-F]+[ \t]+0x[0-9a-fA-F]+[ \t]+[0-9]+[ \t]+[0-9]+[ \t]+\S+[ \t]+\S+[ \t]+"
)
# gdb's ``x/s``, then its rows: an address (maybe ``<symbol+offset>``), a C string in quotes.
EXAMINE = Lazy(r"(?m:^)\((?:gdb|lldb)\)[ \t]+x/[0-9]*s[ \t][^\n]*\n")
MEMORY_ROW = Lazy(
    r"0x[0-9a-fA-F]+(?:[ \t]+<[^<>\n]{1,200}>)?:[ \t]+\"(?P<value>[^\"\\\s]{16,1024})\"[ \t]*(?:\r?\n|\Z)"
)
# ``protoc --decode_raw``, then its rows: a numbered field, a nested message's brace or its end.
DECODE = Lazy(r"(?m:^)[^\n]*\bprotoc[ \t][^\n]*--decode_raw\b[^\n]*\n")
FIELD_ROW = Lazy(
    r"[ \t]*(?:[0-9]{1,5}:[ \t]+(?:\"(?P<value>[^\"\\\s]{16,1024})\"|[^\n]*)|[0-9]{1,5}[ \t]+\{|\})"
    r"[ \t]*(?:\r?\n|\Z)"
)
# A drawn value's run of letters and digits (short parts joined by marks read as words and
# counters: ``xoxe.xoxp-1-initial``), unless it has every class of character (``u@D7GXt)t>8d(…``).
LONG_RUN = re.compile(r"[A-Za-z0-9]{12}")
# A prompt opening a line: the listing ends there.
PROMPT = re.compile(r"[ \t]*(?:[^\s$#%>]{0,80}[$#%>][ \t]|\((?:gdb|lldb)\))")
# What a dump's line holds before its string: readelf's ``[  2c]  ``, rabin2's ``nth paddr vaddr
# len size section type`` columns, less's ``"`` before a search.
PREFIX = re.compile(
    r"[ \t]*(?:\"(?=\S)|\[[ \t]*[0-9a-fA-F]+\][ \t]+"
    r"|[0-9]+[ \t]+0x[0-9a-fA-F]+[ \t]+0x[0-9a-fA-F]+[ \t]+[0-9]+[ \t]+[0-9]+[ \t]+\S+[ \t]+\S+[ \t]+)?"
)
NAME = re.compile(r"[A-Za-z_][\w.-]{2,80}")
# A binary's own strings that read as drawn: a symbol's version (``GLIBC_2.34``, ``CXXABI_1.3.9``),
# a C++ or Rust mangled name (``_ZN4core3fmt…``), a target triple (``x86_64-linux-gnu``).
SYMBOL = re.compile(
    r"[A-Z][A-Z0-9]*_[0-9][\w.]*|_Z\w+|[\w.]+-(?:[\w.]+-)*(?:linux|gnu|musl|darwin|windows|elf)[\w.-]*"
)
# An ascending run (``abcdef``, ``012345``): an alphabet's table (base64's, hex digits').
RUN = 6


def is_table(value: str) -> bool:
    """Return whether ``value`` holds an ascending run of ``RUN`` characters (an alphabet)."""
    run = 1
    for previous, current in itertools.pairwise(value):
        run = run + 1 if ord(current) == ord(previous) + 1 else 1
        if run >= RUN:
            return True
    return False


def is_listed_value(value: str) -> bool:
    """Return whether a dump's line may be a value: one generated word (``readouts.is_generated``),
    not a symbol's or a table's."""
    return (
        is_generated(value)
        and len(value.split()) == 1
        and SYMBOL.fullmatch(value) is None
        and not is_table(value)
    )


def is_drawn(value: str) -> bool:
    """Return whether a listed string with no name beside it reads drawn (see the module)."""
    return (
        checks.looks_random(value, minimum=16)
        and (LONG_RUN.search(value) is not None or checks.character_classes(value) == 4)
        and any(character.isdigit() for character in value)
        and any(character.isalpha() for character in value)
        and not checks.is_hexadecimal(value)
        and words.LONG_HEX.search(value) is None
        and not checks.is_fill(value)
        and "://" not in value
        and not checks.is_reference(value)
        and not words.is_named(value)
        and is_listed_value(value)
    )


def unnamed(text: str) -> Iterator[re.Match[str]]:
    """Yield each drawn string a ``rabin2 -z``, ``x/s`` or ``--decode_raw`` row holds (see the module)."""
    for dump in DUMP.compiled.finditer(text):
        if "rabin2" not in dump.group():
            continue
        for begin, end in strings_of(text, dump.end()):
            line = text.rfind("\n", 0, begin) + 1
            if RABIN_ROW.fullmatch(text, line, begin) and is_drawn(text[begin:end]):
                yield span_match(text, begin, end)
    for examine in EXAMINE.compiled.finditer(text):
        position = examine.end()
        while (row := MEMORY_ROW.compiled.match(text, position)) is not None:
            if is_drawn(row.group("value")):
                yield span_match(text, row.start("value"), row.end("value"))
            position = row.end()
            if position == row.start():
                break
    for decode in DECODE.compiled.finditer(text):
        position = decode.end()
        while (
            row := FIELD_ROW.compiled.match(text, position)
        ) is not None and row.end() > position:
            value = row.group("value")
            if value is not None and is_drawn(value):
                yield span_match(text, row.start("value"), row.end("value"))
            position = row.end()


def unnamed_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a string ``unnamed`` found, as ``high-entropy``."""
    return (match.start(), match.end(), "high-entropy") if is_drawn(match.group()) else None


def strings_of(text: str, start: int) -> list[tuple[int, int]]:
    """Return the span of each listed string from ``start`` to the next prompt (or the end)."""
    found: list[tuple[int, int]] = []
    position = start
    while position < len(text):
        stop = text.find("\n", position)
        stop = stop if stop >= 0 else len(text)
        if PROMPT.match(text, position, stop) is not None:
            break
        prefix = PREFIX.match(text, position, stop)
        begin = prefix.end() if prefix is not None else position
        end = stop - 1 if stop > begin and text[stop - 1] == "\r" else stop
        while end > begin and text[end - 1] in " \t":
            end -= 1
        found.append((begin, end))
        position = stop + 1
    return found


def neighbours(text: str) -> Iterator[re.Match[str]]:
    """Yield each value a secret's name lies beside in a string dump (see the module)."""
    for dump in DUMP.compiled.finditer(text):
        listed = strings_of(text, dump.end())
        for index, (begin, end) in enumerate(listed):
            key = text[begin:end]
            if NAME.fullmatch(key) is None or key_names.classify_key(key) is None:
                continue
            for other in (index + 1, index - 1):
                if not 0 <= other < len(listed):
                    continue
                start, stop = listed[other]
                value = text[start:stop]
                if is_listed_value(value) and judged(key, value, stop) is not None:
                    yield span_match(text, start, stop)
                    break


def listed_at(text: str, begin: int, stop: int) -> str:
    """Return the listed string of the line from ``begin`` to ``stop``, its dump's prefix off."""
    prefix = PREFIX.match(text, begin, stop)
    return text[prefix.end() if prefix is not None else begin : stop].strip()


def keyed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a value ``neighbours`` found, judged under the name on the line
    before it, else after it."""
    start, stop = match.span()
    value = text[start:stop]
    if not is_listed_value(value):
        return None
    line = text.rfind("\n", 0, start)
    before = text.rfind("\n", 0, max(line, 0)) + 1 if line >= 0 else -1
    after = text.find("\n", stop)
    end = text.find("\n", after + 1) if after >= 0 else -1
    names: list[str] = []
    if before >= 0:
        names.append(listed_at(text, before, line))
    if after >= 0:
        names.append(listed_at(text, after + 1, end if end >= 0 else len(text)))
    for key in names:
        if NAME.fullmatch(key) is not None:
            found = judged(key, value, stop)
            if found is not None:
                return found
    return None


def rules() -> list[Rule]:
    """Return the rule for a value beside a secret's name in a binary's string dump."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=neighbours, judge=keyed),),
            trigger=Trigger(words=("strings", "readelf", "rabin2", ".less-history-file:")),
            gate=r"(?:^|\n|[$#%>|][ \t]*)(?:sudo[ \t]+)?strings|readelf[ \t]|rabin2[ \t]"
            r"|\.less-history-file:",
        ),
        Rule(
            ("high-entropy",),
            (Matcher(Lazy(SPAN.pattern), find=unnamed, judge=unnamed_judge),),
            trigger=Trigger(words=("rabin2", "x/", "--decode_raw")),
            gate=r"rabin2[ \t]|\((?:gdb|lldb)\)[ \t]+x/[0-9]*s[ \t]|--decode_raw",
        ),
    ]
