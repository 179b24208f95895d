"""A literal written into a file named for a secret (DESIGN.md guarantee 1).

Setup notes and shell histories create a tool's password file with ``echo``/``printf`` and a
redirection: ``echo V > /etc/rsync.pw`` (rsync's ``--password-file``), ``echo 'V' >
/run/secrets/db_password``, ``printf '%s' V | sudo tee ~/.vault_pass`` (bench/contexts44). No
key stands before the value: the file's name is its key. The name's last part (``rsync.pw``,
``db_password``, ``api_key``, ``.vault_pass``) is judged as a key (``key_names.classify_key``) and
the literal as after ``key=`` (``tables.judged``), so ``echo 1 > /proc/sys/net/ipv4/ip_forward``,
``echo "$TOKEN" > token`` (a reference) and a placeholder (``echo changeme > password``) stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# ``echo``/``printf`` (their ``-n``/``-e`` and a ``%s`` format skipped), the literal quoted or bare,
# then ``>``/``>>`` or a pipe into ``tee`` (``sudo``, ``-a`` allowed), then the file's path.
WRITTEN = Lazy(
    r"\b(?:echo|printf)[ \t]+(?:(?:-[neE]{1,3}|'%s(?:\\n)?'|\"%s(?:\\n)?\")[ \t]+)*"
    r"(?:'(?P<single>[^'\n]{1,200})'|\"(?P<double>[^\"\n$`\\]{1,200})\""
    r"|(?P<bare>[^\s'\"`;|&<>()$\\]{1,200}))"
    r"[ \t]*(?:>>?|\|[ \t]*(?:sudo[ \t]+)?tee(?:[ \t]+-a)?)[ \t]*[\"']?"
    r"(?P<path>[^\s\"';&|<>()]{1,300})"
)


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a literal written into a file whose name names a secret."""
    name = match.group("path").rstrip("/").rsplit("/", 1)[-1]
    if not name or key_names.classify_key(name) is None:
        return None
    group = next(g for g in ("single", "double", "bare") if match.group(g) is not None)
    return judged(name, match.group(group), match.end(group))


def rules() -> list[Rule]:
    """Return the rule for a literal echoed into a file named for a secret."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(WRITTEN.pattern), judge=judge),),
            trigger=Trigger(words=("echo", "printf"), lower=True),
            gate=r"(?i)(?:echo|printf)[ \t][^\n]*(?:>|tee)",
        )
    ]
