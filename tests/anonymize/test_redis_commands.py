"""A password in a redis command typed as text: redis-cli's history, prompt and command line."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

from .conftest import in_mode

MIXED = "Vq4Lz8Tn2Rk7Wp3Ym9Xc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"$ cat ~/.rediscli_history\nAUTH {MIXED}\nKEYS session:*\nTTL session:4211",
            "$ cat ~/.rediscli_history\nAUTH <redacted:password>\nKEYS session:*\nTTL session:4211",
        ),
        (
            f"$ tail -2 ~/.rediscli_history\nconfig set requirepass {MIXED}\nCONFIG REWRITE",
            "$ tail -2 ~/.rediscli_history\nconfig set requirepass <redacted:password>\n"
            "CONFIG REWRITE",
        ),
        (  # after redis-cli's prompt (no word redis in the text), a user before the password
            f"127.0.0.1:6379> AUTH default {MIXED}\nOK\n127.0.0.1:6379[2]> DBSIZE",
            "127.0.0.1:6379> AUTH default <redacted:password>\nOK\n127.0.0.1:6379[2]> DBSIZE",
        ),
        (
            f"redis-cli -h cache.internal -p 6380 CONFIG SET masterauth {MIXED}",
            "redis-cli -h cache.internal -p 6380 CONFIG SET masterauth <redacted:password>",
        ),
        (
            f"redis\nHELLO 3 AUTH app {MIXED}\nACL SETUSER app on >{MIXED} ~* +@all",
            "redis\nHELLO 3 AUTH app <redacted:password>\n"
            "ACL SETUSER app on ><redacted:password> ~* +@all",
        ),
    ],
)
def test_a_redis_password_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # messages and words after AUTH
        "redis\nAUTH failed\nauth required\nAUTH error: wrong-pass1 given",
        "127.0.0.1:6379> AUTH\n(error) ERR wrong number of arguments for 'auth' command",
        # no redis: an SMTP session's mechanisms
        "S: 250-AUTH PLAIN LOGIN\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6",
        # a reference, another parameter
        "redis-cli CONFIG SET requirepass $REDIS_PASSWORD",
        "redis-cli CONFIG SET maxmemory 2gb",
        # AUTH as a word in a line of prose about redis
        "redis docs: AUTH takes the password as its argument, see the manual",
    ],
)
def test_other_redis_lines_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
