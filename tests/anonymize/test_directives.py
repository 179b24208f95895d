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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("aws configure set aws_secret_access_key Vb7qLx2mRk9z --profile prod", "Vb7qLx2mRk9z"),
        ("aws configure set default.aws_session_token Fw9kQ2mLz8Rt", "Fw9kQ2mLz8Rt"),
        ("yarn config set npmAuthToken q8Rz2LmX7kTn", "q8Rz2LmX7kTn"),
        ("pip config set --user global.password Q7mx2Lz9Rk4T", "Q7mx2Lz9Rk4T"),
        ("poetry config pypi-token.internal Zk4mQ8xR2nL7", "Zk4mQ8xR2nL7"),
        ("poetry config http-basic.internal deploy Zk4mQ8xR2nL7vT1w", "Zk4mQ8xR2nL7vT1w"),
        (
            "composer config --global github-oauth.github.com Hq3Tz8Lw2Rn6Vk9Xm4Pd",
            "Hq3Tz8Lw2Rn6Vk9Xm4Pd",
        ),
        ("composer config http-basic.repo.example.com alice 'p4Ss!w0rd-Q9'", "p4Ss!w0rd-Q9"),
        ("cargo login --registry my-reg Xk29dkq0LmZ8Qw7R", "Xk29dkq0LmZ8Qw7R"),
        ("bundle config set --global gems.example.com deploy:Q7mx2Lz9Rk4T", "Q7mx2Lz9Rk4T"),
        ("bundle config rubygems.pkg.github.com alice:'p4Ss!w0rd-Q9'", "p4Ss!w0rd-Q9"),
        ("launchctl setenv BACKEND_API_KEY Qx7mT2vLp9Rk", "Qx7mT2vLp9Rk"),
        ("set -gx GITHUB_TOKEN Qx7mT2vLp9Rk; and make release", "Qx7mT2vLp9Rk"),
        # git 2.46's ``config set`` subcommand: no other rule reads it (``stored_values`` leaves it)
        ("git config set --global relay.smtp-pass 'Velvet#Oak77'", "Velvet#Oak77"),
        ("$ git config set deploy.token Qx7mT2vLp9Rk && git push", "Qx7mT2vLp9Rk"),
    ],
)
def test_configuration_setter_values_are_redacted(
    anonymizer: Anonymizer, text: str, value: str
) -> None:
    """A tool's setter gives the key and its value as two words (``aws configure set K V``)."""
    out = anonymizer.anonymize(text)
    assert value not in out and "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        "aws configure set region eu-west-1 --profile prod",
        "aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY",
        "npm config set registry https://registry.npmjs.org/",
        'yarn config set npmAuthToken "${NPM_TOKEN}"',
        "poetry config virtualenvs.in-project true",
        "poetry config http-basic.internal deploy $POETRY_PASSWORD",
        'composer config --global github-oauth.github.com "$GITHUB_TOKEN"',
        "cargo login --registry my-reg",
        "bundle config set --local path vendor/bundle",
        "bundle config set --global gems.example.com alice:$GEM_PASSWORD",
        "bundle config set --global mirror.https://rubygems.org https://mirror.example.com",
        "bundle config build.nokogiri --use-system-libraries",
        "set -gx EDITOR nvim",
        "set -x PATH $PATH ~/bin",
        "launchctl setenv JAVA_HOME /usr/lib/jvm/java-21",
        "git config set --global user.name 'Anna Rossi'",
        "git config set credential.helper store",
        "git config set --global relay.smtp-pass $SMTP_PASS",
        # git's signing key is a public key's id or path
        "git config --global user.signingkey 3AA5C34371567BD2",
        "git config set user.signingKey 3AA5C34371567BD2",
    ],
)
def test_configuration_setter_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("rclone config create gd drive client_id 4417 client_secret Tq7Wm2Lx9Zp4", "Tq7Wm2Lx9Zp4"),
        (
            "rclone config create s3r s3 provider Minio access_key_id ci secret_access_key Tq7Wm2Lx9Zp4",
            "Tq7Wm2Lx9Zp4",
        ),
        ("rclone config update gd client_secret Tq7Wm2Lx9Zp4 --non-interactive", "Tq7Wm2Lx9Zp4"),
        ("cf set-env web STRIPE_SECRET_KEY Tq7Wm2Lx9Zp4", "Tq7Wm2Lx9Zp4"),
    ],
)
def test_rclone_setting_values_are_redacted(anonymizer: Anonymizer, text: str, value: str) -> None:
    """``rclone config create NAME TYPE K V…`` gives its settings as pairs of words."""
    out = anonymizer.anonymize(text)
    assert value not in out and "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        "rclone config create s3r s3 provider AWS env_auth true region eu-west-1",
        "rclone config create gd drive client_id 4417 client_secret $GD_CLIENT_SECRET",
        "rclone config create gd drive token_url https://oauth2.example.com/token",
        "rclone config create gd drive client_secret_file /etc/rclone/secret.json",
        "rclone config update gd scope drive.readonly",
        "cf set-env web LOG_LEVEL debug",
        "cf set-env web BUILD_SHA 3f2a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b",
        'cf set-env web DB_PASSWORD "$DB_PASSWORD"',
    ],
)
def test_rclone_setting_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
