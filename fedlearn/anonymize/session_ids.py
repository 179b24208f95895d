"""A UUID under a session's id key names a session, it does not open one (guarantee 1).

Agent and tracing telemetry keys its events by session (``"session_id": "<uuid>"``,
OpenTelemetry's ``session.id``, ``sessionId=``) the way it keys them by request or trace: the
value is an id a reader needs to follow one conversation, like ``event_id`` beside it.
``is_session_uuid`` keeps such a value when all of these hold:

- the value is a UUID written whole in one case (8-4-4-4-12 hex digits);
- the key ends with ``session`` and ``id`` as words of their own (``session_id``,
  ``sessionId``, ``session.id``, ``chat_session_id``); not ``session`` alone, ``sessid``,
  ``sid``, a ``session-id`` header, a ``session_token``, a ``JSESSIONID``;
- the value is not presented to a server: no ``cookie`` earlier on its line (``Cookie:``,
  ``Set-Cookie:``, ``--cookie``, ``cookies={…}``), no URL query (``?session_id=``,
  ``&sessionId=``), no ``Authorization``/``X-`` header line.

A web session's id there is a bearer credential and stays redacted, as does any other value
under the same keys (a hex or base64 session token).

Jupyter's protocol names its client session ``"session"`` alone (``is_jupyter_session``): every
message's header carries it beside ``"msg_id"`` and ``"msg_type"``, and a kernel's connection
file beside ``"signature_scheme"`` and ``"kernel_name"`` (bench/contexts40). There, within
``jupyter_fields.REACH`` characters of a ``"msg_type"`` or ``"signature_scheme"`` field
(``jupyter_fields.has_field_near``), a one-case UUID under ``"session"`` names the session; the
file's ``"key"`` is the credential (it signs the messages) and stays redacted. Elsewhere a
``"session"`` alone stays a credential's key (a login's ``{"session": "<uuid>"}``).
"""

from __future__ import annotations

from fedlearn.anonymize import jupyter_fields
from fedlearn.anonymize.rules import Lazy

UUID = Lazy(
    r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|[0-9A-F]{8}(?:-[0-9A-F]{4}){3}-[0-9A-F]{12}"
)
# The key right before the value: ``session`` as a word of its own (after a start, ``_``, ``.``,
# a quote, a space, or a lower-case letter in camel case), ``_``/``.`` or camel case, ``id``;
# then a closing quote, ``:``/``=`` and an opening quote.
KEY = Lazy(
    r"(?:(?<![A-Za-z0-9])[Ss]ession|(?<=[a-z0-9])Session|(?<![A-Za-z0-9])SESSION)"
    r"(?:[_.](?:id|ID|Id)|Id|ID|_ID)[\"']?[ \t]*[:=][ \t]*[\"']?\Z"
)
# What presents the value to a server on its line: a cookie, a header of a request.
PRESENTED = Lazy(r"(?i)cookie|authorization|^[ \t]*x-[a-z-]+:")
WINDOW = 64


def is_session_uuid(text: str, start: int, value: str) -> bool:
    """Return whether ``value`` at ``start`` is a UUID that names a session (see the module)."""
    if len(value) != 36 or not UUID.compiled.fullmatch(value):
        return False
    key = KEY.compiled.search(text, max(0, start - WINDOW), start)
    if key is None:
        return is_jupyter_session(text, start)
    if text.endswith(("?", "&", "&amp;"), 0, key.start()):  # none before a key at the start
        return False  # a URL's query: the id presented to a server
    line_start = text.rfind("\n", 0, key.start()) + 1
    return PRESENTED.compiled.search(text[line_start : key.start()]) is None


# A JSON ``"session"`` key right before the value.
JSON_SESSION = Lazy(r"\"session\"[ \t]*:[ \t]*\"\Z")


def is_jupyter_session(text: str, start: int) -> bool:
    """Return whether the UUID at ``start`` is a Jupyter message header's or connection file's
    ``"session"`` (see the module): a ``"msg_type"`` or ``"signature_scheme"`` field near it."""
    if JSON_SESSION.compiled.search(text, max(0, start - 16), start) is None:
        return False
    return jupyter_fields.has_field_near(text, start)
