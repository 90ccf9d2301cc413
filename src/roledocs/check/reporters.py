"""Reporters: findings printed as text, JSON, GitHub annotations, SARIF 2.1.0 or JUnit XML (REPORTERS by name)."""
from __future__ import annotations

import json
from typing import Callable, TextIO

from .validate import Validation
from ..findings import Finding, Severity

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def _readable(text: str) -> str:
    """Text that is valid UTF-8: a file name with bytes that are not (kept by Python as lone surrogates) would
    make JSON, SARIF and XML output unreadable, so those bytes show as U+FFFD."""
    if text.isascii():
        return text
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate written as an escape in the YAML itself
        raw = text.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(validation: Validation) -> str:
    """The closing line: `3 files, 2 errors, 1 warning`."""
    return ", ".join((_plural(len(validation.files), "file"), _plural(validation.errors, "error"),
                      _plural(validation.warnings, "warning")))


def _place(finding: Finding) -> str:
    parts = [finding.path] + [str(n) for n in (finding.line, finding.column) if n is not None]
    return ":".join(parts)


def _source_line(finding: Finding) -> str | None:
    """The offending line of a YAML syntax error, with a caret under the column."""
    if not finding.rule.startswith("yaml-") or finding.line is None:
        return None
    try:
        with open(finding.path, encoding="utf-8-sig") as handle:
            for number, text in enumerate(handle, 1):
                if number == finding.line:
                    text = text.rstrip("\r\n").replace("\t", " ")
                    start = max(0, (finding.column or 1) - 60)
                    shown = ("…" if start else "") + text[start:start + 100] + ("…" if len(text) > start + 100 else "")
                    caret = (finding.column or 1) - start - (0 if start else 1)
                    return f"    {shown}\n    {' ' * caret}^"
    except (OSError, UnicodeDecodeError):
        return None
    return None


def text_report(validation: Validation, out: TextIO, *, color: bool = False, strict: bool = False) -> None:
    """One finding per line (`path:line:col: severity rule: message`), then the summary."""
    for finding in validation.findings:
        severity = str(finding.severity)
        if color:
            severity = f"{_COLOURS[finding.severity]}{severity}{_RESET}"
        out.write(_readable(f"{_place(finding)}: {severity} {finding.rule}: {finding.message}\n"))
        context = _source_line(finding)
        if context:
            out.write(f"{_DIM}{context}{_RESET}\n" if color else f"{context}\n")
    line = summary(validation)
    out.write(f"{_BOLD}{line}{_RESET}\n" if color else f"{line}\n")


def json_report(validation: Validation, out: TextIO, **_) -> None:
    """A JSON list of findings with exactly the keys path, line, column, severity, rule, message."""
    out.write(_readable(json.dumps([f.to_dict() for f in validation.findings], indent=2, ensure_ascii=False)) + "\n")


def escape_data(text: str) -> str:
    """A GitHub workflow command's message, escaped so it cannot end the line or start another command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A GitHub workflow command's property value (file, title), escaped like its message and for `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_report(validation: Validation, out: TextIO, **_) -> None:
    """GitHub Actions workflow commands, escaped so a message cannot start another command."""
    for finding in validation.findings:
        props = [f"file={escape_property(finding.path)}"]
        if finding.line is not None:
            props.append(f"line={finding.line}")
        if finding.column is not None:
            props.append(f"col={finding.column}")
        props.append(f"title={escape_property(finding.rule)}")
        out.write(_readable(f"::{finding.severity}{' ' + ','.join(props)}::{escape_data(finding.message)}\n"))
    out.write(f"{summary(validation)}\n")


def sarif_report(validation: Validation, out: TextIO, **_) -> None:
    """SARIF 2.1.0, the format code-scanning dashboards read (see sarif.py)."""
    from pathlib import Path

    from .sarif import sarif_log, source_root

    log = sarif_log(validation, source_root(Path.cwd(), [finding.path for finding in validation.findings]))
    out.write(_readable(json.dumps(log, indent=2, ensure_ascii=False)) + "\n")


def junit_report(validation: Validation, out: TextIO, *, strict: bool = False, **_) -> None:
    """JUnit XML with one test case per file; warnings fail a case only with --strict."""
    from xml.etree import ElementTree as ET

    by_file: dict[str, list[Finding]] = {path: [] for path in validation.files}
    for finding in validation.findings:
        by_file.setdefault(finding.path, []).append(finding)
    suite = ET.Element("testsuite", name="roledocs validate", tests=str(len(by_file)))
    failures = 0
    for path, findings in by_file.items():
        case = ET.SubElement(suite, "testcase", classname="roledocs.validate", name=path)
        failing = [f for f in findings if f.severity is Severity.ERROR or strict]
        lines = "\n".join(f"{_place(f)}: {f.severity} {f.rule}: {f.message}" for f in findings)
        if failing:
            failures += 1
            failure = ET.SubElement(case, "failure", message=failing[0].message, type=failing[0].rule)
            failure.text = lines
        elif findings:
            ET.SubElement(case, "system-out").text = lines
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites", name="roledocs", tests=str(len(by_file)), failures=str(failures))
    root.append(suite)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(_readable(ET.tostring(root, encoding="unicode")))
    out.write("\n")


REPORTERS: dict[str, Callable[..., None]] = {
    "text": text_report,
    "json": json_report,
    "github": github_report,
    "sarif": sarif_report,
    "junit": junit_report,
}
