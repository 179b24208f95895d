"""A key where a URL's port stands (DESIGN.md guarantee 1).

A port is decimal (``https://host:8443/``); some services hand out an endpoint and its key as one
string, the key after the host's colon (Azure API Management's
``https://<name>.management.azure-api.net:<key>``, ``https://<name>.azure-api.net:<key>``), and
``url-credentials`` sees no ``@`` there. After ``://`` and a host name, a colon, then a drawn run
of 20 or more base64 characters (``checks.looks_random``) that no ``@`` follows (a password
before the host is ``url-credentials``') and that is no port, path or port with a path (digits
then ``/`` or nothing: ``8443/v1/…``, ``file://C:/Users/…``, as the gate's ``[0-9]*[A-Za-z+=_-]``
says) is the key. Names, words and ports stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

PORT_KEY = Lazy(
    r"://[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}"
    r":(?P<value>[A-Za-z0-9+/=_-]{20,200})(?![A-Za-z0-9+/=_@-]|\.[A-Za-z0-9])"
)
# A port, a path or a port and its path: the first character past the digits is ``/`` or none.
PORT_PATH = Lazy(r"[0-9]*(?:/|\Z)")


def port_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a drawn key standing where a URL's port does, or None."""
    value = match.group("value")
    if PORT_PATH.compiled.match(value) or not checks.looks_random(value, minimum=20):
        return None
    if words.is_named(value):
        return None  # ``https://host:some_long_setting_name``
    return match.start("value"), match.end("value"), "api-key"


def rules() -> list[Rule]:
    """Return the rule for a key where a URL's port stands."""
    return [
        Rule(
            ("api-key",),
            (Matcher(Lazy(PORT_KEY.pattern), judge=port_key),),
            trigger=Trigger(words=("://",)),
            gate=r"://[A-Za-z0-9.-]+:[0-9]*[A-Za-z+=_-]",
        ),
    ]
