"""The installed package: entry points, no heavy imports at start-up, package data, and the pre-commit hook."""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest
import yaml

from tests.support import EXAMPLE, REPO
from roledocs import __version__
from roledocs.cli import build_parser

HEAVY = ("jsonschema", "jsonschema_rs", "jinja2", "weasyprint", "openpyxl", "docx", "pypdf", "babel")
TEMPLATES = ("job-description.md.j2", "job-description.html.j2", "raci.md.j2", "raci.html.j2", "charter.md.j2",
             "charter.html.j2", "base.html.j2", "style.css", "print.css")


def _python(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def _commands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(actions[0].choices)


def test_python_m_roledocs_help():
    done = _python("-m", "roledocs", "--help")
    assert done.returncode == 0, done.stderr
    assert "validate" in done.stdout
    assert "example:" in done.stdout


def test_python_m_roledocs_validates_from_any_folder(tmp_path):
    done = _python("-m", "roledocs", "validate", "--strict", str(EXAMPLE), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("0 errors, 0 warnings")


def test_console_script_version():
    script = Path(sys.executable).with_name("roledocs")
    if not script.exists():
        pytest.skip("the roledocs console script is not installed beside this Python")
    done = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, f"roledocs {__version__}")


@pytest.mark.parametrize("argv", [["--help"], *([c, "--help"] for c in _commands())], ids=" ".join)
def test_help_imports_nothing_heavy(argv):
    """Start-up stays fast: the validator, template engine and document writers load only when a command runs."""
    code = ("import sys\nfrom roledocs.cli import main\ntry:\n    main(%r)\nexcept SystemExit:\n    pass\n"
            "print('\\nMODULES', sorted(m for m in sys.modules if m.split('.')[0] in %r))" % (argv, HEAVY))
    done = _python("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "MODULES []"
    assert "usage:" in done.stdout


@pytest.mark.parametrize("command", _commands())
def test_every_command_help_has_a_description_and_an_example(command, cli):
    run = cli(command, "--help")
    assert run.code == 0
    assert re.search(r"example", run.out, re.IGNORECASE), run.out
    assert len(run.out.splitlines()) >= 4


@pytest.mark.parametrize("kind", ["role", "team", "config"])
def test_schemas_ship_inside_the_package(kind):
    text = resources.files("roledocs.schemas").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")
    assert json.loads(text)["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize("name", TEMPLATES)
def test_templates_ship_inside_the_package(name):
    assert resources.files("roledocs.templates").joinpath(name).read_text(encoding="utf-8").strip()


def test_package_data_is_declared_for_the_wheel():
    """The schemas and templates live at the repository root, linked into the package: setuptools must pack them."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    assert {"roledocs.schemas", "roledocs.templates"} <= set(setuptools["packages"])
    data = setuptools["package-data"]
    assert "*.json" in data["roledocs.schemas"]
    assert {"*.j2", "*.css"} <= set(data["roledocs.templates"])
    assert {"*.po", "*.pot"} <= set(data["roledocs.locale"]) and "roledocs.locale" in setuptools["packages"]
    assert project["project"]["scripts"]["roledocs"] == "roledocs.cli:main"
    for name in ("schemas", "templates", "locale"):
        link = REPO / "src" / "roledocs" / name
        assert link.resolve() == (REPO / name).resolve()


def test_pre_commit_hook():
    """The hook's definition (tests/test_precommit.py runs it with the real pre-commit)."""
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "roledocs-validate"
    assert hook["entry"] == "roledocs validate --skip-other-yaml"
    assert hook["language"] == "python" and hook["types"] == ["yaml"]
    assert hook.get("pass_filenames", True) is True


def test_pre_commit_passes_changed_files_only_and_they_resolve(cli, example, monkeypatch):
    """What pre-commit runs: the hook's entry with the changed files, from the repository root."""
    monkeypatch.chdir(example.parent)
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    changed = [f"{example.name}/software-tester.yaml", f"{example.name}/teams/it-delivery.yaml"]
    run = cli(*hook["entry"].split()[1:], *hook.get("args", []), *changed)
    assert (run.code, run.out) == (0, "2 files, 0 errors, 0 warnings\n")


def test_a_test_that_loops_fails_instead_of_hanging(tmp_path):
    """pytest-timeout (a test dependency) as pyproject.toml sets it up, with the time lowered to a second: the run
    stops with the looping test's stack and fails."""
    options = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert (options["timeout"], options["timeout_method"]) == (300, "thread")
    (tmp_path / "test_loop.py").write_text("def test_loop():\n    while True:\n        pass\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-c", REPO / "pyproject.toml",
                           "--rootdir", tmp_path, "-o", "timeout=1", tmp_path / "test_loop.py"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 1 and " Timeout " in done.stdout, done.stdout + done.stderr
    assert 'test_loop.py", line 2, in test_loop' in done.stdout
