"""Behaviour pinned by cli.md and format-v1.md that a black-box acceptance audit found off: each test names its line."""
from __future__ import annotations

import json


def test_a_wrong_key_says_did_you_mean_in_lower_case(cli, example):
    # cli.md: a wrong key says which keys are allowed there (and the closest one: "did you mean `duties`?")
    role = example / "software-tester.yaml"
    role.write_text(role.read_text().replace("duties:", "dutis:", 1))
    run = cli("validate", role)
    assert run.code == 1
    line = next(line for line in run.out.splitlines() if "unknown-key" in line)
    assert "did you mean 'duties'?" in line
    assert "Allowed keys: " in line and "kpis" in line and "summary" in line


def test_a_wrong_value_says_did_you_mean_in_lower_case(cli, example):
    role = example / "software-tester.yaml"
    role.write_text(role.read_text().replace("employment_type: full-time", "employment_type: fulltime"))
    findings = json.loads(cli("validate", role, "--format", "json").out)
    assert [f["message"] for f in findings if f["rule"] == "invalid-value"] == [
        "'fulltime' is not allowed for employment_type; use 'full-time', 'part-time', 'contractor', 'temporary', "
        "'intern', 'volunteer', 'per-diem', 'other' (did you mean 'full-time'?)."]


def test_a_missing_member_role_says_which_roles_exist(cli, example):
    # cli.md: a missing reference says which ids exist
    team = example / "teams" / "it-delivery.yaml"
    team.write_text(team.read_text().replace("- role: systems-analyst", "- role: systems-analyzt", 1))
    message = next(f["message"] for f in json.loads(cli("validate", team, "--format", "json").out)
                   if f["rule"] == "unknown-member-role")
    assert message == ("'systems-analyzt' is not a role in this catalogue; did you mean 'systems-analyst', as the RACI "
                       "matrix (14 activities) calls it? the roles are: database-administrator, "
                       "infrastructure-project-manager, it-project-manager, software-developer, software-tester, "
                       "systems-analyst; fix the id")


def test_a_missing_reports_to_names_the_roles_and_counts_the_rest(cli, example, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "roledocs.yaml").write_text("roledocs: 1\n")
    source = (example / "software-tester.yaml").read_text()
    for n in range(14):
        (folder / f"r{n:02}.yaml").write_text(source.replace("id: software-tester", f"id: r{n:02}")
                                              .replace("reports_to: it-project-manager", "reports_to: chief"))
    message = next(f["message"] for f in json.loads(cli("validate", folder / "r00.yaml", "--format", "json").out)
                   if f["rule"] == "unknown-reports-to")
    assert message == ("'chief' is not a role in this catalogue; the roles are: r00, r01, r02, r03, r04, r05, r06, "
                       "r07, r08, r09, r10, r11 and 2 more")


def test_the_skeleton_keeps_its_comments_in_one_column(cli):
    # the comment after the id lined up only for two-letter ids: the id pushed it right by its length
    for kind in ("role", "team"):
        lines = cli("new", kind, "data-engineer", "-o", "-").out.splitlines()
        columns = {line.index("#") for line in lines[2:5]}
        assert lines[4].startswith("id: data-engineer ") and len(columns) == 1, lines[2:5]
