"""Personal and machine data as rules: addresses, fingerprints, and this machine's names and home.

These are redacted to typed placeholders (``<ip>``, ``<email>``, ``<home>``, ``<host>``, ``<user>``)
but are not ``scan`` findings: the secret gate is about credentials.

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

import attrs

from fedlearn.anonymize import checks, credentials
from fedlearn.anonymize.rules import Many, Matcher, Rule, Span, Trigger, personal

COMMON_NAMES = frozenset(
    [
        "root",
        "admin",
        "administrator",
        "user",
        "users",
        "guest",
        "test",
        "tester",
        "demo",
        "dev",
        "developer",
        "ubuntu",
        "debian",
        "fedora",
        "centos",
        "rocky",
        "alma",
        "alpine",
        "arch",
        "archlinux",
        "nixos",
        "gentoo",
        "suse",
        "opensuse",
        "kali",
        "pi",
        "raspberrypi",
        "runner",
        "build",
        "builder",
        "buildbot",
        "jenkins",
        "ci",
        "github",
        "gitlab",
        "git",
        "docker",
        "podman",
        "vagrant",
        "ec2-user",
        "cloud-user",
        "azureuser",
        "nobody",
        "daemon",
        "bin",
        "sys",
        "www",
        "www-data",
        "http",
        "nginx",
        "apache",
        "postgres",
        "mysql",
        "redis",
        "qdrant",
        "ollama",
        "node",
        "app",
        "service",
        "server",
        "system",
        "default",
        "home",
        "data",
        "main",
        "local",
        "master",
        "worker",
        "agent",
        "localhost",
        "localdomain",
        "host",
        "desktop",
        "laptop",
        "workstation",
        "computer",
        "pc",
        "machine",
        "vm",
        "container",
        "box",
    ]
)
LOCAL_DOMAINS = frozenset({"local", "lan", "home", "internal", "localdomain", "localhost"})
# Colon- or dash-separated hex groups (MAC, full IPv6, MD5 fingerprint) have 5+ separators.
HEX_COLON = Many(re.compile(r":[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:"), 5)
HEX_DASH = Many(re.compile(r"-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}"), 5)
LOCAL_PART = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
LABEL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
SSH_KEY_TYPE = re.compile(r"(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d{3}|sk-[\w.@-]+)[ \t]+\Z")
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
    try:
        fqdn = socket.getfqdn()
    except OSError:
        fqdn = hostname
    return Machine(hostname=hostname, fqdn=fqdn, user=entry.pw_name, home=entry.pw_dir)


def is_identifying(name: str) -> bool:
    """Return whether a user or host name identifies someone (not short, not a default or word)."""
    return len(name) >= 3 and name.lower() not in COMMON_NAMES


def is_word_character(character: str) -> bool:
    """Return whether ``character`` continues a word, a dotted name or a dashed name."""
    return character.isalnum() or character in "_.-"


def email_span(match: re.Match[str], text: str) -> Span | None:
    """Return the address around the ``@`` (its local part read backwards), or None."""
    first = match.start()
    while first > 0 and match.start() - first < 64 and text[first - 1] in LOCAL_PART:
        first -= 1
    local = text[first : match.start()]
    if not local.strip(".") or local == "git" or (first > 0 and text[first - 1].isalnum()):
        return None
    return first, match.end()


def ipv4_span(match: re.Match[str], text: str) -> Span | None:
    """Return the IPv4 address whose first dot the match starts at, unless it stays readable."""
    first = match.start()
    while first > 0 and match.start() - first < 3 and text[first - 1].isdigit():
        first -= 1
    if first > 0 and (text[first - 1].isalnum() or text[first - 1] in "_."):
        return None
    return None if checks.is_kept_ip(text[first : match.end()]) else (first, match.end())


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


def after_key_type(match: re.Match[str], text: str) -> bool:
    """Return whether the base64 blob follows an SSH key type (``ssh-ed25519 AAAA…``)."""
    return SSH_KEY_TYPE.search(text, max(0, match.start() - 48), match.start()) is not None


def kept_ip(match: re.Match[str], text: str) -> bool:
    """Return whether the matched address is redacted (not loopback, documentation, …)."""
    return not checks.is_kept_ip(match.group())


def ipv6(match: re.Match[str], text: str) -> bool:
    """Return whether the match is an IPv6 address that is redacted."""
    return checks.is_ipv6(match.group()) and not checks.is_kept_ip(match.group())


def mac(match: re.Match[str], text: str) -> bool:
    """Return whether the match is a MAC address other than all zeros or broadcast."""
    return match.group().lower().replace("-", ":") not in checks.KEPT_MACS


def network() -> list[Rule]:
    """Return the rules for addresses, fingerprints and keys, which need no machine."""
    return [
        personal(
            "ssh-fingerprint",
            "<ssh-fingerprint>",
            Matcher(re.compile(r"SHA256:[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/=])")),
            Matcher(
                re.compile(r"(?<![\w:])(?:MD5:)?[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){15}(?![\w:])")
            ),
            gate=r"SHA256:[A-Za-z0-9+/]{43}|[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){15}",
            trigger=Trigger(words=("SHA256:",), patterns=(HEX_COLON,)),
        ),
        personal(
            "ssh-public-key",
            "<ssh-key>",
            Matcher(re.compile(r"AAAA[0-9A-Za-z+/]{20,}={0,3}"), after_key_type),
            gate=r"AAAA[0-9A-Za-z+/]{20}",
            trigger=credentials.CAPITAL_A,
        ),
        personal(
            "email",
            "<email>",
            Matcher(
                re.compile(r"@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])"),
                widen=email_span,
            ),
            gate=r"[A-Za-z0-9._%+-]@[A-Za-z0-9-]{1,63}\.",
            trigger=Trigger(words=("@",)),
        ),
        personal(
            "mac",
            "<mac>",
            Matcher(
                re.compile(
                    r"(?<![\w:-])[0-9A-Fa-f]{2}(?P<sep>[:-])[0-9A-Fa-f]{2}(?:(?P=sep)[0-9A-Fa-f]{2}){4}(?![\w:-])"
                ),
                mac,
            ),
            gate=r"[0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}",
            trigger=Trigger(patterns=(HEX_COLON, HEX_DASH)),
        ),
        personal(
            "ipv6",
            "<ip>",
            Matcher(
                re.compile(
                    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z_.-]+)?(?![\w:])"
                ),
                ipv6,
            ),
            gate=r"::|(?:[0-9A-Fa-f]{1,4}:){6}(?:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]|[0-9])",
            trigger=Trigger(words=("::",), patterns=(HEX_COLON,)),
        ),
        personal(
            "ipv4",
            "<ip>",
            Matcher(
                re.compile(r"\.(?<=[0-9]\.)[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?!\w|\.\w)"),
                widen=ipv4_span,
            ),
            gate=r"[0-9]\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]",
            trigger=Trigger(patterns=(Many(".", 3),)),
        ),
    ]


def machine(identity: Machine, hostnames: list[str]) -> list[Rule]:
    """Return the rules for this machine's home, host names and user, and the configured hosts."""
    found = home(identity)
    for name in sorted(host_names(identity, hostnames), key=lambda name: (-len(name), name)):
        pattern = (
            re.escape(name) + r"(?:\.(?:local|lan|home|internal|localdomain))?(?![\w-]|\.[a-z0-9])"
        )
        matcher = Matcher(re.compile(pattern), widen=host_span)
        found.append(
            personal("hostname", "<host>", matcher, lower=True, gate="(?i)" + re.escape(name))
        )
    user = identity.user.lower()
    if is_identifying(user):
        pattern = re.escape(user) + r"(?<![\w.-]" + re.escape(user) + r")(?![\w-])"
        found.append(
            personal(
                "user",
                "<user>",
                Matcher(re.compile(pattern)),
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
    generic = (
        r"/(?<![\w.-]/)(?:(?:var/)?home/" + PATH_END + r"|Users/" + PATH_END + r"|root(?![\w.-]))"
    )
    matchers = [Matcher(re.compile(generic))]
    own = identity.home.rstrip("/")
    if own and not re.fullmatch(generic, own):
        matchers.insert(0, Matcher(re.compile(re.escape(own) + r"(?![\w.-])")))
    windows = Matcher(re.compile(r"\\Users\\[^\\\s\"'`<>:;,|]+"), widen=windows_home_span)
    gate = "/home/|/Users/|/root" + ("|" + re.escape(own) if len(matchers) > 1 else "")
    return [
        personal("home", "<home>", *matchers, gate=gate),
        personal("home", "<home>", windows, gate=r"\\Users\\", trigger=Trigger(words=("\\",))),
    ]
