"""API keys in a URL's query (DESIGN.md guarantee 1): a parameter's name says what its value is.

From ``bench/scanners16i``: ``key=`` alone is a weak key name elsewhere (``cache key``, a sort
key: a hash or id stays), but in a URL's query it is the API key of map, weather, search and data
APIs (``…/geocode/Oslo.json?key=<hex32>``), as ``appid``/``app_key``/``appkey`` are OpenWeather's
and others', and ``code`` is the function key of an Azure Functions or Power Automate trigger URL
(``…/api/HttpTrigger1?code=<base64url>==``). A parameter of a URL (after ``?`` or ``&``, in a run
of characters that holds ``://``) with one of those names is ``api-key`` (``url-token`` for
``code``) when its value reads as generated: under ``key``/``appid`` hex of 16 or more with a
letter and a digit, a UUID, or letters and digits that look drawn; under ``code`` 20 or more
characters that look drawn (an OAuth ``code`` is as much a credential); under ``key`` also 8 to 15
capitals and digits that look drawn (what3words' ``key=T5TUFLOC``, ``is_short_key``). Values with
other parameters' names (``api_key``, ``token``) are ``assignments``' rules'. From
``bench/telemetry27`` (session 28), the same parameters in an HTTP request line's target, which
has no ``://`` (an access log's ``"GET /v1/search?q=x&key=<hex40> HTTP/1.1"``, ``curl -v``'s
``> GET /…?key=…``). A URL's path and host are ``webhooks``'.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from fedlearn.anonymize import checks, key_names, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

PARAMETER = Lazy(
    r"[?&](?P<key>(?i:key|app_?id|app_?key|code))=(?P<value>[A-Za-z0-9_.~%+/=-]{8,300})"
    r"(?=[&#\s\"'<>`)\]]|\Z)"
)
# What ends the run of URL characters the parameter must share with ``://``.
BREAKS = " \t\n\"'<>`()[]"


def in_url(text: str, start: int) -> bool:
    """Return whether ``start`` is in a URL: ``://`` earlier in its run of URL characters."""
    begin = start
    while begin > 0 and text[begin - 1] not in BREAKS:
        begin -= 1
    return "://" in text[begin:start]


# An HTTP request line's method before its target (an access log's ``"GET /v1/x?key=…``).
METHOD = Lazy(r"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \Z")


def in_request(text: str, start: int) -> bool:
    """Return whether ``start`` is in an HTTP request line's target (``GET /path?…``)."""
    begin = start
    while begin > 0 and text[begin - 1] not in BREAKS:
        begin -= 1
    return text.startswith("/", begin) and METHOD.search(text, max(0, begin - 8), begin) is not None


def request_key(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a key in a request line's query, or None."""
    return query_key(match, text, in_request)


def query_key(
    match: re.Match[str], text: str, placed: Callable[[str, int], bool] = in_url
) -> tuple[int, int, str] | None:
    """Return the span and rule of a key in a URL's query (``placed``: in a URL), or None."""
    if not placed(text, match.start()):
        return None
    key = match.group("key").lower().replace("_", "")
    value = match.group("value").rstrip(".")
    start = match.start("value")
    if "%" in value or words.is_named(value):
        return None
    if key == "code":
        if len(value) < 20 or not checks.looks_random(value.rstrip("="), minimum=20):
            return None
        return start, start + len(value), "url-token"
    hexadecimal = checks.is_hexadecimal(value)
    if hexadecimal or checks.UUID.fullmatch(value):
        has_both = any(c.isalpha() for c in value) and any(c.isdigit() for c in value)
        if not has_both or (hexadecimal and len(value) < 16):
            return None
        return start, start + len(value), "api-key"
    if not key_names.reads_generated(value, 16) and not (key == "key" and is_short_key(value)):
        return None
    return start, start + len(value), "api-key"


SHORT_KEY = Lazy(r"[A-Z0-9]{8,15}")
# An id: a code then its number (``ORD12345``, ``US000123``), or a number then a code.
NUMBERED = Lazy(r"[A-Z]+[0-9]+|[0-9]+[A-Z]+")


def is_short_key(value: str) -> bool:
    """
    Return whether a ``key=`` value in a URL's query is a short key of capitals and digits, 8 to
    15 (what3words' ``key=T5TUFLOC``): five or more letters, six or more distinct characters,
    varied, not words and not a code with its number (``ORD12345``).
    """
    if SHORT_KEY.fullmatch(value) is None or NUMBERED.fullmatch(value) is not None:
        return False
    if sum(c.isalpha() for c in value) < 5 or len(set(value)) < 6:
        return False
    return checks.entropy(value) >= 2.5 and not words.is_wordy(value)


def rules() -> list[Rule]:
    """Return the rules for keys in a URL's query, and in an HTTP request line's target."""
    return [
        Rule(
            ("api-key", "url-token"),
            (Matcher(Lazy(PARAMETER.pattern), judge=query_key),),
            trigger=Trigger(words=("key=", "id=", "code="), lower=True, needs="://"),
            gate=r"(?i)[?&](?:key|app_?id|app_?key|code)=",
        ),
        Rule(  # the same in an HTTP request line's target (an access log, ``curl -v``'s ``> GET``)
            ("api-key", "url-token"),
            (Matcher(Lazy(PARAMETER.pattern), judge=request_key),),
            trigger=Trigger(words=("key=", "id=", "code="), lower=True, needs=" /"),
            gate=r"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /[^\s\"'<>]*[?&](?i:key|app_?id|app_?key|code)=",
        ),
    ]
