"""Run the command line: ``python -m fedlearn``, and the ``fedlearn`` command's entry point.

Until ``cli.main`` handles signals itself, a Ctrl-C (or SIGTERM) while the modules load ends the
process quietly with 130 (143), not with a traceback of whatever was being imported.
"""

import os
import signal
import sys


def _stopped_while_loading(signum: int, frame: object) -> None:
    sys.stderr.write("fedlearn: interrupted\n")
    os._exit(128 + signum)


signal.signal(signal.SIGINT, _stopped_while_loading)
signal.signal(signal.SIGTERM, _stopped_while_loading)

from fedlearn.cli import main  # noqa: E402 - after the handlers, so the import is covered

if __name__ == "__main__":
    raise SystemExit(main())
