"""A Jupyter kernel's connection key: the ``key`` field beside ``signature_scheme``."""

from __future__ import annotations

import pytest

from fedlearn.anonymize import Anonymizer

KEY = "a0436f6c-1916498204ab9c8c0e5a9e1b"


@pytest.mark.parametrize(
    "text",
    [
        # the connection file, one line (what `%connect_info` prints)
        '{"shell_port": 53794, "iopub_port": 53795, "ip": "127.0.0.1", "key": "' + KEY + '", '
        '"transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": ""}',
        # pretty-printed, key after the scheme
        '$ cat ~/.local/share/jupyter/runtime/kernel-4821.json\n{\n  "signature_scheme": '
        '"hmac-sha256",\n  "transport": "tcp",\n  "key": "' + KEY + '"\n}',
        # a KernelManager's connection_info as a Python dict (the key as bytes)
        ">>> km.get_connection_info()\n{'transport': 'tcp', 'ip': '127.0.0.1', 'shell_port': "
        "53794, 'key': b'" + KEY + "', 'signature_scheme': 'hmac-sha256'}",
        # a log line of `key = V`
        "kernel started: key = " + KEY + ", signature_scheme = hmac-sha256, ip = 127.0.0.1",
    ],
)
def test_the_key_beside_the_signature_scheme_goes(anonymizer: Anonymizer, text: str) -> None:
    out = anonymizer.anonymize(text)
    assert KEY not in out
    assert "hmac-sha256" in out


@pytest.mark.parametrize(
    "text",
    [
        # signing turned off
        '{"key": "", "signature_scheme": "hmac-sha256", "transport": "tcp"}',
        # a word, not a drawn key
        '{"key": "shell-channel", "signature_scheme": "hmac-sha256"}',
        # no signature_scheme: a cache or object key is no kernel key
        'cache hit: {"key": "build-4821-linux", "size": 9120}',
        # the scheme too far from the key (another record)
        '{"key": "build-4821-linux"}' + " " * 900 + '{"signature_scheme": "hmac-sha256"}',
        # `api_key` and `cache.key` are not the field `key`
        'cfg.cache.key = "v2-4821-linux"; signature_scheme = "hmac-sha256"',
    ],
)
def test_other_keys_stay(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text) == text
