"""A long single line with many candidates is not read back to its start once per candidate.

``per_text.line_start`` answers as ``text.rfind("\\n", 0, position) + 1`` does, looking a long
text's newlines up instead of reading back; a judge that searched its candidate's whole line asks
``lines_matching`` once per text; ``commands.docker_envs`` reads the blanks before ``ENV`` once.
Counted, never timed.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from re import Match

import pytest

from fedlearn import config
from fedlearn.anonymize import (
    Anonymizer,
    beside_keys,
    code_values,
    command_arguments,
    commands,
    framed,
    per_text,
    refused_keys,
    shell_words,
)
from tests.anonymize.test_bounded_work import CountingText, unbounded_runs


@pytest.mark.parametrize("length", [0, 7, per_text.LONG - 1, per_text.LONG + 9])
@pytest.mark.parametrize("newlines", ["", "\n", "\n\n", "ab\ncd\n\nef"])
def test_line_start_answers_as_rfind_does(length: int, newlines: str) -> None:
    text = ("x" * (length // 2) + newlines + "y" * length)[:length] if length else newlines
    for position in (-len(text) - 5, -3, -1, 0, 1, len(text) // 2, len(text) - 1, len(text) + 4):
        assert per_text.line_start(text, position) == text.rfind("\n", 0, position) + 1


def test_the_starts_of_a_long_line_are_looked_up_not_read_back() -> None:
    text = CountingText("first\n" + '"k":"v",' * 20_000)
    CountingText.read = 0
    starts = [per_text.line_start(text, at) for at in range(7, len(text), 8)]
    assert set(starts) == {6}
    assert CountingText.read <= len(text)  # ``rfind`` per position read the line 20,000 times


def test_each_unpacked_key_of_a_long_line_does_not_read_back_to_its_start() -> None:
    text = CountingText("a\n" + "x=1;" * 20_000 + "\nsmtp.user, smtp.password = sim_auth")
    keys = [*range(2, len(text) - 40, 4), text.index("smtp.password")]
    CountingText.read = 0
    unpacked = [code_values.is_unpacked(text, at, "sim_auth") for at in keys]
    assert unpacked == [False] * (len(keys) - 1) + [True]
    assert CountingText.read <= len(text)


class CountingSearch:
    """A compiled pattern that counts the characters its searches are given."""

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.read = 0

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        self.read += len(text)
        return self.compiled.search(text, *bounds)


def test_an_auth_failure_is_looked_for_once_per_line_not_per_candidate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = CountingSearch(framed.AUTH_FAILED.compiled)
    monkeypatch.setitem(framed.AUTH_FAILED.__dict__, "compiled", counting)
    text = "401 Unauthorized. " + "sending Qh7vLm2Xc9Rt ok, " * 3000 + "\nsending Zx8kPq2Wm4Rt\n"
    matches = list(framed.SENT.compiled.finditer(text))
    failed = [framed.auth_failed(match, text) for match in matches]
    assert failed == [True] * 3000 + [False]  # the last is on a line with no failure
    assert counting.read <= len(text)  # the whole line searched for each of 3,000 candidates


@pytest.mark.parametrize(
    ("text", "failed"),
    [
        ("got a 403 after sending Qh7vLm2Xc9Rt", True),
        ("FORBIDDEN\nsending Qh7vLm2Xc9Rt", False),  # another line's failure
        ("sending Qh7vLm2Xc9Rt\n... then 401", False),
        ("x" * per_text.LONG + "\nUnauthorized: passing Qh7vLm2Xc9Rt", True),
        ("x" * per_text.LONG + "\n4010 passing Qh7vLm2Xc9Rt", False),  # no word 401
    ],
)
def test_auth_failed_reads_the_candidates_line(text: str, failed: bool) -> None:
    match = framed.SENT.compiled.search(text)
    assert match is not None and framed.auth_failed(match, text) is failed


def docker_envs_by_lines(text: str) -> list[tuple[int, int]]:
    """Return the ``ENV`` lines' spans as the search back from each ``ENV`` found them."""
    spans = []
    for found in re.finditer("ENV ", text):
        at = found.start()
        if not text[text.rfind("\n", 0, at) + 1 : at].strip(" \t"):
            matched = commands.DOCKER_ENV.compiled.match(text, at)
            if matched is not None:
                spans.append(matched.span())
    return spans


@pytest.mark.parametrize(
    "text",
    [
        "FROM x\nENV A_TOKEN v1\n  \tENV B b\nRUN ENV C c\nxENV D d\nENV ENV E\n ENV ",
        "ENV A a",
        " " * 5000 + "ENV " * 3000,
        "\n\t ENV K v\r\nENV L w",
    ],
)
def test_docker_envs_are_the_env_lines_a_search_back_finds(text: str) -> None:
    assert [found.span() for found in commands.docker_envs(text)] == docker_envs_by_lines(text)


def test_the_envs_of_a_long_line_do_not_each_read_back_to_its_start() -> None:
    text = CountingText("FROM x\nENV TOKEN v\n" + "RUN echo ENV " * 20_000)
    CountingText.read = 0
    assert len(list(commands.docker_envs(text))) == 1
    assert CountingText.read <= len(text)  # a search back per ``ENV`` read the line 20,000 times


def test_a_minified_json_line_keeps_its_secrets_redacted() -> None:
    secret = "Qh7vLm2Xc9RtB4nWz8Kp"
    fields = ",".join(f'"name_{n}":"v{n}"' for n in range(600))
    text = "{" + fields + f',"api_key":"{secret}",' + fields + "}"
    assert len(text) > per_text.LONG
    redacted = Anonymizer(config.Anonymize()).anonymize(text)
    assert secret not in redacted and '"name_599":"v599"' in redacted


NINE = "apart authfiles beside_keys code_values commands forms framed literals paired_ids"


@pytest.mark.parametrize("module", NINE.split())
def test_judges_ask_for_their_line_start_not_read_back_for_it(module: str) -> None:
    source = (Path(per_text.__file__).parent / f"{module}.py").read_text()
    assert 'rfind("\\n", 0, ' not in source  # per candidate: quadratic on a long single line


class CountingFinditer:
    """A compiled pattern that counts the characters its ``finditer`` calls scan."""

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.read = 0

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[Match[str]]:
        self.read += min(endpos, len(text)) - pos
        return self.compiled.finditer(text, pos, endpos)


def fallback_keys_by_lines(text: str, operator: int) -> list[str]:
    """Return ``beside_keys.fallback_keys`` as the search along the line found it."""
    line = text.rfind("\n", 0, operator) + 1
    keys = []
    assigned = beside_keys.ASSIGNED.match(text, line, operator)
    if assigned is not None:
        keys.append(assigned.group("key").rsplit(".", 1)[-1])
    reads = list(beside_keys.READ_NAME.compiled.finditer(text, line, operator))
    return [*keys, reads[-1].group("key")] if reads else keys


@pytest.mark.parametrize(
    "text",
    [
        'let t = env::var("API_KEY").unwrap_or("x") || "y";\nv = f("A_B") ?? ("C") || "z"',
        'a = get( "X" )||"1";b=get(\'Y\')||"2";\n(  "Z"  )  ?? "3"; get("W"\n)|| "4"',
        'x("' + "k" * 90 + '") || "v"; y("ok.name-1") || "w"',
    ],
)
def test_fallback_keys_are_the_ones_the_search_along_the_line_finds(text: str) -> None:
    for operator in [found.start() for found in re.finditer(r"\|\||\?\?", text)]:
        assert beside_keys.fallback_keys(text, operator) == fallback_keys_by_lines(text, operator)


def test_the_fallbacks_of_a_minified_line_do_not_each_search_it_for_read_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = CountingFinditer(beside_keys.READ_NAME.compiled)
    monkeypatch.setitem(beside_keys.READ_NAME.__dict__, "compiled", counting)
    secret = "Zq7xK8mVt2LpR9wB4nJc"
    text = "".join(f'v{n}=f{n}()||"{secret[:12]}{n:04d}";' for n in range(2000))
    text += f'k=os.getenv("API_TOKEN") || "{secret}";'
    redacted = Anonymizer(config.Anonymize()).anonymize(text)
    assert secret not in redacted and 'v7=f7()||"Zq7xK8mVt2Lp0007";' in redacted
    assert counting.read <= 2 * len(text)  # along the line for each of 2,000 fallbacks


def test_a_refusal_is_looked_for_near_each_for_key_not_along_the_whole_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = CountingSearch(refused_keys.REFUSED_BEFORE.compiled)
    monkeypatch.setitem(refused_keys.REFUSED_BEFORE.__dict__, "compiled", counting)
    text = "denied " + "for key 'kq4wzt7p9x' " * 1000
    redacted = Anonymizer(config.Anonymize()).anonymize(text)
    assert redacted.startswith("denied for key '<redacted:secret-value>'")
    assert 0 < counting.read <= 1000 * refused_keys.REFUSAL_WINDOW


@pytest.mark.parametrize(
    ("gap", "refused"), [(10, True), (refused_keys.REFUSAL_WINDOW - 40, True), (2000, False)]
)
def test_a_refusal_counts_within_its_window_before_for_key(gap: int, refused: bool) -> None:
    text = "auth denied" + " x" * (gap // 2) + " for key 'kq4wzt7p9x'"
    redacted = Anonymizer(config.Anonymize()).anonymize(text)
    assert ("kq4wzt7p9x" not in redacted) is refused


def command_triggers() -> list[str]:
    """Return the trigger patterns of ``command_arguments.command_arguments``'s rule."""
    trigger = command_arguments.command_arguments().trigger
    assert trigger is not None
    return [item.pattern.pattern for item in trigger.items() if item.pattern is not None]


def test_a_commands_trigger_does_not_read_its_line_to_the_end_from_each_command() -> None:
    # ``echo [^\n]*\|`` read a long line of ``echo`` without ``|`` to its end from each ``echo``.
    patterns = command_triggers()
    assert any(pattern.startswith("echo ") for pattern in patterns)
    assert [pattern for pattern in patterns if unbounded_runs(pattern)] == []


@pytest.mark.parametrize(("command", "need"), [("echo", r"\|"), ("net", "use"), ("curl", "-u")])
def test_a_command_and_its_need_on_its_line_are_found_where_the_wide_run_finds_them(
    command: str, need: str
) -> None:
    linear = re.compile(shell_words.on_its_line(command, need))
    wide = re.compile(f"{re.escape(command)} [^\n]*{need}")
    pieces = [f"{command} ", command, need.replace("\\", ""), " ", "\n", "x", "e", "-", "s"]
    draw = random.Random(32)
    for _ in range(3000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randrange(12)))
        assert (linear.search(text) is None) is (wide.search(text) is None), text
