"""A setting a command writes by its key: ``setprop``, ``xfconf-query -s``, ``gsettings set``…"""

from __future__ import annotations

import pytest

from .conftest import in_mode

SHORT = "suhv8PydMjCK4y"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$ adb shell setprop debug.ledger.api_token JBIhl8zQnvwUkDF",
            "$ adb shell setprop debug.ledger.api_token <redacted:token>",
        ),
        (  # the write, then the listing prints the value again
            f"$ xfconf-query -c ledger -p /account/api_key -s {SHORT}\n"
            f"$ xfconf-query -c ledger -lv\n/account/api_key          {SHORT}\n",
            "$ xfconf-query -c ledger -p /account/api_key -s <redacted:api-key>\n"
            "$ xfconf-query -c ledger -lv\n/account/api_key          <redacted:api-key>\n",
        ),
        (
            "$ xfconf-query -c ledger -p /account/api_token -n -t string -s 9734741337193905126710251",
            "$ xfconf-query -c ledger -p /account/api_token -n -t string -s <redacted:token>",
        ),
        (  # GVariant's quotes inside the shell's
            f"$ dconf write /org/ledger/sync/auth-token \"'{SHORT}'\"",
            "$ dconf write /org/ledger/sync/auth-token \"'<redacted:token>'\"",
        ),
        (
            f"mac:~ dev$ defaults write com.ledger.app apiToken -string {SHORT}",
            "mac:~ dev$ defaults write com.ledger.app apiToken -string <redacted:token>",
        ),
        (
            f"$ launchctl setenv LEDGER_API_TOKEN {SHORT}; open -a Ledger",
            "$ launchctl setenv LEDGER_API_TOKEN <redacted:token>; open -a Ledger",
        ),
    ],
)
def test_a_written_secret_setting_is_redacted(text: str, expected: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "$ setprop persist.sys.timezone Europe/Vienna",
        "$ adb shell setprop debug.hwui.profile true",
        '$ gsettings set org.gnome.desktop.interface font-name "Cantarell 11"',
        "$ xfconf-query -c xfwm4 -p /general/theme -s Default",
        "$ defaults write com.apple.dock autohide -bool true",
        # a reference the shell fills in
        "$ launchctl setenv LEDGER_API_TOKEN $LEDGER_API_TOKEN",
        # a name under a key that names a secret's name
        "$ setprop debug.ledger.token_header X-Ledger-Token",
    ],
)
def test_other_written_settings_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
