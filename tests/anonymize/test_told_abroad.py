"""Secrets told in the prose of other languages (``anonymize.told_abroad``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Salut, ma clé d'API wombat est 7Qx2mLp9Rk4W mais ça ne marche pas.",
            "Salut, ma clé d'API wombat est <redacted:secret-value> mais ça ne marche pas.",
        ),
        (
            "Mein Zugangs-Schlüssel für numbat lautet Hv3kT8wq2ZpL, oder?",
            "Mein Zugangs-Schlüssel für numbat lautet <redacted:secret-value>, oder?",
        ),
        (
            "Mi contraseña es Tq9@vW*2mLx4 y no entra.",
            "Mi contraseña es <redacted:secret-value> y no entra.",
        ),
        (
            "Le jeton : « r7Kp2Wq9xLm4Zv » a expiré.",
            "Le jeton : « <redacted:secret-value> » a expiré.",
        ),
        (
            "Das Token für quokka ist m4Xq8Tz1Rw6Lp2.",
            "Das Token für quokka ist <redacted:secret-value>.",
        ),
        ("el token es 4bT9xq2LmZ8w y", "el token es <redacted:secret-value> y"),
        ("我的袋鼠密钥是Zr5Lq8Wm2Tx7\uff0c谢谢", "我的袋鼠密钥是<redacted:secret-value>\uff0c谢谢"),
        ("비밀번호는 Xk29dkq0LmZ8 입니다", "비밀번호는 <redacted:secret-value> 입니다"),
        ("мой пароль это Xk29dkq0LmZ8", "мой пароль это <redacted:secret-value>"),
        ("токен numbat — 60e3ee4019a2660010f8bc54", "токен numbat — <redacted:secret-value>"),
        ("Mijn wachtwoord is Zq8vT1mN4pXw", "Mijn wachtwoord is <redacted:secret-value>"),
        # English words in Indonesian, Malay and Vietnamese prose
        (
            "token wombat yang baru adalah r8kq2zvw5mx9tb3ln7, jangan dibagikan",
            "token wombat yang baru adalah <redacted:secret-value>, jangan dibagikan",
        ),
        ("API key numbat ialah Hv3kT8wq2ZpL", "API key numbat ialah <redacted:secret-value>"),
        ("password mới là Tq9@vW*2mLx4 nhé", "password mới là <redacted:secret-value> nhé"),
        (  # a Turkish word with its possessive suffix, a chosen value
            "wombat için yeni API anahtarı: k4ng~r00s!9",  # noqa: RUF001
            "wombat için yeni API anahtarı: <redacted:secret-value>",  # noqa: RUF001
        ),
        ("Numbat şifresi: Tq8vLz3K#p9", "Numbat şifresi: <redacted:secret-value>"),
        ("API anahtarınız: Hv3kT8wq2ZpL", "API anahtarınız: <redacted:secret-value>"),  # noqa: RUF001
        # after a vowel the suffix's own vowel drops: my, your (review29)
        ("Geçici şifreniz: Zq7vLk2pT9wx", "Geçici şifreniz: <redacted:secret-value>"),
        ("Wombat parolam: k4ng~r00s!9", "Wombat parolam: <redacted:secret-value>"),
        ("yeni şifren: Hv3kT8wq2ZpL", "yeni şifren: <redacted:secret-value>"),
        # Czech and Slovak, Hungarian, Vietnamese, Croatian (session 38's probes)
        ("Nové heslo: Tq8vLz3K#p9", "Nové heslo: <redacted:password>"),
        ("Az új jelszó: Hv3kT8wq2ZpL", "Az új jelszó: <redacted:password>"),
        ("mật khẩu: Zq7vLk2pT9wx", "mật khẩu: <redacted:secret-value>"),
        ("lozinka je Zq7vLk2pT9wx", "lozinka je <redacted:secret-value>"),
    ],
)
def test_a_value_told_in_another_language_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """A secret's word of another language, a copula, then a value that reads as one."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Das Passwort ist falsch.",
        "Der Schlüssel ist 4096 Bit lang",
        "La clé est AES-256-GCM.",
        "Le token est version 2.3.1",
        "der Schlüssel ist config/app.key",
        "la clave es https://vault.example.org/v1/kv",
        "Le mot de passe est trop court.",
        "APIキーは有効です。",
        "токен — это строка",
        "密钥是 abc123",
        # English words with English copulas are framed's; a key before ``es`` is no token's word
        "the token est",
        "monkey es Xk29dkq0LmZ8",
        "token sesi adalah string acak",
        "password ini adalah kebijakan baru",
        "Numbat parolası: güncellendi",  # a possessive suffix, then words  # noqa: RUF001
        "API anahtarı: gerekli",  # noqa: RUF001
        "Şifreniz: en az sekiz karakter olmalı",  # noqa: RUF001
        "secretin: a hormone of the duodenum",
        "tokenim: yok",
        "Wombat şifresi: config/app.key",
    ],
)
def test_words_and_names_told_abroad_stay(anonymizer: Anonymizer, text: str) -> None:
    """Words, sizes, versions, paths, URLs and short values stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nowy klucz API dla looker client: 1trrmam3erona5bwedbc (stary)", "1trrmam3erona5bwedbc"),
        ("Der neue Schlüssel für wombat lautet: hucdutty3umesjaap7ls", "hucdutty3umesjaap7ls"),
        ("the deploy token is svaclo91ush0ultmipo1, rotate it monthly", "svaclo91ush0ultmipo1"),
    ],
)
def test_a_drawn_lower_value_with_syllables_is_redacted(
    anonymizer: Anonymizer, text: str, value: str
) -> None:
    """Drawn lower-case letters and digits read as syllables in places; drawn, they are no name."""
    out = anonymizer.anonymize(text)
    assert value not in out and "<redacted:" in out


@pytest.mark.parametrize(
    "text",
    [
        "the token is ubuntu2204focal",
        "Der Schlüssel ist release-2024-candidate",
        "el token es python3-requests",
    ],
)
def test_named_values_told_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("> Der ApiToken lautet Zq8pLm3xTr7v\n", "> Der ApiToken lautet <redacted:secret-value>\n"),
        ("Le AccessToken est Wm4Rk9xPq2Tz.", "Le AccessToken est <redacted:secret-value>."),
        ("o AuthToken é hK7qPz2mWx9L", "o AuthToken é <redacted:secret-value>"),
    ],
)
def test_a_camel_case_token_told_abroad_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """An English secret word ending a capitalized camelCase word, then another language's copula."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Der ApiToken lautet falsch",
        "Der AccessToken ist abgelaufen",
        "le jeton est expiré",
        "myApiToken es Zq8pLm3xTr7v",  # lower camelCase: a variable, the key rules'
        "Der ApiToken lautet getApiToken",
    ],
)
def test_a_camel_case_word_told_abroad_stays(anonymizer: Anonymizer, text: str) -> None:
    """Words, a variable's name and a getter stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # as English's ``my api key is V`` (``owned_keys``): generated under ``api_key=``
        ("API\u30ad\u30fc\uff1aXjPSUOhREIN\uff08numbat\uff09", "XjPSUOhREIN"),
        ("Bonjour, ma clé d'API wombat est thisIsDog11 mais l'appel échoue.", "thisIsDog11"),
        ("> Der AuthToken lautet QKpzt=PipW\n> Bitte nicht weitergeben.", "QKpzt=PipW"),
        ('{"content": "Das Token für quokka ist: Rw6LpZmQxT, danke"}', "Rw6LpZmQxT"),
        ("Mi contraseña es wQ7zKpLmTrVx y no entra.", "wQ7zKpLmTrVx"),
        ("2026-12-07 10:02 WARN Der Schlüssel lautet Hq4mZtRxWp", "Hq4mZtRxWp"),
    ],
)
def test_a_short_value_generated_under_a_key_told_abroad_is_redacted(
    anonymizer: Anonymizer, text: str, value: str
) -> None:
    """A value told abroad that English's ``api key is V`` would redact: short, cases mixed."""
    out = anonymizer.anonymize(text)
    assert value not in out and "<redacted:secret-value>" in out


@pytest.mark.parametrize(
    "text",
    [
        "Der Schlüssel ist abgelaufen",  # a word the English lists do not know
        "Der AccessToken ist Ungültig",
        "Le mot de passe est Windows11",
        "El token es OAuth2",
        "El token es SHA256",
        "Der Schlüssel ist RS256",
        "La clave es iPhone15",
        "Der Token ist GitHub",
        "Der API-Schlüssel ist OpenAI",
        "Das Token lautet x86_64",
        "der Schlüssel ist utf-8",
        "La clé est config.yaml",
        "Das Passwort ist leerzeichen",
        "Le jeton est Bearer",
        "Le chiffrement de la clé est AES-256-GCM.",
        "Der Schlüssel ist X25519",
        "Der Schlüssel ist Ed25519",
        "Le modèle de la clé API est gpt-4o-mini",
        "El token es Python3.12",
        "Der Token ist Mistral-7B-Instruct",
    ],
)
def test_words_and_names_told_abroad_with_cases_or_digits_stay(
    anonymizer: Anonymizer, text: str
) -> None:
    """Names with digits or capitals (a product, an algorithm, a version) are no key's value."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lösenordet är EaZUZrwpPtu", "Lösenordet är <redacted:secret-value>"),
        ("Passordet er Xk9fQ2mLp7", "Passordet er <redacted:secret-value>"),
        ("Adgangskoden er Xk9fQ2mLp7", "Adgangskoden er <redacted:secret-value>"),
        ("Hasło to JXcaYioK6c, nie mów nikomu", "Hasło to <redacted:secret-value>, nie mów nikomu"),
        ("Το συνθηματικό είναι Xk9fQ2mLp7", "Το συνθηματικό είναι <redacted:secret-value>"),  # noqa: RUF001
        ("كلمة المرور هي q7sdTWx6uX9M", "كلمة المرور هي <redacted:secret-value>"),
        (
            "Das Passwort ist Sommer2024 seit gestern",
            "Das Passwort ist <redacted:secret-value> seit gestern",
        ),
    ],
)
def test_a_password_told_abroad_may_be_short(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """After a word for password (its definite form too), 8 characters that read generated or a
    word with digits are the password, as after English ``password is``."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hasło to jest ważne",
        "Lösenordet är fel",
        "Passordet er utløpt",
        "Der Token ist abgelaufen",
        "Der Schlüssel ist 4096 Bit lang",
    ],
)
def test_a_word_told_after_a_password_word_abroad_stays(anonymizer: Anonymizer, text: str) -> None:
    """A word of the language (wrong, expired, important) is no password."""
    assert anonymizer.anonymize(text) == text
