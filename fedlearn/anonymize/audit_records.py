"""Secrets in a Linux audit record's command line (DESIGN.md guarantee 1; from ``bench/contexts38``).

auditd writes a process's arguments into its ``EXECVE`` record one by one (``a0="curl" a1="-H"
a2=…``) and its whole command line into the ``PROCTITLE`` record, NUL between the arguments. An
argument with a blank, a quote, a control or a non-ASCII character is written as **uppercase hex**
of its bytes (``a2=582D4170692D4B65793A20…``), and so is a ``proctitle`` with more than one
argument: a header or ``--password V`` reaches the log as a run of hex no rule reads.

The record is read back as the command it ran, and the anonymizer's own rules judge it
(``encoded.Decoder``, as base64 of text is judged):

- ``proctitle=HEX``: decoded (NUL as a blank), redacted whole when the decoded command holds a
  secret;
- an ``EXECVE`` record's arguments, quoted or hex, joined in order: the argument whose joining
  first makes the command line hold a secret is redacted (the quotes' inside, or the hex run), and
  the joining starts again after it from the command's name (``a0="mysql" a1="-usvc" a2="-pV"``: ``a2``'s ``-pV``; ``a3=HEX`` of ``X-Api-Key:
  V``).

Only lines with ``audit(`` (the record's ``msg=audit(…)``, the kernel's ``audit: type=1327
audit(…)``) are read; hex that does not decode to printable UTF-8 (a pointer, a digest) is left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import encoded
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, secret, span_match

# One field of a record: an argument ``aN`` or the ``proctitle``, quoted or as uppercase hex of
# 4 bytes or more; a blank before it, a blank or the line's end after it.
FIELD = Lazy(
    r"(?<=[ \t])(?P<name>a[0-9]{1,4}|proctitle)="
    r"(?:\"(?P<quoted>[^\"\n]{1,4096})\"|(?P<hex>(?:[0-9A-F]{2}){4,4096}))(?=[ \t\r\n]|\Z)"
)
MARK = "audit("
# The arguments of one record read, at most (a longer command line is judged by its first ones).
MOST_ARGUMENTS = 64


def unhexed(run: str) -> str | None:
    """Return the text an uppercase hex run decodes to (NUL as a blank), or None if it is no text."""
    try:
        plain = bytes.fromhex(run).decode("utf-8")
    except ValueError:
        return None
    plain = plain.replace("\0", " ").rstrip(" ")
    return plain if plain.translate(encoded.BLANKS).isprintable() else None


def record_lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield the start and end of each line of ``text`` that holds ``audit(``."""
    at = text.find(MARK)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield start, end
        at = text.find(MARK, end)


def fields(text: str, start: int, end: int) -> Iterator[tuple[str, int, int, str]]:
    """Yield each field's name, its value's span and its decoded value in one record line."""
    for found in FIELD.compiled.finditer(text, start, end):
        group = "quoted" if found.group("quoted") is not None else "hex"
        value = found.group(group)
        plain = value if group == "quoted" else unhexed(value)
        if plain is not None:
            yield found.group("name"), found.start(group), found.end(group), plain


class Judge:
    """Finds the secret-holding fields of audit records through an anonymizer's ``decoder``."""

    def __init__(self, decoder: encoded.Decoder) -> None:
        self.decoder = decoder

    def finds(self, text: str) -> Iterator[re.Match[str]]:
        """Yield a match for each field to redact (see the module's docstring)."""
        if self.decoder.finds is None:
            return
        for start, end in record_lines(text):
            arguments: list[str] = []
            read = 0
            for name, first, last, plain in fields(text, start, end):
                if name == "proctitle":
                    if self.decoder.holds_secret(plain):
                        yield span_match(text, first, last)
                    continue
                read += 1
                if read > MOST_ARGUMENTS:
                    break
                arguments.append(plain)
                if self.decoder.holds_secret(" ".join(arguments)):
                    yield span_match(text, first, last)
                    # Judged again from the command's name: a later argument may hold another.
                    arguments = arguments[:1] if len(arguments) > 1 else []

    @staticmethod
    def judge(match: re.Match[str], text: str) -> tuple[int, int, str]:
        """Return the span of a field ``finds`` found."""
        return match.start(), match.end(), ""


def rules(decoder: encoded.Decoder) -> list[Rule]:
    """Return the rule for secrets in audit records' command lines, judged through ``decoder``."""
    judge = Judge(decoder)
    return [
        secret(
            "encoded-secret",
            Matcher(Lazy(SPAN.pattern), find=judge.finds, judge=Judge.judge),
            # A field quoted or in hex after its name; the line's ``audit(`` is the trigger.
            gate=r"(?:a[0-9]{1,4}|proctitle)=(?:\"|[0-9A-F]{8})",
            trigger=Trigger(words=(MARK,), needs="="),
        ),
    ]
