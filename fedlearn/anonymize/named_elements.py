"""Values named by a sibling element, an attribute, a reply's field or a template's variable (DESIGN.md
guarantee 1; from ``bench/contexts40``).

- XML that pairs a name element with a value element: Hadoop's ``<property><name>fs.s3a.secret.key
  </name><value>V</value>``, a Jenkins job's ``<name>X_TOKEN</name><defaultValue>V</defaultValue>``
  (a ``<description>`` may stand between them);
- an element whose attribute names its text or its ``<value>`` child: PowerShell CLIXML
  ``<S N="ApiKey">V</S>``, Bamboo's ``<variable name="X_TOKEN"><value>V</value>``;
- ``redis-cli``'s numbered replies to ``HGETALL``/``CONFIG GET``: a field on an odd line, its value on
  the next (``3) "api_token"`` then ``4) "V"``);
- Subversion's credential cache (``svn.simple``), a hash dump: ``K 8``, ``password``, ``V 24``, then
  the value, each on a line;
- a template's default for a variable: Jinja, Twig, Nunjucks and Helm ``{{ x_api_key | default('V')
  }}``, Liquid ``| default: "V"``, Go templates ``{{ or (env "X_TOKEN") "V" }}`` and ``{{ or
  .Env.X_TOKEN "V" }}``, and a template's assignment ``{% set x_token = 'V' %}`` (Twig, Jinja) or
  ``{% assign x_token = "V" %}`` (Liquid).

A name is judged by ``key_names.classify_key`` and its value by ``key_names.is_secret_value``, as
after ``NAME=``: ``<name>fs.s3a.endpoint</name>``, ``<S N="Thumbprint">`` or ``{{ image_tag |
default('latest') }}`` name no secret.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import SPAN, Lazy, Matcher, Rule, Trigger, span_match
from fedlearn.anonymize.slot_values import keyed_judge

NAME = r"[A-Za-z_][\w.:-]{0,80}"
QUOTED = r"(?P<q>['\"])(?P<value>(?:(?!(?P=q))[^\\\n]|\\.){1,1024})(?P=q)"

SIBLING = Lazy(
    rf"<(?P<ntag>name|key)>[ \t]*(?P<key>{NAME})[ \t]*</(?P=ntag)>[ \t]*\r?\n?"
    r"(?:[ \t]*<description>[^<\n]{0,200}</description>[ \t]*\r?\n?)?"
    r"[ \t]*<(?P<tag>value|defaultValue)>(?P<value>[^<\n]{1,512})</(?P=tag)>"
)
ATTRIBUTE_TEXT = Lazy(
    r"<(?P<tag>[A-Za-z][\w.:-]{0,40})(?:[ \t][^>\n]{0,80}?)?[ \t](?:N|[Nn]ame|[Kk]ey)="
    rf"\"(?P<key>{NAME})\"[^>\n]{{0,80}}>(?P<value>[^<\n]{{1,512}})</(?P=tag)>"
)
ATTRIBUTE_CHILD = Lazy(
    r"<(?P<tag>[A-Za-z][\w.:-]{0,40})(?:[ \t][^>\n]{0,80}?)?[ \t](?:N|[Nn]ame|[Kk]ey)="
    rf"\"(?P<key>{NAME})\"[^>\n/]{{0,80}}>[ \t]*\r?\n?[ \t]*<(?P<vtag>[Vv]alue)>"
    r"(?P<value>[^<\n]{1,512})</(?P=vtag)>"
)
DEFAULT_FILTER = Lazy(
    rf"\{{\{{-?[ \t]*\.?(?P<key>{NAME})[ \t]*\|[ \t]*default[ \t]*(?:\([ \t]*|:[ \t]*|(?=['\"]))"
    + QUOTED
)
GO_OR_ENV = Lazy(rf"\{{\{{-?[ \t]*or[ \t]+\(env[ \t]+\"(?P<key>{NAME})\"\)[ \t]+" + QUOTED)
GO_OR_DOT = Lazy(rf"\{{\{{-?[ \t]*or[ \t]+\.(?:Env|Values)\.(?P<key>{NAME})[ \t]+" + QUOTED)
ASSIGNED = Lazy(rf"\{{%-?[ \t]*(?:set|assign)[ \t]+(?P<key>{NAME})[ \t]*=[ \t]*" + QUOTED)

# ``redis-cli``: the command, then its numbered replies one a line.
REDIS_PAIRS = Lazy(
    r"(?i:hgetall|config[ \t]+get)[^\n]*\n(?P<replies>(?:[ \t]*[0-9]{1,5}\) [^\n]*(?:\n|\Z))+)"
)
REPLY = Lazy(
    r"(?m:^)[ \t]*(?P<n>[0-9]{1,5})\) \"(?P<text>(?:[^\"\\\n]|\\.){0,1024})\"[ \t]*(?=\r?\n|\Z)"
)
# Subversion's credential cache (``~/.subversion/auth/svn.simple/…``): ``K n``, the key, ``V n``, the
# value, each on its own line.
SVN_HASH = Lazy(
    r"K [0-9]{1,3}\r?\n(?P<key>[A-Za-z_][\w.:-]{0,80})\r?\nV [0-9]{1,4}\r?\n(?P<value>[^\n]{1,1024}?)\r?(?=\n|\Z)"
)


def reply_pairs(text: str) -> Iterator[re.Match[str]]:
    """Yield each ``HGETALL``/``CONFIG GET`` reply value whose field (the odd reply before it)
    names a secret."""
    for block in REDIS_PAIRS.compiled.finditer(text):
        replies = list(REPLY.compiled.finditer(text, block.start("replies"), block.end("replies")))
        for field, value in itertools.pairwise(replies):
            if int(field.group("n")) % 2 != 1 or int(value.group("n")) != int(field.group("n")) + 1:
                continue
            key, found = field.group("text"), value.group("text")
            name = key_names.classify_key(key)
            if found and name is not None and key_names.is_secret_value(name, key, found):
                yield span_match(text, value.start("text"), value.end("text"))


def reply_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span of a reply value ``reply_pairs`` found, under its field's rule."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    field_end = max(line_start - 1, 0)
    field = REPLY.compiled.search(text, text.rfind("\n", 0, field_end) + 1, field_end)
    name = key_names.classify_key(field.group("text")) if field else None
    return match.start(), match.end(), name or "password"


def rules() -> list[Rule]:
    """Return the rules for values named by a sibling, an attribute, a reply's field or a template."""
    templates = (DEFAULT_FILTER, GO_OR_ENV, GO_OR_DOT, ASSIGNED)
    return [
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SIBLING.pattern), judge=keyed_judge),),
            trigger=Trigger(words=("</name>", "</key>")),
            gate=r"</(?:name|key)>",
        ),
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(ATTRIBUTE_TEXT.pattern), judge=keyed_judge),
                Matcher(Lazy(ATTRIBUTE_CHILD.pattern), judge=keyed_judge),
            ),
            trigger=Trigger(
                words=(' n="', ' name="', ' key="', '\tn="', '\tname="', '\tkey="'), lower=True
            ),
            gate=r"[ \t](?:N|[Nn]ame|[Kk]ey)=\"",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SVN_HASH.pattern), judge=keyed_judge),),
            trigger=Trigger(words=("\nV ",)),
            gate=r"\nV [0-9]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(SPAN.pattern), find=reply_pairs, judge=reply_judge),),
            trigger=Trigger(words=("hgetall", "config"), lower=True),
            gate=r"(?i)hgetall|config[ \t]+get",
        ),
        Rule(
            key_names.NAMES,
            tuple(Matcher(Lazy(p.pattern), judge=keyed_judge) for p in templates),
            trigger=Trigger(words=("{{", "{%")),
            gate=r"\{\{|\{%",
        ),
    ]
