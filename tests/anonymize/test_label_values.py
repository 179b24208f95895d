"""A value on the line after its label (``label_values``): its three readings of a label line
(``marked``: a label cut by a newline or by HTML markup, from ``test_label_breaks``; ``below``: a
label line over its value, from ``test_label_lines``; ``wrapped``: a terminal's wrap after
``KEY=``, from ``test_contexts41``) and the one rule that runs them."""

from __future__ import annotations

import re

import pytest

from fedlearn.anonymize import Anonymizer, label_values

from .conftest import in_mode

MIXED = "Vq4Lz8Tn2Rk7Wp3Ym9Xc"
HEX = "51bb70d3ab4f9e0ecd17ec0a6f8ed289"
V = "Xq8mW2pL7kZrT4"
HEX2 = "9d863386ce10cd79e048c07dd7753eda"
LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
WRAP_MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"
UUID = "cf3ddada-0da7-4eca-9f86-f0a439160ccd"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")


# ---- marked: a label line cut by a newline or by markup
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


# ---- below: a label line over its value


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"Password\n{V}", V),
        (f"API key:\n{HEX2}", HEX2),
        (f"token\n-----\n{V}", V),
        (f"Secret\n======\n{HEX2}", HEX2),
        (f"Hi Anna,\n\nhere is the staging login.\n\nPassword:\n{V}\n\nThanks,\nBob", V),
        (f"Your new API key:\n  {HEX2}\nStore it somewhere safe.", HEX2),
        (f"$ ./bin/create-admin\nAdmin password:\n{V}\ndone", V),
        (f"**Root password:**\n`{V}`", V),
        (f"- WiFi password:\n  {V}", V),
        (f"## Access token\n{HEX2}\nExpires in 3600 seconds", HEX2),
        ("Password:\nRocket&1233maple", "Rocket&1233maple"),
        ("Passwort:\nMaple$4977orange\r\n", "Maple$4977orange"),
        ("Client secret\r\nWinter2024!", "Winter2024!"),
        (f'"password":\n    "{V}"', V),
        (f"api_token\n{V}\n", V),  # no ``strings`` dump: a label and its value
        (f'password =\n    "{V}"', V),
        (f'{{\n  "api_key":\n    "{HEX2}",\n  "x": 1\n}}', HEX2),
    ],
)
def test_values_below_their_label_are_redacted(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    """Notes, mails, Markdown and a tool's output: the value line goes, the label stays."""
    out = anonymizer.anonymize(text)
    assert secret not in out and "<redacted:" in out, out
    label = text.split("\n")[0] if not text.startswith("Hi") else "Password:"
    assert label.strip() in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Password\nReset your password from the account page.",
        "### Password\n\nThe password must be at least 12 characters long.",
        "API key:\nSee the vault entry for the staging account.",
        "Token:\nexpired",
        "Password\n********",
        "Password:\n$DB_PASSWORD",
        "Token\n-----\nNone",
        "Password\nForgotPassword.tsx",
        "Password:\n/run/secrets/db_password",
        "Token:\nhttps://auth.example.com/token",
        "Secret\nMySecretName",
        "Token:\n{{ secrets.DEPLOY_TOKEN }}",
        "Password:\n<your password>",
        "API key:\nYOUR_API_KEY",
        "Password:\nchangeme",
        "Session ID:\n4f9c2a1b7e3d4f9c2a1b7e3d",
        "Public key:\nAAAAC3NzaC1lZDI1NTE5AAAAIHv9q1",
        "Cache key\nv1-linux-deps-8f3a9c2b",
        "Token count\n128000",
        "Password policy\nMinLength12",
        "Token expired\nRetrying in 5s",
        f"Key\n{HEX2}",
        "Secret\nsecret_name_here",
        "# onepassword\nONEPASSWORD_PASSWORD=<redacted:password>\nLOG_LEVEL=debug",
        "token =\n    self.token",
        "session_token\nx86_64-linux-gnu",
        "> see the token below\n'9c2e41d07b5a3f86e1d4c7b20a9f5e38'",
        "client_secret\nABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        "password =\n    get_password()",
        '"password":\n    "changeme"',
    ],
)
def test_label_line_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Prose under a heading, placeholders, references, paths, URLs, words, counts, a generic
    ``key`` and labels naming no secret (``Session ID``, ``Public key``, ``Token count``) stay."""
    assert anonymizer.anonymize(text) == text


# ---- wrapped: a terminal's wrap between the key and its value
WRAPPED = [
    (
        f"ops@bastion:~/acme$ ./configure --with-auth-token={' ' * 20}\n{LOWER}\nops@bastion:~$ ",
        ("token",),
    ),
    (f"C:\\deploy> set ACME\r\nACME_API_KEY={' ' * 60}\r\n{WRAP_MIXED}\r\n", ("api-key",)),
    (f"    Environment:\n      ACME_DB_PASSWORD:  \n{WRAP_MIXED}\n    Mounts:", ("password",)),
    (f"2026-12-07 09:14:02 INFO exporting ACME_SECRET=\n{LOWER}", ("secret",)),
    (f"ops@bastion:~/acme$ ./configure --with-password=\ndeploy:{WRAP_MIXED}\n", ("password",)),
]


@pytest.mark.parametrize(("text", "names"), WRAPPED)
def test_a_value_wrapped_onto_the_next_row_is_redacted(
    anonymizer: Anonymizer, text: str, names: tuple[str, ...]
) -> None:
    out = anonymizer.anonymize(text)
    assert WRAP_MIXED not in out
    assert LOWER not in out
    assert tuple(REDACTED.findall(out)) == names


WRAP_KEPT = [
    # a wrapped row of another key, a prompt, a mask, an indented YAML mapping, a variable's name
    f"    Image ID:       docker-pullable://ghcr.io/acme/app@sha256:\n{SHA}\n    Port:  8080/TCP",
    "Password:\n********",
    "password:\nEnter",
    "api_token:\n  name: deploy",
    "API_TOKEN=\napi_token_value",
    f"BUILD_ID=\n{UUID}",
    "# .env.example\nPASSWORD=\nOLLAMA_BASE_URL=http://localhost:11434\nQDRANT_URL=http://localhost:6333",
    "public key:\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8Af2375pAOtZTL0LuX2SFkdDcYQ5WgAbgb",
]


@pytest.mark.parametrize("text", WRAP_KEPT)
def test_other_rows_after_a_key_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize("text", [text for text, _ in WRAPPED] + WRAP_KEPT)
def test_one_semantics_of_wraps(text: str) -> None:
    """The RE2 sets and the keyword triggers redact these forms the same."""
    assert in_mode(True).anonymize(text) == in_mode(False).anonymize(text)


# ---- the one rule: each span once, under the first reading that finds it


def test_a_value_two_readings_find_is_reported_once() -> None:
    """``Password:⏎V`` is a ``marked`` label, a ``below`` label line and a wrapped key at once:
    one redaction, under ``marked``'s rule."""
    text = f"Password:\n{V}\n"
    assert label_values.found(text) == {(10, 10 + len(V)): "password"}
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == "Password:\n<redacted:password>\n"


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        (f"<p>Here is the new client secret:<br><code>{HEX}</code></p>", ("marked",)),
        (f"**Root password:**\n`{V}`", ("below",)),
        (f"2026-12-07 09:14:02 INFO exporting ACME_SECRET=\n{LOWER}", ("wrapped",)),
        (f"Password:\n{V}", ("marked", "below", "wrapped")),
    ],
)
def test_each_form_is_read_by_its_reading(text: str, readings: tuple[str, ...]) -> None:
    """Each form's value is found by the reading its label line is."""
    finders = {
        "marked": label_values.marked,
        "below": label_values.below,
        "wrapped": label_values.wrapped,
    }
    for name, reading in finders.items():
        assert bool(list(reading(text))) is (name in readings), name
