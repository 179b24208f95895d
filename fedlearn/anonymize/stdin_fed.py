"""A password given as a here-string to a command that reads it from standard input.

``kinit jdoe@ACME.IO <<< 'V'``, ``cryptsetup luksOpen /dev/sdb1 data <<< V``, ``keepassxc-cli
open db.kdbx <<< V``, ``lpass login U <<< V``, ``op signin --raw <<< V``, ``pass insert -e N <<<
V``, ``openconnect --passwd-on-stdin … <<< V``, ``sshfs -o password_stdin … <<< V``, ``saslpasswd2
-p U <<< V``, ``smbpasswd -a U <<< $'V\\nV'`` and ``chpasswd <<< 'user:V'`` (its password after
the ``:``): the readers are ``password_commands.STDIN_READERS``, which ``echo V | reader`` reads
too (``command_arguments.echoed``). A ``$reference`` or a flag stays; the token flags'
here-strings (``--with-token <<< V``) are ``logins``'. From cli39's probe of CLI manuals.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks
from fedlearn.anonymize.password_commands import STDIN_READERS
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# The here-string's word: bare, quoted, ``$'…'``, or quoted in a JSON string (``\\"…\\"``).
HERE_STRING = r"<<<[ \t]*\$?(?P<q>\\?[\"']?)(?P<value>[^\s\"'|;&\\]{4,300})"
FED = Lazy(r"(?P<reader>" + STDIN_READERS + r")[^\n|;&<]{0,200}?" + HERE_STRING)


def fed_password(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the here-string's password (after ``user:`` for ``chpasswd``)."""
    start, end = match.span("value")
    value = match.group("value")
    if checks.is_reference(value) or value.startswith("-"):
        return None
    if match.group("reader") == "chpasswd" and ":" in value:
        start += value.index(":") + 1
        if end - start < 4:
            return None
    return start, end, "password"


def rules() -> list[Rule]:
    """Return the rule for a here-string fed to a command reading its password from stdin."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(FED.pattern), judge=fed_password),),
            trigger=Trigger(words=("<<<",)),
            # every reader's name or flag holds one of these (no ``\b``/``\w`` in a gate)
            gate=r"(?:pass|kinit|cryptsetup|sudo|op[ \t]+signin|kubeseal)[^\n]*<<<",
        )
    ]
