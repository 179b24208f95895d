"""A value a UI test types into a field whose selector names a secret (DESIGN.md guarantee 1).

End-to-end tests and browser scripts log in by typing into a form's fields:
``cy.get('#api-key').type('V')``, ``page.getByLabel('Password').fill('V')``,
``driver.find_element(By.ID, "password").send_keys("V")``, ``page.fill('#password', 'V')``,
``userEvent.type(screen.getByLabelText(/password/i), 'V')``, Capybara's ``fill_in 'Password',
with: 'V'`` and Robot Framework's ``Input Password    id=pwd    V``. No ``key=value`` stands on
the line: the field is named by the selector (an id, a name, a label, a test id), and the value
is the argument of the verb that types. The value is judged as if assigned to the selector's word
that names a secret (``tables.judged``), so ``cy.get('#email').type('a@b.c')`` and a typed
reference (``Cypress.env('PASSWORD')`` is no literal) stay, and so does a key sequence of
Cypress's alone (``{enter}``); one after the value (``'V{enter}'``) is not part of it. Robot's
``Input Password`` names the secret itself.
"""

from __future__ import annotations

import re

from fedlearn.anonymize import key_names
from fedlearn.anonymize.rules import Lazy, Matcher, Rule, Trigger
from fedlearn.anonymize.tables import judged

# A string literal: a quote, up to 200 characters on the line, the same quote.
LITERAL = r"(?P<q>[\"'`])(?P<value>[^\"'`\n\\]{1,200})(?P=q)"
# A verb that types, called on the element a chain selected: ``….type('V')``, ``….fill("V")``.
CHAINED = r"(?P<chain>\.(?:type|fill|sendKeys|send_keys|setValue|pressSequentially)\([ \t]*)"
# A verb given the selector first: ``page.fill('#pwd', 'V')``, ``userEvent.type(el, 'V')``,
# TestCafe's ``t.typeText('#pwd', 'V')``.
SELECTOR_FIRST = r"\b(?:fill|type|typeText)\((?P<selector>[^\n]{1,160}?),[ \t]*"
# Capybara: ``fill_in 'Password', with: 'V'`` (or ``fill_in('Password', with: 'V')``).
CAPYBARA = r"\bfill_in[ \t(]+(?P<field>[\"'][^\"'\n]{1,120}[\"'])[ \t]*,[ \t]*with:[ \t]*"
# Robot Framework: ``Input Text    locator    V``, two blanks or a tab between cells.
ROBOT = (
    r"(?m:^)[ \t]*Input (?P<kind>Text|Password)(?:[ \t]{2,}|\t)(?P<locator>\S[^\t\n]{0,120}?)"
    r"(?:[ \t]{2,}|\t)(?P<value>[^\s][^\t\n]{0,200}?)[ \t]*$"
)
# A chained verb's literal is its text only if no second string follows (else it is the selector
# of ``page.fill('#pwd', 'V')``, which the next alternative reads).
TYPED = Lazy(
    rf"(?:{CHAINED}|{SELECTOR_FIRST}|{CAPYBARA}){LITERAL}(?(chain)(?![ \t]*,[ \t]*[\"'`])|)"
)
ROBOT_ROW = Lazy(ROBOT)
# A selector's words: runs of letters, digits, ``_`` and ``-`` (``#api-key``, ``user[password]``).
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]{1,60}")
# A field's own word after the secret's (``password-input``, ``apiKeyField``).
FIELD_WORD = re.compile(r"[-_]?(?:input|field|box|textbox|txt|text|Input|Field|Box|Text)\Z")
# A key sequence Cypress types after the text (``{enter}``, ``{selectall}``).
KEY_SEQUENCE = re.compile(r"(?:\{[a-zA-Z]+\})+\Z")


def secret_word(selector: str) -> str | None:
    """Return the first word of a selector that names a secret (``#api-key`` → ``api-key``)."""
    for word in WORD.findall(selector):
        for key in (word, FIELD_WORD.sub("", word)):
            if key and key_names.classify_key(key) is not None:
                return key
    return None


def chained_selector(text: str, verb: int) -> str:
    """Return the chain before a verb at ``verb``, back to its statement's start on the line."""
    start = max(text.rfind(mark, max(0, verb - 200), verb) for mark in ";{}\n") + 1
    return text[start:verb]


def typed_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of a typed value whose field's selector names a secret."""
    if match.group("selector") is not None:
        selector = match.group("selector")
    elif match.group("field") is not None:
        selector = match.group("field")
    else:
        selector = chained_selector(text, match.start())
    key = secret_word(selector)
    value = KEY_SEQUENCE.sub("", match.group("value"))
    if key is None or not value:
        return None
    return judged(key, value, match.start("value") + len(value), authorization=False)


def robot_judge(match: re.Match[str], text: str) -> tuple[int, int, str] | None:
    """Return the span and rule of Robot Framework's typed value (``Input Password`` names it)."""
    key = "password" if match.group("kind") == "Password" else secret_word(match.group("locator"))
    if key is None:
        return None
    return judged(key, match.group("value"), match.end("value"), authorization=False)


def rules() -> list[Rule]:
    """Return the rule for a value typed into a field named for a secret."""
    return [
        Rule(
            key_names.NAMES,
            (
                Matcher(Lazy(TYPED.pattern), judge=typed_judge),
                Matcher(Lazy(ROBOT_ROW.pattern), judge=robot_judge),
            ),
            trigger=Trigger(
                words=(
                    "type(",
                    "fill(",
                    "send_keys(",
                    "sendkeys(",
                    "setvalue(",
                    "pressseq",
                    "typetext(",
                    "fill_in",
                    "input text",
                    "input password",
                ),
                lower=True,
            ),
            gate=(
                r"(?i)(?:type|fill|send_?keys|setvalue|presssequentially|typetext)\(|fill_in[ \t(]"
                r"|input (?:text|password)[ \t]"
            ),
        )
    ]
