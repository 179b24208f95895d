"""A setting read by its key, its value printed on the next line: settings tools and debuggers."""

from __future__ import annotations

import json

import pytest

from fedlearn.anonymize import Anonymizer

from .conftest import in_mode

MIXED = "Vq4Lz8Tn2Rk7Wp3Ym9Xc"
HEX = "3e0b9c71d5a84f26e19b7c03a5d6f482"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # macOS: PlistBuddy's key path, defaults, plutil, launchctl
            '$ /usr/libexec/PlistBuddy -c "Print :Account:ledgerAuthToken" ledger.plist\n'
            f"{MIXED}\n$ exit",
            '$ /usr/libexec/PlistBuddy -c "Print :Account:ledgerAuthToken" ledger.plist\n'
            "<redacted:token>\n$ exit",
        ),
        (
            f"mac:~ dev$ defaults read com.acme.ledger apiToken\n{MIXED}\n",
            "mac:~ dev$ defaults read com.acme.ledger apiToken\n<redacted:token>\n",
        ),
        (
            f"% plutil -extract Account.clientSecret raw prefs.plist\n{HEX}",
            "% plutil -extract Account.clientSecret raw prefs.plist\n<redacted:secret>",
        ),
        (
            f"$ launchctl getenv LEDGER_DB_PASSWORD\n{MIXED}",
            "$ launchctl getenv LEDGER_DB_PASSWORD\n<redacted:password>",
        ),
        (  # desktops: GVariant's quoted string, dconf's path, KConfig, xfconf
            f"$ gsettings get org.acme.sync client-secret\n'{MIXED}'\n$ ",
            "$ gsettings get org.acme.sync client-secret\n'<redacted:secret>'\n$ ",
        ),
        (
            f"$ dconf read /org/acme/sync/auth-token\n'{MIXED}'",
            "$ dconf read /org/acme/sync/auth-token\n'<redacted:token>'",
        ),
        (
            f"$ kreadconfig6 --file acmerc --group Account --key accessToken\n{MIXED}",
            "$ kreadconfig6 --file acmerc --group Account --key accessToken\n<redacted:token>",
        ),
        (
            f"$ xfconf-query -c acme -p /account/api_key\n{MIXED}",
            "$ xfconf-query -c acme -p /account/api_key\n<redacted:api-key>",
        ),
        (  # tools' own settings; Android's properties through adb
            f"$ git config --global --get sendemail.smtpPassword\n{MIXED}",
            "$ git config --global --get sendemail.smtpPassword\n<redacted:password>",
        ),
        (
            f"$ npm config get //registry.npmjs.org/:_authToken\nnpm_{MIXED}{MIXED}",
            "$ npm config get //registry.npmjs.org/:_authToken\n<redacted:token>",
        ),
        (
            f"$ adb shell getprop persist.acme.api_token\n{MIXED}",
            "$ adb shell getprop persist.acme.api_token\n<redacted:token>",
        ),
        (  # debuggers: gdb's pointer and string, lldb's type, delve's string, getenv's argument
            f'(gdb) p cfg->db_password\n$2 = 0x55555555a300 "{MIXED}"\n(gdb) bt',
            '(gdb) p cfg->db_password\n$2 = 0x55555555a300 "<redacted:password>"\n(gdb) bt',
        ),
        (
            f'(gdb) print getenv("STRIPE_API_KEY")\n$1 = 0x7fffffffe3a0 "{MIXED}"',
            '(gdb) print getenv("STRIPE_API_KEY")\n$1 = 0x7fffffffe3a0 "<redacted:api-key>"',
        ),
        (
            f'(lldb) p cfg->api_token\n(const char *) $0 = 0x0000600003d04000 "{MIXED}"',
            '(lldb) p cfg->api_token\n(const char *) $0 = 0x0000600003d04000 "<redacted:token>"',
        ),
        (
            f'(dlv) p cfg.ApiToken\n"{MIXED}"',
            '(dlv) p cfg.ApiToken\n"<redacted:token>"',
        ),
    ],
)
def test_a_setting_read_by_a_secret_key_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the key names no secret
        "$ gsettings get org.gnome.desktop.interface font-name\n'Cantarell 11'",
        f"$ defaults read com.apple.dock build-id\n{HEX}",
        "$ git config --get remote.origin.url\nhttps://github.com/acme/app.git",
        f'(gdb) p cfg->build_id\n$3 = 0x5555 "{HEX}"',
        "(gdb) p count\n$1 = 42",
        "(gdb) p cfg->session_token_len\n$3 = 32",
        # the next line is a prompt, a message, a placeholder or a reference
        "$ gsettings get org.acme.sync auth-token\n$ echo done",
        "$ launchctl getenv API_TOKEN\n\n$ exit",
        "$ git config --get credential.password\nerror: key does not contain a section",
        "$ defaults read com.acme.ledger apiToken\n$API_TOKEN",
        "$ gsettings get org.acme.sync auth-token\n'changeme'",
        # no name at all: ``x/s``'s address
        f'(gdb) x/s $rsi\n0x7fffffffe3a0:\t"{HEX}"',
        # a command that writes or lists, not reads (a write's value is the flag rules')
        "$ xfconf-query -c xfwm4 -p /general/theme -s Default",
        # in prose, the next line is a sentence
        "Run `gsettings get org.acme.sync auth-token` to see the token.\nIt prints a string.",
    ],
)
def test_other_readouts_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_a_readout_in_a_json_log_is_read_as_lines() -> None:
    """The command and its output in an agent's JSON log: each is read as its own text."""
    event = {"cmd": "gsettings get org.acme.sync client-secret", "output": f"'{MIXED}'\n"}
    text = json.dumps(event)
    assert in_mode(True).anonymize(text) == in_mode(False).anonymize(text)
