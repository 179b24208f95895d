"""fedlearn metrics: write the Prometheus textfile for node_exporter's textfile collector."""

from __future__ import annotations

import argparse
from pathlib import Path

from fedlearn import __version__, config
from fedlearn.jobs import Summary
from fedlearn.report import overview, prometheus
from fedlearn.store import state


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add metrics' options."""
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="textfile (or its folder) to write (default: [metrics] path, else "
        "<state>/metrics/fedlearn.prom; - for stdout)",
    )


def target(cfg: config.Config, args: argparse.Namespace) -> Path | None:
    """Return the file to write, or None for stdout."""
    chosen = args.output or cfg.metrics.path
    if chosen == "-":
        return None
    path = Path(chosen).expanduser() if chosen else cfg.state_path / "metrics" / "fedlearn.prom"
    return path / "fedlearn.prom" if path.is_dir() else path  # a textfile collector's folder


def run(cfg: config.Config, args: argparse.Namespace) -> Summary:
    """Render the metrics and write them atomically (or print them with ``-o -``)."""
    with state.StateDir(cfg.state_path).lock("metrics"):
        text = prometheus.render(overview.gather(cfg), __version__)
        path = target(cfg, args)
        if path is None:
            return Summary(
                job="metrics", facts={"output": "-", "text": text}, lines=text.splitlines()
            )
        prometheus.write(path, text)
    samples = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
    return Summary(
        job="metrics",
        facts={"output": str(path), "samples": samples},
        lines=[f"wrote {samples} samples to {path}"],
    )
