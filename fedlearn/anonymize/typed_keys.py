"""A password a desktop-automation script types into a window (DESIGN.md guarantee 1).

Login macros type a password as keystrokes: AutoHotkey's ``SendRaw V`` (``Send``, ``SendInput``,
``SendText``), AppleScript's ``tell application "System Events" to keystroke "V"``, ``xdotool
type --delay 50 'V'``, Python's ``pyautogui.write('V')`` (``typewrite``, ``keyboard.write``),
bench/contexts44. No key names the value and no field is selected (``typed_fields`` reads a web
test's selector): the verb types any text, so the text counts only when it reads as a password
(``login_pairs.is_told_password``: generated, chosen, or 8-64 characters of letters, digits and
a symbol), as ``adb shell input text V`` is judged; text with a ``$`` (a variable) and expect's
``send "V\\r"`` (``wire_logins`` reads it) are left. ``Send Hello, world{Enter}``, ``keystroke
"q" using command down`` and ``xdotool type "$PASSWORD"`` stay.
"""

from __future__ import annotations

import re

from fedlearn.anonymize.login_pairs import is_told_password
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger, secret

# AutoHotkey: a Send command first on its line, its text to the line's end (keys in braces after).
AUTOHOTKEY = (
    r"(?m:^)[ \t]*(?i:send(?:raw|text|input|play|event)?)(?:[ \t]*,[ \t]*|[ \t]+)(?i:\{raw\})?"
    r"(?:\"(?P<ahk_q>[^\"\n]{1,200})\"|(?P<ahk>[^\s\"{][^\n{]{0,199}?))(?:\{[A-Za-z]+\})*[ \t]*(?m:$)"
)
# AppleScript's ``keystroke "V"`` (``\\"`` and ``\\\\`` escapes).
KEYSTROKE = r"\bkeystroke[ \t]+\"(?P<apple>(?:[^\"\\\n]|\\[\"\\]){1,200})\""
# xdotool's ``type`` command, its options before the text.
XDOTOOL = (
    r"\bxdotool(?:[ \t][^\n]{0,200}?)?[ \t]type[ \t]+"
    r"(?:--(?:delay|window|terminator|args)[ \t]+[^\s'\"]+[ \t]+|--(?:clearmodifiers|sync)[ \t]+)*"
    r"(?:'(?P<xdo_q>[^'\n]{1,200})'|\"(?P<xdo_d>[^\"\n$`\\]{1,200})\"|(?P<xdo>[^\s'\"`$;|&]{1,200}))"
)
# Python's typing libraries: ``pyautogui.write('V')``, ``keyboard.write("V")``.
PYTHON = (
    r"\b(?:pyautogui|pydirectinput|keyboard)\.(?:type)?write\([ \t]*"
    r"(?P<pq>[\"'])(?P<py>[^\"'\n\\]{1,200})(?P=pq)"
)
GROUPS = ("ahk_q", "ahk", "apple", "xdo_q", "xdo_d", "xdo", "py")


def judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of typed text that reads as a password."""
    found = match.groupdict()
    group = next(g for g in GROUPS if found.get(g) is not None)
    value = found[group]
    if value.endswith(("\\r", "\\n")) or "$" in value:
        return None  # expect's ``send "V\\r"`` (``wire_logins`` reads it), a ``$reference``
    if not is_told_password(value):
        return None
    return match.start(group), match.end(group), "password"


def rules() -> list[Rule]:
    """Return the rule for a password typed by a desktop-automation script."""
    return [
        secret(
            "password",
            Matcher(Lazy(AUTOHOTKEY), judge=judge),
            Matcher(Lazy(KEYSTROKE), judge=judge),
            Matcher(Lazy(XDOTOOL), judge=judge),
            Matcher(Lazy(PYTHON), judge=judge),
            trigger=Trigger(words=("send", "keystroke", "xdotool", "write("), lower=True),
            gate=(
                r"(?i)(?:^|\n)[ \t]*send(?:raw|text|input|play|event)?[ \t,]|keystroke[ \t]+\""
                r"|xdotool(?:[ \t][^\n]*)?[ \t]type[ \t]|(?:pyautogui|pydirectinput|keyboard)\.(?:type)?write\("
            ),
        )
    ]
