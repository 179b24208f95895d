"""A login told as a user and a password side by side (``login_pairs``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer, login_pairs

V = "Xq8mW2pL7kZrT4"


@pytest.mark.parametrize(
    "text",
    [
        f"Login: admin / {V}",
        f"creds: svc-deploy:{V}",
        f"Credentials - admin : {V}",
        f"login admin:{V}",
        f"user/pass: admin / {V}",
        f"username/password: ops@example.com/{V}",
        f"u/p: admin/{V}",
        "Login: ops / Winter2024!",
        f"staging box\nLogin: root / {V}.\nthanks",
    ],
)
def test_told_login_pairs_are_redacted(anonymizer: Anonymizer, text: str) -> None:
    """The pair's password is redacted, in prose and in a chat line."""
    for framed in (text, f"[12:01] <ops> {text}"):
        out = anonymizer.anonymize(framed)
        password = "Winter2024!" if "Winter" in text else V
        assert password not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "login: admin / see vault",
        "creds: ~/.aws/credentials",
        "auth: jwt:HS256",
        "auth: required:optional",
        "logins: 42 / 100 failed",
        "auth: oauth2:github.com",
        "login: admin:admin",
        "GET {{baseUrl}}/v1/auth-proxy/3b89efa5-98aa-492d-a8eb-6c1d2e3f4a5b",
        "image: registry.k8s.io/auth:v1.23.1@sha256:450535a0728f1f941d7945b4a7",
        "aws cloudformation create-change-set --stack-name auth-proxy-prod --client-token "
        "024f2050-f2b2-4faa-b9b9-f29daae63229",
    ],
)
def test_login_pair_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """References, paths, versions, counts, hosts, names with a label inside and ids stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"U: admin P: {V}", V),
        (f"u: admin p: {V}", V),
        (f"user admin pass {V}", V),
        (f"account admin, password {V}", V),
        (f"creds: admin {V}", V),
        (f"credentials admin {V}", V),
        (f"admin / {V} (prod)", V),
        ("Login: admin / Maple&2898silver", "Maple&2898silver"),
        ("login admin / Eo.jPthziSe", "Eo.jPthziSe"),
        ("U: admin P: an.3IHUIQjxSEPX", "an.3IHUIQjxSEPX"),
        (f"> Username: ops | Password: {V}", V),
    ],
)
def test_told_logins_of_two_labels_or_none_are_redacted(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    """Two labels (``U:``/``P:``), a login label and a blank, a default account and `` / ``; a
    dotted password that mixes cases is no host."""
    out = anonymizer.anonymize(text)
    assert secret not in out and "<redacted:" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "pass the user admin to the next step",
        "login admin / help",
        "creds: see vault",
        "U: 5V P: 12W",
        "U: 3.3V P: 0.5W",
        "user admin pass through the proxy",
        "we pass user admin from the CLI",
        "creds admin ok",
        "credentials: admin only",
        "Login: admin / see 1Password",
        "root / home",
        "user root password required",
        "user: admin pass: ********",
        "account admin, password reset required",
        "creds admin README.md",
        "admin / settings / users",
        "user admin password changeme",
        "auth middleware Xq8mW2pL7kZrT4",
        "login admin / db01.corp.example.com",
        "slow query (4821 ms): SELECT * FROM credentials WHERE api_key_id = :api_key_id",
        "+ docker login --username deploy-bot --password-stdin registry.example.com",
        "$ kwriteconfig6 --file keysrc --group Account --key password-hint Remember",
    ],
)
def test_two_label_look_alikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """``pass`` as a verb, units, words, masks, files, a path of words, hosts, ``auth``'s blank
    (a middleware's name, no login), a column's name and a flag in the user's place stay."""
    assert anonymizer.anonymize(text) == text


def test_a_told_value_ends_at_a_json_escape(anonymizer: Anonymizer) -> None:
    """An asciicast's ``login --token V\\r\\n…``: the escapes after the token stay."""
    text = (
        '[2.5, "o", "acme login --token Xq8mW2pL7kZrT4\\r\\n\\u001b[32m\\u2714\\u001b[0m ok\\r\\n"]'
    )
    out = anonymizer.anonymize(text)
    assert "Xq8mW2pL7kZrT4" not in out and "\\r\\n\\u001b[32m" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "creds: admin Zq8vT1mN4pX!",
        "U: admin P: Zq8vT1mN4pX!  and again U: root P: Hq7vT1mN4pXk",
        "Logın: admin / Zq8vT1mN4pX!",  # noqa: RUF001 (a dotless i: case-blind, it is an i)
        "LOGİN admin / Zq8vT1mN4pX!",  # a dotted capital I
        "uſer admin paſs Zq8vT1mN4pX!",  # noqa: RUF001 (a long s)
        "Kredentials: nothing here — user/pass: admin/Zq8vT1mN4pX!",
        "admin / Zq8vT1mN4pX! (prod), root / Hq7vT1mN4pXk",
        "authentication failed for login admin:Zq8vT1mN4pX! café",
    ],
)
def test_the_finders_find_what_their_regexes_find(text: str) -> None:
    """Each form's finder reads a text only where its label can start (and holds what the form
    needs), and finds exactly the matches of its regex over the whole text."""
    for matcher in login_pairs.rules()[0].matchers:
        assert matcher.find is not None
        found = [match.span() for match in matcher.find(text)]
        assert found == [match.span() for match in matcher.pattern.compiled.finditer(text)]
