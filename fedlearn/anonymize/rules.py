"""The redaction rules as data: a name, a pattern, and the placeholder that replaces a match."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from fedlearn.anonymize import Machine


@attrs.frozen
class Rule:
    """
    One named redaction.

    Attributes:
        placeholder: the replacement text, or a function of the match (to keep a key name).
        is_secret: whether ``scan`` reports it (personal data is redacted but not a scan finding).
    """

    name: str
    pattern: re.Pattern[str]
    placeholder: str | Callable[[re.Match[str]], str]
    is_secret: bool = True

    def replace(self, match: re.Match[str]) -> str:
        """Return the placeholder for ``match``."""
        if callable(self.placeholder):
            return self.placeholder(match)
        return self.placeholder


def keep_key(name: str) -> Callable[[re.Match[str]], str]:
    """Return a placeholder function that keeps the ``key`` group and redacts the value."""
    return lambda match: f"{match.group('key')}<redacted:{name}>"


def builtin_rules() -> list[Rule]:
    """Return the built-in rules, most specific first."""
    secret = [
        Rule(
            "private-key",
            re.compile(
                r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|\Z)",
                re.S,
            ),
            "<redacted:private-key>",
        ),
        Rule(
            "jwt",
            re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
            "<redacted:jwt>",
        ),
        Rule(
            "github-token",
            re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b"),
            "<redacted:github-token>",
        ),
        Rule(
            "openai-key",
            re.compile(r"\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}"),
            "<redacted:openai-key>",
        ),
        Rule(
            "aws-access-key",
            re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
            "<redacted:aws-access-key>",
        ),
        Rule(
            "slack-token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"), "<redacted:slack-token>"
        ),
        Rule(
            "url-credentials",
            re.compile(r"(?P<key>\b[a-z][a-z0-9+.-]*://[^/\s:@]+:)[^/\s@]+(?=@)"),
            keep_key("password"),
        ),
        Rule(
            "password-assignment",
            re.compile(
                r"""(?P<key>\b(?:password|passwd|pwd|secret|token|api[_-]?key)\b["']?\s*[:=]\s*["']?)(?!<redacted)[^\s"',;]{4,}""",
                re.I,
            ),
            keep_key("password"),
        ),
    ]
    personal = [
        Rule(
            "email",
            re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"),
            "<email>",
            is_secret=False,
        ),
        Rule(
            "ipv4",
            re.compile(
                r"\b(?!127\.)(?!0\.0\.0\.0)(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b"
            ),
            "<ip>",
            is_secret=False,
        ),
        Rule(
            "ipv6",
            re.compile(
                r"(?<![:\w])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![:\w])|(?<![:\w])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}:?){1,6}(?![:\w])"
            ),
            "<ip>",
            is_secret=False,
        ),
    ]
    return secret + personal


def machine_rules(machine: Machine, hostnames: list[str]) -> list[Rule]:
    """Return the rules for this machine's home, user and host names and the configured ones."""
    found: list[Rule] = []
    if machine.home and machine.home != "/":
        found.append(
            Rule(
                "home",
                re.compile(re.escape(machine.home) + r"(?![\w.-])"),
                "<home>",
                is_secret=False,
            )
        )
    found.append(
        Rule(
            "home",
            re.compile(r"(?:/home|/Users)/[A-Za-z0-9._-]+|/root(?![\w.-])"),
            "<home>",
            is_secret=False,
        )
    )
    names = {n for n in (machine.fqdn, machine.hostname, *hostnames) if n and n != "localhost"}
    for name in sorted(names, key=len, reverse=True):
        found.append(
            Rule(
                "hostname",
                re.compile(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])", re.I),
                "<host>",
                is_secret=False,
            )
        )
    if machine.user and machine.user != "root" and len(machine.user) >= 3:
        found.append(
            Rule(
                "user",
                re.compile(r"\b" + re.escape(machine.user) + r"\b"),
                "<user>",
                is_secret=False,
            )
        )
    return found
