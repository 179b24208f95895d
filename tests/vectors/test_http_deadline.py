"""The network layer under the HTTP transport: one deadline for a whole call, on real loopback sockets."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import httpcore
import pytest

from fedlearn.vectors import http_deadline


@pytest.fixture
def deadline_of(request: pytest.FixtureRequest) -> Iterator[http_deadline.Deadline]:
    """Make a deadline of ``request.param`` seconds the current call's for the test."""
    deadline = http_deadline.Deadline("qdrant", "qdrant.timeout", request.param, "http://h/")
    token = http_deadline.CURRENT.set(deadline)
    yield deadline
    http_deadline.CURRENT.reset(token)


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """Return a loopback socket listening on a free port (it accepts, and never answers)."""
    server = socket.create_server(("127.0.0.1", 0))
    yield server
    server.close()


def test_each_wait_is_at_most_what_is_left_of_the_deadline() -> None:
    """A socket operation waits min(its own timeout, the time left): never past the deadline,
    however long its own timeout; none at all once the deadline has passed."""
    deadline = http_deadline.Deadline("qdrant", "qdrant.timeout", 600.0, "http://h/")
    assert deadline.wait("x", 5.0, TimeoutError) == 5.0
    assert deadline.wait("x", 10_000.0, TimeoutError) <= 600.0
    assert deadline.wait("x", None, TimeoutError) <= 600.0
    deadline.end -= 600.0
    with pytest.raises(
        TimeoutError, match=r"qdrant http://h/: .*qdrant.timeout \(600 s\); stopped x"
    ):
        deadline.wait("x", 5.0, TimeoutError)


def test_public_url_drops_what_may_hold_a_credential() -> None:
    """User, password, query and fragment are left out of URLs in messages."""
    found = http_deadline.public_url("https://me:pw@[::1]:6333/collections/x?api_key=k#f")
    assert found == "https://[::1]:6333/collections/x"
    assert http_deadline.public_url("http://h/p") == "http://h/p"


def test_public_url_says_so_for_an_invalid_url() -> None:
    """A URL whose port is not a number is not echoed back."""
    assert http_deadline.public_url("http://h:port/") == "(an invalid URL)"


def test_wait_outside_a_call_is_the_operations_own_timeout() -> None:
    """With no deadline set, a socket operation keeps its own timeout (None: none)."""
    assert http_deadline.wait("x", 5.0, TimeoutError) == 5.0
    assert http_deadline.wait("x", None, TimeoutError) is None


def test_a_zero_timeout_waits_a_little_never_zero() -> None:
    """A socket timeout of 0 would mean "never block": the wait is at least MIN_WAIT."""
    deadline = http_deadline.Deadline("qdrant", "qdrant.timeout", 600.0, "http://h/")
    assert deadline.wait("x", 0.0, TimeoutError) == http_deadline.MIN_WAIT


@pytest.mark.parametrize("deadline_of", [600.0], indirect=True)
def test_timed_out_names_the_operations_own_timeout_while_time_is_left(
    deadline_of: http_deadline.Deadline,
) -> None:
    """An operation that timed out with time left says its own timeout; once passed, the deadline's."""
    error = http_deadline.timed_out("while connecting", 5.0, httpcore.ConnectTimeout)
    assert str(error) == "nothing for 5 s while connecting"
    assert str(http_deadline.timed_out("x", None, TimeoutError)) == "timed out x"
    deadline_of.end -= 600.0
    error = http_deadline.timed_out("while connecting", 5.0, httpcore.ConnectTimeout)
    assert isinstance(error, httpcore.ConnectTimeout)
    assert str(error).endswith("within qdrant.timeout (600 s); stopped while connecting")


def test_resolve_takes_an_address_as_it_is() -> None:
    """A numeric host is not looked up; a name is looked up (in a thread) within the timeout."""
    found = http_deadline.resolve("::1", 80, None)
    assert found[0][4][:2] == ("::1", 80)
    assert any(entry[4][0] == "127.0.0.1" for entry in http_deadline.resolve("localhost", 80, 30.0))


def test_a_stream_sends_and_reads_on_a_real_socket(listener: socket.socket) -> None:
    """Bytes written arrive whole; bytes sent back are read; the addresses are the socket's."""
    port = listener.getsockname()[1]
    stream = http_deadline.Backend().connect_tcp("127.0.0.1", port, timeout=30.0)
    accepted, _ = listener.accept()
    try:
        stream.write(b"ping" * 1000, timeout=30.0)
        received = b""
        while len(received) < 4000:
            received += accepted.recv(65536)
        assert received == b"ping" * 1000
        accepted.sendall(b"pong")
        assert stream.read(4, timeout=30.0) == b"pong"
        assert stream.get_extra_info("server_addr") == ("127.0.0.1", port)
        assert stream.get_extra_info("ssl_object") is None
        assert stream.get_extra_info("is_readable") is False
    finally:
        accepted.close()
        stream.close()


@pytest.mark.parametrize("deadline_of", [600.0], indirect=True)
def test_a_read_after_the_deadline_fails_naming_what_it_waited_for(
    listener: socket.socket, deadline_of: http_deadline.Deadline
) -> None:
    """Once the call's deadline has passed, a read fails at once with the setting and the phase."""
    port = listener.getsockname()[1]
    stream = http_deadline.Backend().connect_tcp("127.0.0.1", port, timeout=30.0)
    deadline_of.end -= 600.0
    try:
        with pytest.raises(httpcore.ReadTimeout) as caught:
            stream.read(10, timeout=30.0)
    finally:
        stream.close()
    assert str(caught.value) == (
        "qdrant http://h/: no whole answer within qdrant.timeout (600 s); "
        "stopped while waiting for the answer's headers"
    )


def test_connect_to_a_closed_port_is_a_connect_error() -> None:
    """Nobody listening: a ConnectError (not a timeout), naming no deadline."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    with pytest.raises(httpcore.ConnectError):
        http_deadline.Backend().connect_tcp("127.0.0.1", port, timeout=30.0)
