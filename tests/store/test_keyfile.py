"""Secret files named in the config: read at use, stripped; a missing one is an error naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from fedlearn.errors import EmbeddingError
from fedlearn.store import keyfile


def test_read_returns_the_stripped_key(tmp_path: Path) -> None:
    """The file's content is returned without its surrounding white space."""
    path = tmp_path / "key"
    path.write_text("  sk-test  \n")
    assert keyfile.read(str(path), "embedding.api_key_file", EmbeddingError) == "sk-test"


def test_read_of_no_file_is_empty() -> None:
    """No configured file means no key."""
    assert keyfile.read("", "embedding.api_key_file", EmbeddingError) == ""


def test_read_of_a_missing_file_names_the_key_and_the_file(tmp_path: Path) -> None:
    """An unreadable file raises the given error with the config key and the path."""
    missing = tmp_path / "gone"
    with pytest.raises(EmbeddingError, match=rf"embedding\.api_key_file {missing}"):
        keyfile.read(str(missing), "embedding.api_key_file", EmbeddingError)
