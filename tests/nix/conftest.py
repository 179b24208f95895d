"""Fixtures for the Nix tests: a Nix environment that needs no network, and nix/units.nix evaluation.

Every test here is marked ``nix``; without ``nix-instantiate`` on PATH they are skipped with the
reason below (.ci/run installs Debian's nix-bin so that they run).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "drive-units.nix"
STORE = "/nix/store"
PACKAGE = f"{STORE}/00000000000000000000000000000000-fedlearn-0.1.0"
SKIP_REASON = "nix-instantiate is not on PATH (install Nix, e.g. Debian's nix-bin, as .ci/run does)"

SYSTEMD = f"{STORE}/44444444444444444444444444444444-systemd-258"

# The option defaults of nix/module.nix, as nix/units.nix receives them (timers: the
# conservative schedule's times; settings: the typed keys' defaults, repo set).
# tests/nix/test_module_eval.py compares them with the module's own when nixpkgs' lib is there.
DEFAULTS: dict[str, Any] = {
    "enable": True,
    "schedule": "conservative",
    "timers": {
        "sync": {"enable": True, "onCalendar": "hourly", "timerConfig": {}},
        "export": {"enable": True, "onCalendar": "Sun *-*-* 02:00:00", "timerConfig": {}},
        "metrics": {"enable": True, "onCalendar": "*:0/5", "timerConfig": {}},
    },
    "timeouts": {
        "clone": "1h",
        "sync": "30min",
        "publish": "30min",
        "pull": "6h",
        "export": "1h",
        "metrics": "5min",
        "import": "6h",
    },
    "readyTimeout": 300,
    "repo": {
        "url": None,
        "credentialsFile": None,
        "sshKnownHosts": [],
        "strictHostKeyChecking": False,
    },
    "publish": {"enable": False, "sshKeyFile": None},
    "importOnBoot": True,
    "checkConfig": True,
    "user": "fedlearn",
    "group": "fedlearn",
    "settings": {
        "node_id": "",
        "state_dir": "/var/lib/fedlearn",
        "repo": "/srv/federation",
        "sync": {"telemetry": [], "fine_tuning": "", "value_threshold": 0.7},
        "qdrant": {
            "url": "",
            "api_key_file": "",
            "collections": ["skills-patterns", "error-solutions", "best-practices"],
        },
        "embedding": {
            "provider": "hash",
            "url": "",
            "model": "",
            "dimension": 768,
            "api_key_file": "",
        },
        "publish": {"branch": "main"},
        "pull": {"import_after": True},
        "metrics": {"path": ""},
    },
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip every ``nix``-marked test, with the reason, when Nix is not installed."""
    if shutil.which("nix-instantiate"):
        return
    for item in items:
        if item.get_closest_marker("nix"):
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def nix_env(home: Path) -> dict[str, str]:
    """Return an environment for nix commands: flakes on, no substituters, caches under ``home``."""
    env = dict(os.environ)
    settings = ["experimental-features = nix-command flakes", "substituters ="]
    has_daemon = Path("/nix/var/nix/daemon-socket/socket").exists()
    if os.geteuid() != 0 and not has_daemon and not os.access("/nix/var/nix", os.W_OK):
        # No daemon and no write access to the system store: use a store of our own.
        settings.append(f"store = local?root={home / 'nix-root'}")
    env.update(
        HOME=str(home),
        XDG_CACHE_HOME=str(home / "cache"),
        NIX_CONFIG="\n".join(settings),
    )
    return env


def merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Return ``base`` with ``changes`` merged in, nested tables merged key by key."""
    merged = copy.deepcopy(base)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict) and value:
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def run_nix(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run a Nix command and return the finished process (never raises on failure)."""
    return subprocess.run(list(args), capture_output=True, text=True, env=env, check=False)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Return the Nix environment for one test."""
    return nix_env(tmp_path / "home")


Units = Callable[..., Any]


@pytest.fixture
def units(env: dict[str, str]) -> Units:
    """
    Return ``units(attr, local_qdrant_url=None, ollama=False, system_known_hosts=False, **options)``.

    That is nix/units.nix's output ``attr`` as JSON. ``options`` are merged onto DEFAULTS (nested
    tables key by key); ``local_qdrant_url`` is the URL of a services.qdrant on this host,
    ``ollama`` whether services.ollama runs, ``system_known_hosts`` whether
    programs.ssh.knownHosts pins any key; ``attr``
    picks one output (``services``, ``timers``, ``configs``, ``assertions``, ``wrapper`` …).
    Fails the test when Nix fails.
    """

    def evaluate(
        attr: str,
        local_qdrant_url: str | None = None,
        ollama: bool = False,
        system_known_hosts: bool = False,
        **options: Any,
    ) -> Any:
        cfg = merge(DEFAULTS, options)
        process = run_nix(
            env,
            "nix-instantiate", "--eval", "--strict", "--json", str(DRIVER), "-A", attr,
            "--argstr", "cfgJson", json.dumps(cfg),
            "--argstr", "localQdrantUrlJson", json.dumps(local_qdrant_url),
            "--argstr", "hasLocalOllama", json.dumps(ollama),
            "--argstr", "hasSystemKnownHosts", json.dumps(system_known_hosts),
        )  # fmt: skip
        assert process.returncode == 0, process.stderr
        return json.loads(process.stdout)

    return evaluate
