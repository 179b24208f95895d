"""Secrets a command stores or prints, apart from their name (DESIGN.md guarantee 1).

- ``stored-secret``: the value a secret store's command is given, whatever its name: after a
  value flag (``gh secret set NAME --body V``/``-b V``, ``aws ssm put-parameter … --value V``, ``az
  keyvault secret set … --value V``, ``aws secretsmanager … --secret-string V``,
  ``--from-literal=K=V``), as ``K=V`` arguments (``vault kv put PATH k=v``, ``fly secrets set
  K=V``, ``heroku config:set K=V``), or piped in from ``echo``/``printf`` (``printf %s V | docker
  secret create NAME -``, ``echo -n V | systemd-creds encrypt --name=N - out``), or given as a
  here-string (``<<< V``). The value must look generated (random letters, digits, hex, UUIDs,
  base64): a store's command stores settings too (``--value true``). Also the first line ``pass
  show NAME`` prints (a password store's password line), one word of 6 or more characters.
- a key's own rule (``token``, ``password``…): the line a command prints for one secret-named
  variable (``printenv NAME``, ``echo $NAME``, ``heroku config:get NAME``, ``vault kv get
  -field=NAME``), judged as ``NAME=value``; the same for a name selected another way, the line
  printed after a Secret's ``.data.NAME`` (``jsonpath``/``go-template``, ``| base64 -d`` allowed),
  ``op read op://…/NAME``, ``--fields NAME``, ``terraform output -raw NAME``, ``aws configure get
  NAME``, ``jq -r .a.NAME`` or ``cat DIR/NAME.EXT`` (an agent's tool result: ``$ cat
  /run/secrets/db_password`` then the password).
- a ``token`` (else ``password``): the line a command that prints one credential and nothing else
  prints (``gh auth token``, ``gcloud auth print-access-token``, ``aws ecr get-login-password``,
  ``heroku auth:token``, ``kubectl create token``, ``secret-tool lookup``, ``security
  find-generic-password -w``, ``openssl rand``, ``wg genkey``, ``secrets.token_hex``), judged as
  ``token=value`` then ``password=value``: a message (``no oauth token found``) stays.
- all of these printed lines also in a JSON string (an agent's tool result), where ``\\n`` ends
  the command's line and the printed word ends at the next escape or the closing quote.
- ``masked-secret``: the value of a GitHub Actions ``::add-mask::V`` (masked because it is one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names, words
from fedlearn.anonymize.commands import arguments, unquoted
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Span, Trigger, span_match
from fedlearn.anonymize.tables import judged

# A secret store's command (lower case) and its value flags: a flag alone takes the next word, a
# flag ending in ``=`` the rest of its word; ``=`` alone: every ``K=V`` word; `` `` alone: the
# second positional word (``pulumi config set --secret NAME V``, ``netlify env:set NAME V``).
STORES: dict[str, tuple[str, ...]] = {
    "secret set ": ("--body", "-b", "--body=", "--value", "--value="),
    "put-parameter ": ("--value", "--value="),
    "secretsmanager ": ("--secret-string", "--secret-string="),
    "--from-literal": ("--from-literal=",),
    "kv put ": ("=",),
    "kv patch ": ("=",),
    "secrets set ": ("=", " "),
    "pulumi config set ": (" ",),
    "env:set ": (" ",),
    "user-secrets set ": (" ",),
    "secrets:set ": ("=",),
    "config:set ": ("=",),
    "secret create ": (),
    "secrets create ": (),
    "versions add ": (),
    "secret put ": (),
    "systemd-creds ": (),
}
STORE_WORDS = tuple(STORES)
STORE = Lazy("|".join(re.escape(word) for word in STORE_WORDS))
# What feeds the command its value: ``echo [-n] V |`` or ``printf [FORMAT] V |`` before it.
FEEDER = Lazy(
    r"(?<![^\s;&(`])(?:sudo[ \t]+)?(?P<command>echo|printf)[ \t]+(?P<rest>[^\n|;&]*)\|[^\n|]*\Z"
)
HERE_STRING = Lazy(r"<<<[ \t]*")
PRINTED = Lazy(
    r"(?:printenv[ \t]+|echo[ \t]+\"?\$\{?|config:get[ \t]+|-field=)(?P<key>[a-z_][a-z0-9_.-]{1,80})"
)
# One character of a command's line, also in a JSON string (a tool result), where a line break
# is the escape ``\n`` and a quote ``\"``; and the end of that line.
IN_LINE = r"(?:[^\n|;&<>\\]|\\[^nr])"
LINE_END = r"(?:\r?\n|\\[nr]|\Z)"
# What may follow the printed variable's name on its line: closing quotes or braces, arguments
# (no pipe or redirection: then the value goes elsewhere).
NAME_END = Lazy(r"[}\"'\\]{0,4}(?:[ \t]+" + IN_LINE + "*)?" + LINE_END)
COMMAND_BEFORE = frozenset(" \t\n$;&|(`'\"")
PASS_SHOW = Lazy(r"pass[ \t]+show[ \t]+(?P<rest>(?:[^\n\\]|\\[^nr])*)")
# Commands that select one named value another way: a Secret's ``.data.KEY`` (``jsonpath``,
# ``go-template``, ``jq``), 1Password's ``op://vault/item/KEY`` and ``--fields KEY``, ``terraform
# output -raw KEY``, ``aws configure get KEY``, ``jq -r .a.KEY``, ``cat DIR/KEY.EXT``.
SELECTED = Lazy(
    r"(?:\.data\.|--fields?[= ](?:label=)?|op://[^\n'\"]*/|terraform[ \t]+output[ \t]+(?:-raw[ \t]+)?"
    r"|configure[ \t]+get[ \t]+|jq[ \t]+-r[ \t]+['\"]?\.(?:[a-z0-9_-]+\.)*"
    r"|(?<![^\s;&(`])cat[ \t]+(?:[^\s|;&'\"]*/)?)(?P<key>[a-z_][a-z0-9_-]{1,80})"
)
# After the selected name: an extension, closing quotes or braces, arguments, and a decoding pipe
# (a Secret's value is base64: ``| base64 -d`` prints it).
SELECTED_END = Lazy(
    r"(?:\.[a-z0-9]{1,8})?[}\"'\\]{0,4}(?:[ \t]+" + IN_LINE + "*)?"
    r"(?:\|[ \t]*base64[ \t]+(?:-d|-D|--decode)[ \t]*)?" + LINE_END
)
SELECTED_WORDS = (
    ".data.",
    "--field",
    "op://",
    "terraform output",
    "configure get",
    "jq -r",
    "cat ",
)
# Commands that print one credential and nothing else: auth token printers, keychains, generators.
PRINTERS = (
    "auth token",
    "print-access-token",
    "print-identity-token",
    "get-login-password",
    "auth:token",
    "create token",
    "secret-tool lookup",
    "find-generic-password",
    "find-internet-password",
    "get password",
    "openssl rand",
    "wg genkey",
    "token_hex",
    "token_urlsafe",
)
PRINTER = Lazy(
    r"(?m)(?:^|(?<=\\n)|(?<=\"))[ \t]*(?:[$#%>\u276f][ \t]*)?(?:sudo[ \t]+)?"
    r"(?:(?:gh|glab|gcloud|az|aws|heroku|kubectl|oc|security|bw|openssl|wg|python3?|doctl)[ \t]"
    + IN_LINE
    + "*?)?(?:"
    + "|".join(re.escape(word) for word in PRINTERS)
    + ")"
    + IN_LINE
    + r"*(?:\r?\n|\\r\\n|\\n)"
)
BREAK = Lazy(r"\n|\\r\\n|\\n")
ESCAPED_END = Lazy(r"[\\\"]")
# The word a printer printed (its match carries the group ``out``).
OUT = Lazy(r"(?P<out>\S+)")
# A ``Key  Value`` table (``vault kv get``, ``vault read``): its header, its rule, its rows.
TABLE_HEADER = Lazy(
    r"\n[ \t]*key[ \t]{2,}value[ \t]*\r?\n(?:[ \t]*-{3,}[ \t]{2,}-{3,}[ \t]*\r?\n)?"
)
ROW = Lazy(r"[ \t]*(?P<key>[a-z0-9_.-]{1,80})[ \t]{2,}(?P<value>[^\s]{1,400})[ \t]*\r?(?=\n|\Z)")
ADD_MASK = Lazy(r"::add-mask::(?P<value>[^\s\"'`\\]+)")


def is_generated(value: str) -> bool:
    """Return whether a stored value looks generated: 8+ characters, random, not a name or path."""
    if len(value) < 8 or value.startswith("-") or "://" in value:
        return False
    if checks.is_reference(value) and not (value.startswith("/") and value.count("/") <= 3):
        return False  # a variable or a file; base64 may start with ``/``
    return key_names.reads_generated(value, 8) and not words.is_named(value)


def line_of(text: str, position: int) -> Span:
    """Return the span of the line holding ``position`` (no line break)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, end if end >= 0 else len(text)


# Flags of those commands that take no argument (any other flag takes the word after it).
BOOLEAN = frozenset(("--secret", "--plaintext", "--path", "--force", "-f", "--sensitive"))


def positional(text: str, spans: list[Span]) -> Iterator[Span]:
    """Yield the second positional word (NAME VALUE) unless a word is ``K=V``: flags' arguments
    are not positional, except after the flags that take none."""
    plain: list[Span] = []
    after_flag = False
    for start, end in spans:
        word = text[start:end]
        if word.startswith("-"):
            after_flag = "=" not in word and word not in BOOLEAN
        elif "=" in word:
            return
        elif after_flag:
            after_flag = False
        else:
            plain.append((start, end))
    if len(plain) >= 2:
        yield unquoted(*plain[1], text)


def flagged(text: str, spans: list[Span], flags: tuple[str, ...]) -> Iterator[Span]:
    """Yield the value span of each flag of ``flags`` (``--flag V``, ``--flag=V``), ``K=V`` word
    or positional value."""
    if " " in flags:
        yield from positional(text, spans)
    for index, (start, end) in enumerate(spans):
        word = text[start:end]
        for flag in flags:
            if flag == " ":
                continue
            if flag == "=":
                at = word.find("=")
                if at > 0 and not word.startswith("-"):
                    yield unquoted(start + at + 1, end, text)
            elif flag.endswith("="):
                if word.startswith(flag):
                    rest = start + len(flag)
                    if flag == "--from-literal=":
                        at = text.find("=", rest, end)
                        if at < 0:
                            continue
                        rest = at + 1
                    yield unquoted(rest, end, text)
            elif word == flag and index + 1 < len(spans):
                yield unquoted(*spans[index + 1], text)


def piped(text: str, lower: str, start: int) -> Iterator[Span]:
    """Yield the span of the value ``echo``/``printf`` pipes into the command at ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    found = FEEDER.compiled.search(lower, max(0, line_start - 1), start)
    if found is None:
        return
    rest = found.start("rest")
    plain = [span for span in arguments(text, rest) if not text.startswith("-", span[0])]
    plain = [span for span in plain if span[1] <= found.end("rest")]
    if found.group("command") == "printf" and len(plain) == 2 and "%" in text[slice(*plain[0])]:
        plain = plain[1:]
    if len(plain) == 1:
        yield unquoted(*plain[0], text)


def stored_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each value a secret store's command on the text is given."""
    text = subject
    for found in STORE.compiled.finditer(subject):
        word = found.group()
        spans = arguments(text, found.start() if word.startswith("-") else found.end())
        values = list(flagged(text, spans, STORES[word]))
        values += piped(text, subject, found.start())
        for index, (start, end) in enumerate(spans):
            here = HERE_STRING.compiled.match(text, start, end)
            if here is not None and here.end() < end:
                values.append(unquoted(here.end(), end, text))
            elif here is not None and index + 1 < len(spans):
                values.append(unquoted(*spans[index + 1], text))
        for start, end in values:
            if start < end:
                yield span_match(subject, start, end)


def next_line(text: str, position: int) -> Span | None:
    """Return the span of the line after the one at ``position`` without blanks, or None; in a
    JSON string (the line ends in ``\\n``) the next line ends at an escape or the closing quote."""
    found = BREAK.compiled.search(text, position)
    if found is None:
        return None
    start = found.end()
    if found.group().startswith("\\"):
        close = ESCAPED_END.compiled.search(text, start)
        stop = close.start() if close is not None else len(text)
    else:
        stop = line_of(text, start)[1]
    value = text[start:stop]
    inner = value.strip()
    if not inner or len(inner.split()) > 1:
        return None
    start += len(value) - len(value.lstrip())
    return start, start + len(inner)


def printed_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of the line printed after a command that prints one named variable."""
    for found in PRINTED.compiled.finditer(subject):
        if NAME_END.compiled.match(subject, found.end()) is None:
            continue
        span = next_line(subject, found.end())
        if span is not None and span[0] > found.end():
            yield found  # the judge reads the key and the next line
    for found in SELECTED.compiled.finditer(subject):
        if SELECTED_END.compiled.match(subject, found.end()) is None:
            continue
        span = next_line(subject, found.end())
        if span is not None and span[0] > found.end():
            yield found
    for found in PRINTER.compiled.finditer(subject):
        span = next_line(subject, found.start())
        out = OUT.compiled.match(subject, *span) if span is not None else None
        if out is not None:
            yield out
    for found in PASS_SHOW.compiled.finditer(subject):
        before = subject[found.start() - 1] if found.start() else " "
        if before not in COMMAND_BEFORE and not subject.endswith("go", 0, found.start()):
            continue  # ``bypass show``; ``gopass show`` counts
        rest = found.group("rest").split()
        if "-c" in rest or "--clip" in rest or any(word.startswith("-q") for word in rest):
            continue
        span = next_line(subject, found.end())
        if span is not None:
            yield span_match(subject, *span)


def printed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a printed value: under its variable's name, or a password line."""
    if "out" in match.re.groupindex:  # a printer's output: a token, else a password
        value = match.group("out")
        return judged("token", value, match.end()) or judged("password", value, match.end())
    if "key" not in match.re.groupindex:
        value = text[match.start() : match.end()]
        if len(value) < 6 or checks.is_reference(value) or value.startswith(("$", "#", ">")):
            return None
        return match.start(), match.end(), "stored-secret"
    key = text[match.start("key") : match.end("key")].rstrip(".")
    name = key_names.classify_key(key)
    span = next_line(text, match.end())
    if name is None or span is None:
        return None
    value = text[span[0] : span[1]]
    if ("=" in value and match.re is PRINTED.compiled) or value.startswith(("$", "#", ">")):
        return None  # ``KEY=value`` (judged as such elsewhere) or the next prompt
    if not key_names.is_secret_value(name, key, value) or not is_generated(value):
        return None
    return span[0], span[1], name


def table_rows(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each ``key  value`` row under a ``Key  Value`` header, to a line that is not one."""
    for found in TABLE_HEADER.compiled.finditer("\n" + subject):
        position = found.end() - 1  # in ``subject``
        while position < len(subject):
            row = ROW.compiled.match(subject, position)
            if row is None:
                break
            yield row
            position = row.end() + 1


def table_row(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a table row's value when its key names a secret."""
    start, end = match.span("value")
    return judged(text[match.start("key") : match.end("key")], text[start:end], end)


def stored(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a stored value when it looks generated, or None."""
    start, end = match.span()
    return (start, end, "stored-secret") if is_generated(text[start:end]) else None


def masked(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the value of ``::add-mask::`` unless it is a reference (``$TOKEN``)."""
    start, end = match.span("value")
    value = text[start:end]
    if len(value) < 4 or checks.is_reference(value):
        return None
    return start, end, "masked-secret"


def rules() -> list[Rule]:
    """Return the rules for secrets stored or printed by a command, apart from their names."""
    return [
        Rule(
            ("stored-secret",),
            (Matcher(Lazy(SPAN.pattern), find=stored_values, judge=stored),),
            trigger=Trigger(words=STORE_WORDS, lower=True),
            lower=True,
            gate="(?i)" + "|".join(re.escape(word) for word in STORE_WORDS),
        ),
        Rule(
            ("stored-secret", *key_names.NAMES),
            (Matcher(Lazy(SPAN.pattern), find=printed_values, judge=printed),),
            trigger=Trigger(
                words=("printenv", "config:get", "-field=", *SELECTED_WORDS, *PRINTERS),
                patterns=(Lazy(r"echo[ \t]+\"?\$"), Lazy(r"pass[ \t]+show[ \t]")),
                lower=True,
            ),
            lower=True,
            gate=r"(?i)printenv[ \t]|echo[ \t]+\"?\$|config:get[ \t]|-field=|pass[ \t]+show[ \t]|"
            + "|".join(re.escape(word) for word in (*SELECTED_WORDS, *PRINTERS)),
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ROW.pattern), find=table_rows, judge=table_row),),
            trigger=Trigger(patterns=(Lazy(r"key[ \t][ \t]+value"),), lower=True),
            lower=True,
            gate=r"(?i)key[ \t][ \t]+value",
        ),
        Rule(
            ("masked-secret",),
            (Matcher(Lazy(ADD_MASK.pattern), judge=masked),),
            trigger=Trigger(words=("::add-mask::",), lower=True),
            lower=True,
            gate=r"(?i)::add-mask::",
        ),
    ]
