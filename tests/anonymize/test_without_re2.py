"""The anonymizer's tests once more as on an install without the `fast` extra (google-re2 blocked).

Every path must redact the same bytes, so the same tests must pass on the keyword-trigger path;
they run in a child pytest with ``--block-re2`` (``import re2`` fails there), about 30 s.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SUITES = (
    "tests/anonymize/test_anonymizer.py",
    "tests/anonymize/test_lazy.py",
    "tests/anonymize/test_held_out.py",
    "tests/anonymize/test_prefilter.py",
    "tests/learn/test_reanonymize.py",
)


def test_anonymizer_tests_pass_without_google_re2() -> None:
    """The anonymizer's own tests pass with google-re2 blocked, as they do with it."""
    if "--block-re2" in sys.argv:
        pytest.skip("already running with google-re2 blocked")
    process = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--block-re2", *SUITES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 0, process.stdout[-4000:] + process.stderr[-2000:]
    assert " passed" in process.stdout.splitlines()[-1]
