"""The ``[publish]``, ``[pull]`` and ``[trust]`` tables: how this node shares data/ over git.

``config`` loads and validates them; every other module names them ``config.Publish``,
``config.Pull`` and ``config.Trust``.
"""

from __future__ import annotations

import re

import attrs

# ``publish.author``: ``Name <email>`` (a name, then an email without spaces in angle brackets).
AUTHOR = re.compile(r"\s*(?P<name>[^<>]*?)\s*<(?P<email>[^<>\s]+)>\s*")


@attrs.frozen
class Publish:
    """
    The ``[publish]`` table: how ``fedlearn publish`` commits and pushes.

    Attributes:
        remote: the git remote to push to and pull from.
        branch: the branch this node commits on.
        author: the commits' author and committer, ``Name <email>`` (never a hostname).
        push_attempts: tries of a push the remote rejected because another node pushed first.
        push_deadline: seconds after which no new push starts.
        timeout: seconds one git fetch or push may take in all before it is stopped (a remote
            that hangs or trickles).
    """

    remote: str = "origin"
    branch: str = "main"
    author: str = "fedlearn <fedlearn@localhost>"
    push_attempts: int = 5
    push_deadline: float = 120.0
    timeout: float = 600.0


@attrs.frozen
class Pull:
    """
    The ``[pull]`` table: what ``fedlearn pull`` does after bringing in new data.

    Attributes:
        import_after: run import after a pull that changed data/.
    """

    import_after: bool = True


@attrs.frozen
class Trust:
    """
    The ``[trust]`` table: who this node believes wrote which files under data/ (docs/sharing.md).

    Attributes:
        allowed_signers: git's allowed-signers file (``gpg.ssh.allowedSignersFile``): one line per
            node, ``<node_id> <key type> <public key>``. Set, it turns identity on: pull and
            publish accept a change to a node's files under data/ only from a commit signed by
            that node's key, and keep the last accepted content for any other (with a warning);
            "" trusts every commit (this node's own files are protected either way).
        signing_key: this node's SSH private key file (``user.signingkey``, e.g.
            ``/var/lib/fedlearn/id_ed25519``); required with ``allowed_signers``: publish signs its
            commits with it.
        admins: node ids whose retractions remove a pattern from every node's view (any other
            node's retraction withdraws only its own record of the pattern).
    """

    allowed_signers: str = ""
    signing_key: str = ""
    admins: list[str] = attrs.field(factory=list)
