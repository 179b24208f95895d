"""Objects whose type says they hold a secret (DESIGN.md guarantee 1; from ``bench/contexts35``).

QEMU passes passwords and disk keys as a ``secret`` object: ``-object secret,id=sec0,data=V``
(``--object`` for ``qemu-img``/``qemu-nbd``/``qemu-storage-daemon``, ``object_add secret,…`` or
``object_add qom-type=secret,…`` in the monitor). The option list's type, its first member, names
the secret, so its ``data=`` member is one whatever its format (``format=base64`` encodes it); its
``file=`` member and the ``password-secret=``/``key-secret=`` of other options name the object,
no value. Reports ``secret``; a value is 4+ characters and no ``$reference`` or placeholder.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import checks
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret

# An option list of type ``secret``, up to its ``data=`` member (members are ``,``-separated).
OBJECT = Lazy(
    r"(?:-{1,2}object[ \t]+|object_add[ \t]+(?:qom-type=)?)[\"']?secret,(?:[^\s,\"']{1,200},){0,8}?"
    r"data=(?P<value>[^\s,\"']{4,4096})"
)


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a ``secret`` object's ``data=`` value unless it refers to one."""
    if checks.is_reference(match.group("value")):
        return None
    return match.start("value"), match.end("value"), "secret"


def rules() -> list[Rule]:
    """Return the rule for the ``data=`` of a QEMU ``secret`` object."""
    return [
        secret(
            "secret",
            Matcher(Lazy(OBJECT.pattern), judge=judge),
            trigger=Trigger(words=("secret,",)),
            gate=r"object(?:_add)?[ \t]+(?:qom-type=)?[\"']?secret,",
        ),
    ]
