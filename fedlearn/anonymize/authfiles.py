"""Passwords in daemons' credential files (DESIGN.md guarantee 1): ppp, pgbouncer, rsyncd.

Each file is a list of lines whose columns say which word is the password:

- pgbouncer's ``auth_file``: ``"USER" "md5<32 hex>"`` or ``"USER" "SCRAM-SHA-256$…"`` wherever it
  is (its shape says it: a hash of the password, open to guessing), and plain ``"USER"
  "PASSWORD"`` lines in a text that names ``userlist`` or ``auth_file``;
- ppp's ``chap-secrets``/``pap-secrets`` (also ``srp-secrets``, ``eaptls``' are keys, not here):
  ``CLIENT SERVER SECRET [ADDRESS…]``, the third column, quoted or not, in a text that names such a
  file or holds its header (``# client server secret IP addresses``); the addresses that may
  follow are addresses, ``*`` or ``-``, so a sentence is no line of it;
- rsync's ``secrets file`` (``rsyncd.secrets``): ``USER:PASSWORD`` lines (``@GROUP:PASSWORD``
  too) in a text that names ``rsyncd.secrets``/``rsync.secrets`` or a ``secrets file``;
- Deluge's ``auth`` file (``~/.config/deluge/auth``, ``/var/lib/deluged/config/auth``):
  ``USER:PASSWORD:LEVEL`` lines, the level 0 to 10, in a text that names that file (bench/contexts43);
- Jetty's ``realm.properties`` (``HashLoginService``): ``USER: PASSWORD,ROLE[,ROLE…]`` lines (``=``
  for ``:`` too), one role or more, in a text that names ``realm.properties``; a password written
  ``OBF:…`` (an obfuscation Jetty undoes), ``MD5:…`` or ``CRYPT:…`` keeps its prefix.

All report ``password``. A value is no ``$reference``, file (ppp's ``@/path``), ``*`` or empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import references
from fedlearn.anonymize.per_text import line_start
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

HASHED = Lazy(
    r"\"[^\"\s]{1,64}\"[ \t]+\"(?P<value>md5[0-9a-f]{32}|SCRAM-SHA-256\$[^\"\s]{20,400})\""
)
LINE_START = r"(?m)^[ \t]*"
QUOTED_PAIR = Lazy(
    LINE_START + r"\"[^\"\n]{1,64}\"[ \t]+\"(?P<value>[^\"\n]{1,200})\"[ \t]*(?:#[^\n]*)?\r?$"
)
WORD = r"(?:\"[^\"\n]*\"|[^\s\"#][^\s\"]*)"
PPP_LINE = Lazy(
    LINE_START
    + rf"{WORD}[ \t]+{WORD}[ \t]+(?:\"(?P<quoted>[^\"\n]*)\"|(?P<value>[^\s\"#][^\s\"]*))"
    + r"(?P<addresses>(?:[ \t]+[^\s]+)*)[ \t]*\r?$"
)
ADDRESS = Lazy(r"[*-]|!?[0-9a-fA-F.:]+(?:/[0-9]{1,3})?")
RSYNC_LINE = Lazy(
    LINE_START + r"@?[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}:(?P<value>[^\s:]{1,200})[ \t]*\r?$"
)
DELUGE_LINE = Lazy(
    LINE_START
    + r"[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}:(?P<value>[^\s:]{1,400}):(?:10|[0-9])[ \t]*\r?$"
)
REALM_LINE = Lazy(
    LINE_START
    + r"[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}[ \t]*[:=][ \t]*(?:(?:OBF|MD5|CRYPT):)?"
    + r"(?P<value>[^\s,:=][^\s,]{0,400})(?:[ \t]*,[ \t]*[A-Za-z0-9_.-]{1,64})+[ \t]*\r?$"
)
# Deluge's auth file by its path: a ``deluge``/``deluged`` folder, maybe its ``config`` below.
DELUGE_FILE = Lazy(r"deluged?/(?:config/)?auth(?![\w.-])")
PPP_NAMES = ("chap-secrets", "pap-secrets", "client server secret", "client\tserver\tsecret")
USERLIST_NAMES = ("userlist", "auth_file")
RSYNC_NAMES = ("rsyncd.secrets", "rsync.secrets", "secrets file", "secrets-file", "secrets_file")
CONTEXT_WORDS = PPP_NAMES + USERLIST_NAMES + RSYNC_NAMES + ("deluge", "realm.properties")


def named_lines(text: str) -> Iterator[re.Match[str]]:
    """Yield the credential lines of each file the (original-case) text names or shows a header of."""
    lower = text.lower()
    if any(name in lower for name in PPP_NAMES):
        for found in PPP_LINE.compiled.finditer(text):
            addresses = found.group("addresses").split()
            if all(ADDRESS.compiled.fullmatch(word) for word in addresses):
                yield found
    if any(name in lower for name in USERLIST_NAMES):
        yield from QUOTED_PAIR.compiled.finditer(text)
    if any(name in lower for name in RSYNC_NAMES):
        yield from RSYNC_LINE.compiled.finditer(text)
    if "deluge" in lower and DELUGE_FILE.compiled.search(lower):
        yield from DELUGE_LINE.compiled.finditer(text)
    if "realm.properties" in lower:
        yield from REALM_LINE.compiled.finditer(text)


def password(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a credential line's password, or None when it is none."""
    group = "quoted" if "quoted" in match.re.groupindex and match.group("quoted") else "value"
    value = match.group(group)
    if value is None or value in ("*", "-") or value.startswith("@"):
        return None
    if len(value) < 3 or references.is_reference(value) or (value.isdigit() and len(value) <= 5):
        return None
    line = line_start(text, match.start(group))
    if text[line : match.start(group)].lstrip().startswith("#"):
        return None  # a comment: the file's header (``# client server secret``)
    return match.start(group), match.end(group), "password"


def rules() -> list[Rule]:
    """Return the rules for daemons' credential files."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(HASHED.pattern)),),
            trigger=Trigger(words=('"md5', '"SCRAM-SHA-256$')),
            gate=r"\"(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$)",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(PPP_LINE.pattern), find=named_lines, judge=password),),
            trigger=Trigger(words=CONTEXT_WORDS, lower=True),
            gate=r"(?i)chap-secrets|pap-secrets|client[ \t]server[ \t]secret|userlist|auth_file"
            r"|rsyncd?\.secrets|secrets[ _-]file|deluge|realm\.properties",
        ),
    ]
