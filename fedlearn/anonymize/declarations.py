"""Secrets in typed declarations and element attributes (DESIGN.md guarantee 1).

A type between a key and its ``=`` (Rust ``const X_KEY: &str = "…"``, ``static T: &'static str``,
TypeScript ``const apiKey: string = '…'``, Kotlin/Swift/Scala ``val token: String = "…"``,
Python ``API_TOKEN: str = "…"``/``Final[str]``, Go ``const apiKey string = "…"``; a type word
after it: Visual Basic ``Dim apiKey As String = "…"``, T-SQL ``DECLARE @pw NVARCHAR(64) = '…'``), and an
element whose ``name``/``key``/``property``/``id`` attribute names a secret and whose
``content``/``value`` attribute holds it, in any order (``<meta name="x-secret-key"
content="…">``, ``<input value="…" name="api_token">``; a namespace prefix is no part of the
attribute's name: Android's ``<meta-data android:name="…" android:value="…"/>``; a
``defaultValue`` is a value too: an Android managed configuration's ``<restriction
android:key="…" android:defaultValue="…"/>``, bench/contexts41), Windows' ``setx NAME value``, and a
quoted literal after a camelCase key whose secret word has a capitalized qualifier
(``"SecretKeyBase": "…"``, ``apiTokenProd = '…'``), which the key-word gates of ``assignments``
do not see (lower-cased, the qualifier is no separate part). The value is judged as it would be
after ``key=`` (``key_names.is_secret_value``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import (
    basic_literals,
    blocks,
    client_keys,
    code_defaults,
    credential_calls,
    daemon_lines,
    data_urls,
    delimited_settings,
    element_values,
    env_fallbacks,
    irc_logins,
    key_names,
    kv_exports,
    parent_keys,
    placed_args,
    policy_vars,
    reg_exports,
    secret_sections,
    sibling_props,
    subscripts,
    substitutions,
    wrapped,
)
from fedlearn.anonymize.assignments import (
    GATE_WORDS,
    KEY_CHARACTERS,
    KEY_WORDS,
    NAMED_KEY_WORDS,
    key_before,
)
from fedlearn.anonymize.rules import MAX_VALUE, STRING_PREFIX, Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# A quoted value, up to ``rules.MAX_VALUE`` characters (Aiven's tokens are 372).
QUOTED = rf"(?P<q>[\"'`])(?P<value>[^\"'`\n\\]{{1,{MAX_VALUE}}})(?P=q)"
# The string types a declaration may name: Rust, TypeScript, Kotlin/Swift/Scala, Python.
TYPE = r"(?:&(?:'static[ \t]+)?(?:mut[ \t]+)?)?(?:str|String|string|Final(?:\[str\])?|Optional\[str\]|SecretStr)\??"
# A literal's prefix (Rust ``r"…"``/``r#"…"#``, ``rules.STRING_PREFIX``) is no part of the value.
TYPED = Lazy(rf":[ \t]*{TYPE}[ \t]*=[ \t]*(?:{STRING_PREFIX})?{QUOTED}")
GO_TYPED = Lazy(rf" string[ \t]*=[ \t]*{QUOTED}")
# A type word after the key: Visual Basic's ``Dim apiKey As String = "…"``, T-SQL's ``DECLARE
# @password NVARCHAR(64) = N'…'`` (``CHAR``, ``VARCHAR(MAX)``).
WORD_TYPED = Lazy(
    r"[ \t]+(?:[Aa]s[ \t]+[Ss]tring|(?i:n?(?:var)?char)(?:\([ \t]*(?:[0-9]{1,5}|(?i:max))[ \t]*\))?)"
    rf"[ \t]*=[ \t]*N?{QUOTED}"
)
TAG = Lazy(r"<[A-Za-z][A-Za-z0-9:-]*[ \t\n](?P<attributes>[^<>]{1,1000})>")
ATTRIBUTE = Lazy(
    r"(?P<name>[A-Za-z_:][A-Za-z0-9_:.-]*)[ \t\n]*=[ \t\n]*(?:\"(?P<d>[^\"]*)\"|'(?P<s>[^']*)')"
)
# After a key word: a capitalized qualifier, its closing quote, a separator, a quoted literal.
QUALIFIED = Lazy(rf"[A-Z][a-z0-9]{{1,11}}[\"'`]?[ \t]*(?::|=|=>)[ \t]*{QUOTED}")
# ``QUALIFIED`` read backwards, from the literal's closing quote to the qualifier's capital.
QUALIFIED_REVERSED = Lazy(
    r"(?P<q>[\"'`])[^\"'`\n\\]{1,300}(?P=q)[ \t]*(?::|=|>=)[ \t]*[\"'`]?(?P<tail>[0-9a-z]{1,11}[A-Z])"
)
# The words a qualified key's base ends in (``key_names.SUFFIXED_RULES``' endings).
QUALIFIED_WORDS = ("key", "token", "secret", "pass", "pwd", "pw", "psk")
# Windows' ``setx NAME value`` (``/M`` after), as ``NAME=value``.
SETX = Lazy(
    r"setx[ \t]+(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})[ \t]+"
    rf"(?:\"(?P<value>[^\"\n]{{1,{MAX_VALUE}}})\"|(?P<bare>[^\s\"/][^\s\"]{{0,{MAX_VALUE - 1}}}))"
)
KEY_ATTRIBUTES = frozenset({"name", "key", "property", "id", "itemprop", "http-equiv"})
VALUE_ATTRIBUTES = frozenset({"content", "value", "defaultvalue"})


def declared(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a typed declaration's literal when its key names a secret."""
    key, _ = key_before(text, match.start())
    return judged(key, match.group("value"), match.end("value"))


def setx(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of ``setx NAME value``'s value when ``NAME`` names a secret."""
    key = text[match.start("key") : match.end("key")]  # found in the lower-cased text
    group = "value" if match.group("value") is not None else "bare"
    start, end = match.span(group)
    return judged(key, text[start:end], end)


def attributed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of an element's ``content``/``value`` under its named key."""
    key = ""
    value: tuple[int, int] | None = None
    for attribute in ATTRIBUTE.compiled.finditer(text, *match.span("attributes")):
        group = "d" if attribute.group("d") is not None else "s"
        name = attribute.group("name").lower().rpartition(":")[2]  # ``android:name``: ``name``
        if name in KEY_ATTRIBUTES and not key:
            key = attribute.group(group)
        elif name in VALUE_ATTRIBUTES and value is None:
            value = attribute.span(group)
    if not key or value is None:
        return None
    return judged(key, text[value[0] : value[1]], value[1])


def qualified(subject: str) -> Iterator[re.Match[str]]:
    """
    Return the qualifier-to-literal matches right after a key word (``QUALIFIED_WORDS``).

    The scan runs over the reversed text, where each match starts with the literal's closing
    quote (``…"  :"esaByeKterceS"``), so it skips to quotes at memory speed; the word before
    the qualifier is tested after.
    """
    last = len(subject) - 1
    for found in QUALIFIED_REVERSED.finditer(subject[::-1]):
        start = last - found.end("tail") + 1
        match = QUALIFIED.match(subject, start)
        if match is not None and subject[max(0, start - 6) : start].lower().endswith(
            QUALIFIED_WORDS
        ):
            yield match


def qualified_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a literal after a qualified camelCase secret key, or None."""
    start = end = match.start()
    while start > 0 and text[start - 1] in KEY_CHARACTERS:
        start -= 1
    while text[end].isalnum():
        end += 1
    # A dotted path's last name is the key (``networks."iot".pskRaw``, ``cfg.apiTokenProd``).
    key, value = text[start:end].rpartition(".")[2], match.group("value")
    name = key_names.classify_key(key)
    if name is None or not key_names.is_suffixed(key):
        return None  # a key ``assignments`` reads
    if not key_names.is_secret_value(name, key, value):
        return None
    return match.start("value"), match.end("value"), name


def rules() -> list[Rule]:
    """Return the rules for typed declarations and element attributes that hold a secret,
    ``subscripts``' (a secret key's C array initializer or C++ ``assign``), ``blocks``' (a
    YAML block scalar under a secret key), ``wrapped``' (a literal in a call, a returned one),
    ``code_defaults``' (a literal a wrapper, fallback, default or test gives a secret),
    ``element_values``' (an attributed element's text), ``client_keys``' (an API key by
    position), ``parent_keys``' (``key:`` under credentials) and ``secret_sections``' (children
    of ``secrets:``, ``[passwords]``)."""
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    gate_type = (
        r"(?:&(?:'static[ \t]+)?(?:mut[ \t]+)?)?(?:str|string|final|optional\[str\]|secretstr)"
    )
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(TYPED.pattern), judge=declared),
                Matcher(Lazy(GO_TYPED.pattern), judge=declared),
            ),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs="="),
            gate=(
                rf"(?i)(?:{words})[a-z0-9_.-]*[\"'`\]\\ \t?.+!]{{0,4}}"
                rf"(?::[ \t]*{gate_type}|[ \t]string[ \t]*=)"
            ),
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(WORD_TYPED.pattern), judge=declared),),
            trigger=Trigger(words=KEY_WORDS, lower=True, needs="="),
            gate=(rf"(?i)(?:{words})[a-z0-9_]*[ \t]+(?:as[ \t]+string|n?(?:var)?char[ \t]*[(=])"),
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SETX.pattern), judge=setx),),
            trigger=Trigger(words=("setx",), lower=True),
            gate=r"(?i)setx[ \t]",
            lower=True,
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(TAG.pattern), judge=attributed),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs="<"),
            gate=r"(?i)<[a-z][^<>]*(?:content|value)[ \t\n]*=",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(QUALIFIED.pattern), find=qualified, judge=qualified_judge),),
            trigger=Trigger(words=QUALIFIED_WORDS, lower=True),
            gate=(
                r"(?i:key|token|secret|pass|pwd|pw|psk)[A-Z][a-z0-9]{1,11}[\"'`]?[ \t]*(?::|=)[ \t]*"
                r"[\"'`]"
            ),
        ),
        *subscripts.rules(),
        *blocks.rules(),
        *substitutions.rules(),  # ``sed 's/__K__/V/'``, ``perl -pi -e 's|%K%|V|'``
        *delimited_settings.rules(),  # HeidiSQL's ``Servers\\x\\Password<|||>1<|||>V``
        *reg_exports.rules(),  # regedit's ``"K"=hex(2):…`` UTF-16 bytes, PowerShell ``-Name K -Value V``
        *kv_exports.rules(),  # ``consul kv export``/``etcdctl -w json``: base64 ``value`` under its ``key``
        *credential_calls.rules(),  # sbt ``Credentials(realm, host, user, "V")``, ``PasswordAuthentication``
        *env_fallbacks.rules(),  # Ruby ``ENV["K"] ||= "V"``, ``ENV.fetch("K") { "V" }``
        *basic_literals.rules(),  # ``b64encode(b"user:V")``, ``echo -n 'user:V' | base64``, ``CURLOPT_USERPWD``
        *placed_args.rules(),  # ``jwt.encode(p, "V")``, ``getConnection(url, user, "V")``, ``new Stripe("V")``
        *daemon_lines.rules(),  # NUT ``MONITOR … user V primary``, 3proxy ``users u:CL:V``, ``$USER3$=V``
        *data_urls.rules(),  # Butane/Ignition ``path: /etc/x/api-token`` … ``source: data:,V``
        *irc_logins.rules(),  # ``/msg NickServ IDENTIFY V``, ``PASS V``, SASL ``AUTHENTICATE <b64>``
        *policy_vars.rules(),  # CFEngine ``"k" string => "V";``, Zig ``const k: []const u8 = "V";``
        *sibling_props.rules(),  # JMeter's ``<stringProp name="Argument.name">K`` / ``….value">V``
        *wrapped.rules(),
        *code_defaults.rules(),  # ``SecretStr("V", …)``, ``getenv("K") or "V"``, ``default="V"``, R ``<-``
        *element_values.rules(),  # ``<Pass encoding="base64">V</Pass>``, ``<ns:Password xsi:type=…>V``
        *client_keys.rules(),
        *parent_keys.rules(),
        *secret_sections.rules(),  # ``secrets:`` then ``github: V``, ``[passwords]``, ``"tokens": {…}``
    ]
