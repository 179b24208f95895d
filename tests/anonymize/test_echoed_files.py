"""A literal written into a file named for a secret (``echoed_files``)."""

from __future__ import annotations

import pytest

from .conftest import in_mode

SECRET = "Qm7xR2vLp9KdT4wz"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (f"echo {SECRET} > /etc/rsync.pw && chmod 600 /etc/rsync.pw", "password"),
        (f"echo '{SECRET}' >> /run/secrets/db_password", "password"),
        (f'echo -n "{SECRET}" > ~/.vault_pass', "password"),
        (f"printf '%s' {SECRET} | sudo tee /etc/app/api_key", "api-key"),
        (f"echo {SECRET} | tee -a ~/.config/cli/token", "token"),
    ],
)
def test_a_literal_written_to_a_secret_file_is_redacted(text: str, rule: str) -> None:
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(f"$ {text}\n")
        assert SECRET not in out, out
        assert f"<redacted:{rule}>" in out


@pytest.mark.parametrize(
    "text",
    [
        "echo 1 > /proc/sys/net/ipv4/ip_forward",
        f"echo {SECRET} > notes.txt",
        'echo "$TOKEN" > token',
        "echo changeme > password",
        "echo 'deb http://deb.example.org stable main' | sudo tee /etc/apt/sources.list",
    ],
)
def test_other_echoes_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
