"""The few errors fedlearn raises; only ``cli.main`` catches them.

Each carries the process exit code and, where one exists, a hint naming the fixing command.
Bad input lines are values (counted and quarantined), never these exceptions.
"""

from __future__ import annotations


class FedlearnError(Exception):
    """
    Base of every error fedlearn reports to the user.

    Attributes:
        exit_code: the process exit code ``cli.main`` returns for this error.
        hint: one line naming the command or setting that fixes it, or "".
    """

    exit_code: int = 1

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


class ConfigError(FedlearnError):
    """The configuration file or the command line is invalid (exit 2)."""

    exit_code = 2

    def __init__(self, message: str, *, details: list[str] | None = None, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.details = details or []


class LockHeldError(FedlearnError):
    """Another run of the same job holds its lock (exit 3)."""

    exit_code = 3


class SecretFoundError(FedlearnError):
    """A secret scan found something that must not be committed (exit 1)."""


class VerifyError(FedlearnError):
    """A snapshot or manifest failed verification (exit 1)."""


class StateError(FedlearnError):
    """A file in the state dir is damaged (exit 1); the hint says how to start it over."""


class GitError(FedlearnError):
    """A git command failed or the repository is in a state that makes the job unsafe (exit 1)."""


class QdrantError(FedlearnError):
    """Qdrant refused a request or stayed unreachable after the retries (exit 1)."""


class EmbeddingError(FedlearnError):
    """The embedder failed or returned vectors of the wrong shape (exit 1)."""
