"""Workload redistribution: exact proposals on small teams, the fit rule, and the thresholds after the moves."""
from __future__ import annotations

import copy

import yaml
from tests.team.support import CATALOGUE, activity, catalogue_copy, small_team, team, write_team

from roledocs.team.analysis import THRESHOLDS, workload
from roledocs.team.redistribution import propose

ROLES = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (CATALOGUE / "roles").glob("*.yaml")}


def apply(data: dict, proposals: list[dict]) -> dict:
    """The team as it would be after the proposed moves (the tests' own reading of a move)."""
    data = copy.deepcopy(data)
    rows = {row["id"]: row["raci"] for row in data["activities"]}
    for proposal in proposals:
        for move in proposal["moves"]:
            raci = rows[move["activity"]]
            raci[proposal["role"]] = raci[proposal["role"]].replace(proposal["letter"], "")
            raci[move["to"]] = raci.get(move["to"], "") + proposal["letter"]
    return data


def overloaded(data: dict) -> list[str]:
    return [entry["role"] for entry in workload(data, ROLES, THRESHOLDS) if "overloaded" in entry["flags"]]


def test_no_overload_gives_no_proposal():
    data = team([activity("a", {"team-lead": "A", "developer": "R"}), activity("b", {"developer": "A", "operator": "R"})])
    assert overloaded(data) == [] and propose(data, ROLES, THRESHOLDS) == []


def test_work_goes_to_a_role_sharing_a_required_skill_and_never_without_a_fit():
    data = team([activity("a", {"team-lead": "A", "developer": "R"}), activity("b", {"team-lead": "A", "developer": "R"}),
                 activity("c", {"team-lead": "A", "operator": "R"}), activity("d", {"developer": "AR", "operator": "C"})])
    # the lead shares no skill with anyone and no activity has a phase: it stays over, and says so
    assert propose(data, ROLES, THRESHOLDS) == [
        {"role": "team-lead", "title": "Team Lead", "kind": "accountable", "letter": "A", "limit": 2, "before": 3,
         "after": 3, "resolved": False, "moves": []},
        {"role": "developer", "title": "Developer", "kind": "responsible", "letter": "R", "limit": 2, "before": 3,
         "after": 2, "resolved": True, "moves": [{"activity": "a", "to": "operator", "title": "Operator",
                                                   "because": ["SQL"]}]}]
    assert overloaded(apply(data, propose(data, ROLES, THRESHOLDS))) == ["team-lead"]


def test_a_role_working_in_the_same_phase_fits_and_afterwards_nobody_is_over():
    data = team([activity("a", {"team-lead": "A", "developer": "R"}, phase="Plan"),
                 activity("b", {"team-lead": "A", "developer": "C", "operator": "R"}, phase="Plan"),
                 activity("c", {"team-lead": "A", "operator": "R"}), activity("d", {"operator": "A", "developer": "R"})])
    proposals = propose(data, ROLES, THRESHOLDS)
    # a: the developer does the work there (no A on the activity it is R on); operator is R on b of phase Plan
    assert [(p["role"], p["after"], p["moves"]) for p in proposals] == [
        ("team-lead", 2, [{"activity": "a", "to": "operator", "title": "Operator", "because": ["phase: Plan"]}])]
    assert overloaded(data) == ["team-lead"] and overloaded(apply(data, proposals)) == []


def test_assessed_levels_below_the_givers_bar_block_the_move():
    rows = [activity("a", {"team-lead": "A", "developer": "R"}), activity("b", {"operator": "A", "developer": "R"}),
            activity("c", {"operator": "A", "developer": "R"}), activity("d", {"team-lead": "A", "developer": "R"})]
    members = lambda sql: [{"role": "team-lead", "people": [{"name": "Ann"}]},  # noqa: E731
                           {"role": "developer", "people": [{"name": "Bob"}]},
                           {"role": "operator", "people": [{"name": "Cy", "skills": {"sql": sql}}]}]
    low = propose(team(rows, members=members(2)), ROLES, THRESHOLDS)  # the developer's SQL bar is 3
    assert [(p["role"], p["resolved"], p["moves"]) for p in low] == [("developer", False, [])]
    high = propose(team(rows, members=members(3)), ROLES, THRESHOLDS)
    # R on 4 of 4, at most 2: the operator takes a and d, not b or c where it is accountable
    assert [(p["role"], p["after"], [(m["activity"], m["to"]) for m in p["moves"]]) for p in high] == \
        [("developer", 2, [("a", "operator"), ("d", "operator")])]


def test_a_role_with_nobody_named_gets_no_work_when_the_team_names_people(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    result = cli("analyze", write_team(root, small_team()), "--format", "json")
    proposals = yaml.safe_load(result.out)["redistribution"]
    # the operator shares SQL with the developer but nobody is named for it: the developer stays over
    assert [(p["role"], p["kind"], p["after"], p["resolved"], [m["activity"] for m in p["moves"]])
            for p in proposals] == [("team-lead", "accountable", 2, True, ["plan"]),
                                    ("developer", "responsible", 3, False, [])]
    text = cli("analyze", root / "teams" / "small.yaml").out
    assert text.endswith("Proposed redistribution (never applied to files)\n"
                         "  Team Lead, accountable (A) on 3 -> 2, within the threshold\n"
                         "    hand plan to Developer (phase: Plan)\n"
                         "  Developer, responsible (R) on 3 -> 3, still over the threshold (2 at most): "
                         "no fitting role can take more\n")
