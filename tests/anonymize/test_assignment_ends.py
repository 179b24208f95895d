"""What closes a keyed value in ``assignments``: a ``)`` after a log's pairs."""

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
