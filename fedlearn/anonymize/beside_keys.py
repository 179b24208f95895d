"""Secrets beside a key word, with no assignment separator after it: the other forms of ``keyed``.

A literal right after a key word and a blank or ``(`` (``password "…";``, ``secret("…")``), a
literal compared to a key (``"…" == password``, ``"…" !== secret``), a flag's value
(``--api-key …``), and a secret key's fallback literal (``process.env.API_TOKEN || "…"``,
``$config['secret'] ?? '…'``, Kotlin's ``System.getenv("API_TOKEN") ?: "…"``, judged as if assigned). A literal that is not assigned is often a
name (``getSecret("api")``), so it must also look generated. The key words, the value pattern and the judgement of a value are
``assignments``'; its rules come first (``keyed`` there, then ``keyed`` here).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from fedlearn.anonymize import (
    asked_messages,
    build_fields,
    checks,
    conda_tokens,
    consoles,
    cracked,
    directives,
    dumps,
    echoed_files,
    echoed_passwords,
    entities,
    go_headers,
    heads,
    html_tables,
    http_configs,
    key_shapes,
    label_values,
    latex_macros,
    listed_values,
    login_pairs,
    lookups,
    name_flags,
    named_elements,
    nixout,
    pointers,
    preseeds,
    printf_frames,
    public_handles,
    readouts,
    redis_commands,
    rules,
    schema_defaults,
    secret_objects,
    setting_reads,
    setting_writes,
    slot_values,
    spaced_pairs,
    sql_copy,
    store_reads,
    string_dumps,
    terms,
    text_entities,
    typed_values,
    wire_logins,
    word_diffs,
    words,
    wrapped_values,
)
from fedlearn.anonymize.assignments import GATE_WORDS, KEY_CHARACTERS, KEY_WORDS, VALUE
from fedlearn.anonymize.key_names import NAMES, classify_key, is_secret_value
from fedlearn.anonymize.per_text import line_start, per_text
from fedlearn.anonymize.rules import Matcher, Rule

# A string literal: what ``quoted`` finds after a key word and ``compared`` before one, up to
# ``rules.MAX_VALUE`` characters (Aiven's tokens are 372).
LITERAL = rules.Lazy(rf"(?P<q>[\"'`])(?P<value>[^\"'`\n\\]{{1,{rules.MAX_VALUE}}})(?P=q)")
# The reversed text: a quote, then a blank or an opening parenthesis, then a key word (reversed):
# ``secret("…`` and ``password "…`` read ``…"(terces`` and ``…" drowssap``.
QUOTED_AFTER = rules.Lazy(
    r"[\"'`](?:[ \t]{1,2}|\([ \t]?)" + heads.trie_pattern(word[::-1] for word in GATE_WORDS)
)
# A literal compared to a key: ``"…" == password``, ``"…" !== secret``.
COMPARED = rules.Lazy(r"[\"'`][ \t]*(?:===?|!==?)[ \t]*(?P<key>[A-Za-z_$@][A-Za-z0-9_.$-]{0,80})")
# A literal after ``||``, ``??`` or ``?:`` (Kotlin's, Groovy's and PHP's Elvis); ``fallback``
# reads the key before the operator (``process.env.X_TOKEN``, ``env["X_TOKEN"]``,
# ``$cfg['secret']``, ``System.getenv("X_TOKEN")``): the key's default value.
# The literal holds any character but its own quote (``"…`…"``: a drawn token's backtick).
# Rust's closures count as the operator (``unwrap_or_else(|_| "…".to_string())``).
FALLBACK = rules.Lazy(
    r"(?:\|\||\?\?|\?:|\|_\|)[ \t]*(?P<q>[\"'`])(?P<value>(?:(?!(?P=q))[^\n\\]){1,200})(?P=q)"
)
FALLBACK_OPERATORS = ("||", "??", "?:", "|_|")


def is_quoted_secret(key: str, value: str) -> bool:
    """
    Return whether a literal next to ``key`` but not assigned to it (``secret("…")``) is a secret.

    Such a literal is often a name (``kubectl get secret "db-creds"``, ``getSecret("api")``), so
    it must look generated as well, whatever the key names: varied classes, or decimal digits a
    token's key takes (``key_shapes.is_generated_under``: ``.accessToken("<25 digits>")``).
    """
    name = classify_key(key)
    if name is None or not is_secret_value(name, key, value):
        return False
    if value.isdigit():
        return key_shapes.is_generated_under(key, value)
    return checks.looks_random(value, minimum=8) and not words.is_named(value)


def quoted(subject: str) -> Iterator[re.Match[str]]:
    """Return the string literals right after a key word and a blank or ``(`` (``secret("…")``)."""
    last = len(subject) - 1
    for found in QUOTED_AFTER.compiled.finditer(subject[::-1]):
        match = LITERAL.match(subject, last - found.start())
        if match:
            yield match


def quoted_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a literal after a key word (``password "…";``), or None."""
    before = match.start()
    while before > 0 and text[before - 1] in " \t(":
        before -= 1
    start = before
    while start > 0 and text[start - 1] in KEY_CHARACTERS:
        start -= 1
    key, value = text[start:before], text[match.start("value") : match.end("value")]
    if not is_quoted_secret(key, value):
        return None
    if public_handles.is_named_public(text, match.start("value"), value):
        return None  # ``credential '<id>'`` about a passkey, a KSUID (``public_handles``)
    name = classify_key(key) or ""
    return match.start("value"), match.end("value"), name


def compared(subject: str) -> Iterator[re.Match[str]]:
    """Return the comparisons of a literal to a name (``"…" == password``)."""
    return COMPARED.compiled.finditer(subject)


def compared_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a literal compared to a key (``"…" !== secret``), or None."""
    quote = text[match.start()]
    end = match.start()
    start = text.rfind(quote, max(0, end - 201), end)
    if start < 0 or "\n" in text[start:end]:
        return None
    key, value = match.group("key"), text[start + 1 : end]
    if not value or not is_quoted_secret(key.rsplit(".", 1)[-1], value):
        return None
    return start + 1, end, classify_key(key.rsplit(".", 1)[-1]) or ""


def fallbacks(subject: str) -> Iterator[re.Match[str]]:
    """Return the literals right after each ``||``, ``??`` and ``?:`` (found by ``str.find``)."""
    for operator in FALLBACK_OPERATORS:
        at = subject.find(operator)
        while at >= 0:
            match = FALLBACK.compiled.match(subject, at)
            if match:
                yield match
            at = subject.find(operator, at + 2)


def fallback(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a secret key's fallback literal (``env.X_TOKEN || "…"``)."""
    end = match.start()
    while end > 0 and match.start() - end < 4 and text[end - 1] in " \t\"'`])":
        end -= 1
    start = end
    while start > 0 and end - start < 80 and text[start - 1] in KEY_CHARACTERS:
        start -= 1
    key = text[start:end].rsplit(".", 1)[-1]
    name = classify_key(key)
    value = match.group("value")
    if name is None:
        # Not a key before the operator (``… as? String ?? "…"``, ``.unwrap_or_else(|_| "…"``):
        # the name the line assigns the expression to (``let apiKey = …``) or the one it reads
        # (``env::var("API_KEY")``) is its key.
        for key in fallback_keys(text, start):
            name = classify_key(key)
            if name is not None and is_secret_value(name, key, value):
                return match.start("value"), match.end("value"), name
        return None
    if not is_secret_value(name, key, value):
        return None
    return match.start("value"), match.end("value"), name


# What OpenSSL's one-dash ``-pass``/``-passin``/``-passout`` take: a source, then its argument.
OPENSSL_SOURCES = ("pass:", "env:", "file:", "fd:", "stdin")


# The name a line assigns to (``let apiKey =``, ``val token: String =``, ``const API_KEY =``), and
# the last quoted name the expression reads before the operator (``env::var("API_KEY")``).
ASSIGNED = rules.Lazy(
    r"[ \t]*(?:(?:let|var|val|const|final|static|my|local)[ \t]+)*(?:mut[ \t]+)?"
    r"(?P<key>[A-Za-z_$][\w$.]{0,80})[ \t]*(?::[^=\n]{1,40})?=(?![=>])"
)
READ_NAME = rules.Lazy(r"\([ \t]*[\"'](?P<key>[A-Za-z_][\w.-]{1,80})[\"'][ \t]*\)")


def fallback_keys(text: str, operator: int) -> list[str]:
    """Return the keys a fallback whose operator follows no key may have: the line's assigned
    name, then the last quoted name read before the operator."""
    line = line_start(text, operator)
    keys = []
    assigned = ASSIGNED.match(text, line, operator)
    if assigned is not None:
        keys.append(assigned.group("key").rsplit(".", 1)[-1])
    starts, ends, names = read_names(text)
    index = bisect.bisect_right(ends, operator) - 1  # the last read that ends before the operator
    if index >= 0 and starts[index] >= line:
        keys.append(names[index])
    return keys


@per_text
def read_names(text: str) -> tuple[list[int], list[int], list[str]]:
    """Return where each quoted name a text reads (``READ_NAME``) starts and ends, and the name:
    found once per text, not along the line for each fallback (a minified line's ``||"…"``). The
    reads never overlap (each holds one ``(``), so the text's are the line's."""
    found = list(READ_NAME.compiled.finditer(text))
    return [m.start() for m in found], [m.end() for m in found], [m.group("key") for m in found]


def flagged(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of ``--flag value`` when the flag names a secret, else None."""
    name = classify_key(match.group("flag"))
    if name is None:
        return None
    start = match.start()
    if start > 0 and text[start - 1] not in " \t\"'(=\n":
        return None
    if name_flags.names_secret(text, start, match.group("flag")):
        return None  # ``lpass show --password NAME``, ``docker service create --secret NAME``
    value_start, value_end = match.span("value")
    if not text.startswith("--", start) and text.startswith(OPENSSL_SOURCES, value_start):
        return None  # OpenSSL's ``-pass pass:V``, ``-pass env:VAR``: ``commands``' own
    if not is_secret_value(name, match.group("flag"), text[value_start:value_end]):
        return None
    return value_start, value_end, name


def keyed() -> list[Rule]:
    """Return the rules for secrets beside a key word (quoted, compared, a flag's, a fallback, then
    ``terms``', ``entities``', ``directives``', ``nixout``' and ``readouts``'), in priority order; ``assignments.keyed`` comes before them."""
    # ``--flag V``; Go's flag package takes one dash (``consul … -token V``, ``plink -pw V``).
    # A value may start with one dash when it is a run of 12 or more with a digit (a drawn
    # password starts so once in ~70 draws; ``is_drawn_dash`` judges it): not ``-pw`` after
    # ``-ssh``, which would hide the next flag, nor ``--stdin``.
    dash = r"(?!--|-(?![^\s\"'`]*[0-9])|-[^\s\"'`]{0,10}(?:[\s\"'`]|$))"
    flag = r"--?(?P<flag>[a-z0-9][a-z0-9_-]{0,60})[ \t]+" + dash + VALUE
    words = "|".join(re.escape(word) for word in GATE_WORDS)
    return [
        Rule(
            NAMES,
            (Matcher(rules.Lazy(LITERAL.pattern), find=quoted, judge=quoted_judge),),
            trigger=rules.Trigger(words=KEY_WORDS, lower=True),
            lower=True,
            gate=rf"(?i)(?:{words})(?:[ \t]{{1,2}}|[ \t]?\([ \t]?)[\"'`]",  # QUOTED_AFTER, reversed
        ),
        Rule(
            NAMES,
            (Matcher(rules.Lazy(COMPARED.pattern), find=compared, judge=compared_judge),),
            trigger=rules.Trigger(words=KEY_WORDS, lower=True, needs="="),
            lower=True,
            gate=rf"(?i)[\"'`][ \t]*(?:===?|!==?)[ \t]*[A-Za-z0-9_.$@-]*(?:{words})",
        ),
        Rule(
            NAMES,
            (Matcher(rules.Lazy(flag), judge=flagged),),
            trigger=rules.Trigger(words=KEY_WORDS, lower=True, needs="-"),
            lower=True,
            # ``--with-token-export V``; the flag's dash follows what ``flagged`` admits: a dash
            # inside a word started a thread (+5 MB of the case-folded set on audit16).
            gate=rf"(?i)(?:^|[ \t\"'(=\n])-[a-z0-9_-]*(?:{words})[a-z0-9_-]*[ \t]",
        ),
        Rule(
            NAMES,
            (Matcher(rules.Lazy(FALLBACK.pattern), find=fallbacks, judge=fallback),),
            trigger=rules.Trigger(words=FALLBACK_OPERATORS),
            gate=r"(?:\|\||\?\?|\?:|\|_\|)[ \t]*[\"'`]",
        ),
        *terms.rules(),  # Erlang, Elixir and Clojure terms: tuples, binary maps, keywords
        *entities.rules(),  # quoted with HTML entities: ``password=&quot;…&quot;``
        *directives.rules(),  # ``SetEnv NAME value``, ``set $name value;``, ``git config k v``
        *nixout.rules(),  # ``nix-repl>`` echoes and NixOS definition lists: ``- In `f': "…"``
        *readouts.rules(),  # printed for a named secret: ``printenv NAME``, ``cat ~/.app/token``…
        *lookups.rules(),  # ``puppet lookup``/``pillar.get``/``eyaml`` output, IPython ``Out[n]``
        *listed_values.rules(),  # ``["--api-key", "V"]``, redis MONITOR ``"AUTH"``, ``k:`` ``- V``
        *consoles.rules(),  # devtools ``localStorage.getItem("k")`` / ``< 'V'``, Actions ``=> 'V'``
        *conda_tokens.rules(),  # ``https://conda.anaconda.org/t/<token>/channel``
        *pointers.rules(),  # gdb/lldb ``token = 0x5581c2f0 "V"``
        *sql_copy.rules(),  # pg_dump's ``COPY t (id, api_key) FROM stdin;`` rows
        *store_reads.rules(),  # a secret store's JSON: ``az keyvault secret show`` ``"value"``
        *dumps.rules(),  # debug dumps: ``[k] => V``, spew's ``(len=N) "V"``, ``$K[1]: |V|``…
        *wrapped_values.rules(),  # Java's ``Optional[V]``, Scala's ``Some(V)``: as if quoted
        *build_fields.rules(),  # Gradle's ``buildConfigField("String", "K", "\\"V\\"")``
        *latex_macros.rules(),  # ``\\newcommand{\\netlifykey}{V}``, ``\\def\\dbpassword{V}``
        *printf_frames.rules(),  # ``printf '…AUTH…$n\\r\\n%s…' V | nc``: RESP from arguments
        *secret_objects.rules(),  # QEMU's ``-object secret,id=…,data=V``
        *echoed_passwords.rules(),  # ``BORG_PASSCOMMAND="echo V"``, ``--password-command``
        *echoed_files.rules(),  # ``echo V > /etc/rsync.pw``, ``printf '%s' V | tee db_password``
        *go_headers.rules(),  # Go's ``map[Authorization:[Bearer V]]``, ``X-Api-Key:[V]``
        *http_configs.rules(),  # Prometheus' ``authorization:`` ``type: Bearer`` ``credentials: V``
        *typed_values.rules(),  # Avro's ``"k": {"string": V}``, DynamoDB's ``{"S": V}``, Firestore's
        *wire_logins.rules(),  # RESP ``AUTH``, SMTP ``AUTH PLAIN``, IMAP ``LOGIN``, ``PASS``, expect ``send``
        *slot_values.rules(),  # ``<Password><Value>V``, ``LOAD_CONST ('V')``/``STORE_NAME (K)``, D-Bus
        *named_elements.rules(),  # ``<name>K</name><value>V``, ``<S N="K">V``, HGETALL, ``| default('V')``
        *schema_defaults.rules(),  # OpenAPI ``apiToken:`` / ``default: V``, ``ApiKey:`` … ``example: V``
        *word_diffs.rules(),  # ``git diff --word-diff``'s ``api_token: [-old-]{+V+}``
        *text_entities.rules(),  # Telegram's ``"the key is ", {"type": "code", "text": V}``
        *asked_messages.rules(),  # a chat export's ``"msg": "what's the token?"`` then ``"msg": "`V`"``
        *html_tables.rules(),  # ``<th>API key</th>`` over ``<td><code>V</code></td>``
        *label_values.rules(),  # ``Use this token:<br><span>V</span>``, ``Password``/``V``, a wrap after ``KEY=``
        *preseeds.rules(),  # debconf's ``d-i passwd/user-password password V``
        *cracked.rules(),  # ``[+] DOM\\u:V``, ``u:V - Valid credentials``, ``HASH:V``, ``Raw result: V``
        *redis_commands.rules(),  # redis-cli's ``AUTH V``, ``CONFIG SET requirepass V``, ``ACL SETUSER u >V``
        *string_dumps.rules(),  # ``strings``/``readelf -p``: a secret's name, its value the next line
        *setting_reads.rules(),  # ``gsettings get S KEY`` / ``'V'``, ``(gdb) p cfg->KEY`` / ``$1 = "V"``
        *setting_writes.rules(),  # ``setprop a.NAME V``, ``xfconf-query -p /a/NAME -s V``, ``gsettings set S NAME V``
        # The least specific last: a line of a key and a value, a told pair (their names yield).
        *spaced_pairs.rules(),  # ``requirepass V``, ``api_key    V``, ``| api_key | V |``: a line of two
        *login_pairs.rules(),  # ``Login: admin / V``, ``user/pass: admin / V``, ``creds: u:V``
    ]
