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
