"""`roledocs analyze`: workload counts and flags, skill gaps worked out by hand, skill risks, JSON keys, exit codes."""
from __future__ import annotations

import json

import pytest
from tests.team.support import activity, catalogue_copy, team, write_team


def analyze_json(cli, path) -> dict:
    run = cli("analyze", path, "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)


@pytest.fixture
def root(tmp_path):
    return catalogue_copy(tmp_path)


def by_role(result: dict) -> dict:
    return {entry["role"]: entry for entry in result["workload"]}


def test_workload_counts_each_letter_and_flags_with_default_thresholds(cli, root):
    result = analyze_json(cli, root / "teams" / "small.yaml")
    roles = by_role(result)
    # plan: lead AR; build: lead A; estimate: lead A; accept: lead C  ->  R1 A3 C1 I0, accountable for 3 of 4
    assert {k: roles["team-lead"][k] for k in ("responsible", "accountable", "consulted", "informed")} == \
        {"responsible": 1, "accountable": 3, "consulted": 1, "informed": 0}
    assert roles["team-lead"]["accountable_share"] == 0.75 and roles["team-lead"]["flags"] == ["overloaded"]
    # developer: R on build, estimate, accept (3 of 4 = 75% > 70%)
    assert roles["developer"]["responsible_share"] == 0.75 and roles["developer"]["flags"] == ["overloaded"]
    assert roles["operator"]["flags"] == [] and roles["operator"]["informed"] == 1
    assert [e["role"] for e in result["workload"]] == ["team-lead", "developer", "operator"]  # lead first


def test_seats_and_duty_time(cli, root):
    roles = by_role(analyze_json(cli, root / "teams" / "small.yaml"))
    assert (roles["developer"]["headcount"], roles["developer"]["people"], roles["developer"]["unfilled"]) == (3, 2, 1)
    assert roles["operator"]["unfilled"] == 1
    assert roles["team-lead"]["time_share"] == 100
    assert roles["operator"]["time_share"] is None  # no duty gives a time share: unknown, not zero


def test_thresholds_come_from_the_config_and_are_exclusive(cli, root):
    (root / "roledocs.yaml").write_text("roledocs: 1\nanalysis:\n  accountable_max_share: 0.75\n"
                                        "  responsible_max_share: 0.75\n", encoding="utf-8")
    result = analyze_json(cli, root / "teams" / "small.yaml")
    assert result["thresholds"] == {"accountable_max_share": 0.75, "responsible_max_share": 0.75}
    assert all(entry["flags"] == [] for entry in result["workload"])  # exactly at the threshold is not over it


def test_idle_role_has_no_r_or_a(cli, root):
    path = write_team(root, team([activity("one", {"team-lead": "A", "developer": "R", "operator": "CI"}),
                                  activity("two", {"customer": "A", "developer": "R", "operator": "I"})]))
    roles = by_role(analyze_json(cli, path))
    assert roles["operator"]["flags"] == ["idle"]
    assert roles["developer"]["flags"] == ["overloaded"]  # responsible for 2 of 2
    assert roles["team-lead"]["flags"] == []  # accountable for 1 of 2 = 50%, not more


def test_a_team_without_activities_has_no_shares_and_no_flags(cli, root):
    path = write_team(root, team([]))
    result = analyze_json(cli, path)
    assert result["totals"]["activities"] == 0
    assert all(e["accountable_share"] is None and e["flags"] == [] for e in result["workload"])


def test_skill_gaps_worked_out_by_hand(cli, root):
    coverage = {p["person"]: p for p in analyze_json(cli, root / "teams" / "small.yaml")["coverage"]}
    assert list(coverage) == ["Ann Avery", "Bob Brown", "Cy Chen"]
    # Ann (Team Lead): Planning 4 needed, has 3 -> gap 1; Communication 3 needed, has 5 (written in lower case)
    # -> met. Budgeting is preferred, not required: not listed.
    assert [(s["skill"], s["required"], s["assessed"], s["gap"], s["status"]) for s in coverage["Ann Avery"]["skills"]] \
        == [("Planning", 4, 3, 1, "gap"), ("Communication", 3, 5, 0, "met")]
    # Bob (Developer): Python 4 / 5 -> met; SQL 3 / 2 -> gap 1
    assert [(s["skill"], s["gap"]) for s in coverage["Bob Brown"]["skills"]] == [("Python", 0), ("SQL", 1)]
    # Cy (Developer): Python 4 / 2 -> gap 2; SQL not assessed: null, never a zero gap
    cy = coverage["Cy Chen"]
    assert [(s["skill"], s["assessed"], s["gap"], s["status"]) for s in cy["skills"]] == \
        [("Python", 2, 2, "gap"), ("SQL", None, None, "not assessed")]
    assert (cy["met"], cy["gaps"], cy["not_assessed"], cy["total_gap"]) == (0, 1, 1, 2)


def test_skill_risks_worked_out_by_hand(cli, root):
    risks = analyze_json(cli, root / "teams" / "small.yaml")["risks"]
    single = {(r["skill"], r["level"]): r["people"] for r in risks["single_point_of_failure"]}
    # Communication 3: only Ann. Python 4: Bob (Cy has 2). SQL 2 (Operator's bar): only Bob has 2 or more,
    # counted although he is a developer: anyone in the team who reaches the level counts.
    assert single == {("Communication", 3): ["Ann Avery"], ("Python", 4): ["Bob Brown"], ("SQL", 2): ["Bob Brown"]}
    nobody = {(r["skill"], r["level"]): r for r in risks["uncovered"]}
    assert set(nobody) == {("Planning", 4), ("SQL", 3), ("Linux", 3)}
    assert nobody[("SQL", 3)]["not_assessed"] == ["Cy Chen"] and nobody[("SQL", 3)]["roles"] == ["developer"]
    assert nobody[("Linux", 3)]["people"] == [] and nobody[("Linux", 3)]["not_assessed"] == []


def test_json_keys_are_stable_and_sorted(cli, root):
    run = cli("analyze", root / "teams" / "small.yaml", "--format", "json")
    result = json.loads(run.out)
    assert run.out == json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert set(result) == {"team", "profile", "thresholds", "totals", "workload", "coverage", "risks",
                           "redistribution"}
    assert result["profile"] == {"id": "raci", "title": "RACI", "accountable": {"letter": "A", "name": "Accountable"},
                                 "responsible": {"letter": "R", "name": "Responsible"},
                                 "letters": [{"letter": "R", "name": "Responsible"}, {"letter": "A", "name": "Accountable"},
                                             {"letter": "C", "name": "Consulted"}, {"letter": "I", "name": "Informed"}]}
    assert set(result["totals"]) == {"activities", "roles", "headcount", "people", "unfilled"}
    assert set(result["workload"][0]) == {"role", "title", "lead", "responsible", "accountable", "consulted",
                                          "informed", "letters", "accountable_share", "responsible_share",
                                          "duties", "time_share", "headcount", "people", "unfilled", "flags"}
    assert set(result["coverage"][0]) == {"person", "role", "skills", "met", "gaps", "not_assessed", "total_gap"}
    assert set(result["coverage"][0]["skills"][0]) == {"skill", "required", "assessed", "gap", "status"}
    assert set(result["risks"]) == {"single_point_of_failure", "uncovered"}
    assert set(result["risks"]["uncovered"][0]) == {"skill", "level", "roles", "people", "not_assessed"}


def test_text_report_reads_like_a_report(cli, root):
    run = cli("analyze", root / "teams" / "small.yaml")
    assert run.code == 0
    for heading in ("Small Team (small): team analysis", "Workload", "Skill coverage", "Skill risks"):
        assert heading in run.out
    assert "Team Lead (lead)" in run.out and "overloaded" in run.out
    assert "SQL at level 3 (Developer); not assessed: Cy Chen" in run.out
    assert "2/3 (1 unfilled)" in run.out


def test_the_example_team(cli):
    from tests.support import EXAMPLE

    result = analyze_json(cli, EXAMPLE / "teams" / "it-delivery.yaml")
    roles = by_role(result)
    assert roles["it-project-manager"]["flags"] == ["overloaded"]  # accountable for 11 of 17 activities
    assert result["totals"] == {"activities": 17, "roles": 6, "headcount": 9, "people": 8, "unfilled": 1}


def test_a_team_with_errors_exits_1_and_prints_findings(cli, root):
    path = write_team(root, team([activity("orphan", {"developer": "R"})]))
    run = cli("analyze", path, "--format", "json")
    assert run.code == 1 and run.out == ""
    assert "raci-one-accountable" in run.err and f"{path}:" in run.err


def test_an_error_in_a_member_role_blocks_the_analysis(cli, root):
    role = root / "roles" / "developer.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("time_share: 100", "time_share: 90"), encoding="utf-8")
    run = cli("analyze", root / "teams" / "small.yaml")
    assert run.code == 1 and "time-share-total" in run.err and "developer.yaml" in run.err


def test_usage_errors_exit_2(cli, root):
    assert cli("analyze", root / "teams" / "missing.yaml").code == 2
    assert cli("analyze", root / "teams" / "small.yaml", "--format", "xml").code == 2
    assert cli("analyze", root / "roles" / "developer.yaml").code == 2


def test_a_team_outside_any_catalogue_looks_for_its_member_roles_beside_it(cli, tmp_path):
    source = catalogue_copy(tmp_path)
    lone = tmp_path / "lone"
    lone.mkdir()
    path = lone / "small.yaml"
    path.write_text((source / "teams" / "small.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    run = cli("analyze", path)
    assert run.code == 1 and "unknown-member-role" in run.err and "'developer' is not a role" in run.err
    for role in (source / "roles").glob("*.yaml"):
        (lone / role.name).write_text(role.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli("analyze", path).code == 0


@pytest.mark.parametrize("hidden_by", ["lint", "suppression"])
def test_a_member_without_a_role_file_is_refused_even_when_the_finding_is_hidden(cli, root, tmp_path, hidden_by):
    """unknown-member-role off in `lint:` (or suppressed) once crashed analyze, charter and build with a KeyError."""
    member = {"role": "ghost"}
    if hidden_by == "lint":
        (root / "roledocs.yaml").write_text("roledocs: 1\nlint:\n  unknown-member-role: 'off'\n", encoding="utf-8")
    else:
        member["x-roledocs-allow"] = [{"rule": "unknown-member-role", "reason": "the role file is on its way"}]
    data = team([activity("plan", {"team-lead": "AR", "developer": "R", "operator": "R", "ghost": "C"})])
    data["members"].append(member)
    path = write_team(root, data)
    assert cli("validate", root).code == 0
    for args in (["analyze", path], ["charter", path, "--to", "md", "-o", "-"],
                 ["render", path, "--to", "html", "-o", tmp_path / "out"], ["build", root, "-o", tmp_path / "site"]):
        run = cli(*args)
        assert run.code == 1, (args, run.err)
        assert "internal error" not in run.err and "has the member 'ghost', but no role" in run.err
    assert not (tmp_path / "site").exists() and not (tmp_path / "out").exists()
    raci = cli("raci", path, "--to", "md", "-o", "-")
    assert raci.code == 0 and "ghost" in raci.out
