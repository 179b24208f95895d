"""A value right after a secret word in prose (``secret-value``; DESIGN.md guarantee 1).

``the API key is 0f3c…``, ``guru key 6VgJ1zc9@KGisvZW``: after ``token``, ``secret``,
``password``, ``api key``, ``private key``… and a short gap of words, a value of 16 or more
characters counts when it has letters and digits and is no name, path, host, file, version,
labelled hash or public id. After the bare word ``key``, which names data as often (cache keys,
key ids, fingerprints), ``is_keyed`` wants more. ``foreign_words`` reads the same after a secret
word of another language (``commands.placed`` lists it last). The look rule for tokens standing
alone is ``entropy``'s.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from fedlearn.anonymize import (
    checks,
    heads,
    key_names,
    name_flags,
    public_ids,
    public_keys,
    public_runs,
    words,
)
from fedlearn.anonymize.entropy import (
    HASH_MARK,
    HEX_PART,
    TOKEN_CHARACTERS,
    is_host_or_file,
    is_labelled,
)
from fedlearn.anonymize.probe import Probe
from fedlearn.anonymize.public_objects import is_object_id, is_public_token
from fedlearn.anonymize.references import is_encoded_reference
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret
from fedlearn.anonymize.value_spans import past_escape, value_start

# The UTF-8 bytes of a text mapped to 1 (a character a value after a secret word is made of,
# ``INTRODUCED``'s value) or 0, and what the mapped bytes of a value (16 or more) look like.
VALUE_BYTES = bytes(
    int(chr(byte) in "abcdefghijklmnopqrstuvwxyz0123456789_./+=:@#%^$!-") for byte in range(256)
)
VALUE_RUN = b"\x01" * 16
# The letters and digits of a value after ``key``, its hex parts taken out (``is_keyed``).
ALNUM_RUN = Lazy(r"[A-Za-z0-9]+")
# The word right before ``key`` and one blank, dash or underscore (``kucoin key``, ``plaid-key``).
WORD_BEFORE = Lazy(r"(?<![\w.])([A-Za-z][A-Za-z0-9]*)[ _-]\Z")
# Words before ``key`` that name no provider (``the key``, ``your key``, ``new key``).
NOT_PROVIDER_WORDS = """
    the this that these your our their its his her my new old same next last first any each one
    another random valid invalid correct wrong missing unknown some
"""
NOT_PROVIDERS = frozenset(NOT_PROVIDER_WORDS.split())
# Words before ``key`` that say the hex after it names a public key (``gpg: using RSA key C84D…``)
# or a record (``public_ids.RECORD_KEY_OWNERS``), and words between that say so too (``key id``).
PUBLIC_KEY_WORDS = """
    rsa dsa ecdsa eddsa ed25519 ed448 cv25519 x25519 elgamal ecc nistp256 nistp384 nistp521
    secp256k1 brainpoolp256r1 public pub gpg pgp openpgp host ssh
"""
PUBLIC_KEY_OWNERS = frozenset(PUBLIC_KEY_WORDS.split()) | public_ids.RECORD_KEY_OWNERS
KEY_ID = Lazy(r"(?i)(?<![a-z])(?:ids?|fingerprint|fpr|grip|serial)(?![a-z])")
LEAD_WORDS = (
    r"(?:token|secret[ _-]?key|secret|password|passwd|passphrase|credential|api[ _-]?key"
    r"|access[ _-]?key|private[ _-]?key|auth[ _-]?key|license[ _-]?key|client[ _-]?secret|key)"
)
# A piece of every lead word (``lead_starts`` finds them), and the words that stand before
# ``key`` or ``secret`` in one, maybe with a blank, ``_`` or ``-`` between (``api_key``,
# ``client secret``), by their last two letters: where those lead words start.
LEAD_PARTS = ("key", "pass", "token", "secret", "credential")
HEADED_PARTS = frozenset({"key", "secret"})
LEAD_HEADS = {
    head[-2:]: head for head in ("api", "access", "auth", "private", "license", "secret", "client")
}
# How far from a lead word's start its value's first 16 characters end at most: the longest lead
# word and its ``s`` (``client_secrets``), the gap (24), 16 (``INTRODUCED``).
LEAD_REACH = len("client_secrets") + 24 + 16
# ``LEAD_WORDS`` as ``INTRODUCED`` reads them: the words that share their first letters share
# one branch (sre tries a position's branches one by one: ~14% less search on the bench's texts),
# each branch's words in ``LEAD_WORDS``' order, so a position's first word that leads to a match
# is the same one (``secret`` and a key after it tried before ``secret`` alone; the others differ
# within their branch). A bare ``key`` is ``\bkey`` written ``k(?<!\wk)ey`` (the same test), its
# group in a lookbehind: every branch opens with a letter, so sre skips to the lead words' first
# letters instead of trying the branches at every position (the same matches and groups).
LEAD_BRANCHES = (
    r"(?:token|secret(?:[ _-]?key)?|pass(?:word|wd|phrase)|credential|a(?:pi|ccess|uth)[ _-]?key"
    r"|private[ _-]?key|license[ _-]?key|client[ _-]?secret|k(?<!\wk)ey(?<=(?P<key>key)))"
)
INTRODUCED = (
    LEAD_BRANCHES
    + rf"s?\b(?P<gap>[^\n0-9<>@]{{0,24}}?)(?:(?<![\w.-])|(?<={words.CJK}))"
    + r"(?P<value>[a-z0-9][a-z0-9_./+=:@#%^$!-]{14,}[a-z0-9=])"
)
# ``INTRODUCED`` without its assertions and ``s``, its value cut to its first character after a
# separator, read case-insensitively. No count (one begun at each separator after a lead word
# was ~9 MB of the case-folded RE2 set on bench/audit16); ``long_values`` tests the run.
LEAD_GATE = "(?i)" + LEAD_WORDS + r"[^\n0-9<>@]*[^\n0-9<>@A-Za-z0-9_.-][a-z0-9]"


def lead_starts(subject: str) -> list[int]:
    """
    Return every place in ``subject`` where a lead word of ``INTRODUCED`` can start, unsorted:
    each place of one of ``LEAD_PARTS`` (found by ``str.find``, which tries no branch at each
    letter), and before ``key`` or ``secret`` the start of a ``LEAD_HEADS`` word that ends there
    or one separator before (``api_key``). Every lead word holds a part so, so every match of
    ``INTRODUCED`` starts at one of these (some start none: ``clientkey``).
    """
    starts = []
    for part in LEAD_PARTS:
        headed = part in HEADED_PARTS
        at = subject.find(part)
        while at >= 0:
            starts.append(at)
            if headed and at > 1:
                end = at - 1 if subject[at - 1] in " _-" else at
                head = LEAD_HEADS.get(subject[end - 2 : end])
                if head is not None and subject.endswith(head, 0, end):
                    starts.append(end - len(head))
            at = subject.find(part, at + 1)
    return starts


def matches_at(
    pattern: re.Pattern[str], subject: str, starts: list[int]
) -> Iterator[re.Match[str]]:
    """Yield ``pattern``'s matches tried only at ``starts`` (sorted), none inside the one before:
    ``finditer``'s matches when every match starts at one of them (none is empty)."""
    end = 0
    match = pattern.match
    for at in starts:
        if at >= end:
            found = match(subject, at)
            if found is not None:
                end = found.end()
                yield found


def long_values(pattern: Lazy) -> Callable[[str], Iterator[re.Match[str]]]:
    """
    Return a finder of ``INTRODUCED`` in a lower-case text: what its ``finditer`` finds.

    The regex is tried only where a lead word can start (``lead_starts``): its search stopped at
    each of the lead words' first letters (``t``, ``s``, ``p``, ``c``, ``a``, ``l``, ``k``: a third
    of a text's letters) and tried eleven branches there. A value is 16 or more of
    ``VALUE_BYTES``' characters in a row, tested on the text's bytes first: after the first start
    (a UTF-8 byte's offset is its character's or more), and in an ASCII text (the same offsets)
    within ``LEAD_REACH`` of each start, where it must begin.
    """

    def find(subject: str) -> Iterator[re.Match[str]]:
        starts = lead_starts(subject)
        if not starts:
            return iter(())
        runs = checks.one_bytes(subject, VALUE_BYTES)
        if runs.find(VALUE_RUN, min(starts)) < 0:
            return iter(())
        tried = sorted(set(starts))
        if len(runs) == len(subject):
            tried = [at for at in tried if runs.find(VALUE_RUN, at, at + LEAD_REACH) >= 0]
        return matches_at(pattern.compiled, subject, tried)

    return find


def introduced(match: re.Match[str], text: str, most: int = 4) -> tuple[int, int, str] | None:
    """Return the value after a secret word in prose (``most`` words between) if it reads as one."""
    start, end = past_escape(text, value_start(text, match.start("value"))), match.end("value")
    value = text[start:end]
    if (end < len(text) and text[end] in TOKEN_CHARACTERS) or text.startswith("***", end):
        return None  # a piece of a longer run; a masked key's shown head (``sk-proj-AbCd****``)
    gap, path = match.group("gap"), "/" in value  # ``secret/apps/web/auth-37``: a path under it
    if (
        (gap == "/" and path)
        or not public_ids.is_secret_gap(gap, most)
        or is_encoded_reference(value)
    ):
        return None
    if text.endswith(":", 0, match.start()) or is_host_or_file(value) or is_labelled(value):
        return None  # a placeholder's name (``<redacted:url-credentials>``), a host or a file
    if text.endswith("-", 0, match.start()) and name_flags.is_flag_naming(
        text, match.start(), match.start("gap")
    ):
        return None  # ``aws … --client-token <uuid>``: an idempotency token (``name_flags``)
    if public_ids.is_hash_qualified(text, match.start()) or is_public_token(text, start, value):
        return None  # ``checksum/secret: <sha256>``; an ACME token, a WebSocket key (public)
    if public_ids.is_keyed_public(text, start) or is_object_id(value):
        return None  # under its own id or hash key (``'request_id': '…'``); an API object's id
    if text[max(0, start - 3) : start].rstrip().endswith("{{"):
        return None  # a template's expression (``${{ vars.AUTH_NAME }}``), not a literal
    if not any(c.isdigit() for c in value) or not any(c.isalpha() for c in value):
        return None
    if HASH_MARK.search(text, max(0, start - 16), start) or words.is_named(value):
        return None
    short_hex = checks.is_hexadecimal(value) and len(value.replace("-", "")) < 32
    if short_hex and match.group("key") is None:
        return None  # after ``key``, ``is_keyed`` decides (a provider's key may be shorter)
    if match.group("key") is not None and not is_keyed(value, text, match.start("key")):
        return None
    return (start, end, "") if checks.looks_random(value, minimum=16) else None


def is_keyed(value: str, text: str, word: int) -> bool:
    """
    Return whether a value after the bare word ``key`` (``stripe key 0f3c…``) reads as a secret.

    The word alone says less than ``api key``: it also names cache keys (``key: Linux-pip-<sha>``),
    key ids and fingerprints (``--recv-keys <hex>``). So not after ``keys``, and not hex or a name
    with a hash in it: without its hex parts, 12 or more letters and digits must be left, and none
    of its words may read as one (not ``nix-store-x86_64-linux-<hex>``). Hex counts only
    right after the word and a space (``websitepulse key 2426…``; not ``key: <sha256>``), 32 or more,
    or 20 or more after a provider's name (``kucoin key <hex24>``; not ``the``, ``object`` or
    another word that owns data keys: ``foreign key``, ``cache key``, ``gpg key``).
    """
    after = word + 3
    if text[after : after + 1] in ("s", "S") or public_keys.is_public_after(text, word, value):
        return False  # ``keys``; ``public key …``, an age recipient (``public_keys``)
    if checks.is_hexadecimal(value):
        if text[after : after + 1] != " " or is_public_key_id(text, word, value):
            return False
        if public_runs.is_test_vector(text, value):
            return False
        size = len(value.replace("-", ""))
        return size >= 32 or (size >= 20 and is_provider(text, word))
    parts = ALNUM_RUN.compiled.findall(HEX_PART.compiled.sub("", value))
    if any(part.isalpha() and len(part) >= 3 and words.is_wordy(part) for part in parts):
        return False
    return sum(len(part) for part in parts) >= 12


def is_public_key_id(text: str, word: int, value: str) -> bool:
    """
    Return whether hex after ``key`` at ``word`` names a public key: an algorithm or ``public``
    before the word (``using RSA key <hex>``), or ``id``/``fingerprint`` between it and the hex.
    """
    before = WORD_BEFORE.compiled.search(text, max(0, word - 40), word)
    if before is not None and before.group(1).lower() in PUBLIC_KEY_OWNERS:
        return True
    gap_end = text.find(value, word)
    return KEY_ID.compiled.search(text, word + 3, gap_end if gap_end > 0 else word + 3) is not None


def is_provider(text: str, word: int) -> bool:
    """Return whether the word before ``key`` at ``word`` names a provider, not data or nothing."""
    before = WORD_BEFORE.compiled.search(text, max(0, word - 40), word)
    if before is None:
        return False
    name = before.group(1).lower()
    return len(name) >= 3 and name not in NOT_PROVIDERS and name not in key_names.DATA_OWNERS


@functools.cache
def foreign_lead(least: int) -> re.Pattern[str]:
    """
    Return ``secret-value``'s pattern with a gap of ``least`` to 40 characters: other languages
    put more words before the value (``… lautet``, ``… для стенда:``), a verb among them.
    """
    return re.compile(INTRODUCED.replace("{0,24}?", f"{{{least},40}}?"))


FOREIGN_WORD = Lazy(heads.trie_pattern(words.FOREIGN))
FOREIGN_SPAN = Lazy(r"(?s)(?:(?:.+))")


def foreign(text: str) -> Iterator[re.Match[str]]:
    """
    Yield a match of each value after a secret word of another language (``words.FOREIGN``)
    that ``secret-value`` redacts after the English word read in its place (`` key ``).
    """
    lower = Probe(text).lower
    for found in FOREIGN_WORD.compiled.finditer(lower):
        english = f" {words.FOREIGN[found.group()]} "
        shift = len(english) - (found.end() - found.start())
        read = text[: found.start()] + english + text[found.end() :]
        lower_read, least = Probe(read).lower, 0
        while least <= 40:  # the first value it redacts, past words (``Staging-Umgebung``)
            match = foreign_lead(least).match(lower_read, found.start() + 1)
            if match is None:
                break
            verdict = introduced(match, read, 6)  # six words between, not four
            if verdict is not None:
                yield FOREIGN_SPAN.compiled.match(text, verdict[0] - shift, verdict[1] - shift)  # type: ignore[misc]
                break
            least = match.end("value") - match.start("gap")


def whole(match: re.Match[str], text: str) -> tuple[int, int, str]:
    """Return the span of a match, under its rule's own name."""
    return match.start(), match.end(), ""


def foreign_words() -> Rule:
    """Return the rule for values after a secret word of another language (``foreign``)."""
    return Rule(
        ("secret-value",),
        (Matcher(Lazy(FOREIGN_SPAN.pattern), find=foreign, judge=whole),),
        trigger=Trigger(words=tuple(words.FOREIGN), lower=True),
        gate="(?i)" + "|".join(re.escape(word) for word in words.FOREIGN),
    )


def rules() -> list[Rule]:
    """Return the rule for a value a secret word introduces in prose (``entropy.looks`` follows)."""
    lead = Lazy(INTRODUCED)
    return [
        secret(
            "secret-value",
            Matcher(lead, judge=introduced, find=long_values(lead)),
            gate=LEAD_GATE,
            trigger=Trigger(words=("token", "secret", "pass", "credential", "key"), lower=True),
            lower=True,
        ),
    ]
