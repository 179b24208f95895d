"""Secrets known by their place: HTTP authorization schemes, URLs, and command lines.

``Authorization: Bearer <redacted:authorization>``, ``postgres://app:<redacted:url-credentials>@db``,
``mysql -u root -p<redacted:password>``: the scheme, URL or command stays, the credential goes.
The arguments of the many other commands that take a password are ``command_arguments``'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, command_arguments, secret_words
from fedlearn.anonymize.key_names import NAMES, classify_key, is_secret_value
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger


def bearer(match: re.Match[str], text: str) -> bool:
    """Return whether the word after ``Bearer`` is a token (not ``Bearer authentication``)."""
    value = text[slice(*match.span("value"))]
    if checks.is_reference(value) or not checks.looks_random(value, minimum=12):
        return False
    return any(c.isdigit() for c in value) or checks.character_classes(value) >= 3


def basic(match: re.Match[str], text: str) -> bool:
    """Return whether the word after ``Basic`` is base64 of ``user:password``."""
    return checks.is_basic_credentials(text[slice(*match.span("value"))])


def url_password(match: re.Match[str], text: str) -> bool:
    """
    Return whether a URL's password is literal (``${DB_PASSWORD}`` is not), and no URL's end in
    HTML: a quote or angle bracket escaped as a character reference (``&quot;``, ``&#39;``,
    ``&lt;``) ends the URL where it stands (``&quot;https://url:8000&quot;;@something else``, a
    pandas frame's HTML, bench/contexts42), as a plain quote does; ``&amp;`` is a ``&`` in it.
    """
    value = text[slice(*match.span("value"))]
    if "&" in value and HTML_END.search(value) is not None:
        return False
    return not checks.is_reference(value)


# A character reference of what ends a URL in HTML: a quote or an angle bracket.
HTML_END = Lazy(r"(?i)&(?:quot|apos|lt|gt|#0*(?:34|39|60|62)|#x0*(?:22|27|3c|3e));")


def url_token(match: re.Match[str], text: str) -> bool:
    """Return whether a URL's user part alone is a token (``https://<token>@host``)."""
    return checks.looks_random(text[slice(*match.span("value"))], minimum=16)


def command_line(match: re.Match[str], text: str) -> bool:
    """Return whether a password given on a command line is literal."""
    value = text[slice(*match.span("value"))]
    return len(value) >= 3 and not value.startswith("-") and not checks.is_reference(value)


def command_lines() -> list[Rule]:
    """Return a rule per well-known command that takes a password on its command line."""
    value = r"(?P<q>[\"'])?(?P<value>(?(q)[^\"'\n]+|[^\s\"'`;&|]+))"
    shell = r"[^\n|;&]{0,200}?[ \t]"
    commands = (
        (r"mysql(?:dump|admin)?\b" + shell + r"-p" + value, r"mysql[^\n|;&]*[ \t]-p[^\s]"),
        (r"mariadb(?:-dump)?\b" + shell + r"-p" + value, r"mariadb[^\n|;&]*[ \t]-p[^\s]"),
        (r"sshpass[ \t]+-p[ \t]*" + value, r"sshpass[ \t]+-p"),
        (r"redis-cli\b" + shell + r"-a[ \t]+" + value, r"redis-cli[^\n|;&]*[ \t]-a[ \t]"),
        (
            r"docker[ \t]+login\b" + shell + r"-p[ \t]+" + value,
            r"docker[ \t]+login[^\n|;&]*[ \t]-p[ \t]",
        ),
        (r"pass:(?<![a-z]pass:)" + value, r"pass:"),
    )
    # Each command's flag after a blank (``-p``, ``-a``, ``-u``), curl's ``--user``, or ``pass:``.
    trigger = Trigger(words=("--user", "pass:"), patterns=(Lazy(r"-(?<=[ \t]-)[pau]"),), lower=True)
    return [
        Rule(
            ("password",),
            (Matcher(Lazy(pattern), command_line),),
            trigger=trigger,
            lower=True,
            gate="(?i)" + gate,
        )
        for pattern, gate in commands
    ]


# A Dockerfile's ``ENV KEY value`` (the form without ``=``): one value word to the line's end.
DOCKER_ENV = Lazy(
    r"ENV[ \t]+(?P<key>[A-Za-z_][A-Za-z0-9_.-]*)[ \t]+(?P<value>[^\s=\"'][^\s]*)[ \t]*$", re.M
)


ENV_FIRST = Lazy(r"^[ \t]*+(?=ENV )", re.M)


def docker_envs(text: str) -> Iterator[re.Match[str]]:
    """Yield the ``ENV KEY value`` lines of a Dockerfile (``ENV`` first on its line; the blanks
    before it are read once, not a long line's start once per ``ENV`` on it)."""
    for head in ENV_FIRST.compiled.finditer(text):
        found = DOCKER_ENV.compiled.match(text, head.end())
        if found is not None:
            yield found


def docker_env(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of an ``ENV KEY value`` value when KEY names a secret."""
    key, value = match.group("key"), match.group("value")
    name = classify_key(key)
    if name is None or checks.is_reference(value) or not is_secret_value(name, key, value):
        return None
    return match.start("value"), match.end("value"), name


# A bearer token may hold ``=`` inside (``2pRM=Jr9+…``): it runs on while token characters follow.
BEARER = r"bearer[ \t]+(?P<value>[a-z0-9._~+/-]+(?:=+[a-z0-9._~+/-]+)*=*)"
DIGEST_RESPONSE = (
    r"digest[ \t][^\n]{0,400}?response=(?:\\?\")?(?P<value>[0-9a-f]{32,128})(?![0-9a-z])"
)


def placed() -> list[Rule]:
    """Return the rules for authorization values, URL credentials and command-line passwords."""
    return [
        Rule(
            ("authorization",),
            (
                Matcher(Lazy(BEARER), bearer),
                Matcher(Lazy(r"basic[ \t]+(?P<value>[a-z0-9+/]{8,}={0,2})(?![a-z0-9+/=])"), basic),
                # HTTP Digest's ``response="<hash>"``: a hash of the password, open to guessing.
                Matcher(Lazy(DIGEST_RESPONSE)),
            ),
            trigger=Trigger(words=("earer", "asic", "igest"), lower=True),
            lower=True,
            gate=r"(?i)bearer[ \t]+[a-z0-9._~+/=-]{12}|basic[ \t]+[a-z0-9+/]{8}"
            r"|digest[ \t][^\n]*response=",
        ),
        Rule(
            ("url-credentials",),
            (
                Matcher(Lazy(r"://[^\s/:@\"'<>]*:(?P<value>[^\s/@\"'<>]+)@"), url_password),
                Matcher(Lazy(r"://(?P<value>[A-Za-z0-9_.~%+-]{16,})@"), url_token),
            ),
            trigger=Trigger(words=("://",)),
            gate=r"://[^\s/@\"'<>]*@",
        ),
        *command_lines(),
        command_arguments.command_arguments(),
        Rule(
            NAMES,
            (Matcher(Lazy(DOCKER_ENV.pattern, re.M), find=docker_envs, judge=docker_env),),
            trigger=Trigger(words=("ENV ",)),
            gate=r"(?m)^[ \t]*ENV ",
        ),
        secret_words.foreign_words(),
    ]
