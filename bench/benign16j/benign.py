"""Benign strings of the blind benign corpus bench/benign16j: a self-hosted AI stack's telemetry.

The kinds live in four modules: ``ai_models`` (model files, registries, inference APIs and their
ids), ``ids_traces`` (vector stores, traces, metrics, ids and numbers), ``nix_systems`` (the NixOS
host and its git history) and ``code_output`` (an agent's code work: diffs, tests, SQL, shell and
config that name secrets without holding one). A kind is a function ``k_<name>(rng) -> str``; its
name is ``<name>`` with ``-`` for ``_``.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import ai_models
import code_output
import ids_traces
import nix_systems

KINDS: dict[str, Callable[[random.Random], str]] = {
    name[2:].replace("_", "-"): fn
    for module in (ai_models, ids_traces, nix_systems, code_output)
    for name, fn in vars(module).items()
    if name.startswith("k_") and callable(fn)
}
