"""Fine-tuning stage: the quality gate and dedup by sha256 of the normalized messages.

Records keep the OpenAI chat format the stack writes; they are anonymized before the content hash,
so the same conversation learned on two nodes gets the same key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

import msgspec

from fedlearn.formats import records
from fedlearn.formats.records import ChatMessage, ChatRecord
from fedlearn.learn import patterns


def parse(body: Any) -> ChatRecord | None:
    """Return a decoded runtime line as a ChatRecord (extra keys dropped), or None when malformed."""
    if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
        return None
    messages = []
    for message in body["messages"]:
        if not isinstance(message, dict):
            return None
        role, content = message.get("role"), message.get("content")
        if not isinstance(role, str) or not isinstance(content, str):
            return None
        messages.append(ChatMessage(role=role, content=content))
    metadata = body.get("metadata")
    return ChatRecord(messages=messages, metadata=metadata if isinstance(metadata, dict) else {})


def first_of(record: ChatRecord, role: str) -> str:
    """Return the first non-empty content of ``role``, normalized ("" when there is none)."""
    for message in record.messages:
        if message.role == role and message.content.strip():
            return patterns.normalize(message.content)
    return ""


def passes_gate(record: ChatRecord) -> bool:
    """Return whether a record has a non-empty user and assistant turn that differ."""
    prompt, response = first_of(record, "user"), first_of(record, "assistant")
    return bool(prompt and response and prompt != response)


def content_key(record: ChatRecord) -> str:
    """Return sha256 hex over the normalized (role, content) of every message."""
    digest = hashlib.sha256()
    for message in record.messages:
        digest.update(
            message.role.encode() + b"\x1f" + patterns.normalize(message.content).encode() + b"\x00"
        )
    return digest.hexdigest()


def anonymized(record: ChatRecord, anonymize: Any) -> ChatRecord:
    """Return ``record`` with every message and metadata string passed through ``anonymize``."""
    contents = anonymize.anonymize_many([message.content for message in record.messages])
    messages = [
        ChatMessage(role=message.role, content=content)
        for message, content in zip(record.messages, contents, strict=True)
    ]
    return ChatRecord(messages=messages, metadata=anonymize.anonymize_value(record.metadata))


def read_dataset(data: bytes) -> dict[str, ChatRecord]:
    """Return the records of an existing dataset file by content key (bad lines skipped)."""
    table: dict[str, ChatRecord] = {}
    for line in data.splitlines():
        if not line.strip():
            continue
        try:
            record = records.CHAT_DECODER.decode(line)
        except (msgspec.DecodeError, RecursionError):  # nested too deep: a bad line like any other
            continue
        table.setdefault(content_key(record), record)
    return table


def encode(table: dict[str, ChatRecord]) -> bytes:
    """Return the dataset file content: one record per key, sorted by key."""
    return records.encode_lines(table[key] for key in sorted(table))


def add(table: dict[str, ChatRecord], new: Iterable[ChatRecord]) -> tuple[int, int]:
    """Add records not yet in ``table``; return (added, duplicates)."""
    added = duplicates = 0
    for record in new:
        key = content_key(record)
        if key in table:
            duplicates += 1
        else:
            table[key] = record
            added += 1
    return added, duplicates
