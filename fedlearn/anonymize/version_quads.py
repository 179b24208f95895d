"""Dotted quads that a text says are versions, not IPv4 addresses (guarantee 2's exceptions).

``is_version`` tells a version of four numbers after a version word (``version: 2.5.34.0``,
``Version=4.0.0.0``, ``"FileVersion": "10.0.1.2"``, a range's end: ``oldVersion="0.0.0.0-13.0.0.0"``;
a package's version pinned to a digest: ``aeson-2.2.1.0@sha256:…``, or in a wheel's name:
``pkginfo-1.12.1.2-py3-none-any.whl``, or Nix's ``<name>-<version>`` in a text about Nix:
``nix-env --install firefox-2.0.0.11``), a Debian version after a dependency's relation
(``macs (<< 2.2.7.1-3~)``) or in ``dpkg -l``'s version column, or one with a named pre-release or
build part (``11.3.244.8-node.38``)) from an IPv4 address.

Release notes also write a version word after the quad (``Git 1.7.12.3 Release Notes``, ``the
1.7.3.1 release``) and then name the same quad bare (``the fix for this in 1.8.1.2``) where they
wrote it as ``v1.8.1.2`` elsewhere: a quad the text writes as a version anywhere is that version
everywhere in it (``is_named_version``).
"""

from __future__ import annotations

from fedlearn.anonymize.per_text import anywhere, per_text
from fedlearn.anonymize.rules import Lazy

# A release word right after the quad: ``1.7.3.1 release``, ``… Release Notes``.
WORD_AFTER = Lazy(r"\s{1,2}(?i:release)(?![A-Za-z])")
# A version word right before the quad: ``version 1.8.1.2``. Not ``release``, a verb there too
# (``release 192.168.1.20 from the lease``): an address would spread to its other copies.
WORD_BEFORE = Lazy(r"(?<![A-Za-z])(?i:version)\s{1,2}\Z")


# A quad elsewhere in the text, whole (no digit or dot beside it).
QUAD = Lazy(r"(?<![0-9.])[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+(?![0-9.])")
# Characters up to which a quad searches the text for its other copies before the text's pass:
# in a longer text each quad's two searches read it whole (thousands of addresses: quadratic),
# and the pass, once per text, answers alike (a copy it finds the searches find too).
SEARCHED_WHOLE = 4096


@per_text
def written_versions(text: str) -> dict[str, list[int]]:
    """Return the starts of each quad ``text`` writes as a version (``is_written_as_version``),
    by quad: one pass over the text, kept for the next question about the same text (a log naming
    one address on each line asks for each copy; a search of all copies each time was quadratic)."""
    found: dict[str, list[int]] = {}
    for run in QUAD.compiled.finditer(text):
        if is_written_as_version(text, *run.span()):
            found.setdefault(run.group(), []).append(run.start())
    return found


def is_named_version(text: str, start: int, end: int) -> bool:
    """
    Return whether the quad ``text[start:end]`` is a version by the word after it, or by the way
    the text writes the same quad elsewhere (``v1.8.1.2``, ``version 1.8.1.2``, ``1.8.1.2 release``).
    """
    if WORD_AFTER.compiled.match(text, end) is not None:
        return True
    quad = text[start:end]
    if len(text) <= SEARCHED_WHOLE and text.find(quad, end) < 0 and text.find(quad, 0, end - 1) < 0:
        return False  # written once: most texts
    return any(found != start for found in written_versions(text).get(quad, ()))


def is_written_as_version(text: str, start: int, end: int) -> bool:
    """Return whether the quad at ``start`` is written as a version: ``v`` glued before it (no
    letter or digit before that), a version word before it or ``release`` after it."""
    if text.startswith((".", *"0123456789"), end) or (start and text[start - 1] in ".0123456789"):
        return False  # a longer number's piece (``11.8.1.2``, ``1.8.1.23``)
    if start and text[start - 1] in "vV" and (start < 2 or not text[start - 2].isalnum()):
        return True
    if WORD_AFTER.compiled.match(text, end) is not None:
        return True
    return WORD_BEFORE.compiled.search(text[max(0, start - 10) : start]) is not None


# A version word right before an address-shaped value (``version: ``, ``Version=``, ``ver. ``,
# ``release``, ``build``, ``firmware``, ``"FileVersion": "``, ``AssemblyVersion("``): a word of
# its own or a camelCase one's last, not the end of another word (``server: <ip>``, ``conversion``);
# and the upper end of a range after one (``oldVersion="0.0.0.0-13.0.0.0"``).
VERSION_WORD = Lazy(
    r"(?:(?<![A-Za-z])(?:(?i:version|release|build|firmware|revision)|[Vv]er\.?|VER)"
    r"|(?<=[a-z0-9_])(?:Version|Release|Build|Revision))[\"']?\s*(?:[:=]\s*)?[(\"']{0,2}\s*"
    r"(?:[0-9]{1,5}(?:\.[0-9]{1,5}){3}-)?\Z"
)
# What every version word holds, in lower case (version and ver: ``ver``, revision: ``rev``,
# build: ``ld``, release: ``lea``, firmware: ``rmw``; no other character matches these letters
# case-insensitively): a window without one has no version word, and the search is skipped.
VERSION_PARTS = ("ver", "rev", "ld", "lea", "rmw")
# A package's name and version pinned to a digest: ``<name>-<a.b.c.d>@sha256:`` (Hackage ids),
# or in a wheel's name, before its Python tag (``pkginfo-1.12.1.2-py3-none-any.whl``; a quad
# with a ``.`` after it, ``x-2.0.0.9.tar.gz``, is no address anyway; ``relay-10.20.30.40`` goes).
PINNED_VERSION = Lazy(
    r"[0-9]{1,5}(?:\.[0-9]{1,5}){3}(?:@sha(?:1|256|384|512)[:-]|-(?:py|cp|pp)[0-9])"
)
PACKAGE_NAME = Lazy(r"(?<![\w.-])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*-\Z")
# Nix names a package ``<name>-<version>`` (``firefox-2.0.0.11``, ``libreoffice-4.0.5.2``): in a
# text about Nix (its commands, the store, nixpkgs, a ``.nix`` file), a four-number version
# glued to a package's name by ``-`` is that version (``relay-10.20.30.40`` elsewhere goes).
NIX_TEXT = Lazy(r"\bnix(?:-env|-store|-build|-shell|pkgs|os-rebuild)\b|/nix/store/|\.nix\b")
says_nix = anywhere(NIX_TEXT)  # read once per text, not per candidate
VERSION_WINDOW = 24
# Debian's versions: after a relation in a dependency field (``macs (<< 2.2.7.1-3~)``, an epoch
# allowed) or in the version column of a ``dpkg -l`` row (``ii  alsa-topology-conf  1.2.5.1-2``:
# the status letters, a package's name, maybe its architecture; a Debian revision after it); and a
# version with a named pre-release or build part (``v8: '11.3.244.8-node.38'``, ``-rc.1``).
DEBIAN_RELATION = Lazy(r"\((?:<<|<=|=|>=|>>) ?(?:[0-9]{1,4}:)?\Z")
DPKG_ROW = Lazy(
    r"(?:^|\n)[uihrpU][ncUiFHWt][R ] +[a-z0-9][a-z0-9+.-]+(?::[a-z0-9]+)?  +(?:[0-9]{1,4}:)?\Z"
)
DPKG_REACH = 160
DEBIAN_REVISION = Lazy(r"[0-9]{1,5}(?:\.[0-9]{1,5}){3}-[0-9][0-9A-Za-z.+~]*(?:[ \t]|\Z)")
SUFFIXED_VERSION = Lazy(r"[0-9]{1,5}(?:\.[0-9]{1,5}){3}-[a-z]{2,}\.[0-9]")
# How far after a quad's start the ``-`` after it can be (``SUFFIXED_VERSION``, ``DEBIAN_REVISION``).
QUAD_REACH = 24


def is_version(text: str, start: int) -> bool:
    """
    Return whether the dotted quad at ``start`` follows a version word (``Version=4.0.0.0``) or
    is a package's version pinned to a digest (``aeson-2.2.1.0@sha256:…``, Stack's lock file) or
    in a wheel's name (``pkginfo-1.12.1.2-py3-none-any.whl``) or, in a text about Nix, glued to a
    package's name (``firefox-2.0.0.11``).
    """
    # ``endswith(c, 0, start)``: the character before ``start``, none at the text's start
    # (``startswith(c, start - 1)`` would read the text's last character there).
    if text.endswith("-", 0, start) and (PINNED_VERSION.match(text, start) or says_nix(text)):
        return PACKAGE_NAME.search(text, max(0, start - 64), start) is not None
    # A suffixed version and a Debian revision have a ``-`` right after the quad: one ``find``
    # (a quad of five-digit numbers ends 23 characters in) spares most addresses two matches.
    dashed = text.find("-", start, start + QUAD_REACH) >= 0
    if dashed and SUFFIXED_VERSION.match(text, start) is not None:
        return True
    if DEBIAN_RELATION.search(text, max(0, start - 10), start) is not None:
        return True
    if dashed and text.endswith(" ", 0, start) and DEBIAN_REVISION.match(text, start):
        return DPKG_ROW.search(text, max(0, start - DPKG_REACH), start) is not None
    first = max(0, start - VERSION_WINDOW)
    window = text[first:start].lower()
    # ``VERSION_PARTS`` written out: a generator over five parts costs ~3x the five ``in`` tests.
    if not (
        "ver" in window or "rev" in window or "ld" in window or "lea" in window or "rmw" in window
    ):
        return False  # most dotted quads (an address after ``peer=``): no regex search
    return VERSION_WORD.compiled.search(text, first, start) is not None
