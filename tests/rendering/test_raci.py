"""`roledocs raci --to md|html|pdf`: the templates' content, escaping, overrides, and PDF column bands and parts."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from tests.team.support import activity, catalogue_copy, team, write_team

from roledocs.rendering import raci as teamdocs
from roledocs.rendering.formats import Job
from roledocs.rendering.language import language_of
from roledocs.check.inputs import load_team


@pytest.fixture
def root(tmp_path):
    return catalogue_copy(tmp_path)


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_markdown_has_a_table_per_phase_and_the_legend(cli, root):
    run = cli("raci", root / "teams" / "small.yaml", "--to", "md", "-o", "-")
    assert run.code == 0, run.err
    assert run.out.startswith("# Small Team: RACI matrix\n")
    assert "### Plan\n\n| Activity | Team Lead (lead) | Developer | Operator | Customer |" in run.out
    assert "| Plan the quarter | AR | C | C | I |" in run.out
    assert "| Accept the release | C | R | R | A |" in run.out  # no phase: a table without a heading
    assert "- **A, Accountable:**" in run.out
    assert run.out.index("### Plan") < run.out.index("### Build")  # phases in file order


def test_html_has_sticky_headers_row_headers_and_phase_groups(cli, root, isolated):
    assert cli("raci", root / "teams" / "small.yaml", "--to", "html", "-o", "out").code == 0
    html = (isolated / "out" / "small-raci.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "<main>" in html
    assert "position: sticky" in html
    assert '<th scope="rowgroup" colspan="5">Plan</th>' in html
    assert '<th scope="row">Plan the quarter</th><td class="raci-cell raci-A"><abbr title="Accountable, Responsible">AR' \
        in html
    assert re.search(r'<th scope="col">Team Lead <span class="lead-mark">\(lead\)</span></th>', html)
    assert "http://" not in html.replace("http://www.w3.org", "")  # standalone: no external requests


def test_role_text_is_escaped_and_never_template_code(cli, root):
    rows = [activity("x", {"team-lead": "A", "developer": "R"}, name="<script>alert(1)</script> {{ 7*7 }} | pipe")]
    path = write_team(root, team(rows))
    html = cli("raci", path, "--to", "html", "-o", "-").out
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html
    markdown = cli("raci", path, "--to", "md", "-o", "-").out
    assert "<script" not in markdown and "&lt;script>alert(1)&lt;/script> {{ 7\\*7 }} \\| pipe" in markdown


def test_a_catalogue_template_overrides_the_builtin(cli, root):
    (root / "templates").mkdir()
    (root / "templates" / "raci.md.j2").write_text(
        '{% extends "builtin/raci.md.j2" %}{# overriding needs no block: the override wraps the builtin #}',
        encoding="utf-8")
    (root / "templates" / "raci-table.md.j2").write_text(
        "{% macro matrix(raci, heading='###') %}OUR MATRIX {{ raci.columns | length }}\n{% endmacro %}"
        "{% macro legend(raci) %}OUR LEGEND\n{% endmacro %}", encoding="utf-8")
    run = cli("raci", root / "teams" / "small.yaml", "--to", "md", "-o", "-")
    assert run.code == 0, run.err
    assert "OUR MATRIX 4" in run.out and "OUR LEGEND" in run.out


def test_a_broken_override_is_an_error_naming_the_template_and_writes_nothing(cli, root, isolated):
    (root / "templates").mkdir()
    (root / "templates" / "raci.html.j2").write_text("<p>{{ raci.nope.deeper }}</p>\n", encoding="utf-8")
    run = cli("raci", root / "teams" / "small.yaml", "--to", "html", "-o", "out")
    assert run.code == 1 and "raci.html.j2:1" in run.err
    assert not (isolated / "out").exists()


def wide_team(root):
    """40 activities x 60 columns (3 member roles and 57 parties): too wide for one page."""
    parties = [{"id": f"party-{n:02d}", "name": f"Party {n:02d}"} for n in range(1, 58)]
    rows = [activity(f"step-{n:02d}", {"team-lead": "A", "developer": "R", "operator": "C",
                                       f"party-{(n % 57) + 1:02d}": "I"}, name=f"Step {n:02d}", phase=f"Phase {n // 10}")
            for n in range(1, 41)]
    return write_team(root, team(rows, parties=parties, team_id="wide"))


def test_a_wide_matrix_prints_in_landscape_column_bands(cli, root, isolated):
    path = wide_team(root)
    assert cli("raci", path, "--to", "pdf", "-o", "one").code == 0
    assert cli("raci", path, "--to", "pdf", "-o", "two").code == 0
    data = (isolated / "one" / "wide-raci.pdf").read_bytes()
    assert data == (isolated / "two" / "wide-raci.pdf").read_bytes()  # deterministic
    reader, text = pdf_text(data)
    assert len(reader.pages) > 1
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)  # landscape
    for band in ("columns 1–12 of 60", "columns 13–24 of 60", "columns 49–60 of 60"):
        assert band in text
    for n in range(1, 41):
        assert text.count(f"Step {n:02d}") == 5  # every activity, once in each of the five bands
    assert "Party 57" in text


def test_a_matrix_too_large_for_one_document_is_printed_in_parts_and_joined(root, monkeypatch):
    monkeypatch.setattr(teamdocs, "WHOLE_PDF_CELLS", 100)
    monkeypatch.setattr(teamdocs, "PART_ROWS", 25)
    loaded = load_team(str(wide_team(root)))
    english = language_of("en", loaded.catalogue)
    assert len(teamdocs.pdf_parts(teamdocs.matrix_in(loaded.document, loaded.catalogue, english))) == 10  # 5x2
    job = Job(loaded.document, loaded.catalogue)
    data = teamdocs.raci_pdf(job)
    assert data == teamdocs.raci_pdf(job)
    reader, text = pdf_text(data)
    assert reader.metadata.title == "Probe Team: RACI matrix"
    assert reader.trailer["/Root"]["/Lang"] == "en"  # the joined parts keep the document's language
    numbers = [int(n) for n in re.findall(r"Page (\d+)", text)]
    assert numbers == list(range(1, len(reader.pages) + 1))  # numbering runs on across the parts
    assert all(text.count(f"Step {n:02d}") == 5 for n in range(1, 41))


def test_pdf_to_stdout_is_refused(cli, root):
    run = cli("raci", root / "teams" / "small.yaml", "--to", "pdf", "-o", "-")
    assert run.code == 2


def test_activities_without_a_phase_get_a_heading_of_their_own(cli, root):
    """After phased groups, the unphased rows must not read as part of the last phase."""
    rows = [activity("a", {"team-lead": "A", "developer": "R"}, phase="Build"),
            activity("b", {"team-lead": "A", "operator": "R"})]
    path = write_team(root, team(rows))
    markdown = cli("raci", path, "--to", "md", "-o", "-").out
    assert "### Build" in markdown and "### Other activities" in markdown
    html = cli("raci", path, "--to", "html", "-o", "-").out
    assert ">Other activities</th>" in html
    alone = write_team(root, team([activity("a", {"team-lead": "AR", "developer": "R", "operator": "R"})],
                                  team_id="flat"))
    assert "Other activities" not in cli("raci", alone, "--to", "md", "-o", "-").out
