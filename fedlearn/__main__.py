"""Run the command line: ``python -m fedlearn``, and the ``fedlearn`` command's entry point.

Until ``cli.main`` handles signals itself, a Ctrl-C (or SIGTERM) while the modules load ends the
process quietly with 130 (143), not with a traceback of whatever was being imported.
"""

import gc
import os
import signal
import sys


def _stopped_while_loading(signum: int, frame: object) -> None:
    sys.stderr.write("fedlearn: interrupted\n")
    os._exit(128 + signum)


signal.signal(signal.SIGINT, _stopped_while_loading)
signal.signal(signal.SIGTERM, _stopped_while_loading)

from fedlearn import cli  # noqa: E402 - after the handlers, so the import is covered


def main() -> int:
    """
    Run the ``fedlearn`` command (``cli.main``) and return its exit code.

    What the job left is then frozen out of the cyclic collector (``gc.freeze``): the process is
    about to exit, and the interpreter's last collection would walk the whole heap once more
    (0.05-0.1 s after a full sync of a large backlog). Its exit still runs the ``atexit``
    handlers, flushes the streams and frees what reference counting frees; only garbage held in
    cycles is left to the operating system, as ``os._exit`` leaves all of it.
    """
    code = cli.main()
    gc.freeze()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
