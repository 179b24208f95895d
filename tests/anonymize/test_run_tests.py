"""What each long-run rule needs of a text's long runs (``Rule.long_run``), held to the rule.

The five rules without a gate (``high-entropy``, ``encoded-secret``, ``azure-devops-pat``, the
Ripple ``wallet-key``, ``key_bodies``' ``private-key``) run only where one of their tests holds (``probe.has_wanted_run``): each
test must hold wherever its rule's matchers give a verdict, on any text.
"""

from __future__ import annotations

import base64
import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine, probe
from fedlearn.anonymize.rules import Rule
from fedlearn.anonymize.wallets import RIPPLE_ALPHABET

MACHINE = Machine(hostname="quasar", fqdn="quasar.example.org", user="jdoe", home="/home/jdoe")
ENGINE = Anonymizer(config.Anonymize(), MACHINE, use_re2=False)
LONG_RUN_RULES = [rule for rule in ENGINE.rules if rule.long_run is not None]


def ripple_seed(body: bytes) -> str:
    """Return the XRP family seed of 16 bytes (``0x21``, the bytes, their double-SHA-256 check)."""
    raw = b"\x21" + body
    raw += hashlib.sha256(hashlib.sha256(raw).digest()).digest()[:4]
    number = int.from_bytes(raw, "big")
    digits = ""
    while number:
        number, digit = divmod(number, 58)
        digits = RIPPLE_ALPHABET[digit] + digits
    return digits


def verdicts(rule: Rule, text: str) -> list[tuple[int, int, str]]:
    """Return the verdicts of the rule's matchers on ``text`` (what it would redact)."""
    found = []
    for matcher in rule.matchers:
        for match in matcher.matches(text):
            verdict = matcher.verdict(match, text)
            if verdict is not None:
                found.append(verdict)
    return found


def wanted(rule: Rule, text: str) -> bool:
    """Return whether the rule's own test holds of the text's long runs."""
    assert rule.long_run is not None
    return probe.has_wanted_run(text, (rule.long_run,))


# Pieces of what long runs are made of: paths, names of every case, hashes, UUIDs, tokens,
# base64 of text, seeds, PATs; joined by separators, slashes, plus signs and non-ASCII.
PIECES = [
    "/var/lib/qdrant/storage",
    "ConnectionRefusedError",
    "open-webui-set-61911",
    "6333/collections/skills-patterns",
    "6d0bfc6e-6b62-45ba-a0c5-d0a6cc4caf88",
    "e2d414abe6ce2cb096bb03ec9597aa61105ea1882704db8f1c39d77d8004f4b2",
    "/nix/store/4pkvnl07wwnkrmz7qqd0icxskawcp0qv-cuda_cudart-12",
    "ghp_Nze8THza5jYoS20zvngPy5ucMemw8wScPBL6",
    "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "AbstractSingletonProxyFactoryBeanConfigurerX",
    "xk3m9q2w8r7t4y6u1i5o0p3a7s9d2f4g6h8j1k3l5z7x9c2v4b6n",
    "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst",
    base64.b64encode(b'{"token": "ghp_Nze8THza5jYoS20zvngPy5ucMemw8wScPBL6"}').decode(),
    base64.b64encode(b"admin:Zk3q-Pw9L!mX2vRt8").decode(),
    base64.urlsafe_b64encode(
        b"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    ).decode(),
    ripple_seed(bytes(range(16))),
    ripple_seed(b"\x07" * 16),
    "THIS_IS_AN_UPPER_CASE_NAME_2024",
    "lowercase_letters_and_digits_a1b2c3d4e5f6g7h8i9",
    # Three PEM lines from the middle of an RSA private key (``key_bodies``).
    "UJjwKuukf5ot7op1YRfDYlOzkPP2409IVlngUwApZWIgm6rejyX70fePybvp1wjH\n"
    "itVbKlXDccH+yFzuYXgyG1U+bRbCJLdrTl2GMzBif++OH0fcmVYmsR16VmNp80ua\n"
    "iM9t72ECgYEAwD1InHcCROYXmF/zDvmb57oIa1XdxgjMs2+Sby3PRu1kZqMlfwZc",
]
SEPARATORS = [" ", "/", "+", "=", "\n", "é", ":", "-", "", '"', "?"]


@st.composite
def texts(draw: st.DrawFn) -> str:
    """Return a text of the pieces, random base64 characters and separators."""
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(draw(st.sampled_from(PIECES)))
        elif kind == 1:
            alphabet = draw(st.sampled_from([probe.BASE64_ALPHABET, RIPPLE_ALPHABET, "abz27"]))
            parts.append(draw(st.text(alphabet, min_size=15, max_size=60)))
        elif kind == 2:
            piece = draw(st.sampled_from(PIECES))
            cut = draw(st.integers(0, len(piece)))
            parts.append(piece[cut:] if draw(st.booleans()) else piece[:cut])
        else:
            parts.append(draw(st.text(min_size=0, max_size=8)))
        parts.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(parts)


def test_the_long_run_rules_are_the_five_with_their_tests() -> None:
    """Each rule without a gate that looks for long tokens declares what it needs of the runs."""
    names = sorted(rule.name for rule in LONG_RUN_RULES)
    assert names == [
        "azure-devops-pat",
        "encoded-secret",
        "high-entropy",
        "private-key",
        "wallet-key",
    ]


@pytest.mark.parametrize("text", PIECES + [f"x {piece} y" for piece in PIECES])
def test_each_rule_that_redacts_a_piece_wants_its_runs(text: str) -> None:
    """Wherever a long-run rule redacts something, its test holds (and some do redact)."""
    for rule in LONG_RUN_RULES:
        if verdicts(rule, text):
            assert wanted(rule, text), (rule.name, text)


def test_the_pieces_are_redacted_by_each_rule_somewhere() -> None:
    """The pieces exercise every rule: each of the five redacts at least one of them."""
    found = {rule.name for rule in LONG_RUN_RULES for text in PIECES if verdicts(rule, text)}
    assert found == {
        "azure-devops-pat",
        "encoded-secret",
        "high-entropy",
        "private-key",
        "wallet-key",
    }


@pytest.mark.parametrize(
    "text",
    [
        "failed with ConnectionRefusedError after 3 tries",
        "mounted /var/lib/qdrant/storage and /run/secrets/postgresql",
        "GET http://localhost:6333/collections/skills-patterns",
        "restarted open-webui-set-61911 again",
        "built result/bin/llama-cpp from /home/jdoe/src/fedlearn",
        "uuid 6d0bfc6e-6b62-45ba-a0c5-d0a6cc4caf88 is fine",
    ],
)
def test_paths_and_names_want_no_long_run_rule(text: str) -> None:
    """The long runs the bench's texts hold (paths, names, UUIDs) wake none of the five."""
    assert probe.has_long_run(text)
    assert not probe.has_wanted_run(text, [rule.long_run for rule in LONG_RUN_RULES])  # type: ignore[misc]


@settings(max_examples=400, deadline=None)
@given(texts())
def test_every_long_run_rule_wants_the_runs_it_redacts_in(text: str) -> None:
    """On generated text, a rule whose test turns the text's runs away redacts nothing there."""
    for rule in LONG_RUN_RULES:
        if not wanted(rule, text):
            assert verdicts(rule, text) == [], (rule.name, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(texts(), min_size=1, max_size=3))
def test_the_tests_change_no_output(batch: list[str]) -> None:
    """A batch anonymized with the tests gives what every text with a long run running the five
    rules gives (the tests only skip rules that would find nothing)."""
    always = Anonymizer(config.Anonymize(), MACHINE, use_re2=False)
    always._triggers.wants = (lambda runs: True,)
    assert always.redact_each(batch) == ENGINE.redact_each(batch)


@settings(max_examples=200, deadline=None)
@given(st.lists(texts(), min_size=1, max_size=4))
def test_a_batch_mapped_joined_tells_each_text_its_runs(batch: list[str]) -> None:
    """``probe.wanted_each`` (the batch's bytes mapped once) is each text's own test, for each
    rule's test alone and all four."""
    tests = [rule.long_run for rule in LONG_RUN_RULES]
    joined = "\n".join(batch)
    for wants in [*([test] for test in tests), tests]:
        assert probe.wanted_each(batch, joined, wants) == [  # type: ignore[arg-type]
            probe.has_wanted_run(text, wants)  # type: ignore[arg-type]
            for text in batch
        ]
