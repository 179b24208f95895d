"""The held-out labelled corpus (tests/data/held-out): every secret is redacted, at most 2% of benign text changes.

Regenerate the corpus with ``python tests/data/held-out/make_corpus.py``.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn import anonymize, config

DATA = Path(__file__).resolve().parent.parent / "data" / "held-out"
SECRETS = [json.loads(line) for line in (DATA / "secrets.jsonl").read_text().splitlines()]
BENIGN = [json.loads(line) for line in (DATA / "benign.jsonl").read_text().splitlines()]
MACHINE = anonymize.Machine(
    hostname="ws-alice", fqdn="ws-alice.lan.example.net", user="alice", home="/home/alice"
)
SETTINGS = config.Anonymize(hostnames=["corp.internal", "gitlab.acme-robotics.io"])
PERSONAL = {
    "email",
    "ipv4",
    "ipv6",
    "mac",
    "hostname",
    "extra-hostname",
    "home",
    "user",
    "ssh-fingerprint",
}


@functools.cache
def anonymizer() -> anonymize.Anonymizer:
    """Return the anonymizer of the corpus' fixed machine and settings, one per test process, as a
    run uses one (building one per hypothesis example was most of these tests' time)."""
    return anonymize.Anonymizer(SETTINGS, MACHINE)


def test_corpus_is_big_and_covers_every_context() -> None:
    """At least 150 secrets and 150 benign strings, in every kind of text fedlearn sees."""
    assert len(SECRETS) >= 150 and len(BENIGN) >= 150
    assert {s["context"] for s in SECRETS} == {
        "telemetry",
        "json",
        "shell",
        "config",
        "stacktrace",
        "url",
    }


@pytest.mark.parametrize(
    "sample", SECRETS, ids=[f"{s['family']}-{i}" for i, s in enumerate(SECRETS)]
)
def test_anonymize_redacts_every_secret(sample: dict[str, str]) -> None:
    """The sensitive bytes are gone and a placeholder stands in their place."""
    result = anonymizer().anonymize(sample["text"])
    assert sample["secret"] not in result, result
    assert "<" in result


@pytest.mark.parametrize(
    "sample", [s for s in SECRETS if s["family"] not in PERSONAL], ids=lambda s: s["family"]
)
def test_scan_finds_every_secret(sample: dict[str, str]) -> None:
    """The publish gate's scan reports each secret (personal data is redacted, not a finding)."""
    assert anonymizer().scan(sample["text"])


def test_benign_text_changes_at_most_two_percent() -> None:
    """Risky-looking technical text comes through unchanged, 98% of it at least."""
    tool = anonymizer()
    changed = [
        (b["text"], tool.anonymize(b["text"]))
        for b in BENIGN
        if tool.anonymize(b["text"]) != b["text"]
    ]
    assert len(changed) <= 0.02 * len(BENIGN), "\n".join(f"{a!r} -> {b!r}" for a, b in changed)


def test_benign_text_is_not_a_scan_finding() -> None:
    """The publish gate does not refuse ordinary technical text (same 2% budget)."""
    tool = anonymizer()
    flagged = [b["text"] for b in BENIGN if tool.scan(b["text"])]
    assert len(flagged) <= 0.02 * len(BENIGN), flagged


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(), st.sampled_from([s["text"] for s in SECRETS + BENIGN])), max_size=4
    )
)
def test_anonymize_is_idempotent_and_total(parts: list[str]) -> None:
    """anonymize never raises, and anonymizing its output changes nothing more."""
    tool = anonymizer()
    once = tool.anonymize(" ".join(parts))
    assert tool.anonymize(once) == once


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SECRETS))
def test_anonymized_output_passes_the_scan(sample: dict[str, str]) -> None:
    """What anonymize writes is never refused by the publish gate (placeholders match no rule)."""
    tool = anonymizer()
    assert tool.scan(tool.anonymize(sample["text"])) == []
