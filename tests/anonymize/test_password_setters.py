"""Commands and calls that set a password, from session 38's probes: OpenLDAP's ``-s``, drush's
``user:password``, docker-mailserver's ``setup email add`` (also run through ``docker exec``),
MongoDB's ``changeUserPassword``, Python keyring's ``set_password`` and ``printf`` piped to a
command reading a password from standard input."""

from __future__ import annotations

import pytest

from .conftest import in_mode

SECRET = "Qm7xR2vLp9KdT4wz"


@pytest.mark.parametrize(
    "text",
    [
        f"slappasswd -s '{SECRET}'",
        f"ldappasswd -x -D cn=admin,dc=example,dc=org -W -s {SECRET} uid=alice,dc=example,dc=org",
        f"drush user:password admin '{SECRET}'",
        f"$ drush upwd editor {SECRET}",
        f"setup email add ops@example.com '{SECRET}'",
        f"docker exec -it mailserver setup email add ops@example.com '{SECRET}'",
        f"sudo docker exec mailserver setup email update ops@example.com {SECRET}",
        f"docker compose exec -T web drush user:password admin {SECRET}",
        f'mongosh admin --eval \'db.changeUserPassword("app", "{SECRET}")\'',
        f'keyring.set_password("smtp", "alerts@example.com", "{SECRET}")',
        # printf feeding a command that reads a password from standard input
        f'printf "%s\\n" "root:{SECRET}" | chpasswd -c SHA512',
        f"printf '{SECRET}\\n' | docker login -u ci --password-stdin registry.example.com",
        f'printf "%s" {SECRET} | gpg --batch --passphrase-fd 0 -c notes.txt',
    ],
)
def test_a_password_a_command_sets_is_redacted(text: str) -> None:
    for use_re2 in (True, False):
        out = in_mode(use_re2).anonymize(text)
        assert SECRET not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "drush user:password --help",
        "drush upwd admin",
        "Run setup email add to create accounts, then restart.",
        "ldappasswd -x -S uid=alice,dc=example,dc=org",
        "keyring.set_password(service, user, password)",
        'db.changeUserPassword("app", passwordPrompt())',
        "docker exec -it web ls /srv",
        'printf "%s\\n" "$PASS" | docker login --password-stdin',
        'printf "hello world\\n" | wc -c',
        'printf "%s\\n" abc def | sort',
    ],
)
def test_other_uses_stay(text: str) -> None:
    for use_re2 in (True, False):
        assert in_mode(use_re2).anonymize(text) == text
