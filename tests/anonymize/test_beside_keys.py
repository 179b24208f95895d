"""Secrets beside a key word with no separator: a flag's value, a quoted or compared literal."""

from __future__ import annotations

import pytest

from fedlearn import config
from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import MACHINE, found


def test_a_flags_value_goes_and_the_flag_stays(anonymizer: Anonymizer) -> None:
    """``--api-key value``: the flag names the secret, its value is redacted."""
    text = "--api-key Zx8Qp2Lm9Vb4kT"
    assert anonymizer.anonymize(text) == "--api-key <redacted:api-key>"
    assert found(anonymizer, text) != []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('if ("Zq8#vT1mN4pLx2" == password) {', 'if ("<redacted:password>" == password) {'),
        ('password "Zq8#vT1mN4pLx2";', 'password "<redacted:password>";'),
        ('std::string secret("Zq8#vT1mN4pLx2");', 'std::string secret("<redacted:secret>");'),
    ],
)
def test_a_literal_compared_to_or_after_a_key_word_is_redacted(text: str, expected: str) -> None:
    """Issue 16's forms: a literal compared to a key, or after a key word and a blank or ``(``."""
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=False, re2_after=0)
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "const apiToken = process.env.API_TOKEN || 'k8Hq2LmN5pRt7VwX9yZa3BcD';",
            "const apiToken = process.env.API_TOKEN || '<redacted:token>';",
        ),
        (
            "const s = process.env['GITHUB_SECRET'] ?? \"os42uuohexp5h3grmrofdiepltz25obow\";",
            "const s = process.env['GITHUB_SECRET'] ?? \"<redacted:secret>\";",
        ),
        (
            "$key = $cfg['api_key'] ?? 'Hh7s8dk29dkXl2Qm';",
            "$key = $cfg['api_key'] ?? '<redacted:api-key>';",
        ),
    ],
)
def test_a_secret_keys_fallback_literal_is_redacted(text: str, expected: str) -> None:
    """Held-out audit: ``process.env.X_TOKEN || "…"``, a secret key's default, on both paths."""
    for use_re2 in (True, False):
        anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=use_re2, re2_after=0)
        assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "const region = process.env.REGION || 'eu-west-1b-staging';",
        "const t = process.env.TOKEN_TYPE || 'bearer';",
        "const k = process.env.API_KEY ?? 'changeme';",
        "if (a || 'b') {}",
    ],
)
def test_a_fallback_of_no_secret_key_or_no_secret_stays(text: str) -> None:
    """A fallback after a key that names no secret, or a placeholder default, stays."""
    anonymizer = Anonymizer(config.Anonymize(), MACHINE, use_re2=False, re2_after=0)
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'const k = process.env.VENDOR_API_KEY || "Zr8`pQ2\'wLx7^Nv4{Tb9*Kc3";',
            'const k = process.env.VENDOR_API_KEY || "<redacted:api-key>";',
        ),
        (
            "token = env.ACCESS_TOKEN || `mQ7\"xR2#vL9'pN4&wK8z`",
            "token = env.ACCESS_TOKEN || `<redacted:token>`",
        ),
    ],
)
def test_a_fallback_literal_holding_other_quotes_is_read_whole(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A literal ends at its own quote only: a drawn token may hold the others (``FALLBACK``)."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "const t = env.API_TOKEN || 'a' + \"b\";",
        "const u = env.API_TOKEN || `${base}/it's`;",
    ],
)
def test_fallback_expressions_of_several_literals_stay(anonymizer: Anonymizer, text: str) -> None:
    """Two literals joined, or a template with a reference, are no fallback secret."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("consul kv get -token Rm3Vq8Lw2Tz6 app/config", "Rm3Vq8Lw2Tz6"),
        ("nomad var get -token Rm3Vq8Lw2Tz6 nomad/jobs/web", "Rm3Vq8Lw2Tz6"),
        ("plink -ssh -pw Rm3Vq8Lw2Tz6 ci@10.0.0.5", "Rm3Vq8Lw2Tz6"),
        ("java -jar relay.jar -apiKey Rm3Vq8Lw2Tz6 -port 8080", "Rm3Vq8Lw2Tz6"),
    ],
)
def test_a_one_dash_flags_value_is_redacted(anonymizer: Anonymizer, text: str, value: str) -> None:
    """Go's flag package (consul, nomad, vault…) and others take one dash: ``-token V``."""
    out = anonymizer.anonymize(text)
    assert value not in out and "<redacted:" in out and text.split(value)[0] in out


@pytest.mark.parametrize(
    "text",
    [
        "consul acl token create -description ci -policy-name ci",
        "./relay -token-file /etc/relay/token -password-file /etc/relay/pw",
        "openssl req -new -key server.key -out server.csr",
        "openssl enc -aes-256-cbc -pass env:ENC_PASS -in a.txt -out a.enc",
        "a single-token approach works, re-token later",
        "nomad job run -token $NOMAD_TOKEN web.nomad",
    ],
)
def test_one_dash_flags_that_hold_no_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_openssl_pass_source_keeps_its_prefix(anonymizer: Anonymizer) -> None:
    text = "openssl enc -aes-256-cbc -pass pass:Rm3Vq8Lw2Tz6 -in a.txt"
    assert (
        anonymizer.anonymize(text)
        == "openssl enc -aes-256-cbc -pass pass:<redacted:password> -in a.txt"
    )


# A drawn value may start with ``-`` (a generated password does once in ~70 draws).
DASHED = "-4kq9vwz7t2xnb8rj5mcl0hps3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"  Command Line: /usr/local/bin/relay-agent --password {DASHED} --interval 30s",
            "  Command Line: /usr/local/bin/relay-agent --password <redacted:password> --interval 30s",
        ),
        (
            f"$ qm set 112 --ciuser deploy --cipassword {DASHED}",
            "$ qm set 112 --ciuser deploy --cipassword <redacted:password>",
        ),
        (
            f"numbat-cli login --api-key {DASHED} --region eu-west-1",
            "numbat-cli login --api-key <redacted:api-key> --region eu-west-1",
        ),
        (
            f'{{"args": ["app.py", "--auth-token", "{DASHED}"]}}',
            '{"args": ["app.py", "--auth-token", "<redacted:token>"]}',
        ),
        (f"consul kv get -token {DASHED} app/x", "consul kv get -token <redacted:token> app/x"),
    ],
)
def test_a_flags_value_that_starts_with_a_dash_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A drawn value after a secret's flag may start with ``-`` (``key_names.is_drawn_dash``)."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "mysql --password -h db.internal -u app shop",
        "docker login --password --stdin registry.example.com",
        "vault login -token -method=userpass username=ann",
        "./relay --token - < token.txt",
        "kubectl create secret generic x --from-literal=token -n default",
        "gh auth login --with-token -h github.example.com",
        "./run --api-key -Dconfig.file=/etc/app/app.conf",
        "restic backup --password-file -o s3.storage-class=STANDARD /srv",
    ],
)
def test_an_option_after_a_secrets_flag_stays(anonymizer: Anonymizer, text: str) -> None:
    """An option after the flag is no value: a short cluster, words joined, a lone dash."""
    assert anonymizer.anonymize(text) == text
