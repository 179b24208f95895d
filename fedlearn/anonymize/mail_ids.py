"""A mail system's own names and stamps: public values that look like an address or a key.

- A message id (RFC 5322 ``msg-id``: ``<left@right>``) is no e-mail address: the value of a
  ``Message-ID``, ``In-Reply-To``, ``References``, ``Resent-Message-ID`` or ``Content-ID`` header
  (``X-`` and any case too, a JSON key ``"Message-Id": "<…>"``, postfix's
  ``message-id=<…>``), where a mail client wrote an id it
  drew (``<89A47F5180984948.0@mail.gmail.com>``, ``<20261205.GA1234@host>``): ``is_message_id``.
  Only a drawn left part counts: one with a digit, ``$`` or ``=`` in it. One of letters and dots
  alone (``<anna.rossi@example.org>``, an address pasted where an id stands) stays an address.
  The host on the right is still read by the host rules (this machine's name is ``<host>``).
- A trace stamp (``is_trace_value``): the value of ``X-Google-Smtp-Source``,
  ``X-Gm-Message-State``, ``X-Gm-Gg`` or ``X-Received`` (what Gmail's servers stamp on every
  mail), and the ``b=`` and ``bh=`` tags of a ``DKIM-Signature``, ``ARC-Seal`` or
  ``ARC-Message-Signature`` header (a signature and a body hash anyone holding the mail can
  check): public by design, never a credential. A tag's value folded over the header's next
  lines (RFC 5322 folding: a line break, then a blank) is the tag's on each of them
  (``folded_tag_value``): a folded line of base64 with no ``+`` or ``/`` read as a drawn token
  (bench/contexts35).
- A role mailbox (``is_role_mailbox``): the addresses RFC 2142 reserves for a domain's mail
  service (``postmaster``, ``hostmaster``, ``abuse``), a bounce daemon's (``mailer-daemon``)
  and a sender that takes no replies (``noreply``, ``no-reply``, ``do-not-reply``, ``donotreply``,
  and those as a part: ``noreply-dmarc-support@google.com``, ``github-noreply``). They name a
  service, never a person. A login's name that looks like a role (``admin@``, ``support@``,
  ``info@``) can be the user of a credential and stays an address.
- A documentation's address (``is_documentation_address``): a placeholder's local part (``user``,
  ``you``, ``your.name``, ``john.doe``…) at a domain reserved for documentation and tests
  (RFC 2606 and 6761: ``example.com``/``.net``/``.org`` and their subdomains, ``.example``,
  ``.test``, ``.invalid``, ``.localhost``), as docs write one (``user@example.com``). No mailbox
  can be there, and the name is no one's; a name at such a domain (``anna.rossi@example.org``,
  ``dev@example.invalid``, a capture's configured address) stays an address.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy

# The header (or postfix's ``key=``) whose value holds message ids, right before ``<``, maybe
# after earlier ids of a ``References`` list (folded lines too).
ID_HEADER = Lazy(
    r"(?i)(?:\A|[\s\"'(\[{,;])(?:x-|original-|resent-)?"
    r"(?:message[-_]?id|in[-_]reply[-_]to|references|content[-_]id|msgid)"
    r"[\"']?[ \t]*[:=][ \t]*[\"']?(?:<[^<>\s]{1,250}>\s*)*<\Z"
)
DRAWN_MARKS = frozenset("0123456789$=")
# What cannot stand inside a message id's brackets.
ID_BREAKS = frozenset(' \t\n<>"')
# A trace header's name right before its value.
TRACE_HEADER = Lazy(
    r"(?i)(?:\A|[\s\"'(\[{,;])x-(?:google-smtp-source|gm-message-state|gm-gg|received)"
    r"[ \t]*:[ \t]*\Z"
)
# A signed header's tag ``b=`` or ``bh=`` right before its value, and the header's name at most
# 600 characters before (the tags of one header, folded over its lines).
SIGNATURE_TAG = Lazy(r"(?:\A|[\s;])bh?=[ \t]*\Z")
SIGNED_HEADER = Lazy(r"(?i)(?:\A|\n)(?:dkim-signature|arc-seal|arc-message-signature):")
HEADER_LINE = Lazy(r"\n(?![ \t])")
# A signed tag whose value is folded over lines of base64, up to the start of a folded line (a
# line break and blanks), and how far back the tag may be (a 4096-bit RSA signature: 683).
FOLD = r"\r?\n[ \t]+"
FOLD_END = Lazy(rf"{FOLD}\Z")
FOLDED_TAG = Lazy(
    rf"(?:\A|[\s;])bh?=[ \t]*(?P<value>)[A-Za-z0-9+/]*(?:{FOLD}[A-Za-z0-9+/]+)*{FOLD}\Z"
)
FOLDED_WINDOW = 1200
FOLD_INDENT = 80  # how far back a folded line's break may be: its blanks
ROLE_MAILBOXES = frozenset({"postmaster", "hostmaster", "abuse", "mailer-daemon"})
NO_REPLY = Lazy(r"(?i)(?:\A|[._+-])(?:no-?reply|do-?not-?reply)(?:\Z|[._+-])")


def is_message_id(text: str, first: int, at: int) -> bool:
    """
    Return whether the address-like run from ``first`` to its ``@`` at ``at`` is a message id:
    in ``<…>`` right after a message-id header (``ID_HEADER``), its left part drawn. The left
    part may start before ``first``: an id has characters no address's local part has (``$``).
    """
    opening = text.rfind("<", max(0, first - 250), first + 1)
    if opening < 0 or any(c in ID_BREAKS for c in text[opening + 1 : first]):
        return False
    if not DRAWN_MARKS.intersection(text[opening + 1 : at]):
        return False
    close = text.find(">", at)
    if close < 0 or close - at > 255 or any(c in ID_BREAKS for c in text[at:close]):
        return False
    return ID_HEADER.compiled.search(text, max(0, opening - 2000), opening + 1) is not None


def is_trace_value(text: str, start: int) -> bool:
    """Return whether the run at ``start`` is a mail trace stamp, a DKIM or ARC ``b=``/``bh=``."""
    if start > 0 and text[start - 1] in " \t":
        folded = folded_tag_value(text, start)
        if folded is not None:
            start = folded  # a folded line of a tag's value: judge the tag's value
    if start == 0 or text[start - 1] not in ": \t=":
        return False
    window = max(0, start - 64)
    if TRACE_HEADER.compiled.search(text, window, start) is not None:
        return True
    if SIGNATURE_TAG.compiled.search(text, max(0, start - 8), start) is None:
        return False
    headers = list(SIGNED_HEADER.compiled.finditer(text, max(0, start - 600), start))
    if not headers:
        return False
    header = headers[-1]  # the last signed header's name before the tag
    # The tag belongs to that header when no unfolded line starts between them.
    return HEADER_LINE.compiled.search(text, header.end(), start) is None


def folded_tag_value(text: str, start: int) -> int | None:
    """
    Return where the ``b=``/``bh=`` tag's value starts when the run at ``start`` opens a folded
    line of it: blanks alone before it on its line, and base64 alone on every line back up to the
    tag's (``\\tb=581a…Ft\\n\\t 1U30…``); else None.
    """
    window = max(0, start - FOLDED_WINDOW)
    if FOLD_END.compiled.search(text, max(0, start - FOLD_INDENT), start) is None:
        return None  # not at a folded line's start: spare the window's search
    found = FOLDED_TAG.compiled.search(text, window, start)
    return None if found is None else found.start("value")


# Local parts that docs write for "your address here", and the reserved domains (lower case).
PLACEHOLDER_LOCAL_WORDS = """
    user username you your yourname your.name your_name your-name name someone somebody email
    mail me test example foo bar john.doe jane.doe johndoe janedoe john.smith first.last
    firstname.lastname
"""
PLACEHOLDER_LOCALS = frozenset(PLACEHOLDER_LOCAL_WORDS.split())
RESERVED_DOMAIN = Lazy(
    r"(?:[a-z0-9-]+\.)*(?:example\.(?:com|net|org)|[a-z0-9-]+\.(?:example|test|invalid|localhost))"
)


def is_documentation_address(local: str, domain: str) -> bool:
    """Return whether ``local@domain`` is a documentation's placeholder address (see above)."""
    return (
        local.lower() in PLACEHOLDER_LOCALS
        and RESERVED_DOMAIN.compiled.fullmatch(domain.lower()) is not None
    )


def is_role_mailbox(local: str) -> bool:
    """Return whether an address's local part names a mail service's role or a no-reply sender."""
    return local.lower() in ROLE_MAILBOXES or NO_REPLY.compiled.search(local) is not None
