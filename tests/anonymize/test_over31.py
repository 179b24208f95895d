"""What session 31 found over-redacted among the blind corpora's benign rows (bench/contexts26-31,
telemetry27, fixtures24): a GitLab prefix before words joined by ``-``/``_`` (detect-secrets'
negative fixtures), a URL that ``curl`` requests with an ``Authorization`` header (its path names
resources), and a counted alphabet alone in a fence or under a weak key name (a placeholder, as in
every token shape). Each with the secrets of the same shape that stay redacted."""

from __future__ import annotations

import random
import string

import pytest

from fedlearn.anonymize import Anonymizer, joined_words

URL = (
    "https://workflowexecutions.googleapis.com/v1/projects/9137/locations/eu-west4/workflows/nightly"
    "/executions/6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5/callbacks/0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"
    "_5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"
)


@pytest.mark.parametrize(
    "text",
    [
        "skipped: glpat-insert-your_token-here",
        "# glrt-runner_Registration-Token-Goes-here",
        "test data: gloas-checking_Length-Is-fine-Right",
        "GITLAB_TOKEN=glptt-pipeline-trigger-Token-for-docs",
        "fixture: glimt-this_is-not_a-realKEY",
    ],
)
def test_a_gitlab_prefix_before_joined_words_stays(anonymizer: Anonymizer, text: str) -> None:
    """Three or more words joined by ``-``/``_``, no digit: a scanner's negative fixture."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "token",
    [
        "glpat-xK9mP2qR7sT4vW8yZ1aB",
        "glpat-aBcDeFgHiJ-kLmNoPqRsT",  # no digit, parts of mixed case
        "glrt-Qw_eRtY-uIoPaS_dFgHj",
        "glimt-my-tokens_are-correct9B",  # a digit: a draw may hold words
        "gloas-Tkq_Vbn-Wzx_Plm-Rgh_Dfs",  # one-case-ish parts that read as no words
    ],
)
def test_a_gitlab_token_with_a_drawn_body_goes(anonymizer: Anonymizer, token: str) -> None:
    assert anonymizer.anonymize(f"token: {token}") == "token: <redacted:gitlab-token>"


def test_a_drawn_body_is_no_joined_words() -> None:
    """No draw of 20-49 letters, ``-`` and ``_`` (no digit, 1 in ~30 GitLab bodies) reads as
    joined words (seeded; 2,000 draws)."""
    rng = random.Random(31)
    alphabet = string.ascii_letters + "-_"
    for size in range(20, 50):
        for _ in range(70):
            body = "".join(rng.choice(alphabet) for _ in range(size))
            assert not joined_words.is_joined_words(body), body


@pytest.mark.parametrize(
    "text",
    [
        f'curl -X GET -H "Authorization: Bearer $(gcloud auth print-access-token)" {URL}',
        f"curl -s --header 'Authorization: Bearer $TOKEN' \\\n  {URL}",
        f'41:curl -H "Content-Type: application/json" -H "authorization: Basic $CREDS" {URL}',
        f'{{"line": "curl -H \\"Authorization: Bearer $(gcloud auth print-access-token)\\" {URL}"}}',
    ],
)
def test_a_url_curl_sends_with_an_authorization_header_stays(
    anonymizer: Anonymizer, text: str
) -> None:
    """The request authenticates by the header: the callback's id is a resource's name."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        f"curl -X POST {URL}",  # no header: the callback URL is the capability
        f'wget --header "Authorization: Bearer $T" {URL}',  # not curl's command
        f'curl -H "Authorization: Bearer $T" https://example.com/a\ncurl -X POST {URL}',
        'curl -H "Authorization: Bearer $T" https://hooks.acme.dev/hooks/0v4is3w16pmjfk2n8q7r3t',
        'curl -H "Authorization: Bearer $T" https://ping.acme.dev/x/Zq81Wm4nV7cR2tY9pL6kD3',
    ],
)
def test_a_hook_url_without_an_authorized_curl_goes(anonymizer: Anonymizer, text: str) -> None:
    """Another line's header, another tool, or a hook host (``hooks.…``, ``ping.…``)."""
    assert "<redacted:webhook>" in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        "Flagged, but it is test data:\n\n~~~text\nAIzaSyabcdefghijklmnopqrstuvwxyz7654321\n~~~\n",
        "```\nsk_live_ABCDEFGHIJKLMNOPqrstuv12\n```",
        '"other_key" => "sk_abcdefghijklmnopqrstuvwxyz123",',
        '{"session": "pk_mnopqrstuvwxyz0123456789"}',
    ],
)
def test_a_fill_alone_or_under_a_weak_key_stays(anonymizer: Anonymizer, text: str) -> None:
    """A counted alphabet or a fill (``checks.is_fill``) is a placeholder there too."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Here it is:\n\n~~~text\nAIzaSyQ7wErT9yUiOp2AsDfGhJkLzXcVbNm4567\n~~~\n",
        "```\nsk_live_9fQ2mX7pL4vR8kT1zW6nB3cY\n```",
        '"other_key" => "sk_9fq2mx7pl4vr8kt1zw6nb3cyh5jd0s",',
        '{"session": "pk_Qm7Xw2Lp9Vr4Tn8Kc1Zs6Bd3Fh5"}',
    ],
)
def test_a_drawn_value_alone_or_under_a_weak_key_goes(anonymizer: Anonymizer, text: str) -> None:
    assert "<redacted:" in anonymizer.anonymize(text)
