"""The README's GitHub workflow: YAML that installs roledocs as the README's Install section says and runs
commands that work on a catalogue `roledocs init` made (tests/consumers/test_pre_commit.py runs its pre-commit
snippet with the real pre-commit)."""
from __future__ import annotations

import yaml

from tests.support import readme_block


def test_the_readmes_workflow_installs_from_the_repository_and_runs_commands_that_work(cli):
    workflow = yaml.safe_load(readme_block("## In CI and pre-commit", "# .github/workflows/roles.yml"))
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
    assert cli("validate", "hr-typo/").code == 2  # a wrong folder does not pass either


def test_the_readmes_cache_steps_keep_the_cache_the_validate_step_writes(cli, isolated, monkeypatch):
    """The actions/cache step saves and restores the folder the validate step writes its content cache to."""
    monkeypatch.delenv("ROLEDOCS_CACHE_DIR")
    cache, validate = yaml.safe_load(readme_block("## In CI and pre-commit", "# the validate job's last steps"))
    assert cache["uses"].startswith("actions/cache@") and cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    assert cli("init", "hr").code == 0
    command = validate["run"].split()
    assert command[:3] == ["roledocs", "validate", "hr/"]
    done = cli(*command[1:])
    assert done.code == 0, done.out + done.err
    assert any((isolated / cache["with"]["path"]).glob("checks-*.jsonl"))
