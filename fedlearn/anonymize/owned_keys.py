"""A bare ``key`` whose owner is the word, subscript or mapping before it (DESIGN.md guarantee 1).

``key`` alone is a weak key name (a cache or sort key holds a hash or id: those stay), but
``stripe_key`` names a credential (``key_names.is_loose``). People write the owner apart from
``key`` as well, and then the key is the owner's:

- prose, ``here is my Surge key: V``, ``the API key: V``, ``**Stripe Key:** V``: a name before
  ``key``, capitalized or after ``my``/``our``/``your``/``the`` (not a determiner, pronoun or
  other word: ``its key is``, ``restored from key:``);
- a subscript chain, ``$config['argos']['key'] = 'V'``, ``settings["marqo"]["key"] = "V"``;
- a client's constructor, ``Client(key="V")``, ``AcmeClient(key='V')``: the client's key;
- a parent mapping whose first member is ``key``: JSON ``"sacloud": {"key": "V"``, YAML
  ``watson:`` then an indented ``key: V`` on the next line.

The value is judged as after ``<owner>_key=`` (``high-entropy``: it must look generated; hex and
UUIDs count; not a name holding a hash, ``Linux-cargo-<sha256>``); an owner that names data (``cache``, ``primary``, ``sort``: ``key_names.DATA_OWNERS``)
or a public key's owner leaves the value alone, as ``cache_key=<sha256>`` stays; so does a
reference's (``secretKeyRef``, ``remoteRef``): its ``key`` names the secret it points to.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, key_names, public_ids, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.value_spans import TOLD_END

VALUE = r"(?P<q>[`'\"]?)(?P<value>[^\s`'\"<>]{8,200}?)(?P=q)" + TOLD_END
QUOTED = r"(?P<q>['\"])(?P<value>[^\s'\"\\<>]{8,200})(?P=q)"
# A clause of a few lower-case words may stand between ``key`` and its colon (``the ipinfo key
# you asked for: V``, ``the Acme key for staging: V``), not one that says what the value is
# instead (``the SSH key fingerprint: …``, ``the Acme key id: …``).
NOT_CLAUSE_WORDS: tuple[str, ...] = ("fingerprint", "id", "hash", "digest", "checksum", "name")
NOT_CLAUSE_WORDS += ("file", "path", "size", "length", "type")
NOT_CLAUSE = r"(?:" + "|".join(NOT_CLAUSE_WORDS) + r")\b"
# From ``bench/draws29``: one or two asides in parentheses may close the clause (``the Acme key
# you asked for (acme user ops-bot): V``), not one that starts or ends by saying what the value is
# (``the Acme key (fingerprint): …``, ``the key (sha256 hash): …``: ``aside_names_value``).
ASIDE = r"(?P<aside>(?:[ \t]+\([^()\n]{1,80}\)){1,2})"
CLAUSE = r"(?=[ \t]+[a-z'(])(?:[ \t]+(?!" + NOT_CLAUSE + r")[a-z']{1,12}){0,4}(?:" + ASIDE + r")?:"
PROSE = Lazy(
    r"(?<![\w.$'\"\[-])(?P<owner>[A-Za-z][A-Za-z0-9]{1,30}) {1,4}(?:key|Key|KEY)\*{0,2}"
    r"(?:[ \t]*(?::| is|=)|" + CLAUSE + r")\*{0,2}[ \t]*" + VALUE
)
SUBSCRIPT = Lazy(
    r"\[[ \t]*['\"](?P<owner>[A-Za-z][\w-]{1,40})['\"][ \t]*\][ \t]*\[[ \t]*['\"]key['\"][ \t]*\]"
    r"[ \t]*=[ \t]*" + QUOTED
)
MAPPING = Lazy(
    r"(?P<pq>['\"]?)(?P<owner>[A-Za-z][\w-]{1,40})(?P=pq)[ \t]*:[ \t]*\{[ \t]*(?:(?P<kq>['\"])key(?P=kq)[ \t]*|key)"
    r":[ \t]*" + QUOTED
)
NESTED = Lazy(
    r"^(?P<indent>[ \t]*)(?P<owner>[A-Za-z][\w-]{1,40}):[ \t]*\n(?P=indent)[ \t]+key:[ \t]*"
    + VALUE,
    re.MULTILINE,
)
# A client's constructor given a bare ``key`` (``Client(key="V")``, ``surge.SurgeClient(key='V')``):
# the key the client authenticates with.
CALL = Lazy(
    r"(?<![\w$])(?P<owner>(?:[A-Z][A-Za-z0-9]{0,40})?Client)\([ \t]*key[ \t]*=[ \t]*" + QUOTED
)
# Words that make ``<word> key`` no owner's key: determiners, pronouns and a few more.
NOT_OWNER_WORDS = """
    the a an my your our their its his her this that these those no new old same which each every
    any some one is was of for and or to by with as public private secret
"""
NOT_OWNERS = frozenset(NOT_OWNER_WORDS.split())
REFERENCE_ENDINGS = ("ref", "reference")  # Kubernetes' and External Secrets' pointers to a secret


# ``my``/``the``… before the owner, up to two words between (``the curl user key you asked for``).
DETERMINER = Lazy(
    r"(?<![A-Za-z])(?i:my|our|your|their|the|this)[ \t]+(?P<between>(?:[a-z][a-z0-9-]{0,20}[ \t]+){0,2})\Z"
)


def owned(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a bare ``key``'s value when its owner makes it a credential."""
    owner = match.group("owner").lower()
    if owner in NOT_OWNERS or owner in key_names.DATA_OWNERS or owner.endswith(REFERENCE_ENDINGS):
        return None  # ``remoteRef:``/``secretKeyRef:`` then ``key:``: the name of what it points to
    if match.re.pattern == PROSE.pattern and not match.group("owner")[0].isupper():
        start = match.start()
        found = DETERMINER.search(text, max(0, start - 56), start)
        if found is None or any(
            word in key_names.DATA_OWNERS or word in NOT_OWNERS
            for word in found.group("between").split()
        ):
            return None  # ``restored from key: …``: a name, or a name after ``my``/``the``
    if match.re.pattern == PROSE.pattern and aside_names_value(match):
        return None
    key = f"{owner}_key"
    if public_ids.is_public_key(key) or public_ids.is_hash_qualified(text, match.start()):
        return None
    value = match.group("value").rstrip(".,;:") if match.group("q") == "" else match.group("value")
    if not key_names.is_secret_value("high-entropy", key, value):
        return None
    if words.LONG_HEX.search(value) and not checks.is_hexadecimal(value.replace("-", "")):
        return None  # a name holding a hash (``Linux-cargo-<sha256>``): a cache key
    start = match.start("value")
    return start, start + len(value), "high-entropy"


def aside_names_value(match: re.Match[str]) -> bool:
    """Return whether a parenthesized aside before the colon says what the value is instead."""
    aside = match.group("aside")
    if aside is None:
        return False
    for part in aside.split(")"):
        words = part.strip(" \t(").lower().replace("-", " ").replace("_", " ").split()
        if words and (words[0] in NOT_CLAUSE_WORDS or words[-1] in NOT_CLAUSE_WORDS):
            return True
    return False


def rules() -> list[Rule]:
    """Return the rule for a bare ``key`` owned by the word, subscript or mapping before it."""
    return [
        Rule(
            ("high-entropy",),
            tuple(
                Matcher(Lazy(pattern.pattern, pattern.flags), judge=owned)
                for pattern in (PROSE, SUBSCRIPT, MAPPING, NESTED, CALL)
            ),
            trigger=Trigger(words=(" key", " Key", " KEY", "key'", 'key"', "key:", "Client(")),
            gate=r"[A-Za-z0-9][ \t]+(?:key|Key|KEY)\*{0,2}(?:[ \t]*(?::|[ \t]is|=)|[ \t]+[a-z'][a-z' \t]*:|[a-z' \t]*(?:[ \t]\([^()\n]*\))+:)|\[[ \t]*['\"]key['\"][ \t]*\][ \t]*="
            r"|\{[ \t]*['\"]?key['\"]?[ \t]*:|:[ \t]*\n[ \t]+key:|Client\([ \t]*key[ \t]*=",
        ),
    ]
