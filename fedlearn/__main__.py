"""Run the command line: ``python -m fedlearn``."""

from fedlearn import cli

raise SystemExit(cli.main())
