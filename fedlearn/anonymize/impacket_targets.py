"""Credentials in the arguments of impacket's tools (``psexec.py``, ``impacket-secretsdump``…).

Impacket's examples take their target as one word, ``[[DOMAIN/]USER[:PASSWORD]@]HOST``
(``psexec.py acme/admin:V@10.0.0.30``, ``secretsdump.py 'ACME/admin:V@dc01'``), or as
``DOMAIN/USER[:PASSWORD]`` for the Kerberos tools that ask a domain controller
(``GetUserSPNs.py acme.io/jdoe:V -dc-ip …``); pass-the-hash as ``-hashes LMHASH:NTHASH`` (the NT
hash, and the LM hash unless it is the empty password's ``aad3b435…``), a Kerberos key as
``-aesKey V``, and some tools' own password flags (``smbserver.py -password V``,
``changepasswd.py -newpass V``, ``addcomputer.py -computer-pass V``, ``ticketer.py -nthash V``).
The tool is named with its ``.py`` or, as distributions install it, ``impacket-`` before its
name. A URL (``ntlmrelayx.py -t smb://host``) is no target; a ``$VARIABLE`` stays. From cli39's
and cli40's probes of command lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Span, Trigger, span_match
from fedlearn.anonymize.shell_words import arguments, unquoted

TOOLS = frozenset(
    [
        "psexec",
        "smbexec",
        "wmiexec",
        "atexec",
        "dcomexec",
        "secretsdump",
        "getuserspns",
        "getnpusers",
        "gettgt",
        "getst",
        "getadusers",
        "getadcomputers",
        "lookupsid",
        "samrdump",
        "rpcdump",
        "smbclient",
        "mssqlclient",
        "reg",
        "services",
        "addcomputer",
        "rbcd",
        "dacledit",
        "owneredit",
        "finddelegation",
        "getlapspassword",
        "changepasswd",
        "raisechild",
        "ticketer",
        "goldenpac",
        "wmiquery",
        "wmipersist",
        "netview",
        "net",
        "dumpntlminfo",
        "get-gpppassword",
        "describeticket",
        "exchanger",
        "machine_role",
        "mssqlinstance",
        "rdp_check",
        "smbserver",
        "tstool",
        "keylistattack",
        "badsuccessor",
        "getpac",
        "ntfs-read",
        "registry-read",
        "esentutl",
        "rpcmap",
        "sambapipe",
    ]
)
# The tool's name: ``NAME.py`` or ``impacket-NAME`` (a path before it), then a blank.
TOOL = Lazy(r"(?<![\w.-])(?:impacket-(?P<name>[\w-]+)|(?P<script>[\w-]+)\.py)[ \t]")
# A target word: ``[DOMAIN/]USER:PASSWORD@HOST``, or ``DOMAIN/USER:PASSWORD`` with no host.
TARGET = Lazy(
    r"(?:[^/@:\s]+/)?[^/@:\s]+:(?P<value>[^\s]+)@[^@/:\s]+|[^/@:\s]+/[^/@:\s]+:(?P<bare>[^@\s]+)"
)
HASH_FLAGS = frozenset({"-hashes", "-newhashes"})
SECRET_FLAGS = frozenset({"-aeskey", "-password", "-newpass", "-computer-pass", "-nthash"})
# The LM hash of the empty password: what ``-hashes`` holds when only the NT hash counts.
EMPTY_LM = "aad3b435b51404eeaad3b435b51404ee"


def target_password(text: str, word: Span) -> Span | None:
    """Return the span of the password in an impacket target word, or None."""
    start, end = unquoted(*word, text)
    if text.startswith("-", start) or "://" in text[start:end]:
        return None
    found = TARGET.compiled.fullmatch(text, start, end)
    if found is None:
        return None
    group = "value" if found.group("value") is not None else "bare"
    return found.span(group)


def hashes(text: str, word: Span) -> Iterator[Span]:
    """Yield the spans of ``LMHASH:NTHASH``'s hashes (the LM hash unless it is the empty one)."""
    start, end = unquoted(*word, text)
    at = text.find(":", start, end)
    if at < 0:
        yield start, end
        return
    if at - start >= 4 and text[start:at].lower() != EMPTY_LM:
        yield start, at
    yield at + 1, end


def credentials(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each password, hash or key on an impacket tool's command line."""
    for tool in TOOL.compiled.finditer(subject):
        name = (tool.group("name") or tool.group("script")).lower()
        if name not in TOOLS:
            continue
        words = arguments(subject, tool.end())
        values = [subject[start:end].lower() for start, end in words]
        spans: list[Span] = []
        for index, word in enumerate(words):
            following = words[index + 1] if index + 1 < len(words) else None
            if values[index] in HASH_FLAGS and following is not None:
                spans.extend(hashes(subject, following))
            elif values[index] in SECRET_FLAGS and following is not None:
                spans.append(unquoted(*following, subject))
            elif index == 0 or values[index - 1] not in HASH_FLAGS | SECRET_FLAGS:
                found = target_password(subject, word)
                if found is not None:
                    spans.append(found)
        for start, end in spans:
            value = subject[start:end]
            if checks.is_literal(value):
                yield span_match(subject, start, end)


def rules() -> list[Rule]:
    """Return the rule for credentials on an impacket tool's command line."""
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(SPAN.pattern), find=credentials),),
            trigger=Trigger(words=(".py ", "impacket-"), lower=True),
            gate=r"(?i)\.py[ \t]|impacket-",
        )
    ]
