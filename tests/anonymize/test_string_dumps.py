"""A value beside a secret's name in a binary's string dump: ``strings``, ``readelf -p``, ``rabin2 -z``."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

from .conftest import in_mode

MIXED = "Vq4Lz8Tn2Rk7Wp3Ym9Xc"
UUID = "0b9e4c7a-3f21-4d58-9a6e-c1d2e3f4a5b6"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # ``grep -A1``: the name, then its value
            f"$ strings -n 12 ./dist/ledger-agent | grep -A1 -i key\nledger_api_key\n{MIXED}\n"
            "https://api.ledger.example.com/v1\n$ exit",
            "$ strings -n 12 ./dist/ledger-agent | grep -A1 -i key\nledger_api_key\n"
            "<redacted:api-key>\nhttps://api.ledger.example.com/v1\n$ exit",
        ),
        (  # readelf's offsets; the name stored after the value
            "$ readelf -p .rodata ./ledger | head\n\nString dump of section '.rodata':\n"
            f"  [    10]  https://api.ledger.example.com/v1\n  [    2c]  {UUID}\n"
            "  [    58]  LEDGER_CLIENT_SECRET\n",
            "$ readelf -p .rodata ./ledger | head\n\nString dump of section '.rodata':\n"
            "  [    10]  https://api.ledger.example.com/v1\n  [    2c]  <redacted:secret>\n"
            "  [    58]  LEDGER_CLIENT_SECRET\n",
        ),
        (  # strings on a pipe; rabin2's columns before the string
            f"# cat /proc/4211/environ | strings\nDB_PASSWORD\n{MIXED}\n",
            "# cat /proc/4211/environ | strings\nDB_PASSWORD\n<redacted:password>\n",
        ),
        (
            "$ rabin2 -z ./ledger\nnth paddr      vaddr      len size section type  string\n"
            "0   0x00002004 0x00002004 14  15   .rodata ascii ledger_token\n"
            f"1   0x00002014 0x00002014 20  21   .rodata ascii {MIXED}\n",
            "$ rabin2 -z ./ledger\nnth paddr      vaddr      len size section type  string\n"
            "0   0x00002004 0x00002004 14  15   .rodata ascii ledger_token\n"
            "1   0x00002014 0x00002014 20  21   .rodata ascii <redacted:token>\n",
        ),
        (  # less's history: a search for a name, then for its value
            f'$ cat ~/.lesshst\n.less-history-file:\n.search\n"password\n"{MIXED}\n.shell\n"ls\n',
            '$ cat ~/.lesshst\n.less-history-file:\n.search\n"password\n'
            '"<redacted:password>\n.shell\n"ls\n',
        ),
    ],
)
def test_a_value_beside_a_secret_name_in_a_dump_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # ordinary symbols around a secret's name: versions, mangled names, triples, tables
        "$ strings ./a.out\nGLIBC_2.34\napi_token\nInvalid token: %s\nmain\n"
        "_ZN4core3fmt5write17h0c9a1b2c3d4e5f60E\nsession_token\nx86_64-linux-gnu\n"
        "client_secret\nABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/\n$ ls",
        # names beside names, words and messages
        "$ strings ./ledger | grep -i token\nrefresh_token\naccess_token\ntoken_expired\n",
        "$ strings ./ledger\npassword\nPassword: \nauthentication failed\n",
        # a hash beside a name that says nothing secret
        f"$ readelf -p .comment ./ledger\n  [     0]  build_id\n  [    10]  {MIXED}\n",
        # less's searches for names and words
        '.less-history-file:\n.search\n"token\n"expires_at\n"TODO\n"api_key\n"ERROR\n',
    ],
)
def test_other_dumps_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


RABIN = (
    "$ rabin2 -z ./agent | head -4\n[Strings]\nnth paddr      vaddr      len size section type  string\n"
    "―――――――――――――――――――――――――――――――――――\n"
)


def rabin_row(value: str) -> str:
    """Return a ``rabin2 -z`` row holding ``value``."""
    return f"0   0x00002004 0x00002004 40  41   .rodata ascii {value}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # rabin2's row alone: its columns say it is one stored string
            RABIN + rabin_row("0mw61525uhqcll4cl4g9x3f56y1cbtwa"),
            RABIN + rabin_row("<redacted:high-entropy>"),
        ),
        (
            RABIN
            + rabin_row(MIXED)
            + "1   0x00002020 0x00002020 10  11   .rodata ascii usage: %s\n",
            RABIN
            + rabin_row("<redacted:high-entropy>")
            + "1   0x00002020 0x00002020 10  11   .rodata ascii usage: %s\n",
        ),
        (  # gdb's x/s: a C string at an address, no name anywhere
            f'(gdb) x/s $rsi\n0x7fffffffe3a0:\t"{MIXED}"\n(gdb) bt\n',
            '(gdb) x/s $rsi\n0x7fffffffe3a0:\t"<redacted:high-entropy>"\n(gdb) bt\n',
        ),
        (
            f'(gdb) x/2s buf\n0x5555555592a0 <buf>:\t"{MIXED}"\n0x5555555592b5 <buf+21>:\t"ok"\n',
            '(gdb) x/2s buf\n0x5555555592a0 <buf>:\t"<redacted:high-entropy>"\n'
            '0x5555555592b5 <buf+21>:\t"ok"\n',
        ),
    ],
)
def test_a_drawn_string_alone_in_a_row_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "value",
    [
        "35992abe3b6b861c66d4e1d668ac9367",  # a digest: binaries embed hashes and build ids
        "dba06b506389c94f2bfc010fa83690cf7171dd40",  # a commit
        UUID,  # a UUID
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",  # an alphabet
        "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",  # a fill
        "/usr/lib/x86_64-linux-gnu/libssl.so.3",  # a path
        "GLIBC_2.34",
        "_ZN4core3fmt5write17h0c9a1b2c3d4e5f60E",
        "https://api.example.com/v1/items",
        "Invalid token: %s",
        "xoxe.xoxp-1-initial",  # short parts: words and a counter
    ],
)
def test_a_row_that_is_no_drawn_value_stays(value: str) -> None:
    for text in (RABIN + rabin_row(value), f'(gdb) x/s $rdi\n0x7fffffffe3a0:\t"{value}"\n'):
        for use_re2 in (True, False):
            assert in_mode(use_re2).anonymize(text) == text


def test_strings_alone_keeps_a_drawn_run() -> None:
    # ``strings`` prints runs of any bytes: compressed data reads random; no name, no redaction
    text = f"$ strings ./agent.bin\n{MIXED}\nmain\n"
    assert in_mode(True).anonymize(text) == text


DECODE = '$ protoc --decode_raw < login_request.bin\n1: "ledger"\n2 {\n  1: "svc-deploy"\n  2: "{}"\n}\n3: 1765099242\n'


def test_a_drawn_field_of_a_raw_decoded_message_is_redacted() -> None:
    text = DECODE.replace("{}", MIXED)
    expected = DECODE.replace("{}", "<redacted:high-entropy>")
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "value",
    [
        "sha256:18429f609af627e150a8235d44e5e8cd78d1d1063dcb9a1bcf8a893c289c2bbf",  # a digest
        UUID,
        "9.7.96",
        "https://api.ledger.example.com/v1",
        "projects/acme/locations/eu/queues/default",
    ],
)
def test_other_raw_decoded_fields_stay(value: str) -> None:
    text = DECODE.replace("{}", value)
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
