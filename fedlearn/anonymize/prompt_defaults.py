"""A prompt's answer after its bracketed default: ``Label [default]: V`` (DESIGN.md guarantee 1).

Interactive setups show the current value in brackets before the colon and echo what was typed
after it: ``aws configure``'s ``AWS Secret Access Key [None]: V`` (``[****************ABCD]``
once one is set), ``Password [changeme]: V``, ``Enter API key [none]: V`` (the lead's probe of
tool outputs, session 37: short answers leaked; a 40-character AWS key was caught by its shape).
The label's words, joined by ``_``, name the secret as a key does (``key_names.classify_key``:
``AWS_Secret_Access_Key``, ``Enter_API_key``), and the answer, the one word to the line's end,
is judged as if assigned to it (``tables.judged``): ``Default region name [None]: eu-west-1``,
``Password [****]: ${PASS}`` and a changed setting's prose stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fedlearn.anonymize.key_names import NAMES
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# A line that is a label of up to eight words, a bracketed default, a colon, then one word.
PROMPT = Lazy(
    r"(?m)^[ \t]*(?P<label>[A-Za-z][A-Za-z0-9_.'-]{0,40}(?:[ \t][A-Za-z0-9_.'-]{1,40}){0,7})"
    r"[ \t]*\[[^\]\n]{0,60}\][ \t]*:[ \t]*(?P<value>\S{1,300})[ \t]*\r?$"
)

# What a line holds up to its first ``[``, the bracket included, where ``PROMPT`` can match it
# (its label's characters and blanks: the label holds no ``[``): one pass of a class, no
# backtracking through the label's words (a log line's ``Nov 28 09:31:33 host app[42]:`` fails
# at its first ``:``).
LEAD = Lazy(r"[A-Za-z0-9_.'\- \t]*\[")


def prompts(subject: str) -> Iterator[re.Match[str]]:
    """
    Return ``PROMPT``'s ``finditer`` of ``subject``: its match at the start of each line with a
    ``]`` whose lead can start one (``LEAD``), in order. A match is one line (no class of it
    holds a line break) from the line's start, and holds ``]``, so these are all of them; sre's
    own search tried the label's words at every line of prose and code (the gate fires on a
    log's ``ollama[36692]: …``).
    """
    found = []
    match, lead = PROMPT.compiled.match, LEAD.compiled.match
    at = subject.find("]")
    while at >= 0:
        start = subject.rfind("\n", 0, at) + 1
        prompt = match(subject, start) if lead(subject, start) is not None else None
        if prompt is not None:
            found.append(prompt)
        end = subject.find("\n", at)
        if end < 0:
            break
        at = subject.find("]", end)
    return iter(found)


def answered(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a prompt's answer when its label names a secret, or None."""
    key = "_".join(match.group("label").split())
    return judged(key, match.group("value"), match.end("value"))


def rules() -> list[Rule]:
    """Return the rule for a prompt's answer after its bracketed default."""
    return [
        Rule(
            NAMES,
            (Matcher(Lazy(PROMPT.pattern), find=prompts, judge=answered),),
            trigger=Trigger(words=("]:", "] :")),
            gate=r"\][ \t]*:[ \t]*[^ \t\r\n]",
        ),
    ]
