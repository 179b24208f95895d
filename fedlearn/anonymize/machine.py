"""This machine's identity as rules: its home, host and domain names, and its user.

A user or host name that is a default or a common word (``nixos``, ``admin``, ``runner``) or
shorter than three characters names nobody, and redacting it would wreck ordinary technical text
(``nixos-rebuild``, ``/etc/nixos``); such names are left alone. Home paths are redacted whatever
the user name.
"""

from __future__ import annotations

import functools
import os
import pwd
import re
import socket
from collections.abc import Iterator

import attrs

from fedlearn.anonymize.rules import Find, Lazy, Matcher, Rule, Span, Trigger, personal

# Default and shared account or host names, and words they collide with in technical text.
# fmt: off
COMMON_NAMES = frozenset([
    "root", "admin", "administrator", "user", "users", "guest", "test", "tester", "demo", "dev",
    "developer", "ubuntu", "debian", "fedora", "centos", "rocky", "alma", "alpine", "arch",
    "archlinux", "nixos", "gentoo", "suse", "opensuse", "kali", "pi", "raspberrypi", "runner",
    "build", "builder", "buildbot", "jenkins", "ci", "github", "gitlab", "git", "docker", "podman",
    "vagrant", "ec2-user", "cloud-user", "azureuser", "nobody", "daemon", "bin", "sys", "www",
    "www-data", "http", "nginx", "apache", "postgres", "mysql", "redis", "qdrant", "ollama",
    "node", "app", "service", "server", "system", "default", "home", "data", "main", "local",
    "master", "worker", "agent", "localhost", "localdomain", "host", "desktop", "laptop",
    "workstation", "computer", "pc", "machine", "vm", "container", "box",
])
# fmt: on
LOCAL_DOMAINS = frozenset({"local", "lan", "home", "internal", "localdomain", "localhost"})
LABEL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
PATH_END = r"[^/\s\"'`<>:;,|()\[\]{}]+"


@attrs.frozen
class Machine:
    """The local identity that must never leave the machine: host names, user, home."""

    hostname: str
    fqdn: str
    user: str
    home: str

    @classmethod
    def local(cls) -> Machine:
        """Return this machine's hostname, FQDN, user and home (looked up once per process)."""
        return local_machine()


@functools.cache
def local_machine() -> Machine:
    """Return this machine's identity from the host name and the password database."""
    entry = pwd.getpwuid(os.getuid())
    hostname = socket.gethostname()
    return Machine(hostname=hostname, fqdn=fqdn(hostname), user=entry.pw_name, home=entry.pw_dir)


def fqdn(hostname: str) -> str:
    """
    Return ``socket.getfqdn()``: the first dotted name among the host's name and aliases.

    The name is passed as bytes: given a str, ``gethostbyaddr`` encodes it with the idna codec,
    whose first import costs more than the lookup (a few ms of every run).
    """
    if not hostname.isascii():
        return socket.getfqdn(hostname)
    try:
        # typeshed allows only str; CPython takes bytes too, and then skips the idna codec.
        name, aliases, _ = socket.gethostbyaddr(hostname.encode("ascii"))  # type: ignore[arg-type]
    except OSError:
        return hostname
    return next((alias for alias in [name, *aliases] if "." in alias), name)


def is_identifying(name: str) -> bool:
    """Return whether a user or host name identifies someone (not short, not a default or word)."""
    return len(name) >= 3 and name.lower() not in COMMON_NAMES


def is_word_character(character: str) -> bool:
    """Return whether ``character`` continues a word, a dotted name or a dashed name."""
    return character.isalnum() or character in "_.-"


def host_span(match: re.Match[str], text: str) -> Span | None:
    """Return the host name with any subdomains before it (``git.corp.example.org``), or None."""
    first = match.start()
    while first > 1 and text[first - 1] == "." and text[first - 2] in LABEL:
        label = first - 1
        while label > 0 and text[label - 1] in LABEL:
            label -= 1
        first = label
    if first > 0 and is_word_character(text[first - 1]):
        return None
    return first, match.end()


def windows_home_span(match: re.Match[str], text: str) -> Span | None:
    """Return ``C:\\Users\\NAME`` around its ``\\Users\\``, or None."""
    first = match.start() - 2
    if first < 0 or text[first + 1] != ":" or not text[first].isalpha():
        return None
    if first > 0 and is_word_character(text[first - 1]):
        return None
    return first, match.end()


def rules(identity: Machine, hostnames: list[str]) -> list[Rule]:
    """Return the rules for this machine's home, host names and user, and the configured hosts."""
    found = home(identity)
    for name in sorted(host_names(identity, hostnames), key=lambda name: (-len(name), name)):
        pattern = (
            re.escape(name) + r"(?:\.(?:local|lan|home|internal|localdomain))?(?![\w-]|\.[a-z0-9])"
        )
        matcher = Matcher(Lazy(pattern), widen=host_span)
        trigger = Trigger(words=(name,), lower=True)
        gate = "(?i)" + re.escape(name)
        found.append(
            personal("hostname", "<host>", matcher, trigger=trigger, lower=True, gate=gate)
        )
    user = identity.user.lower()
    if is_identifying(user):
        pattern = re.escape(user) + r"(?<![\w.-]" + re.escape(user) + r")(?![\w-])"
        found.append(
            personal(
                "user",
                "<user>",
                Matcher(Lazy(pattern)),
                trigger=Trigger(words=(user,), lower=True),
                lower=True,
                gate="(?i)" + re.escape(user),
            )
        )
    return found


def host_names(identity: Machine, configured: list[str]) -> set[str]:
    """
    Return the host and domain names to redact, in lower case.

    The local host name and FQDN unless they are defaults or common words, the FQDN's domain
    (``corp.example.org`` of ``box.corp.example.org``) unless it is a local one, and every
    configured name. A name under another one in the set is left out: the subdomains before a
    name are redacted with it.
    """
    labels = identity.fqdn.lower().split(".")
    candidates = {identity.hostname.lower(), identity.fqdn.lower()}
    if len(labels) > 2:
        candidates.add(".".join(labels[1:]))
    names = {name for name in candidates if is_identifying_host(name)}
    names |= {name.lower().strip(".") for name in configured if name.strip(".")}
    return {name for name in names if not any(name.endswith("." + other) for other in names)}


def is_identifying_host(name: str) -> bool:
    """Return whether a host or domain name has a label that is not a default, a word or local."""
    return any(is_identifying(label) and label not in LOCAL_DOMAINS for label in name.split("."))


def home(identity: Machine) -> list[Rule]:
    """Return the home-path rules: this machine's home, and any /home/NAME, /Users/NAME, /root."""
    generic = Lazy(
        r"/(?<![\w.-]/)(?:(?:var/)?home/" + PATH_END + r"|Users/" + PATH_END + r"|root(?![\w.-]))"
    )
    matchers = [Matcher(generic)]
    own = identity.home.rstrip("/")
    if own:
        pattern = Lazy(re.escape(own) + r"(?![\w.-])")
        matchers.insert(0, Matcher(pattern, find=own_home(pattern, own, generic)))
    windows = Matcher(Lazy(r"\\Users\\[^\\\s\"'`<>:;,|]+"), widen=windows_home_span)
    # When the generic pattern covers the own home, adding it to the gate and trigger adds nothing.
    gate = "/home/|/Users/|/root" + ("|" + re.escape(own) if own else "")
    trigger = Trigger(words=("/", own) if own else ("/",))
    return [
        personal("home", "<home>", *matchers, gate=gate, trigger=trigger),
        personal("home", "<home>", windows, gate=r"\\Users\\", trigger=Trigger(words=("\\",))),
    ]


def own_home(pattern: Lazy, own: str, generic: Lazy) -> Find:
    """
    Return a finder of this machine's home ``own``; nothing when ``generic`` matches all of it.

    A home like ``/home/jdoe`` is redacted by the generic pattern; one like ``/srv/jdoe`` needs
    its own. Deciding on first use, not when the rules are built, keeps the build compile-free.
    """

    def find(subject: str) -> Iterator[re.Match[str]]:
        return iter(()) if generic.fullmatch(own) else pattern.finditer(subject)

    return find
