"""One deadline for a whole HTTP call: name lookup, connect, TLS, sending, the headers, the body.

The network layer under ``http_transport``: an httpcore network backend whose every socket
operation waits at most min(its own timeout, what is left of the call's deadline), so a server
that accepts slowly, never answers, or answers a byte at a time fails the call when its deadline
passes, never later. The deadline of the call in progress is ``CURRENT`` (set by the transport).
"""

from __future__ import annotations

import contextvars
import ipaddress
import select
import socket
import ssl
import threading
import time
import urllib.parse
from collections.abc import Iterable
from typing import Any

import attrs
import httpcore

# The socket timeout when the deadline is about to pass: never 0, which means "never block".
MIN_WAIT = 0.001


def public_url(url: str) -> str:
    """Return ``url`` without what may hold a credential: user, password, query and fragment."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "(an invalid URL)"
    host = f"[{host}]" if ":" in host else host
    return urllib.parse.urlunsplit((parts.scheme, host + port, parts.path, "", ""))


@attrs.define
class Deadline:
    """
    The moment one HTTP call must be over, and where it is.

    Attributes:
        service: what was called, for messages (``embedding server``, ``qdrant``).
        setting: the config key that set the deadline (``embedding.timeout``).
        seconds: the whole call's time.
        url: the URL called, without credentials (``public_url``).
        end: the ``time.monotonic`` moment the call must be over.
        reading: what a read is waiting for (the transport moves it on from the headers).
    """

    service: str
    setting: str
    seconds: float
    url: str
    end: float = attrs.field(init=False)
    reading: str = "waiting for the answer's headers"

    def __attrs_post_init__(self) -> None:
        self.end = time.monotonic() + self.seconds

    def left(self) -> float:
        """Return the seconds left until the deadline (negative once it has passed)."""
        return self.end - time.monotonic()

    def expired(self, phase: str) -> str:
        """Return the message of the deadline passing during ``phase`` (``while connecting``)."""
        return (
            f"{self.service} {self.url}: no whole answer within {self.setting} "
            f"({self.seconds:g} s); stopped {phase}"
        )

    def wait(self, phase: str, each: float | None, error: type[Exception]) -> float:
        """
        Return the timeout of one socket operation: ``each`` (its own timeout, None for none)
        cut to what is left of the deadline. Raise ``error`` when nothing is left.
        """
        left = self.left()
        if left <= 0:
            raise error(self.expired(phase))
        return max(min(left, each) if each is not None else left, MIN_WAIT)


CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("deadline", default=None)


def wait(phase: str, each: float | None, error: type[Exception]) -> float | None:
    """Return the timeout of one socket operation under the current call's deadline, if any."""
    deadline = CURRENT.get()
    return each if deadline is None else deadline.wait(phase, each, error)


def timed_out(phase: str, each: float | None, error: type[Exception]) -> Exception:
    """Return the error for a socket operation that timed out: the deadline's, or its own."""
    deadline = CURRENT.get()
    if deadline is not None and deadline.left() <= MIN_WAIT:
        return error(deadline.expired(phase))
    return error(f"nothing for {each:g} s {phase}" if each else f"timed out {phase}")


def resolve(host: str, port: int, timeout: float | None) -> list[Any]:
    """
    Return the addresses of ``host`` to connect to, looked up within ``timeout`` (the system's
    resolver takes no timeout: a name is looked up in a thread that is left behind if it hangs).
    """
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
    found: list[Any] = []
    failed: list[OSError] = []

    def look_up() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as error:
            failed.append(error)

    thread = threading.Thread(target=look_up, name=f"resolve {host}", daemon=True)
    thread.start()
    thread.join(timeout)
    if failed:
        raise failed[0]
    if thread.is_alive():
        raise TimeoutError(f"looking up {host}")
    return found


class Stream(httpcore.NetworkStream):
    """A socket (plain or TLS) whose every operation waits only as long as the deadline allows."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        """Return up to ``max_bytes`` bytes (b"" at the end of the stream)."""
        deadline = CURRENT.get()
        phase = f"while {deadline.reading if deadline is not None else 'reading'}"
        self.sock.settimeout(wait(phase, timeout, httpcore.ReadTimeout))
        try:
            return self.sock.recv(max_bytes)
        except TimeoutError:
            raise timed_out(phase, timeout, httpcore.ReadTimeout) from None
        except OSError as error:
            raise httpcore.ReadError(str(error)) from None

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        """Send all of ``buffer``, each piece within what is left of the deadline."""
        phase = "while sending the request"
        view = memoryview(buffer)
        while view:
            self.sock.settimeout(wait(phase, timeout, httpcore.WriteTimeout))
            try:
                view = view[self.sock.send(view) :]
            except TimeoutError:
                raise timed_out(phase, timeout, httpcore.WriteTimeout) from None
            except OSError as error:
                raise httpcore.WriteError(str(error)) from None

    def close(self) -> None:
        """Close the socket."""
        self.sock.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        """Return this stream over TLS; the whole handshake is one timeout (Python's contract)."""
        phase = "in the TLS handshake"
        try:
            self.sock.settimeout(wait(phase, timeout, httpcore.ConnectTimeout))
            self.sock = ssl_context.wrap_socket(self.sock, server_hostname=server_hostname)
        except TimeoutError:
            self.sock.close()
            raise timed_out(phase, timeout, httpcore.ConnectTimeout) from None
        except (OSError, httpcore.ConnectTimeout) as error:
            self.sock.close()
            if isinstance(error, httpcore.ConnectTimeout):
                raise
            raise httpcore.ConnectError(str(error)) from None
        return self

    def get_extra_info(self, info: str) -> Any:
        """Return what httpcore asks of a connection: its TLS object, addresses, readability."""
        if info == "ssl_object":
            return self.sock if isinstance(self.sock, ssl.SSLSocket) else None
        if info == "client_addr":
            return self.sock.getsockname()
        if info == "server_addr":
            return self.sock.getpeername()
        if info == "socket":
            return self.sock
        if info == "is_readable":
            if self.sock.fileno() == -1:
                return True
            poll = select.poll()
            poll.register(self.sock.fileno(), select.POLLIN)
            return bool(poll.poll(0))
        return None


class Backend(httpcore.NetworkBackend):
    """Opens ``Stream``s: the name lookup and each address's connect within the deadline."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Return a stream connected to the first address of ``host`` that accepts."""
        phase = "while connecting"
        try:
            addresses = resolve(host, port, wait(phase, timeout, httpcore.ConnectTimeout))
        except TimeoutError:
            raise timed_out(phase, timeout, httpcore.ConnectTimeout) from None
        except OSError as error:
            raise httpcore.ConnectError(f"{host}: {error}") from None
        failure: Exception = httpcore.ConnectError(f"{host} has no address")
        for family, kind, protocol, _, address in addresses:
            sock = socket.socket(family, kind, protocol)
            try:
                for option in socket_options or ():
                    sock.setsockopt(*option)
                if local_address:
                    sock.bind((local_address, 0))
                sock.settimeout(wait(phase, timeout, httpcore.ConnectTimeout))
                sock.connect(address)
            except TimeoutError:
                sock.close()
                failure = timed_out(phase, timeout, httpcore.ConnectTimeout)
            except OSError as error:
                sock.close()
                failure = httpcore.ConnectError(str(error))
            except httpcore.ConnectTimeout:
                sock.close()
                raise
            else:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                return Stream(sock)
        raise failure

    def sleep(self, seconds: float) -> None:
        """Sleep (httpcore's wait between connection retries)."""
        time.sleep(seconds)
