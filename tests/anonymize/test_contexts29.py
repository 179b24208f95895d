"""Forms found by bench/contexts29 (log lines and commands): a header value before a wire log's
``[\\r][\\n]``, a token fed by a here-string to ``--with-token``/``--password-stdin``, the value a
jsonpath, ``yq`` or az ``--query`` selects by a secret's name, and ``pass`` as a word of its own
in ``user … pass …`` (not ``-method=userpass``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, checks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Apache HttpClient's wire log marks the line break ``[\r][\n]`` after a header's value.
        (
            '10:11:12,345 DEBUG org.apache.http.wire - http-outgoing-3 >> "X-Api-Key: Hq4nVb8TzL2wRk7yXc5d[\\r][\\n]"',
            '10:11:12,345 DEBUG org.apache.http.wire - http-outgoing-3 >> "X-Api-Key: <redacted:api-key>[\\r][\\n]"',
        ),
        (
            'wire - http-outgoing-0 >> "access_token=pL9wQ2rT7vK4mZ8xN3bC6dF1[\\n]"',
            'wire - http-outgoing-0 >> "access_token=<redacted:token>[\\n]"',
        ),
        # A here-string feeding a command's token or password standard input.
        (
            "$ gh auth login --hostname ghe.example.org --with-token <<< 7m2kq9x4vz8w1p6t3r5n0b8c",
            "$ gh auth login --hostname ghe.example.org --with-token <<< <redacted:token>",
        ),
        (
            "docker login registry.example.org -u ci --password-stdin <<< 'Tq7#vL2m-Xw9k'",
            "docker login registry.example.org -u ci --password-stdin <<< '<redacted:password>'",
        ),
        # The value a jsonpath, yq or az ``--query`` selects under a secret's name, printed alone.
        (
            "$ kubectl config view --raw -o jsonpath='{.users[0].user.token}'\nZ7hQk2Lm9XvB4nWp3T",
            "$ kubectl config view --raw -o jsonpath='{.users[0].user.token}'\n<redacted:token>",
        ),
        (
            '$ kubectl get sa deployer -o jsonpath="{.secrets[0].clientSecret}"\n4e1f9a7c2b8d06e3f5a1c9b7',
            '$ kubectl get sa deployer -o jsonpath="{.secrets[0].clientSecret}"\n<redacted:secret>',
        ),
        (
            "$ az account get-access-token --query accessToken -o tsv\nRk8vN2qX7mW4zT9pL3cB6yH1",
            "$ az account get-access-token --query accessToken -o tsv\n<redacted:token>",
        ),
        (
            "$ yq -r '.auth.api_key' ~/.config/acme.yaml\nm3Xq8Zt1Vw6Kp4Nr9Lb2",
            "$ yq -r '.auth.api_key' ~/.config/acme.yaml\n<redacted:api-key>",
        ),
    ],
)
def test_contexts29_forms_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A subscript after a name stays code; a wire log's line break after a word of prose.
        "token = stored_tokens[0]",
        "password=self.passwords[user]",
        'wire - http-outgoing-0 >> "Connection: keep-alive[\\r][\\n]"',
        # A here-string of a reference, a file redirect, a here-string to no credential flag.
        '$ gh auth login --with-token <<< "$GH_TOKEN"',
        "$ gh auth login --with-token < ~/.config/gh/token.txt",
        "$ grep -c error <<< 7m2kq9x4vz8w1p6t3r5n0b8c",
        # A jsonpath or query that selects no secret, or prints more than one word.
        "$ kubectl get pods -o jsonpath='{.items[0].metadata.name}'\napi-7d9f8b6c5d-x2k4q",
        "$ az vm show -g rg -n vm1 --query vmId -o tsv\nRk8vN2qX7mW4zT9pL3cB6yH1",
        "$ kubectl get secret app -o jsonpath='{.data.token}'\ntoken not found",
        # ``pass`` inside a word (``userpass``) is no password's word.
        "$ vault login -method=userpass username=dana",
        "vault write auth/userpass/users/dana policies=admins",
    ],
)
def test_contexts29_benign_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("following", "expected"),
    [("[\\r]", True), ("[\\n", True), ("[\r]", True), ("[0]", False), ("[i]", False), ("(", False)],
)
def test_is_wire_break(following: str, expected: bool) -> None:
    assert checks.is_wire_break(following) is expected
