"""Passwords and tokens a command takes by position after a verb (``command_arguments`` calls it).

``bw unlock V``, ``bw login EMAIL V``, ``snyk auth V``, ``wandb login V``, ``ngrok config
add-authtoken V``, ``rclone obscure V``, ``vault login V``, ``cf auth USER V``, ``db2 connect to
DB user U using V``, ``doveadm auth test USER V``, ``neo4j-admin dbms set-initial-password V``,
``emqx ctl admins passwd USER V``, ``syncthing cli config gui password set V``: after the verb's
words, the plain words (no flag, no flag's value, no ``key=value``) are counted; when there are
as many as the grammar has (more reads as prose: ``isql is the unixODBC tool``), the one at the
table's place is the password, and only where a shell runs the command (``at_command``). Also ``mosquitto_passwd -b FILE USER V`` (``-b`` gives it on the
line), ``mkpasswd [-m METHOD] V`` and unixODBC's ``isql DSN USER V`` (not Sybase's ``isql -U``,
whose ``-P`` is ``password_commands.SEPARATE``'s), and ``smbclient //HOST/SHARE V``'s password
after its service. From cli39's probe of CLI manuals.
"""

from __future__ import annotations

from collections.abc import Iterator

from fedlearn.anonymize.password_commands import (
    ISQL_PLAIN,
    MKPASSWD_VALUED,
    TOKEN_VERBS,
    VALUED,
    VERBS,
)
from fedlearn.anonymize.rules import Lazy, Span
from fedlearn.anonymize.shell_words import unquoted

# A console's own command inside one quoted argument (cli40): lftp's ``-e 'open -u U,V HOST'``
# (``-u`` and ``user,password``) and deluge-console's ``'connect HOST USER V; info'`` (``connect``
# and exactly three words after it).
INNER = Lazy(
    r"(?:^|;)[ \t]*(?:open[ \t]+(?:\S+[ \t]+)*?-u[ \t]+[^\s,;]+,(?P<pair>[^\s;]+)"
    r"|connect[ \t]+\S+[ \t]+\S+[ \t]+(?P<connect>[^\s;]+)[ \t]*(?:;|$))"
)

# What stands before a command a verb's place is read after: the start of its line, a prompt, a
# shell operator, a quote or backtick, ``=`` (a variable's value), ``sudo`` and variables set for it,
# a container's ``docker exec [-it] NAME`` (session 38), a path; then the command's name and a
# blank (a command's name in prose takes no password).
AT_COMMAND = Lazy(
    r"(?:^|[$#%>|;&(`\"'=:]|\\n)[ \t]*(?:sudo[ \t]+(?:-\S+[ \t]+)*)?"
    r"(?:(?:docker|podman|nerdctl)[ \t]+(?:compose[ \t]+)?exec[ \t]+(?:-\S+[ \t]+)*[\w.-]+[ \t]+)?"
    r"(?:[A-Za-z_][A-Za-z0-9_]*=\S*[ \t]+)*(?:\S*/)?[\w.-]+[ \t]+\Z"
)


def at_command(text: str, words: list[Span]) -> bool:
    """Return whether the command before ``words`` is where a shell would run it."""
    if not words:
        return False
    start = words[0][0]
    line = text.rfind("\n", max(0, start - 300), start) + 1
    return AT_COMMAND.compiled.search(text, line, start) is not None


def plain_words(text: str, words: list[Span], valued: frozenset[str] = VALUED) -> list[Span]:
    """Return the words that are no flag, no flag's value and no ``key=value``."""
    plain: list[Span] = []
    skip = False
    for start, end in words:
        value = text[start:end]
        if skip or value.startswith("-"):
            skip = not skip and value in valued
            continue
        if "=" not in value:
            plain.append((start, end))
    return plain


def after_verb(command: str, text: str, words: list[Span]) -> Iterator[Span]:
    """Yield the span of the word at the table's place after one of ``command``'s verbs."""
    lowered = [text[start:end].lower() for start, end in words]
    for verb, place in VERBS[command]:
        for index in range(len(lowered) - len(verb) + 1):
            if tuple(lowered[index : index + len(verb)]) == verb:
                plain = plain_words(text, words[index + len(verb) :])
                if len(plain) == place + 1:  # as many words as its grammar has: no prose
                    yield unquoted(*plain[place], text)
                return


def verb_passwords(command: str, text: str, words: list[Span]) -> Iterator[tuple[Span, str]]:
    """Yield the span and rule of each password ``command`` takes by position (``NEEDS``)."""
    values = [text[start:end] for start, end in words]
    if not at_command(text, words):
        return
    if command in VERBS:
        spans = list(after_verb(command, text, words))
    elif command == "mosquitto_passwd":
        plain = plain_words(text, words)
        spans = plain[2:] if "-b" in values and len(plain) == 3 else []
    elif command == "mkpasswd":
        plain = plain_words(text, words, MKPASSWD_VALUED)
        spans = plain[:1] if len(plain) <= 2 else []  # ``mkpasswd V [SALT]``
    elif command == "isql" and all(
        value in ISQL_PLAIN for value in values if value.startswith("-")
    ):
        plain = plain_words(text, words)
        spans = plain[2:] if len(plain) == 3 else []  # unixODBC's ``isql DSN USER PASSWORD``
    else:
        spans = []
    name = "token" if command in TOKEN_VERBS else "password"
    for span in spans:
        start, end = unquoted(*span, text)
        if command in ("wpa_cli", "hostapd_cli"):  # ``psk '"V"'``: the control interface's quotes
            start, end = unquoted(start, end, text)
        yield (start, end), name


def inner_commands(text: str, words: list[Span]) -> Iterator[tuple[Span, str]]:
    """Yield the span of the password a console's command gives inside one quoted argument
    (``INNER``: ``lftp -e 'open -u U,V HOST'``, ``deluge-console 'connect HOST USER V'``)."""
    for word in words:
        start, end = unquoted(*word, text)
        if (start, end) == word:
            continue  # not quoted: no console command in it
        for found in INNER.compiled.finditer(text[start:end]):
            group = "pair" if found.group("pair") is not None else "connect"
            yield (start + found.start(group), start + found.end(group)), "password"


def service_password(text: str, words: list[Span]) -> Iterator[tuple[Span, str]]:
    """Yield the span of ``smbclient SERVICE PASSWORD``'s password: the word right after the
    first word, when that is a ``//host/share`` service and it is no flag."""
    if len(words) >= 2:
        service = text[slice(*unquoted(*words[0], text))]
        if service.startswith(("//", "\\\\")) and not text.startswith("-", words[1][0]):
            yield unquoted(*words[1], text), "password"
