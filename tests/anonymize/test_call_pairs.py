"""A call's key string and its value string in forms' pairs: SQL parameters, Rust conversions,
a hash's field after its key, named ``key=``/``value=`` arguments, an SSM parameter's path."""

from __future__ import annotations

import pytest

from .conftest import in_mode

SECRET = "Qm7xR2vLp9KdT4wz"


@pytest.mark.parametrize(
    "text",
    [
        f'cmd.Parameters.AddWithValue("@password", "{SECRET}");',
        f"cursor.execute(sql, {{':api_key', '{SECRET}'}})".replace("{{", "{").replace("}}", "}"),
        f'env.insert("SECRET_TOKEN".into(), "{SECRET}".into());',
        f'map.insert("db_password".to_string(), "{SECRET}".to_string());',
        f'redis.hset("creds", "password", "{SECRET}")',
        f'r.hset("service:billing", "api_key", "{SECRET}")',
        f'kv.put(key="password", value="{SECRET}")',
        f'ssm.put_parameter(Name="/app/prod/db_password", Value="{SECRET}", Type="SecureString")',
        f'new PutParameterCommand({{ Name: "/app/api_key", Value: "{SECRET}", Overwrite: true }})',
        f'<add key="ClearTextPassword" value="{SECRET}" />',
    ],
)
def test_the_value_beside_its_key_string_is_redacted(text: str) -> None:
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(text)
        assert SECRET not in out, out


@pytest.mark.parametrize(
    "text",
    [
        # a tuple of names, a hash's fields that name no secret, a
        # parameter's path that names none, a reference
        'FIELDS = ("user", "password", "host")',
        'redis.hset("session:1", "created_at", "2024-06-01T10:00:00Z")',
        'cmd.Parameters.AddWithValue("@username", "svc-reporting")',
        'ssm.put_parameter(Name="/app/prod/db_host", Value="db.internal.example", Type="String")',
        'kv.put(key="password", value="${DB_PASSWORD}")',
    ],
)
def test_names_and_plain_values_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
