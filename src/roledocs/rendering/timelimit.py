"""A wall-clock limit for one template render. The sandbox bounds the costly operations it sees (`*`, `**`,
padding, `range`), but a template can still loop over long texts or lists for hours; past the limit the render
stops with a template error naming the line it was on, instead of hanging a CI job."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from jinja2.sandbox import SecurityError


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise SecurityError inside the block once it has run `seconds`. Signals reach only the main thread, and
    Windows has no interval timer: elsewhere the block runs unlimited (the sandbox's other bounds still hold)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame) -> None:
        raise SecurityError(f"{what} took longer than {seconds:g} seconds: a loop that runs too long?")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
