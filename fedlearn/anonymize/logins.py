"""A token given as the argument of a command's ``login`` (DESIGN.md guarantee 1).

``vault login hvs.…``, ``$ acme login key_a6c7…``, ``cli auth login 9fK2…``: a CLI's login
subcommand takes the credential as its argument. The argument is redacted (``token``) when it is
one word of 16 or more token characters (``A-Za-z0-9_.~+=-``; no ``/``, ``:`` or ``@``, so no
URL, path or user) that looks generated and reads as no name, host or file (``docker login
registry.example.com``, ``az login --tenant …``, ``npm login`` stay). So is the one word ``echo``
or ``printf`` pipes into a command that reads its token from standard input (``printf '%s' tok |
gh auth login --with-token``, ``--token-stdin``, ``--password-stdin``; not a ``$reference``),
and the word such a command is given as a here-string (``gh auth login --with-token <<< tok``,
``docker login -u ci --password-stdin <<< 'pw'``, from ``bench/contexts29``; a key store's entry
typed ``password``, ``rd keys create -t password -f /dev/stdin <<< V``, bench/contexts44), and, in a ``set -x``
trace, a generated word a traced ``printf``/``echo`` prints on the line before or after the traced
command that reads it (``+ printf '%s\\n' tok`` / ``+ docker login --password-stdin …``,
``bench/contexts32``).
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks, entropy, key_names, words
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret

LOGIN = Lazy(r"login[ \t]+(?P<value>[A-Za-z0-9_.~+=][A-Za-z0-9_.~+=-]{15,})(?![^\s\"'`;&|)<>])")


PIPED = Lazy(
    r"(?:echo|printf)[ \t]+(?:-[neE]{1,3}[ \t]+)?(?:(?P<f>[\"'])%s(?:\\n)?(?P=f)[ \t]+)?"
    r"(?P<q>[\"']?)(?P<value>[^\s\"'|;&]{4,300})(?P=q)[ \t]*\|[^|\n]{0,200}?"
    r"(?P<flag>--with-token|--token-stdin|--password-stdin)(?![\w-])"
)

# The same flags fed by a here-string on their command's line (``--with-token <<< V``).
HERE_FED = Lazy(
    r"(?P<flag>--with-token|--token-stdin|--password-stdin)(?![\w-])[^\n|;&<]{0,200}?"
    r"<<<[ \t]*(?P<q>[\"']?)(?P<value>[^\s\"'|;&]{4,300})(?P=q)"
)
STDIN_FLAG = r"--(?:with-token|token-stdin|password-stdin)"
# A key store's entry typed ``password`` and fed by a here-string on its command's line (Rundeck's
# ``rd keys create -p keys/db -t password -f /dev/stdin <<< V``, bench/contexts44).
HERE_TYPED = Lazy(
    r"(?:-t|--type)[ \t]+password(?![\w-])[^\n|;&<]{0,200}?"
    r"<<<[ \t]*(?P<q>[\"']?)(?P<value>[^\s\"'|;&]{4,300})(?P=q)"
)
# ``set -x`` traces a pipeline's commands on lines of their own, in either order: the word
# ``echo``/``printf`` printed and, on the next traced line, the command reading it from stdin.
TRACED_PRINT = (
    r"\++[ \t]+(?:echo|printf)[ \t]+(?:-[neE]{1,3}[ \t]+)?(?:(?P<f>[\"']?)%s(?:\\n)?(?P=f)[ \t]+)?"
    r"(?P<q>[\"']?)(?P<value>[^\s\"'|;&]{8,300})(?P=q)[ \t]*\r?"
)
TRACED_READ = (
    r"\++[ \t]+[^\n]{0,200}?(?P<flag>--with-token|--token-stdin|--password-stdin)(?![\w-])"
)
TRACED = (
    Lazy(r"(?m)^" + TRACED_PRINT + r"\n" + TRACED_READ),
    Lazy(r"(?m)^" + TRACED_READ + r"[^\n]*\n" + TRACED_PRINT + r"$"),
)


def piped(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a word piped into a command's token or password stdin."""
    if checks.is_reference(match.group("value")) or match.group("value").startswith("-"):
        return None
    name = "password" if match.group("flag") == "--password-stdin" else "token"
    return match.start("value"), match.end("value"), name


def traced(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a traced ``printf``'s word read on the next traced line's stdin,
    when it looks generated (a traced ``echo done`` beside ``docker login`` is a message)."""
    value = match.group("value")
    if not key_names.reads_drawn(value):
        return None
    return piped(match, text)


def here_typed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a here-string fed to a key store's ``password`` entry (no reference)."""
    if checks.is_reference(match.group("value")) or match.group("value").startswith("-"):
        return None
    return match.start("value"), match.end("value"), "password"


def login_argument(match: re.Match[str], text: str) -> bool:
    """Return whether ``login`` is a command's word and its argument a generated token."""
    start = match.start()
    if start > 0 and text[start - 1] not in " \t":
        return False  # ``--login``, ``relogin``, ``/login``: not the subcommand
    value = match.group("value")
    if entropy.is_host_or_file(value) or words.is_named(value):
        return False
    return key_names.reads_generated(value, 16)


def rules() -> list[Rule]:
    """Return the rule for a login subcommand's token argument."""
    return [
        secret(
            "token",
            Matcher(Lazy(LOGIN.pattern), login_argument),
            gate=r"login[ \t]+[A-Za-z0-9_.~+=][A-Za-z0-9_.~+=-]{15}",
            trigger=Trigger(words=("login",)),
        ),
        Rule(
            ("token", "password"),
            (
                Matcher(Lazy(PIPED.pattern), judge=piped),
                Matcher(Lazy(HERE_FED.pattern), judge=piped),
            ),
            trigger=Trigger(words=("--with-token", "-stdin")),
            gate=rf"(?:echo|printf)[ \t][^|\n]*\|[^|\n]*{STDIN_FLAG}|{STDIN_FLAG}[^\n]*<<<",
        ),
        secret(
            "password",
            Matcher(Lazy(HERE_TYPED.pattern), judge=here_typed),
            trigger=Trigger(words=("<<<",)),
            gate=r"(?:-t|--type)[ \t]+password[^\n]*<<<",
        ),
        Rule(
            ("token", "password"),
            tuple(Matcher(Lazy(form.pattern), judge=traced) for form in TRACED),
            trigger=Trigger(words=("--with-token", "-stdin"), needs="+"),
            gate=rf"\+[ \t]+(?:echo|printf)[ \t][^\n]*\n\+[^\n]*{STDIN_FLAG}"
            rf"|\+[^\n]*{STDIN_FLAG}[^\n]*\n\++[ \t]+(?:echo|printf)[ \t]",
        ),
    ]
