"""Passwords in cloud-init's ``chpasswd`` list (``chpasswd_lists``)."""

from __future__ import annotations

import pytest

from .conftest import in_mode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a block scalar; RANDOM asks cloud-init to draw one; a crypted one is a hash
            "#cloud-config\nchpasswd:\n  list: |\n    root:Zq8wR2vLp9KdT4\n    ubuntu:RANDOM\n"
            "    ops:$6$rounds=4096$abc$defghijkl\n  expire: false\n",
            "#cloud-config\nchpasswd:\n  list: |\n    root:<redacted:password>\n    ubuntu:RANDOM\n"
            "    ops:<redacted:password>\n  expire: false\n",
        ),
        (  # a YAML list after another key, quoted and chosen
            'chpasswd:\n  expire: false\n  list:\n    - root:Hn3kP0xVb7QsL2\n    - "ubuntu:passw0rd"\n',
            "chpasswd:\n  expire: false\n  list:\n    - root:<redacted:password>\n"
            '    - "ubuntu:<redacted:password>"\n',
        ),
        (  # the list's items at its key's indent, CRLF
            "chpasswd:\r\n  list:\r\n  - pi:raspberry42\r\n",
            "chpasswd:\r\n  list:\r\n  - pi:<redacted:password>\r\n",
        ),
    ],
)
def test_a_chpasswd_list_password_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "chpasswd:\n  list: |\n    ubuntu:RANDOM\n    root:R\n  expire: true\n",
        "chpasswd:\n  list: |\n    root:${ROOT_PASSWORD}\n",
        "Run chpasswd: it reads user:password lines.",
        "runcmd:\n  - [sh, -c, 'echo done']\nlist: |\n  a:b\n",
    ],
)
def test_other_lists_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
