"""Personal data that needs no machine as rules: email and network addresses, SSH fingerprints.

These are redacted to typed placeholders (``<ip>``, ``<email>``, ``<mac>``) but are not ``scan``
findings: the secret gate is about credentials. This machine's own names are in ``machine``.
"""

from __future__ import annotations

import base64
import binascii
import re

from fedlearn.anonymize import addresses, credentials, mail_forms, mail_ids, version_quads
from fedlearn.anonymize.checks import FILE_EXTENSION
from fedlearn.anonymize.per_text import anywhere
from fedlearn.anonymize.rules import Lazy, Many, Matcher, Rule, Span, Trigger, personal

# Colon- or dash-separated hex groups (MAC, full IPv6, MD5 fingerprint) have 5+ separators.
HEX_COLON = Many(Lazy(r":[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}:"), 5)
HEX_DASH = Many(Lazy(r"-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}-[0-9A-Fa-f]{2}"), 5)
LOCAL_PART = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
SSH_KEY_TYPE = Lazy(r"(?P<type>ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d{3}|sk-[\w.@-]+)[ \t]+\Z")
# Base64 characters of a key blob that hold its type name: 4 bytes of length, a name of at most 44.
KEY_NAME_CHARACTERS = 64
# The line ``openssl x509 -text`` prints after a certificate's serial number's own line.
SERIAL_NEXT = Lazy(r"[ \t]*\r?\n[ \t]*Signature Algorithm:")
# The resolution suffix of an image asset (``@2x``, ``@1.5x``) before its extension.
SCALE_SUFFIX = Lazy(r"@[0-9]{1,2}(?:\.[0-9]{1,2})?x\.[A-Za-z0-9]{2,5}\Z")


def email_span(match: re.Match[str], text: str) -> Span | None:
    """
    Return the address around the ``@`` (its local part read backwards), or None.

    A file name is no address: a domain whose last label is a file extension that no top-level
    domain has (``logo@cdn.png``) or an image's scale suffix (``icon@2x.zip``).
    """
    domain = match.group()
    if FILE_EXTENSION.fullmatch(domain.rsplit(".", 1)[1]) or SCALE_SUFFIX.match(domain):
        return None
    first = match.start()
    while first > 0 and match.start() - first < 64 and text[first - 1] in LOCAL_PART:
        first -= 1
    local = text[first : match.start()]
    if not local.strip(".") or local == "git" or (first > 0 and text[first - 1].isalnum()):
        return None
    if mail_ids.is_role_mailbox(local):
        return None  # ``postmaster@…``, ``noreply@github.com``: a service's, no person's
    if mail_ids.is_documentation_address(local, domain.removeprefix("@")):
        return None  # ``user@example.com``: a placeholder at a reserved domain
    if mail_ids.is_message_id(text, first, match.start()):
        return None  # ``Message-ID: <89A4…@mail.gmail.com>``: a mail's id, no address
    return first, match.end()


def is_fingerprint(match: re.Match[str], text: str) -> bool:
    """
    Return whether 16 colon-separated hex bytes are a fingerprint, not a certificate's serial
    number (``Serial Number:\n    90:70:…``, ``serial=…``): the word ``serial`` is not in the 40
    characters before them. OpenSSH writes its MD5 fingerprints in lower case; upper-case bytes
    with no lower-case letter are a certificate's (``keytool -list``, Gradle's ``signingReport``
    ``MD5: 9F:14:…``, ``openssl x509 -fingerprint -md5``: bench/contexts33), which stay; so do
    bytes on the line before ``Signature Algorithm:``, where ``openssl x509 -text`` prints the
    serial number's own line (its ``Serial Number:`` label may be cut off above; session 40,
    bench/outputs27).
    """
    hexes = match.group().removeprefix("MD5:")
    if hexes.upper() == hexes and hexes.lower() != hexes:
        return False
    if SERIAL_NEXT.compiled.match(text, match.end()):
        return False
    return "serial" not in text[max(0, match.start() - 40) : match.start()].lower()


def is_public_key(text: str, start: int) -> bool:
    """
    Return whether the base64 at ``start`` is an SSH public key's blob: it follows a key type
    (``ssh-ed25519 AAAA…``) and begins with that type's name, as every key blob does.
    """
    key_type = SSH_KEY_TYPE.search(text, max(0, start - 48), start)
    if key_type is None:
        return False
    head = text[start : start + KEY_NAME_CHARACTERS]
    head = head[: len(head) - len(head) % 4]
    try:
        blob = base64.b64decode(head, validate=True)
    except (binascii.Error, ValueError):
        return False
    name = key_type.group("type").encode()
    return blob[:4] == len(name).to_bytes(4, "big") and blob[4 : 4 + len(name)] == name


def ipv4_address(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the IPv4 address whose first dot the match starts at, unless it stays readable."""
    dot = first = match.start()
    while first > 0 and dot - first < 3 and text[first - 1].isdigit():
        first -= 1
    if first > 0 and (text[first - 1].isalnum() or text[first - 1] in "_."):
        return None
    end = match.end()
    if addresses.is_kept_ipv4(text[first:end]) or version_quads.is_version(text, first):
        return None  # kept, or a version of four numbers (``version: 2.5.34.0``)
    if version_quads.is_named_version(text, first, end):
        return None  # ``Git 1.7.12.3 Release Notes``, ``in 1.8.1.2`` beside ``v1.8.1.2``
    if text[first] in "012" and text[first + 1] == "." and is_oid(text, first):
        return None  # an object identifier (``ObjectIdentifier("2.5.29.17")``)
    if is_after_section(text, first):
        return None  # a document's section (``rfc5280#section-4.1.1.1``, ``§ 3.2.1.4``)
    return first, end, ""


def is_after_section(text: str, first: int) -> bool:
    """
    Return whether a section's word (``SECTION_WORD``) ends right before ``first``, a blank or a
    dash maybe between. Its words end in ``n``, ``.`` or ``§`` (``IGNORECASE`` folds only ``N`` to
    ``n``): where no such character stands there, the regex is not tried at the window's starts.
    """
    end = first - 1 if first > 0 and text[first - 1] in "-_ \t" else first
    if end == 0 or text[end - 1] not in SECTION_ENDS:
        return False
    return SECTION_WORD.search(text, max(0, first - 9), first) is not None


# A section's word right before its number: ``#section-``, ``Section ``, ``sect. ``, ``§``.
SECTION_WORD = Lazy(r"(?i)(?:section|sect\.|§)[-_ \t]?\Z")
# The last characters of its words, in either case.
SECTION_ENDS = frozenset("nN.§")
# An object identifier's word right before its arcs: ``ObjectIdentifier("``, ``OID ``, ``oid=``.
OID_WORD = Lazy(r"(?i)(?:object_?id(?:entifier)?|(?<![a-z])oid)[\"'(:= \t]{0,4}\Z")


def is_oid(text: str, start: int) -> bool:
    """
    Return whether four numbers at ``start`` whose first is 0, 1 or 2 (an OID's first arc) follow
    an OID's word: ``ObjectIdentifier("2.5.29.17")``, ``OID 2.5.4.3``, ``oid=1.2.3.4``.
    """
    return OID_WORD.search(text, max(0, start - 24), start) is not None


# A hex dump's line that goes on on the next one (``…:aa:13:8b:``), and a run of 9 bytes or more.
DUMP_LINE_END = Lazy(r"[0-9A-Fa-f]{2}:[ \t]*\r?\n[ \t]*\Z")
DUMP_RUN = Lazy(r"[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){8}")
has_dump_run = anywhere(DUMP_RUN)  # read once per text, not per candidate


def after_key_type(match: re.Match[str], text: str) -> bool:
    """Return whether the base64 blob follows an SSH key type (``ssh-ed25519 AAAA…``)."""
    return SSH_KEY_TYPE.search(text, max(0, match.start() - 48), match.start()) is not None


def ipv6(match: re.Match[str], text: str) -> bool:
    """Return whether the match is an IPv6 address that is redacted."""
    if not addresses.is_ipv6(match.group()) or addresses.is_kept_ip(match.group()):
        return False
    return not is_dump_piece(match, text) and not is_slice(match, text)


def is_slice(match: re.Match[str], text: str) -> bool:
    """
    Return whether ``N::M`` is a sequence's slice, not an address: numbers (``::2``, ``1::3``) in
    brackets right after a name or a closing bracket (``arr[::2]``, ``f(x)[1::2, 0]``), where an
    address in brackets follows ``//``, ``@``, a blank or ``=`` (``http://[fd00::2]:80``).
    """
    value, start = match.group(), match.start()
    if value.count(":") != 2 or "::" not in value or not value.replace(":", "").isdigit():
        return False
    if (
        start < 2
        or text[start - 1] != "["
        or not (text[start - 2].isalnum() or text[start - 2] in "_)]")
    ):
        return False
    return text.startswith(("]", ","), match.end())


def is_dump_piece(match: re.Match[str], text: str) -> bool:
    """
    Return whether eight colon-separated bytes are the end of a hex dump, not an address: each
    group is two hex digits, and the line before ends with one more (``…:13:8b:``), or the text
    holds a longer run of bytes (``openssl x509 -text``: a modulus, a signature, a serial).
    """
    groups = match.group().split(":")
    if len(groups) != 8 or any(len(group) != 2 for group in groups):
        return False
    if DUMP_LINE_END.search(text, max(0, match.start() - 24), match.start()) is not None:
        return True
    return has_dump_run(text)


# ``zerotier-cli listnetworks``' line before its MAC column: ``200 listnetworks <nwid> <name> ``.
ZEROTIER_NETWORK = Lazy(r"(?:^|\n)(?:200 )?listnetworks [0-9a-f]{16} \S{1,64} \Z")


def mac(match: re.Match[str], text: str) -> bool:
    """
    Return whether the match is a MAC address other than all zeros or broadcast, or the virtual
    one ``zerotier-cli listnetworks`` prints after a network's id and name (ZeroTier derives it
    from the network's and the node's ids, which stay readable: it names no hardware).
    """
    if match.group().lower().replace("-", ":") in addresses.KEPT_MACS:
        return False
    start = match.start()
    return ZEROTIER_NETWORK.compiled.search(text, max(0, start - 120), start) is None


def network() -> list[Rule]:
    """Return the rules for addresses, fingerprints and keys, which need no machine (and the
    e-mail addresses ``email`` does not read: ``mail_forms``)."""
    return [
        personal(
            "ssh-fingerprint",
            "<ssh-fingerprint>",
            Matcher(Lazy(r"SHA256:[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/=])")),
            Matcher(
                Lazy(r"(?<![\w:])(?:MD5:)?[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){15}(?![\w:])"),
                is_fingerprint,
            ),
            gate=r"SHA256:[A-Za-z0-9+/]{43}|[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){15}",
            trigger=Trigger(words=("SHA256:",), patterns=(HEX_COLON,)),
        ),
        personal(
            "ssh-public-key",
            "<ssh-key>",
            Matcher(Lazy(r"AAAA[0-9A-Za-z+/]{20,}={0,3}"), after_key_type),
            gate=r"AAAA[0-9A-Za-z+/]{20}",
            trigger=credentials.CAPITAL_A,
        ),
        personal(
            "email",
            "<email>",
            Matcher(
                Lazy(r"@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])"),
                widen=email_span,
            ),
            gate=r"[A-Za-z0-9._%+-]@[A-Za-z0-9-]{1,63}\.",
            trigger=Trigger(words=("@",)),
        ),
        personal(
            "mac",
            "<mac>",
            Matcher(
                Lazy(
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
                Lazy(
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
                Lazy(r"\.(?<=[0-9]\.)[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}(?!\w|\.\w)"),
                judge=ipv4_address,
            ),
            gate=r"[0-9]\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]",
            trigger=Trigger(patterns=(Many(".", 3),)),
        ),
        *mail_forms.rules(),
    ]
