"""Findings (what a check reports), their order, and the Validation that holds a run's findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

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


def sort_findings(findings) -> list[Finding]:
    """Findings in a stable, reading order: by file, then position, then rule."""
    return sorted(findings, key=Finding.sort_key)


@dataclass
class Validation:
    """The outcome of a validation run: sorted findings, the files they cover, and the catalogues read (loaded
    for checking: a role keeps only what the cross-file rules read)."""

    findings: list[Finding]
    files: list[str]
    catalogues: list = field(default_factory=list, repr=False)
    notes: list[str] = field(default_factory=list)  # what the run did not check, said once (not findings)

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING for f in self.findings)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))
