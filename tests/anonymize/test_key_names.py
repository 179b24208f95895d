"""Tests of fedlearn.anonymize.key_names: which keys name a secret, which values under them are."""

from __future__ import annotations

from typing import Any

import pytest

from fedlearn.anonymize import Anonymizer, key_names


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("DB_PASSWORD", "password"),
        ("clientSecret", "secret"),
        ("apiKey", "api-key"),
        ("x-api-key", "api-key"),
        ("signingKey", "api-key"),
        ("Authorization", "authorization"),
        ("password_file", None),
        ("max_tokens", None),
        ("token_type", None),
        ("description", None),
        ("api_key_prod", "api-key"),
        ("SECRET_KEY_BASE", "api-key"),
        ("token_v2", "token"),
        ("db_pass_secure", "password"),
        ("secret_name", None),
        ("token_ttl", None),
        ("token_accessor", None),  # Vault's: looks a token up, logs in to nothing
        ("secret_id_accessor", None),
        ("accessor_token", "token"),
        ("password_policy", None),
        ("session_prod", None),
        ("sendemail.smtppass", "password"),  # ``git config -l`` prints names in lower case
        ("sendemail.work.smtppass", "password"),
        ("dbpass", "password"),
        ("MYSQL_ROOTPWD", "password"),
        ("bypass", None),
        ("compass", None),
        (".pgpass", None),  # PostgreSQL's password file
        ("proxypass", None),
        ("sendemail.smtpuser", None),
        ("fs.azure.account.key.acct.dfs.core.windows.net", "high-entropy"),  # Hadoop's, per account
        ("fs.azure.account.oauth2.client.secret.acct.blob.core.windows.net", "secret"),
        ("fs.azure.account.auth.type.acct.dfs.core.windows.net", None),
        ("acct.blob.core.windows.net", None),
    ],
)
def test_a_key_counts_when_it_ends_with_a_secret_word(key: str, rule: str | None) -> None:
    """``DB_PASSWORD`` is a password, ``apiKey`` an api-key; ``password_file`` names no secret."""
    assert key_names.classify_key(key) == rule


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        ("password", "hunter2xyz", "password"),
        ("DB_PASSWORD", "Zx8Qp2Lm9Vb4", "password"),
        ("password", "${X}", None),
        ("password", "", None),
        ("password", 3, None),
        ("password", None, None),
        ("password", ["hunter2xyz"], None),
        ("token", "<redacted:token>", None),
        ("description", "Zx8Qp2Lm9Vb4", None),
    ],
)
def test_field_secret_names_a_literal_under_a_secret_key(
    key: str, value: Any, rule: str | None
) -> None:
    """A JSON field is a secret when its key names one and its value is a literal string (not a
    reference, an empty string, a number, null, a list, or a placeholder already)."""
    assert key_names.field_secret(key, value) == rule


@pytest.mark.parametrize(
    ("key", "loose"),
    [
        ("key", True),
        ("cache_key", True),
        ("primaryKey", True),
        ("sortKey", True),
        ("signingKey", False),
        ("algolia_key", False),
        ("token", False),
    ],
)
def test_a_key_owned_by_a_data_word_is_loose(key: str, loose: bool) -> None:
    """``key`` alone and keys a data word owns hold ids; a provider's or a signing key does not."""
    assert key_names.is_loose(key) is loose


@pytest.mark.parametrize(
    ("value", "generated"),
    [
        ("jdkhsnsbovkzzya", True),
        ("NUZVODQOOKUPKHBCTSRA", True),
        ("YOURAPIKEYHERE", False),
        ("changeme", False),
        ("Zx8Qp2Lm9Vb4Rt6Y", True),
        ("aaaaaaaaaaaa", False),
        ("documentation", False),
    ],
)
def test_reads_generated_tells_draws_from_words(value: str, generated: bool) -> None:
    """Random runs of one case count as generated; words and placeholders do not."""
    assert key_names.reads_generated(value, 8) is generated


@pytest.mark.parametrize(
    ("value", "minimum", "drawn"),
    [
        ("Zx8Qp2Lm9Vb4Rt6Y", 8, True),
        ("jdkhsnsbovkzzya", 8, True),
        ("Zx8Qp2Lm9Vb4Rt6Y", 20, False),  # shorter than asked
        ("production", 8, False),  # a word
        ("/var/lib/postgresql/data", 8, False),  # a path
        ("PERPLEXITY_API_KEY", 8, False),  # a name
    ],
)
def test_reads_drawn_is_generated_and_no_name(value: str, minimum: int, drawn: bool) -> None:
    """``reads_drawn``: ``reads_generated`` and not ``words.is_named``, the test a dozen judges
    share."""
    assert key_names.reads_drawn(value, minimum) is drawn


def test_a_qualified_keys_value_must_look_generated() -> None:
    """Under ``api_key_prod`` a generated value is a secret, a word or short hex is not; hex of
    32 or more is (``SECRET_KEY_BASE``'s shape), unless the key names a hash."""
    assert key_names.is_suffixed("api_key_prod") and not key_names.is_suffixed("api_key")
    assert key_names.is_secret_value("api-key", "api_key_prod", "Zx8Qp2Lm9Vb4Rt6Y")
    assert not key_names.is_secret_value("api-key", "api_key_prod", "production")
    assert not key_names.is_secret_value("api-key", "api_key_prod", "9f86d081884c7d65")
    assert key_names.is_secret_value("api-key", "api_key_prod", "9f86d081884c7d659a2feaa0c55ad015")
    assert key_names.is_suffixed("token_fingerprint")
    assert not key_names.is_secret_value(
        "token", "token_fingerprint", "9f86d081884c7d659a2feaa0c55ad015"
    )


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("WIFI_PSK", "password"),
        ("psk", "password"),
        ("IpsecPsk", "password"),
        ("keyMaterial", "password"),
        ("snmp_community", "password"),
        ("SnmpCommunity", "password"),
        ("ldap_default_authtok", "password"),
        ("pg_verifier", "password"),
        ("MNEMONIC", "secret"),
        ("HUAWEICLOUD_AK", "api-key"),
        ("huaweicloud_sk", "secret"),
        ("OraclePwd", "password"),
        ("dbPwd", "password"),
        ("nkey-seed", "secret"),
        ("loop_readonly_macaroon", "token"),
        ("tapdMacaroon", "token"),
        ("macaroon_path", None),
        ("random_seed", None),
        ("ORACLEPWD", None),
        ("peak", None),
        ("desk", None),
        ("task", None),
    ],
)
def test_less_sure_secret_words_and_camel_case_pwd_name_secrets(key: str, rule: str | None) -> None:
    """``psk``, ``community``, ``authtok``, ``verifier``, ``mnemonic``, ``_ak``/``_sk`` and a
    camelCase ``Pwd``/``Psk`` end a secret's key; ``peak`` and ``desk`` do not."""
    assert key_names.classify_key(key) == rule


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        ("wifi_psk", "4e8up@g0RZ+GmfmnSl65JkBv", "password"),
        ("snmp_community", "P5G=mzOk_Syyptgt", "password"),
        ("snmp_community", "public", None),
        ("keyMaterial", "ucktvCYTFmEIfmV2Zu", "password"),
        ("keyMaterial", "passPhrase", None),
        ("community", "kubernetes-sigs", None),
        ("tokenVerifier", "JwtVerifier", None),
        ("code_verifier", "dBjftJeZ4CVPmB92K27uhbUJU1p1rwW1gFWFOEjXk", "password"),
        (
            "mnemonic",
            "canal acid bacon alley avocado angle carbon carbon banner coconut candy absorb",
            "secret",
        ),
        ("mnemonic", "see the wallet docs", None),
        ("HUAWEICLOUD_AK", "LLDJV2B2KMAK0ZN7CERX", "api-key"),
        ("OraclePwd", "hunter22", "password"),
        ("pool_macaroon", "0201047061636b02f801030a10b7c1e4d2a98f3366aa", "token"),
        ("pool_macaroon", "admin.macaroon", None),
    ],
)
def test_a_less_sure_key_takes_only_a_generated_value(
    key: str, value: str, rule: str | None
) -> None:
    """Under a less sure key word the value must look generated (or be a 12+ word seed phrase
    under ``mnemonic``): a community ``public``, a class name, prose stay."""
    assert key_names.field_secret(key, value) == rule


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("Passwort", "password"),
        ("DB_PASSWORT", "password"),
        ("пароль", "password"),
        ("Пароль", "password"),
        ("パスワード", "password"),
        ("contraseña", "password"),
        ("Токен", "token"),
        ("Schlüssel", "high-entropy"),
        ("passwort_file", None),
    ],
)
def test_a_secret_word_of_another_language_ends_a_key(key: str, rule: str | None) -> None:
    """``Passwort``, ``пароль``, ``パスワード`` name a password, ``Токен`` a token, ``Schlüssel``
    reads as ``key`` alone; a qualifier that names data still ends it (``passwort_file``)."""
    assert key_names.classify_key(key) == rule


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("GITLAB_RECOVERY_CODE", "secret"),
        ("ACCESS_CODE", "password"),
        ("lobechat.accessCode", "password"),
        ("backupCodes", "secret"),
        ("duo-bypass-code", "secret"),
        ("scratch_codes", "secret"),
        ("totpSeed", "secret"),
        ("mfa.seed", "secret"),
        ("admin_ntlm_hash", "password"),
        ("content_hash", None),  # ``nt_hash`` is not an ending of its own
        ("contentHash", None),
        ("random_seed", None),  # a seed of no authenticator
        ("error_code", None),
    ],
)
def test_kept_codes_seeds_and_nt_hashes_name_secrets(key: str, rule: str | None) -> None:
    """Recovery, backup and bypass codes, authenticator seeds and NTLM hashes name secrets."""
    assert key_names.classify_key(key) == rule


def test_a_count_of_recovery_codes_is_only_qualified() -> None:
    """``recovery_codes_remaining`` names the codes only through a qualifier: a count stays."""
    assert key_names.is_suffixed("recovery_codes_remaining")
    assert not key_names.is_secret_value("secret", "recovery_codes_remaining", "9")


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("oauth_bearer", "Xk2Lp9Zt7Wn3Rb8Yc", "high-entropy"),
        ("DropboxOauthBearer", "Q7v+Zp2Lk9Wt", "high-entropy"),
        ("oauth_bearer", "true", None),
        ("bearer", "Bearer", None),
    ],
)
def test_a_bearer_key_holds_a_generated_value(key: str, value: str, expected: str | None) -> None:
    """A key ending in ``bearer`` names a credential when its value looks generated."""
    assert key_names.field_secret(key, value) == expected


@pytest.mark.parametrize(
    ("key", "value", "secret"),
    [
        ("SecretId", "billing/stripe/webhook", False),  # a path of names in a secret store
        ("secretId", "prod/ledger-db/password", False),
        ("SecretId", "1d3c9a52-6f0e-4b8a-9c27-5e4f8d2b7a61", True),  # Vault's AppRole secret id
        ("secretId", "Wq7/vLmz93kdRx8T", True),  # generated, with a slash
        ("password", "billing/stripe/webhook", True),  # a password may be any text
    ],
)
def test_a_secret_id_that_is_a_path_of_names_is_no_secret(
    key: str, value: str, secret: bool
) -> None:
    assert (key_names.field_secret(key, value) is not None) is secret


@pytest.mark.parametrize(
    ("key", "value", "secret"),
    [
        ("EXPIRED_REFRESH_TOKEN", "expired_refresh_token", False),  # an enum naming itself
        ("WRONG_PASSPHRASE", "wrong_passphrase", False),
        ("WRONG_PASSPHRASE", "wrong_passphrase_7Kq2", True),  # more than its name
        ("wrong_passphrase", "wrong_passphrase", True),  # no constant: a password may be anything
        ("PASSPHRASE", "passphrase", True),  # one word: a default password
    ],
)
def test_a_constant_whose_value_is_its_own_name_is_no_secret(
    key: str, value: str, secret: bool
) -> None:
    assert (key_names.field_secret(key, value) is not None) is secret


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        ("encrypt", "pU4xR9mW2kTq7Lz0vNc8Yb3Hs6Jd1Fg5Ae2Qw9Er7Ty=", "secret"),
        ("GOSSIP_ENCRYPT", "Zm9vYmFyYmF6cXV1eDEyMzQ1Njc4OTAxMjM0NTY3OA==", "secret"),
        ("encrypt", "true", None),
        ("encrypt", "aes-256-gcm", None),
        ("S2_Authenticated", "5C0A93E17B2D48F6A01C3E9D7F2B6A48", "secret"),
        ("s0-legacy", "0F3E8A2C91B74D56E08A1C3F5B7D9E20", "secret"),
        ("S2_Unauthenticated", "0x5C0A93E1", None),
    ],
)
def test_gossip_and_z_wave_keys_take_a_generated_value(
    key: str, value: str, rule: str | None
) -> None:
    """Consul's and Nomad's gossip ``encrypt`` key and Z-Wave JS's security classes
    (``S2_AccessControl``, ``S2_Authenticated``, ``S2_Unauthenticated``, ``S0_Legacy``) name a key:
    a generated value under them is a secret, ``true`` or a cipher's name is not."""
    assert key_names.field_secret(key, value) == rule


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("sumologic.accessId", "qa7XK29hbWtLm3"),
        ("SUMOLOGIC_ACCESSID", "qaRt5xLw09PmZe"),
        ("vendor_access_id", "Np4kT8vW2xQ7rZ"),
        ("access-id", "3c9f1e7a5b2d4f6e8a0c"),
    ],
)
def test_a_drawn_value_under_an_access_id_is_a_credential_half(key: str, value: str) -> None:
    """An access id is half a credential, as AWS's access key id is (``GUARDED``)."""
    assert key_names.classify_key(key) == "api-key"
    assert key_names.is_secret_value("api-key", key, value)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("access_id", "1234567890123"),  # a number
        ("ACCESS_ID", "my-access-name"),  # a name
        ("access_id", "1234567890abcdef1234567890abcdef"),  # counted hex
        ("accessId", "public"),
    ],
)
def test_numbers_names_and_counted_hex_under_an_access_id_stay(key: str, value: str) -> None:
    """Only values that read as drawn count under the guarded ``access id``."""
    assert not key_names.is_secret_value(key_names.classify_key(key) or "", key, value)


@pytest.mark.parametrize(
    "text",
    [
        # A key naming a set of secrets (plural), its value that set's name: words with ``secrets``.
        'variable "tenant_secrets" {\n  default     = "tenantsecrets"\n}',
        "APP_SECRETS=billing-app-secrets",
        "secrets: ci-shared-secrets",
        "K8S_SECRETS=prod-db-secrets",
    ],
)
def test_the_name_of_a_set_of_secrets_stays(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("APP_SECRETS=hunter2hunter2", "hunter2hunter2"),  # no ``secrets`` in it: a password
        ("app_secret=billing-app-secrets", "billing-app-secrets"),  # one secret's key
        ("SECRETS: xq7secretsvbz9k", "xq7secretsvbz9k"),  # no words
        ('client_secrets: "Secrets-Zq8vT1mN4pXk2Lp9"', "Zq8vT1mN4pXk2Lp9"),  # capitals, a draw
    ],
)
def test_a_secret_under_a_plural_key_goes(anonymizer: Anonymizer, text: str, secret: str) -> None:
    assert secret not in anonymizer.anonymize(text)


@pytest.mark.parametrize(
    ("value", "generated"),
    [
        # fewer characters to draw from repeat more: one case and digits, hex of 12 or more
        ("wxs9xo9bcpb9", True),
        ("k2031as1007a", True),
        ("7GDLJLSJJ7RD8", True),
        ("00a18a3cc81590", True),
        ("8596e5b4785bb7", True),
        ("12C81E2F2848DC8", True),
        # made up: repeated, counted, or a short hex id
        ("k2k2k2k2zzzz", False),
        ("aaaabbbb1111cc", False),
        ("abcabc123123", False),
        ("7ffd7c5d4d6", False),
        # eight or nine: a token's shortest draws (one letter twice or thrice), not a word's
        ("mlm9iqkm", True),
        ("kqm7kxzk", True),
        ("KULOcaja", True),
        ("server01", False),
        ("prod2024", False),
        ("aaaa1111", False),
        ("eu-west-1", False),
    ],
)
def test_a_short_draw_is_judged_by_its_alphabet(value: str, generated: bool) -> None:
    """A short draw's entropy may fall further below its length's the narrower its alphabet."""
    assert key_names.reads_generated(value, 8) is generated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "export ACCESS_CODE=obGXAxgAiHbjsRjz && python -m evals.run",
            "export ACCESS_CODE=<redacted:password> && python -m evals.run",
        ),
        (
            "bad settings {&quot;ACCESS_CODE&quot;: &quot;7We0zy1liGXci6dP&quot;}",
            "bad settings {&quot;ACCESS_CODE&quot;: &quot;<redacted:password>&quot;}",
        ),
        (
            "lobechat:\n  accessCode: Xk2Lm9Qp4Vb7Rt5W",
            "lobechat:\n  accessCode: <redacted:password>",
        ),
        ('{"access_code": "gyCkDgLQni1mJBxP"}', '{"access_code": "<redacted:password>"}'),
    ],
)
def test_an_access_code_is_a_password(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """LobeChat's ``ACCESS_CODE`` (a code that lets a person in) is judged as a password whose
    value must look generated, as the other less sure words are (``key_names.GUARDED``)."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ACCESS_CODE=1234",
        "access_code: required",
        "the access code is sent by mail",
        "ACCESS_CODE=${LOBE_ACCESS_CODE}",
        "access_code_length: 8",
        "accessCodeExpiry = 3600",
    ],
)
def test_an_access_codes_data_and_short_codes_stay(anonymizer: Anonymizer, text: str) -> None:
    """A short code, a word, prose, a reference and data about the code stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("value", "drawn"),
    [
        ("-9AH-EOVezxZ", True),
        ("-pEoKmyaIg2lJO", True),
        ("-HO*7lKoGq", True),
        ("--password-file", False),
        ("-p", False),
        ("--key=abc", False),
        ("-Dfoo.bar=1", False),
        ("----", False),
        ("-Xmx2g", False),
        ("-${API_TOKEN}-", False),
    ],
)
def test_a_drawn_value_may_start_with_a_dash(value: str, drawn: bool) -> None:
    """A generated password starting with ``-`` is a value; an option's spelling is not."""
    assert key_names.is_secret_value("password", "password", value) is drawn


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("not_secret", None),
        ("NON_SECRET", None),
        ("notAPassword", None),
        ("not-a-secret", None),
        ("nonsecret", None),
        ("non_prod_password", "password"),  # negates ``prod``, not the password
        ("nonProdPassword", "password"),
        ("nonce_secret", "secret"),
        ("notion_token", "token"),
        ("annotation_secret", "secret"),
    ],
)
def test_a_key_that_negates_its_secret_word_names_none(key: str, rule: str | None) -> None:
    """``not_secret = notapassword`` (detect-secrets' negative fixture) names no credential; a
    negation of another word, or a word that starts with ``non``/``not``, leaves the key's rule."""
    assert key_names.classify_key(key) == rule


def test_a_git_listing_s_lower_case_smtp_password_goes(anonymizer: Anonymizer) -> None:
    """``git config -l`` prints ``sendemail.smtpPass`` as ``sendemail.smtppass``: still a password;
    the server and user beside it stay."""
    text = (
        "$ git config -l\nsendemail.smtpserver=smtp.example.org\nsendemail.smtpuser=anna\n"
        "sendemail.smtppass=Vq3kT9xLm2pR"
    )
    expected = text.replace("Vq3kT9xLm2pR", "<redacted:password>")
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"type": "gitea", "authorization_header": "Bearer ibWWlZcUUqQMHHEajlFo"}',
            '{"type": "gitea", "authorization_header": "Bearer <redacted:authorization>"}',
        ),
        (
            "authorization-header: Bearer 3041701440632251",
            "authorization-header: Bearer <redacted:authorization>",
        ),
        ("authorization_header_name: Authorization", "authorization_header_name: Authorization"),
        ("auth_header_format: bearer", "auth_header_format: bearer"),
    ],
)
def test_a_key_naming_the_authorization_header_holds_its_value(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """``authorization_header`` holds the header's value (a webhook's, bench/contexts40): the
    scheme word stays, the credentials go; a key naming the header's name or format stays."""
    assert anonymizer.anonymize(text) == expected


def test_a_hadoop_azure_key_named_with_its_account_s_host_goes(anonymizer: Anonymizer) -> None:
    """``spark.conf.set("fs.azure.account.key.<account>.dfs.core.windows.net", V)``: the setting
    before the account's host names the key (bench/probes43); the auth type beside it stays."""
    text = (
        'spark.conf.set("fs.azure.account.key.acct.dfs.core.windows.net", '
        '"007c8b06d6e14813c31ff43f8513e25a")\n'
        'spark.conf.set("fs.azure.account.auth.type.acct.dfs.core.windows.net", "SharedKey")'
    )
    assert anonymizer.anonymize(text) == text.replace(
        "007c8b06d6e14813c31ff43f8513e25a", "<redacted:high-entropy>"
    )
