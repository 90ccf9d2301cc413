"""This project's pre-commit hook run by the real pre-commit (from a clone of the project, its environment installed
as users' is) in a repository that also holds other YAML, as users' repositories do."""
from __future__ import annotations

import pytest

from tests.support import EXAMPLE, FIXTURES

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


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="issue 12: files: \\.ya?ml$ sends every YAML file to validate, so the workflow and "
                          ".pre-commit-config.yaml fail with missing-key")
def test_hook_checks_only_roledocs_files(pre_commit, tmp_path, repository_files):
    run = run_hook(pre_commit, tmp_path, repository_files)
    assert run.code == 0, run.output
