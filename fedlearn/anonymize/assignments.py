"""Secrets known by their key: ``key=value``, JSON, YAML, TOML, env, ``--flag=``, XML, URLs, CLIs.

The key stays and the value goes (``password=<redacted:password>``). A key counts when it *ends*
with a secret word (``DB_PASSWORD``, ``clientSecret``), so ``password_file``, ``max_tokens`` and
``token_type`` are not secrets. Matching is anchored on the separator (``=``, ``:``, ``>``) and a
lookbehind trie of the key words asserts what precedes it: one memory-speed scan per separator
character finds every key form, whatever the word. A value beside a key word with no separator
(quoted, compared, a flag's) is ``beside_keys``'; the key words and the judgement are here.
"""

from __future__ import annotations

import collections
import functools
import re
from collections.abc import Callable, Iterator

from fedlearn.anonymize import (
    checks,
    code_values,
    heads,
    key_names,
    key_shapes,
    name_flags,
    public_ids,
    public_keys,
    rules,
    value_spans,
    verdicts,
)
from fedlearn.anonymize.git_settings import is_public_in_section, is_public_setting
from fedlearn.anonymize.public_objects import is_public_value
from fedlearn.anonymize.rules import Matcher, Rule
from fedlearn.anonymize.shell_defaults import SECRET_WORDS, shell_default

KEY_CHARACTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"
    + "".join(key_names.FOREIGN_KEYS).upper()
    + "".join(key_names.FOREIGN_KEYS)
)
FILLER_CHARACTERS = frozenset("\"'`]}\\ \t:?.+!*|")  # ``|`` of ``||=`` (``OPERATORS``)
# What may stand between a key and its separator: quotes, a subscript's bracket, blanks; Perl's
# hash subscript closes with a brace (``$ENV{DB_PASSWORD} = …``, ``$cfg->{token} = …``).
FILLERS = ("", '"', "'", "`", '"]', "']", " ", "  ", "\t", '" ', "' ", '\\"', "\\'", '"] ', "'] ")
BRACED = ("}", "} ")
# A bare subscript's bracket: a shell's associative array (``cfg[password]=…``, ``declare -A
# cfg=([api_key]=…)``), awk's and Lua's tables.
SUBSCRIPT = ("]", "] ")
# Markdown's emphasis around a label before its colon (``**Password**: …``, ``*token*: …``).
EMPHASIS = ("*", "**")
# Keys aligned in a column pad with blanks up to the separator: three or more (fewer are fillers).
ALIGNED = ("   ", "\t\t")
ALIGNED_RUN = r"[ \t]{3,64}"
MAX_ALIGNED = 64
# A key's closing quote in JSON escaped twice (a log line's JSON inside a JSON string inside
# JSON: ``{\\\"password\\\": \\\"…\\\"}``).
TWICE_ESCAPED = ('\\\\\\"',)
# A subscript's quotes escaped inside a JSON string (a notebook's ``os.environ[\\"X\\"] = \\"…\\"``).
ESCAPED = ('\\"]', "\\']", '\\"] ', "\\'] ")
# What may stand before ``=`` in an assignment operator: Make ``::=`` ``?=`` ``+=``, PHP ``.=``,
# JavaScript's logical ``??=``/``||=`` and in a comparison (``api_key != "…"``, ``!==``).
OPERATORS = tuple(
    f"{blank}{op}" for op in (":", "::", "?", ".", "+", "!", "??", "||") for blank in ("", " ")
)
GATE_WORDS = (
    "password",
    "passwd",
    "passphrase",
    "passcode",
    "pass",
    "pwd",
    "pw",
    "secret",
    "token",
    "authorization",
    *key_names.WEAK_ENDINGS,
    *key_names.GUARDED,
    *key_names.KEPT_ENDINGS,
    *key_names.FOREIGN_KEYS,
)
# The gate words no other one is part of: one of them is in every key a rule here redacts after.
KEY_WORDS = tuple(
    word for word in GATE_WORDS if not any(other != word and other in word for other in GATE_WORDS)
)
# The trigger words of rules whose gates read no key word (a quoted pair, ``<param name value>``):
# the key words and a camelCase key's last words they miss (``AsanaPat``, ``ObsSk``, ``CosAk``).
NAMED_KEY_WORDS = KEY_WORDS + tuple(
    ending.lower()
    for ending in key_shapes.CAMEL_ENDINGS
    if not any(word in ending.lower() for word in KEY_WORDS)
)
# A value ends at a quote, a separator or a shell expansion (``${``, ``$(``), which refers to one.
# A string literal's prefix before the quote is no part of it (``@"…"``, Rust ``r"…"``,
# Python ``b'…'``: ``rules.STRING_PREFIX``).
# A backslash inside a value is part of it (a printable draw's ``SWEnor\bZjF…``, a ``.properties``
# escape ``elastic\:P@ss…``): not an escape (``\n``, ``\"``, a doubled ``\\``, which JSON inside
# JSON writes before its ``n``), nor one after a blank, a separator or a quote (``C:\Users``).
INNER_BACKSLASH = r"(?<![\s=:\"'`\\])\\(?=[^\s\\\"'`nrtux0])"
VALUE = (
    rf"(?:{rules.STRING_PREFIX})?(?P<q>(?:\\\\)?\\?[\"'`])?"
    rf"(?P<value>(?(q)(?:[^\"'`\n\\]|{INNER_BACKSLASH})+"
    rf"|(?:[^\s\"'`,;&|<>(){{}}\[\]\\$]|\$(?![{{(])|{INNER_BACKSLASH})+))"
)
# After a colon (YAML, headers, prose) an ``&`` is part of the value, not a query separator; and
# a JSON or YAML list's first string is a value too (OpenTelemetry's header attributes are lists:
# ``"http.request.header.authorization": ["Bearer …"]``, from ``bench/telemetry27``).
# A YAML anchor's name (``&name``), before a value or alone before a block.
YAML_ANCHOR = rules.Lazy(r"&[\w.-]{1,64}")
COLON_VALUE = r"(?:\[[ \t]*(?=[\"']))?" + VALUE.replace(",;&|", ",;|")
# An XML namespace prefix and its ``<`` right before a ``:`` (``<auth:RedisPassword>``).
ELEMENT_PREFIX = rules.Lazy(r"<[A-Za-z_][A-Za-z0-9_.-]{0,30}\Z")
# A conditional expression's ``?`` and the quote of its first branch, right before a key word:
# ``hide ? 'password' : 'text'`` picks a string, it assigns none (not ``??`` nor ``?.``).
# A value that sets another option: two or more lower-case words joined by ``-``/``_``, then
# ``=`` (``PASS: build-cores=4`` of a test's output, ``by-relative-path=.`` in a search path).
NESTED_OPTION = rules.Lazy(r"[a-z]{2,}(?:[-_][a-z]{2,})+=")
TERNARY = rules.Lazy(r"(?<![?.])\?[ \t]+[\"'`]\Z")
# An end tag's name, after its ``</`` (``closes_element``).
END_TAG_NAME = rules.Lazy(r"[\w.:-]{1,100}")
# A ``key=value`` word and a blank, right before a key (``is_after_pair``).
PAIR_BEFORE = rules.Lazy(r"(?:^|(?<=[\s(]))[A-Za-z_][\w.-]{0,60}=[^\s,()=]{1,200}[ \t]+\Z")
# An Amazon Resource Name up to its resource type (``arn:aws:secretsmanager:<region>:<account>:``
# before ``secret:<name>``): what follows names a resource, it holds no value.
ARN_HEAD = rules.Lazy(r"\barn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:\Z")


def key_before(text: str, separator: int) -> tuple[str, int]:
    """Return the key ending before the separator at ``separator`` (past quotes), and its start."""
    end = separator
    while end > 0 and separator - end < 4 and text[end - 1] in FILLER_CHARACTERS:
        end -= 1
    if text.endswith(ALIGNED, 0, end) or (
        text[end - 1 : end] in (" ", "\t") and text.endswith(ALIGNED, 0, separator)
    ):
        # Keys aligned in a column (``password       = "…"``, HCL, TOML, ini, pytest's ``-l``
        # locals ``token      = '…'``): a run of blanks, however many the fillers took.
        while end > 0 and separator - end < MAX_ALIGNED and text[end - 1] in " \t":
            end -= 1
    start = end
    while start > 0 and text[start - 1] in KEY_CHARACTERS:
        start -= 1
    return text[start:end], start


def assignment(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """
    Return the span and rule of the value after a separator, when its key names a secret.

    The key is read backwards from the separator; the value must be a literal, not a reference,
    code or prose; after an ``Authorization`` key the scheme word (``Bearer``) stays.
    """
    key, key_start = key_before(text, match.start())
    if match.re.pattern == VALUE_AFTER[">"].pattern and not (
        is_element(text, key_start) and closes_element(text, key, match.end())
    ):
        return None
    # The character before the key ("" at the text's start: ``text.startswith(c, -1)`` would read
    # the text's last one, and ``password: Freedom59$`` lost its value to a ``$`` at its end).
    before = text[key_start - 1 : key_start] if key_start else ""
    if before == "+" and text[key_start - 2 : key_start - 1].isalnum():
        return None  # the tail of a base64 run (``…Qd7+pw==,type:str]``: sops' tag), no key
    name = key_names.classify_key(key)
    if name is None or is_public_setting(key) or public_ids.is_hash_qualified(text, key_start):
        return None  # git's ``user.signingkey=`` (``git config -l``) too: ``git_settings``
    if is_public_in_section(text, key_start, key):
        return None  # ``[user]`` then ``signingkey = …`` in a ``.gitconfig``
    if key.startswith("--") and name_flags.names_secret(text, key_start, key):
        return None  # ``gcloud secrets versions access 1 --secret=NAME``: a secret's name
    if TERNARY.search(text, max(0, key_start - 8), key_start):
        return None  # the branches of a conditional expression (``c ? 'password' : 'text'``)
    window = max(0, key_start - 96)
    if before == ":" and ARN_HEAD.search(text, window, key_start):
        return None  # an ARN's resource type and name (``…:123456789012:secret:app/db``)
    if key.lower() == "key" and public_keys.is_after_public(text, key_start):
        return None  # ``public key: …`` (``wg show``, ``age-keygen``)
    if text.endswith("${", 0, key_start):
        return shell_default(text, key_start + len(key), name, key)
    if before == "$" and match.re.pattern == VALUE_AFTER[":"].pattern:
        return None  # a variable's expansion before a list's ``:`` (``NIX_PATH=a=$PWD:b=.``)
    start, end = match.span("value")
    if code_values.is_prompt(text, key_start, start) or code_values.is_role(text, match.start()):
        return None  # a prompt's text (``prompt='Password: ', stream=None``); ``Pass :meth:`f```
    if name == "authorization":
        start, end = value_spans.scheme_skipped(text, start, end)
        unquoted = match.group("q") is None and start == match.start("value")
        if unquoted and code_values.is_header_code(text[start:end], text[end : end + 3]):
            return None  # ``headers["Authorization"] = self.build_header(…)``, ``opts.token``
    elif match.group("q") is None:
        end = value_spans.past_semicolons(text, start, end)
        end = value_spans.past_symbols(text, start, value_spans.past_commas(text, end))
    else:
        end = value_spans.past_other_quote(text, match.group("q"), start, end)
    value = text[start:end]
    if public_keys.is_age_recipient(value) or NESTED_OPTION.match(value):
        return None  # an age recipient; another option's setting (``PASS: build-cores=4``)
    if verdicts.is_test_name(text, key, start, end):
        return None  # a test runner's verdict (``--- PASS: TestLogin (0.00s)``)
    if value.startswith("!!") and value[2:].isalpha():
        return None  # a YAML tag alone (``password: !!null``)
    if (
        value.startswith("&")
        and YAML_ANCHOR.fullmatch(value)
        and match.re.pattern == VALUE_AFTER[":"].pattern
    ):
        return None  # a YAML anchor alone: the mapping below it (``api_secrets: &secrets``)
    if match.group("q") is None and name != "authorization":
        following = text[end : end + 3]
        word = SECRET_WORDS.get(name, "")
        paired = following.lstrip(" \t").startswith(")") and is_after_pair(text, key_start)
        if checks.is_code(value, key, word, following, paired) or checks.is_prose(value, following):
            return None
        if code_values.is_unpacked(text, key_start, value):
            return None  # ``smtp.user, smtp.password = sim_auth``
    if is_public_value(name, text, start, value):
        return None  # an ACME challenge's token, a labelled digest (``public_objects``)
    return (start, end, name) if key_names.is_secret_value(name, key, value) else None


def is_after_pair(text: str, key_start: int) -> bool:
    """
    Return whether the key at ``key_start`` follows another ``key=value`` and a blank, as a log's
    pairs do (``init failed (endpoint=https://… secret_key=V)``); a call's keyword arguments
    follow ``(`` or ``,`` (``f(endpoint=url, secret_key=secret_key)``).
    """
    return PAIR_BEFORE.search(text, max(0, key_start - 200), key_start) is not None


def is_element(text: str, key_start: int) -> bool:
    """Return whether the key at ``key_start`` names an element: ``<Key>`` or ``<ns:Key>``."""
    before = text[key_start - 1 : key_start] if key_start else ""
    if before == "<":
        return True
    if before != ":":
        return False
    colon = key_start - 1
    if text.endswith("<redacted", 0, colon):
        return False  # a placeholder (``<redacted:password>&quot;</pre>``), no element
    return ELEMENT_PREFIX.search(text, max(0, colon - 32), colon) is not None


def closes_element(text: str, key: str, end_tag: int) -> bool:
    """
    Return whether the end tag whose name starts at ``end_tag`` (after ``</``) closes the element
    ``key`` names: its name is the key, or ends in it after a namespace prefix (``</ns:Key>``).
    ``curl -u <user:password> https://…]]></ac:plain-text-body>`` opens no element there.
    """
    found = END_TAG_NAME.match(text, end_tag)
    name = found.group().lower() if found is not None else ""
    return name == key.lower() or name.endswith(":" + key.lower())


def fillers_of(separator: str) -> tuple[str, ...]:
    """Return what may stand between a key and ``separator`` ("" included)."""
    if separator == ">":
        return ("",)
    if separator == "=":
        return (*FILLERS, *ESCAPED, *OPERATORS, *BRACED, *SUBSCRIPT, *TWICE_ESCAPED)
    return (*FILLERS, *TWICE_ESCAPED, *EMPHASIS)


@functools.cache
def key_gate(separator: str) -> re.Pattern[str]:
    """
    Return the pattern, over the *reversed* text, of a separator preceded by a key word.

    Reversed, ``api_key": "…`` reads ``…" :"yek_ipa``: the separator comes first, so the pattern
    starts with a literal, an optional filler follows, then the words as a trie. Neither fillers nor
    words hold a separator, so a match holds only the one it starts with and ``finditer`` finds
    every separator after a key word. Compiled on first use (see ``assignments``).
    """
    fillers = (filler[::-1] for filler in fillers_of(separator) if filler)
    # Not a trie: a filler that extends another (`` "`` after `` ``) must stay, words follow it.
    filler = "|".join(re.escape(filler) for filler in sorted(fillers, key=len, reverse=True))
    words = heads.trie_pattern(word[::-1] for word in GATE_WORDS)
    # ``SUFFIX`` reversed. Possessive runs: a key never starts with a blank and ``[_.-]`` is no
    # letter or digit, so giving characters back never helps (the same matches, fewer tries).
    # A global constant's closing ``__`` (``__API_KEY__: …``, webpack's ``DefinePlugin``) too.
    suffix = r"(?:__|[a-z0-9]{1,12}+[_.-])?"
    stems = heads.trie_pattern(stem[::-1] for stem in key_shapes.AFFIXED_STEMS)
    keys = f"(?:{suffix}{words}|{key_shapes.AFFIX_TAIL}{stems})"  # ``secrete``: a tail, reversed
    if filler:
        filler = f"{ALIGNED_RUN}+|{filler}"
    return re.compile(re.escape(separator) + (f"(?:{filler})?" if filler else "") + keys)


VALUE_AFTER = {
    "=": rules.Lazy(r"=(?:==?|>)?[ \t]*" + VALUE),
    # ``**Token:** …``; YAML's standard tags and an anchor stand before the value
    # (``password: !!str V``, ``api_key: &api_key V``, either order).
    ":": rules.Lazy(
        r":=?(?:\*\*?(?=[ \t]))?[ \t]*(?:(?:!![a-z]{1,12}|&[\w.-]{1,64})[ \t]+){0,2}+" + COLON_VALUE
    ),
    # An element's text, maybe on a line of its own in pretty-printed XML (``<password>⏎  V⏎</``).
    ">": rules.Lazy(r">(?:\r?\n[ \t]*)?(?P<q>)(?P<value>[^<\n]{1,200})(?:\r?\n[ \t]*)?</"),
}


# A value runs at most up to the separator of the eighth key assignment after its own: no real
# value holds so many (``key=key=key=…`` would make each key read the rest of its line).
MAX_KEYS_IN_VALUE = 8


def assignments(separator: str) -> Callable[[str], Iterator[re.Match[str]]]:
    """
    Return a finder of ``<separator><value>`` after every key word.

    It scans the reversed text for the separator followed by a reversed key word, and yields the
    match of separator and value at that place in the text; ``assignment`` reads the key before it.
    """
    value = VALUE_AFTER[separator]

    def find(subject: str) -> Iterator[re.Match[str]]:
        last = len(subject) - 1
        following: collections.deque[int] = collections.deque(maxlen=MAX_KEYS_IN_VALUE)
        for found in key_gate(separator).finditer(subject[::-1]):
            at = last - found.start()
            end = following[0] if len(following) == MAX_KEYS_IN_VALUE else len(subject)
            following.append(at)
            match = value.match(subject, at, end)
            if match:
                yield match

    return find


def keyed() -> list[Rule]:
    """Return the rules for secrets after a key word and a separator (``=``, ``:``, ``>``), in
    priority order; ``beside_keys.keyed`` (quoted, compared, a flag's) follows them."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    stems = "|".join(re.escape(stem) for stem in key_shapes.AFFIXED_STEMS)
    keys = f"(?:(?:{words}){key_names.SUFFIX}(?:__)?|(?:{stems}){key_shapes.AFFIX_TAIL})"
    return [
        Rule(
            key_names.NAMES,
            (Matcher(VALUE_AFTER[separator], find=assignments(separator), judge=assignment),),
            trigger=rules.Trigger(words=KEY_WORDS, lower=True, needs=separator),
            lower=True,
            gate=rf"(?i){keys}{filler}[ \t]*{re.escape(separator)}",
        )
        for separator, filler in (
            ("=", r"[\"'`\]}\\ \t:?.+!|]{0,4}"),
            (":", r"[\"'`\]\\ \t*]{0,4}"),
            (">", ""),
        )
    ]
