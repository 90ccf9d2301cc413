"""This project's pre-commit hook run by the real pre-commit (from a clone of the project, its environment installed
as users' is) in a repository that also holds other YAML, as users' repositories do."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.support import EXAMPLE, FIXTURES, readme_block

WORKFLOW = """name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""


@pytest.fixture(scope="module")
def repository_files(pre_commit) -> dict[str, str]:
    """A user's repository: a GitHub workflow, a pre-commit config with the hook, the example catalogue in hr/."""
    files = {".github/workflows/ci.yml": WORKFLOW, ".pre-commit-config.yaml": pre_commit.config()}
    for path in sorted(EXAMPLE.rglob("*.yaml")):
        files[f"hr/{path.relative_to(EXAMPLE).as_posix()}"] = path.read_text(encoding="utf-8")
    return files


def run_hook(pre_commit, folder, files):
    repo = pre_commit.git_repo(folder, files)
    return pre_commit.run(repo, "run", "--all-files")


def test_hook_reports_a_broken_role_at_its_line(pre_commit, tmp_path, repository_files):
    broken = (FIXTURES / "invalid" / "missing-key.yaml").read_text(encoding="utf-8")
    run = run_hook(pre_commit, tmp_path, {**repository_files, "hr/missing-key.yaml": broken})
    assert run.code == 1, run.output
    assert "roledocs validate" in run.output and "Failed" in run.output
    assert "hr/missing-key.yaml:8:5: error missing-key" in run.output


def test_hook_checks_only_roledocs_files(pre_commit, tmp_path, repository_files):
    run = run_hook(pre_commit, tmp_path, repository_files)
    assert run.code == 0, run.output


TYPO = ("title: Software Tester", "titel: Software Tester")  # unknown-key 'titel', missing-key 'title'
OTHER_YAML = {"docker-compose.yml": "services:\n  web:\n    image: nginx\n",
              "deploy/role.yaml": "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader}\n"}


def _errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error " in line]


def test_a_broken_role_fails_the_hook_alone_and_passes_once_fixed(pre_commit, tmp_path, repository_files):
    """Other YAML beside it (a compose file, a Kubernetes Role) is never reported; the fix makes the hook pass."""
    tester = repository_files["hr/software-tester.yaml"]
    files = {**repository_files, **OTHER_YAML, "hr/software-tester.yaml": tester.replace(*TYPO)}
    repo = pre_commit.git_repo(tmp_path, files)
    failed = pre_commit.run(repo, "run", "--all-files")
    assert failed.code == 1, failed.output
    errors = _errors(failed.output)
    assert errors and all(line.startswith("hr/software-tester.yaml:") for line in errors), failed.output
    assert any("unknown-key: 'titel'" in line for line in errors)
    (repo / "hr" / "software-tester.yaml").write_text(tester, encoding="utf-8")
    passed = pre_commit.run(repo, "run", "--all-files")
    assert passed.code == 0 and "Passed" in passed.output, passed.output


def test_a_change_to_other_yaml_only_passes(pre_commit, tmp_path, repository_files):
    """The hook gets only files it passes over: nothing to check is no error (no-files is for folders)."""
    repo = pre_commit.git_repo(tmp_path, {**repository_files, **OTHER_YAML})
    run = pre_commit.run(repo, "run", "--files", ".github/workflows/ci.yml", ".pre-commit-config.yaml",
                         *OTHER_YAML)
    assert run.code == 0 and "Passed" in run.output, run.output


def test_the_readmes_pre_commit_snippet_works_as_written(pre_commit, tmp_path, repository_files):
    """The README's config with its repository replaced by the clone: `pre-commit autoupdate` turns `rev: main` into
    the commit (no release is tagged), and the hook then refuses the broken role."""
    clone, commit = pre_commit.project
    snippet = readme_block("## In CI and pre-commit", "# .pre-commit-config.yaml")
    assert "https://github.com/roledocs/roledocs" in snippet and "rev: main" in snippet
    config = snippet.replace("https://github.com/roledocs/roledocs", clone.as_posix())
    tester = repository_files["hr/software-tester.yaml"].replace(*TYPO)
    repo = pre_commit.git_repo(tmp_path, {**repository_files, ".pre-commit-config.yaml": config,
                                          "hr/software-tester.yaml": tester})
    updated = pre_commit.run(repo, "autoupdate")
    assert updated.code == 0, updated.output
    assert f"rev: {commit}" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    run = pre_commit.run(repo, "run", "--all-files")
    assert run.code == 1 and _errors(run.output) and "ci.yml" not in run.output, run.output


def test_the_config_roledocs_init_writes_runs_the_installed_roledocs(pre_commit, tmp_path, cli, monkeypatch):
    """`roledocs init` in a new repository: its local hook runs the roledocs on PATH (here, this interpreter's)."""
    monkeypatch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    assert cli("init", tmp_path).code == 0
    tester = (EXAMPLE / "software-tester.yaml").read_text(encoding="utf-8").replace("reports_to: it-project-manager\n",
                                                                                   "")
    repo = pre_commit.git_repo(tmp_path, {".github/workflows/ci.yml": WORKFLOW,
                                          "roles/software-tester.yaml": tester.replace(*TYPO)})
    failed = pre_commit.run(repo, "run", "--all-files")
    assert failed.code == 1, failed.output
    errors = _errors(failed.output)
    assert errors and all(line.startswith("roles/software-tester.yaml:") for line in errors), failed.output
    (repo / "roles" / "software-tester.yaml").write_text(tester, encoding="utf-8")
    passed = pre_commit.run(repo, "run", "--all-files")
    assert passed.code == 0 and "Passed" in passed.output, passed.output
