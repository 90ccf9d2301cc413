"""What every test folder shares: the repository's paths and an in-process CLI runner."""
from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from roledocs.cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "roles"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str) -> Run:
    """Run `roledocs ARGS` in this process and capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 2
    return Run(code, out.getvalue(), err.getvalue())


def readme_block(heading: str, first_line: str) -> str:
    """The README's fenced YAML block that starts with `first_line`, in the section `heading` (a test runs what
    the README tells users to copy)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index(heading):]
    start = section.index(f"```yaml\n{first_line}\n") + len("```yaml\n")
    return section[start:section.index("```", start)]
