"""Forms found by bench/contexts44 (thirty tools' configs, command lines and posts not visited
before) that table lines cover: the password and token flags of TDengine's ``taos``, OpenStack
Swift, ``ghr``, the Codecov CLI and CapRover, ``civo apikey save`` (``password_commands``),
Amanda's ``amandapass`` line (``password_files``), Rundeck's here-string into a ``password``
entry (``logins``), and Python's ``"Bearer " + 'V'`` with two kinds of quote (``continued``);
and what stays: the same commands' other flags and subcommands, references."""

from __future__ import annotations

import re

import pytest

from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import in_mode

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")

FOUND = [
    (f"$ taos -h tsdb.example.com -u svc -p{LOWER}", ("password",)),
    (f"$ taos -h tsdb.example.com -u svc -p'{LOWER}'", ("password",)),
    (
        f"$ swift -A https://keystone.example.com/auth/v1.0 -U acct:svc -K {LOWER} list",
        ("password",),
    ),
    (f"$ ghr -t {LOWER} -u acme -r api v1.4.2 dist/", ("token",)),
    (f"$ codecovcli upload-process -t {LOWER} -f coverage.xml", ("token",)),
    (f"$ caprover deploy -h https://captain.example.com -p {LOWER} -a api", ("password",)),
    (f"$ civo apikey save prod {LOWER}", ("secret-value",)),
    (f"$ rd keys create -p keys/db -t password -f /dev/stdin <<< {LOWER}", ("password",)),
    (f"# /etc/amandapass\n//fs.example.com/backups svc%{LOWER}", ("password",)),
    (f'resp = get(url, headers={{"Authorization": "Bearer " + \'{LOWER}\'}})', ("authorization",)),
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_found(anonymizer: Anonymizer, text: str, names: tuple[str, ...]) -> None:
    out = anonymizer.anonymize(text)
    assert LOWER not in out
    assert tuple(REDACTED.findall(out)) == names


KEPT = [
    "$ taos -h tsdb.example.com -u svc -P 6030",
    "$ swift -A https://keystone.example.com/auth/v1.0 -U acct:svc -K $ST_KEY list",
    "$ caprover serversetup -p 3000",
    "$ civo apikey list",
    '$ rd keys create -p keys/db -t password -f /dev/stdin <<< "$DB_PASSWORD"',
    "$ rd keys create -p keys/ssh -t publicKey -f /dev/stdin <<< ssh-ed25519",
    "//fs.example.com/backups svc%$AMANDA_PASS",
    "// a comment: a%b is the remainder",
    "$ ghr -u acme -r api v1.4.2 dist/",
    "label = \"Bearer \" + 'token'",
]


@pytest.mark.parametrize("text", KEPT)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize("text", [text for text, _ in FOUND] + KEPT)
def test_one_semantics(text: str) -> None:
    """The RE2 sets and the keyword triggers redact these forms the same."""
    assert in_mode(True).anonymize(text) == in_mode(False).anonymize(text)
