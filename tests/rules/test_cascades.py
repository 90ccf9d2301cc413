"""One mistake, one finding: a misspelled member role is not also reported at every RACI cell that names the role
rightly, and a schema error in one key of a file does not hide a wrong reference in another (two typos, one run)."""
from __future__ import annotations

import json
from pathlib import Path

from tests.support import EXAMPLE


def _findings(cli, *paths) -> list[tuple[str, int, str, str]]:
    run = cli("validate", *paths, "--format", "json")
    assert run.code in (0, 1), run.err
    return [(Path(f["path"]).name, f["line"], f["rule"], f["message"]) for f in json.loads(run.out)]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_misspelled_member_is_one_error_with_the_right_suggestion(cli, example):
    team = example / "teams" / "it-delivery.yaml"
    _edit(team, "  - role: software-developer", "  - role: software-develper")
    [(name, line, rule, message)] = _findings(cli, example)
    assert (name, rule) == ("it-delivery.yaml", "unknown-member-role")
    assert message.startswith("'software-develper' is not a role in this catalogue; did you mean "
                              "'software-developer', as the RACI matrix (13 activities) calls it? the roles are: ")
    assert message.endswith("; fix the id")


def test_a_misspelled_lead_member_is_one_error_too(cli, example):
    """The lead names the role rightly as well: no lead-not-member suggesting the typo."""
    _edit(example / "teams" / "it-delivery.yaml", "  - role: it-project-manager", "  - role: it-project-manger")
    [(_, _, rule, message)] = _findings(cli, example)
    assert rule == "unknown-member-role"
    assert "did you mean 'it-project-manager', as the lead and the RACI matrix (16 activities) call it?" in message


def test_a_misspelled_matrix_key_is_reported_where_it_is_with_the_member_it_means(cli, example):
    """The other way round: the member is right and the matrix misspells it. Each cell is a place to fix; the
    member is not also called idle."""
    team = example / "teams" / "it-delivery.yaml"
    text = team.read_text(encoding="utf-8")
    team.write_text(text.replace("      software-developer: ", "      software-develper: "), encoding="utf-8")
    found = _findings(cli, example)
    assert {rule for _, _, rule, _ in found} == {"raci-unknown-key"}
    assert len(found) == text.count("      software-developer: ")
    assert all("did you mean 'software-developer'?" in message for _, _, _, message in found)


def test_a_team_checked_alone_does_not_suggest_the_typo(cli, tmp_path):
    """Without its catalogue roledocs cannot tell which spelling is a role: it says either may be wrong."""
    text = (EXAMPLE / "teams" / "it-delivery.yaml").read_text(encoding="utf-8")
    (tmp_path / "it-delivery.yaml").write_text(text.replace("  - role: software-developer",
                                                            "  - role: software-develper"), encoding="utf-8")
    found = _findings(cli, tmp_path / "it-delivery.yaml")
    assert {rule for _, _, rule, _ in found} == {"raci-unknown-key"}
    assert all("the member 'software-develper', which no activity names, may be the same role spelled "
               "differently" in message and "did you mean" not in message for _, _, _, message in found)


def test_schema_errors_do_not_hide_cross_file_errors_in_other_keys(cli, example):
    """Two typos in a role (a key, a reference) and two in a team (a key, a member) are all found in one run."""
    _edit(example / "software-tester.yaml", "\nskills:", "\nskils:")
    _edit(example / "software-tester.yaml", "reports_to: it-project-manager", "reports_to: it-project-manger")
    _edit(example / "teams" / "it-delivery.yaml", "\nmission:", "\nmision:")
    _edit(example / "teams" / "it-delivery.yaml", "  - role: software-developer", "  - role: software-develper")
    found = {(name, rule) for name, _, rule, _ in _findings(cli, example)}
    assert found == {("software-tester.yaml", "unknown-key"), ("software-tester.yaml", "missing-key"),
                     ("software-tester.yaml", "unknown-reports-to"),
                     ("it-delivery.yaml", "unknown-key"), ("it-delivery.yaml", "missing-key"),
                     ("it-delivery.yaml", "unknown-member-role")}


def test_a_rule_does_not_run_on_a_key_the_schema_refused(cli, example):
    """A `reports_to` that is not an id, or a RACI matrix with a wrong letter, is the schema's to report; the
    rules that read those keys stay away from them (and do not crash), the others still run."""
    _edit(example / "software-tester.yaml", "reports_to: it-project-manager", "reports_to: [it-project-manager]")
    team = example / "teams" / "it-delivery.yaml"
    _edit(team, "  - role: software-developer", "  - role: software-develper")
    _edit(team, "lead: it-project-manager", "lead: [it-project-manager]")
    _edit(team, ": AR\n", ": AX\n")
    found = {(name, rule) for name, _, rule, _ in _findings(cli, example)}
    assert found == {("software-tester.yaml", "wrong-type"), ("it-delivery.yaml", "wrong-type"),
                     ("it-delivery.yaml", "invalid-format"), ("it-delivery.yaml", "unknown-member-role")}


def test_validate_of_the_one_file_still_checks_it_against_its_catalogue(cli, example):
    _edit(example / "software-tester.yaml", "\nskills:", "\nskils:")
    _edit(example / "software-tester.yaml", "reports_to: it-project-manager", "reports_to: it-project-manger")
    rules = {rule for _, _, rule, _ in _findings(cli, example / "software-tester.yaml")}
    assert rules == {"unknown-key", "missing-key", "unknown-reports-to"}
