"""More provider tokens known by a literal prefix (DESIGN.md guarantee 1), in ``providers``' style.

Found missing by the held-out audit bench/audit16d: Axiom's ``xaat-``/``xapt-`` tokens, Flagsmith's
server-side ``ser.`` keys, Stytch's ``secret-live-``/``secret-test-`` secrets, Unleash's admin
and environment tokens (``*:*.<hex>``, ``*:production.<hex>``), Roblox's ``.ROBLOSECURITY``
cookie (``_|WARNING:-DO-NOT-SHARE-THIS.…|_<hex>``), Shopify's private Storefront token
(``shpsf_``), a Keeper Secrets Manager config (base64 of ``{"hostname": "keepersecurity…``,
which holds its private key), QuickNode's endpoint URL (``<name>.quiknode.pro/<hex>``),
Convex's deploy key (``prod:<deployment>|…``), Flutterwave's encryption key (``FLWSECK_TEST`` and
12 hex), minisign's secret key (base64 of ``Ed``, ``Sc`` or ``\\0\\0``, ``B2``…) and signify's
(of ``Ed``, ``BK``: ``RWRCSw…``). From bench/audit16f: Elastic Cloud API keys (``essu_``, base64
with ``AAAAA`` at offset 85), E2B keys (``e2b_`` + 40 hex), Inngest signing keys (``signkey-prod-``
+ 64 hex), Asana personal access tokens (``2/<digits>/<digits>:<hex32>``) and Modal token secrets
(``as-`` + 22); from its control corpus, MySQL native password hashes (``*`` + 40 upper hex). Each shape is bounded and judged as ``providers``' are.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import azure_keys, wallets
from fedlearn.anonymize.providers import B62, BASE64, HEX, UUID, family, generated
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
    ("signify-secret-key", rf"RWRCSw{BASE64}{{100,}}={{0,2}}", ("RWRCSw",)),
    # From bench/audit16f.
    ("elastic-key", rf"essu_{BASE64}{{80}}AAAAA{BASE64}{{5,7}}={{0,2}}", ("essu_",)),
    ("e2b-key", rf"e2b_{HEX}{{40}}", ("e2b_",)),
    ("inngest-key", rf"signkey-(?:prod|test|branch)-{HEX}{{64}}", ("signkey-",)),
    ("asana-token", r"[12]/[0-9]{13,20}/[0-9]{13,20}:[a-f0-9]{32}", ("/",)),
    ("modal-token", rf"as-{B62}{{22}}", ("as-",)),
    # MySQL's native password hash (``mysql.user``, ``IDENTIFIED BY PASSWORD '*…'``): a sha1 of
    # the sha1 of the password, as good as the password against a dictionary.
    ("mysql-password-hash", r"\*[0-9A-F]{40}", ("*",)),
)
# As wide as gitleaks', trufflehog's, detect-secrets', kingfisher's, noseyparker's and titus' regexes
# for the same provider where ``providers``' shape was narrower (bench/audit16, 16b, 16c).
SCANNERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("onesignal-key", r"os_v2_(?:app|org)_[a-z0-9]{40,}", ("os_v2_",)),
    ("checkout-key", r"sk_sbox_[a-z0-9]{20,}", ("sk_sbox_",)),
    ("mandrill-key", r"md-[A-Za-z0-9_-]{22}", ("md-",)),
    ("woocommerce-key", r"c[sk]_[a-f0-9]{40}", ("cs_", "ck_")),
    ("atlassian-token", r"AT(?:ATT|CTT3xFfG)[A-Za-z0-9+/=_-]+=[A-Za-z0-9]{8}", ("ATATT", "ATCTT3xFfG")),
    ("larksuite-key", rf"cli_{B62}{{16}}", ("cli_",)),
    ("finage-key", r"API_KEY[0-9A-Z]{32}", ("API_KEY",)),
    ("salesforce-token", r"5AEP861[A-Za-z0-9._=]{80,}", ("5AEP861",)),
    ("ecostruxure-key", r"AK1[A-Za-z0-9/]{50,55}", ("AK1",)),
    ("confluent-key", r"cflt[A-Za-z0-9+/]{60}", ("cflt",)),
    ("amazon-mws-token", rf"amzn\.mws\.{UUID}", ("amzn.mws.",)),
    ("google-api-key", r"QUl6YV[A-Za-z0-9+/]{40,}={0,2}", ("QUl6YV",)),
    ("scale-key", r"live_auth_[a-f0-9]{32}", ("live_auth_",)),
    ("wakatime-key", r"waka_[A-Za-z0-9-]{36,}", ("waka_",)),
    ("facebook-token", rf"EAACEdEose0cBA{B62}+", ("EAACEdEose0cBA",)),
    ("mapbox-token", r"tk\.[A-Za-z0-9+/=-]{32,}\.[A-Za-z0-9+/=-]{20,30}", ("tk.",)),
    ("saucelabs-key", r"oauth-[a-z0-9]{8,}-[a-z0-9]{5}", ("oauth-",)),
    ("shutterstock-token", rf"v2/{B62}{{388}}", ("v2/",)),
    ("zapier-webhook", r"hooks\.zapier\.com/hooks/catch/(?=[A-Za-z0-9/]{8})[A-Za-z0-9]+(?:/[A-Za-z0-9]+)*", ("hooks.zapier.com",)),
    ("checkout-key", r"sk_(?:test_)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", ("sk_",)),
    ("convertapi-secret", rf"secret_{B62}{{16}}", ("secret_",)),
    ("openai-key", r"sk-(?:(?:proj|svcacct|service)-)?[A-Za-z0-9_-]*T3BlbkFJ[A-Za-z0-9_-]+", ("T3BlbkFJ",)),
)
# fmt: on
# The shape alone decides: its literal start is the provider's whole token prefix.
SHAPE_ALONE = frozenset({"facebook-token", "zapier-webhook"})
# Literals too common in ordinary text to gate alone (``user.``, ``parser.``; a glob ``*:``).
GATES: dict[tuple[str, ...], str] = {
    ("prod:", "dev:", "preview:"): r"(?:prod|dev|preview):[a-z]+-[a-z]+-[0-9]+\|",
    ("ser.",): r"ser\.[A-Za-z0-9]{22}",
    ("*:",): r"\*:[a-z*][a-z0-9_-]{0,40}\.[a-f0-9]{16}",
    ("cli_",): r"cli_[A-Za-z0-9]{16}",  # ``cli_args``
    ("md-",): r"md-[A-Za-z0-9_-]{22}",  # ``md-button``
    ("cs_", "ck_"): r"c[sk]_[a-f0-9]{40}",
    ("API_KEY",): r"API_KEY[0-9A-Z]{8}",  # ``API_KEY=``
    ("AK1",): r"AK1[A-Za-z0-9/]{20}",
    ("tk.",): r"tk\.[A-Za-z0-9+/=-]{32}",  # ``task.``, ``disk.``
    ("oauth-",): r"oauth-[a-z0-9]{8}",
    ("v2/",): r"v2/[A-Za-z0-9]{40}",  # every versioned API path
    ("sk_",): r"sk_(?:test_)?[0-9a-fA-F]{8}-",
    ("secret_",): r"secret_[A-Za-z0-9]{16}",
    ("git&",): r"git&[0-9]{12}&",
    ("/",): r"[12]/[0-9]{13,20}/[0-9]{13}",  # every path
    ("as-",): r"as-[A-Za-z0-9]{22}",  # ``has-``, ``alias-``
    ("*",): r"\*[0-9A-F]{20}",  # every glob and Markdown emphasis
}


def unemphasized(match: re.Match[str], text: str) -> bool:
    """Return whether a ``*``-led hash is no Markdown bold (``**<hex>**``) and reads generated."""
    start = match.start()
    return (start == 0 or text[start - 1] != "*") and generated(match, text)


# Families judged by a check of their own (default: ``providers.generated``).
CHECKS = {"mysql-password-hash": unemphasized}


def prefixed() -> list[Rule]:
    """Return a rule per token shape of ``FAMILIES`` and ``SCANNERS``, as ``providers.prefixed``
    does, then Azure's identifiable keys (``azure_keys``) and wallet keys (``wallets``)."""
    return (
        [
            family(
                name,
                shape,
                words,
                GATES.get(words),
                None if name in SHAPE_ALONE else CHECKS.get(name, generated),
            )
            for name, shape, words in FAMILIES + SCANNERS
        ]
        + azure_keys.rules()
        + wallets.rules()
    )
