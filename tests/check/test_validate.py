"""`roledocs validate` end to end: files checked against their catalogue, exit codes, lint settings, parallel loading."""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.support import FIXTURES, REPO
from roledocs.check.validate import validate

VALID = FIXTURES / "valid"


@pytest.fixture
def catalogue(tmp_path, monkeypatch) -> Path:
    """A private copy of the valid fixture catalogue, made the working folder."""
    root = tmp_path / "catalogue"
    shutil.copytree(VALID, root)
    monkeypatch.chdir(root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _json(cli, *args) -> tuple[int, list[dict]]:
    run = cli("validate", "--format", "json", *args)
    assert "Traceback" not in run.err
    return run.code, json.loads(run.out)


# A file alone, its catalogue, and what is reported ---------------------------------------------------------------

def test_a_file_alone_resolves_references_through_its_catalogue(cli, catalogue):
    run = cli("validate", "roles/analyst.yaml")
    assert (run.code, run.out) == (0, "1 file, 0 errors, 0 warnings\n")
    (catalogue / "roles" / "lead-engineer.yaml").unlink()  # what it reports to: now the reference is unresolved
    code, findings = _json(cli, "roles/analyst.yaml")
    assert (code, [(f["path"], f["line"], f["column"], f["rule"]) for f in findings]) == \
           (1, [("roles/analyst.yaml", 5, 13, "unknown-reports-to")])


def test_a_file_alone_from_another_folder(cli, catalogue, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    team = catalogue / "teams" / "core-team.yaml"
    run = cli("validate", team, "--strict")
    assert (run.code, run.out) == (0, "1 file, 0 errors, 0 warnings\n")
    (catalogue / "roles" / "analyst.yaml").unlink()  # a member role: the finding keeps its place in the team file
    code, findings = _json(cli, team)
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in findings] == \
           [(str(team), 14, 11, "unknown-member-role")]


def test_a_bad_reference_in_a_file_alone_is_reported(cli, catalogue):
    _edit(catalogue / "roles" / "analyst.yaml", "reports_to: lead-engineer", "reports_to: chief-engineer")
    code, findings = _json(cli, "roles/analyst.yaml")
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in findings] == \
           [("roles/analyst.yaml", 5, 13, "unknown-reports-to")]
    assert "analyst, edge-scalars, lead-engineer" in findings[0]["message"]


def test_a_team_alone_checks_its_members_against_the_catalogue(cli, catalogue):
    _edit(catalogue / "teams" / "core-team.yaml", "  - role: analyst", "  - role: analyst\n  - role: architect")
    code, findings = _json(cli, "teams/core-team.yaml")
    assert code == 1
    assert ("unknown-member-role", 15, 11) in {(f["rule"], f["line"], f["column"]) for f in findings}


def test_a_lone_file_without_a_catalogue_skips_cross_file_rules(cli):
    text = (VALID / "roles" / "analyst.yaml").read_text(encoding="utf-8")
    Path("analyst.yaml").write_text(text.replace("reports_to: lead-engineer", "reports_to: nobody-at-all"),
                                    encoding="utf-8")
    assert cli("validate", "analyst.yaml", "--strict").code == 0


def test_a_lone_file_without_a_catalogue_still_gets_its_own_rules(cli):
    text = (VALID / "roles" / "analyst.yaml").read_text(encoding="utf-8")
    Path("analyst.yaml").write_text(text.replace("time_share: 30", "time_share: 50"), encoding="utf-8")
    code, findings = _json(cli, "analyst.yaml")
    assert code == 1
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("time-share-total", 7, 1)]


def test_findings_are_reported_only_for_the_files_asked_for(cli, catalogue):
    _edit(catalogue / "roles" / "lead-engineer.yaml", "    level: 5", "    level: 8")
    _edit(catalogue / "teams" / "core-team.yaml", "      analyst: R", "      analyst: C")
    run = cli("validate", "roles/analyst.yaml")
    assert (run.code, run.out) == (0, "1 file, 0 errors, 0 warnings\n")
    code, findings = _json(cli, "roles/")
    assert code == 1
    assert {f["path"] for f in findings} == {"roles/lead-engineer.yaml"}
    code, findings = _json(cli, ".")
    assert {f["path"] for f in findings} == {"roles/lead-engineer.yaml", "teams/core-team.yaml"}


def test_a_broken_config_is_reported_with_a_file_alone(cli, catalogue):
    """The config decides how every file is checked: its errors show even when only a role file was given."""
    _edit(catalogue / "roledocs.yaml", "quality: off", "quality: sometimes")
    code, findings = _json(cli, "roles/analyst.yaml")
    assert code == 1
    assert [(f["path"], f["rule"]) for f in findings] == [("roledocs.yaml", "invalid-value")]
    assert cli("validate", "roles/analyst.yaml").out.endswith("2 files, 1 error, 0 warnings\n")


def test_a_role_that_cannot_be_read_is_still_known_by_its_file_name(cli, catalogue):
    """Its YAML error is reported once, not again at every reports_to and team member that names it."""
    _edit(catalogue / "roles" / "lead-engineer.yaml", "title:", "title: [")
    code, findings = _json(cli, ".")
    assert code == 1
    assert [(f["path"], f["rule"]) for f in findings] == [("roles/lead-engineer.yaml", "yaml-syntax")]


def test_paths_are_shown_as_given(cli, catalogue, monkeypatch):
    _edit(catalogue / "roles" / "analyst.yaml", "    level: 4", "    level: 0")
    assert _json(cli, "roles")[1][0]["path"] == "roles/analyst.yaml"
    assert _json(cli, "./roles/analyst.yaml")[1][0]["path"] == "./roles/analyst.yaml"
    monkeypatch.chdir(catalogue / "teams")
    assert _json(cli, "..")[1][0]["path"] == "../roles/analyst.yaml"


def test_the_default_path_is_the_current_folder(cli, catalogue):
    run = cli("validate")
    assert (run.code, run.out) == (0, "5 files, 0 errors, 0 warnings\n")
    _edit(catalogue / "roles" / "analyst.yaml", "reports_to: lead-engineer", "reports_to: chief-engineer")
    assert _json(cli) == _json(cli, ".") == (1, _json(cli, ".")[1])
    assert [(f["path"], f["rule"]) for f in _json(cli)[1]] == [("roles/analyst.yaml", "unknown-reports-to")]


def test_a_file_given_twice_is_checked_once(cli, catalogue):
    _edit(catalogue / "roles" / "analyst.yaml", "    level: 4", "    level: 0")
    code, findings = _json(cli, "roles/analyst.yaml", "roles/analyst.yaml", "roles")
    assert code == 1 and len(findings) == 1


def test_hidden_folders_and_the_output_folder_are_skipped(cli, catalogue):
    for folder in (".git", ".github/workflows", "site"):
        (catalogue / folder).mkdir(parents=True)
        (catalogue / folder / "broken.yaml").write_text("key: [\n", encoding="utf-8")
    (catalogue / "roles" / ".hidden.yaml").write_text("key: [\n", encoding="utf-8")
    run = cli("validate", "--strict")
    assert (run.code, run.out) == (0, "5 files, 0 errors, 0 warnings\n")


def test_yml_files_are_read_too(cli, catalogue):
    text = (catalogue / "roles" / "analyst.yaml").read_text(encoding="utf-8")
    (catalogue / "roles" / "tester.yml").write_text(text.replace("id: analyst", "id: tester"), encoding="utf-8")
    (catalogue / "roles" / "analyst.yaml").unlink()
    code, findings = _json(cli, ".")
    assert code == 1
    assert {(f["path"], f["rule"]) for f in findings} == {("teams/core-team.yaml", "unknown-member-role")}


def test_the_library_api(catalogue):
    result = validate(["."])
    assert (result.findings, result.errors, result.warnings, result.failed(strict=True)) == ([], 0, 0, False)
    assert sorted(result.files) == ["roledocs.yaml", "roles/analyst.yaml", "roles/edge-scalars.yaml",
                                    "roles/lead-engineer.yaml", "teams/core-team.yaml"]
    _edit(catalogue / "roles" / "analyst.yaml", "reports_to: lead-engineer", "reports_to: chief-engineer")
    result = validate(["roles/analyst.yaml"])
    assert [(f.path, f.line, f.rule) for f in result.findings] == [("roles/analyst.yaml", 5, "unknown-reports-to")]
    assert (result.errors, result.warnings, result.failed(), result.files) == (1, 0, True, ["roles/analyst.yaml"])


# Exit codes -------------------------------------------------------------------------------------------------------

def test_exit_0_when_clean(cli, catalogue):
    run = cli("validate", "--strict")
    assert (run.code, run.out, run.err) == (0, "5 files, 0 errors, 0 warnings\n", "")


def test_exit_1_on_errors(cli, catalogue):
    _edit(catalogue / "roles" / "analyst.yaml", "time_share: 30", "time_share: 40")
    run = cli("validate")
    assert run.code == 1
    assert run.out.endswith("5 files, 1 error, 0 warnings\n")


def test_warnings_fail_only_with_strict(cli, catalogue):
    _edit(catalogue / "teams" / "core-team.yaml", "      customer: C", "      customer: CI")
    assert cli("validate").code == 0
    run = cli("validate", "--strict")
    assert run.code == 1
    assert run.out.endswith("5 files, 0 errors, 1 warning\n")


@pytest.mark.parametrize("args", [["validate", "no-such-folder"], ["validate", ".", "missing.yaml"],
                                  ["validate", "--colour"], ["validate", "--format", "xml"], ["validate", "--jobs", "x"],
                                  ["valdate"]])
def test_exit_2_on_usage_errors(args, cli, catalogue):
    run = cli(*args)
    assert run.code == 2
    assert run.out == ""
    assert "Traceback" not in run.err and run.err.strip()


def test_missing_path_is_named(cli):
    run = cli("validate", "nowhere/role.yaml")
    assert run.code == 2
    assert "nowhere/role.yaml" in run.err


def test_no_command_prints_help_and_exits_2(cli):
    run = cli()
    assert run.code == 2
    assert "validate" in run.out


def test_an_unreadable_file_is_a_finding_not_a_crash(cli, catalogue):
    path = catalogue / "roles" / "analyst.yaml"
    path.chmod(0)
    try:
        if _readable(path):
            pytest.skip("running as a user who can read any file")
        code, findings = _json(cli, "roles/analyst.yaml")
        assert code == 1
        assert [f["rule"] for f in findings] == ["file-unreadable"]
    finally:
        path.chmod(0o644)


def _readable(path: Path) -> bool:
    try:
        path.read_bytes()
        return True
    except OSError:
        return False


def test_a_folder_named_like_a_yaml_file_is_not_a_crash(cli, catalogue):
    (catalogue / "roles" / "folder.yaml").mkdir()
    run = cli("validate")
    assert run.code in (0, 1)
    assert "Traceback" not in run.err and "internal error" not in run.err


# The catalogue config -------------------------------------------------------------------------------------------

def _idle_and_ci(catalogue: Path) -> None:
    """One raci-idle-role and one raci-consulted-informed warning in the team."""
    _edit(catalogue / "teams" / "core-team.yaml", "      edge-scalars: R\n", "")
    _edit(catalogue / "teams" / "core-team.yaml", "      customer: C", "      customer: CI")


def test_lint_defaults(cli, catalogue):
    _idle_and_ci(catalogue)
    code, findings = _json(cli)
    assert code == 0
    assert sorted((f["rule"], f["severity"]) for f in findings) == [("raci-consulted-informed", "warning"),
                                                                    ("raci-idle-role", "warning")]


def test_lint_off_removes_a_rule(cli, catalogue):
    _idle_and_ci(catalogue)
    (catalogue / "roledocs.yaml").write_text("roledocs: 1\nlint:\n  raci-idle-role: off\n", encoding="utf-8")
    code, findings = _json(cli)
    assert code == 0
    assert [f["rule"] for f in findings] == ["raci-consulted-informed"]


def test_lint_error_raises_a_warning(cli, catalogue):
    _idle_and_ci(catalogue)
    (catalogue / "roledocs.yaml").write_text("roledocs: 1\nlint:\n  raci-consulted-informed: error\n", encoding="utf-8")
    code, findings = _json(cli)
    assert code == 1
    assert sorted((f["rule"], f["severity"]) for f in findings) == [("raci-consulted-informed", "error"),
                                                                    ("raci-idle-role", "warning")]


def test_lint_warning_lowers_an_error(cli, catalogue):
    _edit(catalogue / "roles" / "analyst.yaml", "time_share: 30", "time_share: 40")
    (catalogue / "roledocs.yaml").write_text("roledocs: 1\nlint:\n  time-share-total: warning\n", encoding="utf-8")
    code, findings = _json(cli)
    assert code == 0
    assert [(f["rule"], f["severity"]) for f in findings] == [("time-share-total", "warning")]


def test_lint_settings_apply_to_a_file_given_alone(cli, catalogue):
    _idle_and_ci(catalogue)
    (catalogue / "roledocs.yaml").write_text("roledocs: 1\nlint:\n  raci-idle-role: off\n  raci-consulted-informed: "
                                             "off\n", encoding="utf-8")
    assert cli("validate", "--strict", "teams/core-team.yaml").code == 0


def test_a_bad_lint_severity_is_reported_with_its_place(cli, catalogue):
    (catalogue / "roledocs.yaml").write_text("roledocs: 1\nlint:\n  raci-idle-role: maybe\n", encoding="utf-8")
    code, findings = _json(cli)
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in findings] == \
           [("roledocs.yaml", 3, 19, "invalid-value")]
    assert "'off'" in findings[0]["message"]


def test_an_unknown_config_key_is_reported(cli, catalogue):
    (catalogue / "roledocs.yaml").write_text("roledocs: 1\norganisation: Fixture Corp\n", encoding="utf-8")
    code, findings = _json(cli, "roles/analyst.yaml", "roledocs.yaml")
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in findings] == [("roledocs.yaml", 2, 1, "unknown-key")]
    assert "(did you mean 'organization'?)" in findings[0]["message"]


def test_a_broken_config_given_with_a_role_is_reported(cli, catalogue):
    (catalogue / "roledocs.yaml").write_text("roledocs: 1\nlint: [\n", encoding="utf-8")
    code, findings = _json(cli, "roles/analyst.yaml", "roledocs.yaml")
    assert code == 1
    assert [(f["path"], f["line"], f["rule"]) for f in findings] == [("roledocs.yaml", 3, "yaml-syntax")]


def test_an_unknown_rule_in_lint_is_a_warning(cli, catalogue):
    (catalogue / "roledocs.yaml").write_text("roledocs: 1\nlint:\n  raci-idle: off\n", encoding="utf-8")
    code, findings = _json(cli)
    assert code == 0
    assert [(f["line"], f["column"], f["rule"], f["severity"]) for f in findings] == [(3, 3, "unknown-rule", "warning")]
    assert "raci-idle-role" in findings[0]["message"]


def test_an_empty_config_is_reported(cli, catalogue):
    (catalogue / "roledocs.yaml").write_text("# nothing yet\n", encoding="utf-8")
    code, findings = _json(cli)
    assert code == 1
    assert [(f["path"], f["line"], f["column"], f["rule"]) for f in findings] == [("roledocs.yaml", 1, 1, "file-empty")]


# Many files: worker processes give the same result as one process ---------------------------------------------

def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_parallel_loading_gives_the_same_findings(cli, tmp_path):
    root = _generator().generate(tmp_path / "big", roles=450, teams=10, seed=1, broken=10)
    one = cli("validate", "--format", "json", "--jobs", "1", root)
    two = cli("validate", "--format", "json", "--jobs", "2", root)
    assert one.code == two.code == 1
    assert one.out == two.out
    rules = {f["rule"] for f in json.loads(one.out)}
    assert {"out-of-range", "invalid-value", "unknown-key", "kpi-target-format", "yaml-duplicate-key"} <= rules
    assert all(f["line"] and f["column"] for f in json.loads(two.out))


def test_an_internal_failure_exits_3_with_a_hint_and_no_traceback(cli, catalogue, monkeypatch):
    """Exit 3 is for bugs only (the fuzz tests show bad input never reaches it); it names where to report them."""
    import roledocs.check.validate

    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(roledocs.check.validate, "validate", broken)
    run = cli("validate")
    assert run.code == 3
    assert "internal error: RuntimeError: simulated bug" in run.err
    assert "please report it" in run.err and "Traceback" not in run.err


def test_a_folder_without_yaml_files_fails(cli, tmp_path):
    """A mistyped or empty folder in CI must not pass: exit 1 with a finding that says what was looked for."""
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / ".hidden.yaml").write_text("roledocs: 1\n", encoding="utf-8")
    given = str(tmp_path / "empty")
    for strict in ((), ("--strict",)):
        run = cli("validate", given, *strict)
        assert run.code == 1
        assert run.out == (f"{given}: error no-files: no role, team or config file found in {given}: roledocs looked "
                           "for .yaml and .yml files there and in its subfolders (leaving out hidden folders and the "
                           "output folder); is the path right?\n0 files, 1 error, 0 warnings\n")


def test_each_empty_folder_is_named_even_beside_a_good_one(cli, example):
    (example / "drafts").mkdir()
    run = cli("validate", example, example / "drafts", "--format", "json")
    assert run.code == 1
    assert [(f["path"], f["rule"], f["line"]) for f in json.loads(run.out)] == [
        (str(example / "drafts"), "no-files", None)]


def test_the_empty_run_fails_in_every_format(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    for fmt in ("github", "junit", "sarif"):
        run = cli("validate", tmp_path / "empty", "--format", fmt)
        assert run.code == 1 and "no-files" in run.out


def test_a_folder_that_cannot_be_read_is_an_error_not_a_silent_skip(cli, catalogue, monkeypatch):
    (catalogue / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):  # CI runs as root, where chmod 000 does not stop reading: deny it here instead
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, findings = _json(cli, ".")
    assert code == 1
    assert [(f["path"], f["line"], f["rule"]) for f in findings] == [("locked", None, "file-unreadable")]
    assert "Permission denied" in findings[0]["message"]


def test_a_folder_with_its_own_config_is_a_catalogue_of_its_own(cli, catalogue):
    """Its roles resolve within it, whether the outer folder or one of its files is validated."""
    (catalogue / "sub").mkdir()
    shutil.copy(catalogue / "roledocs.yaml", catalogue / "sub" / "roledocs.yaml")
    shutil.copy(catalogue / "roles" / "analyst.yaml", catalogue / "sub" / "analyst.yaml")
    expected = [("sub/analyst.yaml", "unknown-reports-to")]  # lead-engineer is not in the sub-catalogue
    for args in ((".",), ("sub/analyst.yaml",), ("sub", "roles/analyst.yaml")):
        code, findings = _json(cli, *args)
        assert (code, [(f["path"], f["rule"]) for f in findings]) == (1, expected), args
    assert cli("validate", ".").out.endswith("7 files, 1 error, 0 warnings\n")  # both configs, no duplicate


def test_files_outside_the_request_are_loaded_for_references_but_not_linted(catalogue):
    """pre-commit names a few files of a large catalogue: the others are read for the cross-file rules only."""
    from functools import partial

    from roledocs.check.engine import run_file_rules
    from roledocs.source import catalogue as source

    load_catalogue = partial(source.load_catalogue, per_file=run_file_rules)
    _edit(catalogue / "roledocs.yaml", "quality: off", "quality: warning")
    for name in ("analyst", "lead-engineer"):
        text = (catalogue / "roles" / f"{name}.yaml").read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        _edit(catalogue / "roles" / f"{name}.yaml", title, title + " Ninja")
    _edit(catalogue / "roles" / "lead-engineer.yaml", "    level: 5", "    level: 8")  # the schema is still checked
    everything = load_catalogue(catalogue, str)
    only_analyst = load_catalogue(catalogue, str, reported=lambda path: path.name == "analyst.yaml")
    rules = lambda loaded: sorted((f.path.rsplit("/", 1)[-1], f.rule) for f in loaded.findings)  # noqa: E731
    assert rules(everything) == [("analyst.yaml", "jargon-title"), ("lead-engineer.yaml", "out-of-range")]
    assert rules(only_analyst) == rules(everything)
    _edit(catalogue / "roles" / "lead-engineer.yaml", "    level: 8", "    level: 5")
    everything = load_catalogue(catalogue, str)
    only_analyst = load_catalogue(catalogue, str, reported=lambda path: path.name == "analyst.yaml")
    assert rules(everything) == [("analyst.yaml", "jargon-title"), ("lead-engineer.yaml", "jargon-title")]
    assert rules(only_analyst) == [("analyst.yaml", "jargon-title")]
    assert set(only_analyst.roles) == set(everything.roles)


def test_a_hidden_folder_named_on_the_command_line_is_read(cli, catalogue):
    (catalogue / ".drafts").mkdir()
    shutil.copy(catalogue / "roles" / "analyst.yaml", catalogue / ".drafts" / "analyst.yaml")
    code, findings = _json(cli, ".drafts")
    assert (code, {(f["path"], f["rule"]) for f in findings}) == (1, {(".drafts/analyst.yaml", "duplicate-id")})


def test_an_unreadable_folder_or_file_named_on_the_command_line_is_a_finding(cli, catalogue, monkeypatch):
    """CI runs as root, where permissions do not stop reading: the refusals are simulated."""
    (catalogue / "locked").mkdir()
    real_scandir, real_is_file, real_exists = os.scandir, Path.is_file, Path.exists

    def scandir(path="."):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def guarded(real):
        def check(self):
            if "locked" in self.parts and self.name != "locked":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)
        return check

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "is_file", guarded(real_is_file))
    monkeypatch.setattr(Path, "exists", guarded(real_exists))
    for given in ("locked", "locked/x.yaml"):
        code, findings = _json(cli, given)
        assert (code, [(f["path"], f["rule"]) for f in findings]) == (1, [(given, "file-unreadable")]), given
        assert "Permission denied" in findings[0]["message"]


# --skip-other-yaml: what the pre-commit hook passes (tests/test_precommit.py runs the real pre-commit) ------------

OTHER_YAML = {
    ".github/workflows/ci.yml": "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
    ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks: []\n",
    "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
    "deploy/role.yaml": "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n",
}


def _other_yaml() -> list[str]:
    for name, text in OTHER_YAML.items():
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(text, encoding="utf-8")
    return list(OTHER_YAML)


def test_skip_other_yaml_passes_over_files_that_are_not_roledocs_files(cli):
    others = _other_yaml()
    run = cli("validate", "--skip-other-yaml", *others)
    assert (run.code, run.out) == (0, "0 files, 0 errors, 0 warnings\n")
    strict = cli("validate", others[0])  # named without the option, a file is always checked
    assert strict.code == 1 and "missing-key: 'kind' is missing" in strict.out


def test_skip_other_yaml_still_checks_a_role_that_lacks_kind(cli, example, monkeypatch):
    """`roledocs: 1` says it is a roledocs file, so a missing `kind` is still an error; so is a broken config."""
    monkeypatch.chdir(example)
    tester = Path("software-tester.yaml")
    tester.write_text(tester.read_text(encoding="utf-8").replace("kind: role\n", ""), encoding="utf-8")
    Path("roledocs.yaml").write_text("roledocs: 1\norganisation: Example\n", encoding="utf-8")
    run = cli("validate", "--skip-other-yaml", "software-tester.yaml", "roledocs.yaml", *_other_yaml(), "--format",
              "json")
    assert run.code == 1
    assert {(f["path"], f["rule"]) for f in json.loads(run.out)} == {("software-tester.yaml", "missing-key"),
                                                                    ("roledocs.yaml", "unknown-key")}


def test_skip_other_yaml_in_a_folder(cli, example, monkeypatch):
    """A repository root checked as a whole: its workflows are hidden, its other YAML passed over."""
    monkeypatch.chdir(example)
    _other_yaml()
    assert cli("validate", ".").code == 1  # docker-compose.yml and the Kubernetes Role are read as roledocs files
    run = cli("validate", "--skip-other-yaml", ".")
    assert (run.code, run.out) == (0, "8 files, 0 errors, 0 warnings\n")


def test_skip_other_yaml_still_fails_a_folder_without_roledocs_files(cli):
    _other_yaml()
    run = cli("validate", "--skip-other-yaml", "deploy")
    assert run.code == 1 and "no-files" in run.out and "without `roledocs:` or `kind: role|team`" in run.out
