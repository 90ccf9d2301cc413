"""The diff report as text (a terminal), md (a pull-request comment), json (tools) or github (annotations on the
changed lines): FORMATS by name, the CLI's choices."""
from __future__ import annotations

import json
from typing import Callable

from .model import Change, FileDiff, Report, label

_STATUS = {"added": "added", "removed": "removed", "renamed": "renamed", "changed": "changed",
           "invalid": "does not validate"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def headline(report: Report) -> str:
    """One line: what was compared and how much changed."""
    changes = sum(report.counts().values())
    return f"{report.base} → {report.head}: {_plural(len(report.files), 'file')}, {_plural(changes, 'change')}"


def _what(file: FileDiff) -> str:
    if file.base_id and file.base_id != file.id:
        return f"{file.kind} {file.id} (was {file.base_id})"
    return f"{file.kind} {file.id}" + (f" (moved from {file.base_path})" if file.base_path else "")


def _place(change: Change) -> str:
    if change.line is not None:
        return f"line {change.line}"
    return f"was line {change.base_line}" if change.base_line is not None else "file"


def text(report: Report) -> str:
    """Per file a header, then one line per change: `  line 12  kpi-target-stricter: ...`."""
    lines = [headline(report)]
    for file in report.files:
        lines += ["", f"{file.path}: {_what(file)} {_STATUS[file.status]}"]
        lines += [f"  {_place(c)}: {c.kind}: {c.message}" for c in file.changes]
    if report.failing:
        lines += ["", f"failing (--fail-on): {', '.join(report.failing)}"]
    return "\n".join(lines) + "\n"


def markdown(report: Report) -> str:
    """A pull-request comment: a headline, a summary table (one row per file), then the details per file."""
    from ..rendering.engine import markdown_escape, table_cell

    lines = ["### roledocs diff", "", f"{markdown_escape(headline(report))}", ""]
    if report.failing:
        lines += [f"**Needs a second look** (`--fail-on`): {', '.join(label(k) for k in report.failing)}", ""]
    if not report.files:
        return "\n".join(lines + ["No role or team changed in meaning."]) + "\n"
    lines += ["| file | role or team | status | changes |", "| --- | --- | --- | --- |"]
    for file in report.files:
        kinds: dict[str, int] = {}
        for change in file.changes:
            kinds[change.kind] = kinds.get(change.kind, 0) + 1
        words = ", ".join(("**" + label(k, n) + "**") if k in report.failing else label(k, n) for k, n in kinds.items())
        lines.append(f"| {table_cell(file.path)} | {table_cell(_what(file))} | {_STATUS[file.status]} | {words} |")
    for file in report.files:
        lines += ["", f"#### {markdown_escape(file.path)}: {markdown_escape(_what(file))}", ""]
        for change in file.changes:
            flag = " **(needs a second look)**" if change.kind in report.failing else ""
            where = f" (line {change.line})" if change.line is not None else ""
            lines.append(f"- {label(change.kind)}{flag}: {markdown_escape(change.message)}{where}")
    return "\n".join(lines) + "\n"


def json_text(report: Report) -> str:
    """The report as JSON (shape in docs/diff.md): keys in a fixed order, lists in the report's order."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"


def github(report: Report) -> str:
    """GitHub Actions annotations on the changed lines of the new version: `error` for kinds `--fail-on` names,
    `warning` for files that do not validate, `notice` for the rest; a removed file's annotation has no file."""
    from ..check.reporters import escape_data, escape_property

    lines = []
    for file in report.files:
        for change in file.changes:
            level = "error" if change.kind in report.failing else "warning" if change.kind == "invalid" else "notice"
            props = []
            if file.status != "removed":
                props.append(f"file={escape_property(file.path)}")
                if change.line is not None:
                    props.append(f"line={change.line}")
            props.append(f"title={escape_property(f'roledocs diff: {change.kind}')}")
            message = change.message if props[0].startswith("file=") else f"{file.path}: {change.message}"
            lines.append(f"::{level} {','.join(props)}::{escape_data(message)}")
    lines.append(headline(report))
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[Report], str]] = {"text": text, "md": markdown, "json": json_text, "github": github}
