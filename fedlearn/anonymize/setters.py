"""The value a command or directive sets under the key it names, judged one way for every reader
(DESIGN.md guarantee 1).

Three readers find "a command sets KEY to VALUE", each by its forms' grammar: ``setting_writes``
(a settings tool's write: ``gsettings set S NAME V``, ``defaults write D NAME V``…),
``directives`` (a server's or a tool's directive: ``SetEnv NAME V``, ``git config a.NAME V``,
``npm config set NAME V``…) and ``stored_values`` (any ``VERB [SCOPE] KEY VALUE`` at a command's
place: ``redis-cli SET KEY V``, ``setenv KEY V``…). Each finds the key and the value's span;
``setter_value`` judges the value for all three, so ``X set password V`` means the same whichever
reads it:

- as after ``KEY=`` (``tables.judged``); an ``Authorization`` value of a scheme word and its
  credentials (``"Bearer V"``) is the scheme rules' own, which keep the word;
- a command's output in its place (`` `pass show mail` ``, ``$(…)``) is no literal: it stays;
- a bare word that reads as a name or dictionary word (``words.is_named``) is the value when it
  ends the command: the line's end, ``;``, ``|``, ``&``, ``#``, ``)`` or a flag after it, or
  the quote that closes the string holding the command (``{"cmd": "setenv PASSWORD V"}``)
  (``redis-cli SET db_password sunshine``, ``set -gx POSTGRES_SECRET postgres``, ``netlify
  env:set CLIENT_SECRET glsoat --context production``); when more words follow it, the verb was
  prose's (``Set User Password command successful``, ``Write temporary password file before…``)
  and it stays. A quoted value, or a bare one that does not read as a name, is the value anyway.
"""

from __future__ import annotations

from fedlearn.anonymize import words
from fedlearn.anonymize.rules import Lazy
from fedlearn.anonymize.tables import judged

# What may follow a command's last word: the quote that closes the string holding the command
# (a JSON value, ``sh -c "…"``) or an escaped line break in it; or blanks, then the line's end, a
# shell operator, a comment, a closing parenthesis or a flag.
COMMAND_END = Lazy(r"[\"'`]|\\[nr]|[ \t]*(?:\r?\n|\Z|[;|&#)]|-{1,2}[A-Za-z])")


def ends_command(text: str, end: int) -> bool:
    """Return whether the word ending at ``end`` is its command's last (``COMMAND_END``)."""
    return COMMAND_END.compiled.match(text, end) is not None


def setter_value(
    key: str, text: str, start: int, end: int, *, bare: bool
) -> tuple[int, int, str] | None:
    """
    Return the span and rule of a setter's value ``text[start:end]`` under ``key``, or None
    (see the module's docstring); ``bare``: the value stands in no quotes.
    """
    if start >= end or text.startswith(("`", "$("), start):
        return None  # empty, or a command's output (mutt's ``set smtp_pass = "`pass show m`"``)
    if bare and words.is_named(text[start:end]) and not ends_command(text, end):
        return None  # prose's word after a verb it reads as a command's
    value = text[start:end]
    # ``Authorization "Bearer V"``: a scheme word and its credentials are the scheme rules' (the
    # word stays); a value of one word has no scheme word, and is judged as any.
    return judged(key, value, end, authorization=len(value.split()) == 1)
