"""Secrets a tool prints on the line after reading a named secret: ReAct, ``cat``, gcloud, kubectl."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

HEX = "3e0b9c71d5a84f26e19b7c03a5d6f482"
MIXED = "Vq4Lz8Tn2Rk7Wp3Ym9Xc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thought: I need the key.\nAction: read_file\nAction Input: /srv/ledger/api_key\n"
            f"Observation: {HEX}\nThought: retrying.",
            "Thought: I need the key.\nAction: read_file\nAction Input: /srv/ledger/api_key\n"
            "Observation: <redacted:api-key>\nThought: retrying.",
        ),
        (  # the path inside a JSON input, an extension on the file's name
            f'Action Input: {{"path": "~/.local/share/notes/secret.txt"}}\nObservation: {MIXED}',
            'Action Input: {"path": "~/.local/share/notes/secret.txt"}\n'
            "Observation: <redacted:secret>",
        ),
        (
            f"deploy@vm2:~$ sudo cat /etc/ledger/.token\n{HEX}\ndeploy@vm2:~$ exit",
            "deploy@vm2:~$ sudo cat /etc/ledger/.token\n<redacted:token>\ndeploy@vm2:~$ exit",
        ),
        (
            f"+ cat /run/keys/db_password\n{MIXED}\n+ psql -h db",
            "+ cat /run/keys/db_password\n<redacted:password>\n+ psql -h db",
        ),
        (
            "$ gcloud secrets versions access 4 --secret ledger-api-key --project p\n"
            f"{HEX}\n$ ./run.sh",
            # (the flag's own value is the ``--secret`` flag rule's)
            "$ gcloud secrets versions access 4 --secret <redacted:secret> --project p\n"
            "<redacted:api-key>\n$ ./run.sh",
        ),
        (
            "gcloud secrets versions access projects/p/secrets/mail-password/versions/2\n"
            f"{MIXED}\n",
            "gcloud secrets versions access projects/p/secrets/mail-password/versions/2\n"
            "<redacted:password>\n",
        ),
        (
            f"Data\n====\nregion:\n----\neu-west-1\nledger_token:\n----\n{HEX}\n\nEvents:  <none>",
            "Data\n====\nregion:\n----\neu-west-1\nledger_token:\n----\n<redacted:token>\n\n"
            "Events:  <none>",
        ),
    ],
)
def test_a_value_read_from_a_named_secret_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the file's name names no secret
        f"Action Input: /srv/ledger/build_id\nObservation: {HEX}",
        "$ cat /srv/ledger/VERSION\n2.14.1",
        # a name that holds data, not a secret
        "$ cat ~/.cache/app/token_count\n40961",
        # a tool input that is no path
        f"Action Input: search the ledger api key docs\nObservation: {HEX}",
        # no prompt before ``cat``: prose, not a command
        f"the cat /dev/token\n{HEX}",
        # a value that is no secret: a reference, a placeholder
        "$ cat /etc/app/password\n/run/secrets/app",
        "Action Input: /etc/app/api_key\nObservation: Error: file not found",
        # a heading underlined with dashes, and a data key that names no secret
        "Release notes:\n----\nFixed the ledger sync.",
        "Data\n====\nlog_level:\n----\ninfo",
        # a gcloud access of a secret whose name names no secret
        "$ gcloud secrets versions access projects/p/secrets/ledger-region/versions/1\neu-west-1",
    ],
)
def test_other_tool_output_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
