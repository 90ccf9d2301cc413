"""The charter's pictures: an org chart of the reporting lines, the workload against the overload thresholds with
the seats, and people x required skills; inline SVG with a title and a description, the table beside it, drawn
from the same analysis; shown in Chromium and tagged as figures in the PDF."""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
import yaml

from tests.support import EXAMPLE, run_cli
from tests.team.support import activity, catalogue_copy, team, write_team

SVG = "{http://www.w3.org/2000/svg}"
TEAM = EXAMPLE / "teams" / "it-delivery.yaml"


def charts_of(html: str) -> dict[str, ElementTree.Element]:
    """Each chart of a page, parsed as XML (so it is well formed), by its kind (org, workload, skills)."""
    found = {}
    for text in re.findall(r"<svg class=\"chart.*?</svg>", html, flags=re.DOTALL):
        element = ElementTree.fromstring(text)
        found[element.get("class").split("chart-")[1]] = element
    return found


@pytest.fixture(scope="module")
def charter(tmp_path_factory) -> tuple[str, dict]:
    folder = tmp_path_factory.mktemp("charter")
    assert run_cli("charter", TEAM, "--to", "html", "-o", folder).code == 0
    analysis = json.loads(run_cli("analyze", TEAM, "--format", "json").out)
    return (folder / "it-delivery.html").read_text(encoding="utf-8"), analysis


def test_three_pictures_each_with_a_title_a_description_and_its_table(charter):
    html, _ = charter
    charts = charts_of(html)
    assert list(charts) == ["org", "workload", "skills"]
    for kind, chart in charts.items():
        assert chart.get("role") == "img"
        labels = chart.get("aria-labelledby").split()
        assert [chart.find(f"{SVG}title").get("id"), chart.find(f"{SVG}desc").get("id")] == labels
        assert chart.find(f"{SVG}desc").text.endswith(("below gives every line.", "below gives every number.",
                                                      "below gives every person's gaps."))
        text = ElementTree.tostring(chart, encoding="unicode")
        assert "script" not in text and "href" not in text and "url(http" not in text  # nothing fetched or run
    # the list or table each summarises comes right after it
    for kind, follower in (("org", '<ul class="charter-tree">'), ("workload", '<table class="workload">'),
                           ("skills", '<table class="coverage">')):
        after = html[html.index(f"chart-{kind}"):]
        assert after[after.index("</svg>"):].removeprefix("</svg>").lstrip().startswith(follower)


def test_the_org_chart_draws_every_role_with_the_lead_heavier(charter):
    chart = charts_of(charter[0])["org"]
    boxes = chart.findall(f"{SVG}rect")
    assert len(boxes) == 6 and len(chart.findall(f"{SVG}path")) == 4  # 4 roles report to the lead
    assert [box.get("stroke-width") for box in boxes].count("2.5") == 1
    assert "IT Project Manager" in [t.text for t in chart.iter(f"{SVG}text")]


def test_the_workload_bars_are_the_shares_with_the_thresholds_and_seats(charter):
    html, analysis = charter
    chart = charts_of(html)["workload"]
    texts = [t.text for t in chart.iter(f"{SVG}text")]
    for role in analysis["workload"]:
        assert f"R {role['responsible_share']:.0%}" in texts and f"A {role['accountable_share']:.0%}" in texts
    bars = [float(r.get("width")) for r in chart.findall(f"{SVG}rect") if r.get("stroke-width") == "0.75"]
    manager = analysis["workload"][0]
    assert bars[:2] == [pytest.approx(manager["responsible_share"] * 320, abs=0.1),
                        pytest.approx(manager["accountable_share"] * 320, abs=0.1)]
    assert "IT Project Manager (overloaded)" in " ".join(texts)
    assert "2 of 3, 1 unfilled" in texts  # the software developers' seats
    seats = [r for r in chart.findall(f"{SVG}rect") if r.get("width") == "12"]
    assert len(seats) == analysis["totals"]["headcount"]
    assert sum(r.get("fill") == "#ffffff" for r in seats) == analysis["totals"]["unfilled"]


def test_the_skill_grid_marks_met_gaps_and_single_points_of_failure(charter):
    html, analysis = charter
    chart = charts_of(html)["skills"]
    filled = [r for r in chart.findall(f"{SVG}rect") if r.get("fill") == "#1b1f24"]
    assert len(filled) == sum(person["met"] for person in analysis["coverage"])
    marks = [t.text for t in chart.iter(f"{SVG}text") if t.get("font-weight") == "700"]
    assert marks.count("0") == len(analysis["risks"]["uncovered"])
    assert marks.count("1") == len(analysis["risks"]["single_point_of_failure"])
    gaps = [t.text for t in chart.iter(f"{SVG}text") if t.text and re.fullmatch(r"-\d|\?", t.text)]
    assert len(gaps) == sum(person["gaps"] + person["not_assessed"] for person in analysis["coverage"])


def test_role_text_is_escaped_in_the_pictures(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    path = root / "roles" / "developer.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) | {"title": "Dev <script>alert(1)</script> & Ops"}
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    run = cli("charter", write_team(root, team([activity("a", {"team-lead": "A", "developer": "R"})])), "--to",
              "html", "-o", "-")
    assert run.code == 0, run.err
    charts = charts_of(run.out)  # still well-formed XML, the title its text (not markup)
    assert [t.text for t in charts["org"].iter(f"{SVG}text")][:3] == ["Dev", "<script>alert(1)</script>", "& Ops"]
    assert "<script>" not in run.out.split("</head>", 1)[1]


def test_a_wide_team_is_stacked_so_the_org_chart_stays_readable(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    developer = yaml.safe_load((root / "roles" / "developer.yaml").read_text(encoding="utf-8"))
    ids = [f"engineer-{n}" for n in range(1, 13)]
    for rid in ids:
        (root / "roles" / f"{rid}.yaml").write_text(yaml.safe_dump(developer | {"id": rid, "title": rid.title()}),
                                                    encoding="utf-8")
    data = team([activity("a", {"team-lead": "A", ids[0]: "R"})], members=[{"role": "team-lead"}] +
                [{"role": rid} for rid in ids])
    run = cli("charter", write_team(root, data), "--to", "html", "-o", "-")
    chart = charts_of(run.out)["org"]
    width, height = (float(v) for v in chart.get("viewBox").split()[2:])
    assert height > width and width < 400  # one box per row, indented, not 12 boxes side by side
    assert len(chart.findall(f"{SVG}rect")) == 14  # 13 roles and the head of engineering outside the team


@pytest.mark.parametrize("width", [1280, 1920])
def test_chromium_shows_each_picture_within_the_page(browser, charter, tmp_path, width):
    page = tmp_path / "charter.html"
    page.write_text(charter[0], encoding="utf-8")
    shown = browser.open(page, width=width, height=1000)
    boxes = shown.evaluate("() => [...document.querySelectorAll('svg.chart')].map(e => "
                           "{const r = e.getBoundingClientRect(); return [r.left, r.right, r.height];})")
    assert shown.errors == [] and shown.external_requests == []
    assert len(boxes) == 3
    assert all(left >= 0 and right <= width and height > 60 for left, right, height in boxes)


def test_the_pdf_tags_each_picture_as_a_figure_with_its_title(cli, isolated):
    pikepdf = pytest.importorskip("pikepdf")
    assert cli("charter", TEAM, "--to", "pdf", "-o", "out").code == 0
    pdf = pikepdf.open(io.BytesIO(Path("out/it-delivery.pdf").read_bytes()))
    figures, todo = [], [pdf.Root.StructTreeRoot.K]
    while todo:
        kids = todo.pop()
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
                if kid.get("/S") == "/Figure":
                    figures.append(str(kid.get("/Alt", "")))
                todo.append(kid.get("/K"))
    assert sorted(figures) == ["Reporting lines", "Skill coverage", "Workload by role"]


def test_a_team_without_activities_shows_no_shares(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    bare = {"roledocs": 1, "kind": "team", "id": "bare", "name": "Bare Team", "mission": "Exist.",
            "members": [{"role": "developer"}, {"role": "operator"}]}
    run = cli("charter", write_team(root, bare), "--to", "html", "-o", "-")
    charts = charts_of(run.out)
    assert set(charts) == {"org", "workload"}  # no people named: no skill grid
    assert [t.text for t in charts["workload"].iter(f"{SVG}text")].count("R —") == 2


@pytest.mark.parametrize(("language", "one", "two"), [
    ("en", "1 role in reporting lines; the lead is Boss. The list below gives every line.",
     "2 roles in reporting lines; the lead is Boss. The list below gives every line."),
    ("pl", "1 rola w podległości służbowej; lider: Boss. Lista poniżej podaje każdą linię.",
     "2 role w podległości służbowej; lider: Boss. Lista poniżej podaje każdą linię.")])
def test_the_org_charts_description_counts_roles_in_the_charters_language(language, one, two):
    from roledocs.rendering.charts import org_chart
    from roledocs.rendering.language import language_of

    boss = {"id": "boss", "title": "Boss", "lead": True, "member": True, "link": None, "children": []}
    worker = {"id": "worker", "title": "Worker", "lead": False, "member": True, "link": None, "children": []}
    assert f'<desc id="chart-org-desc">{one}</desc>' in org_chart([boss], language_of(language))
    assert f'<desc id="chart-org-desc">{two}</desc>' in org_chart([boss | {"children": [worker]}],
                                                                   language_of(language))
