"""Write bench/weak44's corpus: chosen passwords under a secret's key or name, and look-alikes.

    python bench/weak44/make.py

Each secret row puts a weak value (a word and digits, a capitalised word with digits and a
symbol, a placeholder word with digits, a short draw of both cases and a digit) in a real tool's
or language's line under a password's, a token's or an API key's name, or in prose that says
what a password is, or in a login told as a pair. Each benign row holds a look-alike the rules
must keep: widths and encodings (``base64``, ``uint32``), algorithm names (``HS256``),
placeholders (``changeme``), ids and hashes under keys that name them, versions, sentences.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

SECRETS = [
    ("token", "token=football84", "football84"),
    ("token", "export GITLAB_TOKEN=sunflower2019", "sunflower2019"),
    ("token", '{"auth_token": "monkey12", "user": "svc-deploy"}', "monkey12"),
    ("token", "  access_token: Raspberry77!\n  refresh: true", "Raspberry77!"),
    ("token", "curl -s 'https://api.example.com/v1/items?token=blueberry55&page=2'", "blueberry55"),
    ("token", "SLACK_BOT_TOKEN=Qw7rTyz", "Qw7rTyz"),
    ("token", 'HUBOT_AUTH_TOKEN="Baseball7$"', "Baseball7$"),
    ("api-key", 'secret_key = "welcome28"', "welcome28"),
    ("api-key", 'api_key = "tiger17"', "tiger17"),
    ("api-key", "OPENWEATHER_API_KEY=pineapple4471", "pineapple4471"),
    ("api-key", "config.api_key = 'Hamster2023#'", "Hamster2023#"),
    ("api-key", 'client = Client(api_key="4GDbfNW")', "4GDbfNW"),
    ("api-key", '    <add key="ApiKey" value="penguin88" />', "penguin88"),
    ("api-key", "stripe_secret_key: lighthouse909", "lighthouse909"),
    ("password", "db_pass = 'changeme43'", "changeme43"),
    ("password", "POSTGRES_PASSWORD=Changeme825#", "Changeme825#"),
    ("password", "docker run -e MYSQL_ROOT_PASSWORD=replaceme2024 mysql:8", "replaceme2024"),
    ("password", "password: Freedom59$", "Freedom59$"),
    ("password", "client_secret: Welcome51$", "Welcome51$"),
    ("password", "pw: Password187$", "Password187$"),
    ("prose", "the password is orange45", "orange45"),
    ("prose", "FYI the staging admin password is MG1qxvv, rotate it after the demo", "MG1qxvv"),
    ("prose", "Reset done. The new password is kestrel2031 until you change it.", "kestrel2031"),
    ("login", "login admin / master36", "master36"),
    ("login", "Login: admin / Y3Z2kIw", "Y3Z2kIw"),
    ("login", "creds: deploy / harbor77 (staging only)", "harbor77"),
]

BENIGN = [
    "token_encoding: base64",
    "token: base64",
    'auth_token = "uint32"',
    "api_key: float16",
    'secret_key: "HS256"',
    "jwt:\n  algorithm: RS256\n  secret_key_format: pkcs8",
    "token_id: monkey12",
    "api_key_sha: football84",
    "password: changeme",
    "password = CHANGEME",
    "api_key: changeme-in-prod",
    "token: hello",
    "max_tokens=4096",
    "The password is base64 encoded",
    "the password hash is sha256",
    "The password is required",
    "the token is football84 characters long? no: 64",
    "login admin / ubuntu",
    "credentials admin base64",
    "login: admin / see vault",
    "num_tokens: 2048\nmodel: llama3\ndtype: bfloat16",
    "tokenizer = AutoTokenizer.from_pretrained('gpt2')",
    '{"token": "Hello", "logprob": -0.12}',
    "api_version: v2beta1",
    "image: python:3.12-slim\ntoken_ttl: 3600",
    "password_min_length: 12",
    "ssh -p 2222 deploy@host",
    "ENCRYPTION: aes256",
    "key_algorithm: ed25519",
    "secret_name: prod-db-password",
]


def main() -> None:
    """Write secrets.jsonl and benign.jsonl next to this file."""
    with (HERE / "secrets.jsonl").open("w", encoding="utf-8") as handle:
        for family, text, secret in SECRETS:
            assert secret in text
            row = {"family": f"weak44:{family}", "text": text, "secret": secret}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (HERE / "benign.jsonl").open("w", encoding="utf-8") as handle:
        for text in BENIGN:
            handle.write(json.dumps({"family": "weak44:look-alike", "text": text}) + "\n")


if __name__ == "__main__":
    main()
