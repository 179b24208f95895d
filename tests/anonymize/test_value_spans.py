"""Where a keyed value ends past what its pattern stops at: here, a ``;`` inside a drawn value."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import value_spans
from tests.anonymize.conftest import in_mode

MODES = [pytest.param(True, id="re2"), pytest.param(False, id="keywords")]


@pytest.mark.parametrize("use_re2", MODES)
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # .NET options printed by a record's ToString
        (
            "AeroworkflowOptions { BaseUrl = https://aero.example.com, "
            "ApiToken = gA9Bu0;mkEjrew8p3N^S, Timeout = 00:00:30 }",
            "gA9Bu0;mkEjrew8p3N^S",
        ),
        # a YAML-ish store listing, the value cut by a backtick after the semicolon's run
        (
            "id:      sirv\ntoken: rghv;8,o00SVP0efds5BBh453jew~mnC$K8elZI-OGU^v0AA#`>vek\n",
            "rghv;8,o00SVP0efds5BBh453jew~mnC$K8elZI-OGU^v0AA#",
        ),
        # shell and env files
        ("export DEPLOY_PASSWORD=Qx7;pLm2vRt9zK4w\n", "Qx7;pLm2vRt9zK4w"),
        ("API_KEY=mK3;9vTq2LxP8wZr make deploy", "mK3;9vTq2LxP8wZr"),
        # a log line's pairs
        ("level=info msg=connected secret=hT5;kW9mQ2vX7zRb user=svc", "hT5;kW9mQ2vX7zRb"),
        # prose in a chat
        ("the access token: Zr4;Lq8mW2xT9vKp (rotate tomorrow)", "Zr4;Lq8mW2xT9vKp"),
    ],
)
def test_a_value_runs_on_past_its_semicolon(use_re2: bool, text: str, secret: str) -> None:
    """A word running on past ``;`` with no ``key=`` in it is one drawn value: none of it stays."""
    redacted = in_mode(use_re2).anonymize(text)
    assert secret not in redacted
    assert secret.split(";", 1)[1] not in redacted


@pytest.mark.parametrize("use_re2", MODES)
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # connection strings: pairs end at the semicolon
        (
            "Server=db.example.com;User ID=app;Password=Xk2mq9Lp0zR7;Encrypt=True",
            ";Encrypt=True",
        ),
        ("Password=Xk2mq9Lp0zR7;Server=db.example.com", ";Server=db.example.com"),
        ('"ConnectionStrings": {"Default": "User ID=a;Password=Xk2mq9Lp0zR7;"}', ';"}'),
        # a next command after a glued operator
        ("export TOKEN=k7Q2xV9mTq8Lz4wN1c;echo done", ";echo done"),
        # a next statement, brackets paired
        ("var apiKey=a1b2c3d4e5f6g7;init(apiKey)", ";init(apiKey)"),
        # an entity's semicolon (``entities`` reads the quoted value)
        ("<span>clientSecret: &apos;u7Yq-Pw3m.Xk9Ta2&apos;</span>", "&apos;</span>"),
    ],
)
def test_a_semicolon_that_ends_a_value_stays(use_re2: bool, text: str, kept: str) -> None:
    """A pair, a command, a statement or an entity after the ``;`` is no part of the value."""
    assert in_mode(use_re2).anonymize(text).endswith(kept)


@pytest.mark.parametrize(
    "text",
    [
        "for (i=0;i<n;i++) password_len=len;i2",
        "TOKEN=abc;echo ok",
        "password=x;y",
        "css: .key { color: #000099; }",
        "token = value;",
    ],
)
def test_benign_semicolons_stay(text: str) -> None:
    """Code and short names around a ``;`` stay as they are."""
    assert in_mode(True).anonymize(text) == text
    assert in_mode(False).anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("k=gA9Bu0;mkEjrew8p3N^S, x", 2, 8, 22),
        ("k=gA9Bu0;mkEjrew8p3N^S;", 2, 8, 22),
        ("k=gA9Bu0;Server=db", 2, 8, 8),
        ("k=gA9Bu0;", 2, 8, 8),
        ("k=gA9Bu0; next", 2, 8, 8),
        ("k=gA9Bu0;echo", 2, 8, 8),
        ("k=abcdefgh;ijklmn", 2, 10, 10),
        ("k=&quot;Zq8mW2xT9vKp", 2, 7, 7),
    ],
)
def test_past_semicolons(text: str, start: int, end: int, expected: int) -> None:
    """``past_semicolons`` returns where the value really ends, or its pattern's stop."""
    assert value_spans.past_semicolons(text, start, end) == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        # markup closes around the value: it ends there
        ("<![CDATA[key=Zq8mW2xT9vKp4Lw]]></ac:plain-text-body>", 13, 28, 28),
        ("<pre>key=Zq8mW2xT9vKp4Lw</pre></body>", 9, 24, 24),
        # a drawn value's own brackets: it runs on to the blank
        ("KEY=u@D7GXt)t>8d(LtH^(lvZ<g next", 4, 11, 27),
    ],
)
def test_past_symbols_stops_where_markup_closes(
    text: str, start: int, end: int, expected: int
) -> None:
    """``past_symbols`` runs past a drawn value's brackets, not past ``]]>`` or ``</tag>``."""
    assert value_spans.past_symbols(text, start, end) == expected


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("<pre>DB_PASSWORD=Xk2q9LmN4vB7</pre>", "Xk2q9LmN4vB7"),
        ("<![CDATA[api_key=Zq8mW2xT9vKp4LwR]]>", "Zq8mW2xT9vKp4LwR"),
    ],
)
def test_a_secret_in_markup_is_redacted_to_its_end(text: str, secret: str) -> None:
    """The value inside the markup goes; the markup that closes it stays."""
    out = in_mode(True).anonymize(text)
    assert secret not in out and out.endswith(text[text.index(secret) + len(secret) :])
