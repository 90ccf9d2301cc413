"""`roledocs charter`: the example team's charter content in html, md and pdf, links, reporting lines, errors."""
from __future__ import annotations

import io
import re

import pytest
import yaml
from tests.support import EXAMPLE
from pypdf import PdfReader
from tests.team.support import activity, catalogue_copy, team, write_team

from roledocs.rendering import raci as teamdocs
from roledocs.rendering.charter import charter_model
from roledocs.rendering.formats import Job, build
from roledocs.check.inputs import load_team

TEAM = EXAMPLE / "teams" / "it-delivery.yaml"


def example_facts() -> tuple[dict, dict[str, dict]]:
    """The example team and its member roles' data, read straight from the files."""
    data = yaml.safe_load(TEAM.read_text(encoding="utf-8"))
    roles = {m["role"]: yaml.safe_load((EXAMPLE / f"{m['role']}.yaml").read_text(encoding="utf-8"))
             for m in data["members"]}
    return data, roles


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def example_html(tmp_path_factory) -> str:
    from tests.support import run_cli

    out = tmp_path_factory.mktemp("charter")
    _, roles = example_facts()
    run = run_cli("render", *[EXAMPLE / f"{role_id}.yaml" for role_id in roles], TEAM, "--to", "html", "-o", out)
    assert run.code == 0, run.err
    return (out / "it-delivery.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["charter", TEAM], ["render", TEAM],
                                     ["render", EXAMPLE / "software-tester.yaml", TEAM]])
def test_a_charter_links_only_to_job_descriptions_written_beside_it(cli, isolated, command):
    """Rendered alone, a charter names its roles as text: a link to a page that is not there would be broken."""
    assert cli(*command, "--to", "html", "-o", "out").code == 0
    html = (isolated / "out" / "it-delivery.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'<a href="([^"#]+)"', html))
    assert linked == ({"software-tester.html"} if len(command) == 3 else set())
    assert all((isolated / "out" / name).is_file() for name in linked)


def test_html_charter_of_the_example_team(example_html):
    data, roles = example_facts()
    html = words(example_html)
    assert words(data["mission"]) in html
    assert "<dt>Lead</dt><dd>IT Project Manager</dd>" in html
    for role_id, role in roles.items():
        assert f'<a href="{role_id}.html">{role["title"]}</a>' in html  # linked to its job description
        assert words(role["summary"]).replace("'", "&#39;") in html
        for kpi in role["kpis"]:
            assert f'<th scope="row">{kpi["name"]}</th>' in html
    for member in data["members"]:
        for person in member.get("people", []):
            assert person["name"] in html
    for item in data["activities"]:
        assert f'<th scope="row">{item["name"]}</th>' in html  # the matrix
    assert '<table class="raci">' in html and "<strong>Accountable</strong>" in html
    assert '<span class="flag">overloaded</span>' in html  # the IT project manager: accountable for 11 of 17
    assert "Database security at level 4" in html  # nobody meets it


def test_reporting_lines_are_a_nested_list(example_html):
    html = words(example_html)
    tree = html[html.index('<ul class="charter-tree">'):]
    tree = tree[:tree.index("</section>")]
    manager = tree.index('<a href="it-project-manager.html">')
    nested = tree.index("<ul>", manager)
    for role_id in ("software-developer", "systems-analyst", "software-tester"):
        assert tree.index(f'<a href="{role_id}.html">') > nested
    infrastructure = tree.index('<a href="infrastructure-project-manager.html">')
    assert infrastructure > tree.index("</ul>", nested)
    assert tree.index('<a href="database-administrator.html">') > tree.index("<ul>", infrastructure)


def test_reporting_tree_puts_an_outside_manager_on_top(tmp_path):
    root = catalogue_copy(tmp_path)
    loaded = load_team(str(root / "teams" / "small.yaml"))
    tree = charter_model(loaded.document, loaded.catalogue, "html", frozenset(loaded.catalogue.roles))["reporting"]
    assert [(n["id"], n["member"]) for n in tree] == [("head-of-engineering", False)]
    lead = tree[0]["children"][0]
    assert (lead["id"], lead["lead"], lead["link"]) == ("team-lead", True, "team-lead.html")
    assert [child["id"] for child in lead["children"]] == ["developer", "operator"]


def test_markdown_charter(cli, isolated):
    data, roles = example_facts()
    run = cli("render", *[EXAMPLE / f"{role_id}.yaml" for role_id in roles], TEAM, "--to", "md", "-o", "md")
    assert run.code == 0, run.err
    text = (isolated / "md" / "it-delivery.md").read_text(encoding="utf-8")
    assert text.startswith("# IT Delivery Team\n")
    assert words(data["mission"]) in words(text)
    for role_id, role in roles.items():
        assert f"[{role['title']}]({role_id}.md)" in text  # written beside it in the same call
        assert all(f"| {kpi['name']} |" in text for kpi in role["kpis"])
    assert "  - [Software Developer](software-developer.md)" in text  # under the IT project manager
    run = cli("charter", TEAM, "--to", "md", "-o", "-")
    assert "  - Software Developer\n" in run.out and "](" not in run.out  # alone: names, no links
    assert "| Capture high-level requirements | A | I | R | I |  |  | C |  |" in run.out
    assert "| IT Project Manager | 7 | 11 | 0 | 2 | 65% | 41% | 100% | 1 of 1 | overloaded |" in run.out


def test_pdf_charter_is_complete_and_deterministic(cli, isolated):
    data, roles = example_facts()
    for folder in ("one", "two"):
        assert cli("charter", TEAM, "--to", "pdf", "-o", folder).code == 0
    pdf = (isolated / "one" / "it-delivery.pdf").read_bytes()
    assert pdf == (isolated / "two" / "it-delivery.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    text = words(" ".join(page.extract_text() for page in reader.pages)).replace("‐ ", "")
    assert "IT Delivery Team" in text and "Deliver technology projects" in text
    for role in roles.values():
        assert role["kpis"][0]["name"] in text
    assert "Capture high-level requirements" in text
    shapes = {page.mediabox.width > page.mediabox.height for page in reader.pages}
    assert shapes == {True, False}  # portrait pages, and the matrix on landscape ones


def test_render_of_a_team_file_gives_the_same_charter(cli, isolated):
    assert cli("render", TEAM, "--to", "html", "-o", "rendered").code == 0
    assert cli("charter", TEAM, "--to", "html", "-o", "charter").code == 0
    assert (isolated / "rendered" / "it-delivery.html").read_bytes() == \
        (isolated / "charter" / "it-delivery.html").read_bytes()


def test_a_charter_pdf_points_to_the_raci_document_when_the_matrix_is_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(teamdocs, "WHOLE_PDF_CELLS", 10)
    monkeypatch.setattr(teamdocs, "PART_ROWS", 2)
    root = catalogue_copy(tmp_path)
    loaded = load_team(str(root / "teams" / "small.yaml"))
    assert charter_model(loaded.document, loaded.catalogue, "pdf")["raci_inline"] is False
    assert charter_model(loaded.document, loaded.catalogue, "html")["raci_inline"] is True
    html = build("charter", "html", Job(loaded.document, loaded.catalogue))
    assert "Plan the quarter" in html
    reader = PdfReader(io.BytesIO(build("charter", "pdf", Job(loaded.document, loaded.catalogue))))
    text = words(" ".join(page.extract_text() for page in reader.pages))
    assert "too many to print in the charter" in text and "small-raci.pdf" in text
    assert "Plan the quarter" not in text


def test_hostile_team_text_is_escaped(cli, tmp_path):
    root = catalogue_copy(tmp_path)
    data = team([activity("x", {"team-lead": "AR", "developer": "R", "operator": "R"})],
                name="<img src=x onerror=alert(1)> {{ 7*7 }}", mission="Mission <b>bold</b> {% if 1 %}x{% endif %}")
    path = write_team(root, data)
    html = cli("charter", path, "--to", "html", "-o", "-").out
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt; {{ 7*7 }}" in html
    assert "Mission &lt;b&gt;bold&lt;/b&gt; {% if 1 %}x{% endif %}" in html
    markdown = cli("charter", path, "--to", "md", "-o", "-").out
    assert "<img" not in markdown and "<b>" not in markdown


def test_errors_write_nothing(cli, tmp_path, isolated):
    root = catalogue_copy(tmp_path)
    path = write_team(root, team([activity("x", {"team-lead": "A", "developer": "A", "operator": "R"})]))
    run = cli("charter", path, "--to", "html", "-o", "out")
    assert run.code == 1 and "raci-one-accountable" in run.err
    assert re.search(r"probe\.yaml:\d+:\d+: error raci-one-accountable", run.err)
    assert not (isolated / "out").exists()
    assert cli("charter", path, "--to", "xlsx").code == 2


def test_a_bare_team_renders_in_every_format(cli, tmp_path, isolated):
    root = catalogue_copy(tmp_path)
    bare = {"roledocs": 1, "kind": "team", "id": "bare", "name": "Bare Team", "mission": "Exist.",
            "members": [{"role": "developer"}, {"role": "operator"}]}
    path = write_team(root, bare)  # no lead, parties, activities or people
    for fmt in ("md", "html", "pdf"):
        assert cli("charter", path, "--to", fmt, "-o", "out").code == 0
    for fmt in ("md", "html", "csv", "xlsx"):
        assert cli("raci", path, "--to", fmt, "-o", "out").code == 0
    assert "The team file lists no activities yet." in (isolated / "out" / "bare.md").read_text(encoding="utf-8")
    assert "No people are named" in (isolated / "out" / "bare.html").read_text(encoding="utf-8")
    assert (isolated / "out" / "bare.csv").read_bytes() == b"Phase,Activity,Developer,Operator\r\n"
