"""Secrets in Erlang, Elixir and Clojure terms: where the key stands before the value there.

A key and its value in these syntaxes are not joined by ``=`` or ``:`` after the key, so
``assignments`` does not see them:

- a two-element tuple ``{key, value}``: an Erlang proplist or an Elixir keyword tuple
  (``{password, "…"}``, ``{<<"api_key">>, <<"…">>}``, ``{:token, "…"}``);
- a map association ``key => value`` where either side is an Erlang binary ``<<"…">>``
  (``#{password => <<"…">>}``, ``#{<<"password">> => <<"…">>}``); ``key => "…"`` alone is
  ``assignments``' already;
- a Clojure/EDN keyword right before a string (``{:db-password "…"}``);
- a Lisp association list's dotted pair (Emacs Lisp, Scheme: ``'((api-key . "…"))``,
  ``(cons 'password "…")`` is code; from the lead's probe of printed forms, session 36);
- a Clojure/EDN map with string keys, a string key right before its string value with only
  blanks (or EDN's whitespace comma) between, in a ``{`` opened earlier on the line
  (``{"host" "db01", "password" "…"}``); two strings side by side with no ``{`` before them
  (``echo "password" "…"``, Python's implicit concatenation) are not a map.

The key is read as any key is (``key_names.classify_key``: it must end with a secret word) and
the value is judged as if assigned to it (``key_names.is_secret_value``), so ``{password,
"${DB_PASSWORD}"}`` and ``{:token "changeme"}`` stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize.assignments import NAMED_KEY_WORDS
from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import MAX_VALUE, Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

KEY = r"(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})"
# A key as a term writes it: an atom, a string, a binary or an Elixir/Clojure keyword.
TERM_KEY = (
    r"(?:<<\""
    + KEY
    + r"\">>|\""
    + KEY.replace("key>", "skey>")
    + r"\"|:?"
    + KEY.replace("key>", "akey>")
    + r")"
)
# A string's text, up to ``MAX_VALUE`` characters (Aiven's tokens are 372).
TEXT = rf"[^\"\n\\]{{1,{MAX_VALUE}}}"
# A string value, maybe an Erlang binary: ``"…"`` or ``<<"…">>``.
STRING = r"(?P<b><<)?\"(?P<value>" + TEXT + r")\"(?(b)>>)"
TUPLE = Lazy(r"\{[ \t]*" + TERM_KEY + r"[ \t]*,[ \t]*" + STRING + r"[ \t]*\}")
# ``key => <<"…">>`` or ``<<"key">> => …``: a binary on either side marks Erlang's map syntax.
BINARY_VALUE = r"<<\"(?P<value>" + TEXT + r")\">>"
MAP_VALUE = Lazy(
    r"(?<![A-Za-z0-9_.-])(?:\""
    + KEY
    + r"\"|"
    + KEY.replace("key>", "akey>")
    + r")[ \t]*=>[ \t]*"
    + BINARY_VALUE
)
MAP_KEY = Lazy(r"<<\"" + KEY + r"\">>[ \t]*=>[ \t]*" + STRING)
KEYWORD = Lazy(r"(?<![A-Za-z0-9_.:-]):" + KEY + r"[ \t]+\"(?P<value>" + TEXT + r")\"")
# A Lisp dotted pair: ``(key . "value")`` (the key a symbol or a string).
DOTTED = Lazy(r"\([ \t]*\"?" + KEY + r"\"?[ \t]+\.[ \t]+\"(?P<value>" + TEXT + r")\"[ \t]*\)")
# ``"key" "value"`` in an EDN map: the key's quote after ``{``, a comma or a blank.
STRING_PAIR = Lazy(
    r"(?<=[{, \t])\"" + KEY + r"\"[ \t]+\"(?P<value>" + TEXT + r")\"(?=[ \t]*[,}\n]|[ \t]+\")"
)


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a term's value when its key names a secret, or None."""
    groups = match.groupdict()
    key = groups.get("key") or groups.get("skey") or groups.get("akey") or ""
    return judged(key, match.group("value"), match.end("value"), authorization=False)


def in_map(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``judge``'s answer for a string pair when a ``{`` opens earlier on its line."""
    line = text.rfind("\n", 0, match.start()) + 1
    if text.find("{", line, match.start()) < 0:
        return None
    return judge(match, text)


def rules() -> list[Rule]:
    """Return the rules for tuples, binary map associations and keywords (see the module)."""
    # A camelCase key's last word too (``awsSk``, ``asanaPat``): ``judge`` reads it as a key.
    words = "|".join(re.escape(word) for word in NAMED_KEY_WORDS)
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(TUPLE.pattern), judge=judge),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs="{"),
            gate=rf"(?i)\{{[ \t]*[<\":]*[A-Za-z0-9_.-]*(?:{words})[A-Za-z0-9_.-]*[\">]*[ \t]*,",
        ),
        Rule(
            NAMES,
            (
                Matcher(Lazy(MAP_VALUE.pattern), judge=judge),
                Matcher(Lazy(MAP_KEY.pattern), judge=judge),
            ),
            trigger=Trigger(words=("=>",), needs="<<"),
            gate=r"=>[ \t]*<<\"|\">>[ \t]*=>",
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(KEYWORD.pattern), judge=judge),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs=":"),
            gate=rf"(?i):[A-Za-z0-9_.-]*(?:{words})[A-Za-z0-9_.-]*[ \t]+\"",
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(DOTTED.pattern), judge=judge),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs="."),
            gate=rf"(?i)\([ \t]*\"?[A-Za-z0-9_.-]*(?:{words})[A-Za-z0-9_.-]*\"?[ \t]+\.[ \t]+\"",
        ),
        Rule(
            NAMES,
            (Matcher(Lazy(STRING_PAIR.pattern), judge=in_map),),
            trigger=Trigger(words=NAMED_KEY_WORDS, lower=True, needs="{"),
            # Not the ``{`` before (``in_map`` looks for it): a run from it to the pair kept a
            # state apart inside every brace in the RE2 set (~3 MB of it on agent16j).
            gate=rf"(?i)\"[A-Za-z0-9_.-]*(?:{words})[A-Za-z0-9_.-]*\"[ \t]+\"",
        ),
    ]
