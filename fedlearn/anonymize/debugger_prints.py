"""A value a debugger or a shell printed under the prompt that asked for it (DESIGN.md guarantee 1).

A pasted debugging session shows a secret as the answer to a print command: the name is on the
prompt's line, the value alone on the next, with no ``key=value`` between them:

- pdb and ipdb: ``(Pdb) p api_key`` (or ``pp``, or the bare expression) then ``'V'``;
- gdb and rr: ``(gdb) p config.password`` then ``$1 = "V"`` (or ``$2 = 0x5555… "V"``); Delve's
  ``(dlv) p token`` then ``"V"``;
- lldb: ``(lldb) p password`` then ``(NSString *) $0 = @"V"``, ``(lldb) po apiKey`` then ``V``;
- Python's ``>>> print(api_key)`` and IPython's ``In [3]: print(api_key)`` then ``V`` unquoted
  (a REPL's quoted echo of a bare expression is ``evaluated``'s);
- PowerShell's ``PS C:\\> $env:API_KEY`` then ``V``.

The name is the expression's last identifier (``os.environ["API_KEY"]`` → ``API_KEY``), and the
value is judged as if assigned to it (``tables.judged``): ``(Pdb) p user`` then ``'admin'`` and
``>>> print(token_count)`` then ``42`` stay. An unquoted answer is one word alone on its line.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.evaluated import last_name
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# A debugger's prompt and its print command (or none: pdb evaluates a bare expression).
DEBUGGER = (
    r"(?:\((?:Pdb|gdb|lldb|rr|dlv)\)|ipdb>)[ \t]*"
    r"(?:(?P<command>pp?|print|po|output|call|expr(?:ession)?|frame variable|v)[ \t]+)?"
)
# Python's ``print(…)`` at its REPL's prompt, PowerShell's variable at its prompt.
PRINTED = r"(?:>>>|In \[[0-9]+\]:)[ \t]*(?P<print>print)\((?=[^\n]*\)[ \t]*\r?\n)"
POWERSHELL = r"PS [^\n>]{0,200}>[ \t]*(?P<variable>\$)(?=[A-Za-z_][A-Za-z0-9_:]*[ \t]*\r?\n)"
# What the prompt printed: gdb's and lldb's history variable, a quoted string, or one bare word.
ANSWER = (
    r"(?:(?:\([^()\n]{1,80}\)[ \t]*)?\$[0-9]+[ \t]*=[ \t]*(?:0x[0-9a-f]{1,16}[ \t]+)?@?)?"
    r"(?:(?P<q>[\"'])(?P<value>[^\"'\n]{1,400})(?P=q)|(?P<bare>[^\s\"'][^\s]{0,399}))[ \t]*(?=\r?\n|\Z)"
)
PRINT = Lazy(
    rf"(?m:^)[ \t]*(?:{DEBUGGER}|{PRINTED}|{POWERSHELL})"
    rf"(?P<expression>[^\n]{{1,200}}?)[ \t]*\r?\n[ \t]*{ANSWER}"
)
# The commands that print a string's characters unquoted.
BARE_COMMANDS = frozenset(("po",))


def printed(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a printed value under its prompt's expression, or None."""
    unquoted = (
        match.group("print") is not None
        or match.group("variable") is not None
        or match.group("command") in BARE_COMMANDS
    )
    group = "bare" if match.group("bare") is not None else "value"
    if group == "bare" and not unquoted:
        return None  # a debugger's own answer (``*** NameError``, ``No symbol``) or a number
    expression = match.group("expression")
    if unquoted and group == "bare" and match.group("print") is not None:
        expression = expression.rstrip().removesuffix(")")
    key = last_name(expression)
    return judged(key, match.group(group), match.end(group)) if key else None


def rules() -> list[Rule]:
    """Return the rule for a value printed under a debugger's or a shell's prompt."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(PRINT.pattern), judge=printed),),
            trigger=Trigger(
                words=("(pdb)", "(gdb)", "(lldb)", "(rr)", "(dlv)", "ipdb>", "print(", "ps "),
                lower=True,
                needs="\n",
            ),
            gate=(
                r"(?:\((?:Pdb|gdb|lldb|rr|dlv)\)|ipdb>|(?:>>>|\]:)[ \t]*print\(|PS [^\n>]*>[ \t]*\$)"
                r"[^\n]*\n"
            ),
        )
    ]
