"""E-mail addresses quoted, URL-encoded, internationalized or with ``@`` spelled out."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('To: "Marta Ruiz Gil"@correo.example.es', "To: <email>"),
        ("INSERT INTO t VALUES ('\"o..hara\"@mail.example.ie')", "INSERT INTO t VALUES ('<email>')"),
        ("contact=%22ana%20lima%22%40provedor.example.br&x=1", "contact=<email>&x=1"),
        ("Schreib an müller.jürgen@beispiel.example.de bitte", "Schreib an <email> bitte"),
        ("reply to ana@correo-añejo.example.mx today", "reply to <email> today"),
        ("почта: иван.петров@пример.рф", "почта: <email>"),
        ("EMAIL:王芳@example.cn", "EMAIL:<email>"),
        ("write to k.weber [at] firma [dot] de please", "write to <email> please"),
        ("k_weber(at)firma(dot)example(dot)de", "<email>"),
        ("mail: kweber{at}firma.de", "mail: <email>"),
        ("kweber[@]firma[.]de", "<email>"),
        ("reach me: k.weber at firma dot de", "reach me: <email>"),
        ("KWEBER AT FIRMA DOT DE", "<email>"),
    ],
)  # fmt: skip
def test_an_address_in_another_form_is_redacted(text: str, expected: str, use_re2: bool) -> None:
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)
    assert engine.anonymize(text) == expected


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        "look at this dot com thing",  # prose: no mailbox-like local part, no capitals
        "meet me at noon dot",
        "the cursor at line 4 dot 2",
        'say "hello"@ once',  # no domain
        "npm i café@1.2.3",  # a version, no top-level label
        'asset "icon"@2x.png',
        "ünïcode@localhost is a local user",  # no dot in the domain
        "see [at] least three dot points",
        "GET /%40types%2Fnode",  # an encoded scope, not a form value
        "ratio 3 at 4 DOT",
    ],
)
def test_what_only_looks_like_an_address_stays(text: str, use_re2: bool) -> None:
    engine = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2)
    assert engine.anonymize(text) == text
