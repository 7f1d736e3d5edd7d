"""Run an action once the user stops typing for a moment; `flush()` runs it at once."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Debouncer:
    """Calls `action` `delay` seconds after the last `trigger()`, at most one call at a time."""

    def __init__(self, delay: float, action: Callable[[], None]):
        self.delay = delay
        self.action = action
        self._lock = threading.Lock()  # guards _timer and _pending
        self._running = threading.Lock()  # one action at a time
        self._timer: threading.Timer | None = None
        self._pending = False

    def trigger(self) -> None:
        """(Re)start the countdown."""
        with self._lock:
            self._pending = True
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self._run_pending)
            self._timer.daemon = True
            self._timer.start()

    def flush(self) -> None:
        """Run a pending action now and return when it is done (also when a timer already started it)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        self._run_pending()

    def _run_pending(self) -> None:
        with self._running:
            with self._lock:
                pending, self._pending = self._pending, False
            if pending:
                self.action()
