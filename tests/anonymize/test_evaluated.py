"""Secrets printed as the value of something named apart from them."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

HEX = "9c2e41d07b5a3f86e1d4c7b20a9f5e38"
B64 = "Yk3+Pq8/vLw2ZrT0uNs5Xe1GdHa7MfJc4Ri9Ko6Bt2E="


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # Actions: the arrow and the result under the top Evaluating line
            "##[debug]Evaluating: secrets.WEBHOOK_SIGNING_KEY\n##[debug]Evaluating Index:\n"
            f"##[debug]..=> Object\n##[debug]=> '{B64}'\n##[debug]Result: '{B64}'",
            "##[debug]Evaluating: secrets.WEBHOOK_SIGNING_KEY\n##[debug]Evaluating Index:\n"
            "##[debug]..=> Object\n##[debug]=> '<redacted:api-key>'\n"
            "##[debug]Result: '<redacted:api-key>'",
        ),
        (  # anything under secrets. is a secret
            f"##[debug]Evaluating: secrets.DEPLOY_HOOK\n##[debug]=> '{HEX}'",
            "##[debug]Evaluating: secrets.DEPLOY_HOOK\n##[debug]=> '<redacted:secret>'",
        ),
        (  # a Rails console echo
            f'irb(main):003:0> ENV.fetch("SMTP_PASSWORD")\n=> "{HEX}"\nirb(main):004:0> exit',
            'irb(main):003:0> ENV.fetch("SMTP_PASSWORD")\n=> "<redacted:password>"\n'
            "irb(main):004:0> exit",
        ),
        (  # Python's REPL echoes a string on the line after its prompt
            f">>> os.environ['SMTP_PASSWORD']\n'{HEX}'\n>>> exit()",
            ">>> os.environ['SMTP_PASSWORD']\n'<redacted:password>'\n>>> exit()",
        ),
        (  # IPython's Out[N]
            f"In [3]: cfg.signing_secret\nOut[3]: '{HEX}'",
            "In [3]: cfg.signing_secret\nOut[3]: '<redacted:secret>'",
        ),
        (  # loguru's diagnose arrows: the variable at the arrow's column
            "    client = Client(token=vault_token, url=url)\n"
            f"             │            │            └ 'https://vault.internal'\n"
            f"             │            └ '{HEX}'\n"
            "             └ <class 'hvac.Client'>",
            "    client = Client(token=vault_token, url=url)\n"
            "             │            │            └ 'https://vault.internal'\n"
            "             │            └ '<redacted:token>'\n"
            "             └ <class 'hvac.Client'>",
        ),
        (  # pydantic: the location on the line before
            "2 validation errors for Config\nproviders.0.client_secret\n"
            f"  Value error, too long [type=value_error, input_value='{B64}', input_type=str]",
            "2 validation errors for Config\nproviders.0.client_secret\n"
            "  Value error, too long [type=value_error, input_value='<redacted:secret>',"
            " input_type=str]",
        ),
        (  # a Python dict repr of a name/value pair, value first
            f"ok: [db] => (item={{'value': '{B64}', 'name': 'REPLICATION_PASSWORD'}})",
            "ok: [db] => (item={'value': '<redacted:password>', 'name': 'REPLICATION_PASSWORD'})",
        ),
        (  # PHP var_dump of an object: the property on the line before
            'object(App\\Mail)#3 (2) {\n  ["smtpPassword":protected]=>\n  string(16) "Kq8!zr2Lw#p4Xv9m"\n}',
            'object(App\\Mail)#3 (2) {\n  ["smtpPassword":protected]=>\n  string(16) '
            '"<redacted:password>"\n}',
        ),
        (  # the same flattened into one log line
            'array(2) { ["host"]=> string(2) "db" ["password"]=> string(12) "Xk9vQ2mLp8Rt" }',
            'array(2) { ["host"]=> string(2) "db" ["password"]=> string(12) "<redacted:password>" }',
        ),
        (  # a client class constructed with a generated literal
            f"const vault = new VaultClient('{B64}');",
            "const vault = new VaultClient('<redacted:high-entropy>');",
        ),
        (f'svc = billing.Client("{B64}")', 'svc = billing.Client("<redacted:high-entropy>")'),
        (  # set KEY VALUE with a colon path
            f'dotnet user-secrets set "Payments:Stripe:WebhookSigningKey" "{B64}"',
            'dotnet user-secrets set "Payments:Stripe:WebhookSigningKey" "<redacted:api-key>"',
        ),
        (  # set KEY VALUE with a registry path, unquoted
            f"npm config set //npm.pkg.example.com/:_authToken {HEX}",
            "npm config set //npm.pkg.example.com/:_authToken <redacted:token>",
        ),
    ],
)
def test_a_value_named_apart_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """The value is judged under the name that stands apart from it."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an evaluation of something that names no secret
        f"##[debug]Evaluating: github.sha\n##[debug]=> '{HEX}'",
        # an arrow that is no line of its own (code)
        f"const pick = () => '{HEX}'",
        # a REPL echo of something that names no secret, an e-mail quote
        f">>> build.checksum\n'{HEX}'",
        f"> see the token below\n'{HEX}'",
        # a variable arrow under a variable that names no secret
        f"    digest = sha(blob)\n             └ '{HEX}'",
        # pydantic input under a field that names no secret
        f"checksum\n  String too long [type=string_too_long, input_value='{HEX}', input_type=str]",
        # the key/value pair names no secret
        f"(item={{'key': 'BUILD_ID', 'value': '{HEX}'}})",
        # a PHP var_dump string under a key that names no secret
        f'  ["checksum"]=>\n  string(32) "{HEX}"',
        # a client constructed with a URL, a name, or by a function
        'c = WebClient("https://api.example.com/v1/things/export")',
        'c = S3Client("eu-west-1-production-bucket-reader")',
        f'c = getClient("{B64}")',
        # set with a key that names no secret, or a reference
        f"git config set core.hookspath {HEX}",
        "dotnet user-secrets set Api:ClientSecret $CLIENT_SECRET",
        "reset password failed for admin",
    ],
)
def test_other_values_stay(anonymizer: Anonymizer, text: str) -> None:
    """Values named by no secret, or no value at all, are kept."""
    assert anonymizer.anonymize(text) == text
