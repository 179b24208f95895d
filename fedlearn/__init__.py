"""fedlearn: knowledge federation for self-hosted AI stacks."""

__version__ = "0.1.0"
