"""git's settings whose value is public, though their name ends in a secret word (DESIGN.md
guarantee 1).

``user.signingkey`` names the key that signs commits: a GPG key's id, an SSH public key
(``key::ssh-ed25519 …``) or its ``.pub`` path, never the private key. Every reader of git's
settings asks ``is_public_setting`` before it judges a value under such a name: ``directives``
(``git config [set] NAME V`` and a ``--get-regexp`` listing), ``setting_reads`` (``git config
--get NAME`` and the value printed under it), ``spaced_pairs`` (a listing's ``NAME V`` line) and
``assignments`` (``git config -l``'s ``NAME=V``, and a config file's ``KEY = V`` under its
section's header, ``[user]`` then ``signingkey = …``: ``is_public_in_section``).
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy

# git's variable names (section and key, which git reads in any case) whose values are public.
PUBLIC_SETTINGS = frozenset({"user.signingkey"})


def is_public_setting(name: str) -> bool:
    """Return whether ``name`` (``section.key``, any case) is a git setting whose value is public."""
    return name.lower() in PUBLIC_SETTINGS


# A config file's section header (``[user]``, ``[remote "origin"]``), alone on its line.
SECTION = Lazy(
    r"(?m)^[ \t]*\[(?P<section>[A-Za-z0-9.-]{1,64})(?:[ \t]+\"[^\"\n]{0,200}\")?\][ \t]*\r?$"
)
# How far back a key's section header is looked for: a git config section is short.
SECTION_WINDOW = 4096


def is_public_in_section(text: str, key_start: int, key: str) -> bool:
    """
    Return whether ``key`` at ``key_start`` is the key of a public setting written in a config
    file under its section's header (``[user]`` then ``signingkey = 3AA5C34371567BD2``, a
    ``.gitconfig``), the last header within ``SECTION_WINDOW`` characters before it.
    """
    lowered = key.lower()
    sections = {
        section
        for section, _, name in (setting.rpartition(".") for setting in PUBLIC_SETTINGS)
        if name == lowered
    }
    if not sections:
        return False
    last = None
    for found in SECTION.compiled.finditer(text, max(0, key_start - SECTION_WINDOW), key_start):
        last = found
    return last is not None and last.group("section").lower() in sections
