"""A bare ``key`` owned by the word, subscript or mapping before it (``anonymize.owned_keys``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ok so my Quokka key: 7c1e9a4b2d8f0e6a3c5b9d7f1a2e4c6b, pls don't paste it",
            "ok so my Quokka key: <redacted:high-entropy>, pls don't paste it",
        ),
        (  # a clause between ``key`` and its colon
            "here's the wombat key you asked for: 5e0b9c27d14af3",
            "here's the wombat key you asked for: <redacted:high-entropy>",
        ),
        (
            "the Numbat key we share with ops: Vq7Lm2Xr9Tk4Wz8P (rotate monthly)",
            "the Numbat key we share with ops: <redacted:high-entropy> (rotate monthly)",
        ),
        (
            "The Marmot key is Jx3nQ8rWv1LmT6yZp0Kd",
            "The Marmot key is <redacted:high-entropy>",
        ),
        (
            "$settings['tapir']['key'] = '6b0d2f9e-1c4a-4e8b-9f3d-2a7c5e1b8d60';",
            "$settings['tapir']['key'] = '<redacted:high-entropy>';",
        ),
        (
            '{"ocelot": {"key": "f0e1d2c3b4a5968778695a4b3c2d1e0f", "region": "eu"}}',
            '{"ocelot": {"key": "<redacted:high-entropy>", "region": "eu"}}',
        ),
        (
            "vendors:\n  okapi:\n    key: Wq7Rz2Lp9Xv4Nk6T\n    retries: 3",
            "vendors:\n  okapi:\n    key: <redacted:high-entropy>\n    retries: 3",
        ),
        (  # ``API key`` in prose: shorter than ``secret-value``'s 16
            "the API key: Tq8wLz3Rk9Vm2",
            "the API key: <redacted:high-entropy>",
        ),
        (  # words between ``the`` and the owner
            "here's the curl user key you asked for: elastic:Zq8@vT1m$4",
            "here's the curl user key you asked for: <redacted:high-entropy>",
        ),
        (
            "the numbat staging key: 0c4f9e2a7b1d58e3a6c2f0b9d4e71a85",
            "the numbat staging key: <redacted:high-entropy>",
        ),
        (  # an aside in parentheses closing the clause (bench/draws29)
            "the wombat key you asked for (wombat id 5e0b9c27): Xq7mT2vLp9Rk4",
            "the wombat key you asked for (wombat id 5e0b9c27): <redacted:high-entropy>",
        ),
        (
            "the Wombat key (for staging): Xq7mT2vLp9Rk4",
            "the Wombat key (for staging): <redacted:high-entropy>",
        ),
        (
            "here's the numbat key you asked for (numbat user ops;[bot7): C8N-IYA-9A6-5HM",
            "here's the numbat key you asked for (numbat user ops;[bot7): <redacted:high-entropy>",
        ),
        (
            "the numbat key you asked for (numbat user bob) (numbat host eu1.numbat.example): "
            "h5r0tp8u-l2ij-9uje-09eh-vi9jvhs3doml",
            "the numbat key you asked for (numbat user bob) (numbat host eu1.numbat.example): "
            "<redacted:high-entropy>",
        ),
        (
            "here is the api key you asked for: mK4pX9qT2wLr",
            "here is the api key you asked for: <redacted:secret-value>",  # framed's told value
        ),
        (  # a title-case label, in an answer's bold
            "- **Stripe Key:** Tq8wLz3Rk9Vm2",
            "- **Stripe Key:** <redacted:high-entropy>",
        ),
        (
            "API Key: mK4pX9qT2wLr",
            "API Key: <redacted:high-entropy>",
        ),
        (
            "api = Client(key='3e9b1f7c5a2d8e4f6b0c9a1d')",
            "api = Client(key='<redacted:high-entropy>')",
        ),
        (
            'svc = quoll.QuollClient( key = "9c4e7a1f-3b6d-4e8f-a5c7-b9e1d3f6a8c2")',
            'svc = quoll.QuollClient( key = "<redacted:high-entropy>")',
        ),
    ],
)
def test_an_owned_key_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """The owner before ``key`` makes it a credential's key: hex and UUIDs count."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "cache key: 7c1e9a4b2d8f0e6a3c5b9d7f1a2e4c6b",
        "Partition key: 9f2e4d6c8b0a1e3f",
        "$cfg['lookup']['key'] = '7c1e9a4b2d8f0e6a3c5b9d7f1a2e4c6b';",
        '{"sort": {"key": "created_at"}}',
        "its key is not set yet",
        'c = Client(key="production")',
        'r = cache.get(key="3e9b1f7c5a2d8e4f6b0c9a1d")',
        'c = Client(key=os.environ["QUOLL_KEY"])',
        "Quokka key: rotate-me-later",
        "API key: YOUR_API_KEY_HERE",
        "**Partition Key**: 7c1e9a4b2d8f0e6a3c5b9d7f1a2e4c6b",
        "**Sort Key:** created_at",
        "The API key is configured in settings",
        "API key: ~/.config/acme/api-key.txt",
        # a clause that says what the value is instead, or no owner
        "the SSH key fingerprint: 5e0b9c27d14af3aa",
        "the Wombat key id: 5e0b9c27d14af3",
        "the sort key for this table: 5e0b9c27d14af3",
        "The key you asked for: 5e0b9c27d14af3",
        "the wombat key you asked for: rotate-monthly",
        # an aside that says what the value is instead, or no owner's
        "the Wombat key (fingerprint): 5e0b9c27d14af3aa",
        "the Wombat key (sha256 hash): 5e0b9c27d14af3aa",
        "the Wombat key (id): 5e0b9c27d14af3",
        "the cache key (see the lockfile): 5e0b9c27d14af3aa",
        "the Wombat key (rotate monthly): rotate-monthly",
        "the Wombat key (prod) (fingerprint): 5e0b9c27d14af3aa",
        # a word between that names data or is no owner's
        "the old cache user key: Xq7mT2vLp9Rk4",
        "the public signing key: 0c4f9e2a7b1d58e3a6c2f0b9d4e71a85",
        "gathe curl user key: Xq7mT2vLp9Rk4",
        "object:\n  key: uploads/2026/12/report.pdf",
        # a reference names the secret it points to: a path or a name, never the value
        "      remoteRef:\n        key: ml/gateway/db\n        property: password",
        "envFrom:\n  - vaultRef:\n      key: kv/prod/billing\n      field: token",
    ],
)
def test_keys_owned_by_data_or_no_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    """Owners that name data, determiners, words, paths and names stay."""
    assert anonymizer.anonymize(text) == text
