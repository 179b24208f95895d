"""Secrets known by their look (DESIGN.md guarantee 1): long generated tokens.

A token no rule knows the shape of is still redacted when it reads as generated: 30 or more
letters, digits, ``_`` and ``-`` (20 or more when quoted or assigned) with upper and lower case
and digits mixed the way random text mixes them (``words.is_wordy`` tells names apart), unless
it is marked as a hash (``sha256-``, ``h1:``). What a value that is no secret reads as (a host,
a file, a labelled hash: ``is_host_or_file``, ``is_labelled``) is here too; a value right after
a secret word in prose (``the API key is 0f3c…``) is ``secret_words``'.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator

from fedlearn.anonymize import (
    checks,
    personal,
    probe,
    public_ids,
    public_runs,
    run_starts,
    words,
)
from fedlearn.anonymize.drawn import LOWER_RUN, is_drawn_one_class, is_lower_run
from fedlearn.anonymize.public_objects import is_public_object
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Runs, Trigger, secret

TOKEN_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
DIGIT_WORDS = tuple("0123456789")
SLASH, PLUS = ord("/"), ord("+")
# The UTF-8 bytes of a text mapped to 1 (a token character) or 0 (any other byte): a run of
# token characters is a run of ones, which ``bytes.find`` looks for at memory speed. Every token
# character is ASCII, and every byte of a non-ASCII character's UTF-8 is 0x80 or more, so the
# runs of ones are the text's runs of token characters exactly.
TOKEN_BYTES = bytes(int(chr(byte) in TOKEN_CHARACTERS) for byte in range(256))
# What the mapped bytes of a long run (20 or more) look like.
TOKEN_RUN = b"\x01" * 20
# A run of token characters: found from the character before it (one try per separator).
RUN = r"[^A-Za-z0-9_-](?P<value>[A-Za-z0-9_-]{20,})"
START = r"[A-Za-z0-9_-]{20,}"
# A run this long counts anywhere; a shorter one (20 or more) only as a quoted or assigned value.
ANYWHERE = 30
MINIMUM = 20
# What marks a run as a hash or a name: ``sha256-…`` ``h1:…`` ``/nix/store/…`` ``@sha256:``.
HASH_MARK = Lazy(
    r"(?:sha(?:1|224|256|384|512)[-:~]|md5[-:]|h1:|/nix/store/|base64,|integrity[\"']?[:=]\s*[\"']?)\Z",
    re.I,
)
HEX_PART = Lazy(r"(?:^|(?<=[_-]))(?:[0-9a-f]{16,}|[0-9A-F]{16,})(?=[_-]|$)")
# The text up to the last character that ends a word (what comes after it is the word before).
LAST_SEPARATOR = Lazy(r"(?s).*[\s\"'`=:,;(<>]")
# What a value with a colon is when it is no secret (``is_labelled``), and a host's port.
LABELLED = Lazy(
    r"(?i)(?:sha(?:1|224|256|384|512)|md5|h1|blake2[bs]?|sha3-\d+|[a-z]+-?[0-9]*:[a-z]+:)[:~]"
    r"|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,}\Z|[0-9:.]+\Z|[0-9]{4}-[01][0-9]-[0-3][0-9]t[0-9:.]{5,}"
    r"(?:z|[+-][0-9]{2}:?[0-9]{2})?\Z"  # an RFC 3339 time (``2026-12-05T12:06:55Z``), lower case
)
PORT = Lazy(r":[0-9]{1,5}\Z")
# Prefixes of a bare token that say it is a secret (``is_prefixed``).
PREFIX_WORDS = """
    secret sec sk key apikey api token tok pat pass pw auth priv private access cred
"""
SECRET_PREFIXES = frozenset(PREFIX_WORDS.split())


def runs(
    run: Lazy, start: Lazy, keep: Callable[[str], bool] | None = None
) -> Callable[[str], Iterator[re.Match[str]]]:
    """
    Return a finder of the runs of 20 or more token characters (at the start, after others).

    ``keep``: only the runs whose characters it accepts are matched and found (a condition the
    judge of the matches would test anyway, cheaper than a match).
    """

    def find(subject: str) -> Iterator[re.Match[str]]:
        data, spans, _ = probe.long_runs(subject)  # a long token is in a long base64 run
        if not spans:
            return  # cheaper than the search, and the patterns stay uncompiled
        if len(data) != len(subject):
            # Non-ASCII: a UTF-8 byte is not a character. Encoded to ASCII with each other
            # character a ``?`` (no token character), one byte is one character again.
            spans = ((0, len(subject)),)
            data = subject.encode("ascii", "replace")
        # Each maximal run of 20 or more token characters is one match: ``start`` at 0, else
        # ``run`` from the separator before it (not consumed, so matches never touch), matched
        # where the byte map found it rather than searched for.
        for at, stop in token_runs(data, spans):
            if keep is None or keep(subject[at:stop]):
                found = start.match(subject) if at == 0 else run.match(subject, at - 1)
                if found is not None:
                    yield found

    return find


def token_runs(data: bytes, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """
    Yield the byte spans of the maximal runs of 20 or more token characters in ``data`` (ASCII
    or UTF-8) that lie inside ``spans``: a token run is in a long (base64) run, whose edges are
    no token characters, so only those runs' bytes are mapped.
    """
    for low, high in spans:
        part = data[low:high].translate(TOKEN_BYTES)
        first = part.find(TOKEN_RUN)
        while first >= 0:
            end = part.find(b"\x00", first)
            yield low + first, (high if end < 0 else low + end)
            if end < 0:
                break
            first = part.find(TOKEN_RUN, end)


def has_kept_run(found: Runs) -> bool:
    """
    Return whether a text's long runs hold a token run that ``high-entropy``'s finder keeps
    (``has_mixed_ascii``: 20 or more token characters with both cases and a digit, or lower-case
    ``LOWER_RUN`` or more). The token runs of a long run are its pieces between ``/`` and ``+``
    (a text's UTF-8 has the same token runs as the text: every byte of a non-ASCII character is
    0x80 or more). Most long runs are paths of short pieces (``/var/lib/qdrant/storage``),
    lower-case names shorter than ``LOWER_RUN`` (``open-webui-set-61911``) and names with both
    cases and no digit (``ConnectionRefusedError``): all are turned away by tests of bytes.
    """
    data, spans, _ = found
    for low, high in spans:
        run = data[low:high]
        # An int is looked for at memory speed; a bytes needle in ``in`` costs a TypeError first.
        pieces = run.replace(b"+", b"/").split(b"/") if SLASH in run or PLUS in run else (run,)
        for piece in pieces:
            if len(piece) < len(TOKEN_RUN):
                continue
            if piece.islower():  # no upper case: kept drawn and ``LOWER_RUN`` long only
                if len(piece) < LOWER_RUN:
                    continue
            elif piece.isupper() or piece.isalpha():  # one case, or no digit
                continue
            if has_mixed_ascii(piece.decode("ascii")):
                return True
    return False


def is_generated(value: str) -> bool:
    """Return whether a long run reads as a generated token, not a hash, name or identifier."""
    if not has_mixed_classes(value) or checks.is_hexadecimal(value):
        return is_drawn_one_class(value)  # drawn hex, drawn lower case
    if value.startswith("LS0tLS1CRUdJTi"):
        return False  # base64 of ``-----BEGIN``: a private one is the private-key rule's
    if len(HEX_PART.compiled.sub("", value)) < 20 or checks.is_fill(value):
        return False  # a name and a hash (``Linux-pip-<sha256>``), a fill (``AIzaSyabcdefghij…``)
    threshold = min(4.0, math.log2(len(value)) - 0.5)
    return checks.entropy(value) >= threshold and not words.is_code_name(value)


def has_mixed_classes(value: str) -> bool:
    """Return whether a run of token characters has upper case, lower case and digits."""
    return checks.character_classes(value.replace("-", "").replace("_", "")) >= 3


def has_mixed_ascii(value: str) -> bool:
    """Return ``has_mixed_classes`` of an ASCII run, the cheap way (or ``is_lower_run``)."""
    if value == value.lower() or value == value.upper():  # one case: hashes, names, or a draw
        return value.islower() and is_lower_run(value)
    return any(digit in value for digit in DIGIT_WORDS)


def bare(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return the span of a generated token standing alone, or None. Every test here must pass;
    they are pure, so the cheap ones that turn most runs away (hashes and names lack a
    character class) come first, whatever order reads best.
    """
    start, end = match.span("value") if "value" in match.re.groupindex else match.span()
    if end < len(text) and text[end] in "+/=":
        return None  # a piece of a base64 blob, not a token
    start = run_starts.past_escape(text, start)  # ``\x22…``: the run starts after the escape
    if end - start < MINIMUM or run_starts.is_tree_entry(text, start):
        return None  # a token's run is 20 long; ``├── name``: a file ``tree`` lists
    value = text[start:end]
    if end - start < ANYWHERE and not is_value(text, start) and not is_prefixed(value):
        return None
    if not has_mixed_classes(value) and not is_lower_run(value):
        return None
    if start > 0 and text[start - 1] in "+/" and not in_url(text, start):
        return None
    if HASH_MARK.search(text, max(0, start - 16), start):
        return None
    if not is_generated(value) and not is_prefixed(value):
        return None
    if value.startswith("AAAA") and value.isalnum() and personal.is_public_key(text, start):
        return None  # an SSH public key, all base64: the ``ssh-public-key`` rule's, all of it
    if value.startswith("_ZN") and public_runs.is_mangled(value):
        return None
    if public_runs.is_public_address(text, start, value) or public_runs.is_css_module_class(value):
        return None
    if is_public_object(text, start, value):
        return None  # an API object's id, a certificate's line, a public JWK (``public_objects``)
    if public_ids.is_public(text, start, value) and not is_prefixed(value):
        return None  # an object id, device id or Matrix id; a hash or id under its key
    return start, end, ""


def is_prefixed(value: str) -> bool:
    """
    Return whether a run shorter than ``ANYWHERE`` is a prefix that says secret and a generated
    body (``secret_2R6bMKVwD3gqAKLz``, ``api_…``, ``pat_…``): one of ``SECRET_PREFIXES``, ``_``,
    then 16 or more letters and digits with both cases and a digit that do not read as words.
    Other prefixes name ids (Stripe's ``pi_…``, ``cus_…``), which stay.
    """
    prefix, _, body = value.partition("_")
    if prefix.lower() not in SECRET_PREFIXES or len(body) < 16 or not body.isalnum():
        return False
    if checks.entropy(body) < math.log2(len(body)) - 0.7:
        return False
    return has_mixed_classes(body) and not words.is_wordy(body)


def is_value(text: str, start: int) -> bool:
    """Return whether the run at ``start`` is quoted or assigned (``"…``, ``=…``, ``: …``)."""
    before = text[max(0, start - 2) : start]
    if before[-1:] in ('"', "'", "`", "=", ":") or before in (": ", "= "):
        return True
    return run_starts.is_escaped_quote(text, start)  # ``\x22…``, as the decoded view reads it


def in_url(text: str, start: int) -> bool:
    """Return whether the run at ``start`` is a path segment of a URL (``https://h/x/<run>``)."""
    if text[start - 1] != "/":
        return False
    window = max(0, start - 2048)
    if "://" not in text[window:start]:
        return False  # the word before is a piece of this window
    # The word before: what follows the window's last separator (greedy, then backtracking
    # from the end: one linear pass, where ``[^…]*\Z`` tried every start in the window).
    separator = LAST_SEPARATOR.match(text, window, start)
    return "://" in text[separator.end() if separator is not None else window : start]


def is_labelled(value: str) -> bool:
    """
    Return whether a value with a colon is a URL, a labelled hash or an address, not a secret.

    ``https://…`` (the ``url-credentials`` rule's), ``sha256:<hex>``, ``h1:…``, a MAC or IPv6
    address (hex groups), a time (``12:06:55``, ``2026-12-05T12:06:55Z``). A colon inside a
    generated token stays in it (``f72c406a:3272c299``).
    """
    if ":" not in value:
        return False
    return "://" in value or bool(LABELLED.compiled.match(value))


def is_host_or_file(value: str) -> bool:
    """
    Return whether a dotted value reads as a host, a file, an address or a version.

    Its last part is a lower-case word (``api.example.com``, ``key.pem``), a part is empty, its
    parts start with numbers (``10.0.0.1``, ``1.2.3-rc1``), or every part longer than three
    characters reads as words (``client.getV2Token``). A dotted token's parts do not
    (``Dmqzewe2imy.OtSyVGq``, ``FzKAs8WZVx5MA.1Q``).
    """
    if "." not in value:
        return False
    parts = PORT.compiled.sub("", value).split(".")
    last = parts[-1]
    if not all(parts) or (last.isalpha() and last.islower()) or public_ids.is_host_path(value):
        return True  # a host with a path of words too (``client.authentication.k8s.io/v1``)
    if parts[0].isdigit() and parts[1][:1].isdigit():
        return True
    return all(part.isdigit() or len(part) <= 3 or words.is_wordy(part.lower()) for part in parts)


def looks() -> list[Rule]:
    """Return the rule for secrets known by their look alone (after ``secret_words.rules``)."""
    run = Lazy(RUN)
    return [
        secret(
            "high-entropy",
            Matcher(run, find=runs(run, Lazy(START), keep=has_mixed_ascii), judge=bare),
            # No gate: a counted run in the RE2 set would multiply its states; ``runs`` looks
            # for a 30-character word first, which costs less than the search.
            gate=None,
            trigger=Trigger(words=DIGIT_WORDS),
            long_run=has_kept_run,  # the runs ``runs`` keeps
        ),
    ]
