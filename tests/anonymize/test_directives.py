"""Secrets set by a directive that names a variable (nginx, Apache, git config)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "server {\n  set $upstream_pass Velvet#Oak77;\n}",
            "server {\n  set $upstream_pass <redacted:password>;\n}",
        ),
        (
            "uwsgi_param APP_SECRET 'u7Yq-Pw3m.Xk9Ta2';",
            "uwsgi_param APP_SECRET '<redacted:secret>';",
        ),
        ('add_header X-Relay-Token "Qz4mLp!82vR";', 'add_header X-Relay-Token "<redacted:token>";'),
        ("SetEnv LDAP_BIND_PWD Lantern%9Kx", "SetEnv LDAP_BIND_PWD <redacted:password>"),
        (
            'Header always set X-Admin-Password "Lantern%9Kx"',
            'Header always set X-Admin-Password "<redacted:password>"',
        ),
        (
            "git config --file .git/config relay.smtp-pass 'Velvet#Oak77'",
            "git config --file .git/config relay.smtp-pass '<redacted:password>'",
        ),
    ],
)
def test_directive_values_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "SetEnv LDAP_BIND_PWD ${LDAP_BIND_PWD}",
        "proxy_set_header X-Relay-Token $http_x_relay_token;",
        "set $upstream_pass changeme;",
        "SetEnv APP_THEME Velvet#Oak77",
        "git config --global relay.smtp-pass",
        "git config --global credential.helper 'cache --timeout=3600'",
        "uwsgi_param APP_SECRET_FILE /run/secrets/app;",
    ],
)
def test_directive_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$ git config --get-regexp relay\nrelay.host mx7\nrelay.pwd Lantern%9Kx",
            "$ git config --get-regexp relay\nrelay.host mx7\nrelay.pwd <redacted:password>",
        ),
        (
            "git config --get-regexp '^remote'\nremote.origin.url ../app.git\n"
            "remote.origin.pushtoken Qz4mLp!82vR\n",
            "git config --get-regexp '^remote'\nremote.origin.url ../app.git\n"
            "remote.origin.pushtoken <redacted:token>\n",
        ),
    ],
)
def test_get_regexp_output_values_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "relay.host mx7\nrelay.pwd Lantern%9Kx",  # no --get-regexp: any dotted line
        "$ git config --get-regexp relay\nrelay.smtp-pass ${SMTP_PASS}",
        "$ git config --get-regexp relay\nrelay.theme Velvet#Oak77",
        "$ git config --get-regexp relay\nrelay.passfile /run/secrets/smtp",
    ],
)
def test_get_regexp_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
