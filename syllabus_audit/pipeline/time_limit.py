"""The per-document time limit."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class DocumentTimeout(Exception):
    """A document took longer than the per-document time limit."""


@contextmanager
def time_limit(seconds: float | None):
    """Raise DocumentTimeout after ``seconds`` (Unix main thread only; elsewhere a
    no-op). Interrupts Python-level work; a hang inside C code is interrupted
    when it returns to Python."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _raise(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
