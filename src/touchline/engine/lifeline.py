"""Helper processes never outlive the ``touchline`` process that started them.

``touchline ingest --workers N`` runs a forkserver (a child of the main process) and N workers (children
of the forkserver). Python's own machinery keeps them alive after the main process dies: every worker
holds the write end of its task queue and the forkserver's "alive" pipe, so nothing ever sees EOF, and
all of them keep the caller's stdout/stderr open (a pipeline ``touchline ingest … | cat`` never ends).

Two mechanisms end them:

* on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the forkserver when the main process
  dies (set when the forkserver imports :mod:`touchline.engine.forkserver_guard`), and a worker when the
  forkserver (or, with ``spawn``, the main process) dies;
* everywhere, a daemon thread in each worker that checks twice a second whether the main process is
  still running and ends the worker when it is not (or when the worker was re-parented).

The resource tracker exits by itself once every holder of its pipe is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Ask the kernel to send ``sig`` to this process when its parent dies (Linux only).

    Returns whether it was set. The setting belongs to this process; forked children do not inherit it.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def process_alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie, dead but not yet reaped, counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read()
    except FileNotFoundError:
        return False
    except OSError:  # no /proc here: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    # the state follows the command name, which is in parentheses and may itself contain ") "
    state = stat[stat.rfind(b")") + 2 : stat.rfind(b")") + 3]
    return state not in (b"Z", b"X", b"x")


def watch_parent(main_pid: int, interval: float = 0.5) -> threading.Thread:
    """Start a daemon thread that ends this process (``os._exit``) once ``main_pid`` is gone or this
    process has been re-parented (its parent, e.g. the forkserver, died)."""
    first_parent = os.getppid()

    def watch() -> None:
        while True:
            if not process_alive(main_pid) or os.getppid() != first_parent:
                os._exit(1)
            time.sleep(interval)

    thread = threading.Thread(target=watch, name="touchline-lifeline", daemon=True)
    thread.start()
    return thread


def become_worker(main_pid: int) -> None:
    """Set up a worker process: die with its parent, leave Ctrl-C to the main process (which stops the
    workers itself), and watch the main process."""
    set_parent_death_signal(signal.SIGKILL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not process_alive(main_pid):  # it died before the death signal was armed
        os._exit(1)
    watch_parent(main_pid)


__all__ = ["become_worker", "process_alive", "set_parent_death_signal", "watch_parent"]
