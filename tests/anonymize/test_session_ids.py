"""A UUID under a session's id key (``session_ids``): a conversation's id in telemetry stays;
the same UUID presented to a server (a cookie, a URL's query, a request header) or under a key
that is no session's id stays redacted, as does a session token of another shape."""

from __future__ import annotations

import uuid

import pytest

from fedlearn.anonymize import Anonymizer, session_ids

ID = str(uuid.UUID(int=0x3F2A9C41_7B0D_4E6A_9C15_D2E8F07B6A13))


@pytest.mark.parametrize(
    "template",
    [
        '{{"event_id": "0c6b1f52-8d3e-4a07-b9c4-6e1d2f3a4b5c", "session_id": "{u}", "turn": 3}}',
        '{{"sessionId": "{u}", "model": "qwen2.5-coder:7b"}}',
        "2026-12-05T10:00:01Z level=info session.id={u} span=tool_call",
        "chat_session_id: {u}\nmessages: 14",
        '{{"trace": {{"SESSION_ID": "{U}"}}}}',
        "resumed agentSessionId={u} after 3 retries",
    ],
)
def test_a_uuid_under_a_session_id_stays(anonymizer: Anonymizer, template: str) -> None:
    """The id of a conversation, as ``event_id`` beside it: one case, 8-4-4-4-12."""
    text = template.format(u=ID, U=ID.upper())
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "template",
    [
        "Cookie: theme=dark; session_id={u}",
        "Set-Cookie: sessionId={u}; Path=/; HttpOnly",
        'requests.get(url, cookies={{"session_id": "{u}"}})',
        "GET https://app.internal/api/me?session_id={u}",
        "https://app.internal/cb?x=1&sessionId={u}",
        "X-Session-Id: {u}",
        '{{"session": "{u}"}}',
        "JSESSIONID={u}",
        "sessid={u}",
        '{{"session_id": "{hex}"}}',
        "session_id={mixed}",
    ],
)
def test_a_session_credential_stays_redacted(anonymizer: Anonymizer, template: str) -> None:
    """Presented to a server, under another key, or no UUID: a bearer credential."""
    mixed = ID[:9] + ID[9:].upper()  # not written in one case
    text = template.format(u=ID, hex=ID.replace("-", ""), mixed=mixed)
    assert ID not in anonymizer.anonymize(text) and ID.replace("-", "") not in anonymizer.anonymize(
        text
    )
    assert mixed not in anonymizer.anonymize(text)


def test_the_rule_reads_the_key_and_the_value() -> None:
    """Unit: the key before ``start`` and the value's shape."""
    text = f'"session_id": "{ID}"'
    assert session_ids.is_session_uuid(text, text.index(ID), ID)
    assert not session_ids.is_session_uuid(text, text.index(ID), ID[:-1] + "g")
    other = f'"user_id": "{ID}"'
    assert not session_ids.is_session_uuid(other, other.index(ID), ID)


CONNECTION_FILE = (
    '{{\n  "shell_port": 51423,\n  "ip": "127.0.0.1",\n  "key": "",\n  "transport": "tcp",\n'
    '  "signature_scheme": "hmac-sha256",\n  "kernel_name": "python3",\n'
    '  "kernel_id": "cf3ddada-0da7-4eca-9f86-f0a439160ccd",\n  "session": "{u}"\n}}'
)


@pytest.mark.parametrize(
    "template",
    [
        CONNECTION_FILE,
        '{{"header": {{"msg_id": "0c6b1f52-8d3e-4a07-b9c4-6e1d2f3a4b5c", "session": "{u}", '
        '"username": "kernel", "msg_type": "execute_request", "version": "5.3"}}}}',
        'DEBUG [IPKernelApp] {{"msg_type": "status", "session": "{U}"}}',
    ],
)
def test_a_jupyter_session_stays(anonymizer: Anonymizer, template: str) -> None:
    """Jupyter's ``"session"`` in a message header or a connection file: the client's session id,
    as ``"msg_id"`` and ``"kernel_id"`` beside it."""
    text = template.format(u=ID, U=ID.upper())
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "template",
    [
        '{{"session": "{u}", "expires": 3600}}',  # a login's answer: a credential
        '{{"msg_type": "status", "session": "{hex}"}}',  # no UUID
        'Cookie: session={u}; {{"msg_type": "status"}}',
    ],
)
def test_a_session_outside_jupyter_stays_redacted(anonymizer: Anonymizer, template: str) -> None:
    """``"session"`` alone with no Jupyter field near, or no UUID there: a credential."""
    text = template.format(u=ID, hex=ID.replace("-", ""))
    out = anonymizer.anonymize(text)
    assert ID not in out and ID.replace("-", "") not in out


def test_a_key_at_the_text_start_has_no_query_before_it() -> None:
    # A key at 0 has nothing before it: the text's last character (``&``) is no query's.
    for end in ("", " &", " ?"):
        text = f"session_id={ID}{end}"
        assert session_ids.is_session_uuid(text, 11, ID)
    assert not session_ids.is_session_uuid(f"GET /a?session_id={ID}", 18, ID)
    assert not session_ids.is_session_uuid(f"/a?x=1&amp;session_id={ID}", 22, ID)
