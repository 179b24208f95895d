"""A URL a ``curl`` command requests with an ``Authorization`` header: its path is an address.

A webhook's URL is its own credential (``webhooks``): no header goes with it. A request that sends
``-H "Authorization: Bearer …"`` (or ``--header``) authenticates by the header, so the ids in its
URL's path are resources' names, not a capability: gitleaks' ``curl-auth-header`` fixture calls a
Google Workflows callback (``…/executions/<uuid>/callbacks/<uuid>_<uuid>``) with a bearer token from
``gcloud``. A hook host's URL (``hooks.…``, ``ping.…``) stays a webhook's. The command is the URL's line and the lines joined to it by a closing ``\\``; the
header's value is the other rules' (``Bearer <token>``).
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy

# The header option, its quote maybe escaped in a JSON string (``-H \\"Authorization: …``).
HEADER = Lazy(r"(?i)(?:^|\s)(?:-H|--header)(?:\s+|=)?\\*[\"']?\s*authorization\s*:")
CURL = Lazy(r"(?<![\w.-])curl\s")
# At most this many continued lines on either side of the URL's own.
LINES = 20


def is_authorized(subject: str, at: int) -> bool:
    """Return whether the URL at ``at`` is a ``curl`` command's, sent with an Authorization header."""
    start = subject.rfind("\n", 0, at) + 1
    for _ in range(LINES):
        if start < 2 or subject[start - 2] != "\\":
            break
        start = subject.rfind("\n", 0, start - 1) + 1
    end = subject.find("\n", at)
    for _ in range(LINES):
        if end < 1 or subject[end - 1] != "\\":
            break
        end = subject.find("\n", end + 1)
    if end < 0:
        end = len(subject)
    window = subject[start:end]
    return HEADER.compiled.search(window) is not None and CURL.compiled.search(window) is not None
