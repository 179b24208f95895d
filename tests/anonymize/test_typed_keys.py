"""A password a desktop-automation script types into a window (``typed_keys``)."""

from __future__ import annotations

import pytest

from .conftest import in_mode

SECRET = "Qm7xR2vLp9KdT4wz"


@pytest.mark.parametrize(
    "text",
    [
        # AutoHotkey v1 and v2: the text to the line's end, keys in braces after it
        f"#IfWinActive, Billing Login\n^!p::\nSendRaw {SECRET}\nSend {{Enter}}\nreturn",
        f"Send, {SECRET}{{Enter}}",
        f'SendText "{SECRET}"',
        f"  SendInput {{Raw}}{SECRET}",
        # AppleScript, xdotool, Python's typing libraries
        f'tell application "System Events" to keystroke "{SECRET}"',
        f"xdotool search --name 'Login' windowactivate --sync type --delay 50 '{SECRET}'",
        f"xdotool type --clearmodifiers {SECRET}",
        f"pyautogui.write('{SECRET}', interval=0.05)",
        f'pyautogui.typewrite("{SECRET}")',
        f"keyboard.write('{SECRET}')",
    ],
)
def test_a_typed_password_is_redacted(text: str) -> None:
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(f"login macro:\n{text}\n")
        assert SECRET not in out, out
        assert "<redacted:password>" in out


@pytest.mark.parametrize(
    "text",
    [
        "Send Hello, world{Enter}",
        "Send {Enter}",
        "SendRaw Thanks for the report, closing this.",
        'keystroke "q" using command down',
        'tell application "System Events" to keystroke "hello world"',
        'xdotool type "$PASSWORD"',
        # expect's send (``wire_logins``), a variable in AutoHotkey
        'expect "password:"\nsend "$env(SSH_PASS)\\r"',
        "SendRaw %Password%$",
        "xdotool type --delay 100 'git status'",
        'pyautogui.write("Hello world")',
        "keyboard.write('ls -la')",
        # no typing command: a sentence that starts with the word
        "Send me the logs from last night please",
    ],
)
def test_other_typed_text_stays(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
