"""Vault's unseal and recovery keys (DESIGN.md guarantee 1).

``vault operator init`` prints each key share on its own line, ``Unseal Key 1: <base64>`` (or
``Recovery Key 1:`` with auto-unseal), with ``-format=json`` as the lists ``"unseal_keys_b64"``,
``"unseal_keys_hex"``, ``"recovery_keys_b64"``, ``"recovery_keys_hex"``; ``vault operator unseal
<key>`` takes one on its command line. Any of these shares opens the vault with the others: a
drawn value there (base64 or hex, 16+ characters, ``readouts.is_generated``) is an
``unseal-key``. The root token is ``vault-token``'s (``hvs.``/``s.``). ``Unseal Nonce``,
``Unseal Progress 1/3``, a placeholder or a variable (``$UNSEAL_KEY_1``) stay. From bench/contexts29.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize.readouts import is_generated
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

SHARE = r"[A-Za-z0-9+/=_-]{16,600}"
LABELLED = Lazy(
    r"(?:Unseal|Recovery)[ \t]Key[ \t][0-9]{1,3}:[ \t]*(?P<value>" + SHARE + r")(?![^\s\"',\\])"
)
UNSEAL = Lazy(
    r"vault[ \t]+operator[ \t]+unseal(?:[ \t]+-[a-z-]+(?:=\S*)?)*[ \t]+[\"']?(?P<value>"
    + SHARE
    + r")(?![^\s\"'])"
)
# A JSON list of key shares, up to its closing bracket (one share per string).
LISTED = Lazy(
    r"\"(?:unseal|recovery)_keys_(?:b64|hex)\\?\"[ \t]*:[ \t]*\[(?P<items>[^\]]{0,8000})\]"
)
ITEM = re.compile(r"\"(?P<value>" + SHARE + r")\\?\"")


def listed(subject: str) -> Iterator[re.Match[str]]:
    """Yield a match of each string in a JSON list of key shares."""
    for found in LISTED.finditer(subject):
        yield from ITEM.finditer(subject, found.start("items"), found.end("items"))


def share(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a drawn key share, or None."""
    value = match.group("value")
    if not is_generated(value):
        return None
    return match.start("value"), match.end("value"), "unseal-key"


def rules() -> list[Rule]:
    """Return the rules for Vault's unseal and recovery keys."""
    return [
        Rule(
            ("unseal-key",),
            (
                Matcher(Lazy(LABELLED.pattern), judge=share),
                Matcher(Lazy(UNSEAL.pattern), judge=share),
            ),
            trigger=Trigger(words=("Unseal", "Recovery", "unseal")),
            gate=r"(?:Unseal|Recovery)[ \t]Key[ \t][0-9]|operator[ \t]+unseal[ \t]",
        ),
        Rule(
            ("unseal-key",),
            (Matcher(Lazy(ITEM.pattern), find=listed, judge=share),),
            trigger=Trigger(words=("_keys_b64", "_keys_hex")),
            gate=r"(?:unseal|recovery)_keys_(?:b64|hex)",
        ),
    ]
