"""What closes a keyed value in ``assignments``: a ``)`` after a log's pairs, an element's end tag."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import assignments, checks
from tests.anonymize.conftest import in_mode

MODES = [pytest.param(True, id="re2"), pytest.param(False, id="keywords")]


@pytest.mark.parametrize("use_re2", MODES)
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # a crash report's init line
        (
            "nexmo: init failed (endpoint=https://nexmo.example.com secret_key=KULOcaja)\n"
            "abort() called",
            "KULOcaja",
        ),
        # a logfmt line in brackets
        ("[auth] (user=svc-deploy region=eu-west-1 api_key=RbTmqoWz)", "RbTmqoWz"),
        # a Python repr of keyword pairs after prose
        ("retrying (attempt=3 password=ZvQmLkTr) in 5s", "ZvQmLkTr"),
    ],
)
def test_a_name_closing_a_log_s_pairs_is_a_value(use_re2: bool, text: str, secret: str) -> None:
    """After another ``key=value`` and a blank, ``)`` closes the pairs: the name is the value."""
    assert secret not in in_mode(use_re2).anonymize(text)


@pytest.mark.parametrize("use_re2", MODES)
@pytest.mark.parametrize(
    "text",
    [
        "client = Client(endpoint=url, secret_key=secret_key)",
        "client = Client(secret_key=secretKey)",
        "connect(\n    host=host,\n    password=dbPassword)",
        "$(eval DEPLOY_TOKEN := deployToken)",
    ],
)
def test_keyword_arguments_stay(use_re2: bool, text: str) -> None:
    """A call's keyword arguments follow ``(`` or ``,``: a name passed on stays."""
    assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(endpoint=https://x.example.com secret_key=V)", True),
        ("init failed (a=1 b=2 password=V)", True),
        ("f(endpoint=url, secret_key=V)", False),
        ("f(secret_key=V)", False),
        ("f(a=g(x) secret_key=V)", False),
    ],
)
def test_is_after_pair(text: str, expected: bool) -> None:
    """``is_after_pair`` reads a ``key=value`` word and a blank right before the key."""
    key_start = text.index("secret_key") if "secret_key" in text else text.index("password")
    assert assignments.is_after_pair(text, key_start) is expected


def test_is_code_reads_paired() -> None:
    """``paired`` turns off only the name passed on before ``)``; ``,`` still passes one on."""
    assert checks.is_code("KULOcaja", "secret_key", "secret", ")")
    assert not checks.is_code("KULOcaja", "secret_key", "secret", ")", paired=True)
    assert checks.is_code("KULOcaja", "secret_key", "secret", ", x", paired=True)
    assert checks.is_code("secret_key", "secret_key", "secret", ")", paired=True)


@pytest.mark.parametrize("use_re2", MODES)
@pytest.mark.parametrize(
    "text",
    [
        # Confluence storage format: a placeholder in angle brackets inside CDATA
        '<ac:structured-macro ac:name="noformat"><ac:plain-text-body><![CDATA[curl -u '
        "<user:password> https://test.com/endpoint]]></ac:plain-text-body></ac:structured-macro>",
        # prose with a placeholder and other markup after it
        "<p>run <code>login <user:password> Xk2mq9Lp0zR7</code></p>",
        "<li>set <password> to the value</li>",
    ],
)
def test_an_element_s_text_needs_its_own_end_tag(use_re2: bool, text: str) -> None:
    """``<user:password>`` opens no element when another element's end tag follows: text stays."""
    assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize("use_re2", MODES)
@pytest.mark.parametrize(
    "text",
    [
        "<Password>Xk2mq9Lp0zR7</Password>",
        "<auth:RedisPassword>Xk2mq9Lp0zR7</auth:RedisPassword>",
        "<password>Xk2mq9Lp0zR7</PASSWORD>",
        "<settings>\n  <apiToken>Xk2mq9Lp0zR7</apiToken>\n</settings>",
    ],
)
def test_an_element_closed_by_its_end_tag_is_read(use_re2: bool, text: str) -> None:
    """An element closed by its own end tag (any case, a namespace prefix) is judged as before."""
    assert "Xk2mq9Lp0zR7" not in in_mode(use_re2).anonymize(text)


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("<password>x</password>", "password", True),
        ("<ns:Password>x</ns:Password>", "Password", True),
        ("<user:password> y]]></ac:plain-text-body>", "password", False),
        ("<password>x</passwords>", "password", False),
    ],
)
def test_closes_element(text: str, key: str, expected: bool) -> None:
    """``closes_element`` compares the end tag's name with the key, past a namespace prefix."""
    assert assignments.closes_element(text, key, text.rindex("</") + 2) is expected
