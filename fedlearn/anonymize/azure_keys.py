"""Azure's identifiable keys (DESIGN.md guarantee 1): known by a signature at a fixed place.

Found missing by the held-out audit bench/audit16f: Azure's keys since 2022 carry a four-character
signature of their service at a fixed offset of their base64 (Microsoft security-utilities'
``IdentifiableSecrets``): Functions ``AzFu`` after 44 base64url characters (``[AQgw]==`` at the
end), Cognitive Search ``AzSe`` after 42, Relay ``+ARm``, Event Hubs ``+AEh``, Service Bus
``+ASb``, IoT ``AIoT``, Cache for Redis ``AzCa`` and Event Grid ``AZEG`` after 33 (a character
``A``–``P``, five more, ``=``), Storage ``+ASt``, Cosmos DB ``ACDb``, Batch ``+ABa``, Machine
Learning ``+AMC`` and API Management ``APIM`` after 76 (``[AQgw]==`` at the end), Container
Registry ``+ACR`` after 42; API Management's git credential is ``git&<expiry>&<86 base64>``. A
key is found by its shape alone, wherever it stands (a chat line, a
positional SQL parameter), not only under a key name; it must start a run of token characters
and hold 16 distinct characters or more (a random key of 44 holds about 30).

A legacy Azure DevOps personal access token is 52 characters of lower-case base32 (``[a-z2-7]``,
security-utilities' ``AdoLegacyPat``), standing alone: found when it holds 4 digits or more and
reads as generated (a SHA-256 in Nix's base32 has ``0``, ``1``, ``8`` or ``9``; words have no
digits). It is looked for only in a text with a long base64 run (``probe.base64_runs``, which
the look rule has mapped already).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from fedlearn.anonymize import probe, words
from fedlearn.anonymize.providers import family
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Runs, Trigger, secret

B64 = "[A-Za-z0-9+/]"
# API Management's git credential: ``git&``, its expiry (``yyyyMMddHHmm``), ``&``, an HMAC-SHA512
# in base64 (86 characters and ``==``, which a copy may lose); the user or host before it may be
# glued to it (``…scm.azure-api.netgit&…``), so unlike ``vendors``' shapes it need not start a run.
APIM_GIT = r"git&[0-9]{12}&[A-Za-z0-9+/]{86}(?:==)?(?![A-Za-z0-9+/])"
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


ADO_PAT = r"(?<![A-Za-z0-9_+/-])[a-z2-7]{52}(?![A-Za-z0-9_+/=-])"
ADO_RUN = b"\x01" * 52
# ``[a-z2-7]`` maps to 1, every other byte to 0: a PAT is a run of 52 ones in the mapped UTF-8.
ADO_BYTES = bytes(int(chr(byte) in "abcdefghijklmnopqrstuvwxyz234567") for byte in range(256))
HASH_LABEL = Lazy(r"(?i)sha(?:256|384|512)[:-]\Z")


def ado_pats(pattern: Lazy) -> Callable[[str], Iterator[re.Match[str]]]:
    """Return a finder of the 52-character runs of ``[a-z2-7]``, tried only in a text that has a
    run of 52 base64 characters (``probe.long_runs``, read once for the long-run rules) holding
    52 of ``[a-z2-7]`` in a row (``ADO_BYTES``; such characters are ASCII, one byte each):
    ordinary text compiles nothing, and a base64 blob runs no regex."""

    def find(subject: str) -> Iterator[re.Match[str]]:
        if has_pat_run(probe.long_runs(subject)):
            # Only then the regex, which tries every lower-case letter.
            yield from pattern.finditer(subject)

    return find


def has_pat_run(found: Runs) -> bool:
    """Return whether a text's long runs hold 52 of ``[a-z2-7]`` in a row (``ADO_BYTES``): a PAT's
    characters are base64's, so it is inside one of the long runs, of 52 or more."""
    data, spans, longest = found
    if longest < len(ADO_RUN):
        return False
    for start, end in spans:
        if end - start >= len(ADO_RUN) and data[start:end].translate(ADO_BYTES).find(ADO_RUN) >= 0:
            return True
    return False


def is_ado_pat(match: re.Match[str], text: str) -> bool:
    """Return whether a run holds 4 digits or more and reads as generated, and no hash label
    stands before it (``sha256:<52>``: a SHA-256 in base32 is 52 characters, Nix writes them)."""
    value = match.group()
    if HASH_LABEL.search(text, max(0, match.start() - 8), match.start()):
        return False
    return sum(c.isdigit() for c in value) >= 4 and words.is_token_body(value)


def rules() -> list[Rule]:
    """Return a rule per shape, each named ``azure-identifiable-key``, and ``azure-devops-pat``."""
    pattern = Lazy(ADO_PAT)  # one per build: a pattern compiles on first use in its own engine
    return [
        family("azure-identifiable-key", shape, literals, check=is_varied)
        for shape, literals in SHAPES
    ] + [
        secret(
            "azure-apim-key",
            Matcher(Lazy(APIM_GIT), check=is_varied),
            gate=r"git&[0-9]",
            trigger=Trigger(words=("git&",)),
        ),
        secret(
            "azure-devops-pat",
            Matcher(pattern, check=is_ado_pat, find=ado_pats(pattern)),
            gate=None,  # a counted run in the RE2 set would multiply its states
            trigger=Trigger(words=("2", "3", "4", "5", "6", "7")),
            long_run=has_pat_run,  # what ``ado_pats`` finds only in
        ),
    ]
