"""A setting a command reads by its key, its value printed on the next line (DESIGN.md guarantee 1;
from ``bench/contexts38``).

A settings tool or a debugger is given one key and prints that key's value alone on the line
after the command's: the name is in the command, the value under it, nothing beside it. The key
is the command's last name for it (a plist key path's last part, a dconf or xfconf path's last
name, a git or npm key's last part, a debugger expression's last member), the value the next
line's one word, or the string in its quotes; it is judged as ``KEY=value``
(``tables.judged``), so a readout of a setting whose name says nothing secret (``gsettings get
org.gnome.desktop.interface font-name``, ``p count``) stays:

- macOS: PlistBuddy's ``-c 'Print :a:NAME'``, ``defaults read DOMAIN NAME``, ``plutil -extract
  a.NAME raw``, ``launchctl getenv NAME``;
- desktops: ``gsettings get SCHEMA NAME`` (``'V'``), ``dconf read /a/NAME`` (``'V'``),
  ``kreadconfig5``/``6`` ``--key NAME``, ``xfconf-query -p /a/NAME`` (not with ``-s``, ``-l``,
  ``-r``: a write, a listing, a reset);
- tools' own settings: ``git config [--get] a.NAME``, ``npm``/``yarn``/``pnpm config get
  NAME`` (``//registry/:_authToken``), Android's ``getprop a.NAME``;
- debuggers, after their prompt: gdb's and lldb's ``p``/``print``/``output``/``expr`` of an
  expression whose last member is NAME, then ``$N = 0x… "V"`` (lldb: ``(char *) $0 = 0x… "V"``),
  delve's ``p cfg.NAME`` then ``"V"``.

The line after the command must be output: no shell or debugger prompt opens it. ``x/s ADDR``
(an address, no name) is not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fedlearn.anonymize import key_names
from fedlearn.anonymize.git_settings import is_public_setting
from fedlearn.anonymize.rules import Judge, Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# A line's start and a shell prompt (``$``, ``#``, ``%``, ``>``, U+276F, maybe ``mac:~ dev$``),
# maybe ``sudo`` and an ``adb shell``.
SHELL = (
    r"(?m:^)[ \t]*(?:[^\n$#%>]{0,80}?[$#%>\u276f][ \t]*)?(?:sudo[ \t]+(?:-\S+[ \t]+)*)?"
    r"(?:adb[ \t]+(?:-s[ \t]+\S+[ \t]+)?shell[ \t]+)?"
)
# A key's name: letters, digits, ``_``, ``-``.
NAME = r"(?P<key>[A-Za-z_][\w-]{0,80})"
# The command's line end (blanks, maybe a closing quote) and the next line, which is no prompt.
NEXT = r"[ \t]*\r?\n[ \t]*(?![$#%>\u276f][ \t]|\((?:gdb|lldb|dlv|pdb|Pdb)\))"
# The value: quoted (GVariant's ``'V'``, a debugger's ``"V"``), or one bare word, to its line's end.
VALUE = (
    r"(?:'(?P<single>(?:[^'\\\n]|\\.){1,4096})'|\"(?P<double>(?:[^\"\\\n]|\\.){1,4096})\""
    r"|(?P<bare>[^\s'\"$#][^\s]{0,4095}))[ \t]*(?=\r?\n|\Z)"
)
QUOTED = r"\"(?P<double>(?:[^\"\\\n]|\\.){1,4096})\"[ \t]*(?=\r?\n|\Z)"

PLIST = Lazy(
    SHELL + r"(?:\S*/)?PlistBuddy[ \t][^\n]*?-c[ \t]+[\"']?Print[ \t]+:?(?:[^\s:\"']+:)*"
    r"(?P<key>[A-Za-z_][\w.-]{0,80})[\"']?(?:[ \t]+[^\s|;&<>]+)*" + NEXT + VALUE
)
DEFAULTS = Lazy(
    SHELL + r"defaults[ \t]+(?:-currentHost[ \t]+)?read[ \t]+[^\s|;&<>]+[ \t]+[\"']?"
    r"(?P<key>[A-Za-z_][\w.-]{0,80})[\"']?" + NEXT + VALUE
)
PLUTIL = Lazy(
    SHELL + r"plutil[ \t]+-extract[ \t]+[\"']?(?:[\w-]+\.)*(?P<key>[A-Za-z_][\w-]{0,80})[\"']?"
    r"[ \t]+raw(?:[ \t]+-o[ \t]+-)?[ \t]+[^\s|;&<>]+" + NEXT + VALUE
)
LAUNCHCTL = Lazy(SHELL + r"launchctl[ \t]+getenv[ \t]+" + NAME + NEXT + VALUE)
GSETTINGS = Lazy(
    SHELL
    + r"gsettings[ \t]+(?:--schemadir[ \t]+\S+[ \t]+)?get[ \t]+[\w.:/-]+[ \t]+"
    + NAME
    + NEXT
    + VALUE
)
DCONF = Lazy(
    SHELL
    + r"dconf[ \t]+read[ \t]+(?:-d[ \t]+)?[\"']?/(?:[\w.-]+/)*"
    + NAME
    + r"[\"']?"
    + NEXT
    + VALUE
)
KREADCONFIG = Lazy(
    SHELL + r"kreadconfig[56]?[ \t](?:[ \t]*--(?:file|group|default|type)[ \t]+[^\s|;&<>]+)*"
    r"[ \t]*--key[ \t]+[\"']?"
    + NAME
    + r"[\"']?(?:[ \t]+--(?:file|group|default|type)[ \t]+[^\s|;&<>]+)*"
    + NEXT
    + VALUE
)
XFCONF = Lazy(
    SHELL + r"xfconf-query[ \t]+(?:-c|--channel)[ \t]+[\w.-]+[ \t]+(?:-p|--property)[ \t]+[\"']?"
    r"/(?:[\w.-]+/)*" + NAME + r"[\"']?" + NEXT + VALUE
)
GIT_CONFIG = Lazy(
    SHELL + r"git[ \t]+config[ \t]+(?:--(?:global|local|system|get|show-origin)[ \t]+)*"
    r"(?P<setting>(?:[\w-]+\.)+" + NAME + ")" + NEXT + VALUE
)
NPM_CONFIG = Lazy(
    SHELL
    + r"(?:npm|yarn|pnpm)[ \t]+config[ \t]+get[ \t]+[\"']?(?:[^\s:\"']*:)?"
    + NAME
    + r"[\"']?"
    + NEXT
    + VALUE
)
GETPROP = Lazy(SHELL + r"getprop[ \t]+(?:[\w-]+\.)*" + NAME + NEXT + VALUE)
# A debugger's print of an expression (its last member is the key), then its value: gdb's and
# lldb's ``$N = `` (lldb's type before it), a pointer's address, the string; delve's string alone.
DEBUGGER = Lazy(
    r"(?m:^)[ \t]*\((?:gdb|lldb|dlv)\)[ \t]*(?:p|print|output|call|expr|expression|po)(?:/\w+)?"
    r"[ \t]+[^\n]*?(?<!\w)(?P<key>[A-Za-z_]\w{0,80})[\])\"' \t]*"
    + NEXT
    + r"(?:\([^()\n]{1,80}\)[ \t]*)?(?:\$[0-9]+[ \t]*=[ \t]*)?(?:0x[0-9a-fA-F]{1,16}[ \t]+)?"
    + QUOTED
)
VALUES = ("single", "double", "bare")
FORMS = (
    PLIST,
    DEFAULTS,
    PLUTIL,
    LAUNCHCTL,
    GSETTINGS,
    DCONF,
    KREADCONFIG,
    XFCONF,
    GIT_CONFIG,
    NPM_CONFIG,
    GETPROP,
    DEBUGGER,
)
# The rule's words (necessary), and its gate: each command's words as its pattern writes them.
WORDS = (
    "PlistBuddy",
    "plutil",
    "getenv",
    "gsettings",
    "dconf",
    "kreadconfig",
    "xfconf-query",
    "getprop",
    "(gdb)",
    "(lldb)",
    "(dlv)",
)
SPACED = (r"defaults[ \t]", r"git[ \t]+config", r"config[ \t]+get")


def read_value(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value printed under the command's key, judged as
    ``KEY=value`` (git's public settings stay: ``git_settings``)."""
    groups = match.re.groupindex
    if "setting" in groups and is_public_setting(match.group("setting")):
        return None  # ``git config --get user.signingkey``: a public key's id
    group = next(name for name in VALUES if name in groups and match.group(name) is not None)
    start, end = match.span(group)
    return judged(match.group("key"), text[start:end], end)


def command_rule(
    forms: Sequence[Lazy], words: Sequence[str], spaced: Sequence[str], judge: Judge = read_value
) -> Rule:
    """Return the rule reading ``forms`` (``judge`` judges them) where one of the commands'
    ``words``, or a pattern of ``spaced``, stands (``setting_writes`` reads its forms so too)."""
    return Rule(
        key_names.NAMES,
        tuple(Matcher(Lazy(form.pattern), judge=judge) for form in forms),
        trigger=Trigger(words=tuple(words), patterns=tuple(Lazy(pattern) for pattern in spaced)),
        gate="|".join((*(re.escape(word) for word in words), *spaced)),
    )


def rules() -> list[Rule]:
    """Return the rule for a setting's value printed on the line after the command naming it."""
    return [command_rule(FORMS, WORDS, SPACED)]
