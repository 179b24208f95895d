"""A password in a redis command typed as text (DESIGN.md guarantee 1; from ``bench/contexts38``).

redis-cli's history (``~/.rediscli_history``), a session after its ``HOST:PORT>`` prompt or a
``redis-cli … CMD`` line hold the commands as typed, a password among their arguments:

- ``AUTH V`` and ``AUTH USER V`` (not SMTP's ``AUTH PLAIN``/``LOGIN``… and its base64, which
  ``wire_logins`` reads);
- ``CONFIG SET requirepass V`` and ``CONFIG SET masterauth V``;
- ``HELLO 3 AUTH USER V``; ``ACL SETUSER NAME … >V`` (a password added to a user).

A line is read after a redis-cli prompt (``127.0.0.1:6379>``, ``[1]`` a database), after
``redis-cli`` and its options, or alone on its line in a text that names redis; the value is a
login's password (``slot_values.login_password``: no bare word, no name).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.slot_values import login_password

# A redis-cli prompt (``127.0.0.1:6379>``, ``localhost:6379[2]>``), or ``redis-cli`` and options.
PROMPT = r"[\w.:-]*:[0-9]{1,5}(?:\[[0-9]{1,3}\])?>[ \t]*"
CLI = r"redis-cli(?:[ \t]+[^\s]+)*?[ \t]+"
# The command and its password, case-insensitive; SASL mechanisms are not a redis user.
MECHANISMS = (
    r"(?:plain|login|cram-md5|digest-md5|xoauth2|oauthbearer|external|gssapi|ntlm|scram-\S+)"
)
COMMAND = (
    r"(?i:auth[ \t]+(?:(?!" + MECHANISMS + r"[ \t])[^\s]+[ \t]+)?"
    r"|config[ \t]+set[ \t]+(?:requirepass|masterauth)[ \t]+"
    r"|hello[ \t]+[0-9][ \t]+auth[ \t]+[^\s]+[ \t]+)"
    r"(?P<value>[^\s>][^\s]{0,511})[ \t]*(?=\r?\n|\Z)"
)
# ``ACL SETUSER``'s rules go on after the password.
ACL = r"(?i:acl[ \t]+setuser[ \t]+[^\s]+(?:[ \t]+[^\s>]\S*)*[ \t]+>)(?P<added>[^\s]{1,512})(?=[ \t\r\n]|\Z)"
PROMPTED = Lazy(r"(?m:^)[ \t]*(?:" + PROMPT + r"|" + CLI + r")(?:" + COMMAND + r"|" + ACL + r")")
ALONE = Lazy(r"(?m:^)[ \t]*(?:" + COMMAND + r"|" + ACL + r")")


def commands(text: str) -> Iterator[re.Match[str]]:
    """Yield the password of each redis command after a prompt, and of each alone on its line in
    a text that names redis."""
    seen: set[int] = set()
    for found in PROMPTED.compiled.finditer(text):
        group = "value" if found.group("value") is not None else "added"
        seen.add(found.start(group))
        yield span_match(text, found.start(group), found.end(group))
    if "redis" not in text.lower():
        return
    for found in ALONE.compiled.finditer(text):
        group = "value" if found.group("value") is not None else "added"
        if found.start(group) not in seen:
            yield span_match(text, found.start(group), found.end(group))


def password(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a redis command's password."""
    return login_password(match.group(), match.end())


def rules() -> list[Rule]:
    """Return the rule for a password in a redis command typed as text."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=commands, judge=password),),
            trigger=Trigger(words=("auth", "requirepass", "masterauth", "setuser"), lower=True),
            lower=False,
            gate=r"(?i)(?:^|\n|>)[ \t]*(?:auth[ \t]|config[ \t]+set[ \t]|hello[ \t]|acl[ \t]+setuser)"
            r"|redis-cli",
        )
    ]
