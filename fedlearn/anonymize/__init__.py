"""Anonymize stage (DESIGN.md guarantee 1): every string written under data/ passes through here.

``Anonymizer.anonymize(text)`` replaces secrets and personal or machine data with typed
placeholders (``<redacted:jwt>``, ``<ip>``, ``<email>``, ``<home>``) and counts redactions by rule.
``scan(text)`` finds secrets without changing anything (the publish gate and ``fedlearn scan``).
"""

from __future__ import annotations

import collections
import os
import pwd
import re
import socket
from collections.abc import Iterable
from typing import Any

import attrs

from fedlearn import config
from fedlearn.anonymize import rules as rules_module
from fedlearn.anonymize.rules import Rule


@attrs.frozen
class Finding:
    """A secret found by ``scan``: the rule and where it is, never the secret itself."""

    rule: str
    start: int
    end: int


@attrs.frozen
class Machine:
    """The local identity that must never leave the machine: host names, user, home."""

    hostname: str
    fqdn: str
    user: str
    home: str

    @classmethod
    def local(cls) -> Machine:
        """Return this machine's hostname, FQDN, user and home (from the password database)."""
        entry = pwd.getpwuid(os.getuid())
        hostname = socket.gethostname()
        try:
            fqdn = socket.getfqdn()
        except OSError:
            fqdn = hostname
        return cls(hostname=hostname, fqdn=fqdn, user=entry.pw_name, home=entry.pw_dir)


class Anonymizer:
    """
    The compiled rules for one configuration and machine; reuse one per run.

    Attributes:
        counts: redactions so far, by rule name.
    """

    def __init__(self, settings: config.Anonymize, machine: Machine | None = None) -> None:
        self.machine = machine or Machine.local()
        disabled = set(settings.disable)
        built = rules_module.builtin_rules() + rules_module.machine_rules(
            self.machine, settings.hostnames
        )
        built += [
            Rule(r.name, re.compile(r.pattern), f"<redacted:{r.name}>")
            for r in settings.extra_rules
        ]
        self.rules = [rule for rule in built if rule.name not in disabled]
        self.allow = [re.compile(pattern) for pattern in settings.allow]
        self.counts: collections.Counter[str] = collections.Counter()

    def anonymize(self, text: str) -> str:
        """Return ``text`` with every match of every enabled rule replaced by its placeholder."""
        for rule in self.rules:
            text = rule.pattern.sub(lambda match, rule=rule: self._replace(rule, match), text)
        return text

    def _replace(self, rule: Rule, match: re.Match[str]) -> str:
        found = match.group(0)
        if any(allowed.fullmatch(found) for allowed in self.allow):
            return found
        self.counts[rule.name] += 1
        return rule.replace(match)

    def anonymize_value(self, value: Any) -> Any:
        """Return a JSON value with every string (keys included) anonymized."""
        if isinstance(value, str):
            return self.anonymize(value)
        if isinstance(value, dict):
            return {self.anonymize(str(k)): self.anonymize_value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.anonymize_value(v) for v in value]
        return value

    def scan(self, text: str) -> list[Finding]:
        """Return the secrets in ``text`` (secret rules only), without changing anything."""
        findings = []
        for rule in self.rules:
            if not rule.is_secret:
                continue
            for match in rule.pattern.finditer(text):
                if not any(allowed.fullmatch(match.group(0)) for allowed in self.allow):
                    findings.append(Finding(rule.name, match.start(), match.end()))
        return sorted(findings, key=lambda f: (f.start, f.rule))


def rule_names(rules: Iterable[Rule]) -> list[str]:
    """Return the names of ``rules``."""
    return [rule.name for rule in rules]
