"""Secrets a command or an agent's tool prints apart from the name that says what they are.

A command reads one named secret (a variable, a file, a stored secret, a Secret's key) and prints
its value alone on the next line. Every form but the table finds that value one way
(``next_line``): the line after the command's, one word; in a JSON string (an agent's tool
result) the line after a ``\\n`` escape, to the next escape or the closing quote. The value is
judged as ``NAME=value`` (``key_names.classify_key``, ``key_names.is_secret_value``) under the
name the command gives:

- ``printenv NAME``, ``echo $NAME``, ``heroku config:get NAME``, ``vault kv get -field=NAME``
  (nothing piped or redirected), the printed line no ``KEY=value``;
- a name selected another way: a Secret's ``.data.NAME`` (``jsonpath``/``go-template``, ``|
  base64 -d`` allowed), ``op read op://…/NAME``, ``--fields NAME``, ``terraform output -raw
  NAME``, ``aws configure get NAME``, ``jq -r .a.NAME``, ``netlify env:get``, ``railway variables
  get``, ``glab variable get``, ``pulumi config get`` NAME, ``sops -d --extract '["a"]["NAME"]'``,
  PowerShell's ``Get-Secret -Name NAME -AsPlainText``; these
  and the two above when the value looks generated (``is_generated``); ``etcdctl get`` prints the
  key's path on the line before the value;
- ``cat PATH``: the key is the path's last name, its extension off (``cat /run/secrets/
  db_password``); after a prompt (``$``, ``#``, ``%``, ``>``, ``+`` of ``set -x``, maybe ``sudo``)
  any secret-looking value, else a generated one (``cat notes.md`` stays);
- an agent's ReAct trace: ``Action Input: ~/.config/app/api_key`` (a path, maybe inside JSON) and
  ``Observation: <value>`` on the next line; the key as for ``cat``;
- ``gcloud secrets versions access … --secret=NAME`` (or ``…/secrets/NAME/versions/…``);
- ``kubectl describe configmap``'s data: ``name:``, a line ``----``, and the value's first line;
- a row of a ``Key  Value`` table (``vault kv get``, ``vault read``, ``pulumi config
  --show-secrets``'s ``project:key``): the value beside its key;
- a command that prints one credential and nothing else (``gh auth token``, ``gcloud auth
  print-access-token``, ``aws ecr get-login-password``, ``heroku auth:token``, ``kubectl create
  token``, ``secret-tool lookup``, ``keyring get``, ``kwallet-query -r``, ``security
  find-generic-password -w``, ``openssl rand``, ``wg
  genkey``, ``secrets.token_hex``): judged as ``token=value``, then ``password=value`` (a message,
  ``no oauth token found``, stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names, public_ids
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Span, Trigger, line_start
from fedlearn.anonymize.tables import judged

# One character of a command's line, also in a JSON string (a tool result), where a line break
# is the escape ``\n`` and a quote ``\"``; and the end of that line.
IN_LINE = r"(?:[^\n|;&<>\\]|\\[^nr])"
LINE_END = r"(?:\r?\n|\\[nr]|\Z)"
# Arguments after the name (no pipe or redirection: then the value goes elsewhere), or a
# decoding pipe (a Secret's value is base64: ``| base64 -d`` prints it).
ARGUMENTS = r"(?:[ \t]+" + IN_LINE + r"*)?"
DECODED = r"(?:\|[ \t]*base64[ \t]+(?:-d|-D|--decode)[ \t]*)?"
PRINTED = Lazy(
    r"(?:printenv[ \t]+|echo[ \t]+\"?\$\{?|config:get[ \t]+|-field=)(?P<key>[a-z_][a-z0-9_.-]{1,80})"
)
# What may follow the printed variable's name on its line: closing quotes or braces, arguments.
NAME_END = Lazy(r"[}\"'\\]{0,4}" + ARGUMENTS + LINE_END)
# Commands that select one named value another way: a Secret's ``.data.KEY`` (``jsonpath``,
# ``go-template``, ``jq``), ``netlify env:get``, ``railway variables get``, ``pulumi config get``,
# 1Password's ``op://vault/item/KEY`` and ``--fields KEY``, ``terraform
# output -raw KEY``, ``aws configure get KEY``, ``jq -r .a.KEY``; any jsonpath's last name
# (``kubectl config view --raw -o jsonpath='{.users[0].user.token}'``), ``yq .a.KEY`` and az's
# ``--query KEY`` (``az account get-access-token --query accessToken -o tsv``), bench/contexts29;
# redis-cli's ``GET KEY`` and ``HGET HASH KEY`` (as its arguments or at its ``host:6379>`` prompt).
# The words of ``SELECTED_WORDS`` as they are written there (one space): the rule's gate and
# trigger read them so, and a wider pattern read ``variables  get`` only where another readout's
# word woke the rule.
SELECTED = Lazy(
    r"(?:\.data\.|--fields?[= ](?:label=)?|op://[^\n'\"]*/|terraform output[ \t]+(?:-raw[ \t]+)?"
    r"|configure get[ \t]+|(?:jq -r|yq(?:[ \t]+-r)?)[ \t]+['\"]?\.(?:[a-z0-9_-]+\.)*"
    r"|jsonpath=['\"]?\{[^\n}'\"]{0,200}\.|--query[= ]['\"]?(?:[a-z0-9_\[\]-]{1,40}\.)*"
    r"|secrets get[ \t]+|(?:consul[ \t]+kv|etcdctl) get[ \t]+['\"]?[^\s'\"]*/"
    r"|env:get[ \t]+|variables? get[ \t]+|pulumi[ \t]+config get[ \t]+"
    r"|--extract[ \t]+['\"]?(?:\[[\"'][^\]\n]{0,80}[\"']\])*\[[\"']"
    r"|get-secret[ \t]+(?:-name[ \t]+)?['\"]?"
    r"|(?:redis-cli[ \t](?:[^\n|>]{0,200}?[ \t])?h?get[ \t]+|:[0-9]{2,5}(?:\[[0-9]{1,2}\])?> h?get )"
    r"(?:[^\s'\"]{1,80}[ \t]+)?['\"]?)"
    r"(?P<key>[a-z_][a-z0-9_-]{1,80})"
)
# After the name: a file's extension, a go-template's ``| base64decode``, closing quotes or braces.
SELECTED_END = Lazy(
    r"(?:\.[a-z0-9]{1,8})?(?:[ \t]*\|[ \t]*base64decode[ \t]*)?[}\]\"'\\]{0,4}"
    + ARGUMENTS
    + DECODED
    + LINE_END
)
SELECTED_WORDS = (
    ".data.",
    "--field",
    "op://",
    "terraform output",
    "configure get",
    "jq -r",
    "yq ",
    "jsonpath=",
    "--query",
    "secrets get",
    "kv get",
    "etcdctl get",
    "env:get",  # ``netlify env:get NAME``
    "variables get",  # ``railway variables get NAME``
    "variable get",  # ``glab variable get NAME`` (bench/contexts34)
    "--extract",  # ``sops -d --extract '["a"]["NAME"]' file`` (bench/contexts34)
    "config get",  # ``pulumi config get NAME``
    "get-secret",  # PowerShell's ``Get-Secret -Name NAME -AsPlainText`` (bench/contexts32)
    # redis-cli's ``GET NAME`` and ``HGET HASH NAME``, as its arguments or at its prompt
    "redis-cli",
    "> get ",
    "> hget ",
)
# Commands that print one credential and nothing else: auth token printers, keychains, generators
# (after a shell's prompt; PowerShell's ``PS>``, ``PS C:\\dir>`` too, read in lower case).
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
    "pwgen",
    "lpass show",
    "keyring get",  # ``keyring get SERVICE USER``: the password
    "kwallet-query -r",  # ``kwallet-query -r ENTRY -f Passwords WALLET``: the entry's password
)
PRINTER = Lazy(
    r"(?m)(?:^|(?<=\\n)|(?<=\"))[ \t]*(?:[$#%>\u276f][ \t]*|ps(?:[ \t][^>\n]{1,200})?>[ \t]*)?"
    r"(?:sudo[ \t]+)?"
    r"(?:(?:gh|glab|gcloud|az|aws|heroku|kubectl|oc|security|bw|openssl|wg|python3?|doctl)[ \t]"
    + IN_LINE
    # after a prompt, any CLI's name right before the subcommand (``$ acme auth:token``)
    + r"*?|(?<=[$#%>\u276f])[ \t]*(?:sudo[ \t]+)?[a-z][a-z0-9_.-]{0,30}[ \t]+)?(?:"
    + "|".join(re.escape(word) for word in PRINTERS)
    + ")"
    + IN_LINE
    + r"*(?:\r?\n|\\r\\n|\\n)"
)
# The tool's input up to its line's end (a path's last name is the key).
INPUT = r"(?P<input>(?:[^\r\n\\]|\\[^nr])+?)[ \t]*(?=\r?\n|\\[nr])"
REACT = Lazy(r"Action Input:[ \t]*" + INPUT)
CAT = Lazy(
    r"(?<![^\s;&(`$#%>+])cat[ \t]+(?P<input>(?:[^\s|;&<>\\]|\\[^nr])+)"
    + ARGUMENTS
    + DECODED
    + LINE_END
)
GCLOUD = Lazy(r"gcloud[ \t]+secrets[ \t]+versions[ \t]+access[ \t]" + INPUT)
DATA = Lazy(r"(?m)^(?P<key>[A-Za-z_][\w.-]{0,80}):[ \t]*\r?\n----[ \t]*(?=\r?\n)")
# A ``Key  Value`` table (``vault kv get``, ``vault read``): its header, its rule, its rows.
TABLE_HEADER = Lazy(
    r"\n[ \t]*key[ \t]{2,}value[ \t]*\r?\n(?:[ \t]*-{3,}[ \t]{2,}-{3,}[ \t]*\r?\n)?"
)
ROW = Lazy(r"[ \t]*(?P<key>[a-z0-9_.:-]{1,80})[ \t]{2,}(?P<value>[^\s]{1,400})[ \t]*\r?(?=\n|\Z)")
BREAK = Lazy(r"\n|\\r\\n|\\n")
ESCAPED_END = Lazy(r"[\\\"]")
# The last name of a path in a tool's input: after the last ``/``, up to a quote or blank.
PATH = re.compile(r"/(?P<name>[\w.-]{1,80})[\"'`]?[ \t]*[}\])]*[ \t]*$")
PROMPT = re.compile(r"[$#%>+][ \t]*(?:sudo[ \t]+(?:-\S+[ \t]+)*)?$")
OBSERVATION = re.compile(r"Observation:[ \t]*")
# A CLI's notice printed (to stderr) between a printer's command and its value: oclif's lines
# marked by U+203A (``heroku auth:token``'s ``Warning: token will expire …`` and the hint under it),
# ``WARNING: …``, ``npm warn …``.
NOTICE = re.compile(
    r"[ \t]*(?:[\u203a\u25b8][ \t]|[!*]?[ \t]*(?:\w+[ \t]+)?(?:warn(?:ing)?|notice|note)\b)", re.I
)
SECRET_NAME = re.compile(r"(?:--secret[= ]|/secrets/)(?P<name>[\w.-]{1,100})")
# A command that reads a secret store: what it prints is a secret whatever the name it selects
# (``az keyvault secret show --name acme --query value -o tsv``; bench/contexts29); SSM only
# decrypted (a plain parameter holds settings: AMI ids).
STORE_READ = re.compile(
    r"keyvault[ \t]+secret[ \t]+show|secretsmanager[ \t]+get-secret-value"
    r"|ssm[ \t]+get-parameters?[ \t][^\n]*--with-decryption|secrets[ \t]+versions[ \t]+access"
    r"|vault[ \t]+(?:kv[ \t]+get|read)[ \t]|get[ \t]+secrets?[ \t]|secrets[ \t]+get[ \t]|op[ \t]+read[ \t]",
    re.IGNORECASE,
)
# What a secret store's read may select besides the secret: its resource name, name, version.
STORE_METADATA = frozenset({"arn", "name", "version", "versionid", "version_id"})


def is_generated(value: str) -> bool:
    """Return whether a stored value looks generated: 8+ characters, random, not a name or path."""
    if len(value) < 8 or value.startswith("-") or "://" in value:
        return False
    if checks.is_reference(value) and not (value.startswith("/") and value.count("/") <= 3):
        return False  # a variable or a file; base64 may start with ``/``
    return key_names.reads_drawn(value)


def next_line(text: str, position: int, lead: re.Pattern[str] | None = None) -> Span | None:
    """Return the span of the line after the one at ``position`` without blanks (and ``lead``)
    and the quotes around it, or None unless it is one word; in a JSON string (the line ends in ``\\n``) the next line ends
    at an escape or the closing quote."""
    found = BREAK.compiled.search(text, position)
    if found is None:
        return None
    start = found.end()
    if found.group().startswith("\\"):
        close = ESCAPED_END.compiled.search(text, start)
        stop = close.start() if close is not None else len(text)
    else:
        stop = text.find("\n", start)
        stop = stop if stop >= 0 else len(text)
    if lead is not None:
        led = lead.match(text, start + len(text[start:stop]) - len(text[start:stop].lstrip()), stop)
        if led is None:
            return None
        start = led.end()
    value = text[start:stop]
    inner = value.strip()
    if not inner or len(inner.split()) > 1:
        return None
    start += len(value) - len(value.lstrip())
    if len(inner) > 2 and inner[0] == inner[-1] and inner[0] in "\"'":
        return start + 1, start + len(inner) - 1  # the printer's quotes (redis-cli's ``"V"``)
    return start, start + len(inner)


def past_notices(text: str, position: int) -> int:
    """Return where the last of at most three notice lines (``NOTICE``) right after the line at
    ``position`` starts, or ``position`` without one: the value is on the line after them."""
    for _ in range(3):
        found = BREAK.compiled.search(text, position)
        if found is None or NOTICE.match(text, found.end()) is None:
            break
        position = found.end()
    return position


def path_key(path: str) -> str | None:
    """The last name of ``path`` without a leading dot or its extension, or None if not a path."""
    found = PATH.search(path)
    if found is None:
        return None
    name = found.group("name").lstrip(".")
    stem, dot, extension = name.rpartition(".")
    return stem if dot and stem and extension.isalpha() and len(extension) <= 4 else name


def named_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each command that prints one named value, and of each printer."""
    for pattern, end in ((PRINTED, NAME_END), (SELECTED, SELECTED_END)):
        for found in pattern.compiled.finditer(subject):
            if end.compiled.match(subject, found.end()) is None:
                continue
            span = next_line(subject, found.end())
            if span is not None and span[0] > found.end():
                yield found  # the judge reads the key and the next line
    yield from PRINTER.compiled.finditer(subject)


def printed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a printed value: under its variable's name, or a printer's."""
    if match.re is PRINTER.compiled:  # a printer's output: a token, else a password
        span = next_line(text, past_notices(text, match.start()))
        if span is None:
            return None
        value = text[span[0] : span[1]]
        return judged("token", value, span[1]) or judged("password", value, span[1])
    key = text[match.start("key") : match.end("key")].rstrip(".")
    span = next_line(text, match.end())
    if span is not None and "etcdctl" in match.group() and text[span[0] : span[1]].endswith(key):
        span = next_line(text, span[1])  # etcdctl prints the key's path, then its value
    if span is None:
        return None
    value = text[span[0] : span[1]]
    if ("=" in value.rstrip("=") and match.re is PRINTED.compiled) or not is_generated(value):
        return None  # ``KEY=value`` (judged as such elsewhere)
    return read(key, text, span) or from_store(text, match.start(), span, key)


def from_store(
    text: str, position: int, span: Span, key: str | None = None
) -> tuple[int, int, str] | None:
    """Return ``span`` as a secret when the command on the line at ``position`` reads a secret
    store (``STORE_READ``) and the printed value looks generated, else None; not where the name
    it selects is the secret's metadata (``STORE_METADATA``; an id, a hash: ``public_ids``)."""
    if key is not None and (key.lower() in STORE_METADATA or public_ids.is_public_key(key)):
        return None  # ``--query ARN``, ``{.metadata.uid}``, ``-field=lease_id``
    line_end = text.find("\n", position)
    line = text[text.rfind("\n", 0, position) + 1 : line_end if line_end >= 0 else len(text)]
    if STORE_READ.search(line) is None or not is_generated(text[span[0] : span[1]]):
        return None
    return span[0], span[1], "secret"


def read(key: str | None, text: str, span: Span | None) -> tuple[int, int, str] | None:
    """Return the span and rule of the value at ``span`` judged under ``key``, or None."""
    if key is None or span is None or text.startswith(("$", "#", ">"), span[0]):
        return None  # no name, or the next prompt or comment
    return judged(key, text[span[0] : span[1]], span[1])


def readout(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value a tool printed after reading a named secret."""
    form = match.re.pattern
    if form == REACT.pattern:
        return read(path_key(match.group("input")), text, next_line(text, match.end(), OBSERVATION))
    if form == DATA.pattern:
        return read(match.group("key"), text, next_line(text, match.end()))
    span = next_line(text, match.end("input"))
    if form == GCLOUD.pattern:
        name = SECRET_NAME.search(match.group("input"))
        found = read(name and name.group("name"), text, span)
        return found or (span and from_store(text, match.start(), span))
    key = path_key("/" + match.group("input").rpartition("/")[2].rstrip("\\\"'`"))
    line = line_start(text, match.start())  # in text or a JSON string
    prompted = PROMPT.search(text[line : match.start()]) is not None
    if span is None or not (prompted or is_generated(text[span[0] : span[1]])):
        return None
    return read(key, text, span)


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


def rules() -> list[Rule]:
    """Return the rules for the value a command or a tool prints for a named secret."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=named_values, judge=printed),),
            trigger=Trigger(
                words=("printenv", "config:get", "-field=", *SELECTED_WORDS, *PRINTERS),
                patterns=(Lazy(r"echo[ \t]+\"?\$"),),
                lower=True,
            ),
            lower=True,
            gate=r"(?i)printenv[ \t]|echo[ \t]+\"?\$|config:get[ \t]|-field=|"
            + "|".join(re.escape(word) for word in (*SELECTED_WORDS, *PRINTERS)),
        ),
        Rule(
            key_names.NAMES,
            tuple(
                Matcher(Lazy(form.pattern), judge=readout) for form in (REACT, CAT, GCLOUD, DATA)
            ),
            trigger=Trigger(words=("Action Input:", "cat", "gcloud", "----\n", "----\r\n")),
            gate=r"(?:Action Input:|cat[ \t]|gcloud[ \t]+secrets|----[ \t]*\r?\n)",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ROW.pattern), find=table_rows, judge=table_row),),
            trigger=Trigger(patterns=(Lazy(r"key[ \t][ \t]+value"),), lower=True),
            lower=True,
            gate=r"(?i)key[ \t][ \t]+value",
        ),
    ]
