"""Values a command stores under a key it names: ``VERB [SCOPE] KEY VALUE`` (DESIGN.md guarantee 1).

Key-value stores, settings databases, CI variables and shells set a value with a verb, the key and
the value as separate words, with no ``=`` or ``:`` between them, so ``assignments`` does not see
them: ``redis-cli SET api_key V``, ``etcdctl put /config/db_password V``, ``consul kv put
app/client_secret V``, ``defaults write com.app Password -string V``, ``dconf write
/org/app/api-key "'V'"``, ``glab variable set PASSWORD V``, ``netlify env:set TOKEN V``, csh's
``setenv API_KEY V`` and ``set password = V``, Windows' ``setx API_KEY V``, U-Boot's ``fw_setenv
password V``, PowerShell's ``Set-Item Env:PASSWORD V`` and ``New-Item -Path Env:PASSWORD -Value
V``, conda's ``config --set password V`` (the lead's probe of setter commands, session 36).

The verb is a word of its own (``set``, ``setenv``, ``setx``, ``put``, ``write``, ``Set-Item``,
``New-Item``, ``--set``), or the last part of one after ``:`` or ``_`` (``env:set``,
``fw_setenv``), placed where a command runs: at most six words after the start of its line, a
prompt or a shell operator, none ending a sentence. After it, one of its first three plain words
among its first eight words (a scope may come first: a domain, a schema) is the key when its last segment (after ``/`` or ``:``) names a secret
as any key does (``key_names.classify_key``), and the next word is the value (after csh's ``=``,
or a value's flag: ``-string``, ``-Value``, ``--body``…), judged as every setter's
(``setters.setter_value``: as if assigned to the key; a name or dictionary word only when it ends
the command): ``setenv PASSWORD $PASSWORD``, ``SET session:42 1``, ``defaults write com.app
FontSize 12`` and prose's ``Write temporary password file before…`` stay.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Span, Trigger
from fedlearn.anonymize.setters import setter_value
from fedlearn.anonymize.shell_words import arguments, unquoted

# The verb word, then a blank (literal-led: the regex engine skips to its first letters); what
# stands before it is read apart (``verb_start``).
VERB = Lazy(r"(?i)(?:set(?:env|x|-item)?|put|write|new-item)[ \t]")
# The same on the lower-case text, tried only where ``str.find`` finds a verb's first letters
# (``VERB_HEADS``: ``set`` leads ``setenv``, ``setx``, ``set-item``); sre's own search stopped at
# every ``s``, ``p``, ``w`` and ``n`` of the text (``verbs``).
LOWER_VERB = Lazy(r"(?:set(?:env|x|-item)?|put|write|new-item)[ \t]")
VERB_HEADS = ("set", "put", "write", "new-item")
BOUNDARY = frozenset(" \t\r\n\"'`(;&|")
PREFIX = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
# At most this many words stand before a command's verb on its line (``sudo redis-cli -h H SET``),
# and its key is one of this many words after it (flags included).
MAX_BEFORE = 6
MAX_WORDS = 8
GIT_CONFIG = Lazy(r"git[ \t]+(?:-[^\s]+[ \t]+)*config[ \t]+\Z")
COMMAND_START = Lazy(r"[;&|`(]|[$#%>][ \t]")
# Flags whose next word is the key (PowerShell's ``-Path``/``-Name``), or the value.
KEY_FLAGS = frozenset({"-path", "-name", "--name", "--key", "-key"})
VALUE_FLAGS = frozenset(
    {"-string", "-value", "--value", "-body", "--body", "-b", "-data", "--data", "-secret"}
    | {"--secret", "-text", "--text", "--secret-string", "-w"}
)
SEGMENT = re.compile(r"[/:]")
# The key's word, at most one word between (``=``, a value's flag), and the value's word, to the
# end of the span ``key_and_value`` found.
WORD = r"(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s\"']\S*)"
KEY_VALUE = Lazy(f"(?P<key>{WORD})[ \t]+(?:[^\\s\"']\\S*[ \t]+)?(?P<value>{WORD})\\Z")


def verb_start(subject: str, at: int) -> int:
    """
    Return where the verb word found at ``at`` starts (``--set``; a prefix joined by ``:`` or
    ``_``: ``env:set``, ``fw_setenv``), or -1 when it is part of another word (``reset``,
    ``output``, ``functions:config:set``).
    """
    before = subject[at - 1] if at else " "
    if before in BOUNDARY:
        return at
    if before == "-" and subject.startswith("--", at - 2):
        return at - 2 if at == 2 or subject[at - 3] in BOUNDARY else -1
    if before not in ":_":
        return -1
    start = at - 1
    while start and subject[start - 1] in PREFIX:
        start -= 1
    return start if start == 0 or subject[start - 1] in BOUNDARY else -1


def at_command(subject: str, start: int) -> bool:
    """Return whether the verb at ``start`` stands where a shell would run a command: at most
    ``MAX_BEFORE`` words before it on its line (or after a prompt or a shell operator), none
    ending a sentence (``…, then set the password …`` is prose)."""
    line = subject.rfind("\n", max(0, start - 300), start) + 1
    # Split from the right, at most ``MAX_BEFORE`` times: more pieces than that means more words
    # (the first piece holds the rest of them, up to the end of the last of them).
    words = subject[line:start].rsplit(None, MAX_BEFORE)
    # With more words than that, only a command start after the last of the rest leaves few
    # enough: one ending at that word's end or later starts at its last character or later (a
    # prompt's blank is no word's). Prose's long lines are read from there, not from their start.
    scan = line if len(words) <= MAX_BEFORE else line + len(words[0]) - 1
    command = -1
    for found in COMMAND_START.compiled.finditer(subject, scan, start):
        command = found.end()
    if command >= 0:
        words = subject[command:start].rsplit(None, MAX_BEFORE)
    return len(words) <= MAX_BEFORE and not any(word[-1] in ".,!?" for word in words)


def is_git_config(subject: str, start: int) -> bool:
    """Return whether the verb is git's ``config set`` (``directives`` reads git's settings:
    ``git config set user.signingkey <key id>`` names a public key)."""
    line = subject.rfind("\n", max(0, start - 300), start) + 1
    return GIT_CONFIG.compiled.search(subject, line, start) is not None


def key_and_value(subject: str, words: list[Span]) -> Span | None:
    """Return the span from the key to the value after a verb's words, or None: the key is one
    of the first three plain words (or a key flag's word) whose last segment names a secret; the
    value is the word after it (after ``=`` or a value's flag)."""
    plain = 0
    at = 0
    while at < min(len(words), MAX_WORDS) and plain < 3:
        word = subject[slice(*unquoted(*words[at], subject))]
        if word.startswith("-") and word.lower() not in KEY_FLAGS:
            at += 1
            continue
        if word.lower() in KEY_FLAGS:
            at += 1
            if at == len(words):
                return None
            word = subject[slice(*unquoted(*words[at], subject))]
        plain += 1
        following = words[at + 1 : at + 3]
        if following and subject[slice(*following[0])].lower() in ("=", *VALUE_FLAGS):
            following = following[1:]
        if following and is_key(word):
            return words[at][0], following[0][1]
        at += 1
    return None


def may_name_a_key(subject: str, end: int) -> bool:
    """Return whether one of the blank-separated pieces of the ``2 * MAX_WORDS`` after the verb,
    without quotes or a flag's dashes, names a secret (``is_key``): ``key_and_value`` reads its
    key among the first ``MAX_WORDS`` words, each one piece or more (a quoted word may hold
    blanks), so where none does it reads none; cheaper than splitting the line into words."""
    stop = subject.find("\n", end, end + 400)
    pieces = subject[end : stop if stop >= 0 else end + 400].split(None, 2 * MAX_WORDS)
    return any(is_key(piece.strip("\\\"'")) for piece in pieces[: 2 * MAX_WORDS])


@functools.lru_cache(maxsize=4096)
def is_key(word: str) -> bool:
    """Return whether a word's last segment names a secret (``key_names.classify_key``); kept for
    the words asked about again (prose's words after a verb: ``set up the``)."""
    if not word or word[0] == "$" or "=" in word:
        return False
    return key_names.classify_key(SEGMENT.split(word)[-1]) is not None


def verbs(lowered: str) -> Iterator[re.Match[str]]:
    """
    Return ``LOWER_VERB``'s ``finditer`` of a lower-case text: its match at each place where
    ``str.find`` finds one of ``VERB_HEADS``, in order. No two matches can overlap (each ends at
    its only blank, and no verb is another's tail), so these are all of them.
    """
    starts = []
    for head in VERB_HEADS:
        at = lowered.find(head)
        while at >= 0:
            starts.append(at)
            at = lowered.find(head, at + 1)
    if not starts:
        return iter(())
    starts.sort()
    match = LOWER_VERB.compiled.match
    return (found for found in map(match, itertools.repeat(lowered), starts) if found)


def stored(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match from each stored value's key to its value (``judge`` reads them)."""
    lowered = subject.lower()
    if len(lowered) == len(subject):  # each character lowered to one: the same positions
        found_verbs = verbs(lowered)
    else:
        found_verbs = VERB.compiled.finditer(subject)
    for found in found_verbs:
        start = verb_start(subject, found.start())
        if start < 0 or not at_command(subject, start) or is_git_config(subject, start):
            continue
        if not may_name_a_key(subject, found.end()):
            continue  # no word after the verb names a secret (prose: ``set up``, ``put it``)
        span = key_and_value(subject, arguments(subject, found.end()))
        match = KEY_VALUE.compiled.match(subject, *span) if span is not None else None
        if match is not None:
            yield match


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the stored value when its key's last segment names a secret
    (``setter_value``)."""
    key = text[slice(*unquoted(*match.span("key"), text))]
    start, end = unquoted(*match.span("value"), text)
    bare = (start, end) == match.span("value")
    if end - start > 2 and text[start] == text[end - 1] == "'":
        start, end = start + 1, end - 1  # dconf's GVariant string in shell quotes: ``"'V'"``
    return setter_value(SEGMENT.split(key)[-1], text, start, end, bare=bare)


def rules() -> list[Rule]:
    """Return the rule for values a command stores under a key it names."""
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(KEY_VALUE.pattern), find=stored, judge=judge),),
            trigger=Trigger(words=("set", "put", "write", "new-item"), lower=True),
            gate=r"(?i)(?:set(?:env|x|-item)?|put|write|new-item)[ \t]",
        ),
    ]
