"""The anonymizer builds without compiling, and laziness never changes a result (DESIGN.md guarantee 1).

Rule patterns compile on first use and the RE2 prefilter is built after ``prefilter.PAYOFF``
characters; these tests hold a fresh anonymizer against one with everything compiled and built.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn import config
from fedlearn.anonymize import (
    Anonymizer,
    Machine,
    assignments,
    builtin_rule_names,
    heads,
    key_shapes,
    prefilter,
    rules,
)
from tests.anonymize.test_without_re2 import RAN_WITH_RE2

DATA = Path(__file__).resolve().parent.parent / "data"
MACHINE = Machine(
    hostname="quasar", fqdn="quasar.corp.acme-robotics.io", user="jdoe", home="/home/jdoe"
)
SETTINGS = config.Anonymize(
    hostnames=["gitea.lab.internal"],
    allow=[r"hunter\d"],
    disable=["email"],
    extra_rules=[config.ExtraRule(name="ticket", pattern=r"TICKET-\d+")],
)
HAS_RE2 = prefilter.load_re2() is not None
MODES = [
    pytest.param(
        True, id="re2", marks=pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
    ),
    pytest.param(False, id="triggers"),
]
TEXTS = [
    json.loads(line)["text"]
    for name in ("secrets", "personal", "benign", "held-out/secrets", "held-out/benign")
    for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
]

ORDINARY = [
    "2026-01-01T00:00:07Z",
    "interaction",
    "how to configure qdrant on nixos",
    "To run qdrant on NixOS:\n```nix\n{ services.qdrant.enable = true; }\n```\nthen rebuild.",
    "connection refused on localhost:6333",
    "timestamp",
    "value_score",
]


def compiled_everything(engine: Anonymizer) -> Anonymizer:
    """Return ``engine`` after compiling every lazy pattern of its rules and triggers."""
    for rule in engine.rules:
        for matcher in rule.matchers:
            if isinstance(matcher.pattern, rules.Lazy):
                assert matcher.has_value == ("value" in matcher.pattern.compiled.groupindex)
        for item in rule.trigger.items() if rule.trigger else []:
            if isinstance(item.pattern, rules.Lazy):
                assert item.pattern.compiled is not None
    for separator in assignments.VALUE_AFTER:
        assignments.key_gate(separator)
    return engine


def results(engine: Anonymizer, texts: list[str]) -> list[Any]:
    """Return the anonymized text, scan findings and running counts of each text."""
    return [
        (engine.anonymize(text), engine.scan(text), sorted(engine.counts.items())) for text in texts
    ]


def lazy_patterns(engine: Anonymizer) -> list[rules.Lazy]:
    """Return the lazy patterns that the engine's build made (not the shared key-value ones)."""
    shared = list(assignments.VALUE_AFTER.values())
    return [
        matcher.pattern
        for rule in engine.rules
        for matcher in rule.matchers
        if isinstance(matcher.pattern, rules.Lazy)
        and not any(matcher.pattern is pattern for pattern in shared)
    ]


def test_anonymizer_build_compiles_no_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building an anonymizer calls re.compile only for configured extra and allow patterns."""
    calls: list[str] = []
    compile_ = re.compile

    def counting(pattern: Any, flags: int = 0) -> Any:
        calls.append(str(pattern))
        return compile_(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    engine = Anonymizer(SETTINGS, MACHINE)
    assert sorted(calls) == [r"TICKET-\d+", r"hunter\d"]
    assert lazy_patterns(engine) and not any(lazy.is_compiled for lazy in lazy_patterns(engine))


def test_builtin_rule_names_compiles_no_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing the rule names compiles nothing and still lists every rule."""
    monkeypatch.setattr(re, "compile", lambda *args: pytest.fail(f"compiled {args}"))
    names = builtin_rule_names()
    assert {"password", "github-token", "home", "hostname", "user", "ipv4"} <= set(names)


@pytest.mark.parametrize("use_re2", MODES)
def test_anonymize_of_ordinary_text_compiles_no_rule(use_re2: bool) -> None:
    """Timestamps, event types, questions and (past the RE2 gates) a nix answer compile nothing."""
    engine = Anonymizer(SETTINGS, MACHINE, use_re2=use_re2, re2_after=0)
    # Three dots fire the ipv4 trigger: without RE2 the nix answer compiles that rule.
    for text in ORDINARY if use_re2 else ORDINARY[:3] + ORDINARY[4:]:
        assert engine.anonymize(text) == text
    assert not any(lazy.is_compiled for lazy in lazy_patterns(engine))


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
def test_anonymize_compiles_only_the_rule_that_fires() -> None:
    """
    A GitHub token compiles the github-token patterns and the long-run one, and no other rule's
    but those the second pass's prefilter lets look at the text with its placeholder.
    """
    engine = Anonymizer(SETTINGS, MACHINE, re2_after=0)
    token = "ghp_" + "a1B2c3D4e5" * 4
    anonymized = engine.anonymize(f"saw {token} in a log")
    assert anonymized == "saw <redacted:github-token> in a log"
    github = next(rule for rule in engine.rules if rule.name == "github-token")
    # The token is a long run: the rules that need one look at it (high-entropy's finds a run of
    # 30 token characters, encoded-secret's a run that may be base64 of text).
    runs = [rule for rule in engine.rules if rule.long_run]
    # The second pass asks the prefilter again ("<redacted:github-token>" holds "token").
    second = [engine.rules[index] for index in engine._prefilter.active(anonymized) or ()]
    allowed = {matcher.pattern for rule in [github, *runs, *second] for matcher in rule.matchers}
    compiled = [lazy for lazy in lazy_patterns(engine) if lazy.is_compiled]
    assert {matcher.pattern for matcher in github.matchers} <= set(compiled) <= allowed
    assert len(compiled) < 8


@pytest.mark.parametrize("use_re2", MODES)
def test_anonymize_is_the_same_fresh_and_compiled(use_re2: bool) -> None:
    """A fresh anonymizer and one with every pattern compiled agree on every corpus string."""
    fresh = Anonymizer(SETTINGS, MACHINE, use_re2=use_re2, re2_after=0)
    ready = compiled_everything(Anonymizer(SETTINGS, MACHINE, use_re2=use_re2, re2_after=0))
    assert results(fresh, TEXTS) == results(ready, TEXTS)
    assert fresh.counts == ready.counts and sum(fresh.counts.values()) > 100


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
def test_anonymize_is_the_same_before_and_after_the_prefilter_is_built() -> None:
    """The prefilter built at once, after a few strings, or never gives the same results."""
    prefilter.SETS.clear()  # midway starts on the triggers (the set is not compiled yet)
    midway = Anonymizer(SETTINGS, MACHINE, re2_after=sum(map(len, TEXTS)) // 2)
    assert midway._prefilter is not None and not midway._prefilter.is_built
    at_once = Anonymizer(SETTINGS, MACHINE, re2_after=0)
    never = Anonymizer(SETTINGS, MACHINE, use_re2=False)
    assert results(at_once, TEXTS) == results(midway, TEXTS) == results(never, TEXTS)
    assert at_once.counts == midway.counts == never.counts


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
def test_prefilter_builds_after_payoff_characters() -> None:
    """The set answers None (triggers decide) until ``after`` characters were asked about, and for
    a lone surrogate (no UTF-8); any other text, ASCII or not, it reads."""
    gated = Anonymizer(SETTINGS, MACHINE, use_re2=False).rules
    prefilter.SETS.clear()
    built = prefilter.Prefilter(gated, after=10)
    assert built.active("0123456789") is None and not built.is_built
    assert built.active("password=x") is not None and built.is_built
    assert prefilter.Prefilter(gated, after=0).active("é") is not None
    assert prefilter.Prefilter(gated, after=0).active("\ud800") is None


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
def test_prefilter_of_gates_compiled_before_is_built_at_once() -> None:
    """A second prefilter of the same gates shares the process's set: no trigger phase, same set;
    other gates get their own set."""
    gated = Anonymizer(SETTINGS, MACHINE, use_re2=False).rules
    prefilter.SETS.clear()
    first = prefilter.Prefilter(gated, after=0)
    assert first.active("password=x") is not None
    second = prefilter.Prefilter(gated, after=10**9)
    assert second.is_built and second.active("0123456789") == first.active("0123456789")
    assert second._set is first._set
    other = prefilter.Prefilter(gated[1:], after=10**9)
    assert not other.is_built and other.active("password=x") is None


RISKY = st.lists(
    st.sampled_from([*TEXTS[::5], "=", ":", ">", "--", "-", "@", "/", " ", '"', "İ", "key"]),
    max_size=5,
).map("".join)
AT_ONCE = Anonymizer(SETTINGS, MACHINE, re2_after=0)
PLAIN = Anonymizer(SETTINGS, MACHINE, use_re2=False)


@RAN_WITH_RE2
@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), RISKY))
def test_anonymize_is_the_same_with_re2_built_at_once_and_without(text: str) -> None:
    """The RE2 gates and the keyword triggers (now with needed separators) agree."""
    assert AT_ONCE.anonymize(text) == PLAIN.anonymize(text)
    assert AT_ONCE.scan(text) == PLAIN.scan(text)


KEY_TEXT = st.lists(
    st.sampled_from(
        [
            *assignments.GATE_WORDS,
            *assignments.FILLERS,
            *assignments.OPERATORS,
            "=",
            ":",
            ">",
            "x",
            "A",
            "_prod",
            "-v2",
            ".",
        ]
    ),
    max_size=8,
).map("".join)


@RAN_WITH_RE2
@settings(max_examples=500, deadline=None)
@given(KEY_TEXT)
def test_key_gate_finds_what_the_full_trie_finds(text: str) -> None:
    """The key gate (fillers, a qualifier, then a word trie) finds every separator the full
    alternation of word, qualifier (``key_names.SUFFIX``), filler and separator finds, and of a
    secret word with a short tail (``key_shapes.AFFIXED_STEMS``: ``secrete``, ``passwordx``)."""
    words = heads.trie_pattern(word[::-1] for word in assignments.GATE_WORDS)
    stems = "|".join(re.escape(stem[::-1]) for stem in key_shapes.AFFIXED_STEMS)
    keys = rf"(?:(?:[a-z0-9]{{1,12}}[_.-])?{words}|[a-z0-9]{{1,2}}(?:{stems}))"
    for separator in assignments.VALUE_AFTER:
        fillers = assignments.fillers_of(separator)
        full = "|".join(re.escape((filler + separator)[::-1]) + keys for filler in fillers)
        if any(fillers):  # keys aligned in a column: a run of blanks before the separator
            full += f"|{re.escape(separator)}(?:{assignments.ALIGNED_RUN}){keys}"
        reversed_text = text.lower()[::-1]
        expected = [match.start() for match in re.finditer(full, reversed_text)]
        found = [m.start() for m in assignments.key_gate(separator).finditer(reversed_text)]
        assert found == expected


@pytest.mark.parametrize("use_re2", MODES)
@pytest.mark.parametrize(
    ("home", "text", "expected"),
    [
        ("/srv/svc-jdoe", "cd /srv/svc-jdoe/app", "cd <home>/app"),
        ("/srv/svc-jdoe", "x/srv/svc-jdoe", "x<home>"),
        ("/srv/svc-jdoe", "/srv/svc-jdoe-2", "/srv/svc-jdoe-2"),
        ("/home/jdoe", "x/home/jdoe/y", "x/home/jdoe/y"),
        ("/home/jdoe", "/home/jdoe/y", "<home>/y"),
    ],
)
def test_anonymize_redacts_own_home_only_outside_the_generic_pattern(
    use_re2: bool, home: str, text: str, expected: str
) -> None:
    """A home the generic pattern does not cover is found by its own; a covered one is not."""
    identity = Machine(hostname="b", fqdn="b", user="ab", home=home)
    engine = Anonymizer(config.Anonymize(), identity, use_re2=use_re2, re2_after=0)
    assert engine.anonymize(text) == expected


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
def test_prefilter_built_on_demand_before_payoff() -> None:
    """``build_prefilter`` (a large backlog) builds the set before any text, and the results are
    those of the set built later and of the triggers."""
    prefilter.SETS.clear()
    early = Anonymizer(SETTINGS, MACHINE, re2_after=10**9)
    assert early._prefilter is not None and not early._prefilter.is_built
    early.build_prefilter()
    assert early._prefilter.is_built
    never = Anonymizer(SETTINGS, MACHINE, use_re2=False)
    never.build_prefilter()  # nothing to build
    assert results(early, TEXTS) == results(never, TEXTS) and early.counts == never.counts
