"""The text of an element that names a secret and carries attributes (``element_values``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

V = "Xq8mW2pL7kZrT4"


@pytest.mark.parametrize(
    "element",
    [
        '<Pass encoding="base64">WHE4bVcycEw3a1pyVDQ=</Pass>',
        f'<password encrypted="false">{V}</password>',
        f"<secret name='github'>{V}</secret>",
        f'<token id="ci" scope="repo">{V}</token>',
        f'<ns:Password xsi:type="xs:string">{V}</ns:Password>',
        f'<ApiKey env="prod"> {V} </ApiKey>',
    ],
)
def test_attributed_secret_elements_are_redacted(anonymizer: Anonymizer, element: str) -> None:
    """The element's text is redacted, alone, in a document and in a JSON string."""
    value = element.split(">", 1)[1].split("<", 1)[0].strip()
    for framed in (element, f"<Server>\n  <Host>ftp.example.io</Host>\n  {element}\n</Server>"):
        out = anonymizer.anonymize(framed)
        assert value not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        '<PasswordPolicy minLength="12">strict</PasswordPolicy>',
        '<token type="bearer"/>',
        '<key id="k1">users/42/profile</key>',
        '<session id="7">active</session>',
        '<password encrypted="true">${DB_PASSWORD}</password>',
        '<secret name="github"></secret>',
        f'<host port="21">{V}</host>',
    ],
)
def test_attributed_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Non-secret names and texts, empty elements and references stay."""
    assert anonymizer.anonymize(text) == text


def test_a_pretty_printed_element_text_is_redacted(anonymizer: Anonymizer) -> None:
    """An element's text on a line of its own (pretty-printed XML) is read as on one line."""
    text = (
        f"<config>\n  <apiKey>\n    {V}\n  </apiKey>\n  <password>\r\n{V}\r\n</password>\n</config>"
    )
    assert V not in anonymizer.anonymize(text)
    kept = "<password>\n  <hash>abc</hash>\n</password>\n<token>\n</token>"
    assert anonymizer.anonymize(kept) == kept
