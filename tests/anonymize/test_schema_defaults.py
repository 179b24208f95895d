"""A YAML ``default:``/``example:`` (CloudFormation's ``Default:``) named by the key it belongs to."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n    Default: y4C6u4a571DOp",
            "Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n"
            "    Default: <redacted:password>",
        ),
        (
            "Parameters:\n  ApiToken:\n    Type: String\n    Default: 'q8Rt2vLm9xWp3nZaQ1w2'",
            "Parameters:\n  ApiToken:\n    Type: String\n    Default: '<redacted:token>'",
        ),
    ],
)
def test_a_cloudformation_parameter_s_default_goes(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A CloudFormation parameter named after a secret gives its value as ``Default:`` (bench/probes43)."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Parameters:\n  KeyName:\n    Type: AWS::EC2::KeyPair::KeyName\n    Default: my-keypair-2024",
        "Parameters:\n  DbPasswordLength:\n    Type: Number\n    Default: 32",
        "Parameters:\n  SecretName:\n    Type: String\n    Default: prod/db/password",
        "Parameters:\n  InstanceType:\n    Type: String\n    Default: t3.micro",
    ],
)
def test_other_parameters_defaults_stay(anonymizer: Anonymizer, text: str) -> None:
    """A key pair's, a length's, a secret's name and other parameters keep their defaults."""
    assert anonymizer.anonymize(text) == text
