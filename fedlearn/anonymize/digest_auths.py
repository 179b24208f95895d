"""The password of a ``user:password`` pair a coordination service's auth scheme takes (DESIGN.md guarantee 1).

ZooKeeper's ``digest`` scheme authenticates a session with ``user:password`` in the clear: the
CLI's ``addauth digest U:V``, the Java client's ``zk.addAuthInfo("digest", "U:V".getBytes())``
and Curator's ``.authorization("digest", "U:V".getBytes(…))``; Solr's basic-auth client
properties take the same pair, ``-Dbasicauth=U:V`` (``SOLR_AUTHENTICATION_OPTS``), bench/contexts44.
The part after the first ``:`` is judged as a ``password`` value (``tables.judged``: references and
placeholders stay). An ACL's ``digest:U:HASH:cdrwa`` (``setAcl``) holds a hash, not the password,
and is not read.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

ZK_CLI = r"\baddauth[ \t]+digest[ \t]+[^\s:]{1,100}:(?P<value>[^\s]{1,200})"
CLIENT = (
    r"\b(?:authorization|addAuthInfo)\([ \t]*\"digest\"[ \t]*,[ \t]*\"[^\"\n:]{1,100}:"
    r"(?P<value>(?:[^\"\\\n]|\\.){1,200})\""
)
SOLR = r"-Dbasicauth=[^\s:\"']{1,100}:(?P<value>[^\s\"']{1,200})"


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the pair's password, judged as a password's value."""
    return judged("password", match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rule for a digest or basic-auth ``user:password`` pair."""
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(ZK_CLI), judge=judge),
                Matcher(Lazy(CLIENT), judge=judge),
                Matcher(Lazy(SOLR), judge=judge),
            ),
            trigger=Trigger(
                words=("addauth", "authorization(", "addauthinfo(", "-dbasicauth="), lower=True
            ),
            gate=(
                r"(?i)addauth[ \t]+digest[ \t]|(?:authorization|addauthinfo)\([ \t]*\"digest\""
                r"|-dbasicauth="
            ),
        )
    ]
