"""Forms found by bench/contexts33 (values handed between people and tools): inline-code markup
(HTML ``<code>``, Jira ``{{…}}``), ``puppet lookup``/``salt pillar.get``/``eyaml decrypt`` output,
IPython's ``Out[n]`` and a notebook's ``execute_result``, pg_dump's ``COPY … FROM stdin`` rows, a
debugger's ``name = 0x… "V"``, a namespaced ``android:name``/``android:value`` pair, a conda
channel's ``/t/<token>/``; and what stays: an assignment after a secret's word (``token
BUILD_SHA=<sha>``), a certificate's upper-case MD5 fingerprint, Apple's ``CrashReporter Key``."""

from __future__ import annotations

import json

import pytest

from fedlearn.anonymize import Anonymizer

LOWER = "k4d8x2m9q7w3e5r1t6y0u8i2o4p9"
MIXED = "Zr7Qp2Lx9Vb4Nc8Hd3Js6Kf1"
SHA = "9f1c2e7a4b3d5f6e8a0b1c2d3e4f5a6b7c8d9e0f"


def cell(source: str, shown: str) -> str:
    """A notebook cell's JSON (keys sorted as nbformat writes them) with one execute_result."""
    result = {"data": {"text/plain": [shown]}, "execution_count": 7, "metadata": {}}
    return json.dumps(
        {
            "cell_type": "code",
            "execution_count": 7,
            "metadata": {},
            "outputs": [{**result, "output_type": "execute_result"}],
            "source": [source],
        },
        indent=1,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inline code: HTML after a name and in a sentence, Jira's monospace
        (
            f"<p>API token: <code>{MIXED}</code></p>",
            "<p>API token: <code><redacted:token></code></p>",
        ),
        (
            f"<li>use <kbd>{LOWER}</kbd> as the vault token</li>",
            "<li>use <kbd><redacted:secret-value></kbd> as the vault token</li>",
        ),
        (
            f"the staging password is {{{{{MIXED}}}}} until Friday",
            "the staging password is {{<redacted:secret-value>}} until Friday",
        ),
        # puppet lookup, salt pillar.get (every minion), eyaml decrypt
        (
            f"$ puppet lookup --node db1 role::db::replication_password\n--- '{MIXED}'",
            "$ puppet lookup --node db1 role::db::replication_password\n--- '<redacted:password>'",
        ),
        (
            f"# salt-call pillar.item mailer:smtp_secret\nlocal:\n    {LOWER}\n",
            "# salt-call pillar.item mailer:smtp_secret\nlocal:\n    <redacted:secret>\n",
        ),
        (
            f"$ salt -G role:web pillar.get cdn:api_key\nweb-a:\n    {MIXED}\nweb-b:\n    {MIXED}",
            "$ salt -G role:web pillar.get cdn:api_key\nweb-a:\n    <redacted:api-key>\n"
            "web-b:\n    <redacted:api-key>",
        ),
        (
            f"role::cdn::auth_token: DEC(3)::PKCS7[{LOWER}]!",
            "role::cdn::auth_token: DEC(3)::PKCS7[<redacted:token>]!",
        ),
        # IPython's console and a notebook cell's JSON
        (
            f"In [12]: os.getenv('MAPBOX_TOKEN')\nOut[12]: '{MIXED}'",
            "In [12]: os.getenv('MAPBOX_TOKEN')\nOut[12]: '<redacted:token>'",
        ),
        (
            cell("%env SENTRY_AUTH_TOKEN", repr(LOWER)),
            cell("%env SENTRY_AUTH_TOKEN", "'<redacted:token>'"),
        ),
        # pg_dump's COPY rows (a NULL cell stays)
        (
            f"COPY public.hooks (id, name, signing_secret) FROM stdin;\n1\tci\t{MIXED}\n2\tcd\t\\N\n\\.",
            "COPY public.hooks (id, name, signing_secret) FROM stdin;\n1\tci\t<redacted:secret>\n"
            "2\tcd\t\\N\n\\.",
        ),
        # a debugger's char * member
        (
            f'$3 = {{host = 0x55d0 "db", db_password = 0x55e8 "{MIXED}"}}',
            '$3 = {host = 0x55d0 "db", db_password = <redacted:password> "<redacted:password>"}',
        ),
        # namespaced attributes (Android's manifest), over two lines
        (
            f'<meta-data\n  android:name="com.acme.API_TOKEN"\n  android:value="{LOWER}" />',
            '<meta-data\n  android:name="com.acme.API_TOKEN"\n  android:value="<redacted:token>" />',
        ),
        # a conda channel's token, in the URL of a conda host or after the word conda
        (
            f"channels:\n  - https://repo.anaconda.cloud/t/{MIXED}/internal",
            "channels:\n  - https://repo.anaconda.cloud/t/<redacted:token>/internal",
        ),
        (
            f"conda install -c https://pkgs.corp.example/t/{LOWER}/ml torch",
            "conda install -c https://pkgs.corp.example/t/<redacted:token>/ml torch",
        ),
        # a drawn token's ``=`` after lower-case letters is no assignment to another variable
        (
            "Found the acme key qwzrt_k4d8x2m9=pl7vx0q3nb9w2k in the log",
            "Found the acme key <redacted:secret-value> in the log",
        ),
    ],
)
def test_found(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<p>run <code>make test</code> then <code>{{ vault_db_password }}</code></p>",
        "Authorization: Bearer <code>process.env.API_TOKEN</code> (see <tt>README.md</tt>)",
        "Authorization: Bearer {{access_token}} and ${{ secrets.DEPLOY_KEY }}",
        f"the cache key is {{{{{SHA}}}}}",
        f"$ puppet lookup profile::web::build_sha\n--- {SHA}",
        f"$ salt-call pillar.get app:release\nlocal:\n    {SHA}",
        "role::cdn::endpoint: DEC::PKCS7[https://cdn.example.org]!",
        f"In [4]: os.environ['GIT_COMMIT']\nOut[4]: '{SHA}'",
        cell("os.environ['LANG']", "'C.UTF-8'"),
        f"COPY public.builds (id, commit_sha, checksum) FROM stdin;\n1\t{SHA}\t{SHA}\n\\.",
        f'$1 = {{path = 0x55d0 "/v1/items", request_id = 0x55e8 "{SHA}"}}',
        '<meta-data android:name="com.acme.API_KEY" android:value="@string/acme_key" />',
        "see https://discourse.example.org/t/conda-install-fails-on-windows/12345/2",
        f"Environment=TOKEN_FILE=%d/token BUILD_SHA={SHA} VERSION=3.4.68",
        "MD5: 9F:14:23:5D:3C:31:3D:C4:4D:11:96:99:6D:97:00:F9",
        f"Incident Identifier: 6544A644-E4BC-440B-84CC-1CDA766621E2\nCrashReporter Key:   {SHA}",
    ],
)
def test_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_lower_case_md5_fingerprint_still_replaced(anonymizer: Anonymizer) -> None:
    text = "2048 MD5:9f:14:23:5d:3c:31:3d:c4:4d:11:96:99:6d:97:00:f9 (RSA)"
    assert anonymizer.anonymize(text) == "2048 <ssh-fingerprint> (RSA)"
