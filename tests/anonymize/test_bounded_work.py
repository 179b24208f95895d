"""Work that grows with a text's length, not with its length times its candidates.

A judge runs once per candidate; what it reads must not be the whole text each time (a fact about
the text is worked out once per text: ``per_text``), and a key's value must not run over the next
keys' assignments without bound (``assignments.MAX_KEYS_IN_VALUE``). Counted, never timed.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse

import pytest

from fedlearn import config
from fedlearn.anonymize import (
    Anonymizer,
    assignments,
    configfiles,
    directives,
    hits,
    notices,
    public_objects,
    rules,
    shell_words,
    version_quads,
)
from fedlearn.anonymize.per_text import anywhere, contains, first, per_text
from fedlearn.anonymize.rules import Lazy


def test_a_fact_is_worked_out_once_per_text() -> None:
    asked: list[str] = []

    @per_text
    def long(text: str) -> bool:
        asked.append(text)
        return len(text) > 3

    text, same_words = "abcd", "".join(["ab", "cd"])
    assert [long(text), long(text), long(same_words), long("ab")] == [True, True, True, False]
    assert asked == [text, same_words, "ab"]  # an equal text that is another object: asked again


def test_anywhere_and_contains_answer_as_a_search_would() -> None:
    says = anywhere(Lazy(r"(?i)acme-challenge"))
    holds = contains("ENC[", "kty")
    for text in ("", "x", "see ACME-Challenge/x", "acme", "ENC[AES256", '"kty": 1', "ENC"):
        assert says(text) is bool(re.search(r"(?i)acme-challenge", text))
        assert holds(text) is ("ENC[" in text or "kty" in text)


class CountingPattern:
    """A compiled pattern that counts its searches."""

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.searches = 0

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        self.searches += 1
        return self.compiled.search(text, *bounds)


def test_a_text_with_many_candidates_is_searched_for_acme_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = CountingPattern(public_objects.ACME.compiled)
    monkeypatch.setitem(public_objects.ACME.__dict__, "compiled", counting)
    anonymizer = Anonymizer(config.Anonymize())
    lines = [f"APP_{n}_TOKEN=Zq{n:04d}xK8mVt2LpR9wB4nJc7Hs\n" for n in range(300)]
    redacted = anonymizer.anonymize("".join(lines))
    assert redacted.count("<redacted:") == 300
    assert 1 <= counting.searches <= 2  # the text, and its lower-case copy at most


@pytest.mark.parametrize("separator", ["=", ":"])
@pytest.mark.parametrize("unit", ["key{s}", "secret{s}", 'key{s}"', "?key{s}", "token{s} "])
def test_a_value_stops_before_the_eighth_key_after_its_own(separator: str, unit: str) -> None:
    unit = unit.format(s=separator)
    find = assignments.assignments(separator)
    for count in (100, 400):
        text = "x " + unit * count
        read = sum(match.end() - match.start() for match in find(text))
        # Each key reads at most the next eight units: linear in the text, not quadratic.
        assert read <= assignments.MAX_KEYS_IN_VALUE * len(unit) * count


def test_a_value_with_a_few_keys_inside_still_runs_whole() -> None:
    find = assignments.assignments("=")
    text = "password=k1=a;token=b;x"
    values = {match.group("value") for match in find(text)}
    assert "k1=a" in values
    anonymizer = Anonymizer(config.Anonymize())
    value = "Zq7xK8mVt2LpR9wB4nJc7Hs=key=Qm3=token=Pw9"
    assert anonymizer.anonymize(f"PASSWORD={value} next") == "PASSWORD=<redacted:password> next"


class CountingText(str):
    """A text that counts the characters its ``find`` and ``rfind`` calls read."""

    read = 0

    def find(self, value: str, *bounds: int) -> int:  # type: ignore[override]
        start = bounds[0] if bounds else 0
        end = bounds[1] if len(bounds) > 1 else len(self)
        found = str.find(self, value, *bounds)
        CountingText.read += (found + len(value) if found >= 0 else min(end, len(self))) - start
        return found

    def rfind(self, value: str, *bounds: int) -> int:  # type: ignore[override]
        start = bounds[0] if bounds else 0
        end = bounds[1] if len(bounds) > 1 else len(self)
        found = str.rfind(self, value, *bounds)
        CountingText.read += min(end, len(self)) - (found if found >= 0 else start)
        return found


def test_repeated_secrets_are_found_in_one_pass_over_a_long_text() -> None:
    rule = Anonymizer(config.Anonymize()).rules[0]
    values = [f"Zq{n:05d}xK8mVt2LpR9" for n in range(2000)]
    text = CountingText("".join(f"k{n}={value} " for n, value in enumerate(values)) + values[7])
    found: list[hits.Hit] = []
    at = 0
    for value in values:
        at = text.index(value, at)
        found.append((at, at + len(value), rule.name, rule))
    CountingText.read = 0
    extra = hits.repeated(text, found)[len(found) :]
    assert [(start, end) for start, end, *_ in extra] == [(len(text) - len(values[7]), len(text))]
    assert CountingText.read <= 2 * len(text)  # a search per value read it 2,000 times


@pytest.mark.parametrize("text", ["", "abababab", "ab" * 30, "xaaaaaaaaaay aaaaaaaa"])
@pytest.mark.parametrize("values", [["abababab"], ["aaaaaaaa", "aaaaaaaaa", "babababa"]])
def test_one_pass_finds_what_a_search_per_value_finds(text: str, values: list[str]) -> None:
    assert hits.occurrences(text, values) == {
        value: hits.places_of(text, value) for value in values
    }


def test_each_quad_of_a_long_log_does_not_search_it_whole() -> None:
    lines = [f"10.{n % 250}.{n // 250}.7 accepted\n" for n in range(2000)]
    text = CountingText("".join(lines) + "version 10.3.0.7\n")
    CountingText.read = 0
    named = []
    for match in version_quads.QUAD.compiled.finditer(text):
        if version_quads.is_named_version(text, *match.span()):
            named.append(match.group())
    assert named == ["10.3.0.7"]  # the copy of the quad the text names as a version
    assert CountingText.read <= len(text)  # two searches per quad read it 4,000 times


def is_wide(items: list[tuple[object, object]]) -> bool:
    """Return whether ``items`` is one negated class or ``.``: most characters match it."""
    if len(items) != 1:
        return False
    operation, argument = items[0]
    if str(operation) in ("ANY", "NOT_LITERAL"):
        return True
    return str(operation) == "IN" and str(argument[0][0]) == "NEGATE"  # type: ignore[index]


def unbounded_runs(pattern: str) -> list[str]:
    """Return the repeats in ``pattern`` of a class of all but a few characters (``[^\\n|;&]``,
    ``.``) with no upper bound (``*``, ``+``, ``{n,}``), as text."""
    found: list[str] = []

    def walk(items: object) -> None:
        for operation, argument in items:  # type: ignore[attr-defined]
            name = str(operation)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                low, high, inner = argument
                if high == sre_constants.MAXREPEAT and is_wide(list(inner)):
                    found.append(f"{name}{low}{list(inner)}")
                walk(inner)
            elif name == "SUBPATTERN":
                walk(argument[-1])
            elif name == "BRANCH":
                for branch in argument[1]:
                    walk(branch)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(argument[1])

    walk(sre_parse.parse(pattern))
    return found


@pytest.mark.parametrize(
    "pattern",
    [notices.NOTICE.pattern, configfiles.WIREGUARD[2]],
    ids=["notice", "wireguard-here-string"],
)
def test_a_key_word_reads_a_bounded_stretch_of_its_line(pattern: str) -> None:
    # Each ``key`` of a long line without the words that end the match read the line to its end.
    assert unbounded_runs(pattern) == []


def test_a_notice_and_a_here_string_are_found_within_their_gaps() -> None:
    anonymizer = Anonymizer(config.Anonymize())
    printed = "Qh7vLm2Xc9RtB4nWz8Kp"
    near = f"Your new relay token: store it now, it is shown once.\n\n    {printed}\n"
    far = "Your new relay token" + " (see below)" * 40 + f": store it now.\n\n    {printed}\n"
    assert printed not in anonymizer.anonymize(near)
    assert printed in anonymizer.anonymize(far)  # the words are further apart than a notice's
    key = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk="
    assert key not in anonymizer.anonymize(f"wg pubkey --quiet <<< '{key}'")
    assert key in anonymizer.anonymize("pubkey " + "x" * 500 + f" <<< '{key}'")


def test_the_string_depth_of_many_commands_on_one_line_reads_it_once() -> None:
    unit = 'x; curl "-u \\"a:b\\" q" '
    line = CountingText("\n" + unit * 1000)
    starts = [at for at in range(1, len(line), 97)]
    CountingText.read = 0
    depths = [shell_words.string_depth(line, start) for start in starts]
    assert CountingText.read <= 2 * len(line)  # from the line's start for each: 250 times
    fresh = [shell_words.string_depth("".join(line), start) for start in starts[::50]]
    assert depths[::50] == fresh
    assert set(depths) == {0, 1, 2}  # bare, in a quoted string, in an escaped string in it


def test_lines_before_a_listing_do_not_each_search_back_for_it() -> None:
    secret = "http.extraheader.password Qh7vLm2Xc9RtB4nWz8Kp\n"
    text = CountingText(secret * 3000 + "$ git config --get-regexp 'http'\n" + secret)
    CountingText.read = 0
    judged = [
        directives.listed(match, text) is not None
        for match in directives.LISTED_VALUE.compiled.finditer(text)
    ]
    assert judged == [False] * 3000 + [True]  # only the line after the listing is its output
    assert CountingText.read <= len(text)  # a search back from each line read the text 3,000 times


def test_first_answers_as_find_does() -> None:
    where = first("--get-regexp")
    for text in ("", "--get-regexp", "a --get-regexp b --get-regexp", "--get-rege"):
        assert where(text) == text.find("--get-regexp")


def test_candidates_of_a_long_line_ask_for_its_start_reading_back_once() -> None:
    text = CountingText("first\n" + " --password Qh7vLm2Xc9RtB4nWz8Kp \\nx" * 2000)
    positions = list(range(7, len(text), 41))
    CountingText.read = 0
    starts = [rules.line_start(text, position) for position in positions]
    assert CountingText.read <= 2 * len(text)  # back to the line's start for each: quadratic
    plain = "".join(text)  # another object: each answer worked out afresh
    assert starts[::97] == [rules.line_start(plain, position) for position in positions[::97]]
    assert starts[0] == 6 and all(text[start - 2 : start] == "\\n" for start in starts[1:])
