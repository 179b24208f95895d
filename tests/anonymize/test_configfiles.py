"""Config-file syntaxes whose form is the credential."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

WG = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk="


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "db-replica.internal:6432:*:analytics:Zq8\\:vW3!x",
            "db-replica.internal:6432:*:analytics:<redacted:password>",
        ),
        (
            'log: "localhost:*:orders:app_user:s3cr3t-Pw"',
            'log: "localhost:*:orders:app_user:<redacted:password>"',
        ),
        (
            "[mail.example.net]:submission relay@example.net:Xk4#pL9q",
            "[mail.example.net]:submission <email>:<redacted:password>",
        ),
        (
            "smtp.sendgrid.net:587 mailer:Qw7rT2yU9iO0pA3s\n",
            "smtp.sendgrid.net:587 mailer:<redacted:password>\n",
        ),
        (
            "# creds for --auth-user-pass\nvpnuser\nH7g!kd92Lmq\n",
            "# creds for --auth-user-pass\nvpnuser\n<redacted:password>\n",
        ),
        (
            "[security]\nadmin_password = '''Gf8#kL2!pQ'''",
            "[security]\nadmin_password = '''<redacted:password>'''",
        ),
        (
            "mount //nas/backup (username svc-bk; password Pl4y!ground9)",
            "mount //nas/backup (username svc-bk; password <redacted:password>)",
        ),
        (
            '{"msg": "[DSN]\\nDATABASE=x\\nPassword=Tz9!kq2Lw\\n"}',
            '{"msg": "[DSN]\\nDATABASE=x\\nPassword=<redacted:password>\\n"}',
        ),
        (
            '{"cmd": "set passwd \\"Hq7$mZ2x\\" now"}',
            '{"cmd": "set passwd \\"<redacted:password>\\" now"}',
        ),
        ("define('NONCE_SALT', 'k8#Lm2@pQ9zX!vB4');", "define('NONCE_SALT', '<redacted:secret>');"),
        (
            '{"github-oauth": {"github.example.com": "a1b2c3d4e5f6a7b8c9d0"}}',
            '{"github-oauth": {"github.example.com": "<redacted:token>"}}',
        ),
        (f"echo {WG} | wg pubkey", "echo <redacted:private-key> | wg pubkey"),
        (f"wg pubkey <<< '{WG}'", "wg pubkey <<< '<redacted:private-key>'"),
        (
            "private_key_id = 0123456789abcdef0123456789abcdef01234567",
            "private_key_id = <redacted:private-key-id>",
        ),
        (
            '"ciphertext": "'
            + "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46"
            + '"',
            '"ciphertext": "<redacted:wallet-keystore>"',
        ),
        (
            "# redis.conf\nrequirepass Zt8!qLm2#v\n",
            "# redis.conf\nrequirepass <redacted:password>\n",
        ),
        (
            "binddn cn=svc,dc=ex\nbindpw Kd93-aQm7!\n",
            "binddn cn=svc,dc=ex\nbindpw <redacted:password>\n",
        ),
        (
            "account work\nuser ann\npassword Hx6%tR2pQ\n",
            "account work\nuser ann\npassword <redacted:password>\n",
        ),
        ("vpn creds: ann.lee / Rw8$kP3mZ.", "vpn creds: ann.lee / <redacted:password>."),
        ("db creds are kim / Qx7#kP3mZ", "db creds are kim / <redacted:password>"),
        ("credentials v1/Rw8#kP3mZ", "credentials v1/<redacted:password>"),  # a name, no version
        ("auth-user-pass:\nann\nPq7!xZ2wL\n", "auth-user-pass:\nann\n<redacted:password>\n"),
        (
            f"wg set wg0 private-key /dev/stdin <<< {WG}",
            "wg set wg0 private-key /dev/stdin <<< <redacted:private-key>",
        ),
        (
            '2026 INFO run: {"cmd": "[db]\\npassword = \\"\\"\\"Gf8#kL2!pQ\\"\\"\\"\\n"}',
            '2026 INFO run: {"cmd": "[db]\\npassword = \\"\\"\\"<redacted:password>\\"\\"\\"\\n"}',
        ),
        (
            "    [mail.example.net]:465 ann:Kx9#pL2mQ\n",
            "    [mail.example.net]:465 ann:<redacted:password>\n",
        ),
        (
            "設定は [smtp.example.jp]:587 ann:Kx9#pL2mQ です",
            "設定は [smtp.example.jp]:587 ann:<redacted:password> です",
        ),
        ("*:*:*:etl:%x%Lw9qT2", "*:*:*:etl:<redacted:password>"),  # %x% means nothing there
    ],
)
def test_config_forms_are_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """Each config syntax's credential becomes its placeholder; the rest of the line stays."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "fe80:0000:0000:0000:0202:b3ff:fe1e:8329",  # IPv6
        "00:11:22:33:44",  # numbers
        "main.c:12:5:warning:unused",  # a compiler message has no port, user, password
        "kafka:9092:orders:0:1234",  # a user without a letter
        "auth-user-pass /etc/openvpn/auth.txt\npersist-key\npersist-tun\n",
        "# see auth-user-pass\nclient\nnobind\n",
        'doc = """Return the value."""',  # no secret key
        "user admin, password required",  # a word, not a password
        "login admin pass --verbose",  # the next option, not a password
        '"ciphertext": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"',
        "PublicKey = " + WG,  # a WireGuard public key
        "location / {\n  proxy_pass http://[::1]:3000;\n}",  # nginx
        "kpasswd\t\t464/tcp\n",  # /etc/services
        "def f(username: Optional[str], password: Optional[HiddenText]) -> None:",
        "credentials: ~/.aws/credentials",
        # A module path's segment, then a version and a file (go.sum, go.mod).
        "github.com/aws/aws-sdk-go-v2/credentials v1.17.18/go.mod h1:JuitCWq+F5QG=",
        "golang.org/x/oauth2/credentials v0.21.0/go.mod",
        "updated credentials 2.4.1/setup.cfg",  # a version is no user
        r"C:\src\credentials v3.2/readme.txt",
        "# requirepass foobared\n",
        "log [app.module]:42 handler:done",  # a bracketed name inside a line, a word after it  # redis.conf's commented example: a word
    ],
)
def test_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    """Colon-separated data, OpenVPN directives, docstrings and public keys stay."""
    found = {finding.rule for finding in anonymizer.scan(text)}
    assert not found & {"password", "secret", "token", "private-key", "wallet-keystore"}


def test_an_option_after_pass_is_no_password_but_a_dashed_draw_is(anonymizer: Anonymizer) -> None:
    """``--digest`` after ``user:pass`` is curl's next option; ``-Xy9kLm2q`` is a password."""
    text = "curl -s --user user:pass --digest https://api.example.com/"
    assert anonymizer.anonymize(text).endswith(" --digest https://api.example.com/")
    assert anonymizer.anonymize("user bob pass -Xy9kLm2q") == "user bob pass <redacted:password>"
