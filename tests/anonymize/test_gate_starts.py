"""Gates that start where their rule's finding can start (bench/README.md, session 30's memory):
the one-dash flag's after a blank, quote, ``(`` or ``=`` or at the text's start, the client key's
at ``(`` and the URL's quote. Every such start still redacts; a dash inside a word stays."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE

KEY = "Rm3Vq8Lw2Tz6"
CLIENT_KEY = "a8f3c9d2e7b14f6a9c3d"


@pytest.fixture(scope="module")
def gated() -> Anonymizer:
    """Return an anonymizer whose rules run behind their RE2 gates (the prefilter built)."""
    anonymizer = Anonymizer(config.Anonymize(), MACHINE)
    anonymizer.build_prefilter()
    return anonymizer


@pytest.mark.parametrize(
    "text",
    [
        f"-token {KEY} app/config",
        f"run\n-pw {KEY} host",
        f"run\t-pw {KEY} host",
        f"spawn(-apikey {KEY})",
        f"ARGS=-token {KEY}",
        f'cmd "-token {KEY}"',
        f"cmd '--client-secret {KEY}'",
    ],
)
def test_a_flag_after_each_admitted_start_is_redacted(gated: Anonymizer, text: str) -> None:
    out = gated.anonymize(text)
    assert KEY not in out and "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        f"release notes for build-token {KEY[:6].lower()} look fine",
        f"see the wiki page x-password {KEY[:6].lower()}",
    ],
)
def test_a_dash_inside_a_word_is_no_flag(gated: Anonymizer, text: str) -> None:
    assert gated.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        f"const c = createClient( 'https://q.rest.example', '{CLIENT_KEY}');",
        f"let c = Api::new(`https://q.rest.example:8443/v2`, `{CLIENT_KEY}`)",
        f'c = Client("https://api.rest.example", "{CLIENT_KEY}")',
    ],
)
def test_a_clients_key_after_its_url_is_redacted(gated: Anonymizer, text: str) -> None:
    out = gated.anonymize(text)
    assert CLIENT_KEY not in out and "<redacted:api-key>" in out


@pytest.mark.parametrize(
    "text",
    [
        f"see https://q.rest.example/a', '{CLIENT_KEY}')",
        f"const u = base + 'https://q.rest.example', '{CLIENT_KEY}');",
    ],
)
def test_a_url_that_opens_no_call_leaves_its_neighbour(gated: Anonymizer, text: str) -> None:
    assert "<redacted:api-key>" not in gated.anonymize(text)
