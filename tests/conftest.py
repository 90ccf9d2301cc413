"""Shared fixtures for every test folder: the CLI runner, the example catalogue, an isolated HOME and working folder,
and the real consumers of the outputs (consumers/tools.py: Chromium, LibreOffice, PDF structure, SARIF, JSON-LD,
pre-commit)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support import EXAMPLE, run_cli

pytest_plugins = ["tests.consumers.tools"]


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(autouse=True, scope="session")
def session_cache(tmp_path_factory):
    """Fixtures shared by a module run before each test's own folder is set up: their content cache goes to a
    folder of the session, never into the repository's catalogues (roles/.roledocs-cache)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ROLEDOCS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """Each test runs in its own empty folder with its own HOME and content cache (so that no test writes one into
    the repository's fixtures, or reads another's), and without CI colour or GitHub variables."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ROLEDOCS_CACHE_DIR", str(tmp_path / "cache"))
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


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The files parsed (YAML composed and built into data) from here on, as shown: what the content cache spares."""
    import roledocs.source.catalogue as catalogue_module

    seen: list[str] = []
    real = catalogue_module.parse_document

    def counting(text, display, *args):
        seen.append(display)
        return real(text, display, *args)

    monkeypatch.setattr(catalogue_module, "parse_document", counting)
    return seen
