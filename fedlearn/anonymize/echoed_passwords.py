"""Passwords a password command echoes (DESIGN.md guarantee 1).

Backup and mail tools read a password from a command's output: borg's ``BORG_PASSCOMMAND``,
restic's ``RESTIC_PASSWORD_COMMAND`` and ``--password-command``, rclone's ``--password-command``,
mbsync's ``PassCmd``, msmtp's ``passwordeval``… Set to ``echo V`` or ``printf '%s' V``, the
command's argument is the password itself, written where a file or a store was meant to be:
``export BORG_PASSCOMMAND="echo V"``. A key or flag whose name is a password's word glued to
``command``/``cmd``/``eval`` (``passcommand``, ``password_command``, ``PassCmd``,
``passphrase-command``; aerc's ``source-cred-cmd``, bench/contexts43; gocryptfs' and encfs'
``extpass``), then ``=``, ``:`` or a blank, then
``echo`` or ``printf`` (its ``-n``/``-e`` and ``%s`` formats skipped) and a literal: that literal
is a ``password``. So is the literal a password file's flag is given by a process substitution
(``--password-file <(echo V)``, ansible's ``--vault-password-file``, WireGuard's ``preshared-key
<(echo V)``; cli39's probe; openvpn's ``--askpass`` and zabbix's ``--tls-psk-file``, cli40's). A command that reads a store or a file (``pass show borg``, ``cat
/run/secrets/x``, ``security find-generic-password -w``) and a ``$VARIABLE`` stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret

# On the lower-case text: the key, its separator, an opening quote, ``echo``/``printf`` and its
# options and format, then the value to a blank, a quote or a shell operator.
KEY = (
    r"(?:(?:pass(?:word|wd|phrase)?|cred(?:ential)?s?)[_.-]?(?:command|cmd|eval)|extpass)[\"']?"
    r"[ \t]*[=: \t][ \t]*[\"']?"
    r"|(?:pass(?:word|wd|phrase)?[_.-]?file|preshared-key|askpass|psk-file)[ \t]*[= \t][ \t]*<\("
)
ECHOED = Lazy(
    r"(?:" + KEY + r")(?:echo|printf)[ \t]+"
    r"(?:(?:-[ne]{1,3}|'%s(?:\\n)?'|\"%s(?:\\n)?\"|%s(?:\\n)?)[ \t]+)*"
    r"(?P<q>['\"]?)(?P<value>[^\s\"'`;|&)]{4,200})"
)


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the literal a password command echoes, unless it refers to one."""
    value = text[match.start("value") : match.end("value")]
    if checks.is_reference(value) or value.startswith("-"):
        return None
    return match.start("value"), match.end("value"), "password"


def rules() -> list[Rule]:
    """Return the rule for a password command that echoes its password."""
    return [
        secret(
            "password",
            Matcher(Lazy(ECHOED.pattern), judge=judge),
            trigger=Trigger(words=("echo", "printf"), lower=True),
            lower=True,
            gate=r"(?i)(?:" + KEY + r")(?:echo|printf)[ \t]",
        ),
    ]
