"""A credential a SQL table function takes by position (DESIGN.md guarantee 1).

ClickHouse reads remote data through table functions whose credentials are plain arguments:
``s3('https://bucket…/*.parquet', 'KEY_ID', 'V', 'Parquet')`` (``s3Cluster`` after its cluster,
``gcs``, ``oss``, ``cosn``), ``mysql('host:3306', 'db', 'table', 'user', 'V')``,
``postgresql(…)``, ``remote('host:9000', 'db', 'table', 'user', 'V')``, ``mongodb(…)``
(bench/contexts44). No key names the value: its place does. An object store's function takes the
secret third, after a URL and the key id, when the second argument is no format name
(``s3(url, 'CSV', 'a String')`` has none); a database's takes the password fifth, after a
``host:port``. The literal is judged as after ``secret_access_key=`` or ``password=``
(``tables.judged``), so a ``NOSIGN`` call, a named collection and a ``{placeholder}`` stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

STORES = ("s3", "gcs", "oss", "cosn")
DATABASES = ("mysql", "postgresql", "remote", "remoteSecure", "mongodb")
# A doubled quote inside a literal is read as two literals side by side (one reading of the text).
CALL = Lazy(
    r"(?<![\w.])(?P<fn>s3Cluster|s3|gcs|oss|cosn|mysql|postgresql|remoteSecure|remote|mongodb)"
    r"\((?P<args>(?:'(?:[^'\\\n]|\\.)*'|[^'()\n]){1,1000})\)"
)
ARGUMENT = re.compile(
    r"[ \t]*(?:'(?P<literal>(?:[^'\\\n]|\\.|'')*)'|(?P<other>[^,]*?))[ \t]*(?:,|\Z)"
)
# ClickHouse's input and output formats an object store's second argument may name instead.
FORMAT = re.compile(
    r"(?i)(?:csv|tsv|tabseparated|parquet|orc|avro|arrow|json|ndjson|xml|native|rowbinary|values"
    r"|protobuf|capnproto|msgpack|npy|raw|template|regexp|line|one|markdown|pretty|sqlinsert|bson"
    r"|hive|vertical|null|auto|custom)\w*"
)


def arguments(match: re.Match[str]) -> list[tuple[str | None, int, int]]:
    """Return each argument of a call: its literal's text (None for any other) and span."""
    out: list[tuple[str | None, int, int]] = []
    base, args = match.start("args"), match.group("args")
    at = 0
    while at <= len(args):
        found = ARGUMENT.match(args, at)
        if found is None or found.end() == at:
            break
        if found.group("literal") is not None:
            out.append(
                (found.group("literal"), base + found.start("literal"), base + found.end("literal"))
            )
        else:
            out.append((None, base + found.start("other"), base + found.end("other")))
        at = found.end()
    return out


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a table function's positional credential, or None."""
    fn = match.group("fn")
    args = arguments(match)
    if fn == "s3Cluster":
        args = args[1:]
    if fn in DATABASES:
        if len(args) < 5 or args[0][0] is None or ":" not in args[0][0]:
            return None
        key, (value, _start, end) = "password", args[4]
    else:
        if len(args) < 3 or args[0][0] is None or "://" not in args[0][0]:
            return None
        if args[1][0] is None or FORMAT.fullmatch(args[1][0]):
            return None
        key, (value, _start, end) = "secret_access_key", args[2]
    if not value:
        return None
    return judged(key, value, end)


def rules() -> list[Rule]:
    """Return the rule for a table function's positional credential."""
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(CALL.pattern), judge=judge),),
            trigger=Trigger(
                words=tuple(f"{fn.lower()}(" for fn in (*STORES, *DATABASES, "s3Cluster")),
                lower=True,
            ),
            gate=r"(?:s3Cluster|s3|gcs|oss|cosn|mysql|postgresql|remoteSecure|remote|mongodb)\(",
        )
    ]
