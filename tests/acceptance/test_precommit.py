"""The pre-commit hook, run by the real `pre-commit` in a repository that holds other YAML too.

pre-commit passes every changed YAML file to the hook (a GitHub workflow, its own config, a docker-compose file):
the hook must check the roledocs files among them and nothing else, and fail on a broken role until it is fixed.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import EXAMPLE, REPO

WORKFLOW = """\
name: roles
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""
COMPOSE = "services:\n  web:\n    image: nginx\n"
BROKEN_TITLE = "titel: Software Tester"  # a typo: unknown-key and missing-key on this role only


def _git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=120)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def environment(tmp_path_factory) -> dict[str, str]:
    """What git and pre-commit run with: a private pre-commit cache (the hook's environment is installed once for
    this module), a git identity, and this interpreter's folder first on PATH (where `roledocs` is installed)."""
    if shutil.which("git") is None:
        pytest.fail("git is needed for the pre-commit tests (.ci/run installs it)")
    home = tmp_path_factory.mktemp("precommit-home")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(home / "cache"), HOME=str(home), GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_NOSYSTEM="1",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]))
    return env


def _pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=900)


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory, environment) -> tuple[Path, str]:
    """A temporary clone of this project's working tree (tracked and new files, as they are now), committed: what
    a `repo:` entry points pre-commit at, with the commit as its `rev`."""
    if not (REPO / ".git").exists():
        pytest.fail("the pre-commit test copies the project's git working tree; run it from a clone")
    clone = tmp_path_factory.mktemp("roledocs-clone")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if not source.is_symlink() and not source.exists():  # deleted in the working tree
            continue
        target = clone / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, target)
    _git("init", "-q", "-b", "main", cwd=clone)
    _git("add", "-A", "--force", cwd=clone)  # every listed file, even one a .gitignore pattern matches
    subprocess.run(["git", "commit", "-q", "-m", "snapshot"], cwd=clone, env=environment, check=True, timeout=120)
    return clone, _git("rev-parse", "HEAD", cwd=clone)


def _project(root: Path, config: str, env: dict[str, str]) -> Path:
    """A git repository with other YAML (a workflow, a compose file, pre-commit's config) and a catalogue in hr/
    (the example roles and team) whose software-tester role has a typo."""
    root.mkdir()
    _git("init", "-q", "-b", "main", cwd=root)
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "roles.yml").write_text(WORKFLOW, encoding="utf-8")
    (root / "docker-compose.yml").write_text(COMPOSE, encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    shutil.copytree(EXAMPLE, root / "hr")
    tester = root / "hr" / "software-tester.yaml"
    tester.write_text(tester.read_text(encoding="utf-8").replace("title: Software Tester", BROKEN_TITLE),
                      encoding="utf-8")
    _git("add", "-A", cwd=root)
    return root


def _fix(project: Path) -> None:
    tester = project / "hr" / "software-tester.yaml"
    tester.write_text(tester.read_text(encoding="utf-8").replace(BROKEN_TITLE, "title: Software Tester"),
                      encoding="utf-8")
    _git("add", "-A", cwd=project)


def _commit(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "commit", "-m", "roles"], cwd=project, env=env, capture_output=True, text=True,
                          timeout=900)


def test_the_hook_fails_on_the_broken_role_only_then_passes(tmp_path, environment, hook_repository):
    """The README's pre-commit snippet with `repo:` pointing at a clone and `rev:` at its commit: the commit is
    refused for the role with a typo, not for the workflow, the compose file or pre-commit's own config, and goes
    through once the typo is fixed."""
    clone, commit = hook_repository
    config = f"repos:\n  - repo: {clone.as_posix()}\n    rev: {commit}\n    hooks:\n      - id: roledocs-validate\n"
    project = _project(tmp_path / "project", config, environment)
    installed = _pre_commit("install", cwd=project, env=environment)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    refused = _commit(project, environment)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "roledocs validate" in output and "Failed" in output
    problems = [line for line in output.splitlines() if ": error " in line]
    assert problems and all(line.startswith("hr/software-tester.yaml:") for line in problems), output
    assert any("unknown-key: 'titel'" in line for line in problems), output
    for other in ("roles.yml", "docker-compose.yml", ".pre-commit-config.yaml"):
        assert other not in output

    _fix(project)
    accepted = _commit(project, environment)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "roledocs validate" in accepted.stderr and "Passed" in accepted.stderr


def test_a_commit_of_other_yaml_only_passes(tmp_path, environment, hook_repository):
    """A commit that changes only a workflow gives the hook nothing to check: that passes (the empty-folder error
    is for folders named on the command line, not for files a hook passes over)."""
    clone, commit = hook_repository
    config = f"repos:\n  - repo: {clone.as_posix()}\n    rev: {commit}\n    hooks:\n      - id: roledocs-validate\n"
    project = _project(tmp_path / "project", config, environment)
    run = _pre_commit("run", "--files", ".github/workflows/roles.yml", ".pre-commit-config.yaml",
                      "docker-compose.yml", cwd=project, env=environment)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout



def test_init_writes_a_pre_commit_config_that_works(tmp_path, environment):
    """`roledocs init` in a new repository: its .pre-commit-config.yaml runs the installed roledocs on a commit,
    refusing a broken role and passing other YAML."""
    project = tmp_path / "org"
    project.mkdir()
    _git("init", "-q", "-b", "main", cwd=project)
    done = subprocess.run([sys.executable, "-m", "roledocs", "init"], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (project / ".github" / "workflows").mkdir(parents=True)
    (project / ".github" / "workflows" / "roles.yml").write_text(WORKFLOW, encoding="utf-8")
    tester = (EXAMPLE / "software-tester.yaml").read_text(encoding="utf-8")
    (project / "roles" / "software-tester.yaml").write_text(
        tester.replace("title: Software Tester", BROKEN_TITLE).replace("reports_to: it-project-manager\n", ""),
        encoding="utf-8")
    _git("add", "-A", cwd=project)
    installed = _pre_commit("install", cwd=project, env=environment)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    refused = _commit(project, environment)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    problems = [line for line in output.splitlines() if ": error " in line]
    assert problems and all(line.startswith("roles/software-tester.yaml:") for line in problems), output

    (project / "roles" / "software-tester.yaml").write_text(
        tester.replace("reports_to: it-project-manager\n", ""), encoding="utf-8")
    _git("add", "-A", cwd=project)
    accepted = _commit(project, environment)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def _readme_block(heading: str, first_line: str) -> str:
    """The fenced block of the README that starts with `first_line`, under `heading`."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index(heading):]
    start = section.index(f"```yaml\n{first_line}\n") + len("```yaml\n")
    return section[start:section.index("```", start)]


def test_the_readmes_pre_commit_snippet_works_as_written(tmp_path, environment, hook_repository):
    """The README's config with its repository replaced by the clone: `pre-commit autoupdate` turns `rev: main`
    into the commit (no release is tagged), and the hook then refuses the broken role."""
    clone, commit = hook_repository
    snippet = _readme_block("## In CI and pre-commit", "# .pre-commit-config.yaml")
    assert "https://github.com/roledocs/roledocs" in snippet and "rev: main" in snippet
    config = snippet.replace("https://github.com/roledocs/roledocs", clone.as_posix())
    project = _project(tmp_path / "project", config, environment)
    updated = _pre_commit("autoupdate", cwd=project, env=environment)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert f"rev: {commit}" in (project / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    run = _pre_commit("run", "--all-files", cwd=project, env=environment)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "hr/software-tester.yaml:" in run.stdout and "roles.yml" not in run.stdout


def test_the_readmes_workflow_runs_what_the_hook_and_the_commands_accept(cli):
    """The GitHub workflow is YAML that installs roledocs from its repository and runs commands that work, on a
    catalogue `roledocs init hr` made."""
    import yaml

    workflow = yaml.safe_load(_readme_block("## In CI and pre-commit", "# .github/workflows/roles.yml"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = [step["run"].split("#")[0].strip() for step in steps if "run" in step]
    assert runs.count('pip install "roledocs @ git+https://github.com/roledocs/roledocs"') == 2
    assert "roledocs validate hr/ --strict --format github" in runs
    assert "roledocs validate hr/ --format sarif > roledocs.sarif" in runs
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["if"] == "always()" and upload["with"] == {"sarif_file": "roledocs.sarif"}
    assert workflow["jobs"]["code-scanning"]["permissions"]["security-events"] == "write"
    assert cli("init", "hr").code == 0
    for command in (run for run in runs if run.startswith("roledocs ")):
        done = cli(*command.split(">")[0].split()[1:])
        assert done.code == 0, (command, done.out, done.err)
