"""The anonymizer's passes over one string (DESIGN.md guarantee 1): which rules run, what they
find, and how their finds become redactions.

Each string costs one pass: a rule's patterns run only when its gate (all gates as one RE2 set, see
``prefilter``) or, without google-re2, its keyword trigger says they can find something. A pass's
finds in the text, in it with its continuations joined (``continued``) and with its escapes
decoded (``escaped``) are merged by priority (``hits``); passes repeat while they redact a secret.
"""

from __future__ import annotations

import collections
import logging
import re
from collections.abc import Container, Iterable, Sequence

import attrs

from fedlearn.anonymize import continued, escaped, literals, prefilter, rules, trigger_words
from fedlearn.anonymize.hits import Hit, disjoint, repeated
from fedlearn.anonymize.probe import Probe, wanted_each
from fedlearn.anonymize.rules import Rule

log = logging.getLogger(__name__)
# Raise a rule's own exception instead of failing closed (the test suite sets it, so that a rule's
# bug fails a test rather than redacting a whole text).
STRICT = False

# No redactions, as a Counter shared by whatever had none (never changed).
NONE: collections.Counter[str] = collections.Counter()
# Passes until one finds nothing (see ``Engine.anonymize``); two is the norm, this the cap.
MAX_PASSES = 8


@attrs.frozen
class Finding:
    """A secret found by ``scan``: the rule and where it is, never the secret itself."""

    rule: str
    start: int
    end: int


def failed(rule: Rule, text: str) -> list[Hit]:
    """
    Return the redaction of a whole text a rule raised an exception on (a bug of the rule): fail
    closed, so nothing of the text leaks (guarantee 1), and the job goes on (guarantee 3); logged
    as an error naming the rule. ``STRICT`` (the test suite) raises it instead.
    """
    if STRICT:
        raise  # the exception the caller is handling
    log.exception(
        "anonymize: rule %s failed on a text of %d characters; the whole text is redacted",
        rule.name,
        len(text),
    )
    return [(0, len(text), rule.name, rule)] if text else []


class Engine:
    """
    Compiled rules run over strings: the passes of ``Anonymizer`` (see there), given its rules.

    Attributes:
        rules: the rules by priority (the secret ones first).
        disabled: the rule names whose finds are dropped.
        allow: patterns of values never redacted.
        counts: redactions so far, by rule name.
    """

    def __init__(
        self,
        ordered: Sequence[Rule],
        disabled: frozenset[str],
        allow: tuple[re.Pattern[str], ...],
        *,
        use_re2: bool,
        re2_after: int,
        use_prefilter: bool,
        words_after: int = trigger_words.WORDS_AFTER,
    ) -> None:
        self.disabled = disabled
        self.rules = tuple(
            rules.derived(rule) for rule in ordered if not set(rule.names) <= self.disabled
        )
        self.allow = allow
        self.counts: collections.Counter[str] = collections.Counter()
        self._every = list(range(len(self.rules))) if not use_prefilter else None
        self._long_run = frozenset(i for i, rule in enumerate(self.rules) if rule.long_run)
        self._wants = prefilter.run_tests(self.rules, sorted(self._long_run))
        self._triggers = prefilter.Triggers(self.rules, words_after)
        self._prefilter = prefilter.Prefilter(self.rules, re2_after) if use_re2 else None
        # The first passes' rules read ahead (``read_ahead``), by the text the prefilter reads,
        # with its texts and whether each has a long run a long-run rule wants (``wanted_each``).
        self._ahead: dict[str, tuple[list[int], list[bool], list[str]]] = {}
        # Each batch's ``redact_each`` anonymized ahead (``redact_ahead``), by its texts.
        self._done: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}

    @property
    def has_prefilter(self) -> bool:
        """Return whether the RE2 prefilter is in use (google-re2 installed, not turned off)."""
        return self._prefilter is not None and self._prefilter.is_available

    def build_prefilter(self) -> None:
        """Build the RE2 prefilter now, not after ``re2_after`` characters (a large backlog)."""
        if self._prefilter is not None:
            self._prefilter.build()

    def read_ahead(
        self, batches: Iterable[Sequence[str]], known: Container[str] = ()
    ) -> list[list[str]]:
        """
        Read the prefilter's sets now, one text after the other, for the first passes to come:
        each batch's ``redact_each`` of its distinct texts that neither ``known`` (a memo) nor an
        earlier batch holds, which reads them joined by line breaks (one text alone as it is).
        Read back to back, the sets' automata stay in the CPU's caches (in place, between rules,
        a read costs ~2.5x as much). A pass whose text was not read ahead, or comes again, reads
        it then: the sets' answer depends on the text alone, so the output is the same. Replaces
        what was read ahead and not yet taken. Return the texts read, a list per batch (none
        when nothing was read).
        """
        ahead = self._ahead = {}
        if self._every is not None or self._prefilter is None or not self._prefilter.is_built:
            return []
        seen: set[str] = set()
        news: list[list[str]] = []
        for texts in batches:
            fresh = [
                text for text in dict.fromkeys(texts) if text not in known and text not in seen
            ]
            if fresh:
                seen.update(fresh)
                news.append(fresh)
        joined = ["\n".join(fresh) for fresh in news]
        runs = [
            wanted_each(fresh, text, self._wants) for fresh, text in zip(news, joined, strict=True)
        ]
        found = self._prefilter.active_each(joined, [any(each) for each in runs])
        for text, active, each, fresh in zip(joined, found, runs, news, strict=True):
            if active is not None:
                ahead[text] = (active, each, fresh)
        return news

    def redact_ahead(self, batches: Iterable[Sequence[str]], known: Container[str] = ()) -> None:
        """
        Anonymize now what ``read_ahead`` reads ahead, as ``redact_each`` of each batch's new
        texts will ask (kept by those texts, taken once), pass by pass over all the batches:
        every first pass, then the sets' reads for the passes after a redaction back to back
        (in place, between rules, a read costs several times as much), then those passes, and
        so on. The same passes and sets as ``redact_each``'s: the same output; a call with other
        texts (a memo that did not keep one) anonymizes them then.
        """
        self._done = {}
        news = self.read_ahead(batches, known)
        if news:
            self._done = dict(zip(map(tuple, news), self._redact_batches(news), strict=True))

    def anonymize(self, text: str) -> str:
        """
        Return ``text`` with every secret and personal datum replaced by its placeholder.

        Each pass lets all rules look at the same text; overlapping finds become one redaction
        under the higher-priority rule's name, so no part of a secret is left beside a
        placeholder. A redaction can change what a neighbour looks like (``AKIA…-----BEGIN…``:
        the key id ends at the dash, not at a placeholder), so passes repeat while they redact
        a secret: anonymizing again then changes nothing.
        """
        ((result, names),) = self._redact_batches([[text]])[0]
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

        The RE2 prefilter runs once over the texts joined: a rule that can find something in one
        of them passes it there too, so the rules it lets run are a superset of each text's own,
        and the rules' patterns, run on each text alone, decide as they do for ``anonymize``.
        Without google-re2 each text's own triggers decide (their words are looser than gates).
        """
        done = self._done.pop(tuple(texts), None) if self._done else None
        if done is None:
            done = self._redact_batches([texts])[0]
        if counts is not None:
            for _, own in done:
                if own:
                    counts.update(own)
        return done

    def _first_rules(self, texts: Sequence[str]) -> Sequence[list[int] | None]:
        """Return the rules each text's first pass runs in ``redact_each`` of ``texts`` (None:
        the prefilter decides on the text itself)."""
        # With no rule let through, each text's continuations joined and escapes decoded (``_hits``)
        # may still wake some: no early return.
        # Without google-re2 the triggers decide, and each text's own let far fewer rules run than
        # the batch's (loose words: ``pan``, ``sin``), for about what the joined text costs them.
        joined = len(texts) > 1 and self._every is None and self.has_prefilter
        # A rule that needs a long run (``Rule.long_run``) finds nothing in a text where none of
        # their tests holds of its long runs, as the text's own prefilter would know: such a text
        # runs the others only. The joined text's long runs are its texts' (a line break is no
        # base64 character): its bytes are mapped once and each run told to its text.
        runs: list[bool] = []
        active = None
        if joined:
            whole = "\n".join(texts)
            taken = self._ahead.pop(whole, None) if self._ahead else None
            if taken is None:
                runs = wanted_each(texts, whole, self._wants)
                active = self._active(Probe(whole), long_run=any(runs))
            else:  # the sets' answer is the joined text's; the runs are told by its texts
                active, runs, read = taken
                if read != list(texts):  # the same joined text of other texts (line breaks)
                    runs = wanted_each(texts, whole, self._wants)
        runless = None
        if (
            active is not None
            and active is not self._every
            and not self._long_run.isdisjoint(active)
        ):
            runless = [index for index in active if index not in self._long_run]
        if active is None or runless is None:
            return [active] * len(texts)
        return [runless if not runs[number] else active for number in range(len(texts))]

    def _redact_batches(
        self, batches: Sequence[Sequence[str]]
    ) -> list[list[tuple[str, tuple[str, ...]]]]:
        """
        Return ``redact_each`` of each batch (without counting), pass by pass over all of them:
        each text's first pass with the rules ``_first_rules`` lets through; then, for the texts
        a pass redacted something in, the prefilter's answers for their next pass read back to
        back (``_next_rules``), then those passes, until none redacts anything (at most
        ``MAX_PASSES`` a text). A later pass's rules are the prefilter's on the text with
        placeholders.
        """
        found: list[list[tuple[str, tuple[str, ...]]]] = []
        # A text a pass redacted in: its answer's place, its text, names, next pass's secrets_only.
        going: list[tuple[list[tuple[str, tuple[str, ...]]], int, str, list[str], bool]] = []
        for texts in batches:
            results: list[tuple[str, tuple[str, ...]]] = []
            found.append(results)
            for number, (text, ran) in enumerate(zip(texts, self._first_rules(texts), strict=True)):
                hits = self._hits(Probe(text), ran, secrets_only=False)
                if not hits:
                    results.append((text, ()))
                    continue
                names: list[str] = []
                redacted = self._redact(text, hits, names)
                results.append((redacted, tuple(names)))
                # A placeholder changes what is around it: a redacted secret can uncover another
                # (``AKIA…-----BEGIN…``), and a value that ended in an email is a password once
                # the email is ``<email>``. Personal data next to a placeholder is left alone, so
                # after personal data only, the next pass looks for secrets only.
                secrets_only = not any(rule.is_secret for _, _, _, rule in hits)
                going.append((results, number, redacted, names, secrets_only))
        for _ in range(MAX_PASSES - 1):
            if not going:
                break
            following = self._next_rules([item[2] for item in going], [item[4] for item in going])
            still = []
            for (results, number, text, names, secrets_only), active in zip(
                going, following, strict=True
            ):
                hits = self._hits(Probe(text), active, secrets_only=secrets_only)
                if not hits:
                    continue
                redacted = self._redact(text, hits, names)
                results[number] = (redacted, tuple(names))
                secrets_only = not any(rule.is_secret for _, _, _, rule in hits)
                still.append((results, number, redacted, names, secrets_only))
            going = still
        return found

    def _next_rules(
        self, texts: Sequence[str], secrets_only: Sequence[bool]
    ) -> Sequence[list[int] | None]:
        """Return the rules a later pass over each of ``texts`` runs (None: ``_active`` then), for
        two texts or more read set by set (``Prefilter.active_each``: ``active``'s answers)."""
        sets = self._prefilter
        if len(texts) < 2 or self._every is not None or sets is None or not sets.is_built:
            return [None] * len(texts)
        return sets.active_each(texts, None, secrets_only)

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

    def _active(
        self, probe: Probe, secrets_only: bool = False, long_run: bool | None = None
    ) -> list[int]:
        """
        Return the indexes of the rules that can find something, in priority order (with
        ``secrets_only``, the personal-data rules may be among them or not; ``long_run``: whether
        the text has a long run, when the caller knows).
        """
        if self._every is not None:
            return self._every
        if self._ahead and not secrets_only:
            ahead = self._ahead.pop(probe.text, None)
            if ahead is not None:
                return ahead[0]
        if self._prefilter is not None:
            found = self._prefilter.active(probe.text, secrets_only, long_run)
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
        for index in self._active(probe, secrets_only) if active is None else active:
            rule = self.rules[index]
            if secrets_only and not rule.is_secret:
                continue
            subject = probe.lower if rule.lower else text
            # ``_rule_hits`` inlined: most rules that run find nothing, so the loop is the cost.
            try:
                for matcher in rule.matchers:
                    find = matcher.find
                    for match in (
                        matcher.pattern.finditer(subject) if find is None else find(subject)
                    ):
                        hit = self._hit(rule, matcher, match, probe)
                        if hit is not None:
                            found.append(hit)
            except Exception:  # a rule's own bug (see ``failed``)
                found.extend(failed(rule, text))
        if join:

            def again(view: str) -> list[Hit]:
                return self._hits(Probe(view), None, secrets_only=secrets_only, join=False)

            found = escaped.with_decoded(text, continued.with_joined(text, found, again), again)
            found = literals.with_unescaped(text, found, again)
            found = escaped.edges(text, found)
        return disjoint(repeated(text, found)) if found else found  # most texts: nothing found

    def _rule_hits(self, rule: Rule, probe: Probe) -> list[Hit]:
        """Return the redactions one rule makes in the probe's text."""
        subject = probe.lower if rule.lower else probe.text
        found = []
        try:
            for matcher in rule.matchers:
                for match in matcher.matches(subject):
                    hit = self._hit(rule, matcher, match, probe)
                    if hit is not None:
                        found.append(hit)
        except Exception:  # a rule's own bug (see ``failed``)
            return failed(rule, probe.text)
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
