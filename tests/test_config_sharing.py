"""The ``[publish]``, ``[pull]`` and ``[trust]`` tables: the author's shape, the limits, the pairs."""

from __future__ import annotations

from typing import Any

import pytest

from fedlearn import config, config_sharing
from tests.conftest import config_problems


@pytest.mark.parametrize(
    ("author", "name", "email"),
    [
        ("fedlearn <fedlearn@localhost>", "fedlearn", "fedlearn@localhost"),
        ("  Node Alpha   <alpha@fed.invalid> ", "Node Alpha", "alpha@fed.invalid"),
    ],
)
def test_author_reads_name_and_email(author: str, name: str, email: str) -> None:
    """``Name <email>`` splits into the two, spaces around them dropped."""
    match = config_sharing.AUTHOR.fullmatch(author)
    assert match is not None and (match["name"], match["email"]) == (name, email)


def test_the_tables_convert_and_default() -> None:
    """Keys convert into the three tables; what is not set keeps its default."""
    table = {
        "publish": {"branch": "fed", "push_attempts": 2},
        "pull": {"import_after": False},
        "trust": {"admins": ["alpha"]},
    }
    cfg = config.structure(table)
    assert cfg.publish == config_sharing.Publish(branch="fed", push_attempts=2)
    assert cfg.pull == config_sharing.Pull(import_after=False)
    assert cfg.trust == config_sharing.Trust(admins=["alpha"])


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ({"publish": {"author": "fedlearn"}}, "publish.author"),
        ({"publish": {"author": "<only@an.email>"}}, "publish.author"),
        ({"publish": {"author": "name <with space@x>"}}, "publish.author"),
        ({"publish": {"push_attempts": 0}}, "publish.push_attempts"),
        ({"publish": {"push_deadline": 0}}, "publish.push_deadline"),
        ({"publish": {"timeout": -1}}, "publish.timeout"),
        ({"publish": {"remote": 1}}, "publish.remote"),
        ({"pull": {"import_after": "yes"}}, "pull.import_after"),
        ({"trust": {"admins": ["Alpha Node"]}}, "trust.admins"),
        ({"trust": {"signing_key": "id_ed25519"}}, "trust.signing_key"),
        ({"trust": {"allowed_signers": "signers"}}, "trust.signing_key"),
    ],
)
def test_bad_values_are_refused_naming_the_key(table: dict[str, Any], key: str) -> None:
    """An author not ``Name <email>``, a limit out of range, a half-set pair: named by key."""
    problems = config_problems(table)
    assert any(problem.startswith(key) for problem in problems), problems
