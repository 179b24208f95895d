"""Anonymize stage (DESIGN.md guarantee 1): every string written under data/ passes through here.

``Anonymizer.anonymize(text)`` replaces secrets and personal or machine data with typed
placeholders (``<redacted:jwt>``, ``<ip>``, ``<email>``, ``<home>``) and counts redactions by rule.
``scan(text)`` finds secrets without changing anything (the publish gate and ``fedlearn scan``).
Each string costs one pass: a rule's patterns run only when its gate (all gates as one RE2 set, see
``prefilter``) or, without google-re2, its keyword trigger says they can find something.
"""

from __future__ import annotations

import bisect
import collections
import re
from collections.abc import Callable
from typing import Any

import attrs

from fedlearn import config
from fedlearn.anonymize import (
    assignments,
    commands,
    credentials,
    entropy,
    forms,
    machine,
    numbers,
    personal,
    prefilter,
    providers,
    rules,
)
from fedlearn.anonymize.files import FileFinding, scan_files
from fedlearn.anonymize.machine import Machine
from fedlearn.anonymize.rules import Rule

__all__ = ["Anonymizer", "FileFinding", "Finding", "Machine", "builtin_rule_names", "scan_files"]


# Passes until one finds nothing (see ``Anonymizer.anonymize``); two is the norm, this the cap.
MAX_PASSES = 8


@attrs.frozen
class Finding:
    """A secret found by ``scan``: the rule and where it is, never the secret itself."""

    rule: str
    start: int
    end: int


def builtin_rules(identity: Machine, hostnames: list[str]) -> list[Rule]:
    """Return every built-in rule by priority: shaped, keyed, placed secrets; personal data."""
    return (
        credentials.shaped()
        + providers.prefixed()
        + assignments.keyed()
        + forms.formed()
        + entropy.looks()
        + commands.placed()
        + personal.network()
        + numbers.numbers()
        + machine.rules(identity, hostnames)
    )


def builtin_rule_names() -> list[str]:
    """Return the names of the built-in rules (what ``[anonymize] disable`` accepts), sorted."""
    identity = Machine(
        hostname="example-host",
        fqdn="example-host.example.org",
        user="example-user",
        home="/home/example-user",
    )
    return sorted({name for rule in builtin_rules(identity, []) for name in rule.names})


class Anonymizer:
    """
    The compiled rules for one configuration and machine; reuse one per run.

    ``use_re2=False`` skips the RE2 prefilter (the keyword triggers decide alone; same results);
    ``re2_after`` is how many ASCII characters the triggers read before the prefilter is built
    (0: on the first string). Building compiles no rule pattern: each compiles on first use.

    Attributes:
        counts: redactions so far, by rule name.
    """

    def __init__(
        self,
        settings: config.Anonymize,
        machine: Machine | None = None,
        *,
        use_re2: bool = True,
        re2_after: int = prefilter.PAYOFF,
    ) -> None:
        self.machine = machine or Machine.local()
        self.disabled = frozenset(settings.disable)
        configured = [rules.configured(rule.name, rule.pattern) for rule in settings.extra_rules]
        built = builtin_rules(self.machine, settings.hostnames)
        secret_count = sum(rule.is_secret for rule in built)
        ordered = built[:secret_count] + configured + built[secret_count:]
        self.rules = tuple(rule for rule in ordered if not set(rule.names) <= self.disabled)
        self.allow = tuple(re.compile(pattern) for pattern in settings.allow)
        self.counts: collections.Counter[str] = collections.Counter()
        self._triggers = prefilter.Triggers(self.rules)
        self._prefilter = prefilter.Prefilter(self.rules, re2_after) if use_re2 else None

    @property
    def has_prefilter(self) -> bool:
        """Return whether the RE2 prefilter is in use (google-re2 installed, not turned off)."""
        return self._prefilter is not None and self._prefilter.is_available

    def anonymize(self, text: str) -> str:
        """
        Return ``text`` with every secret and personal datum replaced by its placeholder.

        Each pass lets all rules look at the same text; overlapping finds become one redaction
        under the higher-priority rule's name, so no part of a secret is left beside a
        placeholder. A redaction can change what a neighbour looks like (``AKIA…-----BEGIN…``:
        the key id ends at the dash, not at a placeholder), so passes repeat while they redact
        a secret: anonymizing again then changes nothing.
        """
        probe = rules.Probe(text)
        # A later pass runs only the rules that were active in the first: gates and triggers are
        # context-free and placeholders hold none of their words, so a rule that could find
        # nothing in the text can find nothing once parts of it are placeholders.
        active = self._active(probe)
        for _ in range(MAX_PASSES):
            hits = self._hits(probe, active, secrets_only=False)
            if hits:
                probe = rules.Probe(self._redact(probe.text, hits))
            # Personal data next to a placeholder is left alone, so redacting only personal data
            # leaves nothing for another pass; a redacted secret can (``AKIA…-----BEGIN…``).
            if not any(rule.is_secret for _, _, _, rule in hits):
                break
        return probe.text

    def scan(self, text: str) -> list[Finding]:
        """Return the secrets in ``text`` (secret rules only), without changing anything."""
        return [
            Finding(name, start, end)
            for start, end, name, _ in self._hits(rules.Probe(text), None, secrets_only=True)
        ]

    def _redact(self, text: str, hits: list[Hit]) -> str:
        parts = []
        position = 0
        for start, end, name, rule in hits:
            self.counts[name] += 1
            parts.append(text[position:start])
            parts.append(rule.replacement(name))
            position = end
        parts.append(text[position:])
        return "".join(parts)

    def _active(self, probe: rules.Probe) -> list[int]:
        """Return the indexes of the rules that can find something, in priority order."""
        if self._prefilter is not None:
            found = self._prefilter.active(probe.text)
            if found is not None:
                return found
        return self._triggers.active(probe)

    def _hits(
        self, probe: rules.Probe, active: list[int] | None, *, secrets_only: bool
    ) -> list[Hit]:
        """Return every redaction in the probe's text, sorted and disjoint (see ``disjoint``)."""
        found: list[Hit] = []
        for index in self._active(probe) if active is None else active:
            rule = self.rules[index]
            if rule.is_secret or not secrets_only:
                found += self._rule_hits(rule, probe)
        return disjoint(found)

    def _rule_hits(self, rule: Rule, probe: rules.Probe) -> list[Hit]:
        """Return the redactions one rule makes in the probe's text."""
        text = probe.text
        subject = probe.lower if rule.lower else text
        touching = not rule.is_secret
        found = []
        for matcher in rule.matchers:
            for match in matcher.matches(subject):
                verdict = matcher.verdict(match, text)
                if verdict is None:
                    continue
                start, end, name = verdict
                name = name or rule.name
                if start >= end or name in self.disabled:
                    continue
                if probe.protected and probe.is_protected(start, end, touching=touching):
                    continue
                if self.allow and self._is_allowed(text[start:end], match.group()):
                    continue
                found.append((start, end, name, rule))
        return found

    def _is_allowed(self, value: str, whole: str) -> bool:
        return any(allowed.fullmatch(value) or allowed.fullmatch(whole) for allowed in self.allow)

    def anonymize_value(self, value: Any, text: Callable[[str], str] | None = None) -> Any:
        """
        Return a JSON value with every string (keys included) anonymized.

        A string under a key that names a secret (``{"password": "hunter2"}``) is redacted whole,
        as it would be in ``password: hunter2``. ``text`` replaces ``anonymize`` for the strings
        (a memo of it, say).
        """
        text = text or self.anonymize
        if isinstance(value, str):
            return text(value)
        if isinstance(value, dict):
            return {
                text(str(key)): self._field(str(key), item, text) for key, item in value.items()
            }
        if isinstance(value, list | tuple):
            return [self.anonymize_value(item, text) for item in value]
        return value

    def _field(self, key: str, value: Any, text: Callable[[str], str]) -> Any:
        anonymized = self.anonymize_value(value, text)
        name = self.field_secret(key, value)
        if name is None or rules.PLACEHOLDER.fullmatch(str(anonymized)):
            return anonymized
        self.counts[name] += 1
        return f"<redacted:{name}>"

    def field_secret(self, key: str, value: Any) -> str | None:
        """Return the rule that makes ``value`` a secret under JSON key ``key``, or None."""
        name = assignments.field_secret(key, value)
        if name is None or name in self.disabled or rules.PLACEHOLDER.fullmatch(value):
            return None
        return None if any(allowed.fullmatch(value) for allowed in self.allow) else name

    def scan_value(self, value: Any) -> list[str]:
        """Return the rule of every secret in a JSON value, keys and secret-keyed values too."""
        if isinstance(value, str):
            return [finding.rule for finding in self.scan(value)]
        found: list[str] = []
        if isinstance(value, dict):
            for key, item in value.items():
                found += self.scan_value(str(key))
                name = self.field_secret(str(key), item)
                found += [name] if name else self.scan_value(item)
        elif isinstance(value, list):
            for item in value:
                found += self.scan_value(item)
        return found


Hit = tuple[int, int, str, Rule]


def disjoint(hits: list[Hit]) -> list[Hit]:
    """
    Return ``hits`` merged where they overlap, sorted by position.

    ``hits`` come in priority order. Overlapping secrets merge into one redaction that spans them
    all, under the first one's name, so no part of a secret is left beside a placeholder.
    Personal data that overlaps a secret is dropped (the secret's redaction covers what matters);
    overlapping personal data merges like secrets do.
    """
    if len(hits) < 2:
        return hits
    secrets = merged([hit for hit in hits if hit[3].is_secret])
    personal = [hit for hit in hits if not hit[3].is_secret]
    if secrets:
        personal = [hit for hit in personal if not overlaps(secrets, hit)]
    return sorted(secrets + merged(personal), key=lambda hit: hit[0]) if personal else secrets


def overlaps(sorted_hits: list[Hit], hit: Hit) -> bool:
    """Return whether ``hit`` overlaps any of the sorted, disjoint ``sorted_hits``."""
    index = bisect.bisect_left(sorted_hits, hit[1], key=lambda other: other[0])
    return index > 0 and sorted_hits[index - 1][1] > hit[0]


def merged(hits: list[Hit]) -> list[Hit]:
    """Return ``hits`` (in priority order) merged where they overlap, sorted by position."""
    if len(hits) < 2:
        return hits
    ranked = sorted(range(len(hits)), key=lambda index: hits[index][0])
    found: list[Hit] = []
    best: list[int] = []
    for index in ranked:
        start, end, name, rule = hits[index]
        if found and start < found[-1][1]:
            last = found[-1]
            if index < best[-1]:
                best[-1] = index
                last = (last[0], last[1], name, rule)
            found[-1] = (last[0], max(last[1], end), last[2], last[3])
        else:
            found.append(hits[index])
            best.append(index)
    return found
