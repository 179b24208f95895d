"""Secrets behind escapes (``\\u0022``, ``%3D``, ``&quot;``, quoted-printable): judged decoded."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, escaped
from tests.anonymize.conftest import MACHINE

HEX = "9c41fe07b2d84aa1e3f0c6d95b71a28e"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # System.Text.Json escapes the quotes of a JSON body logged as a string
        ('{"Properties":{"Body":"{\\u0022ingest_token\\u0022:\\u0022' + HEX + '\\u0022}"}}', HEX),
        # a URL with a password inside a percent-encoded ``data:`` URI
        (
            '"file_data": "data:text/plain,BROKER_URL%3Dmqtts%3A%2F%2Fedge%3Ak2Vq9Lm4Xp7Rw1Zt%40broker.lan%3A8883"',
            "k2Vq9Lm4Xp7Rw1Zt",
        ),
        # quoted-printable: ``=3D`` for ``=`` and a soft line break inside the value
        (
            "Content-Transfer-Encoding: quoted-printable\n\nrelay_token=3D4f0a9e2c7b1d83f6=\n5e9a0c4b72d1f8e3",
            "5e9a0c4b72d1f8e3",
        ),
        # HTML character references around a key and its value
        ("<pre>{&#34;relay_token&#34;:&#34;" + HEX + "&#34;}</pre>", HEX),
    ],
)
def test_a_secret_behind_escapes_is_redacted(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    result = anonymizer.anonymize(text)
    assert secret not in result
    assert "<redacted:" in result
    assert anonymizer.anonymize(result) == result


def test_a_soft_line_break_inside_a_value_is_redacted_with_it(anonymizer: Anonymizer) -> None:
    text = "Content-Transfer-Encoding: quoted-printable\n\nrelay_token=3D4f0a9e2c7b1d83f6=\n5e9a0c4b72d1f8e3 ok"
    result = anonymizer.anonymize(text)
    assert "5e9a0c4b72d1f8e3" not in result
    assert result.endswith(" ok")


@pytest.mark.parametrize(
    "text",
    [
        "searxng GET /search?q=how%20to%20rotate%20keys%3F&pageno=2",
        '{"msg":"\\u003cb\\u003ebold\\u003c/b\\u003e \\u0026 done"}',
        "<pre>{&quot;model&quot;: &quot;llama3.1:8b&quot;, &quot;num_ctx&quot;: 4096}</pre>",
        "Content-Transfer-Encoding: quoted-printable\n\nscore=3D0.91 threshold=3D0.7 =E2=80=93 skipped",
        "ratio=3D4 is fine without a quoted-printable header",
    ],
)
def test_escaped_text_without_a_secret_is_unchanged(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_decoded_maps_positions_back() -> None:
    original = "a\\u0022b%3Dc&quot;d"
    view = escaped.Decoded(original)
    assert view.text == 'a"b=c"d'
    assert view.span(1, 2) == (1, 7)
    assert view.span(2, 5) == (7, 12)
    assert original[slice(*view.span(6, 7))] == "d"


def test_without_an_escape_nothing_is_decoded() -> None:
    assert escaped.Decoded("plain %zz &nbsp; \\uXYZW text").text == ""


def test_both_paths_agree(anonymizer: Anonymizer) -> None:
    reference = Anonymizer(config.Anonymize(), MACHINE, use_prefilter=False)
    text = '{"Body":"{\\u0022relay_token\\u0022:\\u0022' + HEX + '\\u0022}"}'
    assert anonymizer.anonymize(text) == reference.anonymize(text)
    assert HEX not in reference.anonymize(text)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Content-Transfer-Encoding: quoted-printable\nk=3Dv", True),
        ("CONTENT-TRANSFER-ENCODING: QUOTED-PRINTABLE\nk=3Dv", True),
        ("a=1 in a Quoted-Printable part", True),
        ("quoted-printable", False),  # no ``=``
        ("a=1, quoted printable", False),
        ("a=1, quoted\u2013printable", False),  # an en dash
        ("a=1, quoted-printabl", False),
        ("a=1, quote-printable", False),
        ("a=1, -printable quoted-", False),
        ("a=1, quoted-pr\u0130ntable", False),  # no ASCII case of ``i``
    ],
)
def test_says_quoted_printable_reads_the_word_in_any_ascii_case(text: str, says: bool) -> None:
    assert escaped.says_quoted_printable(text) is says
