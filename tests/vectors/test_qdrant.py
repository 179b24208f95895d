"""The Qdrant layer on the embedded store: paging, batched calls, and the retry policy."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from qdrant_client import QdrantClient, models
from qdrant_client.http.exceptions import ResponseHandlingException

from fedlearn import config
from fedlearn.errors import QdrantError
from fedlearn.formats import records
from fedlearn.vectors import points, qdrant
from tests import embedserver

SETTINGS = config.Qdrant(retry_attempts=4, retry_deadline=30.0)
COSINE16 = records.VectorConfig(size=16, distance="Cosine")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[qdrant.Store]:
    """Return a Store over a fresh embedded store in a temp state dir."""
    with qdrant.connect(SETTINGS, tmp_path) as opened:
        yield opened


def unit(index: int, size: int = 16) -> list[float]:
    """Return a one-hot vector."""
    return [1.0 if i == index % size else 0.0 for i in range(size)]


def connect_error() -> ResponseHandlingException:
    """Return the error qdrant-client raises when nothing answers."""
    return ResponseHandlingException(httpx.ConnectError("connection refused"))


def flaky(
    method: Callable[..., Any], failures: int, error: Exception
) -> tuple[Callable[..., Any], list[int]]:
    """Return ``method`` wrapped to raise ``error`` on its first ``failures`` calls, and a call log."""
    calls: list[int] = []

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) <= failures:
            raise error
        return method(*args, **kwargs)

    return wrapper, calls


def test_connect_opens_the_embedded_store_in_the_state_dir(tmp_path: Path) -> None:
    """With no URL the store lives in ``<state>/qdrant`` and keeps what was written."""
    with qdrant.connect(SETTINGS, tmp_path) as opened:
        opened.create("notes", COSINE16)
        opened.upsert("notes", [1], [unit(1)], [{"text": "kept"}])
    assert (tmp_path / "qdrant").is_dir()
    with qdrant.connect(SETTINGS, tmp_path) as reopened:
        assert reopened.count("notes") == 1


def test_connect_refuses_a_store_held_by_another_client(tmp_path: Path) -> None:
    """The embedded store's file lock gives a clear QdrantError, not a traceback."""
    with qdrant.connect(SETTINGS, tmp_path), pytest.raises(QdrantError) as caught:
        qdrant.connect(SETTINGS, tmp_path)
    assert "in use" in str(caught.value) and caught.value.hint


def test_vectors_reads_size_and_distance_or_none(store: qdrant.Store) -> None:
    """A missing collection gives None; an existing one its vector config."""
    assert store.vectors("absent") is None
    store.create("present", records.VectorConfig(size=24, distance="Dot"))
    assert store.vectors("present") == records.VectorConfig(size=24, distance="Dot")


def test_vectors_refuses_named_vectors(store: qdrant.Store) -> None:
    """Collections with several named vectors are reported, not guessed at."""
    params = models.VectorParams(size=4, distance=models.Distance.COSINE)
    store.client.create_collection("named", vectors_config={"a": params, "b": params})
    with pytest.raises(QdrantError, match="named vectors"):
        store.vectors("named")


def test_scroll_yields_every_point_across_pages(store: qdrant.Store) -> None:
    """Paging follows ``next_page_offset`` to the end: no point missed, none twice."""
    store.create("many", COSINE16)
    ids = [str(uuid.UUID(int=i + 1)) for i in range(250)]
    store.upsert("many", ids, [unit(i) for i in range(250)], [{"n": i} for i in range(250)])
    seen = list(store.scroll("many", page_size=7))
    assert sorted(p.id for p in seen) == sorted(ids)
    assert {p.payload["n"] for p in seen} == set(range(250))


def test_scroll_yields_points_in_snapshot_order(store: qdrant.Store) -> None:
    """
    Pages come in ``points.sort_key`` order: integers ascending, then canonical UUIDs.

    Export streams snapshots in this order. UUIDs written in other spellings (upper case, no dashes)
    come back canonical and in place; ids span 0 to 2**64 - 1 and UUIDs of every leading digit.
    """
    store.create("mixed", COSINE16)
    randomized = random.Random(5)
    numbers = [0, 1, 9, 10, 255, 2**31, 2**53 + 1, 2**63, 2**64 - 1]
    numbers += randomized.sample(range(2**40), 40)
    uuids = [uuid.UUID(int=randomized.getrandbits(128)) for _ in range(60)]
    spelled: list[int | str] = [
        u.hex if i % 3 == 0 else str(u).upper() if i % 3 == 1 else str(u)
        for i, u in enumerate(uuids)
    ]
    ids = numbers + spelled
    randomized.shuffle(ids)
    store.upsert("mixed", ids, [unit(i) for i in range(len(ids))], [{} for _ in ids])
    seen = [p.id for p in store.scroll("mixed", page_size=7)]
    assert seen == sorted([*numbers, *map(str, uuids)], key=points.sort_key)


def test_scroll_refuses_points_out_of_id_order(
    store: qdrant.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page that breaks id order stops the scroll with a QdrantError naming both ids."""
    store.create("shuffled", COSINE16)
    store.upsert("shuffled", [1, 2, 3], [unit(1), unit(2), unit(3)], [{}, {}, {}])
    scroll = store.client.scroll

    def reversed_pages(*args: Any, **kwargs: Any) -> Any:
        page, following = scroll(*args, **kwargs)
        return list(reversed(page)), following

    monkeypatch.setattr(store.client, "scroll", reversed_pages)
    with pytest.raises(QdrantError, match="returned point 1 after 2, not in id order") as caught:
        list(store.scroll("shuffled", page_size=2))
    assert caught.value.hint


def test_owners_returns_only_present_ids(store: qdrant.Store) -> None:
    """A batched retrieve answers which ids are there, in canonical form, with their owners."""
    store.create("some", COSINE16)
    present = str(uuid.UUID(int=7))
    store.upsert("some", [present, 3], [unit(0), unit(1)], [{}, {points.OWNER: "beta"}])
    absent = str(uuid.UUID(int=8))
    assert store.owners("some", [present, absent, 3, 4]) == {present: None, 3: "beta"}
    assert store.owners("some", []) == {}


def test_search_returns_the_nearest_first(store: qdrant.Store) -> None:
    """The query answers the closest point first, with its payload."""
    store.create("near", COSINE16)
    store.upsert("near", [1, 2, 3], [unit(1), unit(2), unit(3)], [{"n": 1}, {"n": 2}, {"n": 3}])
    hits = store.search("near", unit(2), limit=2)
    assert hits[0] == records.Point(id=2, payload={"n": 2})


def test_delete_removes_the_points(store: qdrant.Store) -> None:
    """Deleted ids are gone and the count drops."""
    store.create("gone", COSINE16)
    store.upsert("gone", [1, 2], [unit(1), unit(2)], [{}, {}])
    store.delete("gone", [1])
    assert store.count("gone") == 1 and set(store.owners("gone", [1, 2])) == {2}


def test_call_retries_transient_errors_then_succeeds(
    store: qdrant.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two connection errors, then Qdrant answers: the upsert goes through once."""
    store.create("flaky", COSINE16)
    wrapper, calls = flaky(store.client.upsert, 2, connect_error())
    monkeypatch.setattr(store.client, "upsert", wrapper)
    store.upsert("flaky", [1], [unit(1)], [{}])
    assert len(calls) == 3 and store.count("flaky") == 1


def test_call_gives_up_after_the_attempts_with_a_hint(
    store: qdrant.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lasting outage ends in QdrantError after exactly ``retry_attempts`` calls."""
    wrapper, calls = flaky(store.client.count, 100, connect_error())
    monkeypatch.setattr(store.client, "count", wrapper)
    with pytest.raises(QdrantError) as caught:
        store.count("anything")
    assert len(calls) == SETTINGS.retry_attempts
    assert "ConnectError" in str(caught.value) and "rerun" in caught.value.hint


def test_call_fails_at_once_on_a_validation_error(
    store: qdrant.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A point id that is no UUID is refused at the first attempt with Qdrant's message."""
    store.create("strict", COSINE16)
    counted, calls = flaky(store.client.upsert, 0, connect_error())
    monkeypatch.setattr(store.client, "upsert", counted)
    with pytest.raises(QdrantError) as caught:
        store.upsert("strict", ["not-a-uuid"], [unit(1)], [{}])
    assert len(calls) == 1 and store.count("strict") == 0
    assert "upsert strict" in str(caught.value) and "not-a-uuid" in str(caught.value)
    assert not caught.value.hint


def test_upsert_refuses_a_vector_of_the_wrong_size_before_qdrant(
    store: qdrant.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """
    A vector of the wrong size is refused before Qdrant is asked, and the collection stays whole
    (qdrant-client's embedded store before 1.16 keeps a broken point when it refuses one).
    """
    store.create("strict", COSINE16)
    counted, calls = flaky(store.client.upsert, 0, connect_error())
    monkeypatch.setattr(store.client, "upsert", counted)
    with pytest.raises(QdrantError) as caught:
        store.upsert("strict", [1, 2], [unit(1), [1.0, 0.0]], [{}, {}])
    assert "upsert strict" in str(caught.value) and "expected dim: 16, got 2" in str(caught.value)
    assert not caught.value.hint and not calls
    assert store.count("strict") == 0 and list(store.scroll("strict", page_size=10)) == []
    store.upsert("strict", [1], [unit(1)], [{}])
    assert [p.id for p in store.scroll("strict", page_size=10)] == [1]


def test_upsert_and_lookups_use_canonical_uuids(store: qdrant.Store) -> None:
    """One UUID in three spellings is one point, found by any spelling, deleted by any."""
    store.create("spelled", COSINE16)
    u = uuid.UUID(int=0xABCDEF << 96)
    store.upsert("spelled", [str(u).upper(), u.hex], [unit(1), unit(2)], [{"n": 1}, {"n": 2}])
    assert [p.id for p in store.scroll("spelled", page_size=10)] == [str(u)]
    assert store.owners("spelled", [str(u).upper(), u.hex.upper()]) == {str(u): None}
    store.delete("spelled", [u.hex])
    assert store.count("spelled") == 0


def test_url_mode_fails_cleanly_when_nothing_listens(tmp_path: Path) -> None:
    """Against a closed local port every attempt is made, then QdrantError names the outage."""
    url = f"http://127.0.0.1:{embedserver.closed_port()}"
    settings = attrs.evolve(SETTINGS, url=url, retry_attempts=2, timeout=2.0)
    with qdrant.connect(settings, tmp_path) as remote, pytest.raises(QdrantError) as caught:
        remote.vectors("skills-patterns")
    assert "ConnectError" in str(caught.value) and url in caught.value.hint


@pytest.mark.filterwarnings("ignore:Api key is used with an insecure connection")
def test_url_mode_reads_the_api_key_file(tmp_path: Path) -> None:
    """The key file's content (stripped) becomes the client's API key."""
    key = tmp_path / "qdrant.key"
    key.write_text("secret-key\n")
    settings = attrs.evolve(SETTINGS, url="http://127.0.0.1:1", api_key_file=str(key))
    assert qdrant.read_key(settings.api_key_file) == "secret-key"
    with qdrant.connect(settings, tmp_path) as remote:
        assert isinstance(remote.client, QdrantClient)
    with pytest.raises(QdrantError):
        qdrant.read_key(str(tmp_path / "missing"))
