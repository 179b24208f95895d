"""Azure's identifiable keys (DESIGN.md guarantee 1): known by a signature at a fixed place.

Found missing by the held-out audit bench/audit16f: Azure's keys since 2022 carry a four-character
signature of their service at a fixed offset of their base64 (Microsoft security-utilities'
``IdentifiableSecrets``): Functions ``AzFu`` after 44 base64url characters (``[AQgw]==`` at the
end), Cognitive Search ``AzSe`` after 42, Relay ``+ARm``, Event Hubs ``+AEh``, Service Bus
``+ASb``, IoT ``AIoT``, Cache for Redis ``AzCa`` and Event Grid ``AZEG`` after 33 (a character
``A``–``P``, five more, ``=``), Storage ``+ASt``, Cosmos DB ``ACDb``, Batch ``+ABa``, Machine
Learning ``+AMC`` and API Management ``APIM`` after 76 (``[AQgw]==`` at the end), Container
Registry ``+ACR`` after 42. A key is found by its shape alone, wherever it stands (a chat line, a
positional SQL parameter), not only under a key name; it must start a run of token characters
and hold 16 distinct characters or more (a random key of 44 holds about 30).
"""

from __future__ import annotations

import re

from fedlearn.anonymize.providers import family
from fedlearn.anonymize.rules import Rule

B64 = "[A-Za-z0-9+/]"
URLSAFE = "[A-Za-z0-9_-]"
B62 = "[A-Za-z0-9]"
# shape, the signatures (at least one is in every match of the shape).
# fmt: off
SHAPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (rf"{URLSAFE}{{44}}AzFu{URLSAFE}{{5}}[AQgw]==", ("AzFu",)),
    (rf"{B62}{{42}}AzSe[A-D]{B62}{{5}}", ("AzSe",)),
    (rf"{B64}{{33}}(?:\+ARm|\+AEh|\+ASb|AIoT|AzCa|AZEG)[A-P]{B64}{{5}}=", ("+ARm", "+AEh", "+ASb", "AIoT", "AzCa", "AZEG")),
    (rf"{B64}{{76}}(?:\+ASt|ACDb|\+ABa|\+AMC|APIM){B64}{{5}}[AQgw]==", ("+ASt", "ACDb", "+ABa", "+AMC", "APIM")),
    (rf"{B64}{{42}}\+ACR[A-D]{B64}{{5}}", ("+ACR",)),
)
# fmt: on


def is_varied(match: re.Match[str], text: str) -> bool:
    """Return whether a key holds 16 distinct characters or more (no filler, no test pattern)."""
    return len(set(match.group())) >= 16


def rules() -> list[Rule]:
    """Return a rule per shape, each named ``azure-identifiable-key``."""
    return [
        family("azure-identifiable-key", shape, words, check=is_varied) for shape, words in SHAPES
    ]
