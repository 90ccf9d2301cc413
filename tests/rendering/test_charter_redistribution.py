"""The charter's workload section lists the proposed redistribution, and nothing when no role is overloaded."""
from __future__ import annotations

from html.parser import HTMLParser

from tests.team.support import activity, catalogue_copy, team, write_team


class _Items(HTMLParser):
    """The text of each <li> of the list with class `redistribution`."""

    def __init__(self):
        super().__init__()
        self.items: list[str] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "ul" and ("class", "redistribution") in attrs:
            self.inside = True
        elif tag == "li" and self.inside:
            self.items.append("")

    def handle_endtag(self, tag):
        if tag == "ul":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.items:
            self.items[-1] += data


def test_markdown_and_html_charters_show_the_proposal(cli, tmp_path):
    path = catalogue_copy(tmp_path) / "teams" / "small.yaml"
    md = cli("charter", path, "--to", "md", "-o", "-").out
    assert ("### Proposed redistribution\n\n"
            "- Team Lead, accountable (A) on 3 → 2: within the threshold; hand *plan* to Developer (phase: Plan).\n"
            "- Developer, responsible (R) on 3 → 3: still over the threshold (2 at most), no fitting role can take "
            "more.\n\n## Skill coverage") in md
    parser = _Items()
    parser.feed(cli("charter", path, "--to", "html", "-o", "-").out)
    assert [item.strip() for item in parser.items] == [
        "Team Lead, accountable (A) on 3 → 2: within the threshold; hand plan to Developer (phase: Plan).",
        "Developer, responsible (R) on 3 → 3: still over the threshold (2 at most), no fitting role can take more."]


def test_no_overload_no_proposal_in_the_charter(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    path = write_team(root, team([activity("a", {"team-lead": "A", "developer": "R"}),
                                  activity("b", {"developer": "A", "operator": "R"})]))
    for fmt in ("md", "html"):
        run = cli("charter", path, "--to", fmt, "-o", "-")
        assert run.code == 0, run.err
        assert "Proposed redistribution" not in run.out
        assert ("## Workload" if fmt == "md" else "<h2>Workload</h2>") in run.out
