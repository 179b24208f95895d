"""The fine-tuning stage: lenient parsing, the quality gate, dedup by normalized content."""

from __future__ import annotations

from typing import Any

import pytest

from fedlearn.formats import records
from fedlearn.formats.records import ChatMessage, ChatRecord
from fedlearn.learn import finetune


def chat(*turns: tuple[str, str], **metadata: Any) -> ChatRecord:
    """Return a chat record of (role, content) turns."""
    messages = [ChatMessage(role=role, content=content) for role, content in turns]
    return ChatRecord(messages=messages, metadata=metadata)


def test_parse_keeps_roles_contents_and_metadata_and_drops_extra_keys() -> None:
    """A runtime line with extra keys (in the record and its messages) parses to the known ones."""
    body = {
        "messages": [{"role": "user", "content": "hi", "name": "x"}],
        "metadata": {"source": "coordinator"},
        "id": 7,
    }
    assert finetune.parse(body) == chat(("user", "hi"), source="coordinator")


@pytest.mark.parametrize(
    "body",
    [
        [],
        "text",
        {},
        {"messages": "hi"},
        {"messages": ["hi"]},
        {"messages": [{"role": "user"}]},
        {"messages": [{"role": "user", "content": 3}]},
        {"messages": [{"role": None, "content": "hi"}]},
        {"messages": [{"role": "user", "content": "ok"}, {"role": "user", "content": ["x"]}]},
    ],
)
def test_parse_returns_none_for_a_malformed_record(body: Any) -> None:
    """Anything but a dict of a message list of string roles and contents is malformed."""
    assert finetune.parse(body) is None


def test_parse_replaces_metadata_that_is_not_an_object() -> None:
    """Metadata that is not an object becomes {} (the record is kept)."""
    record = finetune.parse({"messages": [], "metadata": ["x"]})
    assert record == ChatRecord(messages=[], metadata={})


@pytest.mark.parametrize(
    ("turns", "passes"),
    [
        ((("user", "how?"), ("assistant", "like this")), True),
        ((("system", "be nice"), ("user", "how?"), ("assistant", "so")), True),
        ((("user", "how?"),), False),
        ((("assistant", "so"),), False),
        ((("user", "  "), ("assistant", "so")), False),
        ((("user", "same  answer"), ("assistant", "same answer\n")), False),
        ((("user", ""), ("user", "how?"), ("assistant", ""), ("assistant", "so")), True),
    ],
)
def test_the_gate_wants_a_user_and_an_assistant_turn_that_differ(
    turns: tuple[tuple[str, str], ...], passes: bool
) -> None:
    """The first non-empty user and assistant contents must both exist and differ, normalized."""
    assert finetune.passes_gate(chat(*turns)) is passes


def test_the_content_key_ignores_whitespace_and_metadata_but_not_roles_or_order() -> None:
    """Two records that differ only in whitespace or metadata share a key; roles and order count."""
    base = chat(("user", "how do I?"), ("assistant", "like so"), score=1)
    assert finetune.content_key(base) == finetune.content_key(
        chat(("user", " how  do\nI? "), ("assistant", "like so"), score=0)
    )
    assert finetune.content_key(base) != finetune.content_key(
        chat(("assistant", "how do I?"), ("assistant", "like so"))
    )
    assert finetune.content_key(base) != finetune.content_key(
        chat(("assistant", "like so"), ("user", "how do I?"))
    )


def test_the_content_key_keeps_message_boundaries() -> None:
    """Moving text across the boundary of two messages, or of a role and its content, changes
    the key."""
    assert finetune.content_key(chat(("user", "ab"), ("user", "c"))) != finetune.content_key(
        chat(("user", "a"), ("user", "bc"))
    )
    assert finetune.content_key(chat(("user", "xy"))) != finetune.content_key(chat(("userx", "y")))


class Upper:
    """An anonymizer stand-in that upper-cases every string it is given."""

    def anonymize_many(self, texts: list[str]) -> list[str]:
        """Return the texts upper-cased."""
        return [text.upper() for text in texts]

    def anonymize_value(self, value: Any) -> Any:
        """Return a metadata value with its strings upper-cased."""
        return {key: item.upper() if isinstance(item, str) else item for key, item in value.items()}


def test_anonymized_passes_every_content_and_the_metadata_through_the_anonymizer() -> None:
    """Roles stay; contents and metadata strings are replaced by the anonymizer's answer."""
    record = chat(("user", "mail bob"), ("assistant", "done"), source="me", score=1)
    assert finetune.anonymized(record, Upper()) == chat(
        ("user", "MAIL BOB"), ("assistant", "DONE"), source="ME", score=1
    )


def test_read_dataset_keys_records_skipping_bad_lines() -> None:
    """Valid lines are keyed by content; blank, invalid, unknown-key and over-nested lines are
    skipped; the first of two equal records wins."""
    first = chat(("user", "q"), ("assistant", "a"), n=1)
    same = chat(("user", "q "), ("assistant", "a"), n=2)
    other = chat(("user", "q2"), ("assistant", "a2"))
    data = b"".join(
        [
            records.encode_line(first),
            b"\n",
            b"{not json\n",
            b'{"messages":[],"extra":1}\n',
            b'{"messages":[],"metadata":' + b"[" * 5000 + b"]" * 5000 + b"}\n",
            records.encode_line(same),
            records.encode_line(other),
        ]
    )
    table = finetune.read_dataset(data)
    assert table == {finetune.content_key(first): first, finetune.content_key(other): other}


def test_add_counts_new_records_and_duplicates_and_encode_sorts_by_key() -> None:
    """add keeps the first of each content key and counts the rest; the file round-trips."""
    table: dict[str, ChatRecord] = {}
    one, two = chat(("user", "1"), ("assistant", "x")), chat(("user", "2"), ("assistant", "y"))
    assert finetune.add(table, [one, two, chat(("user", " 1"), ("assistant", "x"))]) == (2, 1)
    assert finetune.add(table, [two]) == (0, 1)
    data = finetune.encode(table)
    assert finetune.read_dataset(data) == table
    keys = [finetune.content_key(records.CHAT_DECODER.decode(line)) for line in data.splitlines()]
    assert keys == sorted(table)
    assert finetune.encode({}) == b""
