"""team/matrix.py: the RACI matrix as data, its columns and rows in order."""
from __future__ import annotations

from roledocs.team.matrix import build_matrix
from tests.team.support import activity, team


def test_columns_lead_first_then_members_then_parties_and_rows_grouped_by_phase():
    data = team([activity("a", {"developer": "R", "team-lead": "RA"}, phase="Build"),
                 activity("b", {"team-lead": "A", "operator": "R", "customer": "IC"}, phase="Plan"),
                 activity("c", {"team-lead": "A", "developer": "R"}, phase="Build"),
                 activity("d", {"customer": "A", "developer": "R"})],
                members=[{"role": "developer"}, {"role": "operator"}, {"role": "team-lead"}])
    matrix = build_matrix(data, {"team-lead": "Team Lead", "developer": "Developer", "operator": "Operator"})
    assert [(c.title, c.kind, c.lead) for c in matrix.columns] == [
        ("Team Lead", "role", True), ("Developer", "role", False), ("Operator", "role", False),
        ("Customer", "party", False)]
    assert [(g.phase, [r.id for r in g.rows]) for g in matrix.groups] == [
        ("Build", ["a", "c"]), ("Plan", ["b"]), (None, ["d"])]
    # letters in canonical order (A, R, C, I) whatever order the file used
    assert [r.cells for r in matrix.rows][::2] == [("AR", "R", "", ""), ("A", "", "R", "CI")]
    assert matrix.size == (4, 4)
