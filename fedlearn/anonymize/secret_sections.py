"""Values in a mapping or section whose own name says it holds secrets (DESIGN.md guarantee 1).

A store of several secrets names them by what they are for, under a parent that says what they
are: YAML's ``secrets:`` then ``github: V``, ``passwords:`` then ``admin: V``, ``api_keys:`` then
``- V``; TOML's and INI's ``[secrets]`` then ``npm = "V"``; JSON's ``"passwords": {"admin":
"V"}`` (the lead's probe of nested forms, session 36). The child's name is no secret word, so
``assignments`` does not see it; the parent's is (``key_names.classify_key``: ``secrets``,
``credentials``, ``tokens``…). A child's value is judged as if under the parent, and must read
generated (``key_names.reads_generated``, no name): Compose's ``secrets:`` lists names and
``file: ./db_password.txt``, Actions' ``secrets:`` passes ``${{ secrets.X }}``, and those stay. A
child whose own name says what else it is (``name``, ``id``, ``user``, ``file``, ``url``…) stays;
one whose name is a secret's is ``assignments``' own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize import checks, key_names
from fedlearn.anonymize.assignments import GATE_WORDS
from fedlearn.anonymize.parent_keys import parent_key
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger

# A parent: YAML's ``KEY:`` ending its line, TOML's/INI's ``[KEY]`` (``[a.KEY]``) alone on its
# line, JSON's ``"KEY": {``.
YAML_PARENT = Lazy(
    r"(?m)^(?P<indent>[ \t]*)(?:-[ \t]+)?[\"']?(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})[\"']?[ \t]*:"
    r"[ \t]*(?:#[^\n]*)?$"
)
SECTION = Lazy(r"(?m)^[ \t]*\[{1,2}(?P<key>[A-Za-z_][A-Za-z0-9_.\"-]{0,80})\]{1,2}[ \t]*$")
OBJECT = Lazy(r"\"(?P<key>[A-Za-z_][A-Za-z0-9_.-]{0,80})\"[ \t]*:[ \t]*\{")
# A child: a YAML member or list item, a TOML/INI pair, a JSON member; its value quoted or plain.
VALUE = r"(?:(?P<q>[\"'])(?P<quoted>[^\"'\n\\]{8,300})(?P=q)|(?P<plain>[^\s\"'#,{}\[\]&*!|>][^\s#,{}]{7,299}(?<!:)))"
YAML_CHILD = Lazy(
    r"[ \t]+(?:-[ \t]+)?(?:[\"']?(?P<child>[A-Za-z_][A-Za-z0-9_.-]{0,80})[\"']?[ \t]*:[ \t]+)?"
    + VALUE
    + r",?[ \t]*(?:#[^\n]*)?$",
    re.MULTILINE,
)
PAIR_CHILD = Lazy(
    r"[ \t]*[\"']?(?P<child>[A-Za-z_][A-Za-z0-9_.-]{0,80})[\"']?[ \t]*[=:][ \t]*"
    + VALUE
    + r"[ \t]*$",
    re.MULTILINE,
)
MEMBER_CHILD = Lazy(r"\"(?P<child>[A-Za-z_][A-Za-z0-9_.-]{0,80})\"[ \t]*:[ \t]*" + VALUE)
# Children whose name says what else they are: no secret beside its name.
DESCRIPTORS = frozenset(
    [
        "name",
        "id",
        "user",
        "username",
        "login",
        "email",
        "mail",
        "url",
        "uri",
        "host",
        "hostname",
        "port",
        "path",
        "file",
        "type",
        "kind",
        "description",
        "comment",
        "label",
        "scope",
        "scopes",
        "region",
        "provider",
        "service",
        "env",
        "environment",
        "enabled",
        "version",
        "algorithm",
        "format",
        "encoding",
        "mode",
        "external",
        "expires",
        "expiry",
        "created",
        "updated",
    ]
)
# Children that are the parent's own value: under a singular parent naming a secret (``token:``
# then ``value: V``, ``[password]`` then ``data = V``, ``"apiKey": {"value": "V"}``) the value is
# that secret, as Kubernetes' ``value:``, an SDK's ``SecretString.value`` and a vault's ``data``
# write it; under any other parent they name nothing.
VALUE_CHILDREN = frozenset(
    ["value", "data", "plain", "plaintext", "cleartext", "raw", "text", "content", "string"]
)
REACH = 20


def is_secret_parent(key: str) -> bool:
    """Return whether a parent's name (its last dotted part) says it holds several secrets: a
    plural (``secrets``, ``api_keys``; git's ``[credential]`` section configures a helper)."""
    last = key.rsplit(".", 1)[-1].strip('"')
    return last.lower().endswith("s") and key_names.classify_key(last) is not None


def names_one_secret(key: str) -> bool:
    """Return whether a parent's name (its last dotted part) names one secret, not generically
    (``token``, ``apiKey``, ``db_password``; ``key``, ``cache_key`` are ``high-entropy``'s)."""
    last = key.rsplit(".", 1)[-1].strip('"')
    return key_names.classify_key(last) not in (None, "high-entropy")


def is_parent(key: str) -> bool:
    """Return whether children under ``key`` may be read: it holds secrets or names one."""
    return is_secret_parent(key) or names_one_secret(key)


def lines_after(subject: str, at: int) -> Iterator[tuple[int, int]]:
    """Yield the start and end of each of the ``REACH`` lines from ``at`` (a line's start)."""
    for _ in range(REACH):
        end = subject.find("\n", at)
        end = len(subject) if end < 0 else end
        yield at, end
        if end >= len(subject):
            return
        at = end + 1


def yaml_children(subject: str) -> Iterator[re.Match[str]]:
    """Yield each child line under a YAML parent whose name says it holds secrets."""
    for parent in YAML_PARENT.compiled.finditer(subject):
        if not is_parent(parent.group("key")):
            continue
        for start, end in lines_after(subject, parent.end() + 1):
            line = subject[start:end]
            stripped = line.lstrip(" \t")
            if stripped and len(line) - len(stripped) <= len(parent.group("indent")):
                break
            child = YAML_CHILD.compiled.match(subject, start, end)
            if child is not None:
                yield child


def section_children(subject: str) -> Iterator[re.Match[str]]:
    """Yield each pair in a TOML/INI section whose name says it holds secrets."""
    for section in SECTION.compiled.finditer(subject):
        if not is_parent(section.group("key")):
            continue
        for start, end in lines_after(subject, section.end() + 1):
            if subject[start:end].lstrip(" \t").startswith("["):
                break
            child = PAIR_CHILD.compiled.match(subject, start, end)
            if child is not None:
                yield child


def object_children(subject: str) -> Iterator[re.Match[str]]:
    """Yield each member of a JSON object whose key says it holds secrets, up to its first brace."""
    for parent in OBJECT.compiled.finditer(subject):
        if not is_parent(parent.group("key")):
            continue
        stop = min(
            (
                at
                for at in (subject.find("}", parent.end()), subject.find("{", parent.end()))
                if at >= 0
            ),
            default=len(subject),
        )
        yield from MEMBER_CHILD.compiled.finditer(subject, parent.end(), stop)


def verdict(match: re.Match[str], text: str, parent: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a child's value under ``parent``, or None."""
    child = match.group("child")
    if child is not None and (
        child.lower() in DESCRIPTORS or key_names.classify_key(child) is not None
    ):
        return None  # what else it is, or a secret's own key (``assignments``)
    name = key_names.classify_key(parent.rsplit(".", 1)[-1].strip('"')) if parent else None
    plural = is_secret_parent(parent)
    if not plural and not (
        child is not None and child.lower() in VALUE_CHILDREN and names_one_secret(parent)
    ):
        return None
    group = "quoted" if match.group("quoted") is not None else "plain"
    start, end = match.span(group)
    value = text[start:end]
    if name is None or not key_names.reads_drawn(value):
        return None
    if (
        not plural
        and "_" in value
        and checks.IDENTIFIER.fullmatch(value)
        and not checks.has_drawn_part(value)
    ):
        return None  # a constant's name (``value: TOKEN_VALUE``)
    return (start, end, name) if key_names.is_secret_value(name, parent, value) else None


def in_yaml(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``verdict`` under the YAML line's parent (``parent_keys.parent_key``)."""
    line = match.start()
    column = len(match.group()) - len(match.group().lstrip(" \t"))
    return verdict(match, text, parent_key(text, line, column))


def in_section(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``verdict`` under the nearest section header above the pair."""
    header = SECTION.compiled.search(text, text.rfind("\n[", 0, match.start()) + 1, match.start())
    return verdict(match, text, header.group("key") if header else "")


def in_object(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return ``verdict`` under the key of the object the member opens in."""
    brace = text.rfind("{", 0, match.start())
    before = OBJECT.compiled.search(text, max(0, brace - 100), brace + 1)
    while before is not None and before.end() != brace + 1:
        before = OBJECT.compiled.search(text, before.end(), brace + 1)
    return verdict(match, text, before.group("key") if before else "")


def rules() -> list[Rule]:
    """Return the rules for values under a parent whose name says it holds secrets."""
    words_ = "|".join(re.escape(word) for word in GATE_WORDS)
    trigger = Trigger(words=tuple(GATE_WORDS), lower=True)
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(
                    Lazy(YAML_CHILD.pattern, YAML_CHILD.flags), find=yaml_children, judge=in_yaml
                ),
            ),
            trigger=trigger,
            gate=rf"(?i)(?:{words_})[A-Za-z0-9_.-]*[\"']?[ \t]*:[ \t]*(?:#[^\n]*)?\n",
        ),
        Rule(
            key_names.NAMES,
            (
                Matcher(
                    Lazy(PAIR_CHILD.pattern, PAIR_CHILD.flags),
                    find=section_children,
                    judge=in_section,
                ),
            ),
            trigger=trigger,
            gate=rf"(?i)\[[A-Za-z0-9_.\"-]*(?:{words_})[A-Za-z0-9_\"-]*\]",
        ),
        Rule(
            key_names.NAMES,
            (Matcher(Lazy(MEMBER_CHILD.pattern), find=object_children, judge=in_object),),
            trigger=trigger,
            gate=rf"(?i)(?:{words_})[A-Za-z0-9_.-]*\"[ \t]*:[ \t]*\{{",
        ),
    ]
