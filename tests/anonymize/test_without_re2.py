"""The anonymizer's tests once more as on an install without the `fast` extra (google-re2 blocked).

Every path must redact the same bytes, so the same tests must pass on the keyword-trigger path;
they run in a child pytest with ``--block-re2`` (``import re2`` fails there), one child per file
so that the workers of ``pytest -n`` share them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fedlearn.anonymize import prefilter

ROOT = Path(__file__).resolve().parents[2]
SUITES = (
    "tests/anonymize/test_anonymizer.py",
    "tests/anonymize/test_lazy.py",
    "tests/anonymize/test_held_out.py",
    "tests/anonymize/test_prefilter.py",
    "tests/learn/test_reanonymize.py",
)

# A test that checks the keyword-trigger path directly (``prefilter.Triggers``, an anonymizer built
# with use_re2=False) or uses no RE2 at all ran whole in the run with google-re2; in the child run
# below it would only repeat itself. (Evaluated when a test module imports it, after --block-re2.)
RAN_WITH_RE2 = pytest.mark.skipif(
    prefilter.load_re2() is None,
    reason="checks the trigger path or no RE2: the run with google-re2 ran it whole",
)


@pytest.mark.parametrize("suite", SUITES)
def test_anonymizer_tests_pass_without_google_re2(suite: str) -> None:
    """The anonymizer's own tests pass with google-re2 blocked, as they do with it."""
    if "--block-re2" in sys.argv:
        pytest.skip("already running with google-re2 blocked")
    process = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--block-re2", suite],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 0, process.stdout[-4000:] + process.stderr[-2000:]
    assert " passed" in process.stdout.splitlines()[-1]
