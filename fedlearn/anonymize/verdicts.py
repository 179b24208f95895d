"""A test runner's verdict is no password: ``PASS`` before a test's name (guarantee 1, benign side).

Test runners write a test's verdict as the upper-case word ``PASS`` and then the test:

- Jest and Vitest: ``PASS src/app.test.js``, `` PASS  src/Button.test.tsx (5.2 s)``;
- Go: ``--- PASS: TestLogin (0.00s)``, ``--- PASS: TestAuth/valid_token (0.00s)``;
- automake's test driver and DejaGnu: ``PASS: t/basic.test``, ``PASS: test_login``,
  ``PASS: gcc.dg/pr12345.c (test for excess errors)``;
- pytest plugins and TAP harnesses: ``PASS tests/test_auth.py::test_ok``, ``PASSED t/02-io.t``.

The key rules read ``PASS`` as a password's key, and a redacted test name is then redacted
wherever else the text names it (``=== RUN   TestLogin``), so a coding session's test output
lost its tests. ``is_test_name`` keeps the value when the key is exactly that upper-case verdict
word and the value has a test's form: a source file's path (a code extension, maybe pytest's
``::`` node after it), a test's name (a ``test_``/``test-`` prefix or a ``_test``/``-test``
suffix), or a run time in parentheses after it (``(0.00s)``, ``(5.2 s)``, ``(12 ms)``: Go's
``TestLogin``). The word stands before the value with a colon or blanks, never ``=``. FTP's
``PASS`` and a config's ``PASS=…`` keep their passwords redacted: a chosen password has no code
extension, no test prefix and no run time after it.
"""

from __future__ import annotations

from fedlearn.anonymize.rules import Lazy

VERDICT_KEYS = frozenset(("PASS", "PASSED"))
EXTENSIONS = (
    r"[cm]?[jt]sx?|py|go|rs|rb|php|java|kt|kts|scala|swift|c|cc|cpp|cxx|h|hpp|cs|fs|ex|exs|erl"
    r"|lua|pl|pm|t|sh|bash|zsh|bats|test|spec|exp|sql|vue|svelte|dart|zig|nim|jl|r"
)
# A source file's path: segments, a dot and a code extension, then pytest's ``::`` nodes.
SOURCE_PATH = Lazy(rf"(?:[\w.@+-]+/)*[\w@+-][\w.@+-]*\.(?:{EXTENSIONS})(?:::[\w.\[\]-]+)*")
# A test's name with a test prefix or suffix (automake's ``test_login``, ``io-test``); Go's
# ``TestLogin`` is told by the run time Go prints after it.
TEST_FUNCTION = Lazy(r"[Tt]est[_-][\w.-]+|[\w.-]+[_-][Tt]ests?")
# A run time in parentheses right after the name: ``(0.00s)``, ``(5.2 s)``, ``(12 ms)``.
RUN_TIME = Lazy(r"[ \t]+\([0-9]+(?:\.[0-9]+)?[ \t]*(?:m?s|sec|seconds?)\)")


def is_test_name(text: str, key: str, start: int, end: int) -> bool:
    """Return whether ``text[start:end]``, after the key ``key``, is a test's name (see module)."""
    if key not in VERDICT_KEYS:
        return False
    head = text[:start].rstrip(" \t")
    if not head.removesuffix(":").endswith(key):
        return False  # ``PASS=…``: a variable's value, not a verdict
    value = text[start:end]
    if SOURCE_PATH.fullmatch(value) or TEST_FUNCTION.fullmatch(value):
        return True
    return RUN_TIME.match(text, end) is not None
