"""A value ``sops --set`` writes at a path of a document (``sops_sets``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

V = "Xq8mW2pL7kZrT4"


@pytest.mark.parametrize(
    "text",
    [
        f'sops --set \'["db"]["password"] "{V}"\' secrets.yaml',
        f'$ sops --set \'["api_key"] "{V}"\' secrets.enc.yaml',
        f'sops --set "[\\"stripe\\"][\\"token\\"] \\"{V}\\"" app.enc.json',
        f'sops -i --set \'["data"][0]["client_secret"] "{V}"\' k8s/secret.enc.yaml',
        f"sops set secrets.yaml '[\"token\"]' '\"{V}\"'",
        f'{{"command": "sops --set \'[\\"db\\"][\\"password\\"] \\"{V}\\"\' s.yaml"}}',
    ],
)
def test_sops_set_values_under_secret_keys_are_redacted(anonymizer: Anonymizer, text: str) -> None:
    """Shell, quoted in double quotes, a list index, sops 3.9's ``set`` and an agent's JSON."""
    out = anonymizer.anonymize(text)
    assert V not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        'sops --set \'["db"]["host"] "db.internal"\' secrets.yaml',
        "sops --set '[\"replicas\"] 3' values.enc.yaml",
        'sops --set \'["db"]["password"] "$DB_PASSWORD"\' secrets.yaml',
        'sops --set \'["db"]["password"] "changeme"\' secrets.yaml',
        "sops -d secrets.yaml | yq '.db.password'",
        "sops set secrets.yaml '[\"log_level\"]' '\"debug\"'",
        'mysops --set \'["token"] "value"\'',
    ],
)
def test_sops_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """A key naming no secret, a number, a reference, a word and a decrypt stay."""
    assert anonymizer.anonymize(text) == text
