"""Redis RESP frames a shell's ``printf`` fills from its arguments (``printf_frames``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer
from fedlearn.anonymize.printf_frames import filled, unquoted

MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
FRAME = r"*2\r\n$4\r\nAUTH\r\n$24\r\n%s\r\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"$ printf '{FRAME}' {MIXED} | nc redis.example.com 6379",
            f"$ printf '{FRAME}' <redacted:password> | nc redis.example.com 6379",
        ),
        (
            f'$ printf "{FRAME}" "{MIXED}" | nc -q1 127.0.0.1 6379\n+OK',
            f'$ printf "{FRAME}" "<redacted:password>" | nc -q1 127.0.0.1 6379\n+OK',
        ),
        (
            "$ printf '*3\\r\\n$4\\r\\nAUTH\\r\\n$%d\\r\\n%s\\r\\n$8\\r\\n%s\\r\\n' 3 ops 'p%w'\\''d!9x' | nc db 6379",
            "$ printf '*3\\r\\n$4\\r\\nAUTH\\r\\n$%d\\r\\n%s\\r\\n$8\\r\\n%s\\r\\n' 3 ops '<redacted:password>' | nc db 6379",
        ),
        (
            f"printf '*4\\n$6\\nCONFIG\\n$3\\nSET\\n$11\\nrequirepass\\n$24\\n%s\\n' {MIXED} | redis-cli --pipe",
            "printf '*4\\n$6\\nCONFIG\\n$3\\nSET\\n$11\\nrequirepass\\n$24\\n%s\\n' <redacted:password> | redis-cli --pipe",
        ),
    ],
)
def test_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '$ printf \'*2\\r\\n$4\\r\\nAUTH\\r\\n$%d\\r\\n%s\\r\\n\' "${#REDIS_PASSWORD}" "$REDIS_PASSWORD" | nc db 6379',
        "$ printf '*1\\r\\n$4\\r\\nPING\\r\\n' | nc 127.0.0.1 6379",
        "$ printf '*2\\r\\n$3\\r\\nGET\\r\\n$%d\\r\\n%s\\r\\n' 10 session:42 | nc 127.0.0.1 6379",
        "$ printf '%s: %d%%\\n' build 42",
        "printf '*2\\r\\n$4\\r\\nAUTH\\r\\n$10\\r\\n%s\\r\\n' 'short' | nc db 6379",
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_filled() -> None:
    frame, placed = filled("a%sb%%c%dd", ["XY", "7"])
    assert frame == "aXYb%c7d"
    assert placed == {(1, 3): 0, (6, 7): 1}


def test_unquoted() -> None:
    assert unquoted("'a'\\''b'") == "a'b"
    assert unquoted('"x\\"y"z') == 'x"yz'
