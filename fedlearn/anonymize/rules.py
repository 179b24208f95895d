"""The shape of a redaction rule (DESIGN.md guarantee 1) and the cheap tests that gate it.

A rule is data: names, patterns, and two necessary conditions much cheaper than the patterns: a
trigger (a literal word, or a regex that starts with a literal) and a gate (an RE2 regex). What a
rule redacts is what its patterns and checks find when it runs on every string; the trigger and
the gate only let it skip strings where it cannot find anything, so each must hold wherever the
rule finds something (``tests/test_prefilter.py`` checks both). A rule left without them gets both
from its patterns' literal heads (``derived``), which makes them necessary by construction. Python's regex engine scans for a
literal prefix at memory speed but tries a character class or an alternation at every position,
so every pattern here starts with a literal, and word boundaries are checked after the fact by the
matcher's ``widen`` and ``check`` functions. Patterns are ``Lazy`` (``lazy``): building the rules
compiles nothing, and a rule's patterns compile when its gate or trigger first fires. How a
trigger is tested is ``triggers``'.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import attrs

from fedlearn.anonymize.heads import literal_heads, trie_pattern
from fedlearn.anonymize.lazy import Lazy as Lazy
from fedlearn.anonymize.lazy import Regex
from fedlearn.anonymize.triggers import Many as Many
from fedlearn.anonymize.triggers import Trigger as Trigger

# ``Lazy`` (``lazy``), ``Trigger`` and ``Many`` (``triggers``) are what a rule is built of, with
# ``Rule`` and ``Matcher`` here: rule modules import them all from here.
# A text's UTF-8, its maximal runs of 20 base64 characters or more (byte spans, in order) and the
# longest one's length (``probe.long_runs``); what a rule needs of them to find something.
Runs = tuple[bytes, tuple[tuple[int, int], ...], int]
RunTest = Callable[[Runs], bool]

NAME_CHARACTERS = re.compile(r"[^\w.-]")

Span = tuple[int, int]
Check = Callable[[re.Match[str], str], bool]
Widen = Callable[[re.Match[str], str], "Span | None"]
Classify = Callable[[re.Match[str], str], "str | None"]
Find = Callable[[str], Iterator[re.Match[str]]]
Judge = Callable[[re.Match[str], str], "tuple[int, int, str] | None"]

# Any span: the pattern of a matcher whose ``find`` locates its spans without a regex, each
# yielded as ``span_match(subject, start, end)``.
SPAN = Lazy(r"(?s).+")


def span_match(subject: str, start: int, end: int) -> re.Match[str]:
    """Return ``SPAN``'s match of ``subject[start:end]``, which must not be empty."""
    return SPAN.match(subject, start, end)  # type: ignore[return-value]


# The last text ``line_start`` was asked about, the position, and the last line break and ``\\n``
# escape before it: a long line's candidates, asked in order, each read back only to the last one
# (a search back to the line's start for each made a 64 KB line of flags quadratic).
_lines: tuple[str, int, int, int] = ("", 0, -1, -1)


def line_start(text: str, position: int) -> int:
    """Return where the line holding ``position`` starts, in text or in a JSON string (past a
    ``\\n`` escape, whose two characters end a line there)."""
    global _lines
    held, before, newline, escaped = _lines
    if held is text and before <= position:
        found = text.rfind("\n", before, position)
        newline = found if found >= 0 else newline
        found = text.rfind("\\n", max(0, before - 1), position)  # one may straddle ``before``
        escaped = found if found >= 0 else escaped
    else:
        newline = text.rfind("\n", 0, position)
        escaped = text.rfind("\\n", 0, position)
    _lines = (text, position, newline, escaped)
    return max(newline + 1, escaped + 2 if escaped >= 0 else 0)


# A string literal's prefix letters before its opening quote, no part of the value: Rust raw and
# byte strings (``r"…"``, ``r#"…"#``, ``b"…"``, ``br"…"``), Python's ``r``/``b``/``u``/``rb``,
# C/C++ ``L"…"``/``u8"…"``, Objective-C/C# ``@"…"``, bash's ANSI-C ``$'…'``, and Go's
# conversion of a literal to bytes (``hmacKey := []byte("…")``, bench/probes43). Interpolating
# prefixes (``f"…"``, C# ``$"…"``) are not literals and stay out.
# The longest value a key's pattern reads, quoted or in a form's slot: a token may be long
# (Aiven's are 372 characters, an AWS session token's up to about 1,000).
MAX_VALUE = 1000
STRING_PREFIX = (
    r"(?:(?:@|[rbulRBUL]|[rbRB]{2}|u8|[rR]\#{1,3})(?=[\"'])|\$(?=')|\[\]byte\((?=[\"`]))"
)
# Every placeholder the rules write; nothing is redacted inside one (anonymize is idempotent).
PLACEHOLDER = Lazy(r"<(?:redacted:[\w.-]+|ip|email|home|host|user|mac|ssh-fingerprint|ssh-key)>")


@attrs.frozen
class Matcher:
    """
    One pattern of a rule and how a match becomes a redaction.

    Every function gets the match (found in the text or its lower-case copy, same positions) and
    the original text.

    Attributes:
        widen: the span to redact, or None to drop the match; default: the ``value`` group when
            the pattern has one (the rest, a key name, stays), else the whole match.
        check: whether the match is really a secret or personal datum.
        classify: the rule name to report (``password``, ``token``…), or None to drop the match;
            default: the rule's name.
        find: how to find the matches in a text; default: every match of the pattern.
        judge: all of the above at once: the span and rule name, or None to drop the match (for
            matchers whose span, verdict and name come from one piece of work).
    """

    pattern: Regex
    check: Check | None = None
    widen: Widen | None = None
    classify: Classify | None = None
    find: Find | None = None
    judge: Judge | None = None
    has_value: bool = attrs.field(init=False)

    @has_value.default
    def _has_value(self) -> bool:
        # Read off a lazy pattern's source, not its compiled form: ``(?P<`` is Python's only
        # spelling of a named group.
        if isinstance(self.pattern, Lazy):
            return "(?P<value>" in self.pattern.pattern
        return "value" in self.pattern.groupindex

    def matches(self, subject: str) -> Iterator[re.Match[str]]:
        """Return the matches in ``subject``."""
        return self.find(subject) if self.find is not None else self.pattern.finditer(subject)

    def verdict(self, match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        """Return the span to redact and the rule name ("": the rule's own), or None to drop it."""
        if self.judge is not None:
            return self.judge(match, text)
        if self.widen is not None:
            span = self.widen(match, text)
            if span is None:
                return None
        else:
            span = match.span("value") if self.has_value else match.span()
        if self.check is not None and not self.check(match, text):
            return None
        name = self.classify(match, text) if self.classify is not None else ""
        return None if name is None else (span[0], span[1], name)


@attrs.frozen
class Rule:
    """
    One redaction family.

    Attributes:
        names: what the rule reports; the first is its own name. Names are what
            ``[anonymize] disable`` takes, what counts are keyed by, and a secret's placeholder.
        matchers: the patterns.
        placeholder: the replacement of personal data; a secret becomes ``<redacted:NAME>``.
        is_secret: whether ``scan`` reports it (personal data is redacted, not a scan finding).
        trigger: a necessary condition, tested in Python; None: derived from the patterns'
            literal heads (``derived``), or, where a pattern has none, the rule runs on every string.
        lower: match the lower-case copy of the text (case-insensitive matching without ``(?i)``,
            which would cost the regex engine its literal-prefix search).
        gate: an RE2 pattern found wherever the rule can find something (a superset of its
            matches); all gates run as one RE2 set (``prefilter``) when google-re2 is installed.
            None: derived like the trigger, else the rule always runs.
        long_run: for the rules without a gate that look for long tokens on the byte map, what
            the rule needs of a text's long runs (``probe.long_runs``: 20 base64 characters or
            more) to find something, a test cheaper than its finder (``high-entropy``: a token
            run its finder keeps; ``encoded-secret``: a run that can be base64 of text). The
            prefilter lets them all run where one of theirs holds (``probe.has_wanted_run``),
            in place of a gate. None: no such rule.
    """

    names: tuple[str, ...]
    matchers: tuple[Matcher, ...]
    placeholder: str = ""
    is_secret: bool = True
    trigger: Trigger | None = None
    lower: bool = False
    gate: str | None = None
    long_run: RunTest | None = None

    @property
    def name(self) -> str:
        """Return the rule's own name."""
        return self.names[0]

    def replacement(self, name: str) -> str:
        """Return the text that replaces a redaction reported as ``name``."""
        return f"<redacted:{name}>" if self.is_secret else self.placeholder


def secret(
    name: str,
    *matchers: Matcher,
    gate: str | None,
    trigger: Trigger | None = None,
    lower: bool = False,
    long_run: RunTest | None = None,
) -> Rule:
    """Return a secret rule: a match becomes ``<redacted:NAME>`` and is a scan finding."""
    return Rule((name,), matchers, "", True, trigger, lower, gate, long_run)


def personal(
    name: str,
    placeholder: str,
    *matchers: Matcher,
    gate: str | None,
    trigger: Trigger | None = None,
    lower: bool = False,
) -> Rule:
    """Return a personal-data rule: a match becomes ``placeholder``; not a scan finding."""
    return Rule((name,), matchers, placeholder, False, trigger, lower, gate)


def configured(name: str, pattern: str) -> Rule:
    """Return a configured extra rule: every match of ``pattern`` becomes ``<redacted:NAME>``."""
    return secret(NAME_CHARACTERS.sub("-", name), Matcher(re.compile(pattern)), gate=None)


RE2_SPECIAL = frozenset("\\.+*?()|[]{}^$")


def derived(rule: Rule) -> Rule:
    """
    Return ``rule`` with a trigger and a gate made from its patterns' literal heads where it has none.

    Only when every matcher finds plain matches of its pattern (no ``find`` of its own) and every
    pattern has literal heads: then one of the heads occurs in every match, so both conditions are
    necessary. Otherwise the rule is returned as it is.
    """
    if rule.trigger is not None and rule.gate is not None:
        return rule
    words: list[str] = []
    for matcher in rule.matchers:
        heads = literal_heads(matcher.pattern.pattern, matcher.pattern.flags & re.IGNORECASE)
        if matcher.find is not None or heads is None:
            return rule
        words += heads
    words = sorted(set(words))
    # The heads that start alike go in one regex, a trie of them: one scan of the text for all of
    # them, found by their first character at memory speed.
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word)
    alone = tuple(group[0] for group in by_first.values() if len(group) == 1)
    tries = tuple(Lazy(trie_pattern(group)) for group in by_first.values() if len(group) > 1)
    trigger = rule.trigger or Trigger(words=alone, patterns=tries, lower=rule.lower)
    gate = rule.gate
    if gate is None:
        escaped = ("".join("\\" + c if c in RE2_SPECIAL else c for c in word) for word in words)
        gate = ("(?i)" if rule.lower else "") + "|".join(escaped)
    return attrs.evolve(rule, trigger=trigger, gate=gate)
