"""Secrets quoted with HTML entities (a config or JSON shown in a page or an attribute)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '<td data-env="{&quot;smtp_pass&quot;:&quot;Velvet#Oak77&quot;}">',
            '<td data-env="{&quot;smtp_pass&quot;:&quot;<redacted:password>&quot;}">',
        ),
        (
            "<li>VAULT_TOKEN=&#34;hvq.Zr8qLp2vNkW5x&#34;</li>",
            "<li>VAULT_TOKEN=&#34;<redacted:token>&#34;</li>",
        ),
        (
            "<span>clientSecret: &apos;u7Yq-Pw3m.Xk9Ta2&apos;</span>",
            "<span>clientSecret: &apos;<redacted:secret>&apos;</span>",
        ),
        (
            "<p>db_password = &#x27;Qz4&amp;mLp!82&#x27;</p>",
            "<p>db_password = &#x27;<redacted:password>&#x27;</p>",
        ),
    ],
)
def test_entity_quoted_values_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<li>VAULT_TOKEN=&#34;${VAULT_TOKEN}&#34;</li>",
        "<span>clientSecret: &apos;changeme&apos;</span>",
        '<td data-env="{&quot;theme&quot;:&quot;Velvet#Oak77&quot;}">',
        "<p>db_password = &#39;/run/secrets/db&#39;</p>",
        "<p>the password=&quot;&quot; field is empty</p>",
    ],
)
def test_entity_quoted_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_a_placeholder_is_no_xml_element(anonymizer: Anonymizer) -> None:
    # ``<redacted:password>`` reads like ``<ns:password>``: what follows it is no value of it
    text = "<pre>PASSWD=&quot;Cu7jC!ZGqSGzIYsZ&quot;</pre>"
    assert anonymizer.anonymize(text) == "<pre>PASSWD=&quot;<redacted:password>&quot;</pre>"
