"""A value handed over after ``here:`` on a line of its own (``anonymize.handed``)."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("here: r8kq2wz5nx0vb7tm3lp9", "here: <redacted:secret-value>"),
        ("here you go: Hv3kT8wq2ZpLx6Rm\nthanks", "here you go: <redacted:secret-value>\nthanks"),
        (
            '{"role": "user", "content": "here: wq7_ZK2m9xLp4TvR8n\\nfrom the portal"}',
            '{"role": "user", "content": "here: <redacted:secret-value>\\nfrom the portal"}',
        ),
        ("ok\n  here it is: `QP7X2M9KZL4T8W3R`", "ok\n  here it is: `<redacted:secret-value>`"),
        (  # a secret's word: hex and UUIDs count
            "here is your key: 0c4f9e2a7b1d58e3a6c2f0b9d4e71a85",
            "here is your key: <redacted:secret-value>",
        ),
        (
            "here is your key: 5b1e8f3a-2c9d-4a7e-b6f0-1d3c5e7a9b20\n",
            "here is your key: <redacted:secret-value>\n",
        ),
    ],
)
def test_a_value_handed_over_is_redacted(anonymizer: Anonymizer, text: str, expected: str) -> None:
    """``here:`` starting a line, a drawn value ending it."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # hex and UUIDs without a secret's word: commits, request ids
        "here: 0c4f9e2a7b1d58e3a6c2f0b9d4e71a85",
        "here: 5b1e8f3a-2c9d-4a7e-b6f0-1d3c5e7a9b20",
        "here is the cache key: 0c4f9e2a7b1d58e3a6c2f0b9d4e71a85",
        "here's the request id: req_9fK2LmZ8wq4Tx7",
        "here: chatcmpl-9fK2LmZ8wq4Tx7Ab",
        # names, models, versions, paths, URLs
        "here: pytest-xdist",
        "here: getUserById2",
        "here: MyComponentV2Props",
        "here: test_handles_empty_input2",
        "here: llama3.1:8b-instruct-q4_K_M",
        "here: x86_64-unknown-linux-gnu",
        "here: https://example.com/x?y=1",
        "here: node_modules/.bin/vite",
        # not its own line, or more after it
        "I put it here: r8kq2wz5nx0vb7tm3lp9",
        "here: r8kq2wz5nx0vb7tm3lp9 and the rest",
    ],
)
def test_names_and_counted_values_handed_over_stay(anonymizer: Anonymizer, text: str) -> None:
    """Ids, hashes, names and values inside a sentence stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "3. Paste your key `Zq8vT1mN4pXw` into `settings.ini`.",
            "3. Paste your key `<redacted:secret-value>` into `settings.ini`.",
        ),
        (
            "Enter your numbat key `kelpie:Tq9@vW*2m` when asked",
            "Enter your numbat key `<redacted:secret-value>` when asked",
        ),
        (
            "then put your API key `Hv3kT8wq2ZpL` in the header",
            "then put your API key `<redacted:secret-value>` in the header",
        ),
        # ``to`` and a verb after the span: what the secret is for, not what it is set to.
        (
            "Set your API key `Hv3kT8wq2ZpL` to continue",
            "Set your API key `<redacted:secret-value>` to continue",
        ),
        (
            "Set the key `Zq8vT1mN4pXw` in the header",
            "Set the key `<redacted:secret-value>` in the header",
        ),
    ],
)
def test_a_secret_shown_to_its_reader_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """An instruction names the reader's secret, then shows it in a code span."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "set the cache key `Xq7mT2vLp9Rk4Wn`",
        "Set the key `feature_flags_v2` to true",
        # A setting's name set to a literal (a boolean, a number, a code value): families' data.
        "Set the key `wombat_flags_v2` to true",
        "set the key `kelpie_gates_v3` to `false` in flags.yaml",
        "Set the key `numbat.retries_v2` to 5",
        "Replace the token `YOUR_TOKEN_HERE` with yours",
        "Paste your key `~/.ssh/id_ed25519.pub` into the form",
        "add your token `ghp_abc` ",
        "Use the key `created_at` to sort",
    ],
)
def test_names_shown_as_a_secret_stay(anonymizer: Anonymizer, text: str) -> None:
    """Placeholders, names, paths and data keys in a code span stay."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"text": "new wombat key: `9e1c4a7f2b8d05e3c6a1f4b7d2e9c0a5`",',
            '"text": "new wombat key: `<redacted:secret-value>`",',
        ),
        (
            "rotated numbat api key: `Kq8Lm3xTr7vZp2Wn`",
            "rotated numbat api key: `<redacted:secret-value>`",
        ),
        (
            "New value deployed: 4b8e2c1a-9f3d-4e7b-a2c6-0d5f8e1b3a79\nOld one revoked.",
            "New value deployed: <redacted:secret-value>\nOld one revoked.",
        ),
        ("new value rolled out: pz4qk81mwt9xr2vd", "new value rolled out: <redacted:secret-value>"),
        ("rotated numbat secret: Tq9`vW*2mLx4zz", "rotated numbat secret: <redacted:secret-value>"),
    ],
)
def test_a_new_secret_announced_is_redacted(
    anonymizer: Anonymizer, text: str, expected: str
) -> None:
    """``new <vendor> key: V`` and ``New value deployed: V``: the value of a rotated secret."""
    assert anonymizer.anonymize(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "New value deployed: 3 replicas",
        "the new value deployed: 3 replicas",
        "New value deployed: production-eu-west",
        "new value: 4b8e2c1a-9f3d-4e7b-a2c6-0d5f8e1b3a79",  # no verb: any setting's
        "new cache key: `9e1c4a7f2b8d05e3c6a1f4b7d2e9c0a5`",
        "new deploy key: `9e1c4a7f2b8d05e3c6a1f4b7d2e9c0a5`",
        "new gpg key: 3AA5C34371567BD2",
        "new client key: `581204937716224019`",  # digits: an id
        "New key: my-new-branch-name",
        "the new token: getAccessToken",
    ],
)
def test_a_new_setting_announced_stays(anonymizer: Anonymizer, text: str) -> None:
    """A new value with no secret's name, a public key's, a name or an id stays."""
    assert anonymizer.anonymize(text) == text


@pytest.mark.parametrize("use_re2", [True, False])
def test_an_announced_code_span_with_an_at_sign_is_judged_not_raised(use_re2: bool) -> None:
    """``framed.is_address`` read the prose between a name and its value from a match that has no
    name (a code span's): the anonymizer raised IndexError on ``new key: `V@A```."""
    from .conftest import in_mode

    for value in ("000000@A", "Zq8wR2vLp9@KdT4"):
        out = in_mode(use_re2).anonymize(f"new token: `{value}`")
        assert value not in out and "<redacted:" in out
