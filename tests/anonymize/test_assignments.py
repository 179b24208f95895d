"""Secrets known by their key: the key stays, the literal value goes, code and references stay."""

from __future__ import annotations

import re

import pytest

from fedlearn.anonymize import Anonymizer, assignments
from tests.anonymize.conftest import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('DB_PASSWORD: "Zx8Qp2Lm9Vb4"', 'DB_PASSWORD: "<redacted:password>"'),
        ("db_password = 'Zx8Qp2Lm9Vb4'", "db_password = '<redacted:password>'"),
        ("<password>Zx8Qp2Lm9Vb4</password>", "<password><redacted:password></password>"),
        (
            "<cfg:SmtpPassword>Zx8Qp2Lm9Vb4</cfg:SmtpPassword>",
            "<cfg:SmtpPassword><redacted:password></cfg:SmtpPassword>",
        ),
        (
            "<ns2:apiToken>Zx8Qp2Lm9Vb4kTfR</ns2:apiToken>",
            "<ns2:apiToken><redacted:token></ns2:apiToken>",
        ),
        ("apiKey: Zx8Qp2Lm9Vb4kT", "apiKey: <redacted:api-key>"),
        (  # a C# record or Kotlin data class printed: hex before ``, Next = …``
            "Creds { apiKey = c4f0a9c2e7b3d18aa65c1e0f2d9b47a3, Retries = 3 }",
            "Creds { apiKey = <redacted:api-key>, Retries = 3 }",
        ),
        ('{"api_key": "Zx8Qp2Lm9Vb4kT"}', '{"api_key": "<redacted:api-key>"}'),
        ("export GITHUB_TOKEN=Zx8Qp2Lm9Vb4kTfR", "export GITHUB_TOKEN=<redacted:token>"),
        ('clientSecret: "Zx8Qp2Lm9Vb4"', 'clientSecret: "<redacted:secret>"'),
        ("--api-key=Zx8Qp2Lm9Vb4kT", "--api-key=<redacted:api-key>"),
        (
            "https://x.example.com/cb?access_token=Zx8Qp2Lm9Vb4kTfR&x=1",
            "https://x.example.com/cb?access_token=<redacted:token>&x=1",
        ),
        (
            "Authorization: Token 5f0c9e2a7b4d1c8e3f6a9b2c5d8e1f4a",
            "Authorization: Token <redacted:authorization>",
        ),
        ("pg -W ${DB_PASSWORD:-Zx8Qp2Lm9Vb4} db", "pg -W ${DB_PASSWORD:-<redacted:password>} db"),
        ('url="${API_TOKEN:=Zx8Qp2Lm9Vb4kTfR}"', 'url="${API_TOKEN:=<redacted:token>}"'),
    ],
)
def test_the_key_stays_and_the_value_goes(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """Every key form (env, YAML, JSON, XML, flags, URLs, headers) keeps its key and scheme."""
    assert anonymizer.anonymize(text) == expected
    assert found(anonymizer, text) != []


@pytest.mark.parametrize(
    "text",
    [
        "password=$DB_PASSWORD",
        "password={{ vault_password }}",
        "api_key: YOUR_KEY",
        "token: str",
        "token: null",
        "password: str = None",
        'const DB_PASSWORD: &str = "${DB_PASSWORD}";',
        "fn connect(token: &str) -> Client {",
        'password=os.environ["DB_PASSWORD"]',
        "password = password",
        "password=get_password()",
        "password: must be at least 8 characters",
        "password_file=/run/secrets/db",
        "password_hash=Zx8Qp2Lm9Vb4",
        "max_tokens=4096",
        "http://host:Password>Zx8Qp2Lm9Vb4</a>",
        "<ns:password/>Zx8Qp2Lm9Vb4</x>",
        "token_type=bearer",
        "sortKey=Zx8Qp2Lm9Vb4kTfR",
        "cache_key=9f86d081884c7d659a2feaa0c55ad015",
        "port=${PORT:-8080}",
        "${DB_PASSWORD}",
        "${DB_PASSWORD:?must be set}",
        "${DB_PASSWORD:-$FALLBACK_PASSWORD}",
        "${DB_PASSWORD:-${OTHER}}",
        "${DB_PASSWORD:-changeme}",
    ],
)
def test_references_code_prose_and_non_secret_keys_stay(anonymizer: Anonymizer, text: str) -> None:
    """A reference, code, a type, prose, or a key that does not end in a secret word is kept."""
    assert anonymizer.anonymize(text) == text
    assert found(anonymizer, text) == []


def test_hex_after_a_loose_key_is_an_id_but_after_a_credential_key_a_secret(
    anonymizer: Anonymizer,
) -> None:
    """A hash after ``key`` or ``cache_key`` is an id; after ``session``, ``cookie`` or
    ``signingKey`` it is a credential."""
    value = "9f86d081884c7d659a2feaa0c55ad015"
    for key in ("key", "cache_key", "primaryKey"):
        assert found(anonymizer, f"{key}={value}") == [], key
    for key in ("session", "cookie", "signingKey"):
        assert found(anonymizer, f"{key}={value}") != [], key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Passwort: Xk9#mQ2z", "Passwort: <redacted:password>"),
        ("ПАРОЛЬ=Xk9#mQ2z", "ПАРОЛЬ=<redacted:password>"),
        ('{"contraseña": "Xk9#mQ2z"}', '{"contraseña": "<redacted:password>"}'),
        ("パスワード: Xk9#mQ2zpw", "パスワード: <redacted:password>"),
        ("Schlüssel: cache-v1", "Schlüssel: cache-v1"),
    ],
)
def test_a_key_of_another_language_is_read_whole(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Non-ASCII keys are read back from their separator as ASCII ones are, on every path."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '  "os.environ[\\"SENDGRID_SECRET\\"] = \\"Qv7Lm2Xz9TkR4pWb\\"\\n",',
            '  "os.environ[\\"SENDGRID_SECRET\\"] = \\"<redacted:secret>\\"\\n",',
        ),
        (
            '{"source": ["cfg[\\"db_password\\"] = \\"Gr4n1te#Peak\\""]}',
            '{"source": ["cfg[\\"db_password\\"] = \\"<redacted:password>\\""]}',
        ),
    ],
)
def test_a_subscript_with_escaped_quotes_in_a_json_string_is_read(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A notebook cell's source is JSON: its subscript's quotes come escaped (``[\\"X\\"] =``)."""
    assert anonymizer.anonymize(text) == expected


def test_an_escaped_subscript_set_from_code_stays(anonymizer: Anonymizer) -> None:
    """A value that is a call is code, escaped or not."""
    text = '  "os.environ[\\"DB_PASSWORD\\"] = getpass.getpass()\\n",'
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "$ENV{MAIL_RELAY_PASS} = 'Velvet#Oak77';",
            "$ENV{MAIL_RELAY_PASS} = '<redacted:password>';",
        ),
        ('$self->{api_token} = "Qz4mLp!82vR";', '$self->{api_token} = "<redacted:token>";'),
        ("$conf{db_pwd}='Lantern%9Kx';", "$conf{db_pwd}='<redacted:password>';"),
    ],
)
def test_perl_hash_subscripts_are_keys(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "$ENV{MAIL_RELAY_PASS} = $ENV{RELAY_PASS_FALLBACK};",
        "const { password } = req.body;",
        "$self->{api_token} = undef;",
        "$conf{theme} = 'Velvet#Oak77';",
    ],
)
def test_perl_hash_subscript_lookalikes_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


def test_json_escaped_twice_is_read(anonymizer: Anonymizer) -> None:
    inner = '{\\\\\\"relay_pass\\\\\\": \\\\\\"Velvet#Oak77\\\\\\"}'
    text = '{"event": "{\\"body\\": \\"' + inner + '\\"}"}'
    assert anonymizer.anonymize(text) == text.replace("Velvet#Oak77", "<redacted:password>")
    reference = text.replace("Velvet#Oak77", "${RELAY_PASS}")
    assert anonymizer.anonymize(reference) == reference


@pytest.mark.parametrize(
    "text",
    [
        # The branches of a conditional expression pick a string; they assign none.
        "<input [attr.type]=\"reveal ? 'password' : 'search'\">",
        "const kind = masked ? 'secret' : 'plainText';",
        # An ARN's resource type and name (Secrets Manager, SSM).
        '"Resource": "arn:aws:secretsmanager:us-east-2:210987654321:secret:billing/stripe-*"',
        "arn:aws-us-gov:secretsmanager:us-gov-west-1:210987654321:secret:ops/db-Q1w2E3",
    ],
)
def test_ternary_branches_and_arn_resources_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("x = fallback ?? 'password' : 'Wq7vLmz93kdR'", "Wq7vLmz93kdR"),
        ("{'password' : 'Wq7vLmz93kdR'}", "Wq7vLmz93kdR"),
        ("config secret:Wq7vLmz93kdRx8Tb ok", "Wq7vLmz93kdRx8Tb"),
        ("note: not-an-arn:210987654321:secret:Wq7vLmz93kdRx8Tb", "Wq7vLmz93kdRx8Tb"),
    ],
)
def test_values_outside_ternaries_and_arns_go(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "data:Lm4+q9Wz,tag:Hq7rVx2Lm9Zt+pw==,type:str]",
            "data:Lm4+q9Wz,tag:Hq7rVx2Lm9Zt+pw==,type:str]",
        ),
        ("sig Zk3Rv8+token=Hq7rT2mVk9pLx4 end", "sig Zk3Rv8+token=Hq7rT2mVk9pLx4 end"),
        ("x +pw=Hq7rT2mVk9pLx4", "x +pw=<redacted:password>"),
        ("opts: pw=Hq7rT2mVk9pLx4", "opts: pw=<redacted:password>"),
    ],
)
def test_a_key_word_at_the_tail_of_a_base64_run_is_no_key(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """``…Zt+pw==``: the word after a ``+`` inside a base64 run (sops' tag) is no key; a key
    after a blank or a lone ``+`` still is."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('password       = "rootpasswd"', 'password       = "<redacted:password>"'),
        ("db_token            = Xq7vLp2zKa9wR3tM", "db_token            = <redacted:token>"),
        ("api_key\t\t\t: Xq7vLp2zKa9wR3tM", "api_key\t\t\t: <redacted:api-key>"),
    ],
)
def test_keys_aligned_in_a_column_are_read(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """HCL, TOML and ini files pad keys with blanks up to the separator (``ALIGNED``)."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'password_file       = "/etc/app/pw"',
        "max_tokens          = 4096",
        'password            = "${var.db_password}"',
    ],
)
def test_aligned_non_secret_keys_and_references_stay(anonymizer: Anonymizer, text: str) -> None:
    """Aligned keys are judged as any key: data keys and references stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("export VENDOR_KEY=q7@Lx2)v>9Tz(Wm^4", "export VENDOR_KEY=<redacted:high-entropy>"),
        ("DB_PASSWORD=Ab3]x<7Kq{Lm9!zz", "DB_PASSWORD=<redacted:password>"),
    ],
)
def test_an_unquoted_value_with_unpaired_brackets_is_read_whole(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Brackets and redirections that pair as no code's are a drawn value's (``past_symbols``)."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "API_KEY=getenv(VENDOR_KEY2)",
        "SECRET_KEY=os.environ.get(names[1])",
        "password=abc>out.txt",
    ],
)
def test_calls_subscripts_and_short_redirections_stay(anonymizer: Anonymizer, text: str) -> None:
    """Paired brackets are code; a short word before ``>`` is a redirection."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        # A shell variable's expansion before a search path's ``:``: no key of its own.
        "export NIX_PATH=nixpkgs=/nix/var/nix:by-cwd=$PWD:by-rel=./lib",
        "PATH=$PWD:node18x/bin:$PATH",
        "LD_LIBRARY_PATH=$PWD:lib64x86",
        # Another option's setting as the value: lower-case words, ``=``.
        'echo "PASS: max-jobs=8 sets NIX_BUILD_JOBS"',
        "PASS: build_cores=4 ok",
        "pwd: search-path=/opt/x2",
    ],
)
def test_an_expansion_or_another_options_setting_is_no_value(
    anonymizer: Anonymizer, text: str
) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("PASS: Hq7rT2mVk9pLx4=", "Hq7rT2mVk9pLx4="),  # base64's padding, no option's name
        ("pass: x-Hq7rT2mVk9=pLx4", "Hq7rT2mVk9=pLx4"),  # one short word, no option's name
        ("PASS: Build-Cores=Hq7rT2mVk9", "Hq7rT2mVk9"),  # capitals: no option's name
        ("PWD:Hq7rT2mVk9pLx4", "Hq7rT2mVk9pLx4"),  # no ``$``: a key
        ("x=$PWD=Hq7rT2mVk9pLx4", "Hq7rT2mVk9pLx4"),  # ``=`` after the expansion, no list's ``:``
    ],
)
def test_a_password_beside_an_expansion_or_an_option_goes(
    anonymizer: Anonymizer, text: str, secret: str
) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Password:** Wq4zLm8Tx2Rp", "**Password:** <redacted:password>"),
        ("- **db_token**: n7QxV2kLp9Zt", "- **db_token**: <redacted:token>"),
        ("*password*: `Birch^31xQ`", "*password*: `<redacted:password>`"),
    ],
)
def test_a_label_in_markdown_emphasis_is_a_key(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """An assistant's answer sets a label in bold or italics: the stars are no part of the value."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    ["**Token:** see below", "**Password:** (unchanged)", "x = 2 ** password_length"],
)
def test_emphasis_before_words_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize("separator", ["=", ":"])
def test_the_key_gates_possessive_runs_find_what_giving_back_would(separator: str) -> None:
    # ``key_gate``'s suffix and aligned blanks never give characters back: the same separators
    # are found as with the runs that do, over suffixes and blank runs around their bounds.
    gate = assignments.key_gate(separator)
    giving = re.compile(gate.pattern.replace("{1,12}+", "{1,12}").replace("{3,64}+", "{3,64}"))
    assert giving.pattern != gate.pattern
    texts = [
        f"{head}{key}{tail}{blanks}{separator} v"
        for head in ("", "x ", "my_")
        for key in ("password", "api_key", "token", "tokens", "secret2", "notakey")
        for tail in ("", "_" + "p" * 11, "_" + "p" * 12, "_" + "p" * 13, ".prod", "-x1")
        for blanks in ("", " ", "  ", "\t" * 3, " " * 64, " " * 65, " " * 70)
    ]
    for text in texts:
        reversed_text = text[::-1]
        found = [match.start() for match in gate.finditer(reversed_text)]
        assert found == [match.start() for match in giving.finditer(reversed_text)], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("password: !!str Pq8Zt3Lm6Wx1", "password: !!str <redacted:password>"),
        ("  smtp_password: !!str 'Pq8Zt3Lm6Wx1'", "  smtp_password: !!str '<redacted:password>'"),
        ("api_token: !!binary UHE4WnQzTG02V3gxUHE4", "api_token: !!binary <redacted:token>"),
    ],
)
def test_a_yaml_tag_before_a_value_stays(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """YAML's standard tags (``!!str``, ``!!binary``) stand before the value, they are none."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "password: !secret smtp_password",
        "password: !vault |",
        "token: !!str 123456",
        "password: !!null",
        "MasterUserPassword: !Ref DbPassword",
    ],
)
def test_yaml_tags_of_references_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MANIFEST_AUTH_TOKEN='Xq7nor\\bZjFprN3W[D9dz6nm5Eq7' make deploy",
            "MANIFEST_AUTH_TOKEN='<redacted:token>' make deploy",
        ),
        ("[Account]\nauthToken=^wq0s\\lfIqYP7tfic2hTiGaY", "[Account]\nauthToken=<redacted:token>"),
        (
            "endpoint=https\\://api.example.com/v1\nnumbat.api.token=elastic\\:Pq8#ssw0rd$1",
            "endpoint=https\\://api.example.com/v1\nnumbat.api.token=<redacted:token>",
        ),
        (
            "numbat.api.token: SG.j2pcu\\=..9lmoxkpk_esqfjs_37s0kmyh",
            "numbat.api.token: <redacted:token>",
        ),
        ('{"numbat_secret": "Rk2v\\Gx9Lm4Qw7Zt3"}', '{"numbat_secret": "<redacted:secret>"}'),
    ],
)
def test_a_backslash_inside_a_value_is_part_of_it(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A printable draw holds a ``\\`` now and then, and ``.properties`` escapes ``:`` and ``=``."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # JSON's escapes end the value, once or twice escaped.
        (
            '{"cmd": "export API_TOKEN=Rk2vGx9Lm4Qw7Zt3\\nLOG_LEVEL=info"}',
            '{"cmd": "export API_TOKEN=<redacted:token>\\nLOG_LEVEL=info"}',
        ),
        (
            '{"out": "{\\"x\\": \\"DEBUG=1\\\\nAPI_TOKEN=Rk2vGx9Lm4Qw7Zt3\\\\nPORT=80\\\\n\\"}"}',
            '{"out": "{\\"x\\": \\"DEBUG=1\\\\nAPI_TOKEN=<redacted:token>\\\\nPORT=80\\\\n\\"}"}',
        ),
        ('{\\"password\\": \\"Rk2vGx9Lm4Qw7Zt3\\"}', '{\\"password\\": \\"<redacted:password>\\"}'),
    ],
)
def test_an_escape_after_a_value_ends_it(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "password_file = D:\\keys\\numbat\\pw.txt",
        "token = %APPDATA%\\numbat\\token.txt",
        'token_pattern = r"(?u)\\b\\w\\w+\\b"',
        "apiVersion: v1\\nkind: Secret\\nmetadata:\\n  name: api-key\\n  namespace: web",
    ],
)
def test_a_path_or_pattern_with_backslashes_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'hmacKey := []byte("q8Rt2vLm9xWp3nZa")',
            'hmacKey := []byte("<redacted:api-key>")',
        ),
        ("jwtSecret = []byte(`q8Rt2vLm9xWp3nZa`)", "jwtSecret = []byte(`<redacted:secret>`)"),
        ('msg := []byte("hello world")', 'msg := []byte("hello world")'),
        (
            'hmacKey := []byte(os.Getenv("HMAC_KEY"))',
            'hmacKey := []byte(os.Getenv("HMAC_KEY"))',
        ),
    ],
)
def test_a_go_literal_converted_to_bytes_is_the_value(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """Go's ``[]byte("V")`` is a literal's prefix (``rules.STRING_PREFIX``, bench/probes43): the
    value under a secret's name goes; a variable read and a name naming no secret stay."""
    assert anonymizer.anonymize(text) == expected
