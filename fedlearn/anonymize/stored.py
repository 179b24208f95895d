"""Secrets a command stores, apart from their name (DESIGN.md guarantee 1).

- ``stored-secret``: the value a secret store's command is given, whatever its name: after a
  value flag (``gh secret set NAME --body V``/``-b V``, ``aws ssm put-parameter … --value V``, ``az
  keyvault secret set … --value V``, ``aws secretsmanager … --secret-string V``,
  ``--from-literal=K=V``), as ``K=V`` arguments (``vault kv put PATH k=v``, ``fly secrets set
  K=V``, ``heroku config:set K=V``), or piped in from ``echo``/``printf`` (``printf %s V | docker
  secret create NAME -``, ``echo -n V | systemd-creds encrypt --name=N - out``), or given as a
  here-string (``<<< V``). The value must look generated (random letters, digits, hex, UUIDs,
  base64): a store's command stores settings too (``--value true``). Also the first line ``pass
  show NAME`` prints (a password store's password line), one word of 6 or more characters.
- what a command prints for a named secret (``printenv NAME``, ``cat /run/secrets/NAME``, ``gh
  auth token``…) is ``readouts``'.
- ``masked-secret``: the value of a GitHub Actions ``::add-mask::V`` (masked because it is one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks
from fedlearn.anonymize.readouts import is_generated, next_line
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Span, Trigger, span_match
from fedlearn.anonymize.shell_words import arguments, unquoted

# A secret store's command (lower case) and its value flags: a flag alone takes the next word, a
# flag ending in ``=`` the rest of its word; ``=`` alone: every ``K=V`` word; `` `` alone: the
# second positional word (``pulumi config set --secret NAME V``, ``netlify env:set NAME V``);
# ``#N``: the N-th positional word.
STORES: dict[str, tuple[str, ...]] = {
    "secret set ": ("--body", "-b", "--body=", "--value", "--value="),
    # Woodpecker's and Drone's ``secret add --name N --value V`` / ``--data V`` (bench/contexts34).
    "secret add ": ("--value", "--value=", "--data", "--data="),
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
    # MinIO's client: ``mc alias set NAME URL ACCESS_KEY SECRET_KEY`` (bench/contexts29).
    "mc alias set ": ("#4",),
    "mc config host add ": ("#4",),
    "mc admin user add ": ("#3",),  # ``mc admin user add ALIAS ACCESS_KEY SECRET_KEY``
    # Tools that store a secret apart from its name: ``vercel env add NAME ENV`` and
    # ``secret-tool store --label=L ATTR VALUE…`` and ``keyring set SERVICE USER`` read it from
    # standard input (piped or a here-string); macOS ``security add-generic-password … -w V``.
    "env add ": (),
    "secret-tool store ": (),
    "keyring set ": (),
    "add-generic-password ": ("-w",),
    "add-internet-password ": ("-w",),
    # cli40's probe: akeyless' and conjur's value flags, the value ``ansible-vault
    # encrypt_string`` and ``berglas create REF`` encrypt, and the tools that read it from stdin
    # (CircleCI's ``context store-secret``, Elasticsearch's and Kibana's ``keystore add``, ``az
    # devops login``, ``dart``/``flutter pub token add URL``).
    "create-secret ": ("--value", "--value=", "-v"),
    "conjur variable set ": ("-v", "--value", "--value="),
    "encrypt_string ": ("#1",),
    "berglas create ": ("#2",),
    "store-secret ": (),
    "keystore add ": (),
    "devops login ": (),
    "pub token add ": (),
    "chamber write ": ("#3",),  # ``chamber write SERVICE KEY VALUE``
}
STORE_WORDS = tuple(STORES)
STORE = Lazy("|".join(re.escape(word) for word in STORE_WORDS))
# What feeds the command its value: ``echo [-n] V |`` or ``printf [FORMAT] V |`` before it.
FEEDER = Lazy(
    r"(?<![^\s;&(`])(?:sudo[ \t]+)?(?P<command>echo|printf)[ \t]+(?P<rest>[^\n|;&]*)\|[^\n|]*\Z"
)
HERE_STRING = Lazy(r"<<<[ \t]*")
# From ``bench/draws29``: ``--from-literal`` stores a secret for ``kubectl create secret``, a
# setting for ``kubectl create configmap`` (a build's commit, digest or request id): there only
# the value's name decides (``assignments``). The last ``create`` before the flag says which.
CREATED = Lazy(r"\bcreate[ \t]+(?:secret|configmap|cm)\b")
# The rest of a word up to a blank (``glued_end``).
GLUED = Lazy(r"[^\s]{1,400}")
COMMAND_BEFORE = frozenset(" \t\n$;&|(`'\"")
PASS_SHOW = Lazy(r"pass[ \t]+show[ \t]+(?P<rest>(?:[^\n\\]|\\[^nr])*)")
ADD_MASK = Lazy(r"::add-mask::(?P<value>[^\s\"'`\\]+)")


# Flags of those commands that take no argument (any other flag takes the word after it).
BOOLEAN = frozenset(("--secret", "--plaintext", "--path", "--force", "-f", "--sensitive"))


def positional(text: str, spans: list[Span], nth: int = 2) -> Iterator[Span]:
    """Yield the ``nth`` positional word (NAME VALUE: the second) unless a word is ``K=V``: flags'
    arguments are not positional, except after the flags that take none."""
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
    if len(plain) >= nth:
        yield unquoted(*plain[nth - 1], text)


def flagged(text: str, spans: list[Span], flags: tuple[str, ...]) -> Iterator[Span]:
    """Yield the value span of each flag of ``flags`` (``--flag V``, ``--flag=V``), ``K=V`` word
    or positional value."""
    if " " in flags:
        yield from positional(text, spans)
    for flag in flags:
        if flag.startswith("#"):
            yield from positional(text, spans, int(flag[1:]))
    for index, (start, end) in enumerate(spans):
        word = text[start:end]
        for flag in flags:
            if flag == " " or flag.startswith("#"):
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
                        if index + 1 == len(spans):
                            end = glued_end(text, end)
                    yield unquoted(rest, end, text)
            elif word == flag and index + 1 < len(spans):
                yield unquoted(*spans[index + 1], text)


def glued_end(text: str, end: int) -> int:
    """
    Return where a last ``K=V`` word really ends when a shell operator is glued inside it
    (``secret=rghv;8,o00S…``, ``…#`>vek…``): a drawn value's symbols, not a next command, which
    a blank or a command's name would start. The word runs on to the next blank.
    """
    if end + 1 >= len(text) or text[end] not in ";&|)`" or text[end + 1].isspace():
        return end
    found = GLUED.compiled.match(text, end + 1)
    if found is None or found.group().isalpha():
        return end  # ``…;echo done``: a command's name after the operator
    return found.end()


def is_configmap(lower: str, start: int) -> bool:
    """Return whether the ``kubectl create`` a ``--from-literal`` at ``start`` is part of makes a
    ConfigMap (the last ``create secret|configmap|cm`` within 400 characters before it)."""
    found = CREATED.compiled.findall(lower, max(0, start - 400), start)
    return bool(found) and not found[-1].endswith("secret")


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
        if word == "--from-literal" and is_configmap(subject, found.start()):
            continue
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


def pass_shown(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of the line ``pass show NAME`` prints (not copied with ``-c``, not ``-q``)."""
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


def password_line(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the password line ``pass show`` printed: 6+ characters, no reference."""
    value = text[match.start() : match.end()]
    if len(value) < 6 or checks.is_reference(value) or value.startswith(("$", "#", ">")):
        return None
    return match.start(), match.end(), "stored-secret"


def stored(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a stored value when it looks generated, or None."""
    start, end = match.span()
    return (start, end, "stored-secret") if is_generated(text[start:end]) else None


def masked(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the value of ``::add-mask::`` unless it is a reference (``$TOKEN``)."""
    start, end = match.span("value")
    value = text[start:end]
    if not checks.is_literal(value):
        return None
    return start, end, "masked-secret"


def rules() -> list[Rule]:
    """Return the rules for secrets a command stores, apart from their names."""
    return [
        Rule(
            ("stored-secret",),
            (Matcher(Lazy(SPAN.pattern), find=stored_values, judge=stored),),
            trigger=Trigger(words=STORE_WORDS, lower=True),
            lower=True,
            gate="(?i)" + "|".join(re.escape(word) for word in STORE_WORDS),
        ),
        Rule(
            ("stored-secret",),
            (Matcher(Lazy(SPAN.pattern), find=pass_shown, judge=password_line),),
            trigger=Trigger(patterns=(Lazy(r"pass[ \t]+show[ \t]"),), lower=True),
            lower=True,
            gate=r"(?i)pass[ \t]+show[ \t]",
        ),
        Rule(
            ("masked-secret",),
            (Matcher(Lazy(ADD_MASK.pattern), judge=masked),),
            trigger=Trigger(words=("::add-mask::",), lower=True),
            lower=True,
            gate=r"(?i)::add-mask::",
        ),
    ]
