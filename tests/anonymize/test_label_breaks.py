"""A value on the line after its label, the line broken by a newline or by HTML markup."""

from __future__ import annotations

import pytest

from .conftest import in_mode

MIXED = "Vq4Lz8Tn2Rk7Wp3Ym9Xc"
HEX = "51bb70d3ab4f9e0ecd17ec0a6f8ed289"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an HTML mail: prose ending in the label, a <br>, the value in a monospace span
            f'<div dir="ltr">Use this token:<br><span style="font-family:monospace">{MIXED}'
            "</span><br><br>-- <br>Ops</div>",
            '<div dir="ltr">Use this token:<br><span style="font-family:monospace">'
            "<redacted:token></span><br><br>-- <br>Ops</div>",
        ),
        (  # two words make the key: ``client secret``
            f"<p>Here is the new client secret:<br><code>{HEX}</code></p>",
            "<p>Here is the new client secret:<br><code><redacted:secret></code></p>",
        ),
        (  # a bold label in its own paragraph, the value in the next
            "<p><b>Password:</b></p>\n<p>hunter2fox</p>",
            "<p><b>Password:</b></p>\n<p><redacted:password></p>",
        ),
        (  # a definition list: the term is the label, no colon needed
            f"<dl><dt>API key</dt>\n  <dd><code>{MIXED}</code></dd></dl>",
            "<dl><dt>API key</dt>\n  <dd><code><redacted:api-key></code></dd></dl>",
        ),
        (  # a header cell beside its data cell
            f"<table><tr><th>Secret</th><td>{MIXED}</td></tr></table>",
            "<table><tr><th>Secret</th><td><redacted:secret></td></tr></table>",
        ),
        (  # the plain text part of the same mail
            "Hi,\n\nyour password:\nhunter2fox\n\nOps",
            "Hi,\n\nyour password:\n<redacted:password>\n\nOps",
        ),
        (  # a log line's label, the value on the next line, CRLF
            f"2026-12-07 09:14:02 INFO\r\nAuth token:\r\n{MIXED}\r\n",
            "2026-12-07 09:14:02 INFO\r\nAuth token:\r\n<redacted:token>\r\n",
        ),
    ],
)
def test_a_value_after_its_label_line_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a label of no secret: a commit, a checksum, a build
        f"<p>Commit:<br><code>{HEX}</code></p>",
        f"Checksum:\n{HEX}\n",
        # a prompt's next line: a word, a message
        "Password:\nAuthenticated\n",
        "[sudo] password for svc:\nSorry, try again.\n",
        # a label line that is more than a label: a sentence, a key=value
        f"<p>The token expired yesterday, see:<br><code>{HEX}</code></p>",
        f"token: rotated\n{MIXED}\n",
        # the next line is more than one value
        "<p>Token:<br>see the vault entry</p>",
        # a key alone over a hash or a fingerprint: data as often as a credential
        f"GPG key:\n{HEX.upper()}\n",
        "public key:\nMCowBQYDK2VwAyEAf2375pAOtZTL0LuX2SFkdDcYQ5WgAbgbpnzONZHryTbjSupQ\n",
        f"<dt>Key</dt><dd>{HEX}</dd>",
        # no colon and no term: a heading over a paragraph
        "<h2>Token</h2><p>Overview</p>",
        # a reference, a placeholder
        "Password:\n${DB_PASSWORD}\n",
    ],
)
def test_other_lines_after_labels_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text


def test_a_yaml_mapping_under_a_secret_key_stays() -> None:
    text = "  password:\n    valueFrom:\n      secretKeyRef:\n        name: api-passwords\n"
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
