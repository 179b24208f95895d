"""Secrets in the debug dumps of languages and tools, which print a value beside its key in their own form.

Each value is judged as after ``key=`` (``tables.judged``: the key must name a secret, the value
must look like one), under the key the dump prints with it (bench/contexts32):

- PHP ``print_r``: ``[api_key] => V``, the rest of the line (``[auth] => Array`` is no value);
- Go's spew (``go-spew``, ``spew.Dump``): ``ApiKey: (string) (len=32) "V"``;
- R's ``str()``: `` $ api_key: chr "V"``; R printing a list: ``$api_key`` then ``[1] "V"``;
- fish's ``set --show``: ``$API_KEY[1]: |V|``;
- Windows ``reg query``: ``    ApiKey    REG_SZ    V``;
- ``consul kv get -detailed``: the ``Value`` row under the ``Key`` row, whose path's last segment
  is the key;
- ``terraform output -json``: ``"api_key": {"sensitive": false, "type": "string", "value": "V"}``
  (sensitive outputs print in clear there too).
"""

from __future__ import annotations

from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import keyed_value

# A double-quoted string with its escapes.
STRING = r"\"(?P<value>(?:[^\"\\\n]|\\.){1,400})\""
PRINT_R = Lazy(
    r"(?m)^[ \t]*\[(?P<key>[A-Za-z_][\w.-]{0,80})\][ \t]=>[ \t](?P<value>\S[^\n]{0,399}?)[ \t]*\r?$"
)
SPEW = Lazy(r"(?P<key>[A-Za-z_]\w{0,80}):[ \t]*\(string\)[ \t]*\(len=[0-9]{1,6}\)[ \t]*" + STRING)
R_STR = Lazy(r"(?m)^[ \t]*\$[ \t]*(?P<key>[A-Za-z_.][\w.]{0,80})[ \t]*:[ \t]*chr[ \t]+" + STRING)
R_PRINT = Lazy(
    r"(?m)^\$(?P<key>[A-Za-z_.][\w.]{0,80})[ \t]*\r?\n\[1\][ \t]+" + STRING + r"[ \t]*\r?$"
)
FISH = Lazy(
    r"(?m)^\$(?P<key>[A-Za-z_]\w{0,80})\[[0-9]{1,4}\]:[ \t]\|(?P<value>[^|\n]{1,400})\|[ \t]*\r?$"
)
REG = Lazy(
    r"(?m)^[ \t]+(?P<key>[^\s\\]{1,80})[ \t]+REG_(?:EXPAND_)?SZ[ \t]+(?P<value>\S[^\n]{0,399}?)"
    r"[ \t]*\r?$"
)
TF_OUTPUT = Lazy(
    r"\"(?P<key>[A-Za-z_][\w-]{0,80})\"[ \t]*:[ \t]*\{\s*\"sensitive\"[ \t]*:[ \t]*(?:true|false)"
    r",\s*\"type\"[ \t]*:[ \t]*\"string\",\s*\"value\"[ \t]*:[ \t]*" + STRING
)

CONSUL = Lazy(
    r"(?m)^Key[ \t]+[^\s/]*/(?:[^\s/]*/)*(?P<key>[A-Za-z_][\w.-]{0,80})[ \t]*\r?\n"
    r"(?:[A-Z][A-Za-z]{1,20}[ \t]+[^\n]{0,80}\n){0,4}"
    r"Value[ \t]+(?P<value>\S[^\n]{0,399}?)[ \t]*\r?$"
)


def rules() -> list[Rule]:
    """Return the rules for values that debug dumps print beside their key."""
    forms = (
        (PRINT_R, ("] => ",), r"\][ \t]=>[ \t]"),
        (SPEW, ("(string)",), r"\(string\)[ \t]*\(len="),
        (R_STR, ("chr",), r":[ \t]*chr[ \t]+\""),
        (R_PRINT, ("[1]",), r"\n\[1\][ \t]+\""),
        (FISH, ("]: |",), r"\]:[ \t]\|"),
        (REG, ("REG_",), r"REG_(?:EXPAND_)?SZ[ \t]"),
        (CONSUL, ("Value ",), r"\nValue[ \t][ \t]"),
        (TF_OUTPUT, ('"sensitive"',), r"\"sensitive\"[ \t]*:"),
    )
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(form.pattern), judge=keyed_value),),
            trigger=Trigger(words=words),
            gate=gate,
        )
        for form, words, gate in forms
    ]
