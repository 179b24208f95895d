"""Passwords in the arguments of the commands that take one (``password_commands``' tables).

``sqlcmd -P V``, ``7z a -pV``, ``xfreerdp /p:V``, ``sqlplus u/V@db``, ``smbclient -U u%V``,
``curl -u u:V``, ``echo V | docker login --password-stdin``, ``htpasswd -b f u V``,
``net use Z: \\\\host\\share V``, ``reg add … /v Password /d V``: after a command of
``COMMAND_NAMES`` (a word of its own, then a blank), its arguments are read as the shell splits
them, and a literal password or token among them is redacted; the command and its flags stay.
``commands.placed`` lists the rule after the well-known commands' own (``mysql -p…``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, heads, words
from fedlearn.anonymize.key_names import NAMES, classify_key, is_secret_value
from fedlearn.anonymize.login_pairs import is_told_password
from fedlearn.anonymize.netconfig import DEFAULT_COMMUNITIES
from fedlearn.anonymize.password_commands import (
    AT_HOST,
    ATTACHED,
    COMMAND_NAMES,
    COMMANDS,
    CONNECT,
    JUDGED,
    LAST_COLON,
    LOGON,
    POSITIONAL,
    RABBIT_VERBS,
    RADTEST_VALUED,
    SAMBA,
    SEPARATE,
    SHARE,
    STDIN_PASSWORD,
    SUBCOMMANDS,
    USER_PASS,
    VERB_NEEDS,
    WINDOWS,
)
from fedlearn.anonymize.probe import Probe
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Span, Trigger
from fedlearn.anonymize.shell_words import after_separator, arguments, on_its_line, unquoted
from fedlearn.anonymize.verb_passwords import inner_commands, service_password, verb_passwords

VERB_COMMANDS = frozenset({*VERB_NEEDS, "isql", "mkpasswd"})
# Windows' and Python's tools named with their file's suffix (``PsExec64.exe``, ``espota.py``).
SUFFIXES = (".exe", ".py", ".sh", ".bat")
SUFFIXED = frozenset(
    {"psexec", "psexec64", "paexec", "espota", "plink", "pscp", "add-user", "add-user-keycloak"}
    & COMMANDS
)


def is_literal(value: str, *, flag_like: bool = False) -> bool:
    """Return whether a command-line password is literal: 4+ characters, no reference,
    placeholder or path, and no flag unless it is part of a word (``flag_like``). A generated
    value in braces is literal (``{ZqL5kVrX1n8tA2}``: a template's braces kept around it), a
    name in them a template (``{password}``, ``{DB_PASSWORD}``)."""
    if len(value) < 4:
        return False
    if checks.is_reference(value) and not (is_braced_literal(value) or is_slashed_draw(value)):
        return False
    return flag_like or not value.startswith("-")


# Base64 that starts with ``/`` (``openssl rand -base64`` draws one in 64): read as a path.
BASE64 = Lazy(r"/[A-Za-z0-9+/]{15,200}={0,2}")


def is_slashed_draw(value: str) -> bool:
    """Return whether a value that starts with ``/`` is drawn base64, not a path (cli40): 16 or
    more characters that read as generated without the slashes, no word between them and no
    directory's name (a short run of lower-case letters: ``/tmp/…``, ``/etc/…``)."""
    if BASE64.compiled.fullmatch(value) is None:
        return False
    parts = [part for part in value.split("/") if part]
    if any(part.isalpha() and part.islower() and len(part) <= 8 for part in parts):
        return False
    if any(len(part) >= 4 and words.is_wordy(part) for part in parts):
        return False
    body = "".join(parts)
    return checks.looks_random(body, minimum=16) and not words.is_named(body)


def in_word(text: str, start: int) -> bool:
    """Return whether a value at ``start`` is inside a word, no flag (``u:-p4ss``, ``"u":"-p4ss"``,
    ``--password=-p4ss``): what is before it, past its opening quote, is no blank."""
    if start > 0 and text[start - 1] in "\"'":
        start -= 1
    return start > 0 and text[start - 1] not in " \t\n"


def is_braced_literal(value: str) -> bool:
    """Return whether ``value`` is ``{…}`` around a generated value (12+ characters, no words)."""
    inner = value[1:-1]
    if not (value.startswith("{") and value.endswith("}")) or not checks.looks_random(
        inner, minimum=12
    ):
        return False
    return words.is_token_body(inner)


# Windows' ``net`` verbs that take a password (``net use``, ``net user``); Samba's ``net`` verbs
# (``ads``, ``rpc``, ``sam``…) take ``-U user%password`` as ``smbclient`` does.
NET_WINDOWS = frozenset({"use", "user"})


def flagged_values(command: str, text: str, words: list[Span]) -> Iterator[tuple[Span, str]]:
    """Yield the span and rule of each password after one of ``command``'s password flags."""
    separate, attached = SEPARATE.get(command, ()), ATTACHED.get(command, ())
    fold = command in WINDOWS
    subcommands = SUBCOMMANDS.get(command, ())
    if subcommands and not any(text[a:b] in subcommands for a, b in words[:3]):
        return
    for index, (start, end) in enumerate(words):
        word = text[start:end].lower() if fold else text[start:end]
        if word in separate and index + 1 < len(words):
            if command == "security" and word == "-P" and "import" not in text[start - 40 : start]:
                continue  # ``create-keychain -P`` prompts; ``import … -P V`` takes it
            span = unquoted(*words[index + 1], text)
            if word in ("-c", "-C") and text[span[0] : span[1]] in DEFAULT_COMMUNITIES:
                continue  # SNMP's default community names no secret
            if text[span[0] : span[1]] == "PROMPT":
                continue  # ``pdftk … user_pw PROMPT`` asks for it
            yield span, "token" if word in ("-t", "--token") else "password"
        for flag in attached:
            if len(word) > len(flag) and word.startswith(flag):
                yield unquoted(start + len(flag), end, text), "password"


def echoed(text: str, words: list[Span], printf: bool = False) -> Iterator[tuple[Span, str]]:
    """Yield the span of the one word ``echo`` prints when a later command on the line reads a
    password from it (``echo 'p4ss' | docker login --password-stdin``, ``| gpg --passphrase-fd 0``);
    ``printf``'s after its format (``printf '%s\\n' 'p4ss' | chpasswd``), or as its format without a
    conversion, its escaped line end left out (``printf 'p4ss\\n' | …``)."""
    plain = [span for span in words if not text.startswith("-", span[0])]
    if printf and len(plain) == 2 and "%" in text[plain[0][0] : plain[0][1]]:
        plain = plain[1:]
    if len(plain) != 1 or (printf and "%" in text[plain[0][0] : plain[0][1]]):
        return
    end = text.find("\n", plain[0][1], plain[0][1] + 300)
    if STDIN_PASSWORD.compiled.search(text, plain[0][1], end if end >= 0 else plain[0][1] + 300):
        start, stop = unquoted(*plain[0], text)
        while printf and text.endswith("\\n", start, stop):
            stop -= 2
        if stop > start:
            yield (start, stop), "password"


def joined_values(command: str, text: str, words: list[Span]) -> Iterator[tuple[Span, str]]:
    """Yield the span of a password inside a word or given as a plain argument (``LOGON``…)."""
    values = [text[start:end] for start, end in words]
    if command in LOGON:
        for start, end in words:
            found = CONNECT.compiled.match(text, start, end)
            if found is not None:
                yield found.span("value"), "password"
                return
    elif command in SAMBA or (command == "net" and values and values[0].lower() not in NET_WINDOWS):
        if command == "smbclient":
            yield from service_password(text, words)
        for index, value in enumerate(values):
            if value in ("-U", "--user") and index + 1 < len(words):
                word = words[index + 1]
            elif value.startswith("--user="):
                word = (words[index][0] + 7, words[index][1])
            else:
                continue
            span = after_separator(text, word, "%")
            if span is not None:
                yield span, "password"
    elif command in USER_PASS:
        for index, value in enumerate(values[:-1]):
            if value in USER_PASS[command]:
                span = after_separator(text, words[index + 1], "," if command == "lftp" else ":")
                span = None if span is None else pair_end(command, text, span)
                if span is not None:
                    yield span, "password"
        if command == "lftp":
            yield from inner_commands(text, words)
    elif command in ("echo", "printf"):
        yield from echoed(text, words, printf=command == "printf")
    elif command == "htpasswd" and values and values[0].startswith("-") and "b" in values[0]:
        plain = [span for span in words if not text.startswith("-", span[0])]
        if len(plain) >= (2 if "n" in values[0] else 3):
            yield unquoted(*plain[1 if "n" in values[0] else 2], text), "password"
    elif command == "convertto-securestring" and "-asplaintext" in (v.lower() for v in values):
        plain = [span for span in words if not text.startswith("-", span[0])]
        if plain:
            yield unquoted(*plain[0], text), "password"
    elif command == "net" and len(values) >= 3:
        verb = values[0].lower()
        rest = words[1:]
        if verb == "use":
            rest = [span for span in rest if not SHARE.compiled.fullmatch(text, *span)]
            if not rest or not text.startswith("\\", rest[0][0]):
                return  # ``net use Z: \\host\share``: the password follows the share
            rest = [span for span in rest[1:] if not text.startswith("/", span[0])][:1]
        elif verb == "user":
            rest = rest[1:2]
        else:
            return
        for start, end in rest:
            if not text.startswith("/", start):
                yield unquoted(start, end, text), "password"
    elif command in POSITIONAL:
        yield from positional(command, text, words, values)
    elif command == "rabbitmqctl" and len(values) >= 3 and values[0] in RABBIT_VERBS:
        yield unquoted(*words[2], text), "password"
    elif command == "reg" and values and values[0].lower() == "add":
        yield from registry_value(text, words, [value.lower() for value in values])
    elif command in VERB_COMMANDS:
        yield from verb_passwords(command, text, words)
    elif command == "deluge-console":
        yield from inner_commands(text, words)


def pair_end(command: str, text: str, span: Span) -> Span | None:
    """Return the password part of a ``user:password`` word's rest (``LAST_COLON``, ``AT_HOST``:
    none without a host after it, ``root@db:3306``)."""
    start, end = span
    if command in LAST_COLON:
        start = text.rfind(":", start, end) + 1 or start
    elif command in AT_HOST:
        end = text.rfind("@", start, end)
        if end <= start:
            return None
    return start, end


def positional(
    command: str, text: str, words: list[Span], values: list[str]
) -> Iterator[tuple[Span, str]]:
    """Yield the spans of the passwords a command takes by position (``POSITIONAL``): ``radtest
    USER PASSWORD SERVER PORT SECRET`` (its flags and their values skipped), ``ipmitool … user set
    password ID PASSWORD``, ``wpa_passphrase SSID PASSPHRASE``."""
    if command == "wpa_passphrase":
        named = [span for span in words if not text.startswith("-", span[0])]
        if len(named) >= 2:  # the network's name, then its passphrase
            yield unquoted(*named[1], text), "password"
    elif command == "radtest":
        plain: list[Span] = []
        skip = False
        for span, value in zip(words, values, strict=True):
            if skip or value.startswith("-"):
                skip = not skip and value in RADTEST_VALUED
                continue
            plain.append(span)
        for index in (1, 4):
            if index < len(plain):
                yield unquoted(*plain[index], text), "password"
    else:
        lowered = [value.lower() for value in values]
        for index in range(len(lowered) - 4):
            if lowered[index : index + 3] == ["user", "set", "password"]:
                yield unquoted(*words[index + 4], text), "password"


def registry_value(text: str, words: list[Span], flags: list[str]) -> Iterator[tuple[Span, str]]:
    """Yield the span and rule of ``reg add … /v NAME … /d DATA`` when NAME names a secret."""
    if "/v" not in flags[:-1] or "/d" not in flags[:-1]:
        return
    key = text[slice(*unquoted(*words[flags.index("/v") + 1], text))]
    start, end = unquoted(*words[flags.index("/d") + 1], text)
    name = classify_key(key)
    if name is not None and is_secret_value(name, key, text[start:end]):
        yield (start, end), name


COMMAND_NAME = Lazy(heads.trie_pattern(COMMAND_NAMES))
COMMAND_WORD = Lazy(r"[a-z0-9_-]*")
# What stands before a command's name: a blank, a separator, a quote, a path, and the ``=`` of a
# variable whose value is a command line (``CQLSH_CMD=cqlsh … -p V``, systemd's
# ``ExecStart=mysql …``; from bench/audit16h). A ``:`` only after an environment variable's
# name (``VARIABLE_COLON``: Ollama's ``CQLSH_CMD:cqlsh …`` env print; ``tools:curl`` is a tag).
COMMAND_BEFORE = frozenset(" \t\n;&|(`\"'>/\\$=")
VARIABLE_COLON = Lazy(r"(?:^|(?<=[\s\"'{,]))[A-Z][A-Z0-9]*_[A-Z0-9_]*:\Z")
# What a found secret is returned as: a match of the whole span, its rule read off the pattern.
SPANS = {
    name: Lazy("(?s)" + "(?:" * index + ".+" + ")" * index) for index, name in enumerate(NAMES)
}
SPAN_NAMES = {span.pattern: name for name, span in SPANS.items()}


def is_variable_value(text: str, start: int) -> bool:
    """Return whether the command at ``start`` follows an environment variable's name and ``:``
    (``CQLSH_CMD:cqlsh …``, an env map printed ``KEY:value``)."""
    return (
        text[start - 1] == ":"
        and VARIABLE_COLON.search(text, max(0, start - 80), start) is not None
    )


def command_passwords(text: str) -> Iterator[re.Match[str]]:
    """
    Yield a match of each literal password or token on the command line of a command in
    ``COMMAND_NAMES`` (a word of its own, then a blank): flagged, attached, or part of a word.
    """
    lower = Probe(text).lower
    for found in COMMAND_NAME.compiled.finditer(lower):
        start = found.start()
        if (
            start
            and lower[start - 1] not in COMMAND_BEFORE
            and not checks.is_framed(lower, start)
            and not is_variable_value(text, start)
        ):
            continue
        end = COMMAND_WORD.compiled.match(lower, found.end()).end()  # type: ignore[union-attr]
        command = lower[start:end]
        if command in SUFFIXED:  # ``PsExec64.exe``, ``espota.py``
            end += next((len(suffix) for suffix in SUFFIXES if lower.startswith(suffix, end)), 0)
        if command not in COMMANDS or not lower.startswith(" ", end):
            continue
        words = arguments(text, end)
        joined = list(joined_values(command, text, words))
        for (value_start, value_end), name in (*flagged_values(command, text, words), *joined):
            value = text[value_start:value_end]
            inside = in_word(text, value_start)
            if command in JUDGED and not is_told_password(value):
                continue  # any text (``gh secret set X -b main``, ``adb shell input text hi``)
            if is_literal(value, flag_like=inside or (bool(joined) and command in LOGON)):
                yield SPANS[name].compiled.match(text, value_start, value_end)  # type: ignore[misc]


def command_password(match: re.Match[str], text: str) -> tuple[int, int, str]:
    """Return the span and rule of a password ``command_passwords`` found."""
    return match.start(), match.end(), SPAN_NAMES[match.re.pattern]


def command_arguments() -> Rule:
    """
    Return the rule for passwords in the arguments of the commands of ``COMMAND_NAMES``.

    Common commands count only with what their password needs on the line (``NEEDS``: ``curl``
    with ``-u``, ``echo`` with a ``|``), so their many other lines skip the rule.
    """
    needs = {name: f"(?:{'|'.join(words)})" for name, words in SUBCOMMANDS.items()}
    needs |= {
        name: "(?:" + "|".join(sorted({re.escape(flag.lower()) for flag in flags})) + ")"
        for name, flags in USER_PASS.items()
    }
    needs |= {"echo": r"\|", "net": "(?:use|-u|--user)", "reg": "/d", "http": "-a", "https": "-a"}
    for name, need in VERB_NEEDS.items():  # ``cf login -p`` and ``cf auth U V``
        if name in needs:
            needs[name] = f"(?:{needs[name]}|{need})"
        elif name not in SEPARATE:  # ``openssl -k`` wakes it alone
            needs[name] = need
    needs["transmission-remote"] = "(?:-n|--auth)"
    needs["sum"] = "-p"  # Supermicro's ``sum``, a word prose has
    needs |= dict.fromkeys(("check_http", "check_curl"), "-a") | dict.fromkeys(LAST_COLON, "-y")
    alone = [name for name in COMMAND_NAMES if name not in needs]
    # every ``SUFFIXED`` command is ``alone``: its suffixed name wakes the rule too
    heads = [f"{re.escape(name)} [^\n]*{need}" for name, need in needs.items()]
    suffixed = [f"{name}{suffix}" for name in sorted(SUFFIXED) for suffix in SUFFIXES]
    return Rule(
        ("password", *(name for name in NAMES if name != "password")),
        (Matcher(Lazy(SPANS["password"].pattern), find=command_passwords, judge=command_password),),
        trigger=Trigger(
            words=tuple(f"{name} " for name in (*alone, *suffixed)),
            patterns=tuple(Lazy(on_its_line(name, need)) for name, need in needs.items()),
            lower=True,
        ),
        gate="(?i)" + "|".join([*(f"{re.escape(name)} " for name in (*alone, *suffixed)), *heads]),
    )
