"""The endings of a key's name that say it names a secret: a key (``api_key``, ``signing.key``,
``openai-key``: an owner's word before ``key``), a password (``password``, ``db_pass``) and a
service's name joined to ``pass``/``pwd`` in one word (``smtppass``). ``key_names`` classifies a
key by them."""

from __future__ import annotations

KEY_OWNERS = (
    "api",
    "access",
    "private",
    "signing",
    "encryption",
    "master",
    "subscription",
    "client",
    "app",
    "license",
    "auth",
    "hmac",
    "openai",
    "anthropic",
    "mistral",
    "cohere",
    "groq",
    "together",
    "perplexity",
    "replicate",
    "gemini",
    "google",
    "hf",
    "huggingface",
    "stripe",
    "sendgrid",
    "mailgun",
    "deepseek",
    "xai",
    "fireworks",
    "secret",
)
KEY_ENDINGS = tuple(
    f"{owner}{separator}key" for owner in KEY_OWNERS for separator in ("", "_", ".", "-")
)
PASSWORD_ENDINGS = (
    "password",
    "passwd",
    "passphrase",
    "passcode",  # a meeting's, STOMP's, a door's
    *(f"{separator}{word}" for word in ("pass", "pwd", "pw") for separator in ("_", ".", "-")),
)
# A service's or account's short name joined to ``pass``/``pwd`` in one lower-case word, as git
# prints its settings (``git config -l``: ``sendemail.smtppass``, git's ``sendemail.smtpPass``)
# and ini files write them (``dbpass``, ``rootpwd``): the word alone or after ``.``, ``_``, ``-``.
# Not ``pg``/``proxy``: ``.pgpass`` names PostgreSQL's password file, ``ProxyPass`` Apache's route.
JOINED_OWNERS = [
    "smtp",
    "imap",
    "pop",
    "pop3",
    "ftp",
    "sftp",
    "db",
    "sql",
    "mysql",
    "ldap",
    "root",
    "admin",
    "vnc",
    "rdp",
    "ssh",
    "wifi",
    "mail",
    "redis",
    "bind",
]
JOINED_PASSWORDS = tuple(f"{owner}{word}" for owner in JOINED_OWNERS for word in ("pass", "pwd"))
JOINED_ENDINGS = tuple(
    f"{separator}{joined}" for joined in JOINED_PASSWORDS for separator in (".", "_", "-")
)
