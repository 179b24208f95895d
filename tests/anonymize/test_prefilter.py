"""One semantics whatever the path (DESIGN.md guarantee 1): the prefilter only skips rules that find nothing.

What is redacted is what every rule finds when it runs on every string (``use_prefilter=False``).
Each rule's gate (RE2) and trigger (Python) must hold wherever the rule finds something; these
tests check that over every corpus in tests/data, over variants of it that broke a hand-written
trigger once (non-ASCII, no URL scheme, dashes inside a token), over strings generated from the
rules' own patterns, and end to end: every path gives the same bytes, in a batch or alone, with
google-re2 or with it blocked at import.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine, assignments, heads, prefilter, wallets
from fedlearn.anonymize.probe import Probe, has_long_run, has_wanted_run
from tests.anonymize.test_without_re2 import RAN_WITH_RE2

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
MACHINE = Machine(
    hostname="quasar", fqdn="quasar.corp.acme-robotics.io", user="jdoe", home="/home/jdoe"
)
SETTINGS = config.Anonymize(
    hostnames=["gitea.lab.internal"],
    extra_rules=[config.ExtraRule(name="ticket", pattern="TCK-[0-9]{6}")],
)
HAS_RE2 = prefilter.load_re2() is not None


def corpus_rows() -> list[dict[str, Any]]:
    """Return every labelled row of every corpus under tests/data (any file, any depth)."""
    found = []
    for path in sorted(DATA.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                found.append(row)
    return found


ROWS = corpus_rows()
TEXTS = [row["text"] for row in ROWS]
SECRETS = [row for row in ROWS if isinstance(row.get("secret"), str) and row["secret"]]


def variants(text: str) -> list[str]:
    """Return ``text`` and the variants that once took a different path or broke a trigger."""
    return [
        text,
        text + " — works now",
        "é " + text,
        text.replace("https://", "").replace("http://", ""),
        text.replace("-", "-x-", 1),
        text.replace("_", "-", 1),
        text.upper(),
        f"{text}\n{text[::-1]}",
    ]


REFERENCE = Anonymizer(SETTINGS, MACHINE, use_prefilter=False)


def is_utf8(text: str) -> bool:
    """Return whether ``text`` has UTF-8 (no lone surrogate), which is what RE2 reads."""
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def failed_conditions(engine: Anonymizer, text: str) -> list[tuple[str, str]]:
    """Return (rule, "trigger", "gate" or "long run") for each rule that finds something where
    one of its conditions fails."""
    probe = Probe(text)
    failed = []
    for rule in engine.rules:
        if not engine._rule_hits(rule, probe):
            continue
        if not prefilter.Triggers([rule]).active(probe):
            failed.append((rule.name, "trigger"))
        gated = HAS_RE2 and rule.gate is not None and is_utf8(text)
        if gated and prefilter.load_re2().compile(rule.gate).search(text) is None:
            failed.append((rule.name, "gate"))
        if rule.long_run is not None and not has_wanted_run(text, (rule.long_run,)):
            failed.append((rule.name, "long run"))
    return failed


@RAN_WITH_RE2
def test_every_trigger_and_gate_holds_wherever_its_rule_finds_something() -> None:
    """Over every corpus text and its variants, no rule finds what its trigger or gate misses."""
    assert len(TEXTS) >= 300
    failed = {}
    for index, text in enumerate(TEXTS):
        others = variants(text)[1:]  # each text itself, and one variant in turn (suite time)
        for variant in (text, others[index % len(others)]):
            for found in failed_conditions(REFERENCE, variant):
                failed.setdefault(found, variant)
    assert failed == {}


def unicode_classes(items: Any, negated: bool = False) -> list[str]:
    """Return the classes in parsed regex ``items`` that RE2 reads as ASCII but Python as Unicode."""
    found = []
    for operation, argument in items:
        name = str(operation)
        boundary = name == "AT" and "BOUNDARY" in str(argument)
        if boundary or (name == "CATEGORY" and not negated):
            found.append(str(argument))
        elif name == "IN":
            inner_negated = any(str(kind) == "NEGATE" for kind, _ in argument)
            found += unicode_classes(argument, negated != inner_negated)
        elif name in ("SUBPATTERN", "BRANCH", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            parts = argument[-1] if name != "BRANCH" else [x for b in argument[1] for x in b]
            found += unicode_classes(parts, negated)
    return found


def test_gates_use_no_class_that_differs_between_re2_and_python() -> None:
    """RE2 reads ``\\s``, ``\\w``, ``\\d``, ``\\b`` as ASCII, Python as Unicode: a gate avoids them."""
    found = {
        rule.gate: unicode_classes(heads.sre_parse.parse(rule.gate))
        for rule in REFERENCE.rules
        if rule.gate is not None
    }
    assert {gate: classes for gate, classes in found.items() if classes} == {}
    assert unicode_classes(heads.sre_parse.parse(r"a\sb|[^\s]")) == ["CATEGORY_SPACE"]


def test_rules_woken_by_key_words_read_them_in_their_gates() -> None:
    """
    A rule whose trigger is the key words reads them in its gate too: one whose gate reads no key
    word (a quoted pair, a call's literal) would find a camelCase key's ending (``githubPat``) only
    with RE2, and takes ``NAMED_KEY_WORDS`` instead.
    """
    unread = [
        rule.gate
        for rule in REFERENCE.rules
        if rule.trigger is not None
        and tuple(rule.trigger.words) == assignments.KEY_WORDS
        and not (rule.gate and "secret" in rule.gate and "token" in rule.gate)
    ]
    assert unread == []


@pytest.mark.parametrize(
    "text",
    [
        "slack bot token xoxb-1234-5678-abcdefghij — works now",
        "post to hooks.slack.com/services/T0000AAAA/B0000BBBB/XXXXXXXXXXXXXXXXXXXXXXXX",
        "curl --user admin:s3cretpass https://api.example.net",
        "mysql -u root -p!s3cr3tpass appdb",
        "GOCSPX--" + "aK9mQ2vR7tL4wZ8nB3yHa8F3kLm",
        "gitlab token glpat-k9-m2-v7-t4-w8-n3-y5-q1",
        "bearer 00011234567=",  # 11 characters and its padding: a token the gate had to see
        # a request line with no ``HTTP/1.1`` after its target: the trigger once wanted ``http/``
        "GET /api/export.csv?page=2&key=9f2b7c41d0e8a6b35c19f4e27d8a0b6c5e3f1a29 401 12ms",
        # a camelCase key's last word that no key word holds, in rules whose gates read no key
        'prefs.put("githubPat", "Xk29vLq7Rt4mWz8pN3sd")',
        '<param name="obsSk" value="Xk29vLq7Rt4mWz8pN3sd"/>',
        '<meta name="linearPat" content="Xk29vLq7Rt4mWz8pN3sd">',
        'variable "asanaPat" {\n  default = "Xk29vLq7Rt4mWz8pN3sd"\n}',
        'func githubPat() string {\n\treturn "Xk29vLq7Rt4mWz8pN3sd"\n}',
        'def obsSk():\n    return "Xk29vLq7Rt4mWz8pN3sd"',
        "env:\n  - name: obsSk\n    value: Xk29vLq7Rt4mWz8pN3sd",
        # var_dump's ``string(N)`` in capitals: the card rule reads the lower-case copy
        '["CARD_NUMBER"]=>\n  STRING(17) "3725 021118 21273"',
        # a card number before its word, its last group shorter than four digits
        "Fizettem a 4458-0730-2157-3681-8 kártyával tegnap.",
        "paid 4364 2621 2997 2200 36 card fee",
    ],
)
def test_conditions_hold_for_the_tokens_they_once_missed(text: str) -> None:
    """The known causes (a dash inside a token, no ``://``, ``--user``, ``-p!``) are gone."""
    assert failed_conditions(REFERENCE, text) == []
    assert REFERENCE.anonymize(text) != text


DISCORD = "OTk4NzY1NDMyMTA5ODc2NTQz.Hq4wXe.Kb7nT2vL9mR5sY8cJ3pF6dW1hZ0gA4u"
LEAD_VALUES = ["Ab3dE6gH9jK2mN5pQ8sT", "x9/Fq+2kLm8Rt3Vw7Yz0", "9f8e7d6c5b4a3f2e1d0c"]


def stellar(payload: bytes) -> str:
    """Return a Stellar secret seed of ``payload`` (version byte and CRC16: ``stellar_seed``)."""
    body = bytes([18 << 3]) + payload
    check = wallets.crc16_xmodem(body).to_bytes(2, "little")
    return base64.b32encode(body + check).decode()


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        *((f"{before}{DISCORD} ok", "discord-token") for before in ("", " ", '"', "=", "é", "\n")),
        *((f"seed{before}{stellar(bytes(range(40, 72)))}", "wallet-key") for before in "(:=—\n"),
        *(
            (f"{word}{gap}{value}", "secret-value")
            for word, gap, value in [
                ("token", ': "', LEAD_VALUES[0]),
                ("Client_Secret", " = '", LEAD_VALUES[1]),
                ("the api key is ", "", LEAD_VALUES[2]),
                ("PASSWORD", "\u00bb", LEAD_VALUES[0]),
                ("auth-key", ":\t", LEAD_VALUES[1]),
            ]
        ),
    ],
)
def test_gates_read_at_a_runs_start_hold_where_their_rules_find(text: str, rule: str) -> None:
    """The gates whose head is read at a run's start only (``discord_span``, ``stellar_seed``,
    ``secret_words.INTRODUCED``'s lookbehind: test_gate_shapes) still hold after any separator."""
    probe = Probe(text)
    assert any(REFERENCE._rule_hits(r, probe) for r in REFERENCE.rules if r.name == rule)
    assert failed_conditions(REFERENCE, text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [("x" + DISCORD, "discord-token"), ("_" + stellar(bytes(range(9, 41))), "wallet-key")],
)
def test_heads_inside_a_run_are_neither_found_nor_gated(text: str, rule: str) -> None:
    """Inside a longer run their rules find nothing, and the gates read at a run's start do not
    fire there either."""
    probe = Probe(text)
    assert not any(REFERENCE._rule_hits(r, probe) for r in REFERENCE.rules if r.name == rule)
    if HAS_RE2:
        gates = {r.gate for r in REFERENCE.rules if r.name == rule and r.gate}
        assert not any(prefilter.load_re2().compile(gate).search(text) for gate in gates)


def pattern_strategy() -> st.SearchStrategy[tuple[int, str]]:
    """Return (rule index, string) where the string holds a match of one of the rule's patterns."""
    choices = []
    for index, rule in enumerate(REFERENCE.rules):
        for matcher in rule.matchers:
            try:
                strategy = st.from_regex(matcher.pattern.pattern)
                strategy.validate()
            except Exception:  # noqa: S112 (lookbehinds and conditionals: the corpora cover those)
                continue
            choices.append(st.tuples(st.just(index), strategy))
    return st.one_of(choices)


@RAN_WITH_RE2
@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(pattern_strategy(), st.text(max_size=8), st.text(max_size=8))
def test_conditions_hold_on_strings_made_from_the_patterns(
    found: tuple[int, str], before: str, after: str
) -> None:
    """A string made from a rule's own pattern, in any surroundings, keeps every condition."""
    text = before + found[1] + after
    assert failed_conditions(REFERENCE, text) == []


@RAN_WITH_RE2
@pytest.mark.parametrize("text", ["secretkey (`0123456:`)", 'getToken ("a8Kd93jQ0zLm")'])
def test_a_blank_before_the_parenthesis_keeps_the_literal_gate(text: str) -> None:
    """``key ("…")``: the gate reads a blank before ``(`` as the finder does (found by the
    property above)."""
    assert failed_conditions(REFERENCE, text) == []


@RAN_WITH_RE2
@pytest.mark.parametrize(
    "text",
    ["+ --with-token\n++ echo 0001234A", "+ gh auth login --with-token\n+++ printf s3cr3tV4lue9"],
)
def test_a_nested_trace_line_keeps_the_traced_print_gate(text: str) -> None:
    """``set -x`` marks a nested command with more than one ``+``: the traced-print gate reads
    ``++ echo`` after the reading line as its finder does (found by the property above)."""
    assert failed_conditions(REFERENCE, text) == []


@RAN_WITH_RE2
@pytest.mark.parametrize("text", [':aSk "0001123G"', '{:asanaPat, "0001123G"}'])
def test_a_terms_camel_case_key_keeps_its_conditions(text: str) -> None:
    """An Elixir keyword or a tuple's key ending in a camelCase word (``Sk``, ``Pat``) is read by
    the terms' judges, so their triggers and gates read those words too (found by the property
    above)."""
    assert failed_conditions(REFERENCE, text) == []


@RAN_WITH_RE2
@pytest.mark.parametrize("text", ["mpc--host=0001@0", "mpc --host=s3cr3tV4l@mpd.local"])
def test_mpcs_host_flag_needs_the_blank_its_gate_reads(text: str) -> None:
    """``mpc`` then its ``--host`` flag: the finder wants the blank after ``mpc`` that the gate
    and the trigger read (``mpc--host=`` is no command; found by the property above)."""
    assert failed_conditions(REFERENCE, text) == []


# --- every path gives the same bytes ---------------------------------------------------------

PATHS = {
    "triggers": Anonymizer(SETTINGS, MACHINE, use_re2=False),
    "triggers, words in one pass": Anonymizer(SETTINGS, MACHINE, use_re2=False, words_after=0),
    "re2 at once": Anonymizer(SETTINGS, MACHINE, re2_after=0),
    "re2 after 128 KiB": Anonymizer(SETTINGS, MACHINE),
}
PLANTED = st.sampled_from(SECRETS).map(lambda row: row["text"])
FILLER = st.one_of(
    st.text(max_size=20),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=100, max_size=600),
    st.sampled_from(["—", "é", "İ", "K", "\n", " ", "=", ":", "-", "_", "://", "<ip>", "🙂"]),
)
PLANTED_TEXT = st.lists(st.one_of(PLANTED, FILLER), min_size=1, max_size=6).map("".join)


@RAN_WITH_RE2
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PLANTED_TEXT, min_size=1, max_size=4))
def test_every_path_gives_the_same_bytes(texts: list[str]) -> None:
    """Secrets of every family planted in generated text: each path redacts the same bytes."""
    expected = [REFERENCE.anonymize(text) for text in texts]
    for name, engine in PATHS.items():
        assert [engine.anonymize(text) for text in texts] == expected, name
        assert engine.anonymize_many(texts) == expected, name + " (batch)"


def test_planted_corpus_covers_every_family() -> None:
    """The property above plants samples of every family the corpora hold."""
    assert len({row.get("family") for row in SECRETS}) >= 40


BLOCKED = """
import json, sys
sys.modules["re2"] = None  # as if google-re2 were not installed
from fedlearn import config
from fedlearn.anonymize import Anonymizer, Machine, prefilter
assert prefilter.load_re2() is None
machine = Machine(hostname="quasar", fqdn="quasar.corp.acme-robotics.io", user="jdoe", home="/home/jdoe")
settings = config.Anonymize(hostnames=["gitea.lab.internal"])
texts = json.load(sys.stdin)
engine = Anonymizer(settings, machine)
json.dump([engine.anonymize(text) for text in texts] + engine.anonymize_many(texts), sys.stdout)
"""


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing: the suite already runs without it")
def test_anonymize_is_the_same_when_re2_cannot_be_imported() -> None:
    """A process where importing google-re2 fails redacts every corpus text to the same bytes."""
    texts = [variants(text)[index % 3] for index, text in enumerate(TEXTS)]
    process = subprocess.run(
        [sys.executable, "-c", BLOCKED],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    engine = Anonymizer(config.Anonymize(hostnames=["gitea.lab.internal"]), MACHINE, re2_after=0)
    expected = [engine.anonymize(text) for text in texts]
    assert json.loads(process.stdout) == expected + expected


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
def test_the_sets_find_the_rules_one_set_of_every_gate_finds() -> None:
    """The secret rules' gates (three RE2 sets, ``prefilter.kind``) and the personal-data rules'
    (one) let the same rules run as one set of every gate, over every corpus text and variants
    of some; the secret sets alone (``secrets_only``) the same secret rules."""
    rules = Anonymizer(SETTINGS, MACHINE, use_re2=False).rules
    assert {rule.is_secret for rule in rules if rule.gate is not None} == {True, False}
    prefilter.SETS.clear()
    sets = prefilter.Prefilter(rules, after=0)
    re2 = prefilter.load_re2()
    options = re2.Options()
    options.max_mem = 256 << 20
    one = re2.Set.SearchSet(options)
    gates = list(dict.fromkeys(rule.gate for rule in rules if rule.gate is not None))
    of_gate: dict[str, list[int]] = {}
    for index, rule in enumerate(rules):
        if rule.gate is not None:
            of_gate.setdefault(rule.gate, []).append(index)
    for gate in gates:
        one.Add(gate)
    one.Compile()
    checked = 0
    for text in TEXTS + [variant for row in TEXTS[::7] for variant in variants(row)[1:]]:
        try:
            data = text.encode()
        except UnicodeEncodeError:  # a lone surrogate: the triggers decide
            assert sets.active(text) is None
            continue
        matched = {gates[gate] for gate in one.Match(data) or ()}
        found = [index for gate in matched for index in of_gate[gate]]
        found += sets.on_run if has_wanted_run(text, sets.wants) else ()
        active = sets.active(text)
        assert active == sorted([*sets.always, *found]), text
        secrets = sets.active(text, secrets_only=True) or []
        assert [index for index in secrets if rules[index].is_secret] == [
            index for index in active if rules[index].is_secret
        ], text
        assert {rules[index].gate for index in secrets if not rules[index].is_secret} <= {None}
        checked += 1
    assert checked > 5_000 and len(prefilter.SETS[sets._gates]) == 4


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
def test_case_folded_case_sensitive_and_keyed_secret_gates_are_read_in_three_sets() -> None:
    """No secret set mixes gates that ignore case with gates that do not, nor the keyed forms'
    case-folded gates with the other case-folded ones (their states multiply:
    ``prefilter.kind``)."""
    rules = Anonymizer(SETTINGS, MACHINE, use_re2=False).rules
    sets = prefilter.compiled(tuple((rule.gate, rule.is_secret) for rule in rules))
    kinds = [
        {prefilter.kind(rules[index].gate or "") for member in members for index in member}
        for _, members, secret in sets
        if secret
    ]
    assert sorted(kinds, key=sorted) == [{"c"}, {"i"}, {"k"}]


def test_the_keyed_forms_gates_are_read_apart_from_the_other_case_folded_ones() -> None:
    """Every keyed form's gate (a key word of the whole list, a filler, its separator) is in the
    keyed set; a case-folded gate that names a few key words only, or none, is not; nor is a
    case-sensitive gate that holds the whole list (``(?im)``: its own flags)."""
    for rule in assignments.keyed():
        assert rule.gate is not None and prefilter.kind(rule.gate) == "k", rule.gate
    words = prefilter.keyed_words()
    assert words.startswith("password|passwd|") and "pass|" in words
    assert prefilter.kind(f"(?i)\\[(?:{words})\\]") == "k"
    assert prefilter.kind("(?i)(?:pass(?:word|wd|phrase)?|pwd?|auth)[ \\t:=]|cred") == "i"
    assert prefilter.kind("(?i)mysql[^\\n|;&]*[ \\t]-p[^\\s]") == "i"
    assert prefilter.kind(f"(?im)^[ \\t]*(?:{words})[ \\t]*=") == "c"
    assert prefilter.kind("sk_(?:live|test)_[A-Za-z0-9]{20,}") == "c"


@pytest.mark.parametrize(
    ("text", "has_run"),
    [
        ("restart the worker after the deploy", False),
        ("pip install --upgrade pip==24.0", False),
        ("é ábc " * 9, False),  # 20 characters, but not base64 ones
        ("key=Qm9vdHN0cmFwVG9rZW4x", True),  # 20 base64 characters in a row
        ("see /usr/lib/python3/dist/site-packages", False),  # a run of short pieces
        ("raised ConnectionRefusedError", False),  # both cases, no digit: no token
        ("ü" + "x" * 20, False),  # one letter: no token, no base64 of text
        ("ü " + "Qm9vdHN0cmFwVG9rZW4x", True),  # base64 of text after a non-ASCII letter
    ],
)
def test_rules_that_need_a_long_run_run_only_where_one_is(text: str, has_run: bool) -> None:
    """The rules marked ``long_run`` (no gate: they look for long tokens on the byte map) are
    let through by the set and by the triggers only for a text with a run of 20 base64
    characters that one of their tests wants (``Rule.long_run``: paths and names are turned
    away); the other rules without a gate run on every text."""
    rules = Anonymizer(SETTINGS, MACHINE, use_re2=False).rules
    marked = {index for index, rule in enumerate(rules) if rule.long_run}
    assert {rules[index].name for index in marked} >= {"high-entropy", "encoded-secret"}
    paths = [("trigger", prefilter.Triggers(rules).active(Probe(text)))]
    if HAS_RE2:
        paths.append(("gate", prefilter.Prefilter(rules, after=0).active(text) or []))
    for condition, active in paths:
        free = {index for index, rule in enumerate(rules) if getattr(rule, condition) is None}
        assert free & marked, condition  # the marked rules without this condition
        assert (free & marked <= set(active)) == has_run
        assert not (free & marked & set(active)) or has_run
        assert free - marked <= set(active)


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
@pytest.mark.parametrize(
    "texts",
    [
        ["restart the worker", "token=" + "Zk3qPw9LmX2vRt8YbN4c"],  # the run in the second
        ["export API=" + "q7Hs2LpX9wRm4TnV8bKe", "no run here"],  # in the first
        ["see /usr/lib/python3/dist and " + "9fK2mQ7xLp4RvT8wYb3N" * 2, "ok"],
        ["nothing long", "here either"],  # in none: the long-run rules stay asleep
    ],
)
def test_a_batch_tells_its_joined_text_whether_it_has_a_long_run(texts: list[str]) -> None:
    """``redact_each`` maps each text, not the joined one: the joined text has a long run where
    one of its texts has one (a line break is no base64 character), and the set then lets the
    long-run rules through as on the joined text; each text's result is its own."""
    rules = Anonymizer(SETTINGS, MACHINE, use_re2=False).rules
    sets = prefilter.Prefilter(rules, after=0)
    joined = "\n".join(texts)
    told = any(has_wanted_run(text, sets.wants) for text in texts)
    assert told == has_wanted_run(joined, sets.wants)
    assert told == any(has_long_run(text) for text in texts)  # these runs are tokens
    assert sets.active(joined, long_run=told) == sets.active(joined)
    on_run = set(sets.on_run)
    assert on_run <= set(sets.active(joined, long_run=True) or [])
    assert not on_run & set(sets.active(joined, long_run=False) or [])
    engine = Anonymizer(SETTINGS, MACHINE, re2_after=0)
    assert [result for result, _ in engine.redact_each(texts)] == [
        Anonymizer(SETTINGS, MACHINE, re2_after=0).anonymize(text) for text in texts
    ]


@pytest.mark.skipif(not HAS_RE2, reason="google-re2 missing")
def test_a_compiled_set_reads_bytes_and_says_which_gates_match() -> None:
    """``compile_set``'s set (the extension's own when the wrapper holds one) takes the UTF-8 of
    a text and returns its matching members, nothing true when none matches; a gate shared by
    rules is one member."""
    gate_set, members = prefilter.compile_set(["tok[0-9]", None, "(?i)pass", "tok[0-9]"])
    assert members == ((0, 3), (2,))
    assert sorted(gate_set.Match("PASS tok1 é".encode())) == [0, 1]
    assert sorted(gate_set.Match(b"tok1")) == [0]
    assert not gate_set.Match(b"token pas")


@RAN_WITH_RE2
@pytest.mark.parametrize("text", ["\x85login 0 000:\n", "\xa0login admin s3cr3tV4lue9\n"])
def test_a_wire_login_line_reads_only_the_blanks_its_gate_reads(text: str) -> None:
    """``login USER V`` at a line's start after blanks: Python's ``[^\\S\\n]`` also took a Unicode
    space (NEL, no-break space) that RE2's ASCII ``\\s`` and so the gate do not; both now read
    ``[ \\t\\f\\r]`` (found by the property above)."""
    assert failed_conditions(REFERENCE, text) == []


@RAN_WITH_RE2
@pytest.mark.parametrize("text", ["new key: `000000@A`", "new\t0 key: `00001123456G`"])
def test_an_announced_value_in_a_code_span_keeps_its_conditions(text: str) -> None:
    """``new key: `V```: a code span's value with ``@`` was judged as an address through a match
    with no ``name`` group (an IndexError, so a crash of the whole anonymizing), and a tab after
    ``new`` was read by the pattern and gate but not by the trigger (found by the property above)."""
    assert failed_conditions(REFERENCE, text) == []
