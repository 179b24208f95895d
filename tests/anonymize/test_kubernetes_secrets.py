"""Every value of a Kubernetes Secret's data, in its own YAML document or JSON object only."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "kind: Secret\ndata:\n  blob: c2VjcmV0dmFsdWUxMjM0NQ==\n---\nkind: ConfigMap\ndata:\n"
            "  mode: bW9kZWwtdjEuNC4yLXJlbGVhc2U=\n",
            "kind: Secret\ndata:\n  blob: <redacted:kubernetes-secret>\n---\nkind: ConfigMap\n"
            "data:\n  mode: bW9kZWwtdjEuNC4yLXJlbGVhc2U=\n",
        ),
        (
            "kind: ConfigMap\ndata:\n  level: ZGVidWc=\n---\napiVersion: v1\ndata:\n"
            "  ca.pem: dGxzLWJ1bmRsZS12Mw==\nkind: Secret\n",
            "kind: ConfigMap\ndata:\n  level: ZGVidWc=\n---\napiVersion: v1\ndata:\n"
            "  ca.pem: <redacted:kubernetes-secret>\nkind: Secret\n",
        ),
        (
            '{"items": [{"data": {"mode": "bW9kZWwtdjEuNC4y"}, "kind": "ConfigMap"}, '
            '{"data": {"blob": "c2VjcmV0dmFsdWUx"}, "kind": "Secret"}], "kind": "List"}',
            '{"items": [{"data": {"mode": "bW9kZWwtdjEuNC4y"}, "kind": "ConfigMap"}, '
            '{"data": {"blob": "<redacted:kubernetes-secret>"}, "kind": "Secret"}], "kind": "List"}',
        ),
        (
            "kind: Secret\ndata:\n  mode: Default\n  tag: None\n  owner: Owner\n  blob: aHVudGVyMg==\n"
            "  seed: Sunflowers22\n",
            "kind: Secret\ndata:\n  mode: Default\n  tag: None\n  owner: Owner\n"
            "  blob: <redacted:kubernetes-secret>\n  seed: <redacted:kubernetes-secret>\n",
        ),
        (
            "kind: Secret\nstringData:\n  seed: Sunflower\n  mode: Default\n",
            "kind: Secret\nstringData:\n  seed: <redacted:kubernetes-secret>\n  mode: Default\n",
        ),
    ],
)
def test_a_secrets_data_ends_with_its_document_or_object(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A Secret's ``data:`` values go, not those of a ConfigMap in the next YAML document (after
    ``---``) or the next object of a JSON list; under ``data:`` (base64 only) a word of letters
    that is no base64 (``Default``, ``Owner``) and a placeholder word stay, a ``stringData``
    value goes whatever it is unless it is a placeholder word."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # a commit body indents the manifests, their ``---`` too (bench/contexts31, gitleaks'
            # kubernetes-secret-yaml negative fixture)
            "test: add false-positive fixtures\n\n     kind: Secret\n     target:\n"
            "       name: mysecret\n    \n    ---\n    \n    kind: ConfigMap\n     data:\n"
            "           key: secret/mysecret\n           property: foo\n",
            None,
        ),
        (
            "    kind: Secret\n    data:\n      blob: c2VjcmV0dmFsdWUxMjM0NQ==\n    ---\n"
            "    kind: ConfigMap\n    data:\n      mode: bW9kZWwtdjEuNC4yLXJlbGVhc2U=\n",
            "    kind: Secret\n    data:\n      blob: <redacted:kubernetes-secret>\n    ---\n"
            "    kind: ConfigMap\n    data:\n      mode: bW9kZWwtdjEuNC4yLXJlbGVhc2U=\n",
        ),
    ],
)
def test_an_indented_document_marker_ends_the_secret(
    anonymizer: Anonymizer, text: str, expected: str | None
) -> None:
    """A ``---`` indented as the whole manifest is ends the Secret's document as one at the
    line's start does; the Secret's own values still go."""
    assert anonymizer.anonymize(text) == (text if expected is None else expected)
