"""Flags that name a secret, with the commands that read or attach one (no secret in their value).

A flag whose name is a secret word takes the secret itself in most commands (``--password V``,
``--client-secret V``), but a few commands take a secret's *name* there, or a switch that selects
a field: ``gcloud secrets versions access latest --secret=billing``, ``docker service create
--secret db_password`` (also ``--secret-add``/``--secret-rm``, ``docker build --secret
id=npmrc,src=…``), ``podman run --secret NAME``, ``lpass show --password NAME`` and ``gopass show
--password NAME`` (show the password field of entry NAME). Found in bench/contexts29.

The command is the last one on the flag's line before it (after ``|``, ``;``, ``&``, ``(``); the
other commands' flags of the same names still take a value (``docker login --password V``,
``gcloud compute vpn-tunnels create --shared-secret=V``, ``gcloud sql users set-password
--password=V``).
"""

from __future__ import annotations

import re

# A command (lower case) and, for a subcommand's word that must follow it, that word (None: any),
# then the flags (without ``--``) that name a secret or select a field there.
NAMING: dict[str, tuple[tuple[str, ...] | None, frozenset[str]]] = {
    "gcloud": (None, frozenset(("secret",))),
    "docker": (None, frozenset(("secret", "secret-add", "secret-rm"))),
    "podman": (None, frozenset(("secret",))),
    "lpass": (("show", "edit", "add", "duplicate"), frozenset(("password",))),
    "gopass": (("show", "edit", "otp"), frozenset(("password",))),
}
FLAGS = frozenset(flag for _, flags in NAMING.values() for flag in flags)
# The last command of the line before the flag: a word of ``NAMING`` after a blank, a separator or
# a prompt (a path before it: ``/usr/bin/docker``), then its arguments up to the flag.
COMMAND = re.compile(
    r"(?:^|[\s;&|(`$#>+\"']|\\n)(?:[^\s;&|]*/)?(?P<command>gcloud|docker|podman|lpass|gopass)(?:\.exe|\.cmd)?[ \t]+"
    r"(?P<rest>(?:[^\n;&|(`\\]|\\[^n])*)\Z"
)
WINDOW = 400


def names_secret(text: str, flag_start: int, flag: str) -> bool:
    """
    Return whether the flag ``--flag`` at ``flag_start`` names a secret (or selects a field) in
    the command it belongs to, so the word after it is no secret (see the module's docstring).
    """
    flag = flag.lower().lstrip("-")
    if flag not in FLAGS:
        return False
    found = COMMAND.search(text, max(0, flag_start - WINDOW), flag_start)
    if found is None:
        return False
    subcommands, flags = NAMING[found.group("command").lower()]
    if flag not in flags:
        return False
    if subcommands is None:
        return True
    words = found.group("rest").split()
    return bool(words) and words[0].lower() in subcommands
