"""git's settings whose value is public, though their name ends in a secret word (DESIGN.md
guarantee 1).

``user.signingkey`` names the key that signs commits: a GPG key's id, an SSH public key
(``key::ssh-ed25519 …``) or its ``.pub`` path, never the private key. Every reader of git's
settings asks ``is_public_setting`` before it judges a value under such a name: ``directives``
(``git config [set] NAME V`` and a ``--get-regexp`` listing), ``setting_reads`` (``git config
--get NAME`` and the value printed under it), ``spaced_pairs`` (a listing's ``NAME V`` line) and
``assignments`` (``git config -l``'s ``NAME=V``).
"""

from __future__ import annotations

# git's variable names (section and key, which git reads in any case) whose values are public.
PUBLIC_SETTINGS = frozenset({"user.signingkey"})


def is_public_setting(name: str) -> bool:
    """Return whether ``name`` (``section.key``, any case) is a git setting whose value is public."""
    return name.lower() in PUBLIC_SETTINGS
