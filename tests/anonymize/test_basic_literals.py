"""A ``user:password`` literal written for HTTP Basic authentication (``basic_literals``), from
the lead's form probes (bench/probes43): a base64 encoder's argument, a shell pipe into
``base64``, libcurl's ``USERPWD``/``PASSWORD`` options; and what stays: references, names,
other literals encoded, URLs and times."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

V = "Xq8mW2pL7kZrT4"
HEX = "9ee1ed0395237beb94834fa7b1135fe2"

FOUND = [
    f'auth = base64.b64encode(b"svc:{V}").decode()',
    f'headers = {{"Authorization": "Basic " + base64.b64encode("svc:{HEX}".encode()).decode()}}',
    f'const auth = btoa("deploy:{V}");',
    f"const auth = Buffer.from('svc:{V}').toString('base64');",
    f'auth := base64.StdEncoding.EncodeToString([]byte("svc:{V}"))',
    f'String auth = Base64.getEncoder().encodeToString("svc:{HEX}".getBytes());',
    f'var auth = Convert.ToBase64String(Encoding.ASCII.GetBytes("svc:{V}"));',
    f'auth = Base64.strict_encode64("svc:{V}")',
    f'$h = @{{ Authorization = "Basic " + [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes("svc:{V}")) }}',
    f'$auth = base64_encode("ops@example.com:{V}");',
    f"$ echo -n 'svc:{V}' | base64",
    f"printf '%s' \"svc:{HEX}\" | base64 -w0",
    f'curl_setopt($ch, CURLOPT_USERPWD, "svc:{V}");',
    f"curl_setopt($ch, CURLOPT_PROXYUSERPWD, 'proxy:{V}');",
    f'curl_easy_setopt(curl, CURLOPT_USERPWD, "svc:{HEX}");',
    f'curl_easy_setopt(curl, CURLOPT_PASSWORD, "{V}");',
    f'c.setopt(pycurl.USERPWD, "svc:{V}")',
]


@pytest.mark.parametrize("text", FOUND)
def test_found(anonymizer: Anonymizer, text: str) -> None:
    out = anonymizer.anonymize(text)
    assert V not in out and HEX not in out
    assert "<redacted:password>" in out, out


KEPT = [
    'auth = b64encode(f"{user}:{password}".encode()).decode()',
    "const auth = btoa(`${user}:${pass}`);",
    'auth = b64encode(b"svc:${pw}")',
    "const auth = Buffer.from(user + ':' + pass).toString('base64');",
    "const body = Buffer.from('key:value-2');",
    'encoded = base64.b64encode(b"https://example.com/a").decode()',
    'stamp = base64.b64encode(b"12:30").decode()',
    "$ echo -n 'svc:' | base64",
    'echo "$USER:$PASS" | base64',
    'curl_setopt($ch, CURLOPT_USERPWD, "$user:$pass");',
    "curl_setopt($ch, CURLOPT_USERPWD, $credentials);",
    "curl_easy_setopt(curl, CURLOPT_PASSWORD, password);",
    'curl_setopt($ch, CURLOPT_URL, "https://api.example.com/v1");',
    "echo 'hello' | base64",
]


@pytest.mark.parametrize("text", KEPT)
def test_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
