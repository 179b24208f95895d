"""Secrets told in the prose of other languages (DESIGN.md guarantee 1).

``framed``'s told values (``the password is V``) in the words of other languages: a secret's
word (``words.FOREIGN``: ``Schlüssel``, ``clé``, ``clave``, ``ключ``, ``キー``, ``密钥``,
``jeton``, ``токен``, ``Passwort``…), up to five words (``d'API hashicorp``, ``für staging``),
then a copula of a language (``ist``, ``lautet``, ``est``, ``es``, ``é``, ``är``, ``adalah``, ``là``, ``er``,
``on``, ``jest``, ``to``, ``это``, ``is``, ``είναι``, ``הוא``, ``هي``, ``คือ``; unspaced ``是``, ``为``, ``は``, ``는``…; a colon or a dash
after the word: ``APIキー：V``, ``токен shopify — V``), then the value, bare or quoted
(``«…»``, ``„…“``, ``「…」``); a Turkish word may take its possessive suffix (``şifresi: V``), a
Scandinavian one its definite suffix (``Lösenordet är V``); after a word for password, a value
of 8 characters that reads generated is one (``framed.judged_value``).
An English secret word takes the Romance and Germanic copulas only (``das Token ist: V``, ``el
token es V``), also ending a capitalized camelCase word (``Der ApiToken lautet V``); its own
forms are ``framed``'s. The value is ASCII, ends at a blank, punctuation
or the next non-ASCII character (``是V，为什么``), and must read as ``framed``'s told values do:
generated, or a password a person chose; no word, name, path, host or URL (``Das Passwort ist
falsch``, ``Der Schlüssel ist 4096 Bit lang`` stay). From ``bench/contexts33`` and
``bench/telemetry27``: a value English gives as ``my api key is V`` (``owned_keys``: judged as
after ``api_key=``) is a secret told abroad too, when it reads as generated under that key and
holds a lower-case letter and a digit or a capital past its first letter (``APIキー：XjPSUOhREIN``, ``clé d'API est
thisIsDog11``, ``AuthToken lautet QKpzt=PipW``): a word of the language the English lists do not
know (``abgelaufen``, ``Ungültig``) does neither.
``secret_words.foreign`` takes a long value after such a word without a copula.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import entropy, framed, heads, key_names, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

ENGLISH = ("token", "api key", "api-key", "apikey", "password", "secret")
# Copulas after a blank (and before a blank or a colon); ``ENGLISH_COPULAS`` for English words.
ENGLISH_COPULAS = ("ist", "lautet", "est", "es", "era", "é", "è", "är", "adalah", "ialah", "là")
# Greek, Hebrew (he, she) and Thai ones too (bench/contexts34: ``הטוקן של X הוא V``, ``โทเค็นของ X คือ V``).
COPULAS = (
    *ENGLISH_COPULAS,
    *("er", "on", "jest", "je", "to", "это", "is", "sind", "sont", "son"),
    *("είναι", "הוא", "היא", "هي", "هو", "คือ"),
)
# Copulas glued to the word or value (Chinese, Japanese, Korean), and punctuation that says it.
GLUED = ("是", "为", "為", "は", "が", "는", "은", "이", "가", ":", "\uff1a", "\u2014", "\u2013")
NAMES = (*words.FOREIGN, *ENGLISH)
NAME = Lazy(heads.trie_pattern(NAMES))
QUOTES_OPEN = "«„“\"'`「『"
QUOTES_CLOSE = "»“”\"'`」』"
VALUE = "[!#-&(-;=?-_a-~]"  # printable ASCII but quotes and ``<>``
# A name's parts: a capitalized or camelCase word with a number after it, a number (``4o``).
NAME_PARTS = re.compile(r"[-._/]")
NAMED_PART = re.compile(r"[A-Za-z][a-z]*(?:[A-Z][a-z]+)*[0-9]*|[0-9]+[A-Za-z]?")
# Turkish marks a possessed noun with a suffix (its, my, your: ``-(s)I``, ``-(I)m``, ``-(I)n``,
# ``-(I)mIz``, ``-(I)nIz``, I a vowel of ``\u0131iu\u00fc``, dropped after a vowel): ``şifresi``,
# ``şifreniz``, ``şifrem``, ``API anahtar\u0131: V``; the word is the same.
POSSESSIVE = "(?:s?[\u0131iu\u00fc]|[\u0131iu\u00fc]?[mn](?:[\u0131iu\u00fc]z)?)?"
# Swedish, Norwegian and Danish mark a definite noun with a suffix: ``lösenordet``, ``passordet``,
# ``adgangskoden``; the word is the same.
DEFINITE = "(?:et|en|n)?"
TOLD = Lazy(
    rf"(?P<name>{heads.trie_pattern(NAMES)}){POSSESSIVE}{DEFINITE}"
    r"(?P<gap>(?:[ \t]{1,4}[^\s:\uff1a\u2014\u2013]{1,24}){0,5}?)"
    rf"(?:[ \t]{{1,4}}(?P<copula>{'|'.join(COPULAS)})(?=[ \t:])[ \t]{{0,4}}:?"
    rf"|[ \t]{{0,4}}(?P<glued>{'|'.join(GLUED)}))"
    rf"[ \t]{{0,4}}(?P<q>[{QUOTES_OPEN}]?)[ \t]{{0,2}}(?P<value>{VALUE}{{6,200}}?)"
    rf"(?:[ \t]{{0,2}}[{QUOTES_CLOSE}]|(?=[\s,;)]|[.!?:](?:\s|\Z)|\Z|[^\x00-\x7f]))"
)


def told_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield each ``TOLD`` match in the lower-case text, tried where a secret's word starts."""
    for found in NAME.compiled.finditer(subject):
        match = TOLD.compiled.match(subject, found.start())
        if match is not None:
            yield match


def camel(text: str, start: int) -> bool:
    """Return whether the word at ``start`` ends a camelCase compound of letters (``ApiToken``)."""
    if not (text[start].isupper() and text[start - 1].islower()):
        return False  # ``monkey``, ``X_TOKEN``, ``apitoken``
    begin = start
    while begin and text[begin - 1].isalpha():
        begin -= 1
    return (begin == 0 or text[begin - 1] in " \t>\"'(") and text[begin].isupper()


def told(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a value told after a secret's word of another language, or None."""
    name, copula = match.group("name"), match.group("copula")
    if name in ENGLISH:
        start = match.start()
        if (
            start
            and (text[start - 1].isalnum() or text[start - 1] in "_-.")
            and not camel(text, start)
        ):
            return None  # a word ending in it (``monkey``), a key (``X_TOKEN``): the key rules'
        if copula not in ENGLISH_COPULAS:
            return None  # ``token: V``, ``token is V``: English, ``framed``'s and the key rules'
    if entropy.is_host_or_file(match.group("value")):
        return None
    found = framed.judged_value(match, text)
    if found is not None:
        return found
    value = text[match.start("value") : match.end("value")].rstrip(".,;:")
    if not reads_as_key_value(value):
        return None
    return match.start("value"), match.start("value") + len(value), "secret-value"


def reads_as_key_value(value: str) -> bool:
    """
    Return whether a told ``value`` reads as generated under ``api_key=`` (``owned_keys``'
    judgement of ``my api key is V``) and holds a lower-case letter and a digit or a capital past
    its first letter: a word of any language is all lower case, or capitalized, capitals with
    digits name a thing (``AES-256-GCM``), and so do words with numbers joined by ``-``/``.``.
    """
    if len(value) < 8 or "://" in value or "/" in value or framed.ADDRESS.fullmatch(value):
        return False  # a URL, a path, an address: ``framed.judged_value``'s
    if not any(map(str.islower, value)):
        return False  # capitals and digits name a thing (``AES-256-GCM``, ``X25519``)
    if not any(map(str.isdigit, value)) and not any(map(str.isupper, value[1:])):
        return False
    if len(parts := NAME_PARTS.split(value)) > 1 and all(map(NAMED_PART.fullmatch, parts)):
        return False  # names and versions joined (``gpt-4o-mini``, ``Python3.12``)
    return key_names.is_secret_value("high-entropy", "api_key", value)


def rules() -> list[Rule]:
    """Return the rule for values told after a secret's word of another language."""
    names = "|".join(re.escape(name) for name in words.FOREIGN)
    return [
        Rule(
            ("secret-value",),
            (Matcher(Lazy(TOLD.pattern), find=told_values, judge=told),),
            trigger=Trigger(words=NAMES, lower=True),
            lower=True,
            gate=rf"(?i)(?:{names})[^\n]*(?:[ \t](?:{'|'.join(COPULAS)})[ \t:]|{'|'.join(GLUED)})"
            # An English word (each holds one of ``framed``'s gate heads) with the head of
            # ``framed``'s told gate, so the two share their automaton's states (a head list of its
            # own grew the set's automaton by 4 MB on bench/audit16).
            rf"|(?:pw|pass|secret|token|cred|key)[^\n]*[ \t](?:{'|'.join(ENGLISH_COPULAS)})[ \t:]",
        ),
    ]
