"""Findings (what a check reports), exit codes, and the one exception the CLI catches."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

EXIT_SUCCESS = 0
EXIT_FAIL = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a program stopped with Ctrl-C


class Severity(str, Enum):
    """How much a finding matters; `off` only appears in lint configuration."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Finding:
    """One located problem: 1-based line and column, or None when it has no place."""

    path: str
    line: int | None
    column: int | None
    severity: Severity
    rule: str
    message: str

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.column or 0, self.rule, self.message)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message,
        }


class RoledocsError(Exception):
    """roledocs cannot continue (bad config, broken template, unwritable output); the CLI exits 1."""

    exit_code = EXIT_FAIL


class UsageError(RoledocsError):
    """The command was called wrongly (missing file, bad option value); the CLI exits 2."""

    exit_code = EXIT_USAGE


def sort_findings(findings) -> list[Finding]:
    """Findings in a stable, reading order: by file, then position, then rule."""
    return sorted(findings, key=Finding.sort_key)
