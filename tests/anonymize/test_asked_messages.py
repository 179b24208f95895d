"""A chat export's message that is only a value, after a message asking for or naming a secret."""

from __future__ import annotations

import json

import pytest

from .conftest import in_mode

VALUE = "tyg635h477e5zf1cbvk94xjwam20mjn1"
HASH = "eedf1c984f6b995ec40ecc6658356044847ffb32"


def zulip(question: str, answer: str) -> str:
    """Return a Zulip export of two messages, the answer rendered too."""
    return json.dumps(
        [
            {"id": 1, "sender_full_name": "Bo", "content": question},
            {"id": 2, "sender_full_name": "Ana", "content": f"`{answer}`"},
        ],
        indent=2,
    )


def mattermost(question: str, answer: str) -> str:
    """Return Mattermost bulk export lines of two posts."""
    return "\n".join(
        json.dumps({"type": "post", "post": {"user": user, "message": message}})
        for user, message in (("bo", question), ("ana", answer))
    )


def rocket(question: str, answer: str) -> str:
    """Return a Rocket.Chat history of two messages."""
    return json.dumps({"messages": [{"msg": question}, {"msg": answer}]})


@pytest.mark.parametrize("render", [zulip, mattermost, rocket])
@pytest.mark.parametrize(
    "question",
    [
        "what's the testingbot token?",
        "which api key does the cron use?",
        "here's the new deploy token:",
    ],
)
def test_a_lone_value_after_a_message_asking_for_a_secret_is_redacted(
    render: object, question: str
) -> None:
    assert callable(render)
    text = render(question, VALUE)
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(text)
        assert VALUE not in out
        assert "<redacted:secret-value>" in out


@pytest.mark.parametrize("render", [zulip, mattermost, rocket])
@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("which build broke?", HASH),  # a commit pasted alone
        ("can you paste the commit?", HASH),
        ("which cache key?", HASH),  # a key that names data
        ("what's the token expiry?", "3600"),
        ("what's the staging token?", "ask ops"),  # no value
        ("deploy finished", VALUE),  # no question, no label
        ("what's the staging token?", "chatcmpl-8d1A2b3C4d5E6f7G8h9I0jKlMn"),  # an API object id
    ],
)
def test_other_messages_stay(render: object, question: str, answer: str) -> None:
    assert callable(render)
    text = render(question, answer)
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
