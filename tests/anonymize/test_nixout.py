"""Secrets in Nix's own output: ``nix repl``/``nix eval`` echoes and NixOS definition lists."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

TOKEN = "c9e41fa07b2d8e63a15f90c4d7b38e21"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f'nix-repl> cfg.services.miniflux.config.ADMIN_TOKEN\n"{TOKEN}"\n',
            'nix-repl> cfg.services.miniflux.config.ADMIN_TOKEN\n"<redacted:token>"\n',
        ),
        (  # a quoted last attribute, a password with Nix's escapes
            'nix-repl> outputs.nixosConfigurations.box.config.services.mx."smtp.password"\n'
            '"Ql8\\"vR2#pw\\$x9"',
            'nix-repl> outputs.nixosConfigurations.box.config.services.mx."smtp.password"\n'
            '"<redacted:password>"',
        ),
        (
            "$ nix eval --raw .#nixosConfigurations.box.config.services.rss.settings.db_password\n"
            "Wq7#tLz2!mPe\n",
            "$ nix eval --raw .#nixosConfigurations.box.config.services.rss.settings.db_password\n"
            "<redacted:password>\n",
        ),
        (
            "error: The option `services.relay.settings.apiKey' has conflicting definition values:\n"
            f'       - In `/etc/nixos/a.nix\': "{TOKEN}"\n'
            '       - In `/etc/nixos/b.nix\': "7Fq2Lp9xVz4Kt8Rm3Wn6Yb1Hc5Jd0Ge2"\n',
            "error: The option `services.relay.settings.apiKey' has conflicting definition values:\n"
            '       - In `/etc/nixos/a.nix\': "<redacted:api-key>"\n'
            '       - In `/etc/nixos/b.nix\': "<redacted:api-key>"\n',
        ),
    ],
)
def test_values_nix_prints_apart_from_their_key_are_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'nix-repl> config.networking.hostName\n"odin"',  # no secret key
        'nix-repl> config.services.app.settings.password\n"/run/secrets/app"',  # a reference
        # without ``--raw`` a bare line after the command is output of another kind
        "$ nix eval .#cfg.services.app.settings.password\nerror: attribute missing\n",
        # a definition list with no option naming a secret
        "error: The option `services.app.port' has conflicting definition values:\n"
        '       - In `/etc/nixos/a.nix\': "8080"',
        # ``- In`` lines with no option above
        '- In `notes.txt\': "Rk8vQm2xLp9zTw4Y"',
    ],
)
def test_other_nix_output_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_the_value_nixos_option_reports_is_redacted(anonymizer: Anonymizer) -> None:
    text = (
        "$ nixos-option services.hydra.extraConfig.signing_secret\nValue:\n"
        '"Hq7vR2mX9kLp4Tz8Wn3Yb"\n\nDefault:\nnull\n'
    )
    assert anonymizer.anonymize(text) == text.replace("Hq7vR2mX9kLp4Tz8Wn3Yb", "<redacted:secret>")
