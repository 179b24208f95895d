"""Logins typed to a console or written into its script, and MPD's ``PASSWORD@HOST`` (cli40).

- ``ftp``'s own command ``user USER PASSWORD``: at its ``ftp>`` prompt, or on a line (also
  after a ``\\n`` escape, a command quoted in JSON) of a here-document fed to ``ftp`` (``ftp -n host <<EOF`` … ``user jdoe V`` … ``EOF``), exactly
  those three words; ``user jdoe`` alone asks for the password, and a line of prose (``user
  accounts are listed``) has other words or is in no ``ftp`` script.
- MPD's clients take the server's password before its host, ``PASSWORD@HOST``: ``MPD_HOST=V@host``,
  ``mpc --host=V@host``, ``mpc -h V@host`` (mpc's manual); a host alone (``-h mpd.local``) stays.

Each password is judged as after ``password=`` (``tables.password_value``, as IRC's and a
credentials call's are): a reference (``$FTP_PASSWORD``) or an option (``-n``, ``--help``) stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import password_value

# ``user USER PASSWORD`` alone on its line, after ``ftp>`` or in a here-document.
FTP_USER = Lazy(
    r"(?:(?P<prompt>ftp>[ \t]*)|^[ \t]*|(?<=\\n))user[ \t]+[^\s'\"\\]+[ \t]+"
    r"(?P<value>[^\s'\"\\]{4,200})[ \t]*(?:$|(?=\\[nr]|\\?\"))",
    re.M,
)
# A here-document fed to ``ftp``: its command line and the word that ends it.
FTP_HEREDOC = Lazy(r"(?<![\w-])ftp\b[^\n]*<<-?[ \t]*[\"']?(?P<word>\w+)")
MPD_HOST = Lazy(
    r"(?:(?<![\w-])MPD_HOST=|(?<![\w-])mpc [^\n]*?(?:--host=|--host[ \t]+|-h[ \t]+))"
    r"(?P<q>[\"']?)(?P<value>[^\s@\"']{4,200})@[A-Za-z0-9\[]"
)


def in_ftp_script(text: str, start: int) -> bool:
    """Return whether the line at ``start`` is inside a here-document fed to ``ftp``: the last
    ``ftp … <<WORD`` before it, within 2,000 characters, with no line ``WORD`` between."""
    heads = list(FTP_HEREDOC.compiled.finditer(text, max(0, start - 2000), start))
    if not heads:
        return False
    head = heads[-1]
    end = re.compile(rf"^[ \t]*{re.escape(head.group('word'))}[ \t]*$", re.M)
    return end.search(text, head.end(), start) is None


def ftp_logins(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``user USER PASSWORD`` line at an ``ftp>`` prompt or in an ``ftp`` script."""
    for found in FTP_USER.compiled.finditer(subject):
        if found.group("prompt") is not None or in_ftp_script(subject, found.start()):
            yield found


def rules() -> list[Rule]:
    """Return the rules for ftp's ``user U V`` and MPD's ``PASSWORD@HOST``."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(FTP_USER.pattern, re.M), find=ftp_logins, judge=password_value),),
            trigger=Trigger(words=("ftp",), lower=True),
            gate=r"(?i)ftp",
        ),
        Rule(
            ("password",),
            (Matcher(Lazy(MPD_HOST.pattern), judge=password_value),),
            trigger=Trigger(words=("MPD_HOST=", "mpc ")),
            gate=r"MPD_HOST=|mpc ",
        ),
    ]
