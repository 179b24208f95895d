"""A setting a command writes by its key, the value after it on the same line (DESIGN.md guarantee
1; from ``bench/contexts38``).

The settings tools ``setting_reads`` reads back also write one key: the command names the key
(a property's or a path's last name) and the value follows it, quoted or one bare word that ends
the command. The value is judged as every setter's (``setters.setter_value``: as ``KEY=value``)
under that last name, so a write of a setting whose name says nothing secret (``setprop
persist.sys.timezone Europe/Vienna``) stays:

- Android's ``setprop a.b.NAME V`` (also after ``adb shell``);
- ``xfconf-query -c C -p /a/NAME [-n] [-t T] -s V`` (``--set``);
- ``gsettings set SCHEMA NAME V``, ``dconf write /a/NAME V`` (GVariant's quotes), ``defaults
  write DOMAIN NAME [-string] V``, ``launchctl setenv NAME V``.
"""

from __future__ import annotations

import re

from fedlearn.anonymize.rules import Lazy, Rule
from fedlearn.anonymize.setters import setter_value
from fedlearn.anonymize.setting_reads import NAME, SHELL, VALUES, command_rule

# The value: in quotes (GVariant's ``"'V'"`` inside them), or one bare word.
VALUE = (
    r"[ \t]+(?:\"'?(?P<double>[^\"'\\\n$`]{1,4096})'?\"|'\"?(?P<single>[^'\"\\\n$`]{1,4096})\"?'"
    r"|(?P<bare>[^\s'\"$`|;&<>][^\s'\"|;&<>]{0,4095}))(?=[ \t]*(?:[|;&#]|\r?\n|\Z))"
)
SETPROP = Lazy(SHELL + r"setprop[ \t]+(?:[\w-]+\.)*" + NAME + VALUE)
XFCONF_SET = Lazy(
    SHELL + r"xfconf-query[ \t]+(?:-c|--channel)[ \t]+[\w.-]+[ \t]+(?:-p|--property)[ \t]+[\"']?"
    r"/(?:[\w.-]+/)*" + NAME + r"[\"']?(?:[ \t]+(?:-n|--create|-t[ \t]+\w+|--type[ \t]+\w+))*"
    r"[ \t]+(?:-s|--set)" + VALUE
)
GSETTINGS_SET = Lazy(
    SHELL + r"gsettings[ \t]+(?:--schemadir[ \t]+\S+[ \t]+)?set[ \t]+[\w.:/-]+[ \t]+" + NAME + VALUE
)
DCONF_WRITE = Lazy(SHELL + r"dconf[ \t]+write[ \t]+[\"']?/(?:[\w.-]+/)*" + NAME + r"[\"']?" + VALUE)
DEFAULTS_WRITE = Lazy(
    SHELL + r"defaults[ \t]+(?:-currentHost[ \t]+)?write[ \t]+[^\s|;&<>]+[ \t]+[\"']?"
    r"(?P<key>[A-Za-z_][\w.-]{0,80})[\"']?(?:[ \t]+-string)?" + VALUE
)
SETENV = Lazy(SHELL + r"launchctl[ \t]+setenv[ \t]+" + NAME + VALUE)
FORMS = (SETPROP, XFCONF_SET, GSETTINGS_SET, DCONF_WRITE, DEFAULTS_WRITE, SETENV)
WORDS = ("setprop", "xfconf-query", "gsettings", "dconf", "setenv")
SPACED = (r"defaults[ \t]",)


def written(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of the value a command writes under its key (``setter_value``)."""
    group = next(name for name in VALUES if match.group(name) is not None)
    start, end = match.span(group)
    return setter_value(match.group("key"), text, start, end, bare=group == "bare")


def rules() -> list[Rule]:
    """Return the rule for a setting's value written by the command naming its key."""
    return [command_rule(FORMS, WORDS, SPACED, written)]
