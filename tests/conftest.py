"""Shared fixtures: an in-process CLI runner, the example catalogue, an isolated HOME and working folder, and the
real consumers of the outputs (consumers.py: Chromium, LibreOffice, PDF structure, SARIF, JSON-LD, pre-commit)."""
from __future__ import annotations

import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from roledocs.cli import main

pytest_plugins = ["consumers"]

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


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Each test runs in its own empty folder with its own HOME, and without CI colour or GitHub variables."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def example(tmp_path) -> Path:
    """A private copy of the example catalogue (roles/), safe to change."""
    target = tmp_path / "catalogue"
    shutil.copytree(EXAMPLE, target)
    return target
