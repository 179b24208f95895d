"""Config-file syntaxes whose form is the credential (DESIGN.md guarantee 1).

- ``password``: a line of a ``.pgpass``, ``sasl_passwd`` or OpenVPN ``auth-user-pass`` file
  (``password_files``); a whole config line ``DIRECTIVE value`` whose directive is a password
  (``requirepass``, ``bindpw``, ``password``, ``smtp_pass``: the value with a digit or an inner
  symbol, no URL); a triple-quoted value under a secret key (grafana.ini's ``password =
  \"\"\"…\"\"\"``, Python, TOML); prose naming a user and then a password (``(user jenkins,
  pass …)``, ``creds: x / …``), the password with letters and digits or symbols; and
  ``KEY=value`` right after a JSON-escaped line break (``\\nPWD=…``, an odbc.ini inside a log's
  JSON string), judged as ``KEY=value``, as is a JSON-escaped quoted value after its key
  (fetchmail's ``password \\"…\\"`` in a log).
- ``secret``: a WordPress salt, ``define('…_SALT', '…')``.
- ``token``: the values of composer's ``auth.json`` token maps (``"bearer"``, ``"github-oauth"``,
  ``"gitlab-token"``, ``"gitlab-oauth"``, ``"forgejo-token"``: ``{"<host>": "<token>"}``).
- ``private-key``: a WireGuard private key given to ``wg`` (``private-key <(echo …)``,
  ``echo … | wg pubkey``, ``wg … <<< …``); ``private-key-id``: a GCP service account's
  ``private_key_id`` (40 hex); ``wallet-keystore``: an Ethereum keystore's ``"ciphertext"``.

Lines end at a line break or a JSON-escaped ``\\n``; a value inside a JSON string ends at ``\\"``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from fedlearn.anonymize import (
    checks,
    key_names,
    netconfig,
    password_files,
    public_runs,
    verdicts,
)
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, line_start, secret
from fedlearn.anonymize.tables import judged, keyed_value

TRIPLE = Lazy(r"(?P<q>\"\"\"|'''|\\\"\\\"\\\")(?P<value>[^\n]{1,300}?)(?P=q)")
KEY_BEFORE = Lazy(r"(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})[\"']?[ \t]*[=:][ \t]*\Z")
USER_PASS = Lazy(
    r"(?:user(?:name)?|login)[ \t]*[:=]?[ \t]+[^\s,;()\"'\[\]{}<>]{1,64}[ \t]*[,;/]?[ \t]*"
    r"(?<![a-z0-9_])(?:pass(?:word)?|pwd|pw)[ \t]*[:=]?[ \t]+(?P<value>[^\s,;()\"'`\[\]{}<>]{4,128})"
    r"(?![^\s,;)\"'`])"
)
# ``credentials: bob / <password>``, ``creds are bob/<password>``: a user, a slash, the password.
# The word is no path's segment and the user no version: go.sum's ``…/credentials v1.17.18/go.mod``.
CREDENTIALS_PAIR = Lazy(
    r"(?<![/\\])(?:credentials?|creds)[ \t]*(?:[:=]|is|are)?[ \t]+"
    r"(?![vV]?[0-9]+(?:\.[0-9]+)+[ \t]*/)[A-Za-z0-9][A-Za-z0-9_.@+-]{0,63}"
    r"[ \t]*/[ \t]*(?P<value>[^\s/,;()\"'`]{4,128})(?![^\s,;()\"'`])"
)
# A config line ``DIRECTIVE value`` (redis ``requirepass``, LDAP ``bindpw``, msmtp ``password``).
DIRECTIVE_LINE = Lazy(r"(?P<word>pass(?:wd|word|phrase)?|pw|auth)[ \t]+(?P<value>[^\s\"\\]{6,200})")
DIRECTIVE_NAME = Lazy(r"[ \t]*[A-Za-z_][A-Za-z0-9_.-]{0,40}")
PASSWORD_DIRECTIVES = frozenset(
    ("requirepass", "masterauth", "bindpw", "rootpw", "password", "passwd", "pass", "passphrase")
)
# Both rules that read a password after its word share one gate (one member of the RE2 set).
LOGIN_WORD_GATE = r"(?i)(?:pass(?:word|wd|phrase)?|pwd?|auth)[ \t:=]|cred"
SEPARATED = Lazy(r"[_.-]")
SERVICE_PORT = Lazy(r"[0-9]{1,5}/(?:tcp|udp|sctp)")
INNER_SYMBOL = Lazy(r"[0-9]|[^A-Za-z0-9].")
# A command line's option: dashes, then lower-case words joined by dashes (``--digest``).
OPTION = Lazy(r"--?[a-z]+(?:-[a-z]+)*")
ESCAPED_QUOTED = Lazy(r"\\\"(?P<value>[^\"\\\s]{1,200})\\\"")
KEY_SPACE_BEFORE = Lazy(r"(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})[ \t]+\Z")
SALT = Lazy(
    r"define\([ \t]*[\"'](?P<key>[A-Z0-9_]*_SALT)[\"'][ \t]*,[ \t]*"
    r"(?P<q>[\"'])(?P<value>[^\"'\n]{8,300})(?P=q)"
)
ESCAPED_KEY = Lazy(r"\\n(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})[ \t]*=[ \t]*(?P<value>[^\s\\\"]+)")
COMPOSER = Lazy(
    r"\"(?:bearer|github-oauth|gitlab-token|gitlab-oauth|forgejo-token)\\?\"[ \t]*:[ \t]*\{"
)
COMPOSER_ENTRY = Lazy(
    r"[ \t\r\n]*(?:\\n[ \t]*)*\\?\"[^\"\\\s]{1,253}\\?\"[ \t]*:[ \t]*\\?\""
    r"(?P<value>[^\"\\\s]{1,512})\\?\"[ \t]*,?"
)
# Characters from ``private-key``/``pubkey`` to its here-string ``<<<``: one command's words.
# Unbounded, each of a long line's key words read the line to its end (quadratic).
HERE_GAP = 400
WIREGUARD = (
    r"private-?key[\"']?[ \t]*[=:]?[ \t]*(?:<\([ \t]*(?:echo|printf[ \t]+'%s\\n')?[ \t]*)?"
    r"[\"']?(?P<value>[a-z0-9+/]{42,43}=)",
    r"echo[ \t]+[\"']?(?P<value>[a-z0-9+/]{42,43}=)[\"']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?wg[ \t]+pubkey",
    rf"(?:private-?key|pubkey)[^\n|;&]{{0,{HERE_GAP}}}<<<[ \t]*[\"']?(?P<value>[a-z0-9+/]{{42,43}}=)",
)
KEY_ID = Lazy(
    r"private_key_id\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?(?P<value>[0-9a-f]{40})(?![0-9a-f])"
)
CIPHERTEXT = Lazy(r"ciphertext\\?\"[ \t]*:[ \t]*\\?\"(?P<value>[0-9a-fA-F]{64,})\\?\"")


def triple_quoted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the triple-quoted value under a key that names a secret, or None."""
    key = KEY_BEFORE.search(text, max(0, match.start() - 90), match.start())
    if key is None:
        return None
    return judged(key.group("key"), match.group("value"), match.end("value"))


def escaped_quoted(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a JSON-escaped quoted value after a secret key word (``password \\"…\\"``)."""
    key = KEY_SPACE_BEFORE.search(text, max(0, match.start() - 90), match.start())
    if key is None:
        return None
    return judged(key.group("key"), match.group("value"), match.end("value"))


def directive(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the value of a whole config line ``DIRECTIVE value`` whose directive is a password."""
    name = text[line_start(text, match.start()) : match.end("word")]
    if (
        DIRECTIVE_NAME.fullmatch(name) is None
        or password_files.LINE_END.match(text, match.end()) is None
    ):
        return None
    name = name.strip()
    if name.lower() not in PASSWORD_DIRECTIVES and (
        key_names.classify_key(name) != "password" or SEPARATED.search(name) is None
    ):
        return None  # not ``kpasswd 464/tcp`` (/etc/services)
    value = match.group("value")
    if value[0] in "-/~$%<{[" or checks.is_reference(value) or INNER_SYMBOL.search(value) is None:
        return None
    if verdicts.is_test_name(text, name, match.start("value"), match.end("value")):
        return None  # a test runner's verdict (``PASS src/app.test.js``)
    if SERVICE_PORT.fullmatch(value) is not None or "://" in value or value.startswith("unix:"):
        return None  # ``kpasswd 464/tcp``, nginx's ``proxy_pass http://…``
    return match.start("value"), match.end("value"), "password"


def user_pass(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the password named after a user in prose, when it has 2 kinds of character."""
    value = match.group("value").rstrip(".")
    if checks.character_classes(value) < 2 or checks.is_reference(value) or len(value) < 4:
        return None
    if OPTION.fullmatch(value):
        return None  # the command's next option (``curl --user u:pass --digest``)
    start = match.start("value")
    return start, start + len(value), "password"


def composer_tokens(subject: str) -> Iterator[re.Match[str]]:
    """Yield each value of composer's token maps (``"bearer": {"host": "token"}``)."""
    for found in COMPOSER.finditer(subject):
        end = found.end()
        while (entry := COMPOSER_ENTRY.match(subject, end)) is not None:
            yield entry
            end = entry.end()


def composer_token(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return a composer token map's value, unless it is a reference or too short."""
    value = match.group("value")
    if len(value) < 8 or checks.is_reference(value):
        return None
    return match.start("value"), match.end("value"), "token"


def named(name: str, minimum: int = 0) -> Callable[..., tuple[int, int, str] | None]:
    """Return a judge that takes a match's ``value`` group as ``name``."""

    def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
        value = match.group("value")
        if len(value) < minimum:
            return None
        if checks.is_hexadecimal(value) and public_runs.is_test_vector(text, value):
            return None
        return match.start("value"), match.end("value"), name

    return judge


def rules() -> list[Rule]:
    """Return the rules for config-file syntaxes, network-device configs too (``netconfig``)."""
    return [
        *netconfig.rules(),
        *password_files.rules(),
        secret(
            "password",
            Matcher(Lazy(TRIPLE.pattern), judge=triple_quoted),
            trigger=Trigger(words=('"""', "'''", '\\"\\"\\"')),
            gate=r"\"\"\"|'''|\\\"\\\"\\\"",
        ),
        secret(
            "password",
            Matcher(Lazy(DIRECTIVE_LINE.pattern), judge=directive),
            trigger=Trigger(words=("pass", "pw", "auth"), lower=True),
            gate=LOGIN_WORD_GATE,
            lower=True,
        ),
        secret(
            "password",
            Matcher(Lazy(USER_PASS.pattern), judge=user_pass),
            Matcher(Lazy(CREDENTIALS_PAIR.pattern), judge=user_pass),
            trigger=Trigger(words=("pass", "pw", "cred"), lower=True),
            gate=LOGIN_WORD_GATE,
            lower=True,
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ESCAPED_KEY.pattern), judge=keyed_value),),
            trigger=Trigger(words=("\\n",), needs="="),
            gate=r"\\n[A-Za-z_][A-Za-z0-9_.-]*[ \t]*=",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(ESCAPED_QUOTED.pattern), judge=escaped_quoted),),
            trigger=Trigger(words=('\\"',)),
            gate=r"[ \t]\\\"",
        ),
        secret(
            "secret",
            Matcher(Lazy(SALT.pattern), judge=named("secret")),
            trigger=Trigger(words=("_SALT",), needs="define("),
            gate=r"_SALT",
        ),
        secret(
            "token",
            Matcher(Lazy(COMPOSER.pattern), find=composer_tokens, judge=composer_token),
            trigger=Trigger(words=("bearer", "-oauth", "-token")),
            gate=r"(?:bearer|-oauth|-token)\\?\"[ \t]*:[ \t]*\{",
        ),
        secret(
            "private-key",
            *(Matcher(Lazy(pattern), judge=named("private-key")) for pattern in WIREGUARD),
            trigger=Trigger(words=("private-key", "privatekey", "pubkey"), lower=True),
            gate=r"(?i)private-?key|pubkey",
            lower=True,
        ),
        secret(
            "private-key-id",
            Matcher(Lazy(KEY_ID.pattern), judge=named("private-key-id")),
            trigger=Trigger(words=("private_key_id",)),
            gate=r"private_key_id",
        ),
        secret(
            "wallet-keystore",
            Matcher(Lazy(CIPHERTEXT.pattern), judge=named("wallet-keystore")),
            trigger=Trigger(words=("ciphertext",)),
            gate=r"ciphertext",
        ),
    ]
