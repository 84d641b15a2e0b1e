"""A time budget for one piece of work: past it, :class:`Overtime` is raised where the work is.

Used per document (reading, parsing, coding), so that no input can hold a run: the document is
rejected with reason ``too_slow`` and the batch goes on. The budget is a real-time interval timer
(``SIGALRM``), so it interrupts Python code wherever it runs, and native code (spaCy's parser, lxml)
as soon as it returns to Python; tocsin's caps on sizes keep those native calls short. It works in
the main thread of a process, where the CLI runs; elsewhere the work runs without a budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class Overtime(BaseException):
    """The budget ran out. A ``BaseException`` so that libraries' own ``except Exception`` blocks
    (trafilatura, htmldate) cannot swallow it and carry on."""


def _ring(signum: int, frame: FrameType | None) -> None:
    raise Overtime


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`Overtime` inside the block once ``seconds`` have passed (0: no budget)."""
    usable = (
        seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
