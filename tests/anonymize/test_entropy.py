"""The look rules' fast finders (``entropy``, ``secret_words``) find exactly what their plain regexes find.

``runs``, ``long_values`` and ``in_url`` put cheap necessary conditions (a byte map searched at
memory speed, a lead word's piece, a linear scan for the word before) in front of the regexes
they replace; these tests compare them with the plain regexes over every corpus in tests/data,
variants of it, and generated text, so a condition that is not necessary fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fedlearn import config
from fedlearn.anonymize import Anonymizer, drawn, entropy, prefilter, public_runs, secret_words
from fedlearn.anonymize.rules import Lazy
from tests.anonymize.conftest import MACHINE, in_mode

DATA = Path(__file__).resolve().parent.parent / "data"
RUN, START, INTRODUCED = (
    re.compile(entropy.RUN),
    re.compile(entropy.START),
    re.compile(secret_words.INTRODUCED),
)
WORD_BEFORE = re.compile(r"[^\s\"'`=:,;(<>]*\Z")  # what ``in_url`` read the word before with


def corpus() -> list[str]:
    """Return every text of every corpus, and variants (non-ASCII, quoted, joined, cut)."""
    texts = []
    for path in sorted(DATA.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                texts.append(row["text"])
    found = []
    for text in texts:
        found += [text, "é " + text, text + " ✓", f'"{text}"', text[1:], text[:-1]]
    return found + ["\n".join(texts[index : index + 5]) for index in range(0, len(texts), 5)]


TEXTS = corpus()
# Token characters, their neighbours, separators and non-ASCII, so runs start and end anywhere.
ALPHABET = st.sampled_from(list("aB3_-xZ9") + list("/+=:.\"' \n") + ["é", "✓", "\ud800"])


def plain_runs(text: str) -> list[tuple[int, int]]:
    """Return the spans ``runs`` found before it had a gate: ``START`` at 0, then ``RUN``."""
    first = START.match(text)
    return ([first.span()] if first else []) + [match.span() for match in RUN.finditer(text)]


def fast_runs(text: str) -> list[tuple[int, int]]:
    """Return the spans ``runs`` finds."""
    return [match.span() for match in entropy.runs(Lazy(entropy.RUN), Lazy(entropy.START))(text)]


def plain_in_url(text: str, start: int) -> bool:
    """Return what ``in_url`` returned when it searched for the word before with a regex."""
    if text[start - 1] != "/":
        return False
    before = WORD_BEFORE.search(text, max(0, start - 2048), start)
    return before is not None and "://" in before.group()


def test_runs_find_what_the_plain_patterns_find() -> None:
    for text in TEXTS:
        assert fast_runs(text) == plain_runs(text), text


def test_long_values_find_what_finditer_finds() -> None:
    find = secret_words.long_values(Lazy(secret_words.INTRODUCED))
    for text in TEXTS:
        subject = text.lower()
        fast = [match.span() for match in find(subject)]
        assert fast == [match.span() for match in INTRODUCED.finditer(subject)], text


# ``INTRODUCED`` with its bare key written as before: ``\bkey`` in the group.
BARE_KEY = re.compile(
    secret_words.INTRODUCED.replace(r"k(?<!\wk)ey(?<=(?P<key>key))", r"(?P<key>\bkey)")
)
VALUE = "0f3c9a1b2d4e5f60718293a4"


def introduced(pattern: re.Pattern[str], text: str) -> list[object]:
    """Return what a verdict reads of each match: its span and its groups' spans."""
    return [
        (m.span(), m.span("key"), m.span("gap"), m.span("value"), m.group("key"))
        for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        f"key {VALUE}",
        f"the key is {VALUE}",
        f"keys: {VALUE}",
        f"monkey {VALUE}",
        f"my_key {VALUE}",
        f"2key {VALUE}",
        f"ékey {VALUE}",
        f"x.key {VALUE}",
        f"-key={VALUE}",
        f"(key) {VALUE} and key {VALUE}",
        f"api key {VALUE}",
        f"license-key: {VALUE}",
        f"keykey {VALUE}",
        f"token key {VALUE}",
        f"key\n{VALUE}",
    ],
)
def test_bare_key_reads_as_a_word_boundary(text: str) -> None:
    assert introduced(INTRODUCED, text) == introduced(BARE_KEY, text)
    assert BARE_KEY.pattern != INTRODUCED.pattern


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.sampled_from(["key", "k", "ey", " ", "_", "é", ".", "-", "s", VALUE]), max_size=12)
)
def test_bare_key_generated(parts: list[str]) -> None:
    text = "".join(parts)
    assert introduced(INTRODUCED, text) == introduced(BARE_KEY, text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "key",
        "a passkey",
        "keypass",
        "the token, then a secret",
        "credentials",
        "x" * 40 + "pas",
        "secret key",
        "monkeys pass tokens",
        "kepass",
        "ke" + "y",
        "pass\nkey",
        "é key",
    ],
)
def test_lead_starts_hold_every_lead_word_start(text: str) -> None:
    # Every place a lead word starts (overlapping ones too) is one of ``lead_starts``.
    lead = re.compile(f"(?=(?:{secret_words.LEAD_BRANCHES}))")
    assert {m.start() for m in lead.finditer(text)} <= set(secret_words.lead_starts(text))


def every_lead_word() -> list[str]:
    words = ["token", "secret", "password", "passwd", "passphrase", "credential", "key"]
    for head in ("api", "access", "private", "auth", "license", "client", "secret"):
        tail = "secret" if head == "client" else "key"
        words += [head + separator + tail for separator in ("", " ", "_", "-")]
    return words


def test_every_lead_word_starts_where_lead_starts_says() -> None:
    lead = re.compile(secret_words.LEAD_WORDS)
    for word in every_lead_word():
        assert lead.fullmatch(word), word
        for before in ("", " ", "x", "_", "-", "api_", "client ", "é"):
            text = f"{before}{word} is 0f3c9a7b2e4d6f8a1c3e5b7d9f0a2c4e"
            assert len(before) in secret_words.lead_starts(text), (before, word)


GENERATED_PIECES = ["k", "ey", "se", "cret", " ", "_", "-", "é", "a", "is ", VALUE, "s"]
GENERATED_PIECES += ["the value is ", "a" * 16, "0" * 15, VALUE[:15] + " ", "-" * 9]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*every_lead_word(), *GENERATED_PIECES]),
        max_size=12,
    )
)
def test_lead_word_finder_generated(parts: list[str]) -> None:
    text = "".join(parts)
    test_lead_starts_hold_every_lead_word_start(text)
    test_lead_starts_hold_every_lead_word_start(text.upper())
    fast = secret_words.long_values(Lazy(secret_words.INTRODUCED))(text)
    assert [(m.span(), m.groupdict()) for m in fast] == [
        (m.span(), m.groupdict()) for m in INTRODUCED.finditer(text)
    ]


def test_in_url_answers_as_the_regex_did() -> None:
    for text in [*TEXTS, "see https://host/x/abc and /y", "a://b/c", "x" * 3000 + "://h/" + "y"]:
        for start in range(1, len(text)):
            if text[start - 1] == "/":
                assert entropy.in_url(text, start) == plain_in_url(text, start), (text, start)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(ALPHABET | st.sampled_from(["a" * 19, "Ab3" * 7, "api_key=", " token "]), max_size=40)
)
def test_generated_text(parts: list[str]) -> None:
    text = "".join(parts)
    assert fast_runs(text) == plain_runs(text)
    assert kept_runs(text) == mixed_plain_runs(text)
    subject = text.lower()
    fast = [m.span() for m in secret_words.long_values(Lazy(secret_words.INTRODUCED))(subject)]
    assert fast == [m.span() for m in INTRODUCED.finditer(subject)]
    for start in range(1, len(text)):
        assert entropy.in_url(text, start) == plain_in_url(text, start)


# The lead gate as RE2 reads it (the prefilter's engine), else as Python does.
LEAD_GATE = (prefilter.load_re2() or re).compile(secret_words.LEAD_GATE)


def lead_gate_holds(text: str) -> bool:
    """Return whether the lead gate is found wherever ``INTRODUCED`` finds something in ``text``."""
    found = INTRODUCED.search(text.lower())
    return found is None or "\ud800" in text or LEAD_GATE.search(text) is not None


def test_lead_gate_holds_wherever_a_value_is_introduced() -> None:
    for text in [*TEXTS, "the API_KEY is Ab3Ab3Ab3Ab3Ab3Ab3Ab3", "Tokens:  x9y8z7w6v5u4t3s2r1"]:
        assert lead_gate_holds(text), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        ALPHABET | st.sampled_from(["Ab3" * 7, "API_KEY ", " Tokens ", "é", "\u212a"]), max_size=40
    )
)
def test_lead_gate_holds_on_generated_text(parts: list[str]) -> None:
    assert lead_gate_holds("".join(parts))


def kept_runs(text: str) -> list[tuple[int, int]]:
    """Return the spans ``runs`` finds when it keeps the runs of mixed classes only."""
    find = entropy.runs(Lazy(entropy.RUN), Lazy(entropy.START), keep=entropy.has_mixed_ascii)
    return [match.span() for match in find(text)]


def mixed_plain_runs(text: str) -> list[tuple[int, int]]:
    """Return ``plain_runs`` of a text, but for the runs without mixed classes (or drawn lower
    case)."""
    spans = plain_runs(text)
    kept = []
    for start, end in spans:
        run = text[start:end]  # a separator, then the run (or the run at the start)
        value = run if run[0] in entropy.TOKEN_CHARACTERS else run[1:]
        if entropy.has_mixed_classes(value) or drawn.is_lower_run(value):
            kept.append((start, end))
    return kept


def test_kept_runs_are_the_runs_bare_would_judge() -> None:
    for text in TEXTS:
        assert kept_runs(text) == mixed_plain_runs(text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ9_-x", min_size=1, max_size=30))
def test_has_mixed_ascii_is_has_mixed_classes(value: str) -> None:
    expected = entropy.has_mixed_classes(value) or drawn.is_lower_run(value)
    assert entropy.has_mixed_ascii(value) == expected


@pytest.mark.parametrize(
    ("value", "mangled"),
    [
        ("_ZN4core3ops8function6FnOnce9call_once17h09ce5090d4bf6ac4E", True),
        ("_ZN3foo3barEv", True),
        ("_ZNk8Hq2LmN5pRt7VwX9yZa3BcD", False),
        ("_ZN8Hq2LmN5pRt7VwX9yZa3BcDeF", False),
        ("_ZN99abcE", False),
    ],
)
def test_a_mangled_symbol_is_told_from_a_token(value: str, mangled: bool) -> None:
    """Length-prefixed names between ``_ZN`` and ``E`` are a C++/Rust symbol (held-out audit)."""
    assert public_runs.is_mangled(value) is mangled


MINISIGN_PUBLIC = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3"
MINISIGN_SECRET = (
    "RWRTY0IyhKfHCIdoZ3QSudTqTUG5ONIfQnwOrmxEXAmPCNuKCsgAAAACAAAAAAAAAEAAAAAAVnzN9lFFMJIZwNBkyo"
    "axFdJ3Oi0GS06CTk4bx9ARxdXv2g"
)
ETH_PRIVATE = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gpg: using RSA key C84DC491A5F665E2D54FC79502C1BFB6CAACA0B0", None),
        ("gpg: using EdDSA key 41D3CCE2C90FBE90E1CFA19DF8E24A42AEEF0F38", None),
        ("signed with key id 4f3c9a8b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a", None),
        ("AES-128 key 2b7e151628aed2a6abf7158809cf4f3c (FIPS-197 test vector)", None),
        ("ChaCha20 key 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", None),
        ("prod AES key 3f9a8c1d2e7b4a5f6c8d9e0a1b2c3d4e loaded", "prod AES key <redacted:secret-value> loaded"),
        ("stripe key 4f3c9a8b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a", "stripe key <redacted:secret-value>"),
        ("transfer to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed confirmed", None),
        (f"export ETH_KEY=0x{ETH_PRIVATE}", "export ETH_KEY=<redacted:high-entropy>"),
        (f"wallet private key 0x{ETH_PRIVATE}", "wallet private key <redacted:secret-value>"),
        ("program id 6uouNXGsJy2rCP6DfPwe99pdMSb5kMPo6WFrA2zALYs5 deployed", None),
        ("wallet: hzfHv2y9Am2hrV7MwBUdWUCwMfYNsuyazkPEpZsqwsXs", None),
        ("token 6uouNXGsJy2rCP6DfPwe99pdMSb5kMPo6WFrA2zALYs5 deployed", "token <redacted:secret-value> deployed"),
        ("run 6uouNXGsJy2rCP6DfPwe99pdMSb5kMPo6WFrA2zALYs5 deployed", "run <redacted:high-entropy> deployed"),
        (f"untrusted comment: minisign public key 9A744B5C0B713649\n{MINISIGN_PUBLIC}", None),
        ('<div class="Button_primary__b9eS- Card_root__JE1ow">', None),
        ('<div class="NavBar_menuItem__h9IzE">', None),
        ('value="Xk9fQzT3pLm2Rw8VbNq4_Zt7Kq__h9IzE"', 'value="<redacted:high-entropy>"'),
        (
            f"untrusted comment: minisign encrypted secret key\n{MINISIGN_SECRET}",
            "untrusted comment: minisign encrypted secret key\n<redacted:minisign-secret-key>",
        ),
        ("[Peer]\nPublicKey = 8x7megQx6Rt3FVqsfQy2++Yl9fqpagsfy+LAAkP7Ep8=\nPersistentKeepalive = 25", None),
        (
            "[Interface]\nPrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=\nListenPort = 51820",
            "[Interface]\nPrivateKey = <redacted:api-key>\nListenPort = 51820",
        ),
    ],
)  # fmt: skip
def test_public_keys_ids_addresses_and_test_vectors_stay_secrets_go(
    text: str, expected: str | None, use_re2: bool
) -> None:
    """
    A public key's id after its algorithm, a test vector, an Ethereum or Solana address, a minisign
    or WireGuard public key, a CSS module's class stay; the private forms beside them are still
    redacted.
    """
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)
    assert engine.anonymize(text) == (expected or text)


@pytest.mark.parametrize(
    "text",
    [
        # An RFC 3339 time after ``tokens`` (a rate limit's reset) is a time, no secret.
        "anthropic-ratelimit-output-tokens-reset: 2025-07-01T08:13:47Z",
        "RateLimitError (x-ratelimit-reset-tokens: 2025-07-01T08:13:47+02:00)",
    ],
)
def test_a_time_after_a_secret_word_stays(text: str) -> None:
    assert Anonymizer(config.Anonymize(), MACHINE).anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("the api key is 2025-07-01t08x13x47z9Kq7Hm", "2025-07-01t08x13x47z9Kq7Hm"),
        ("tokens reset: 2025-07-01T08:13:47Zq8vT1mN4pXk", "2025-07-01T08:13:47Zq8vT1mN4pXk"),
    ],
)
def test_a_secret_shaped_like_a_time_goes(text: str, secret: str) -> None:
    assert secret not in Anonymizer(config.Anonymize(), MACHINE).anonymize(text)


def test_a_masked_keys_shown_head_stays() -> None:
    text = "Incorrect API key provided: sk-ant-api03-Qz8v" + "*" * 40 + "x9Kq. You can find yours"
    assert Anonymizer(config.Anonymize(), MACHINE).anonymize(text) == text
    text = "the api key is sk-ant-api03-Qz8vT1mN4pXk2Lp9 (not masked)"
    assert "Qz8vT1mN4pXk2Lp9" not in Anonymizer(config.Anonymize(), MACHINE).anonymize(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A URL-encoded reference after a secret word is judged decoded, from its first escape.
        ("POST /session body: api_token=%24%7BAPI_TOKEN_PROD%7D&next=%2Fhome", None),
        ("the secret is %7B%7B%20secrets.SMTP_RELAY_PASS%20%7D%7D", None),
        ("access_key=vault%3Akv%2Fdata%2Fci%23access_key&region=eu", None),
        # A URL-encoded search: words with blanks between them, no token.
        ("GET /search?q=vault%20token%20lookup%20%7C%20jq&page=2", None),
        # A URL-encoded secret still goes, its first escape with it.
        ("the token is %2BqT9vL2xR7mK4pW8nZ3s", "the token is <redacted:secret-value>"),
        ("password=%40Qv8Lk2pX7mR4tW9zB3n&user=me", "password=<redacted:password>&user=me"),
    ],
)  # fmt: skip
def test_a_url_encoded_reference_after_a_secret_word_stays(text: str, expected: str | None) -> None:
    assert Anonymizer(config.Anonymize(), MACHINE).anonymize(text) == (expected or text)


@pytest.mark.parametrize(
    "text",
    [
        # After ``for``/``of`` and what a secret belongs to, the value names that owner.
        "401: invalid api key for project 5b1e77c2-0a4d-4f3e-9c61-2d8e4a7f90b3, see the console",
        "token expired for user 9d2c4e6f81a3b5c7d9e1f2a4b6c8d0e2 (login again)",
        "rotated the secret of the workspace id Vw8Qk3Rz6Lp1Ty4Nm7Hb2Xc",
    ],
)
def test_an_owners_id_after_a_secret_word_stays(text: str) -> None:
    assert Anonymizer(config.Anonymize(), MACHINE).anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # The owner's name first, then the value; a colon after the owner; no owner word.
        ("the api key for project atlas is Vw8Qk3Rz6Lp1Ty4Nm7Hb2Xc9", "Vw8Qk3Rz6Lp1Ty4Nm7Hb2Xc9"),
        ("token for user: 9d2c4e6f81a3b5c7d9e1f2a4b6c8d0e2", "9d2c4e6f81a3b5c7d9e1f2a4b6c8d0e2"),
        ("password for staging Vw8Qk3Rz6Lp1Ty4Nm7Hb2Xc9", "Vw8Qk3Rz6Lp1Ty4Nm7Hb2Xc9"),
        ("secret of user_project Vw8Qk3Rz6Lp1Ty4Nm7Hb2Xc9", "Vw8Qk3Rz6Lp1Ty4Nm7Hb2Xc9"),
    ],
)
def test_a_secret_after_an_owner_named_first_goes(text: str, secret: str) -> None:
    assert secret not in Anonymizer(config.Anonymize(), MACHINE).anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        # Hex after a record's or a cache entry's ``key`` is a hash or an id.
        "replayed request skipped: idempotency key 6f0c2d9e-3b7a-4e18-a5c4-91d2e7b08f36",
        "restore cache key 9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d: miss",
        "DynamoDB: conditional check failed for partition key 4c1d8a7e2f9b3c6d5e0a1b8c7d6e5f4a",
    ],
)
def test_hex_after_a_record_key_stays(text: str) -> None:
    assert Anonymizer(config.Anonymize(), MACHINE).anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A provider's, an unnamed or a file's key still goes.
        ("mailgun key 6f0c2d9e3b7a4e18a5c491d2e7b08f36", "6f0c2d9e3b7a4e18a5c491d2e7b08f36"),
        (
            "the key 6f0c2d9e-3b7a-4e18-a5c4-91d2e7b08f36 opens it",
            "6f0c2d9e-3b7a-4e18-a5c4-91d2e7b08f36",
        ),
        (
            "file key 9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",
            "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",
        ),
    ],
)
def test_hex_after_another_key_goes(text: str, secret: str) -> None:
    assert secret not in Anonymizer(config.Anonymize(), MACHINE).anonymize(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a command line in a JSON string ends in ``\n``: the escape stays, the value after it goes
        (
            '{"out": "$ cat /srv/kudu/secret\\nHv3Tq8Zr1Kp6Wm2Yx9Lc4B\\n$ "}',
            '{"out": "$ cat /srv/kudu/secret\\n<redacted:secret>\\n$ "}',
        ),
        (
            '{"msg": "rotated the password\\r\\nWq8eR2tY6uI0oP4aS7dF"}',
            '{"msg": "rotated the password\\r\\n<redacted:secret-value>"}',
        ),
        (
            '{"log": "api key\\tMn5Bv8Cx2Zl7Kj4Hg1Fd then retry"}',
            '{"log": "api key\\t<redacted:secret-value> then retry"}',
        ),
        # an escaped backslash before ``n``: the ``n`` is the value's own first letter
        ('"token \\\\nQz7Wx3Ec9Rv5Tb1Yn8Um"', '"token \\\\<redacted:secret-value>"'),
    ],
)
def test_an_escape_before_an_introduced_value_stays(text: str, expected: str) -> None:
    assert Anonymizer(config.Anonymize(), MACHINE).anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vault read secret/infra/db/pg-main-03", "vault read secret/infra/db/pg-main-03"),
        ("vault kv get secret/ops/mq/rabbit-a-09", "vault kv get secret/ops/mq/rabbit-a-09"),
        ("token/Hq7rT2mVk9pLx4Zw8 was used", "token/<redacted:secret-value> was used"),
    ],
)
def test_a_path_under_a_secret_word_is_no_value(text: str, expected: str) -> None:
    """``secret/teams/web/oauth-42`` is a path (a slash gap and more slashes); one segment right
    after the word's slash is still read as its value."""
    assert in_mode().anonymize(text) == expected


@pytest.mark.parametrize("text", ["Token: ab", "the client_secret is 7x", "KEY=/q", "passwd :z"])
def test_lead_gate_leaves_the_value_count_to_its_rule(text: str) -> None:
    # No count of the value's characters (RE2 set states): a short value passes the gate.
    assert LEAD_GATE.search(text) is not None
    assert INTRODUCED.search(text.lower()) is None


@pytest.mark.parametrize("text", ["token-abc_def", "token <abc>", "secret\nabcdef", "key@x.io"])
def test_lead_gate_still_needs_a_separator_and_a_value_start(text: str) -> None:
    assert LEAD_GATE.search(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # A host name and a path of words or short segments after a secret word in prose.
        "decoding the ExecCredentials object, e.g. `client.authentication.k8s.io/v1beta1`.",
        "the token review goes to authentication.k8s.io/v1 as `tokenreviews`",
        "credentials helper for ecr3.amazonaws.com/v2 failed",
        "the pull secret for gcr2.k8s.io/pause3 expired",
        "api key for storage.k8s.io/v1 denied",
    ],
)
def test_a_host_and_a_path_after_a_secret_word_stay(text: str) -> None:
    assert in_mode().anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A segment that reads as no words, or capitals: a token in a URL's path, no host path.
        ("the token is client.auth.k8s.io/x9k2m4p7q1w8z3v6", "x9k2m4p7q1w8z3v6"),
        ("the secret is hooks.k8s.io/3f9a6c1d8e2b7a4f5c0d9e8b", "3f9a6c1d8e2b7a4f5c0d9e8b"),
        ("the token is relay.k8s.io/v1/Zq8vT1mN4pXk2Lp9", "Zq8vT1mN4pXk2Lp9"),
    ],
)
def test_a_token_in_a_hosts_path_goes(text: str, secret: str) -> None:
    assert secret not in in_mode().anonymize(text)


@pytest.mark.parametrize(
    "text",
    [
        # An option that names the value between the secret word and it: the value is a name.
        'nix key generate-secret --key-name build7.nixos.org-3 > "$TMP/sk"',
        "kubectl create secret generic --secret-name=vault9x.corp.local-2 --from-file=a",
        "token create --name ci7x.nixos.org-12 --days 30",
    ],
)
def test_a_value_an_option_names_stays(text: str) -> None:
    assert in_mode().anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("secret --key Zq8vT1mN4pXk2Lp9x", "Zq8vT1mN4pXk2Lp9x"),  # no name option
        ("the secret name Zq8vT1mN4pXk2Lp9x", "Zq8vT1mN4pXk2Lp9x"),  # a word, no option
        ("secret --filename Zq8vT1mN4pXk2Lp9x", "Zq8vT1mN4pXk2Lp9x"),  # not ``--…-name``
        ("token --renamed Zq8vT1mN4pXk2Lp9x", "Zq8vT1mN4pXk2Lp9x"),
    ],
)
def test_a_value_after_other_options_goes(text: str, secret: str) -> None:
    assert secret not in in_mode().anonymize(text)


# ``INTRODUCED`` with its lead words one branch each, in ``LEAD_WORDS``' order (before the branches).
LISTED = re.compile(
    secret_words.INTRODUCED.replace(
        secret_words.LEAD_BRANCHES,
        secret_words.LEAD_WORDS.replace("|key)", r"|k(?<!\wk)ey(?<=(?P<key>key)))"),
    )
)
LEAD_PIECES = st.sampled_from(
    [
        *("secret", "key", "pass", "word", "wd", "phrase", "token", "credential", "api"),
        *("access", "auth", "private", "license", "client", "s", " ", "_", "-", "=", "\n", "é"),
        VALUE,
    ]
)


def test_lead_branches_read_as_the_listed_words() -> None:
    """The branches match what the words one by one match, with the same groups, on every text."""
    assert LISTED.pattern != INTRODUCED.pattern
    for text in TEXTS:
        subject = text.lower()
        assert introduced(INTRODUCED, subject) == introduced(LISTED, subject), text


@settings(max_examples=400, deadline=None)
@given(st.lists(LEAD_PIECES, max_size=10))
def test_lead_branches_generated(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert introduced(INTRODUCED, text) == introduced(LISTED, text)
