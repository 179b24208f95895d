"""The few errors: each carries its exit code and an optional hint naming the fix."""

from __future__ import annotations

from fedlearn import errors


def test_exit_codes_follow_the_documented_table() -> None:
    """Configuration errors exit 2, a held lock 3, every other failure 1."""
    assert errors.ConfigError("x").exit_code == 2
    assert errors.LockHeldError("x").exit_code == 3
    for failure in (errors.GitError, errors.VerifyError, errors.QdrantError, errors.EmbeddingError):
        assert failure("x").exit_code == 1


def test_every_error_is_a_fedlearn_error_and_keeps_its_hint() -> None:
    """Only FedlearnError is caught at the top, and the hint travels with it."""
    error = errors.GitError("push failed", hint="run `fedlearn publish` again")
    assert isinstance(error, errors.FedlearnError)
    assert error.hint == "run `fedlearn publish` again"
    assert str(error) == "push failed"
