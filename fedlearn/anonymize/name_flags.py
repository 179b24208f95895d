"""Flags that name a secret, with the commands that read or attach one (no secret in their value).

A flag whose name is a secret word takes the secret itself in most commands (``--password V``,
``--client-secret V``), but a few commands take a secret's *name* there, or a switch that selects
a field: ``gcloud secrets versions access latest --secret=billing``, ``docker service create
--secret db_password`` (also ``--secret-add``/``--secret-rm``, ``docker build --secret
id=npmrc,src=…``), ``podman run --secret NAME``, ``lpass show --password NAME`` and ``gopass show
--password NAME`` (show the password field of entry NAME). Found in bench/contexts29. Pulumi's
``config set --secret KEY VALUE`` (``set-all --secret KEY=VALUE``) marks the value to encrypt: a
switch; the key and the value after it are read as a stored value's (``stored_values``).

The AWS CLI's ``--client-token`` and ``--client-request-token`` (``aws cloudformation
create-change-set … --client-token <uuid>``, ``aws ec2 run-instances --client-token …``) take a
request's idempotency token: a value the caller makes up so that a retried request is not done
twice, which AWS echoes in what it returns (bench/contexts34). It grants nothing; elsewhere a
``client_token`` can be a credential (Vault's, an app's ``*_CLIENT_TOKEN``), so only the command
says so.

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
    "aws": (None, frozenset(("client-token", "client-request-token"))),
    "pulumi": (("config",), frozenset(("secret",))),
}
FLAGS = frozenset(flag for _, flags in NAMING.values() for flag in flags)
# The last command of the line before the flag: a word of ``NAMING`` after a blank, a separator or
# a prompt (a path before it: ``/usr/bin/docker``), then its arguments up to the flag.
COMMAND = re.compile(
    r"(?:^|[\s;&|(`$#>+\"']|\\n)(?:[^\s;&|]*/)?(?P<command>gcloud|docker|podman|lpass|gopass|aws|pulumi)(?:\.exe|\.cmd)?[ \t]+"
    r"(?P<rest>(?:[^\n;&|(`\\]|\\[^n])*)\Z"
)
WINDOW = 400


def names_secret(text: str, flag_start: int, flag: str) -> bool:
    """
    Return whether the flag ``--flag`` at ``flag_start`` names a secret (or selects a field, or
    takes an idempotency token) in the command it belongs to, so the word after it is no secret
    (see the module's docstring).
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


def is_flag_naming(text: str, word_start: int, word_end: int) -> bool:
    """
    Return whether the word at ``word_start:word_end`` ends a flag that ``names_secret`` says
    takes no secret (``--client-token`` of ``aws …``: a secret word read in prose, the flag's).
    """
    found = FLAG_BEFORE.search(text, max(0, word_start - 40), word_start)
    if found is None:
        return False
    return names_secret(text, found.start(), text[found.start() + 2 : word_end])


# A long flag's dashes and words before a word (``--client-`` before ``token``).
FLAG_BEFORE = re.compile(r"(?<![\w-])--(?:[a-z0-9]+-)*\Z")
