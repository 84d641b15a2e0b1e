"""A stop asked for by a signal, safe to set from its handler.

A signal handler runs in the main thread between two bytecodes, wherever that thread is: inside
``threading.Event.wait`` it may hold the event's lock, and ``Event.set`` in the handler then waits
for that lock forever (the watch hung so, a SIGTERM arriving as it began to wait for its next
round). A stop request is a plain flag, set without a lock, and its wait looks at the flag every
quarter of a second (a sleep a signal interrupts and resumes).
"""

from __future__ import annotations

import time

#: How often a wait looks at the flag, in seconds: how late a stop can be seen while waiting.
STEP_SECONDS = 0.25


class StopRequest:
    """Set once a stop is asked for; read by the loop between two documents."""

    def __init__(self) -> None:
        self._asked = False

    def set(self) -> None:
        """Ask for the stop (no lock taken: safe in a signal handler)."""
        self._asked = True

    def is_set(self) -> bool:
        return self._asked

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the stop; whether it was asked for."""
        end = time.monotonic() + max(timeout, 0.0)
        while not self._asked:
            left = end - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(left, STEP_SECONDS))
        return self._asked
