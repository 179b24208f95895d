"""Quoted literals that hold a backslash escape are judged unescaped (``literals``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer
from fedlearn.anonymize.literals import Unescaped, qualifies


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('db_password = "r9\\"Kq2mWx7Lp"', 'r9\\"Kq2mWx7Lp'),
        ("SECRET = 'Zq8\\'Lm3pW9xTv'", "Zq8\\'Lm3pW9xTv"),
        ('const apiKey = process.env.APP_API_KEY || "Vb7\\?Nq2Lx9)Wm;4Tz";', "Vb7\\?Nq2Lx9)Wm;4Tz"),
        (
            'var token = "ab3Kx9Qw.Zr\\\\Tm7Lp2Vn/Wq\\\\Yc8Ds";',
            "ab3Kx9Qw.Zr\\\\Tm7Lp2Vn/Wq\\\\Yc8Ds",
        ),
        ('cfg.get("svc.auth.secret", "Hq5\\Tx9Lm2Vp7Rk4Wn8Zc");', "Hq5\\Tx9Lm2Vp7Rk4Wn8Zc"),
        ('(def acme-secret "Qx7^Lm2`Rt9%Wz4")', "Qx7^Lm2`Rt9%Wz4"),
        ('(def wombat-token "Rt4&Kp9`Zm2^Vx7q")', "Rt4&Kp9`Zm2^Vx7q"),
    ],
)
def test_escaped_literal_values_are_redacted(anonymizer: Anonymizer, text: str, value: str) -> None:
    """The whole literal goes, escapes included, not its first piece alone."""
    out = anonymizer.anonymize(text)
    assert "<redacted:" in out
    assert not any(piece in out for piece in value.replace("\\", " ").split() if len(piece) > 2)


@pytest.mark.parametrize(
    "text",
    [
        'path = "C:\\\\Users\\\\dana\\\\AppData\\\\Local"',
        'token_path = "C:\\\\Users\\\\dana\\\\.config\\\\token.json"',
        'pattern = "^\\\\d{4}-\\\\d{2}$"',
        'print("it\\\'s fine")',
        'password_hint = "see\\"vault\\"entry"',
        '{\\"password\\": \\"$DB_PASSWORD\\"}',
        'message = "Password:\\n"',
        'cmd = "echo`whoami`done"',
        "run('{`id`:42,`token`:null}')",
    ],
)
def test_escaped_literal_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_view_maps_back_over_the_escapes() -> None:
    text = 'k = "ab\\"cd\\?ef" + x'
    view = Unescaped(text)
    assert view.text == 'k = "abcd?ef" + x'
    assert view.span(5, 12) == (5, 15)  # the body, from its first character to its closing quote
    assert view.span(6, 11) == (6, 14)
    assert view.span(0, 3) is None
    assert qualifies('a\\"b') and qualifies("a\\?b") and not qualifies("a\\nb\\t")
