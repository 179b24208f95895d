"""Secrets known by their place: HTTP authorization schemes, URLs, and command lines.

``Authorization: Bearer <redacted:authorization>``, ``postgres://app:<redacted:url-credentials>@db``,
``mysql -u root -p<redacted:password>``: the scheme, URL or command stays, the credential goes.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger


def bearer(match: re.Match[str], text: str) -> bool:
    """Return whether the word after ``Bearer`` is a token (not ``Bearer authentication``)."""
    value = text[slice(*match.span("value"))]
    if checks.is_reference(value) or not checks.looks_random(value, minimum=12):
        return False
    return any(c.isdigit() for c in value) or checks.character_classes(value) >= 3


def basic(match: re.Match[str], text: str) -> bool:
    """Return whether the word after ``Basic`` is base64 of ``user:password``."""
    return checks.is_basic_credentials(text[slice(*match.span("value"))])


def url_password(match: re.Match[str], text: str) -> bool:
    """Return whether a URL's password is literal (``${DB_PASSWORD}`` is not)."""
    return not checks.is_reference(text[slice(*match.span("value"))])


def url_token(match: re.Match[str], text: str) -> bool:
    """Return whether a URL's user part alone is a token (``https://<token>@host``)."""
    return checks.looks_random(text[slice(*match.span("value"))], minimum=16)


def command_line(match: re.Match[str], text: str) -> bool:
    """Return whether a password given on a command line is literal."""
    value = text[slice(*match.span("value"))]
    return len(value) >= 3 and not value.startswith("-") and not checks.is_reference(value)


def command_lines() -> list[Rule]:
    """Return a rule per well-known command that takes a password on its command line."""
    value = r"(?P<q>[\"'])?(?P<value>(?(q)[^\"'\n]+|[^\s\"'`;&|]+))"
    shell = r"[^\n|;&]{0,200}?[ \t]"
    commands = (
        (r"mysql(?:dump|admin)?\b" + shell + r"-p" + value, r"mysql[^\n|;&]*[ \t]-p[^\s]"),
        (r"mariadb(?:-dump)?\b" + shell + r"-p" + value, r"mariadb[^\n|;&]*[ \t]-p[^\s]"),
        (r"sshpass[ \t]+-p[ \t]*" + value, r"sshpass[ \t]+-p"),
        (r"redis-cli\b" + shell + r"-a[ \t]+" + value, r"redis-cli[^\n|;&]*[ \t]-a[ \t]"),
        (
            r"docker[ \t]+login\b" + shell + r"-p[ \t]+" + value,
            r"docker[ \t]+login[^\n|;&]*[ \t]-p[ \t]",
        ),
        (r"pass:(?<![a-z]pass:)" + value, r"pass:"),
    )
    # Each command's flag after a blank (``-p``, ``-a``, ``-u``), curl's ``--user``, or ``pass:``.
    trigger = Trigger(words=("--user", "pass:"), patterns=(Lazy(r"-(?<=[ \t]-)[pau]"),), lower=True)
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(pattern), command_line),),
            trigger=trigger,
            lower=True,
            gate="(?i)" + gate,
        )
        for pattern, gate in commands
    ]


def placed() -> list[Rule]:
    """Return the rules for authorization values, URL credentials and command-line passwords."""
    return [
        Rule(
            ("authorization",),
            (
                Matcher(Lazy(r"bearer[ \t]+(?P<value>[a-z0-9._~+/-]+=*)"), bearer),
                Matcher(Lazy(r"basic[ \t]+(?P<value>[a-z0-9+/]{8,}={0,2})(?![a-z0-9+/=])"), basic),
            ),
            trigger=Trigger(words=("earer", "asic"), lower=True),
            lower=True,
            gate=r"(?i)bearer[ \t]+[a-z0-9._~+/-]{12}|basic[ \t]+[a-z0-9+/]{8}",
        ),
        Rule(
            ("url-credentials",),
            (
                Matcher(Lazy(r"://[^\s/:@\"'<>]*:(?P<value>[^\s/@\"'<>]+)@"), url_password),
                Matcher(Lazy(r"://(?P<value>[A-Za-z0-9_.~%+-]{16,})@"), url_token),
            ),
            trigger=Trigger(words=("://",)),
            gate=r"://[^\s/@\"'<>]*@",
        ),
        *command_lines(),
    ]
