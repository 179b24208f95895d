"""Secrets known by the form around them: pairs, auth tuples, LDAP and curl options, Secrets."""

from __future__ import annotations

import base64

import pytest

from fedlearn.anonymize import Anonymizer
from tests.anonymize.conftest import found

PRIVATE_KEY = base64.b64encode(b"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA").decode()
CERTIFICATE = base64.b64encode(b"-----BEGIN CERTIFICATE-----\nMIIDazCCAlOgAwIBAgIUQ").decode()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'System.setProperty("DB_PASSWORD", "Xk9vLq2ZpW7r")',
            'System.setProperty("DB_PASSWORD", "<redacted:password>")',
        ),
        (
            "- name: API_TOKEN\n  value: Xk9vLq2ZpWmnop",
            "- name: API_TOKEN\n  value: <redacted:token>",
        ),
        (
            '<add key="ClearTextPassword" value="Xk9vLq2ZpW7r"/>',
            '<add key="ClearTextPassword" value="<redacted:password>"/>',
        ),
        ('auth=("svc", "Tr0ub4dor&3x")', 'auth=("svc", "<redacted:password>")'),
        (
            'requests.get(url, auth=HTTPBasicAuth("svc", "Tr0ub4dor3x"))',
            'requests.get(url, auth=HTTPBasicAuth("svc", "<redacted:password>"))',
        ),
        ("ldapsearch -w Tr0ub4dor3x -D cn=admin", "ldapsearch -w <redacted:password> -D cn=admin"),
        ("curl -u app:Tr0ub4dor3x https://x", "curl -u app:<redacted:password> https://x"),
        (
            "apiVersion: v1\nkind: Secret\ndata:\n  anything: c2VjcmV0dmFsdWUxMjM0NQ==\n",
            "apiVersion: v1\nkind: Secret\ndata:\n  anything: <redacted:kubernetes-secret>\n",
        ),
        (f"echo {PRIVATE_KEY} | base64 -d", "echo <redacted:private-key> | base64 -d"),
        # a stringData value is plain text: all of it goes, to its quote or its line's end
        (
            "kind: Secret\nstringData:\n  INGEST_URL: https://in.ex.example/h/Wq4Zt8Lm2Rv6\n",
            "kind: Secret\nstringData:\n  INGEST_URL: <redacted:kubernetes-secret>\n",
        ),
        (
            "kind: Secret\nstringData:\n  relay: 'smtp:Hq7@Vx2#Lp9'  # rotated\n",
            "kind: Secret\nstringData:\n  relay: '<redacted:kubernetes-secret>'  # rotated\n",
        ),
    ],
)
def test_the_form_stays_and_the_credential_goes(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Each form keeps its shape; only the credential becomes a placeholder (a scan finding)."""
    assert anonymizer.anonymize(text) == expected
    assert found(anonymizer, text) != []


@pytest.mark.parametrize(
    "text",
    [
        'System.setProperty("LOG_LEVEL", "debugverbose1")',
        "- name: LOG_LEVEL\n  value: debugverbose1",
        'auth=("svc", password)',
        "ldapsearch -w $LDAP_PW -D cn=admin",
        "grep -w pattern file",
        "tar -u app:files archive",
        "curl -u app https://x",
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  anything: c2VjcmV0dmFsdWUxMjM0NQ==\n",
        f"echo {CERTIFICATE} | base64 -d",
    ],
)
def test_the_same_forms_without_a_credential_stay(anonymizer: Anonymizer, text: str) -> None:
    """A pair whose key names no secret, a variable, another tool's ``-w``/``-u``, a ConfigMap's
    data and a base64 certificate are kept."""
    assert anonymizer.anonymize(text) == text
    assert found(anonymizer, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '$sec = ConvertTo-SecureString "/Pq7+Zx2Wm9Lk4Tn8Rb3Vc6Hd1=" -AsPlainText -Force',
            '$sec = ConvertTo-SecureString "<redacted:password>" -AsPlainText -Force',
        ),
        (
            'requests.get(url, auth=("svc", "/Zq8vT1mN4p+Xk2Lp9Zt7W"))',
            'requests.get(url, auth=("svc", "<redacted:password>"))',
        ),
        (
            'requests.get(url, auth=("svc", "/etc/app/password.txt"))',
            'requests.get(url, auth=("svc", "/etc/app/password.txt"))',
        ),
    ],
)
def test_a_credential_starting_with_a_slash_is_base64_or_a_file(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A password argument that is base64 starting with ``/`` is redacted; a file path stays."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The second string is the next member's key, not the first one's value.
        "{'kind': 'reset_password', 'request_ref': 'abc'}",
        # A list of three or more key names: what a log filter masks.
        'MASKED = ["x-api-key", "password", "proxy-authorization", "set-cookie"]',
        "scrub_fields: ['client_secret', 'refresh_token', 'cookie']",
        # Names in a tuple: the one after a key word is the next name, not its value.
        "fields = ('username', 'password', 'email')",
        "list_display = ['login', 'api_token', 'created_at', 'owner']",
    ],
)
def test_a_key_or_a_list_of_key_names_is_no_value(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ('props.put("password", "Wq7-vLmz-93kd");', "Wq7-vLmz-93kd"),
        ('env = ["password", "Wq7vLmz93kdR", "user"]', "Wq7vLmz93kdR"),  # no key word
        ('Map.of("user", "ops", "password", "cookie")', "cookie"),  # a call, no list
        ('pair = ["password", "cookie"]', "cookie"),  # two items: a pair
        # An argument list: the option before the key's own pair (``'psql', '--password'``) does
        # not hide the option's argument.
        ("subprocess.run(['psql', '--password', 'Rk4mZ8qT2x', '-h', 'db'])", "Rk4mZ8qT2x"),
        ('cmd := []string{"redis-cli", "-u", "ops", "--pass", "Nq3!vLw8zK"}', "Nq3!vLw8zK"),
        ("execvp('mysql', ['mysql', '-u', 'root', '--password', 'hunter2!x'])", "hunter2!x"),
    ],
)
def test_pairs_in_calls_and_short_lists_still_go(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text).replace("<redacted:password>", "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'dbutils.secrets.put(scope="app", key="db_pass", string_value="528ba194f1ed2001006b6e11")',
            'dbutils.secrets.put(scope="app", key="db_pass", string_value="<redacted:password>")',
        ),
        (
            "put_secret(key='github_token', string_value='q8Rt2vLm9xWpnZa')",
            "put_secret(key='github_token', string_value='<redacted:token>')",
        ),
        (
            'headers.append(name="Content-Type", string_value="application/json")',
            'headers.append(name="Content-Type", string_value="application/json")',
        ),
        (
            'Secret(name="db_password", bytes_value="${DB_PASSWORD}")',
            'Secret(name="db_password", bytes_value="${DB_PASSWORD}")',
        ),
    ],
)
def test_a_typed_value_is_paired_with_its_key(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Databricks' ``secrets.put(key="K", string_value="V")`` names a typed value: judged under
    the key (bench/probes43); a header's name and a reference stay."""
    assert anonymizer.anonymize(text) == expected
