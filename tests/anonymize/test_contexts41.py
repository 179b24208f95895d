"""Forms found by bench/contexts41 (a second layer of encoding, and new places): a value a terminal's
wrap put on the row after its key (``label_values``' ``wrapped``, tested in ``test_label_values``); a substitution's replacement for a placeholder
named for a secret (``substitutions``); nginx's ``\\x22`` escapes, inline HTML tags and a CSV
cell's doubled quotes decoded (``escaped``); a pretty-printed JSON array under a secret key
(``listed_values``); an Android restriction's ``defaultValue`` (``declarations``); JMeter's
sibling name/value properties (``sibling_props``); HeidiSQL's settings lines
(``delimited_settings``); and what stays: the same forms with ids, digests, references and
prose."""

from __future__ import annotations

import json
import re

import pytest

from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import in_mode

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"
UUID = "cf3ddada-0da7-4eca-9f86-f0a439160ccd"
REDACTED = re.compile(r"<redacted:([a-z0-9-]+)>")

FOUND = [
    # substitutions: sed and perl filling a template's placeholder
    (f"sed -i 's/__ACME_API_TOKEN__/{LOWER}/g' deploy/app.yml", ("token",)),
    (f"perl -pi -e 's|%ACME_DB_PASSWORD%|{MIXED}|' conf/db.ini", ("password",)),
    (f'sed -e "s/{{{{ acme_secret_key }}}}/{MIXED}/" tpl.yml > out.yml', ("api-key",)),
    (f"perl -pi -e 's/__ACME_API_KEY__/ab\\/{MIXED}/g' x.yml", ("api-key",)),
    # escaped: nginx's \x22 around a logged JSON body's keys and values
    (
        '"POST /auth HTTP/1.1" 200 "{\\x22acme_api_token\\x22: \\x22' + LOWER + '\\x22}"',
        ("token",),
    ),
    # escaped: inline tags between a prose key and its value
    (f"<p>Configured client secret: <span>{MIXED}</span></p>", ("secret",)),
    (f"<li>API token: <code>{LOWER}</code></li>", ("token",)),
    # escaped: a CSV cell's JSON, its quotes doubled (a password a person chose)
    (
        'id,service,settings\n17,acme,"{""acme_password"": ""thisIsDog11"", ""region"": ""eu""}",2026',
        ("password",),
    ),
    # listed_values: a JSON array under a secret key, one item a line
    (json.dumps({"openai": {"api_keys": [MIXED, LOWER]}}, indent=2), ("api-key", "api-key")),
    # declarations: an Android restriction's default value under its key
    (
        f'<restriction android:key="acmeToken" android:restrictionType="string" android:defaultValue="{MIXED}" />',
        ("token",),
    ),
    # delimited_settings: HeidiSQL's exported settings
    (
        f"Servers\\prod\\Host<|||>1<|||>db.example.com\nServers\\prod\\Password<|||>1<|||>{MIXED}\nServers\\prod\\Port<|||>1<|||>3306",
        ("password",),
    ),
    # sibling_props: JMeter's argument and header pairs
    (
        f'<stringProp name="Argument.name">acme_api_key</stringProp>\n  <stringProp name="Argument.value">{MIXED}</stringProp>',
        ("api-key",),
    ),
    (
        f'<stringProp name="Header.name">Authorization</stringProp>\n<stringProp name="Header.value">Bearer {LOWER}</stringProp>',
        ("token",),
    ),
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_found(anonymizer: Anonymizer, text: str, names: tuple[str, ...]) -> None:
    out = anonymizer.anonymize(text)
    assert MIXED not in out
    assert LOWER not in out
    assert tuple(REDACTED.findall(out)) == names


KEPT = [
    # substitutions of other placeholders, references, a word for a word, an assignment's own rule
    f"sed -i 's/__IMAGE_TAG__/{SHA}/' k8s/deploy.yml",
    "sed -i 's/__API_TOKEN__/${API_TOKEN}/' app.yml",
    "sed -e 's/password/secret/g' notes.txt",
    "sed -i 's/__DB_PASSWORD__/changeme/' app.ini",
    # nginx-escaped bodies of ids and digests
    f'"GET /x HTTP/1.1" 200 "{{\\x22request_id\\x22: \\x22{SHA[:32]}\\x22}}"',
    "b'\\x00\\x22\\x27\\x5c'",
    # inline tags around other words
    f"<p>Commit: <code>{SHA}</code></p>",
    "<p>The <code>api_token</code> field is <b>required</b>.</p>",
    # doubled quotes around digests and empty strings
    f'key,etag,meta\nx.json,"W/""{SHA[:32]}""","{{""sha1"": ""{SHA}""}}"',
    '{"a": "", "b": ""}',
    # JSON arrays of names and digests
    json.dumps({"tokens": ["refresh_token", "access_token"], "sha256s": [SHA]}, indent=2),
    # HeidiSQL settings of other names
    f"Servers\\prod\\LastUsedDB<|||>1<|||>{SHA}\nServers\\prod\\SSHtunnelHostPort<|||>3<|||>22",
    # Android restrictions and JMeter pairs of other names
    f'<restriction android:key="buildId" android:restrictionType="string" android:defaultValue="{SHA}" />',
    f'<stringProp name="Argument.name">build_sha</stringProp>\n<stringProp name="Argument.value">{SHA}</stringProp>',
    '<stringProp name="Argument.name">api_token</stringProp>\n<stringProp name="Argument.value">${__P(token)}</stringProp>',
]


@pytest.mark.parametrize("text", KEPT)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize("text", [text for text, _ in FOUND] + KEPT)
def test_one_semantics(text: str) -> None:
    """The RE2 sets and the keyword triggers redact these forms the same."""
    assert in_mode(True).anonymize(text) == in_mode(False).anonymize(text)
