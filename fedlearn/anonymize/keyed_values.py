"""A setting's name and value given to a command apart, judged as ``NAME=VALUE`` (cli40's probe).

Some tools take a setting as two arguments: by a name flag and a value flag (``duplicacy set
-key password -value V``, ``kaggle config set -n key -v V``, ``urbackupclientctl set-settings -k
internet_authkey -v V``, ``glab variable set NAME --value V``), or by position after a verb
(``racadm set iDRAC.Users.2.Password V``, ``conda config --set channel_token V``, ``doppler
configure set token V``, ``glab variable set NAME V``). The value is judged as it would be after
``NAME=`` (``key_names``) and named by the name's rule: ``-key storage -value s3`` stays. A name
that is a bare ``key`` names an API key here (kaggle's). Also Terraform's ``TF_TOKEN_<host>=V``
environment variables, whose name ends in the host it is for (``TF_TOKEN_app_terraform_io``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks
from fedlearn.anonymize.command_arguments import SPANS, command_password
from fedlearn.anonymize.key_names import NAMES, classify_key, is_secret_value
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Span, Trigger
from fedlearn.anonymize.shell_words import arguments, unquoted
from fedlearn.anonymize.verb_passwords import at_command

# A command, its verbs (one must be among its words), the flags that take the setting's name and
# the flags that take its value; with no name flag, the name is the first word after the verb
# that is no flag, and with no value flag given, the value is the word after the name.
KEYED: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "duplicacy": (("set",), ("-key",), ("-value",)),
    "kaggle": (("set",), ("-n", "--name"), ("-v", "--value")),
    "urbackupclientctl": (("set-settings",), ("-k", "--key"), ("-v", "--value")),
    "racadm": (("set",), (), ()),
    "conda": (("--set",), (), ()),
    "doppler": (("set",), (), ()),  # ``doppler configure set KEY V`` (``secrets set``: stored)
    "glab": (("set", "create", "update"), (), ("-v", "--value")),
    "az": (("create", "update"), ("--name",), ("--value",)),  # ``az pipelines variable create``
}
# Flags of those commands that take no value (a name after them is no flag's value).
SWITCHES = frozenset({"--masked", "--protected", "--raw", "--global", "--silent", "-g"})
COMMAND = Lazy(r"(?<![\w./-])(?:" + "|".join(re.escape(name) for name in KEYED) + r")[ \t]")
TF_TOKEN = Lazy(
    r"(?<![\w-])(?P<key>TF_TOKEN_[A-Za-z0-9_-]{1,100})[\"']?[ \t]*[=:][ \t]*"
    r"(?P<q>[\"']?)(?P<value>[^\s\"'`;&|]{4,200})"
)


def setting(
    text: str, words: list[Span], spec: tuple[tuple[str, ...], ...]
) -> tuple[Span, str] | None:
    """Return the span of the value a keyed command sets, and its rule, when its name names a
    secret."""
    verbs, name_flags, value_flags = spec
    values = [text[start:end] for start, end in words]
    at = next((index for index, value in enumerate(values) if value in verbs), None)
    if at is None:
        return None
    name: Span | None = None
    value: Span | None = None
    plain: list[Span] = []
    index = at + 1
    while index < len(words):
        word = values[index]
        if word in name_flags and index + 1 < len(words):
            name, index = words[index + 1], index + 2
        elif word in value_flags and index + 1 < len(words):
            value, index = words[index + 1], index + 2
        elif word.startswith("-"):
            index += 1 if word in SWITCHES or "=" in word else 2
        else:
            plain.append(words[index])
            index += 1
    if name is None and plain:
        name, plain = plain[0], plain[1:]
    if value is None and len(plain) == 1:
        value = plain[0]
    if name is None or value is None:
        return None
    key = text[slice(*unquoted(*name, text))]
    start, end = unquoted(*value, text)
    rule = classify_key(key) if key.lower() != "key" else "api-key"
    if rule is None or checks.is_reference(text[start:end]):
        return None
    return ((start, end), rule) if is_secret_value(rule, key, text[start:end]) else None


def keyed_values(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each secret value a keyed command (``KEYED``) sets, where a shell runs
    it, its rule read off the pattern (``command_arguments.SPANS``)."""
    for found in COMMAND.compiled.finditer(subject):
        words = arguments(subject, found.end())
        if not words or not at_command(subject, words):
            continue
        found_setting = setting(subject, words, KEYED[found.group()[:-1].lower()])
        if found_setting is not None:
            (start, end), rule = found_setting
            yield SPANS[rule].compiled.match(subject, start, end)  # type: ignore[misc]


def tf_token(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a ``TF_TOKEN_<host>`` value unless it refers to one."""
    value = match.group("value")
    if checks.is_reference(value) or not is_secret_value("token", match.group("key"), value):
        return None
    return match.start("value"), match.end("value"), "token"


def rules() -> list[Rule]:
    """Return the rules for a keyed command's setting and Terraform's ``TF_TOKEN_<host>``."""
    names = tuple(KEYED)
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(SPANS["password"].pattern), find=keyed_values, judge=command_password),),
            trigger=Trigger(words=tuple(f"{name} " for name in names), lower=True),
            gate="(?i)(?:" + "|".join(re.escape(name) for name in names) + ") ",
        ),
        Rule(
            ("token",),
            (Matcher(Lazy(TF_TOKEN.pattern), judge=tf_token),),
            trigger=Trigger(words=("TF_TOKEN_",)),
            gate=r"TF_TOKEN_",
        ),
    ]
