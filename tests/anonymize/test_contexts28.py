"""Forms found by bench/contexts28 (developer formats): a value alone on its line after a line in
another language that introduces it, a value a question offers and the next clause names
(``…? that's the API key``), ``dotnet nuget``'s password flag and
HTTPie's ``--auth``, Kotlin's and PHP's Elvis fallback, concatenated string literals, a ``secret
key`` lead word, a value in parentheses after its name, one a note says was exposed, Korean's
``키는``, and base64 of a sentence."""

from __future__ import annotations

import base64

import pytest

from fedlearn.anonymize import Anonymizer, public_base64


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A line in another language that introduces a secret, then the value alone.
        (
            "Bonjour,\n\nvoici le nouveau jeton Kestrel :\n\nq8z1w6t3p5v0b8n3c7d2f9g4r7k2m9x4\n\nMerci",
            "Bonjour,\n\nvoici le nouveau jeton Kestrel :\n\n<redacted:secret-value>\n\nMerci",
        ),
        (
            "der neue Schlüssel für Bussard lautet:\nZq8vT1mN4pXk2Lp9Zt7Wc3Rb",
            "der neue Schlüssel für Bussard lautet:\n<redacted:secret-value>",
        ),
        (
            "> la contraseña de la base es:\n>\n> Wn4pLx9Q2vZt7Kc3",
            "> la contraseña de la base es:\n>\n> <redacted:secret-value>",
        ),
        # A value a question offers, which the next clause names as a secret.
        (
            "could you retry with r7k2m9x4q8z1w6t3p5v0b8n3? that's the API key from 1Password",
            "could you retry with <redacted:secret-value>? that's the API key from 1Password",
        ),
        (
            "paste 5e0a9c4b72d1f8e3a0b6c2d9e4f1, it\u2019s the token for staging",
            "paste <redacted:secret-value>, it\u2019s the token for staging",
        ),
        # ``dotnet nuget``'s password flags; HTTPie's ``user:password``.
        (
            "dotnet nuget add source https://pkgs.example.org/v3/index.json -n corp -u ci"
            " -p Zq8vT1mN4pXk2Lp9 --store-password-in-clear-text",
            "dotnet nuget add source https://pkgs.example.org/v3/index.json -n corp -u ci"
            " -p <redacted:password> --store-password-in-clear-text",
        ),
        (
            "http -a alice:Wn4pLx9Q2v GET https://api.example.org/me",
            "http -a alice:<redacted:password> GET https://api.example.org/me",
        ),
        (
            "https -a 'deploy:Zq8v#T1mN4' POST api.example.org/jobs",
            "https -a 'deploy:<redacted:password>' POST api.example.org/jobs",
        ),
        # Kotlin's and PHP's Elvis fallback under a secret's name.
        (
            'val apiToken = System.getenv("KESTREL_API_TOKEN") ?: "c0ffee1d2e3f4a5b6c7d8e9f0a1b"',
            'val apiToken = System.getenv("KESTREL_API_TOKEN") ?: "<redacted:token>"',
        ),
        (
            "$secret = getenv('BUSSARD_SECRET') ?: 'Zq8vT1mN4pXk2Lp9Zt7W';",
            "$secret = getenv('BUSSARD_SECRET') ?: '<redacted:secret>';",
        ),
        # Two string literals joined by a concatenation operator are one string.
        (
            "final headers = {'Authorization': 'Bearer ' + 'q8z1w6t3p5v0b8n3c7d2f9g4r7k2m9x4'};",
            "final headers = {'Authorization': 'Bearer ' + '<redacted:authorization>'};",
        ),
        (
            '$ok = putenv("KESTREL_SECRET_KEY=" . "0qakns5gm6xak2uj5w2bzccf");',
            '$ok = putenv("KESTREL_SECRET_KEY=" . "<redacted:api-key>");',
        ),
        (
            'header = "token=" ++ "r7k2m9x4q8z1w6t3p5v0b8n3"',
            'header = "token=" ++ "<redacted:token>"',
        ),
        # A value in parentheses right after a secret's name.
        (
            "it fails even though my API key (xM98lZh20vZs) is fresh",
            "it fails even though my API key (<redacted:secret-value>) is fresh",
        ),
        (
            "the client secret (5e0a9c4b72d1f8e3a0b6c2d9) expired yesterday",
            "the client secret (<redacted:secret-value>) expired yesterday",
        ),
        # An error or note that names the secret, the value, then says it was exposed.
        (
            "The old password c19c2539c53367c726a5c04c was pushed by mistake",
            "The old password <redacted:secret-value> was pushed by mistake",
        ),
        ("token 9c41fe07b2d8a3c5e6f10b4d was leaked", "token <redacted:secret-value> was leaked"),
        # Korean's topic particle on the word for key.
        (
            "kestrel API \ud0a4\ub294 ylbfjtn6av8rhb2ob5a2a7znbv3i267v \uc785\ub2c8\ub2e4",
            "kestrel API \ud0a4\ub294 <redacted:secret-value> \uc785\ub2c8\ub2e4",
        ),
        # A value alone after an introducing line: letters of one case and digits, drawn a
        # little under the entropy bar of other values alone.
        (
            "Hi team,\n\nthe new client secret for kestrel is:\n\nqdmxigxqpkpo8i38zxfuxct3d2\n\nBest",
            "Hi team,\n\nthe new client secret for kestrel is:\n\n<redacted:secret-value>\n\nBest",
        ),
        (
            "voici le nouveau jeton bussard :\n\nb5dqwx8bzqkzrl7yz\n",
            "voici le nouveau jeton bussard :\n\n<redacted:secret-value>\n",
        ),
        # A ``secret key`` name is one lead word (not ``secret`` and a gap of ``_key``).
        (
            "\u2502 KESTREL_SECRET_KEY \u2502 I5SYNPRFZI41WHVQWWUT0GNXFMO104343E7CXF \u2502",
            "\u2502 KESTREL_SECRET_KEY \u2502 <redacted:secret-value> \u2502",
        ),
    ],
)
def test_contexts28_forms_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # An introducing line in another language whose next line is a word, or nothing drawn.
        "la nueva clave de la reunión es:\n\nconfiguracion-general\n\nSaludos",
        "le jeton d'accès est :\n\nvoir le coffre\n",
        # ... or names joined by ``_``, a release, an image, a date.
        "the cache key is:\nbuild_cache_v2_x86\n",
        "the key used is:\nubuntu2204jammyamd64\n",
        "secret key:\nrelease20240101abc\n",
        "the key is:\n2024-01-01-12-00-00\n",
        # A question's value the next clause names as no secret, or names a data key.
        "could you retry with release-candidate? that's the token name we agreed on",
        f"retry with {'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'}, that's the cache key",
        "is it 3.12.1? that's the version from the lock file",
        # ``dotnet`` commands whose ``-p`` is no password, or a reference.
        "dotnet run -p src/Kestrel.Api/Kestrel.Api.csproj",
        "dotnet nuget add source https://pkgs.example.org/v3/index.json -p $NUGET_PASSWORD",
        # HTTPie with a reference, a header or no password; prose with ``http`` and ``-a``.
        "http -a alice:$API_PASSWORD GET https://api.example.org/me",
        "http --auth-type=bearer GET api.example.org Authorization:$TOKEN",
        "the http proxy -a flag is deprecated, see user:password docs",
        # Elvis fallbacks under no secret name or of a placeholder.
        'val region = System.getenv("AWS_REGION") ?: "eu-west-1"',
        'val token = System.getenv("APP_TOKEN") ?: "changeme"',
        'val pattern = Regex("(?:" + "abc")',
        # Concatenations of ordinary strings, or of a literal and a variable.
        'url = "https://api.example.org/v1/" + "items?page=2"',
        'msg = "Hello " + "world, the token is " + name',
        "headers = {'Authorization': 'Bearer ' + token}",
        "$sep = ', ' . 'and'; $q = split('+', $s);",
        # Parentheses after a bare ``key`` or holding a word; a commit that was pushed.
        "the cache key (9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08) was rebuilt",
        "set the token (optional) and the password (see docs)",
        'LOG.debug("Refreshing access token (expires_in={}s)", expiresIn);',
        "renewed the access token (ttl=3600s, scope=read)",
        "the token (expires_at) was pushed to the queue",
        "commit 3f2a9c1e8b7d6f5a4c3b2a1f0e9d8c7b6a5f4e3d was pushed to main",
        "the token pipeline-release was published today",
        # Korean ``키는`` before no value; ``패키지`` (package) holds the syllable.
        "\uc0c8 \ud328\ud0a4\uc9c0 \ud0a4\ub294 \uc5c6\uc2b5\ub2c8\ub2e4",
        # A ``secret key`` cell with a short hex id or a word.
        "\u2502 KESTREL_SECRET_KEY \u2502 3f2a9c1e \u2502",
        "\u2502 KESTREL_SECRET_KEY \u2502 (not set) \u2502",
    ],
)
def test_contexts28_forms_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "plain",
    ["Internal billing service", "maintainer is platform team", "build from main, nightly"],
)
def test_base64_of_a_sentence_is_kept(anonymizer: Anonymizer, plain: str) -> None:
    text = f'"HttpHeaders": {{"X-Meta": "{base64.b64encode(plain.encode()).decode()}"}}'
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    "plain",
    [
        "svc-deploy:ghp_Zq8vT1mK2pLw9xYb4NcRt7Ue3Fa6Hd0Js5",
        "deploy bot uses Zq8vT1mK2pLw9xYb4NcRt7Ue3Fa6Hd0Js5 always",
        "the session password is Wn4pLx9Q2v for now",
    ],
)
def test_base64_of_a_secret_is_no_sentence(plain: str) -> None:
    assert not public_base64.is_sentence_base64(base64.b64encode(plain.encode()).decode())


def test_flag_gate_reads_a_key_word_inside_the_flag() -> None:
    """The RE2 gate of ``--flag value`` lets a flag with the key word inside it through, as the
    rule's own pattern reads it (``--with-token-export``): every path redacts the same bytes."""
    pytest.importorskip("re2")
    from fedlearn import config

    text = (
        "deploy login --with-token-export "
        "POSTMAN_TOKEN=PMAK-4da9cf52e57801fd06a51130-8f80bdced9746ec5aca9db85aefba975de-"
    )
    expected = "deploy login --with-token-export <redacted:token>"
    assert Anonymizer(config.Anonymize(), re2_after=0).anonymize(text) == expected
    assert Anonymizer(config.Anonymize(), use_re2=False).anonymize(text) == expected
