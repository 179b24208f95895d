"""Secrets set by a directive that names a variable: ``DIRECTIVE NAME VALUE`` (server configs, git).

Web server configs and ``git config`` set a named variable with a directive word, the name and the
value, blank-separated, with no ``=`` or ``:`` between name and value, so ``assignments`` does not
see them: nginx ``set $name value;``, ``fastcgi_param``/``uwsgi_param``/``scgi_param NAME
value;``, ``proxy_set_header``/``add_header Name value;``, Apache ``SetEnv NAME value``,
``RequestHeader set Name "value"``, ``Header set Name value``, Caddy's ``header_up``/``header_down
[+]Name value``, and ``git config [set] [--global|--system|--local|--file F] section.name
value`` (git 2.46's ``set`` subcommand too); also what ``git config --get-regexp`` prints, one
``section.name value`` a line, on the lines after that command (``deploy.pwd …``); and the
configuration setters of tools: ``aws configure set``, ``npm``/``yarn``/``pnpm``/``pip config set``,
``poetry``/``composer config`` (whose ``pypi-token.*``, ``github-oauth.*``, ``gitlab-token.*``…
keys are tokens), fish's ``set -gx`` and Cloud Foundry's ``cf set-env APP`` (``launchctl setenv`` is
``setting_writes``'); a repository's basic credentials
(``poetry``/``composer config http-basic.<repo> USER PASSWORD``, ``bundle config [set] HOST
USER:PASSWORD``) and ``cargo login [--registry R] TOKEN`` give the password or token with no name;
``rclone config create NAME TYPE [KEY VALUE]…`` (``update NAME``) gives its settings as pairs of
words, each value judged under the key before it (a ``key=value`` word is a pair alone). The name is read as any key is
(``key_names.classify_key``: it must end with a secret word; git's public settings,
``git_settings``, name none) and the value (quoted, or bare up to a blank or ``;``) is judged as
every setter's (``setters.setter_value``: as if assigned to it), so ``SetEnv DB_PASSWORD
${DB_PASSWORD}`` and ``proxy_set_header X-Api-Key $http_x_api_key;`` stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize.git_settings import is_public_setting
from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.per_text import first
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.setters import setter_value
from fedlearn.anonymize.shell_words import arguments, unquoted

# A configuration setter's options before its key (``--global``, ``--location=user``, ``-g``).
SETTER_FLAGS = r"(?:[ \t]+--?[A-Za-z][A-Za-z-]*(?:=[^\s;|&]+)?)*"
DIRECTIVE = (
    r"(?:set[ \t]+\$|(?:fastcgi|uwsgi|scgi)_param[ \t]+|(?:proxy_set|add)_header[ \t]+"
    r"|header_(?:up|down)[ \t]+\+?|SetEnv[ \t]+|(?:Request)?Header[ \t]+(?:always[ \t]+)?(?:set|add|append)[ \t]+"
    r"|git[ \t]+config(?:[ \t]+set)?(?:[ \t]+--(?:global|system|local|worktree|file[ \t]+[^\s;|&]+))*[ \t]+"
    r"|(?:aws2?[ \t]+configure|(?:npm|yarn|pnpm|pip3?)[ \t]+config)[ \t]+set"
    + SETTER_FLAGS
    + r"[ \t]+"
    r"|(?:poetry|composer(?:[ \t]+global)?)[ \t]+config" + SETTER_FLAGS + r"[ \t]+"
    r"|set[ \t]+(?:-[A-Za-z]*x[A-Za-z]*|--export)[ \t]+"
    r"|cf[ \t]+set-env[ \t]+[^\s;|&]{1,200}[ \t]+)"
)
VALUE = (
    r"(?:\"(?P<dq>[^\"\n\\]{1,300})\"|'(?P<sq>[^'\n\\]{1,300})'"
    r"|(?P<bare>[^\s;\"'`][^\s;\"'`]{0,299}))(?=[ \t]*(?:;|\r?\n|\Z|[ \t]))"
)
DIRECTIVE_VALUE = Lazy(
    r"(?<![A-Za-z0-9_.$-])" + DIRECTIVE + r"(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})[ \t]+" + VALUE
)
# A line of ``git config --get-regexp``'s output: a dotted variable name, a blank, the value.
LISTED_VALUE = Lazy(
    r"(?:^|(?<=\n))(?P<key>[A-Za-z][A-Za-z0-9-]*\.(?:[^\s=]{1,200}\.)?[A-Za-z][A-Za-z0-9_-]{0,80})"
    r"[ \t]" + VALUE
)
FIRST_LISTING = first("--get-regexp")
# A repository's basic credentials, user then password (``poetry config http-basic.repo user V``),
# and a registry token given alone (``cargo login V``).
BASIC_VALUE = Lazy(
    r"(?<![A-Za-z0-9_.$-])(?:(?:poetry|composer(?:[ \t]+global)?)[ \t]+config"
    + SETTER_FLAGS
    + r"[ \t]+http-basic\.[^\s;|&]{1,200}[ \t]+[^\s;|&\"'`]{1,200}"
    + r"|cargo[ \t]+login(?:[ \t]+--registry[ \t=][^\s;|&]{1,200})?)[ \t]+"
    + VALUE
)
# Bundler's credentials for a gem host: ``bundle config [set] [--global] HOST USER:PASSWORD``.
BUNDLE_VALUE = Lazy(
    r"(?<![A-Za-z0-9_.$-])bundle[ \t]+config(?:[ \t]+set)?"
    + SETTER_FLAGS
    + r"[ \t]+[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[ \t]+[^\s:;|&\"'`]{1,64}:"
    + VALUE
)
# Setter keys whose name is a token's by its prefix: poetry's ``pypi-token.<repo>``, composer's
# ``github-oauth.<host>``, ``gitlab-token.<host>``… (the host ends the key: no secret word).
TOKEN_PREFIXES = (
    "pypi-token.",
    "github-oauth.",
    "gitlab-oauth.",
    "gitlab-token.",
    "bitbucket-oauth.",
    "bearer.",
)
# rclone's remote settings as pairs of words, after the remote's name (and its type, to create).
RCLONE = Lazy(r"(?<![A-Za-z0-9_.$-])rclone[ \t]+config[ \t]+(?P<verb>create|update)[ \t]")
WORDS = ("set", "_param", "_header", "setenv", "header", "git", "poetry", "composer")


def set_value(key: str, match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``setter_value``'s answer for ``VALUE``'s value (inside its quotes) under ``key``."""
    group = next(group for group in ("dq", "sq", "bare") if match.group(group) is not None)
    return setter_value(key, text, *match.span(group), bare=group == "bare")


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a directive's value when its name names a secret, or None."""
    key = match.group("key")
    if is_public_setting(key):
        return None  # git's signing key: a GPG key's id, an SSH public key or its path
    if key.lower().startswith(TOKEN_PREFIXES):
        key = "token"
    return set_value(key, match, text)


def basic(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a basic credential's password or a ``cargo login`` token."""
    return set_value(
        "token" if text.startswith("cargo", match.start()) else "password", match, text
    )


def listed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``judge``'s answer for an output line when ``--get-regexp`` was run before it."""
    at = FIRST_LISTING(text)
    if at < 0 or at + len("--get-regexp") > match.start():
        return None  # none before it (a search back from each line read the text up to it)
    return judge(match, text)


def rclone_pairs(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each value of ``rclone config create NAME TYPE K V…`` (``update NAME``)
    whose key names a secret (the rule is ``judge``'d again on its key: ``rclone_value``)."""
    for found in RCLONE.compiled.finditer(subject):
        words = [span for span in arguments(subject, found.end()) if subject[span[0]] != "-"]
        words = words[2 if found.group("verb") == "create" else 1 :]
        at = 0
        while at + 1 < len(words):
            key = words[at]
            if "=" in subject[key[0] : key[1]]:
                at += 1  # a ``key=value`` word is a pair alone: the next pair starts after it
                continue
            yield span_match(subject, *unquoted(*words[at + 1], subject))
            at += 2


def rclone_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of an rclone setting's value when its key names a secret."""
    start, end = match.span()
    before = text[max(0, start - 200) : start].rstrip(" \t\"'")
    key = before[max(before.rfind(" "), before.rfind("\t")) + 1 :].strip("\"'")
    return setter_value(key, text, start, end, bare=text[start - 1 : start] not in ("'", '"'))


def rules() -> list[Rule]:
    """Return the rule for values set by a directive that names a variable."""
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(DIRECTIVE_VALUE.pattern), judge=judge),),
            trigger=Trigger(words=WORDS, lower=True),
            gate=(
                r"(?i)(?:set[ \t]+\$|_param[ \t]|_header[ \t]|header_(?:up|down)[ \t]|setenv[ \t]|header[ \t]"
                r"|git[ \t]+config[ \t]|configure[ \t]+set[ \t]|config[ \t]+set[ \t]"
                r"|(?:poetry|composer)[ \t][^\n]*config[ \t]|set[ \t]+-[a-z]*x|set[ \t]+--export[ \t]"
                r"|cf[ \t]+set-env[ \t])"
            ),
        ),
        Rule(
            NAMES,
            (
                Matcher(Lazy(BASIC_VALUE.pattern), judge=basic),
                Matcher(Lazy(BUNDLE_VALUE.pattern), judge=basic),
            ),
            trigger=Trigger(words=("http-basic.", "cargo", "bundle"), lower=True),
            gate=r"(?i)(?:http-basic\.|cargo[ \t]+login[ \t]|bundle[ \t]+config[ \t])",
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(LISTED_VALUE.pattern), judge=listed),),
            trigger=Trigger(words=("--get-regexp",)),
            gate=r"--get-regexp",
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(SPAN.pattern), find=rclone_pairs, judge=rclone_value),),
            trigger=Trigger(words=("rclone",), lower=True),
            gate=r"(?i)rclone[ \t]+config[ \t]+(?:create|update)[ \t]",
        ),
    ]
