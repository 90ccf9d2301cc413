"""The progress bar of `roledocs build`: one line, redrawn in place with `\\r`, only on a terminal, no colour."""
from __future__ import annotations

from typing import TextIO

WIDTH = 20


class Progress:
    """`building [#####...............] 12/40` on `stream` (None: silent); cleared again by close()."""

    def __init__(self, stream: TextIO | None, total: int) -> None:
        self.stream = stream if total else None
        self.total, self.count, self.line = total, 0, ""
        self._draw()

    def advance(self) -> None:
        """One more file done."""
        self.count += 1
        self._draw()

    def close(self) -> None:
        """Erase the bar, so what is printed next starts on a clean line."""
        if self.stream is not None and self.line:
            self.stream.write("\r" + " " * len(self.line) + "\r")
            self.stream.flush()
            self.line = ""

    def _draw(self) -> None:
        if self.stream is None:
            return
        filled = self.count * WIDTH // self.total
        line = f"building [{'#' * filled}{'.' * (WIDTH - filled)}] {self.count}/{self.total}"
        if line != self.line:
            self.stream.write("\r" + line)
            self.stream.flush()
            self.line = line
