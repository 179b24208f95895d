"""Ruby's fallbacks for an environment variable (``env_fallbacks``), from the lead's form probes
(bench/probes43): ``ENV["K"] ||= "V"`` and ``ENV.fetch("K") { "V" }``; and what stays: keys that
name no secret, references, empty strings."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

WORDY = "314c_yb0i8nfmnuwedqb4r1vja1iqakg"

FOUND = [
    (f'ENV["API_KEY"] ||= "{WORDY}"', "<redacted:api-key>"),
    (f"ENV['DB_PASSWORD'] ||= '{WORDY}' # dev default", "<redacted:password>"),
    (f'config.token = ENV.fetch("AUTH_TOKEN") {{ "{WORDY}" }}', "<redacted:token>"),
    (f"secret = ENV.fetch('CLIENT_SECRET') do\n  '{WORDY}'\nend", "<redacted:secret>"),
    (
        f'# config/initializers/acme.rb\nENV["ACME_SECRET_TOKEN"] ||= "{WORDY}"\n',
        "<redacted:token>",
    ),
]


@pytest.mark.parametrize(("text", "placeholder"), FOUND)
def test_found(anonymizer: Anonymizer, text: str, placeholder: str) -> None:
    out = anonymizer.anonymize(text)
    assert WORDY not in out
    assert placeholder in out


KEPT = [
    'ENV["RAILS_ENV"] ||= "production"',
    'ENV.fetch("PORT") { "3000" }',
    'ENV.fetch("DB_PASSWORD") { "" }',
    'ENV["API_KEY"] ||= ENV["LEGACY_API_KEY"]',
    'ENV["SECRET_KEY_BASE"] ||= "${SECRET_KEY_BASE}"',
    "ENV.fetch('REDIS_URL') { 'redis://localhost:6379/1' }",
]


@pytest.mark.parametrize("text", KEPT)
def test_kept(anonymizer: Anonymizer, text: str) -> None:
    assert "<redacted" not in anonymizer.anonymize(text)
