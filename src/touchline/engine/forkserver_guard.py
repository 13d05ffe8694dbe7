"""Imported by the multiprocessing forkserver (``set_forkserver_preload``): it arms the parent-death
signal there, so the forkserver dies with the ``touchline`` process that started it (see
:mod:`touchline.engine.lifeline`). Imported anywhere else it does nothing."""

from __future__ import annotations

import sys

from touchline.engine.lifeline import set_parent_death_signal


def _in_forkserver() -> bool:
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_name == "main" and frame.f_globals.get("__name__") == "multiprocessing.forkserver":
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


ARMED = _in_forkserver() and set_parent_death_signal()
