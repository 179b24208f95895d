"""The shape of a redaction rule (DESIGN.md guarantee 1) and the cheap tests that gate it.

A rule is data: names, patterns, and two necessary conditions much cheaper than the patterns: a
trigger (a literal word, or a regex that starts with a literal) and a gate (an RE2 regex). What a
rule redacts is what its patterns and checks find when it runs on every string; the trigger and
the gate only let it skip strings where it cannot find anything, so each must hold wherever the
rule finds something (``tests/test_prefilter.py`` checks both). A rule left without them gets both
from its patterns' literal heads (``derived``), which makes them necessary by construction. Python's regex engine scans for a
literal prefix at memory speed but tries a character class or an alternation at every position,
so every pattern here starts with a literal, and word boundaries are checked after the fact by the
matcher's ``widen`` and ``check`` functions. Patterns are ``Lazy``: building the rules compiles
nothing, and a rule's patterns compile when its gate or trigger first fires.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import itertools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

NAME_CHARACTERS = re.compile(r"[^\w.-]")
# Python's own regex parser (what ``literal_heads`` reads a pattern with); typeshed has no stubs.
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

Span = tuple[int, int]
Check = Callable[[re.Match[str], str], bool]
Widen = Callable[[re.Match[str], str], "Span | None"]
Classify = Callable[[re.Match[str], str], "str | None"]
Find = Callable[[str], Iterator[re.Match[str]]]
Judge = Callable[[re.Match[str], str], "tuple[int, int, str] | None"]


class Lazy:
    """
    A regex compiled on its first use, so that rules which never fire never cost a compile.

    Once compiled, its ``search``, ``match``, ``fullmatch`` and ``finditer`` are the compiled
    pattern's own (set on the instance), so a call costs what it costs on an ``re.Pattern``.

    Attributes:
        pattern: the regex source.
        flags: the ``re`` flags.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __eq__(self, other: object) -> bool:
        """Return whether ``other`` is a lazy regex of the same source and flags."""
        if not isinstance(other, Lazy):
            return NotImplemented
        return (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        """Return the hash of the source and flags."""
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        """Return ``Lazy('source')``."""
        return f"Lazy({self.pattern!r})"

    @property
    def is_compiled(self) -> bool:
        """Return whether the regex has been compiled."""
        return "compiled" in self.__dict__

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        """Return the compiled regex, compiling it on the first call."""
        compiled = re.compile(self.pattern, self.flags)
        # Instance attributes shadow the methods below: later calls skip this class entirely.
        self.__dict__.update(
            search=compiled.search,
            match=compiled.match,
            fullmatch=compiled.fullmatch,
            finditer=compiled.finditer,
        )
        return compiled

    def search(self, text: str, position: int = 0, end: int = sys.maxsize) -> re.Match[str] | None:
        """Return the first match in ``text[position:end]`` (``re.Pattern.search``), or None."""
        return self.compiled.search(text, position, end)

    def match(self, text: str, position: int = 0, end: int = sys.maxsize) -> re.Match[str] | None:
        """Return the match at ``position`` of ``text[:end]`` (``re.Pattern.match``), or None."""
        return self.compiled.match(text, position, end)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """Return the match of all of ``text`` (``re.Pattern.fullmatch``), or None."""
        return self.compiled.fullmatch(text)

    def finditer(self, text: str, position: int = 0) -> Iterator[re.Match[str]]:
        """Return the matches in ``text`` from ``position`` on (``re.Pattern.finditer``)."""
        return self.compiled.finditer(text, position)


# A rule's pattern: compiled already (a configured rule) or on first use.
Regex = re.Pattern[str] | Lazy

# Every placeholder the rules write; nothing is redacted inside one (anonymize is idempotent).
PLACEHOLDER = Lazy(r"<(?:redacted:[\w.-]+|ip|email|home|host|user|mac|ssh-fingerprint|ssh-key)>")


# Characters by how often they occur in technical text, most frequent first; a trigger word is
# first looked for by its rarest character, which ``in`` finds at memory speed.
FREQUENT = " etaoinsrlcdhupm.fgy/b_w,-=:\"'kv()0123456789xjzqTSACEIRNOPLDMFBUHGVWKYXJQZ"


@attrs.frozen
class Item:
    """
    One thing a trigger looks for: a literal word, or a regex that starts with a literal.

    Attributes:
        sentinel: a character of it that must occur at least ``minimum`` times (a cheap first test).
    """

    word: str
    pattern: Regex | None
    lower: bool
    sentinel: str
    minimum: int = 1

    def test(self) -> Callable[[str], bool]:
        """Return a function telling whether a text (lower-cased for a lower item) holds it."""
        sentinel, minimum, word = self.sentinel, self.minimum, self.word
        search = self.pattern.search if self.pattern is not None else None
        if search is not None and not sentinel:
            return lambda text: search(text) is not None
        if minimum > 1:
            if search is None:
                return lambda text: text.count(sentinel) >= minimum
            return lambda text: text.count(sentinel) >= minimum and search(text) is not None
        if search is not None:
            return lambda text: sentinel in text and search(text) is not None
        if word == sentinel:
            return lambda text: word in text
        return lambda text: sentinel in text and word in text


@functools.cache
def word_item(word: str, lower: bool = False) -> Item:
    """Return the item of a literal word, with its rarest character as the sentinel."""
    sentinel = max(word, key=lambda c: FREQUENT.find(c) if c in FREQUENT else len(FREQUENT))
    return Item(word, None, lower, sentinel)


def pattern_item(pattern: Regex, lower: bool = False, minimum: int = 1) -> Item:
    """
    Return the item of a regex; the first character of its matches, when they share one, is the
    sentinel (read off the parsed pattern, so it is one every match has; else there is none).
    """
    heads = literal_heads(pattern.pattern, pattern.flags & re.IGNORECASE)
    first = {head[0] for head in heads} if heads else set()
    sentinel = first.pop() if len(first) == 1 else ""
    return Item(pattern.pattern, pattern, lower, sentinel, minimum if sentinel else 1)


@attrs.frozen
class Many:
    """A trigger word or regex whose first character must occur at least ``minimum`` times."""

    pattern: Regex | str
    minimum: int


@attrs.frozen
class Trigger:
    """
    A necessary condition for a rule's patterns: any word occurs, or any pattern is found.

    Attributes:
        words: literal substrings.
        patterns: regexes that start with a literal character.
        lower: test the lower-case copy of the text.
        needs: a substring that must occur as well ("": none), tested first.
    """

    words: tuple[str, ...] = ()
    patterns: tuple[Regex | Many, ...] = ()
    lower: bool = False
    needs: str = ""

    def items(self) -> list[Item]:
        """Return the words and patterns as items, the words first."""
        found = [word_item(word, self.lower) for word in self.words]
        for pattern in self.patterns:
            if isinstance(pattern, Many):
                inner, minimum = pattern.pattern, pattern.minimum
                if isinstance(inner, str):
                    found.append(Item(inner, None, self.lower, inner[0], minimum))
                else:
                    found.append(pattern_item(inner, self.lower, minimum))
            else:
                found.append(pattern_item(pattern, self.lower))
        return found


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
    """

    names: tuple[str, ...]
    matchers: tuple[Matcher, ...]
    placeholder: str = ""
    is_secret: bool = True
    trigger: Trigger | None = None
    lower: bool = False
    gate: str | None = None

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
) -> Rule:
    """Return a secret rule: a match becomes ``<redacted:NAME>`` and is a scan finding."""
    return Rule((name,), matchers, "", True, trigger, lower, gate)


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


class Probe:
    """
    One string under inspection: its lower-case copy, trigger results and placeholder spans.

    The lower-case copy has the same length as the text, so a span found in one is a span of the
    other (characters whose lower case is longer, like "İ", are kept as they are).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: str | None = None
        self._protected: list[Span] | None = None

    @property
    def lower(self) -> str:
        """Return the text in lower case, aligned character for character with the text."""
        if self._lower is None:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):
                lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)
            self._lower = lowered
        return self._lower

    @property
    def protected(self) -> list[Span]:
        """Return the spans of the placeholders already in the text, in order."""
        if self._protected is None:
            found = PLACEHOLDER.finditer(self.text) if "<" in self.text else iter(())
            self._protected = [match.span() for match in found]
        return self._protected

    def is_protected(self, start: int, end: int, *, touching: bool = False) -> bool:
        """
        Return whether ``[start, end)`` overlaps a placeholder already in the text.

        With ``touching``, a placeholder right before or after the span counts too.
        """
        protected = self.protected
        if not protected:
            return False
        if touching:
            start, end = start - 1, end + 1
        index = bisect.bisect_left(protected, (end, end))
        return index > 0 and protected[index - 1][1] > start


# Literal heads are expanded from character sets up to this many alternatives (``gh[pousr]_``: 5).
MAX_HEADS = 64
ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)


@functools.cache
def literal_heads(source: str, flags: int = 0) -> tuple[str, ...] | None:
    """
    Return literal strings one of which starts every match of the regex ``source``, or None.

    None when some match can start with anything else: a case-insensitive pattern, a head that is
    not a literal, a set or an alternation of literals, or more than ``MAX_HEADS`` of them. Parsed,
    never compiled (building the rules stays compile-free).
    """
    parsed = sre_parse.parse(source, flags)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    heads, _ = sequence_heads(list(parsed), ("",))
    if not heads or any(not head for head in heads):
        return None
    return tuple(sorted(set(heads)))


def sequence_heads(items: list[Any], heads: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
    """Return ``heads`` extended by the literal start of parsed ``items``; and whether all of them."""
    for operation, argument in items:
        if operation in ZERO_WIDTH:
            continue
        found = item_heads(operation, argument)
        if found is None or len(heads) * len(found[0]) > MAX_HEADS:
            return heads, False
        heads = tuple(head + tail for head, tail in itertools.product(heads, found[0]))
        if not found[1]:
            return heads, False
    return heads, True


def item_heads(operation: Any, argument: Any) -> tuple[tuple[str, ...], bool] | None:
    """Return the literal starts of one parsed item and whether they are all of it, or None."""
    if operation is sre.LITERAL:
        return (chr(argument),), True
    if operation is sre.IN and all(kind is sre.LITERAL for kind, _ in argument):
        return tuple(chr(code) for _, code in argument), True
    if operation is sre.SUBPATTERN and not argument[1] and not argument[2]:
        return sequence_heads(list(argument[3]), ("",))
    if operation is sre.BRANCH:
        found = [sequence_heads(list(branch), ("",)) for branch in argument[1]]
        heads = tuple(head for branch, _ in found for head in branch)
        if any(not head for head in heads):
            return None
        return heads, all(complete for _, complete in found)
    return None


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


def trie_pattern(strings: Iterable[str]) -> str:
    """
    Return a regex matching any of ``strings``, as a trie of literal-first alternatives.

    The regex engine tries an alternative only when its first literal matches, so a trie costs a
    few character comparisons where a flat alternation would cost one per string. A string that
    extends another one is dropped: the shorter already matches there.
    """
    trie: dict[str, Any] = {}
    for string in strings:
        node = trie
        for character in string:
            node = node.setdefault(character, {})
        node[""] = {}
    return trie_branches(trie)


def trie_branches(node: dict[str, Any]) -> str:
    """Return the regex of one trie node."""
    if "" in node:
        return ""
    found = [
        re.escape(character) + trie_branches(child) for character, child in sorted(node.items())
    ]
    return found[0] if len(found) == 1 else "(?:" + "|".join(found) + ")"
