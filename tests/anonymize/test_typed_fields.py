"""A value a UI test types into a field whose selector names a secret (``typed_fields``)."""

from __future__ import annotations

import pytest

from .conftest import in_mode

SECRET = "Qm7xR2vLp9KdT4wz"


@pytest.mark.parametrize(
    "text",
    [
        # Cypress: an id, a name attribute, a test id; a key sequence after the text
        f"cy.get('#api-key').type('{SECRET}')",
        f"cy.get('input[name=password]').clear().type('{SECRET}{{enter}}')",
        f'cy.get("[data-cy=client-secret]").type("{SECRET}", {{ log: false }})',
        # Playwright and Puppeteer: the selector first, or a locator's chain
        f"await page.fill('#password', '{SECRET}');",
        f"await page.getByLabel('Password').fill('{SECRET}');",
        f"await page.locator('input[name=\"auth_token\"]').fill('{SECRET}')",
        f"await page.type('#db_pass', '{SECRET}')",
        # Selenium in Python and Java, WebdriverIO, TestCafe
        f'driver.find_element(By.ID, "password").send_keys("{SECRET}")',
        f'driver.findElement(By.name("apiKey")).sendKeys("{SECRET}");',
        f"$('#secret-token').setValue('{SECRET}')",
        f"await t.typeText('#password', '{SECRET}')",
        # Testing Library: the field's own word after the secret's (``password-input``)
        f"await user.type(screen.getByTestId('password-input'), '{SECRET}')",
        f"userEvent.type(screen.getByLabelText(/api_key/i), '{SECRET}')",
        # Capybara and Robot Framework
        f"fill_in 'Password', with: '{SECRET}'",
        f'fill_in "user[password]", with: "{SECRET}"',
        f"    Input Password    id=pwd    {SECRET}",
        f"    Input Text    name:api_token\t{SECRET}",
    ],
)
def test_a_value_typed_into_a_secret_field_is_redacted(text: str) -> None:
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(f"e2e login step:\n{text}\n")
        assert SECRET not in out, out
        assert "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        "cy.get('#email').type('jane.doe@example.com')",
        "cy.get('#username').type('svc-deploy-2024')",
        # a key sequence alone, a reference, an environment lookup
        "cy.get('#password').type('{enter}')",
        "cy.get('#password').type(Cypress.env('PASSWORD'))",
        "await page.fill('#password', process.env.E2E_PASSWORD!)",
        "await page.getByLabel('Password').fill('${PASSWORD}')",
        "fill_in 'Password', with: user.password",
        "    Input Password    id=pwd    ${PASSWORD}",
        "    Input Text    id=username    admin",
        # a field that names no secret, a search typed into a list of tokens' filter
        "cy.get('[data-cy=search]').type('Qm7xR2vLp9KdT4wz')",
        "cy.get('[data-cy=token-list]').type('search term here')",
        # an attribute set to the word, not typed text
        "$('#pw').attr('type', 'password')",
    ],
)
def test_other_typing_stays(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
