"""Secrets split across a ``\\`` line continuation: judged joined, every piece redacted."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer, continued
from tests.anonymize.conftest import MACHINE

TOKEN = "ghp_" + "Xk9vLq2ZpW7rTb4NcYd8Hs1Ju6Fe3Ga5Mi0O"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f'export GH="{TOKEN[:20]}\\\n{TOKEN[20:]}"\n./run.sh',
            'export GH="<redacted:github-token>\\\n<redacted:github-token>"\n./run.sh',
        ),
        (  # Dockerfile, indented, CRLF; the indentation and line break stay
            f"RUN deploy --key {TOKEN[:12]}\\\r\n    {TOKEN[12:30]}\\\n    {TOKEN[30:]} --fast",
            "RUN deploy --key <redacted:github-token>\\\r\n    <redacted:github-token>\\\n"
            "    <redacted:github-token> --fast",
        ),
        (  # the key on one line, its value on the next
            "mysql --password \\\n  Tr0ub4dor3xQ9z app",
            "mysql --password \\\n  <redacted:password> app",
        ),
    ],
)
def test_a_split_secret_is_redacted_in_every_piece(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected
    assert anonymizer.anonymize(expected) == expected


@pytest.mark.parametrize(
    "text",
    [
        "RUN apt-get update && \\\n    apt-get install -y \\\n      curl git\n",
        "make CFLAGS=-O2 \\\n\tLDFLAGS=-static all",
        # An escaped backslash at a line's end continues nothing: the lines stay apart.
        "dir C:\\\\\nVolume in drive C has no label",
    ],
)
def test_continued_text_without_a_secret_is_unchanged(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_both_paths_agree(anonymizer: Anonymizer) -> None:
    reference = Anonymizer(config.Anonymize(), MACHINE, use_prefilter=False)
    text = f"curl -H 'Authorization: Bearer {TOKEN[:9]}\\\n  {TOKEN[9:]}' https://x"
    assert anonymizer.anonymize(text) == reference.anonymize(text)
    assert TOKEN[9:] not in reference.anonymize(text)


def test_joined_maps_positions_back() -> None:
    original = "ab\\\n  cd\\\r\nef\\\\\ngh"
    joined = continued.Joined(original)
    assert joined.text == "abcdef\\\\\ngh"
    assert joined.pieces(1, 5) == [(1, 2), (6, 8), (11, 12)]
    assert joined.pieces(2, 4) == [(6, 8)]  # starts at a gap: after it; ends at one: before it
    assert joined.pieces(0, 2) == [(0, 2)]
    assert [original[a:b] for a, b in joined.pieces(0, len(joined.text))] == [
        "ab",
        "cd",
        "ef\\\\\ngh",
    ]
    assert continued.has_continuation(original)
    assert not continued.has_continuation("no\nbackslash\\ here")


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (  # a log captured as a JSON array of 80-column lines, the value cut at the column
            '{"lines": ["{\\"lvl\\":\\"warn\\",\\"RELAY_API_TOKEN\\":\\"Wz5Pq8Lr1Mv4", "Nx7Tb2Kc6Hd9Qs3\\"}"]}',
            ("Wz5Pq8Lr1Mv4", "Nx7Tb2Kc6Hd9Qs3"),
        ),
        (  # a key that names a generated value (``high-entropy``): hex cut at the column
            '{"lines": ["{\\"lvl\\":\\"warn\\",\\"CREDS_KEY\\":\\"a5f0c2d9e8b7a6f5e4d3c2b1a0f9e8d7",'
            ' "57aa3d428bef404760b4f2542281209e\\",\\"msg\\":\\"retrying\\"}"]}',
            ("a5f0c2d9e8b7a6f5", "57aa3d428bef4047"),
        ),
        (  # a session cookie's value, its tail too short to read as drawn alone
            '{"lines": ["{\\"lvl\\":\\"warn\\",\\"PHP_SESSION_COOKIE\\":\\"sj4wraghhcryodofeu",'
            ' "ce4psuwgm481u\\",\\"msg\\":\\"retrying\\"}"]}',
            ("sj4wraghhcryodofeu", "ce4psuwgm481u"),
        ),
        (  # a notebook's output lines: the key on one line, the value's line after it
            '"text": ["settings:\\n", "BRIDGE_PASSWORD=", "q7Lx2Vn9Rk4Zp1Wm\\n", "done\\n"]',
            ("q7Lx2Vn9Rk4Zp1Wm",),
        ),
    ],
)
def test_a_secret_split_across_a_json_array_is_redacted_in_every_piece(
    anonymizer: Anonymizer, text: str, pieces: tuple[str, ...]
) -> None:
    result = anonymizer.anonymize(text)
    assert not any(piece in result for piece in pieces)
    assert result.count('", "') == text.count('", "')  # the joins stay
    assert anonymizer.anonymize(result) == result


@pytest.mark.parametrize(
    "text",
    [
        # two ids side by side are no secret, nor words split across lines
        '{"ids": ["call_Xk9vLq2ZpW7rTb4NcYd8", "call_Hs1Ju6Fe3Ga5Mi0OpQ2R"]}',
        '{"text": ["the token budget is ", "exhausted for today\\n"]}',
        '["sha256:3f2a9c1b7d4e", "5a6b8c0d2e4f1a3b"]',
        # a key's whole value closes its string: the next string's hash is no part of it
        '{"lines": ["{\\"CACHE_KEY\\":\\"build\\"}", "57aa3d428bef404760b4f2542281209e"]}',
        '{"lines": ["commit a5f0c2d9e8b7a6f5e4d3c2b1a0f9e8d7", "57aa3d428bef404760b4f2542281209e"]}',
    ],
)
def test_json_arrays_without_a_secret_are_unchanged(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        'export GITLAB_SCIM="glsoat-8_cWK1\\\nEz5HqP3_nU9IW3"\n./run.sh',
        "ENV STRIPE=sk_live_4eC39Hq\\\n    LigR2bZ1xK0\n",
    ],
)
def test_a_batch_finds_what_only_the_joined_text_wakes(text: str) -> None:
    """A batch whose texts wake no rule as they are still joins each text's continuations: the
    secret only the joined value shows is redacted as ``anonymize`` redacts it (no batch with
    nothing let through returns early; after long_run, rules without a gate no longer wake one)."""
    engine = Anonymizer(config.Anonymize(), MACHINE, re2_after=0)
    alone = engine.anonymize(text)
    assert alone != text
    batch = engine.redact_each(["AuditError", text, "case 641"])
    assert [result for result, _ in batch] == ["AuditError", alone, "case 641"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a \\\nb", True),
        ("a \\\r\nb", True),
        ("a\\\\\nb", True),  # the cheap test: ``Joined`` reads the escape
        ("a \\ b\nc", False),
        ("a\nb\\", False),
        ("\\", False),
        ("", False),
    ],
)
def test_has_continuation_needs_a_backslash_before_a_line_break(text: str, expected: bool) -> None:
    assert continued.has_continuation(text) is expected
