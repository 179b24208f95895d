"""A value a debugger or a shell printed under the prompt that asked for it (``debugger_prints``)."""

from __future__ import annotations

import pytest

from .conftest import in_mode

SECRET = "Qm7xR2vLp9KdT4wz"


@pytest.mark.parametrize(
    "text",
    [
        f"(Pdb) p api_key\n'{SECRET}'\n(Pdb) c",
        f"(Pdb) pp settings.DB_PASSWORD\n'{SECRET}'",
        f"(Pdb) client_secret\n'{SECRET}'",
        f"ipdb> os.environ['API_TOKEN']\n'{SECRET}'",
        f'(gdb) p config.password\n$1 = "{SECRET}"',
        f'(gdb) print cfg->secret\n$3 = 0x55555555a2a0 "{SECRET}"',
        f'(rr) p auth_token\n$2 = "{SECRET}"',
        f'(dlv) p token\n"{SECRET}"',
        f'(lldb) p password\n(NSString *) $0 = @"{SECRET}"',
        f"(lldb) po apiKey\n{SECRET}\n",
        f">>> print(api_key)\n{SECRET}\n>>> ",
        f"In [4]: print(settings.SECRET_KEY)\n{SECRET}",
        f"PS C:\\Users\\dev> $env:API_KEY\n{SECRET}\r\nPS C:\\Users\\dev> ",
        f"PS /home/dev> $password\n{SECRET}",
    ],
)
def test_a_printed_secret_is_redacted(text: str) -> None:
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(text)
        assert SECRET not in out, out
        assert "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        "(Pdb) p user\n'admin'",
        "(Pdb) p token_count\n42",
        "(gdb) p password_len\n$1 = 12",
        "(gdb) p token\n$1 = 0x0",
        "(Pdb) p api_key\n*** NameError: name 'api_key' is not defined",
        ">>> print(token)\nNone",
        ">>> print(secret_path)\n/run/secrets/db",
        "(lldb) po apiKey\nnil",
        "PS C:\\> $env:PATH\nC:\\Windows\\system32",
        "(Pdb) p session.headers\n{'User-Agent': 'python-requests/2.31'}",
    ],
)
def test_other_prints_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
