"""`roledocs init [DIR]`: a new catalogue that validates clean, with the schemas its files point editors at and a
pre-commit config (tests/test_precommit.py runs it with the real pre-commit); nothing that exists is written over."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from roledocs.source.schema import schema_text


def test_init_writes_a_catalogue_that_validates_clean(cli):
    run = cli("init", "hr")
    assert run.code == 0, run.err
    assert run.out.startswith("wrote a new catalogue in hr/: roledocs.yaml, roles/, teams/, schemas/")
    assert "roledocs new role ID -o hr/roles/" in run.out
    files = sorted(p.relative_to("hr").as_posix() for p in Path("hr").rglob("*") if p.is_file())
    assert files == [".pre-commit-config.yaml", "roledocs.yaml", "roles/.gitkeep", "schemas/config.schema.json",
                     "schemas/role.schema.json", "schemas/team.schema.json", "teams/.gitkeep"]
    for kind in ("role", "team", "config"):
        assert Path(f"hr/schemas/{kind}.schema.json").read_text(encoding="utf-8") == schema_text(kind)
    config = Path("hr/roledocs.yaml").read_text(encoding="utf-8")
    assert config.startswith("# yaml-language-server: $schema=schemas/config.schema.json\n")
    assert yaml.safe_load(config) == {"roledocs": 1, "organization": "Hr"}
    checked = cli("validate", "hr", "--strict", "--format", "json")
    assert (checked.code, json.loads(checked.out)) == (0, [])


def test_the_pre_commit_config_runs_the_hook_on_roledocs_files_only(cli):
    cli("init", "hr")
    [repo] = yaml.safe_load(Path("hr/.pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    [hook] = repo["hooks"]
    assert repo["repo"] == "local"
    assert (hook["id"], hook["entry"], hook["language"], hook["types"]) == (
        "roledocs-validate", "roledocs validate --skip-other-yaml", "system", ["yaml"])


def test_new_files_in_an_initialised_catalogue_point_at_its_schemas(cli):
    cli("init", "hr")
    run = cli("new", "role", "data-engineer", "-o", "hr/roles")
    assert run.code == 0 and run.err == ""  # no note about a schema that does not exist
    first = Path("hr/roles/data-engineer.yaml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == "# yaml-language-server: $schema=../schemas/role.schema.json"
    assert (Path("hr/roles") / first.split("=", 1)[1]).resolve() == Path("hr/schemas/role.schema.json").resolve()


def test_init_in_the_current_folder_and_the_organisation_from_its_name(cli, tmp_path, monkeypatch):
    (tmp_path / "acme-corp").mkdir()
    monkeypatch.chdir(tmp_path / "acme-corp")
    run = cli("init")
    assert run.code == 0 and run.out.startswith("wrote a new catalogue here: ")
    assert yaml.safe_load(Path("roledocs.yaml").read_text(encoding="utf-8"))["organization"] == "Acme Corp"


def test_an_existing_catalogue_is_refused_and_left_alone(cli):
    Path("hr").mkdir()
    Path("hr/roledocs.yaml").write_text("roledocs: 1\norganization: Mine\n", encoding="utf-8")
    run = cli("init", "hr")
    assert run.code == 2 and "hr/roledocs.yaml already exists: hr is a catalogue already" in run.err
    assert sorted(p.name for p in Path("hr").iterdir()) == ["roledocs.yaml"]


def test_existing_files_are_kept(cli):
    Path("hr").mkdir()
    Path("hr/.pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    run = cli("init", "hr")
    assert run.code == 0
    assert "roledocs: kept hr/.pre-commit-config.yaml, which exists already" in run.err
    assert Path("hr/.pre-commit-config.yaml").read_text(encoding="utf-8") == "repos: []\n"
    assert Path("hr/roledocs.yaml").is_file()


def test_a_folder_inside_a_repository_is_told_where_pre_commit_looks(cli):
    Path(".git").mkdir()
    run = cli("init", "hr")
    assert run.code == 0
    assert "pre-commit reads .pre-commit-config.yaml at the top of the repository" in run.err
    assert "move hr/.pre-commit-config.yaml there" in run.err
    assert cli("init", "other").err.count("top of the repository") == 1


def test_a_file_where_the_folder_should_be_is_a_usage_error(cli):
    Path("hr").write_text("not a folder\n", encoding="utf-8")
    assert cli("init", "hr").code == 2
