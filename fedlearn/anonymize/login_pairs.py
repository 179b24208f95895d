"""A login told as a user and a password side by side (DESIGN.md guarantee 1).

Tickets, chats and runbooks give a login as a pair after one label: ``Login: admin / V``,
``creds: admin:V``, ``Credentials - admin : V``, ``login admin:V``; or under two labels joined by
a slash, the values in the same order: ``user/pass: admin / V``, ``username/password:
admin/V``, ``u/p: admin/V`` (the lead's probe of told logins, session 36). ``assignments`` reads
the key before the separator, so it took the user for the password (``user/pass: <redacted> /
V``). The pair's second part is a ``password`` when it reads as a password: generated
(``key_names.reads_generated``), or chosen (``framed.is_chosen_password``, ``key_shapes.is_chosen``);
a reference, a URL, a path, a host or a word stays (``login: admin / see vault``, ``creds:
ops/readme.md``).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import framed, key_names, key_shapes, references, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

USER = r"(?P<user>[A-Za-z0-9_.@+-]{1,64})"
VALUE = r"(?P<value>[^\s\"'`,;()<>]{4,200})"
# One label naming a login, a separator, the user, ``/`` or ``:``, the password.
LABELLED = Lazy(
    r"(?i)(?<![A-Za-z0-9_./:@-])(?:login|logins|creds|credentials?|auth)"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+-[ \t]+|[ \t]+)" + USER + r"[ \t]*(?:/|[ \t]:[ \t]|:)[ \t]*" + VALUE
)
# Two labels joined by ``/`` (the user's, the password's), a separator, the two values.
SLASHED = Lazy(
    r"(?i)(?<![A-Za-z0-9_./:@-])(?:user(?:name)?|login|u|e-?mail|account)[ \t]*/[ \t]*"
    r"(?:pass(?:word|wd)?|pwd?|p)[ \t]*[:=][ \t]*" + USER + r"[ \t]*[/:][ \t]*" + VALUE
)
HOST = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\.?")


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of the pair's password when it reads as one, or None."""
    start, end = match.span("value")
    while end > start and text[end - 1] in ".!?":
        end -= 1  # a sentence's end
    value = text[start:end]
    if references.is_reference(value) or "://" in value or "/" in value or HOST.fullmatch(value):
        return None
    if value.startswith(("$", "%", "{", "<")) or "@" in value:
        return None
    drawn = key_names.reads_generated(value, 8) and not words.is_named(value)
    chosen = framed.is_chosen_password(value) or key_shapes.is_chosen(value, 8)
    return (start, end, "password") if drawn or chosen else None


def rules() -> list[Rule]:
    """Return the rule for a login told as a user and a password side by side."""
    return [
        Rule(
            ("password",),
            (
                Matcher(Lazy(LABELLED.pattern), judge=judge),
                Matcher(Lazy(SLASHED.pattern), judge=judge),
            ),
            trigger=Trigger(words=("login", "cred", "auth", "/"), lower=True),
            gate=(
                r"(?i)(?:login|cred|auth)[a-z]*[ \t]*[:=\-]?[ \t]*[A-Za-z0-9_.@+-]+[ \t]*[/:]"
                r"|(?:user|login|u|mail|account)[a-z]*[ \t]*/[ \t]*p[a-z]*[ \t]*[:=]"
            ),
        ),
    ]
