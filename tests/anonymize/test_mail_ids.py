"""A mail's message ids, trace stamps and role mailboxes stay; addresses and secrets beside them go."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import mail_ids
from tests.anonymize.conftest import in_mode

STAMP = "AcuHA58NYb1umZWmftBVQK66qwQAOZLEkZ16ze5Wxpo"
BODY_HASH = "Fzr4oIy588V7VowHq2PrVajo4ZobyPQQ8lit2C6jwdU"
SECRET = "sk-proj-Qx7bN2kLm9Rt4vWz8pN3sdYh6JcF1aGe"
# A signature's folded lines (bench/contexts35): the second line has no ``+`` or ``/``.
FOLD_LINE = "1U30luqC6EXcP1QNqVfFs6glp2Lf3dUHb6ZhWLYuvNsduLb4WGBLUCXf0AnssqQX"
FOLDED = f"581a0J90jpQyBiNnlF6hKEOlgvrDPfxNiRlGuY+c3fSihaXwglMfMAmdvOMUtrFt\n\t {FOLD_LINE}\n\t K5LYUd2ueSG4=="


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        "Message-ID: <89A47F5180984948.0@mail.gmail.com>",
        "In-Reply-To: <bf6275df36286fab05de93660a192968@list.example.org>",
        "References: <CAJx1b7Qw@mail.gmail.com>\n <20261205101112.GA1234@lists.example.org>",
        "message-id: <1733400000.4711@mx.example.net>",  # lower case, as a log prints it
        "Content-ID: <part1.06090408.01060107@example.org>",
        "X-Message-ID: <a1b2c3d4e5$f6@relay.example.com>",
        'postfix/cleanup[1234]: 4F2A1C0: message-id=<20261205101112.4F2A1C0@mx.example.org>',
        '{"headers": {"Message-Id": "<0102018f2c1e.4b7a@email.amazonses.com>"}}',
        f"X-Google-Smtp-Source: {STAMP}",
        f"X-Gm-Message-State: {STAMP}",
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=s1;\n"
        f"\tbh={BODY_HASH}=;\n\tb={STAMP}",
        "DMARC report from noreply-dmarc-support@google.com",
        "postmaster@smtp.example.org: relay denied",
        'bounce from MAILER-DAEMON@mx.example.net: 550 5.1.1 user unknown',
        "noreply@github.com rejected the push",
        '{"from": "no-reply@accounts.example.com", "subject": "Your code"}',
        "git log: Author: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
        f"ARC-Seal: i=1; a=rsa-sha256; t=1733400000; cv=none; d=google.com; s=arc-20240605;\n b={STAMP}",
        # A signature folded over lines: a line of base64 with no ``+`` or ``/`` is the tag's too.
        f"DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=s1;\n\tbh={BODY_HASH}=;\n\tb={FOLDED}",
        f"DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=s1;\r\n\tb={FOLDED.replace(chr(10), chr(13) + chr(10))}",
        f"ARC-Message-Signature: i=1; a=rsa-sha256; d=google.com; s=arc;\n        b=\n        {FOLD_LINE}\n        {FOLD_LINE}==",
    ],
)  # fmt: skip
def test_a_mails_ids_and_stamps_stay(text: str, use_re2: bool) -> None:
    assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An address, not an id: letters and dots on the left, or no message-id header.
        ("Message-ID: <anna.rossi@example.org>", "Message-ID: <<email>>"),
        ("From: Anna Rossi <anna.rossi7@example.org>", "From: Anna Rossi <<email>>"),
        ("Reply-To: <bob42@example.org>", "Reply-To: <<email>>"),
        ("In-Reply-To: <4711@example.org> from bob42@example.org", "In-Reply-To: <4711@example.org> from <email>"),
        ("Message-ID: <4711@example.org>\nCc: <carla.9@example.org>", "Message-ID: <4711@example.org>\nCc: <<email>>"),
        # A login's name that looks like a role, a person's name holding the letters of one.
        ("ZIPBOOKS_EMAIL=admin@secure.example.com", "ZIPBOOKS_EMAIL=<email>"),
        ("cc support@example.com and jnoreply@example.org", "cc <email> and <email>"),
        ("abuse.report.anna@example.org wrote", "<email> wrote"),
        # A stamp's header names only its own value; a secret on another header is one.
        (f"X-Google-Smtp-Source: {STAMP}\nX-Api-Key: {SECRET}", f"X-Google-Smtp-Source: {STAMP}\nX-Api-Key: <redacted:openai-key>"),
        # ``b=`` outside a signed header, or after the signed header ended, is no signature.
        (f"DKIM-Signature: v=1; d=example.org;\nX-Note: b={STAMP}", "DKIM-Signature: v=1; d=example.org;\nX-Note: b=<redacted:high-entropy>"),
        # A line that folds on no tag's value, or that holds more than base64, is no signature's.
        (f"DKIM-Signature: v=1; d=example.org;\n\th=From:To;\n\t {FOLD_LINE}", "DKIM-Signature: v=1; d=example.org;\n\th=From:To;\n\t <redacted:high-entropy>"),
        (f"DKIM-Signature: v=1; d=example.org;\n\tb={FOLD_LINE}\nX-Token: {STAMP}", f"DKIM-Signature: v=1; d=example.org;\n\tb={FOLD_LINE}\nX-Token: <redacted:token>"),
        (f"DKIM-Signature: v=1; d=example.org;\n\tb={FOLD_LINE}\n\t api {STAMP}", f"DKIM-Signature: v=1; d=example.org;\n\tb={FOLD_LINE}\n\t api <redacted:high-entropy>"),
        (f"curl -d b={FOLD_LINE}\n  {FOLD_LINE}", "curl -d b=<redacted:high-entropy>\n  <redacted:high-entropy>"),
    ],
)  # fmt: skip
def test_addresses_and_secrets_beside_them_go(text: str, expected: str, use_re2: bool) -> None:
    assert in_mode(use_re2).anonymize(text) == expected


def test_the_message_id_reads_the_header_and_the_drawn_left_part() -> None:
    text = "Message-ID: <89A4.0@mail.gmail.com>"
    first = text.index("<") + 1
    assert mail_ids.is_message_id(text, first, text.index("@"))
    text = "Message-ID: <anna@mail.example.org>"
    assert not mail_ids.is_message_id(text, text.index("<") + 1, text.index("@"))
    text = "Sender: <89A4.0@mail.gmail.com>"
    assert not mail_ids.is_message_id(text, text.index("<") + 1, text.index("@"))


def test_a_stamp_is_read_after_its_header_or_signed_tag_only() -> None:
    text = f"X-Received: {STAMP}"
    assert mail_ids.is_trace_value(text, text.index(STAMP))
    text = f"X-Forwarded-Token: {STAMP}"
    assert not mail_ids.is_trace_value(text, text.index(STAMP))
    text = f"curl -d b={STAMP}"
    assert not mail_ids.is_trace_value(text, text.index(STAMP))


def test_a_folded_line_is_read_back_to_its_tag() -> None:
    text = f"DKIM-Signature: v=1;\n\tb={FOLDED}"
    assert mail_ids.folded_tag_value(text, text.index(FOLD_LINE)) == text.index("581a")
    assert mail_ids.is_trace_value(text, text.index(FOLD_LINE))
    assert mail_ids.folded_tag_value(text, text.index("K5LY")) == text.index("581a")
    assert mail_ids.folded_tag_value(text, text.index("581a")) is None  # not a folded line
    text = f"DKIM-Signature: v=1;\n\th=From:To;\n\t {FOLD_LINE}"
    assert mail_ids.folded_tag_value(text, text.index(FOLD_LINE)) is None


def test_a_role_mailbox_is_read_from_its_local_part() -> None:
    assert mail_ids.is_role_mailbox("postmaster")
    assert mail_ids.is_role_mailbox("noreply-dmarc-support")
    assert mail_ids.is_role_mailbox("github.NoReply")
    assert not mail_ids.is_role_mailbox("noreplyanna")
    assert not mail_ids.is_role_mailbox("admin")


@pytest.mark.parametrize(
    "text",
    [
        "Example phone: +1 555 0100; example mail user@example.com",
        "git config --global user.email you@example.com",
        'EMAIL="your.name@example.org"',
        "--softlayer-username = test@testy.test",
        "Contact: John.Doe@mail.example.net",
        "login as someone@corp.example",
    ],
)
def test_documentation_addresses_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A name at a reserved domain, a placeholder's word at a real one.
        ("send it to anna.rossi@example.org", "anna.rossi@example.org"),
        ("git config user.email dev@example.invalid", "dev@example.invalid"),
        ("user@gmail.com", "user@gmail.com"),
        ("user@example.com.attacker.io", "user@example.com.attacker.io"),
        ("test2@testy.test", "test2@testy.test"),
    ],
)
def test_addresses_beside_them_go(text: str, address: str) -> None:
    for use_re2 in (True, False):
        assert address not in in_mode(use_re2).anonymize(text)


def test_documentation_address() -> None:
    assert mail_ids.is_documentation_address("User", "Example.COM")
    assert mail_ids.is_documentation_address("me", "docs.example")
    assert not mail_ids.is_documentation_address("anna", "example.com")
    assert not mail_ids.is_documentation_address("user", "example.co")
