"""A value handed over after ``here:``, or shown as the reader's secret (DESIGN.md guarantee 1).

People paste a credential into a chat with ``here: V``, ``here you go: V``, ``here it is: V``
or ``here's my Acme key: V``, the value ending the line (a line break, JSON's ``\\n`` escape, the
string's closing quote or the text's end). ``here`` starts the line (or a JSON string). Two ways:

- with no secret's word before the colon (``here:``, ``here you go:``), the value must read as
  drawn (``checks.looks_random``, 12 or more; mixed cases as no camelCase name does:
  ``checks.is_generated_name``; no ``:``)
  and be no hash, UUID or API object's id, with digits or mixed cases in it (``here: pytest-xdist``
  stays): a pasted commit (``here: <sha1>``), a request id or
  a ``chatcmpl-…`` stays;
- with a secret's word (``here is your key:``, ``here's the token for staging:``), hex of 16 or
  more and a UUID count too, as after ``<owner>_key=``; not when a word says what else it is
  (``here's the key id:``, ``here is the cache key:``).

An instruction that names the reader's secret, then shows it in a code span (``Paste your key
`V` into `config.toml```, ``enter the admin password `V```: ``paste``, ``enter``, ``put``,
``add``, ``set``, ``insert``, ``copy``, ``use``, ``replace``, ``keep``; a determiner, up to two
words, the secret's name) is read the same way: the value as ``framed``'s told values, hex and
UUIDs only after ``your``/``my``/``our`` (``use the key `<sha>``` stays), not after a word
naming data or what else it is (``set the cache key `…```, ``copy the token id `…```).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, entropy, framed, key_names, public_objects
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

HANDED = Lazy(
    r"here(?:'s|\u2019s| is| it is| you go| you are| are)?"
    r"(?P<gap>(?:[ \t]{1,4}[a-z0-9_.()'-]{1,24}){0,5}?)[ \t]*:[ \t]{1,4}"
    r"(?P<q>[`'\"]?)(?P<value>[^\s`'\"<>\\]{8,200}?)(?P=q)[ \t]*(?=\r?\n|\\[nr]|\"|\Z)"
)
SECRET_WORDS = frozenset(
    {
        "key",
        "apikey",
        "api-key",
        "token",
        "password",
        "passwd",
        "passphrase",
        "secret",
        "credential",
        "credentials",
        "pat",
    }
)


def handed_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``HANDED`` match in the lower-case text where ``here`` starts a line."""
    at = subject.find("here")
    while at >= 0:
        before = at
        while before > 0 and subject[before - 1] in " \t":
            before -= 1
        if before == 0 or subject[before - 1] in "\n\"'>" or subject.startswith("\\n", before - 2):
            found = HANDED.compiled.match(subject, at)
            if found is not None:
                yield found
        at = subject.find("here", at + 4)


def handed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a value handed over after ``here:`` when it reads as a secret."""
    gap = [word.strip("()'") for word in match.group("gap").split()]
    named = bool(gap) and gap[-1] in SECRET_WORDS
    if gap and not named:
        return None  # ``here's the request id:``, ``here is the output:``: a value of another kind
    if named and len(gap) >= 2 and gap[-2] in key_names.DATA_OWNERS:
        return None  # ``here is the cache key:``
    value = text[match.start("value") : match.end("value")]
    if public_objects.is_object_id(value):
        return None  # ``chatcmpl-…``, ``req_…``: an API object's id
    if checks.is_hexadecimal(value):  # hashes and UUIDs
        if not named or len(value.replace("-", "")) < 16:
            return None  # a commit, a request id: hex and UUIDs count only under a secret's word
        return match.start("value"), match.end("value"), "secret-value"
    if not named and (
        not checks.looks_random(value, minimum=12)
        or (value.lower() != value != value.upper() and not checks.is_generated_name(value))
        or entropy.is_labelled(value)
        or ":" in value
    ):
        return None  # a name, a model, a labelled hash (``getUserById2``, ``llama3.1:8b``)
    if not any(c.isdigit() for c in value) and value.lower() == value:
        return None  # a name (``here: pytest-xdist``): a draw mixes digits or cases
    return framed.judged_value(match, text)


# An instruction that names the reader's secret and shows it in a code span (an assistant's
# answer: ``Paste your key `V` into `config.toml```, ``enter the admin password `V```).
VERBS = ("paste", "enter", "put", "add", "set", "insert", "copy", "use", "replace", "keep")
PASTED = Lazy(
    rf"(?<![a-z])(?:{'|'.join(VERBS)}) {{1,4}}(?:in {{1,4}})?(?P<owner>your|my|our|the|this) {{1,4}}"
    r"(?P<gap>(?:[a-z0-9_.-]{1,24} {1,4}){0,2}?)"
    r"(?P<name>(?:api[ _-]?)?key|token|secret|password|passphrase) {1,4}"
    r"`(?P<value>[^`\s]{8,200})`"
)
# What a setting's name is set to, after its code span (``set the key `flags_v2` to true``): a
# literal (a boolean, a number, a quoted or code value), not a verb (``to continue``).
SET_TO = Lazy(r" {1,4}to {1,4}(?:(?:true|false|on|off|yes|no|null)\b|[0-9]|[`\"'])", re.IGNORECASE)


def pasted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the code span an instruction shows as the reader's secret, or None."""
    gap = match.group("gap").split()
    if gap and (gap[-1] in key_names.DATA_OWNERS or gap[-1] in framed.NOT_CLAUSES):
        return None  # ``set the cache key `…```, ``copy the token id `…```
    if text[match.start() : match.start() + 4].lower() == "set " and SET_TO.match(
        text, match.end()
    ):
        return None  # ``set the key `wombat_flags_v2` to true``: the span names the setting
    value = text[match.start("value") : match.end("value")]
    if checks.is_hexadecimal(value):  # hashes and UUIDs
        if match.group("owner") in ("the", "this") or len(value.replace("-", "")) < 16:
            return None  # ``use the key `<sha>```: a record's, a commit's as often
        return match.start("value"), match.end("value"), "secret-value"
    return framed.judged_value(match, text)


# A new secret announced with its value (a chat's ``new stripe key: `V```, a tracker's ``New value
# deployed: V``): ``new``/``rotated``/``regenerated``, up to three words, the secret's name (or
# ``value`` with a verb that rolls it out), a colon, the value (in a code span or bare).
ROLLED = ("deployed", "rolled out", "issued", "generated", "rotated")
ANNOUNCED = Lazy(
    r"(?<![a-z0-9_.-])(?:new|rotated|regenerated|fresh)"
    r"(?P<gap>(?:[ \t]{1,4}[a-z0-9_.-]{1,24}){0,3}?)[ \t]{1,4}"
    r"(?P<name>(?:api[ _-]?)?key|token|secret|password|passphrase|credentials?|value)"
    rf"(?:[ \t]{{1,4}}(?P<verb>{'|'.join(ROLLED)}))?[ \t]*:[ \t]{{1,4}}"
    r"(?:`(?P<code>[^`\n]{8,200})`|(?P<value>[^\s`\"\\][^\s\"\\]{7,199}))(?=[\s\"]|\\[nr]|\Z)"
)
# Words that say the value is public or no credential (``new ssh key:``, ``new cache key:``).
PUBLIC = frozenset(("ssh", "gpg", "pgp", "public", "signing", "host", "deploy", "idempotency"))


def announced(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a new secret's value announced after its name and a colon, or None."""
    gap = match.group("gap").split()
    if any(word in PUBLIC or word in key_names.DATA_OWNERS for word in gap):
        return None
    if match.group("name") == "value" and (gap or match.group("verb") is None):
        return None  # ``new value:``, ``the new config value:``: no secret's
    group = "code" if match.group("code") is not None else "value"
    start, end = match.span(group)
    value = text[start:end]
    if value.isdigit() or public_objects.is_object_id(value):
        return None  # an id (``new key: 375502292917220231``, ``req_…``)
    if checks.is_hexadecimal(value):  # hashes and UUIDs: a new secret's, after its name
        return (start, end, "secret-value") if len(value.replace("-", "")) >= 16 else None
    if group == "value":
        return framed.judged_value(match, text)
    code = CODE.compiled.match(value)
    judged = None if code is None else framed.judged_value(code, value)
    return None if judged is None else (start + judged[0], start + judged[1], judged[2])


CODE = Lazy(r"(?P<value>[^ ]*)\Z")


def rules() -> list[Rule]:
    """Return the rules for a value handed over after ``here:`` or shown as the reader's secret."""
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(ANNOUNCED.pattern), judge=announced),),
            trigger=Trigger(  # a blank or a tab after the word, as the pattern and gate read
                words=tuple(
                    f"{word}{blank}"
                    for word in ("new", "rotated", "regenerated", "fresh")
                    for blank in " \t"
                ),
                lower=True,
                needs=":",
            ),
            lower=True,
            gate=r"(?i)(?:new|rotated|regenerated|fresh)[ \t][^\n]*"
            r"(?:key|token|secret|password|passphrase|credentials?|value)[^\n]*:[ \t]",
        ),
        Rule(
            ("secret-value",),
            (Matcher(Lazy(PASTED.pattern), judge=pasted),),
            trigger=Trigger(words=tuple(f"{verb} " for verb in VERBS), lower=True, needs="`"),
            lower=True,
            gate=rf"(?i)(?:{'|'.join(VERBS)})[ \t]+(?:in[ \t]+)?(?:your|my|our|the|this)[ \t][^\n]*"
            r"(?:key|token|secret|password|passphrase) +`",
        ),
        Rule(
            ("secret-value",),
            (Matcher(Lazy(HANDED.pattern), find=handed_values, judge=handed),),
            trigger=Trigger(words=("here",), lower=True),
            lower=True,
            # ``here`` at a line's or a string's start (``where``, ``there`` are no lead).
            gate=r"(?i)(?:^|[\n\"'>]|\\n)[ \t]*here[^\n]*:[ \t]",
        ),
    ]
