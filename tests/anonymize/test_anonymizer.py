"""The anonymize stage against its labelled corpora, its configuration, and its properties."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine, builtin_rule_names, prefilter
from fedlearn.anonymize.probe import Probe

DATA = Path(__file__).resolve().parent.parent / "data"
MACHINE = Machine(
    hostname="quasar", fqdn="quasar.corp.acme-robotics.io", user="jdoe", home="/home/jdoe"
)
SETTINGS = config.Anonymize(hostnames=["gitea.lab.internal"])
HAS_RE2 = prefilter.load_re2() is not None
MODES = [
    pytest.param(
        True, id="re2", marks=pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
    ),
    pytest.param(False, id="triggers"),
]
SECRET_FAMILIES = set(
    [
        "aws-access-key",
        "aws-secret-key",
        "gcp-api-key",
        "gcp-service-account",
        "gcp-oauth-client-secret",
        "azure-storage",
        "azure-sas",
        "azure-client-secret",
        "github-classic",
        "github-fine-grained",
        "github-app",
        "github-oauth",
        "github-refresh",
        "gitlab",
        "bitbucket",
        "npm",
        "pypi",
        "openai",
        "anthropic",
        "huggingface",
        "groq",
        "mistral",
        "cohere",
        "replicate",
        "together",
        "perplexity",
        "google-ai-key",
        "slack-token",
        "slack-webhook",
        "discord-bot-token",
        "discord-webhook",
        "telegram-bot-token",
        "stripe",
        "jwt",
        "private-key",
        "age-secret-key",
        "authorization",
        "password",
        "secret",
        "token",
        "api-key",
        "url-credentials",
        "high-entropy",
    ]
)


def corpus(name: str) -> list[dict[str, str]]:
    """Return the rows of ``tests/data/<name>.jsonl``."""
    lines = (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def anonymizer(use_re2: bool = True, **table: Any) -> Anonymizer:
    """Return an anonymizer for the test machine with ``[anonymize]`` set to ``table``."""
    return Anonymizer(config.Anonymize(**table) if table else SETTINGS, MACHINE, use_re2=use_re2)


def leaked(secret: str, text: str) -> list[str]:
    """Return the parts of ``secret`` still in ``text`` (each word of a multi-word secret)."""
    parts = [secret] if not secret.split()[1:] else [p for p in secret.split() if len(p) >= 6]
    return [part for part in parts if part in text]


def test_corpora_cover_every_family() -> None:
    """The secret corpus has at least 150 samples covering every family, the benign one 150."""
    secrets = corpus("secrets")
    assert len(secrets) >= 150
    assert {row["family"] for row in secrets} >= SECRET_FAMILIES
    assert len(corpus("benign")) >= 150


@pytest.mark.parametrize("use_re2", MODES)
def test_anonymize_redacts_every_secret_in_corpus(use_re2: bool) -> None:
    """Not one byte-run of any secret in the corpus survives anonymization."""
    engine = anonymizer(use_re2)
    survivors = [
        row for row in corpus("secrets") if leaked(row["secret"], engine.anonymize(row["text"]))
    ]
    assert survivors == []


@pytest.mark.parametrize("use_re2", MODES)
def test_scan_finds_every_secret_in_corpus(use_re2: bool) -> None:
    """Scan reports a finding over every secret of the corpus."""
    engine = anonymizer(use_re2)
    missed = []
    for row in corpus("secrets"):
        start = row["text"].find(row["secret"].split()[0])
        spans = [(f.start, f.end) for f in engine.scan(row["text"])]
        if not any(s <= start < e for s, e in spans):
            missed.append(row)
    assert missed == []


@pytest.mark.parametrize("use_re2", MODES)
def test_anonymize_redacts_personal_data_in_corpus(use_re2: bool) -> None:
    """Emails, addresses, host and user names, home paths and fingerprints are all replaced."""
    engine = anonymizer(use_re2)
    survivors = [
        row for row in corpus("personal") if leaked(row["secret"], engine.anonymize(row["text"]))
    ]
    assert survivors == []


@pytest.mark.parametrize("use_re2", MODES)
def test_anonymize_changes_at_most_two_percent_of_benign_corpus(use_re2: bool) -> None:
    """Technical text that only looks risky stays as it is (at most 2 % may change)."""
    engine = anonymizer(use_re2)
    texts = [row["text"] for row in corpus("benign")]
    changed = [text for text in texts if engine.anonymize(text) != text]
    assert len(changed) <= 0.02 * len(texts), changed


def test_scan_finds_nothing_in_benign_corpus() -> None:
    """The secret gate raises no finding on the benign corpus."""
    engine = anonymizer()
    assert [row["text"] for row in corpus("benign") if engine.scan(row["text"])] == []


def test_anonymize_keeps_key_and_redacts_value() -> None:
    """A key=value secret keeps its key, and the placeholder names the rule."""
    engine = anonymizer()
    assert engine.anonymize("password=hunter22") == "password=<redacted:password>"
    assert (
        engine.anonymize('{"api_key": "a8Fk29dLq0Zm3Nv7Wx1Yb4Tc6Hs"}')
        == '{"api_key": "<redacted:api-key>"}'
    )


def test_anonymize_uses_typed_placeholders() -> None:
    """Each kind of datum reads as what it was."""
    engine = anonymizer()
    text = "ghp_" + "a1B2" * 9 + " from 10.1.2.3 by jane@acme-robotics.io in /home/jdoe/x on quasar"
    assert engine.anonymize(text) == (
        "<redacted:github-token> from <ip> by <email> in <home>/x on <host>"
    )


def test_anonymize_value_redacts_strings_keys_and_secret_fields() -> None:
    """Strings anywhere in a JSON value are anonymized; a value under a secret key goes whole."""
    engine = anonymizer()
    value = {"password": "hunter22", "jdoe": [{"note": "see 10.1.2.3"}, 3, None], "max_tokens": 512}
    assert engine.anonymize_value(value) == {
        "password": "<redacted:password>",
        "<user>": [{"note": "see <ip>"}, 3, None],
        "max_tokens": 512,
    }


def test_counts_accumulate_by_rule() -> None:
    """Redactions are counted by rule name across calls."""
    engine = anonymizer()
    engine.anonymize("10.1.2.3 and 10.1.2.4")
    engine.anonymize_value({"token": "Zx81-abcdEFGH-1234"})
    assert engine.counts == {"ipv4": 2, "token": 1}


def test_digit_like_characters_before_an_address_do_not_crash() -> None:
    """A superscript digit reads as a digit but is no number: the address stays, nothing raises."""
    engine = anonymizer()
    assert engine.anonymize("a ²3.4.5.6 b") == "a ²3.4.5.6 b"
    assert engine.anonymize("x 10.1.2.3") == "x <ip>"


def test_extra_rule_redacts_its_matches() -> None:
    """A configured extra rule redacts its pattern under its own name, and scan reports it."""
    engine = anonymizer(extra_rules=[config.ExtraRule(name="ticket", pattern="TCK-[0-9]{6}")])
    assert engine.anonymize("see TCK-123456") == "see <redacted:ticket>"
    assert [finding.rule for finding in engine.scan("see TCK-123456")] == ["ticket"]


def test_allow_keeps_matching_text() -> None:
    """Text an allow pattern matches in full is never redacted."""
    engine = anonymizer(allow=[r"10\.1\.[0-9.]+"])
    assert engine.anonymize("10.1.2.3 and 10.2.2.3") == "10.1.2.3 and <ip>"


@pytest.mark.parametrize("name", ["ipv4", "password", "github-token", "hostname"])
def test_disable_switches_a_rule_off(name: str) -> None:
    """A rule named in ``disable`` redacts nothing; the others still do."""
    samples = {
        "ipv4": "10.1.2.3",
        "password": "password=hunter22",
        "github-token": "ghp_" + "a1B2" * 9,
        "hostname": "quasar",
    }
    engine = anonymizer(disable=[name])
    assert engine.anonymize(samples[name]) == samples[name]
    others = [text for other, text in samples.items() if other != name]
    assert all(engine.anonymize(text) != text for text in others)


def test_builtin_rule_names_lists_what_disable_takes() -> None:
    """The documented rule names include the families, personal data and the keyed names."""
    names = builtin_rule_names()
    assert {"github-token", "password", "token", "api-key", "ipv4", "email", "home", "user"} <= set(
        names
    )


def test_placeholders_match_no_rule() -> None:
    """Placeholders pass unchanged even through an extra rule that matches any word."""
    engine = anonymizer(extra_rules=[config.ExtraRule(name="word", pattern="[a-z]+")])
    names = [*builtin_rule_names(), "word"]
    personal = [
        "<ip>",
        "<email>",
        "<home>",
        "<host>",
        "<user>",
        "<mac>",
        "<ssh-fingerprint>",
        "<ssh-key>",
    ]
    text = " ".join([f"<redacted:{name}>" for name in names] + personal)
    assert engine.anonymize(text) == text
    assert engine.scan(text) == []
    assert anonymizer().anonymize("password=<redacted:password>") == "password=<redacted:password>"


# --- properties -------------------------------------------------------------------------------

FRAGMENTS = [
    row["text"] for row in corpus("secrets")[::3] + corpus("personal") + corpus("benign")[::4]
]
PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(
        ["<ip>", "<redacted:password>", "=", ":", "@", "/", ".", "-", "_", " ", "\n", '"']
    ),
    st.text(max_size=12),
)
RISKY_TEXT = st.lists(PIECES, max_size=6).map("".join)
ENGINE = anonymizer()
PLAIN_ENGINE = anonymizer(use_re2=False)
OTHER_ENGINE = anonymizer()  # a second instance: results do not depend on which one, or its past


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), RISKY_TEXT))
def test_anonymize_is_idempotent(text: str) -> None:
    """Anonymizing anonymized text changes nothing."""
    once = ENGINE.anonymize(text)
    assert ENGINE.anonymize(once) == once


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), RISKY_TEXT))
def test_anonymize_leaves_nothing_scan_would_find(text: str) -> None:
    """Scan finds no secret in anonymized text."""
    assert ENGINE.scan(ENGINE.anonymize(text)) == []


def test_a_value_that_is_a_secret_once_its_email_is_redacted_is_redacted() -> None:
    """Redacting personal data only can uncover a secret: the next pass looks for it."""
    text = "PASS=aaab a@0.AA"
    assert ENGINE.anonymize(text) == "PASS=<redacted:password> <email>"
    assert ENGINE.scan(ENGINE.anonymize(text)) == []


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), RISKY_TEXT))
def test_anonymize_is_the_same_with_and_without_re2(text: str) -> None:
    """The RE2 prefilter only saves time: the keyword triggers give the same result."""
    assert ENGINE.anonymize(text) == PLAIN_ENGINE.anonymize(text)


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.floats() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    )
)
def test_anonymize_value_never_raises_and_is_deterministic(value: Any) -> None:
    """Any JSON value goes through, twice with the same result."""
    assert repr(ENGINE.anonymize_value(value)) == repr(OTHER_ENGINE.anonymize_value(value))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("İ\ud800K"), max_size=80))
def test_anonymize_never_raises_on_odd_characters(text: str) -> None:
    """Characters whose lower case is longer, lone surrogates and the Kelvin sign are fine."""
    assert isinstance(ENGINE.anonymize(text), str)
    assert isinstance(ENGINE.scan(text), list)


def test_probe_lower_copy_keeps_positions() -> None:
    """The lower-case copy has one character per character of the text."""
    probe = Probe("İstanbul PASSWORD")
    assert len(probe.lower) == len(probe.text) and probe.lower.endswith("password")
    assert re.fullmatch(r".stanbul password", probe.lower)
