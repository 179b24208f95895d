"""Inside a Jupyter kernel's connection file or message (``jupyter_fields``): one reach for the
kernel's key (``kernel_keys``) and the client's ``"session"`` (``session_ids``)."""

from __future__ import annotations

from fedlearn.anonymize import Anonymizer, jupyter_fields

KEY = "a0436f6c-1916498204ab9c8c0e5a9e1b"
SESSION = "3f2b8c1e-7a4d-4e9b-8c2f-1d6e5a4b3c2d"


def code(length: int) -> str:
    """Return a cell's source of ``length`` characters, as a message's ``content`` holds."""
    line = "df = pd.read_csv('runs.csv')\n"
    return (line * (length // len(line) + 1))[:length].replace("\n", "\\n")


def message(gap: int) -> str:
    """Return a message whose ``"session"`` stands ``gap`` characters of code from its
    ``"msg_type"``: the parent header first, the content, then the header."""
    return (
        '{"parent_header": {"session": "'
        + SESSION
        + '"}, "content": {"code": "'
        + code(gap)
        + '"}, "header": {"msg_type": "execute_request", "version": "5.3"}}'
    )


def connection_file(gap: int) -> str:
    """Return a connection file whose ``key`` stands ``gap`` characters of path before its
    ``signature_scheme``."""
    path = "/home/ops/" + "x" * gap
    return (
        '{"key": "' + KEY + '", "connection_file": "' + path + '", '
        '"signature_scheme": "hmac-sha256", "transport": "tcp"}'
    )


def test_a_session_within_the_reach_of_msg_type_stays(anonymizer: Anonymizer) -> None:
    """600 characters of code between: one message (session_ids' reach was 512)."""
    text = message(600)
    assert anonymizer.anonymize(text) == text


def test_a_session_beyond_the_reach_stays_redacted(anonymizer: Anonymizer) -> None:
    assert SESSION not in anonymizer.anonymize(message(jupyter_fields.REACH + 100))


def test_a_kernel_key_within_the_reach_goes(anonymizer: Anonymizer) -> None:
    out = anonymizer.anonymize(connection_file(700))
    assert KEY not in out and "hmac-sha256" in out


def test_a_key_beyond_the_reach_stays(anonymizer: Anonymizer) -> None:
    """A ``key`` field far from any ``signature_scheme`` is some other key."""
    text = connection_file(jupyter_fields.REACH + 100)
    assert KEY in anonymizer.anonymize(text)


def test_the_reaches_and_the_fields() -> None:
    """Unit: the stretches around each ``signature_scheme``, clipped to the text; a JSON field
    near a place, not a bare word or one beyond the reach."""
    text = "a" * 1000 + "signature_scheme" + "b" * 10 + "signature_scheme"
    reaches = list(jupyter_fields.connection_reaches(text))
    assert reaches == [(1000 - jupyter_fields.REACH, len(text)), (226, len(text))]
    near = '"msg_type": "status"'
    assert jupyter_fields.has_field_near(" " * 700 + near, 0)
    assert not jupyter_fields.has_field_near(" " * 900 + near, 0)
    assert not jupyter_fields.has_field_near("msg_type = status", 0)
