"""The wheel as users get it: built from the sources, installed in a fresh virtual environment outside the
repository, and run from there on a copy of the example catalogue.

The wheel is built with the test environment's setuptools (no build isolation, so nothing is downloaded) from a
copy of the sources, and installed by the test environment's pip into a new environment without pip of its own and
without the dependencies: it reads those from the test environment's site-packages (a .pth line), but roledocs
itself only from the wheel, which the test checks. About 5 seconds in all.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.support import EXAMPLE, REPO

pytestmark = pytest.mark.wheel
SOURCES = ("pyproject.toml", "README.md", "src", "schemas", "templates", "locale")


def _run(*args, cwd: Path) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=240)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(the wheel, the bin folder of a fresh virtual environment it is installed in), all in a temporary folder."""
    top = tmp_path_factory.mktemp("wheel")
    sources = top / "sources"
    sources.mkdir()
    for name in SOURCES:  # src/roledocs/schemas, templates, locale link to the folders at the top: keep them so
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, sources / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(REPO / name, sources / name)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", top / "dist", sources], capture_output=True, text=True, cwd=top, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    [wheel] = (top / "dist").glob("roledocs-*.whl")
    venv = top / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=240)
    bin_folder = venv / ("Scripts" if sys.platform == "win32" else "bin")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", bin_folder / "python", "install", "--no-deps",
                           "--no-index", "-q", wheel], capture_output=True, text=True, cwd=top, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    new_site = _run(bin_folder / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                    cwd=top).stdout.strip()
    (Path(new_site) / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return wheel, bin_folder


def test_the_wheel_holds_every_package_module_schema_and_template(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    source = REPO / "src"
    on_disk = {p.parent.relative_to(source).as_posix().replace("/", ".") for p in source.glob("roledocs/**/__init__.py")}
    assert on_disk <= set(packages), "add the new package to [tool.setuptools] packages in pyproject.toml"
    modules = {p.relative_to(source).as_posix() for p in source.glob("roledocs/**/*.py") if "__pycache__" not in p.parts}
    assert modules - names == set()
    assert {f"roledocs/schemas/{kind}.schema.json" for kind in ("role", "team", "config")} <= names
    templates = {f"roledocs/templates/{p.name}" for p in (REPO / "templates").iterdir() if p.suffix in (".j2", ".css")}
    assert len(templates) >= 9 and templates - names == set()
    catalogues = {f"roledocs/locale/{p.name}" for p in (REPO / "locale").iterdir() if p.suffix in (".po", ".pot")}
    assert {"roledocs/locale/de.po", "roledocs/locale/roledocs.pot"} <= catalogues and catalogues - names == set()
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/entry_points.txt")))
    assert re.search(rb"^roledocs = roledocs\.cli:main$", entry_points, re.M)


def test_roledocs_runs_from_the_fresh_environment(installed, tmp_path):
    _, bin_folder = installed
    where = _run(bin_folder / "python", "-c", "import roledocs; print(roledocs.__file__)", cwd=tmp_path).stdout
    assert Path(where.strip()).is_relative_to(bin_folder.parent), where  # the wheel's copy, not the sources
    catalogue = tmp_path / "catalogue"
    shutil.copytree(EXAMPLE, catalogue)
    files = len(list(catalogue.rglob("*.yaml")))
    run = _run(bin_folder / "roledocs", "validate", "--strict", "catalogue", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, f"{files} files, 0 errors, 0 warnings\n")
    # the schemas and the cross-file rules, from the wheel: a located finding of each
    tester = catalogue / "software-tester.yaml"
    tester.write_text(tester.read_text(encoding="utf-8").replace("\nduties:", "\ndutys:", 1), encoding="utf-8")
    (catalogue / "systems-analyst.yaml").unlink()
    run = _run(bin_folder / "roledocs", "validate", "--format", "json", "catalogue", cwd=tmp_path)
    assert run.returncode == 1
    assert sorted((f["path"], f["line"], f["rule"]) for f in json.loads(run.stdout)) == [
        ("catalogue/software-tester.yaml", 2, "missing-key"), ("catalogue/software-tester.yaml", 19, "unknown-key"),
        ("catalogue/teams/it-delivery.yaml", 49, "unknown-member-role")]
    # the templates, from the wheel
    render = _run(bin_folder / "roledocs", "render", "catalogue/it-project-manager.yaml", "--to", "html", "-o", "out",
                  cwd=tmp_path)
    assert render.returncode == 0 and "<h1>IT Project Manager</h1>" in (tmp_path / "out" / "it-project-manager.html") \
        .read_text(encoding="utf-8")
    # the label catalogues, from the wheel: a German job description
    config = catalogue / "roledocs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "language: de\n", encoding="utf-8")
    german = _run(bin_folder / "roledocs", "render", "catalogue/it-project-manager.yaml", "--to", "md", "-o", "-",
                  cwd=tmp_path)
    assert german.returncode == 0 and "## Zweck der Rolle\n" in german.stdout and "72.000\xa0€" in german.stdout
