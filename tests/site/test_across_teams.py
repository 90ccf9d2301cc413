"""The front page's catalogue-wide view: per role, how many activities it is A and R on in each team, and in all."""
from __future__ import annotations

from html.parser import HTMLParser

from tests.team.support import activity, catalogue_copy, team, write_team


class _Rows(HTMLParser):
    """The text of each body row of the table with class `across-teams`, one string per cell."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("class", "across-teams") in attrs:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th") and self.rows:
            self.rows[-1].append("")

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.rows and self.rows[-1]:
            self.rows[-1][-1] += data


def front_page_rows(cli, root) -> list[list[str]]:
    run = cli("build", root, "-o", root / "site")
    assert run.code == 0, run.err
    parser = _Rows()
    parser.feed((root / "site" / "index.html").read_text(encoding="utf-8"))
    return [[cell.strip() for cell in row] for row in parser.rows[1:]]  # the header row first


def test_counts_per_team_and_in_all(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    # a second team, in DACI: the approver counts as accountable, the driver as responsible
    write_team(root, team([activity("a", {"developer": "A", "operator": "D", "team-lead": "C"}),
                           activity("b", {"developer": "A", "team-lead": "D"}),
                           activity("c", {"team-lead": "A", "developer": "D"})],
                          team_id="probe", name="Probe Team", raci_profile="daci"))
    assert front_page_rows(cli, root) == [
        ["Developer", "Probe Team: A 2, R 1; Small Team: A 0, R 3", "2", "4"],
        ["Operator", "Probe Team: A 0, R 1; Small Team: A 0, R 1", "0", "2"],
        ["Team Lead", "Probe Team: A 1, R 1; Small Team: A 3, R 1", "4", "2"]]


def test_a_role_never_a_or_r_is_not_listed(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    (root / "teams" / "small.yaml").unlink()
    write_team(root, team([activity("a", {"team-lead": "AR", "operator": "C"})]))
    assert front_page_rows(cli, root) == [["Team Lead", "Probe Team: A 1, R 1", "1", "1"]]
