"""Secrets set by a directive that names a variable: ``DIRECTIVE NAME VALUE`` (server configs, git).

Web server configs and ``git config`` set a named variable with a directive word, the name and the
value, blank-separated, with no ``=`` or ``:`` between name and value, so ``assignments`` does not
see them: nginx ``set $name value;``, ``fastcgi_param``/``uwsgi_param``/``scgi_param NAME
value;``, ``proxy_set_header``/``add_header Name value;``, Apache ``SetEnv NAME value``,
``RequestHeader set Name "value"``, ``Header set Name value``, Caddy's ``header_up``/``header_down
[+]Name value``, and ``git config [--global|--system|
--local|--file F] section.name value``; also what ``git config --get-regexp`` prints, one
``section.name value`` a line, on the lines after that command (``deploy.pwd …``). The name is read as any key is
(``key_names.classify_key``: it must end with a secret word) and the value (quoted, or bare up to a
blank or ``;``) is judged as if assigned to it, so ``SetEnv DB_PASSWORD ${DB_PASSWORD}`` and
``proxy_set_header X-Api-Key $http_x_api_key;`` stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

DIRECTIVE = (
    r"(?:set[ \t]+\$|(?:fastcgi|uwsgi|scgi)_param[ \t]+|(?:proxy_set|add)_header[ \t]+"
    r"|header_(?:up|down)[ \t]+\+?|SetEnv[ \t]+|(?:Request)?Header[ \t]+(?:always[ \t]+)?(?:set|add|append)[ \t]+"
    r"|git[ \t]+config(?:[ \t]+--(?:global|system|local|worktree|file[ \t]+[^\s;|&]+))*[ \t]+)"
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
WORDS = ("set", "_param", "_header", "setenv", "header", "git")


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a directive's value when its name names a secret, or None."""
    group = next(group for group in ("dq", "sq", "bare") if match.group(group) is not None)
    # ``Authorization`` headers are the scheme rules' own.
    return judged(match.group("key"), match.group(group), match.end(group), authorization=False)


def listed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``judge``'s answer for an output line when ``--get-regexp`` was run before it."""
    if text.rfind("--get-regexp", 0, match.start()) < 0:
        return None
    return judge(match, text)


def rules() -> list[Rule]:
    """Return the rule for values set by a directive that names a variable."""
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(DIRECTIVE_VALUE.pattern), judge=judge),),
            trigger=Trigger(words=WORDS, lower=True),
            gate=r"(?i)(?:set[ \t]+\$|_param[ \t]|_header[ \t]|header_(?:up|down)[ \t]|setenv[ \t]|header[ \t]|git[ \t]+config[ \t])",
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(LISTED_VALUE.pattern), judge=listed),),
            trigger=Trigger(words=("--get-regexp",)),
            gate=r"--get-regexp",
        ),
    ]
