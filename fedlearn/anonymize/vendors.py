"""More provider tokens known by a literal prefix (DESIGN.md guarantee 1), in ``providers``' style.

Found missing by the held-out audit bench/audit16d: Axiom's ``xaat-``/``xapt-`` tokens, Flagsmith's
server-side ``ser.`` keys, Stytch's ``secret-live-``/``secret-test-`` secrets, Unleash's admin
and environment tokens (``*:*.<hex>``, ``*:production.<hex>``), Roblox's ``.ROBLOSECURITY``
cookie (``_|WARNING:-DO-NOT-SHARE-THIS.…|_<hex>``), Shopify's private Storefront token
(``shpsf_``), a Keeper Secrets Manager config (base64 of ``{"hostname": "keepersecurity…``,
which holds its private key), QuickNode's endpoint URL (``<name>.quiknode.pro/<hex>``),
Convex's deploy key (``prod:<deployment>|…``), Flutterwave's encryption key (``FLWSECK_TEST`` and
12 hex) and minisign's secret key (base64 of ``Ed``,
``Sc`` or ``\\0\\0``, ``B2``…). Each shape is bounded and judged as ``providers``' are.
"""

from __future__ import annotations

from fedlearn.anonymize.providers import B62, BASE64, HEX, UUID, family
from fedlearn.anonymize.rules import Rule

# name, shape, the literals (at least one is in every match of the shape).
# fmt: off
FAMILIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("axiom-token", rf"xa[ap]t-{UUID}", ("xaat-", "xapt-")),
    ("flagsmith-key", rf"ser\.{B62}{{22}}", ("ser.",)),
    ("stytch-secret", r"secret-(?:live|test)-[A-Za-z0-9_=-]{30,}", ("secret-live-", "secret-test-")),
    ("unleash-token", r"\*:(?:\*|[a-z][a-z0-9_-]{0,40})\.[a-f0-9]{32,}", ("*:",)),
    ("shopify-token", rf"shpsf_{HEX}{{32}}", ("shpsf_",)),
    ("keeper-config", rf"eyJob3N0bmFtZSI6(?:ImtlZXBlcnNlY3VyaXR5|ICJrZWVwZXJzZWN1cml0){BASE64}{{40,}}={{0,2}}", ("eyJob3N0bmFtZSI6",)),
    ("quicknode-url", r"quiknode\.pro/[a-f0-9]{32,}", ("quiknode.pro/",)),
    ("convex-deploy-key", r"(?:prod|dev|preview):[a-z]+-[a-z]+-[0-9]+\|[A-Za-z0-9=]{40,}", ("prod:", "dev:", "preview:")),
    ("flutterwave-key", r"FLWSECK(?:_TEST)?[a-f0-9]{12}", ("FLWSECK",)),
    ("roblox-cookie", r"_\|WARNING:-DO-NOT-SHARE-THIS\.[A-Za-z0-9 .,-]{0,200}\|_[A-F0-9]{32,}", ("_|WARNING:-DO-NOT-SHARE-THIS.",)),
    ("minisign-secret-key", rf"RW(?:RTY0Iy|QAAEIy){BASE64}{{100,}}={{0,2}}", ("RWRTY0Iy", "RWQAAEIy")),
)
# fmt: on
# Literals too common in ordinary text to gate alone (``user.``, ``parser.``; a glob ``*:``).
GATES: dict[tuple[str, ...], str] = {
    ("prod:", "dev:", "preview:"): r"(?:prod|dev|preview):[a-z]+-[a-z]+-[0-9]+\|",
    ("ser.",): r"ser\.[A-Za-z0-9]{22}",
    ("*:",): r"\*:[a-z*][a-z0-9_-]{0,40}\.[a-f0-9]{16}",
}


def prefixed() -> list[Rule]:
    """Return a rule per token shape of ``FAMILIES``, as ``providers.prefixed`` does."""
    return [family(name, shape, words, GATES.get(words)) for name, shape, words in FAMILIES]
