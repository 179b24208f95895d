"""Benign strings of the blind benign corpus bench/benign16i: code, lockfiles and build output.

The kinds live in three modules: ``names_in_code`` (source and config that name secrets without holding
one), ``lockfiles`` (lockfiles, pins, package-manager output) and ``build_output`` (build/CI output and data
in code). A kind is a function ``k_<name>(rng) -> str``; its name is ``<name>`` with ``-`` for
``_``. ``DEBATABLE`` kinds are reported apart (README.md says why).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import build_output
import lockfiles
import names_in_code

KINDS: dict[str, Callable[[random.Random], str]] = {
    name[2:].replace("_", "-"): fn
    for module in (names_in_code, lockfiles, build_output)
    for name, fn in vars(module).items()
    if name.startswith("k_") and callable(fn)
}

DEBATABLE = {"test-fixture-dummies"}
