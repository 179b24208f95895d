"""Anonymize stage (DESIGN.md guarantee 1): every string written under data/ passes through here.

``Anonymizer.anonymize(text)`` replaces secrets and personal or machine data with typed
placeholders (``<redacted:jwt>``, ``<ip>``, ``<email>``, ``<home>``) and counts redactions by rule.
``scan(text)`` finds secrets without changing anything (the publish gate and ``fedlearn scan``).
Each string costs one pass: a rule's patterns run only when its gate (all gates as one RE2 set, see
``prefilter``) or, without google-re2, its keyword trigger says they can find something.
"""

from __future__ import annotations

import collections
import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from fedlearn import config
from fedlearn.anonymize import (
    assignments,
    beside_keys,
    commands,
    continued,
    credentials,
    declarations,
    documents,
    encoded,
    entropy,
    escaped,
    forms,
    key_names,
    logins,
    machine,
    personal,
    personal_ids,
    prefilter,
    providers,
    rules,
    sql,
    tables,
    vendors,
    webhooks,
)
from fedlearn.anonymize.files import FileFinding, scan_files
from fedlearn.anonymize.hits import Hit, disjoint, repeated
from fedlearn.anonymize.machine import Machine
from fedlearn.anonymize.probe import Probe
from fedlearn.anonymize.rules import Rule

__all__ = ["Anonymizer", "FileFinding", "Finding", "Machine", "builtin_rule_names", "scan_files"]


# No redactions, as a Counter shared by whatever had none (never changed).
NONE: collections.Counter[str] = collections.Counter()
# Passes until one finds nothing (see ``Anonymizer.anonymize``); two is the norm, this the cap.
MAX_PASSES = 8


@attrs.frozen
class Finding:
    """A secret found by ``scan``: the rule and where it is, never the secret itself."""

    rule: str
    start: int
    end: int


def builtin_rules(
    identity: Machine, hostnames: list[str], decoder: encoded.Decoder | None = None
) -> list[Rule]:
    """
    Return every built-in rule by priority: shaped, keyed, placed secrets; personal data
    (``decoder``: how ``encoded-secret`` judges decoded text; None: it finds nothing).
    """
    return (
        credentials.shaped()
        + providers.prefixed()
        + vendors.prefixed()
        + assignments.keyed()
        + beside_keys.keyed()
        + forms.formed()
        + tables.rules()
        + sql.rules()
        + declarations.rules()
        + webhooks.rules()
        + entropy.looks()
        + commands.placed()
        + logins.rules()
        + encoded.rules(decoder or encoded.Decoder())
        + personal.network()
        + personal_ids.rules()
        + documents.rules()
        + machine.rules(identity, hostnames)
    )


def builtin_rule_names() -> list[str]:
    """Return the names of the built-in rules (what ``[anonymize] disable`` accepts), sorted."""
    host, user = "example-host", "example-user"
    identity = Machine(host, f"{host}.example.org", user, f"/home/{user}")
    return sorted({name for rule in builtin_rules(identity, []) for name in rule.names})


class Anonymizer:
    """
    The compiled rules for one configuration and machine; reuse one per run.

    What is redacted is what every rule finds when it runs on every string (``use_prefilter=False``,
    the reference). The prefilter only skips rules that cannot find anything: the RE2 set of the
    rules' gates (``use_re2``, google-re2 installed; built after ``re2_after`` characters, at once
    when this process compiled it already, or by ``build_prefilter``) or else their keyword
    triggers. Each gate and trigger is a necessary condition of its rule, so every path
    gives the same bytes. Building compiles no rule pattern: each compiles on first use.

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
        use_prefilter: bool = True,
    ) -> None:
        self.machine = machine or Machine.local()
        self.settings = settings
        self.disabled = frozenset(settings.disable)
        configured = [rules.configured(rule.name, rule.pattern) for rule in settings.extra_rules]
        decoder = encoded.Decoder()
        built = builtin_rules(self.machine, settings.hostnames, decoder)
        secret_count = sum(rule.is_secret for rule in built)
        ordered = built[:secret_count] + configured + built[secret_count:]
        self.rules = tuple(
            rules.derived(rule) for rule in ordered if not set(rule.names) <= self.disabled
        )
        self.allow = tuple(re.compile(pattern) for pattern in settings.allow)
        self.counts: collections.Counter[str] = collections.Counter()
        self._every = list(range(len(self.rules))) if not use_prefilter else None
        self._triggers = prefilter.Triggers(self.rules)
        self._prefilter = prefilter.Prefilter(self.rules, re2_after) if use_re2 else None
        decoder.finds = lambda text: bool(self._hits(Probe(text), None, secrets_only=True))

    def fingerprint(self) -> str:
        """
        Return the sha256 hex of the effective rule set: what decides what this anonymizer redacts.

        It covers the rules' code (every module of this package), ``[anonymize]`` and the machine:
        a new fedlearn version, config or host name gives a new one (sync re-anonymizes then).
        """
        digest = hashlib.sha256()
        for module in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(module.name.encode() + b"\x00" + module.read_bytes() + b"\x00")
        identity = {"anonymize": attrs.asdict(self.settings), "machine": attrs.asdict(self.machine)}
        digest.update(json.dumps(identity, sort_keys=True).encode())
        return digest.hexdigest()

    @property
    def has_prefilter(self) -> bool:
        """Return whether the RE2 prefilter is in use (google-re2 installed, not turned off)."""
        return self._prefilter is not None and self._prefilter.is_available

    def build_prefilter(self) -> None:
        """Build the RE2 prefilter now, not after ``re2_after`` characters (a large backlog)."""
        if self._prefilter is not None:
            self._prefilter.build()

    def anonymize(self, text: str) -> str:
        """
        Return ``text`` with every secret and personal datum replaced by its placeholder.

        Each pass lets all rules look at the same text; overlapping finds become one redaction
        under the higher-priority rule's name, so no part of a secret is left beside a
        placeholder. A redaction can change what a neighbour looks like (``AKIA…-----BEGIN…``:
        the key id ends at the dash, not at a placeholder), so passes repeat while they redact
        a secret: anonymizing again then changes nothing.
        """
        result, names = self._anonymize(Probe(text), None)
        if names:
            self.counts.update(names)
        return result

    def anonymize_many(self, texts: Sequence[str]) -> list[str]:
        """Return each of ``texts`` anonymized, as ``anonymize`` would (one prefilter for all)."""
        return [result for result, _ in self.redact_each(texts, self.counts)]

    def redact_each(
        self, texts: Sequence[str], counts: collections.Counter[str] | None = None
    ) -> list[tuple[str, tuple[str, ...]]]:
        """
        Return each of ``texts`` anonymized with the rule names of the redactions it made (one name
        per redaction), adding them to ``counts``.

        The prefilter runs once over the texts joined: a rule that can find something in one of
        them passes it there too, so the rules it lets run are a superset of each text's own, and
        the rules' patterns, run on each text alone, decide as they do for ``anonymize``.
        """
        if len(texts) < 2:
            active = None
        else:
            active = self._active(Probe("\n".join(texts)))
            if not active:
                return [(text, ()) for text in texts]
        found: list[tuple[str, tuple[str, ...]]] = []
        for text in texts:
            result, names = self._anonymize(Probe(text), active)
            if not names:
                found.append((result, ()))
                continue
            own = tuple(names)
            found.append((result, own))
            if counts is not None:
                counts.update(own)
        return found

    def _anonymize(self, probe: Probe, active: list[int] | None) -> tuple[str, list[str]]:
        """
        Return the probe's text anonymized and the names of its redactions.

        ``active``: the rules the first pass runs (None: the prefilter decides on this text).
        """
        names: list[str] = []
        secrets_only = False
        for _ in range(MAX_PASSES):
            hits = self._hits(probe, active, secrets_only=secrets_only)
            if not hits:
                break
            probe = Probe(self._redact(probe.text, hits, names))
            # A placeholder changes what is around it: a redacted secret can uncover another
            # (``AKIA…-----BEGIN…``), and a value that ended in an email is a password once the
            # email is ``<email>``. Personal data next to a placeholder is left alone, so after
            # personal data only, the next pass looks for secrets only.
            secrets_only = not any(rule.is_secret for _, _, _, rule in hits)
            active = None  # the prefilter decides again on the text with placeholders
        return probe.text, names

    def scan(self, text: str) -> list[Finding]:
        """Return the secrets in ``text`` (secret rules only), without changing anything."""
        return [
            Finding(name, start, end)
            for start, end, name, _ in self._hits(Probe(text), None, secrets_only=True)
        ]

    def _redact(self, text: str, hits: list[Hit], names: list[str]) -> str:
        parts = []
        position = 0
        for start, end, name, rule in hits:
            names.append(name)
            parts.append(text[position:start])
            parts.append(rule.replacement(name))
            position = end
        parts.append(text[position:])
        return "".join(parts)

    def _active(self, probe: Probe) -> list[int]:
        """Return the indexes of the rules that can find something, in priority order."""
        if self._every is not None:
            return self._every
        if self._prefilter is not None:
            found = self._prefilter.active(probe.text)
            if found is not None:
                return found
        return self._triggers.active(probe)

    def _hits(
        self, probe: Probe, active: list[int] | None, *, secrets_only: bool, join: bool = True
    ) -> list[Hit]:
        """
        Return every redaction in the probe's text, sorted and disjoint (see ``disjoint``), and
        with ``join`` those in it with its ``\\`` continuations joined (``continued``) and its
        escapes decoded (``escaped``).
        """
        found: list[Hit] = []
        text = probe.text
        for index in self._active(probe) if active is None else active:
            rule = self.rules[index]
            if secrets_only and not rule.is_secret:
                continue
            subject = probe.lower if rule.lower else text
            # ``_rule_hits`` inlined: most rules that run find nothing, so the loop is the cost.
            for matcher in rule.matchers:
                find = matcher.find
                for match in matcher.pattern.finditer(subject) if find is None else find(subject):
                    hit = self._hit(rule, matcher, match, probe)
                    if hit is not None:
                        found.append(hit)
        if join:

            def again(view: str) -> list[Hit]:
                return self._hits(Probe(view), None, secrets_only=secrets_only, join=False)

            found = escaped.with_decoded(text, continued.with_joined(text, found, again), again)
        return disjoint(repeated(text, found))

    def _rule_hits(self, rule: Rule, probe: Probe) -> list[Hit]:
        """Return the redactions one rule makes in the probe's text."""
        subject = probe.lower if rule.lower else probe.text
        found = []
        for matcher in rule.matchers:
            for match in matcher.matches(subject):
                hit = self._hit(rule, matcher, match, probe)
                if hit is not None:
                    found.append(hit)
        return found

    def _hit(
        self, rule: Rule, matcher: rules.Matcher, match: re.Match[str], probe: Probe
    ) -> Hit | None:
        """Return the redaction a rule's match makes in the probe's text, or None."""
        text = probe.text
        verdict = matcher.verdict(match, text)
        if verdict is None:
            return None
        start, end, name = verdict
        name = name or rule.name
        if start >= end or name in self.disabled:
            return None
        if probe.protected and probe.is_protected(start, end, touching=not rule.is_secret):
            return None
        if self.allow and self._is_allowed(text[start:end], match.group()):
            return None
        return (start, end, name, rule)

    def _is_allowed(self, value: str, whole: str) -> bool:
        return any(allowed.fullmatch(value) or allowed.fullmatch(whole) for allowed in self.allow)

    def anonymize_value(
        self, value: Any, many: Callable[[Sequence[str]], list[str]] | None = None
    ) -> Any:
        """
        Return a JSON value with every string (keys included) anonymized, all in one batch.

        A string under a key that names a secret (``{"password": "hunter2"}``) is redacted whole,
        as it would be in ``password: hunter2``. ``many`` replaces ``anonymize_many`` for the
        strings (a memo of it, say).
        """
        strings = list(strings_in(value))
        done = (many or self.anonymize_many)(strings)
        return self._rebuilt(value, dict(zip(strings, done, strict=True)))

    def _rebuilt(self, value: Any, done: dict[str, str]) -> Any:
        """Return ``value`` with each string replaced by its anonymized form in ``done``."""
        if isinstance(value, str):
            return done[value]
        if isinstance(value, dict):
            return {
                done[str(key)]: self._field(str(key), item, done) for key, item in value.items()
            }
        if isinstance(value, list | tuple):
            return [self._rebuilt(item, done) for item in value]
        return value

    def _field(self, key: str, value: Any, done: dict[str, str]) -> Any:
        anonymized = self._rebuilt(value, done)
        name = self.field_secret(key, value)
        if name is None or rules.PLACEHOLDER.fullmatch(str(anonymized)):
            return anonymized
        self.counts[name] += 1
        return f"<redacted:{name}>"

    def field_secret(self, key: str, value: Any) -> str | None:
        """Return the rule that makes ``value`` a secret under JSON key ``key``, or None."""
        name = key_names.field_secret(key, value)
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


def strings_in(value: Any) -> Iterator[str]:
    """Yield every string of a JSON value, object keys included, in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)
