"""RuleCase: a rule's test in a few lines, as yamllint's RuleTestCase: `case.check(source, problem=(line, col))`.

The working folder (each test has its own) is the catalogue: the source is written to a file in it and validated
alone, with a roledocs.yaml when the check gives its body (without one, the folder's roledocs.yaml, if any, stays
as it is). The findings must be exactly the problems named, so a check also proves that nothing else fired. Also
here: the clean roles the rule tests edit, and small helpers to edit a YAML text and find a line in it.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from roledocs.check.validate import validate
from roledocs.findings import Finding
from tests.support import FIXTURES

# A clean role (no finding of any rule) that the quality tests break one way each.
QUALITY_ROLE = (FIXTURES / "quality" / "data-engineer.yaml").read_text(encoding="utf-8")
QUALITY_NAME = "data-engineer.yaml"
# A small clean catalogue for the core rules: roles analyst (reports to lead-engineer), lead-engineer and
# edge-scalars, the team core-team, and a roledocs.yaml.
VALID = FIXTURES / "valid"


def copy_valid(folder: Path) -> Path:
    """Copy the small clean catalogue into `folder` (the working folder, for RuleCase checks); returns it."""
    shutil.copytree(VALID, folder, dirs_exist_ok=True)
    return folder


def valid_role(identifier: str, reports_to: str | None = None) -> str:
    """The analyst role of the small catalogue with another id, reporting to `reports_to` or to nobody."""
    text = (VALID / "roles" / "analyst.yaml").read_text(encoding="utf-8").replace("id: analyst", f"id: {identifier}")
    return text.replace("reports_to: lead-engineer", f"reports_to: {reports_to}" if reports_to else "")


def findings(source: str, config: str | None = None, name: str = QUALITY_NAME) -> list[Finding]:
    """The findings of `source` written to `name` and validated alone, in the working folder's catalogue (with
    this roledocs.yaml body, when given)."""
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    if config is not None:
        Path("roledocs.yaml").write_text("roledocs: 1\n" + config, encoding="utf-8")
    return validate([name]).findings


def rules(source: str, config: str | None = None, name: str = QUALITY_NAME) -> list[str]:
    """The rule ids of the findings of `source`, in report order."""
    return [f.rule for f in findings(source, config, name)]


@dataclass(frozen=True)
class RuleCase:
    """The rule under test and the file name its sources are written to."""

    rule: str
    name: str = QUALITY_NAME

    def check(self, source: str, config: str | None = None, **problems: tuple) -> list[Finding]:
        """Validate `source`; its findings must be exactly `problems`, and are returned for a look at the messages.

        Each keyword whose name starts with `problem` is (line, column) of a finding of this rule, or
        (line, column, rule-id) of another rule's; no problem given means the source must be clean.
        """
        assert all(key.startswith("problem") for key in problems), problems
        expected = sorted((p[0], p[1], p[2] if len(p) > 2 else self.rule) for p in problems.values())
        found = findings(source, config, self.name)
        assert sorted((f.line, f.column, f.rule) for f in found) == expected, \
            [f"{f.line}:{f.column} {f.rule}: {f.message}" for f in found]
        return found


def edit(old: str, new: str, text: str = QUALITY_ROLE) -> str:
    """`text` with the first `old` replaced by `new`; `old` must be there."""
    assert old in text, old
    return text.replace(old, new, 1)


def line_of(text: str, needle: str, after: str = "") -> int:
    """The 1-based line of the first `needle` (after the first `after`)."""
    start = text.index(after) if after else 0
    return text.count("\n", 0, text.index(needle, start)) + 1


def splice(fragment: str, text: str) -> str:
    """`text` with each top-level entry of a YAML fragment put in place of the entry (or line) of its key.

    `level: 7` replaces the first line holding `level:` (a skill's level), `kpis: []` the whole KPI list; a key
    given twice goes in twice. A key the text lacks goes in before the next top-level entry the fragment
    replaces (so an anchor it defines comes before the aliases to it), or else at the end.
    """
    lines = text.splitlines()
    placed: dict[str, int] = {}  # key -> the line after its new entry: a key given twice goes in twice
    waiting: list[str] = []  # lines of keys the text lacks
    for entry in re.split(r"\n(?=\S)", fragment.strip()):
        key = entry.split(":", 1)[0]
        start = placed.get(key, next((i for i, line in enumerate(lines) if line.lstrip().startswith(f"{key}:")),
                                     None))
        if start is None:
            waiting += entry.splitlines()
            continue
        indent = len(lines[start]) - len(lines[start].lstrip())
        end = start + 1
        while key not in placed and end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > indent:
            end += 1
        new = [" " * indent + part for part in entry.splitlines()]
        if indent == 0:
            new, waiting = waiting + new, []
        lines[start:end if key not in placed else start] = new
        placed[key] = start + len(new)
    return "\n".join(lines + waiting) + "\n"
