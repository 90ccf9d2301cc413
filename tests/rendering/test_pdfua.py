"""The PDF/UA pass (rendering/writers/pdfua.py) on printed documents, read with the consumers' pikepdf walk
(tests/consumers/pdf_walk.py; tests/consumers/test_pdf.py holds the job description and the charter to the same
rules): nothing painted is untagged, header cells have /Scope, links are printed and described by their text, the
running header and footer are pagination artifacts, and the bytes stay reproducible. veraPDF is not packaged in
PyPI, Debian or npm, so this walk is the checker."""
from __future__ import annotations

from pathlib import Path

import pytest

from roledocs.rendering.writers import pdfua
from tests.support import EXAMPLE, run_cli

pikepdf = pytest.importorskip("pikepdf", reason="pikepdf reads PDF structure (a dependency of roledocs)")


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    """The example's job description, charter and RACI matrix, printed once for this module."""
    folder = tmp_path_factory.mktemp("pdf")
    for args in (["render", EXAMPLE / "it-project-manager.yaml"], ["charter", EXAMPLE / "teams" / "it-delivery.yaml"],
                 ["raci", EXAMPLE / "teams" / "it-delivery.yaml"]):
        assert run_cli(*args, "--to", "pdf", "-o", folder).code == 0
    return {path.stem: path for path in folder.iterdir()}


def test_the_raci_matrix_is_tagged_throughout_too(printed, pdf_structure):
    found = pdf_structure(printed["it-delivery-raci"])
    assert found.untagged == () and found.table_headers > 0 and found.headers_without_scope == 0


def test_the_running_header_and_footer_are_pagination_artifacts(printed):
    """The organisation, "Page N of M" and the title in the page margins: artifacts, not untagged text."""
    pdf = pikepdf.open(printed["it-project-manager"])
    for page in pdf.pages:
        artifacts = [operands for operands, operator in pikepdf.parse_content_stream(page, "BDC")
                     if operands[0] == "/Artifact" and operands[1].get("/Type") == "/Pagination"]
        assert len(artifacts) >= 2  # at least the organisation and the page number


def test_links_are_described_by_their_own_text(printed, pdf_structure):
    links = [a for a in pdf_structure(printed["it-project-manager"]).annotations if a.subtype == "/Link"]
    assert links and all(link.printable for link in links)
    assert "Plan and execute projects" in [link.contents for link in links]  # not its target, duty-plan-execute
    assert not any(link.contents.startswith(("duty-", "kpi-")) for link in links)


def test_without_the_pass_the_walk_finds_what_weasyprint_leaves(monkeypatch, pdf_structure):
    """The checks can fail: WeasyPrint's own file has untagged margin text, header cells without scope and links
    without the Print flag."""
    monkeypatch.setattr(pdfua, "complete_pdf_ua", lambda pdf, html: pdf)
    assert run_cli("render", EXAMPLE / "software-tester.yaml", "--to", "pdf", "-o", "raw").code == 0
    found = pdf_structure(Path("raw/software-tester.pdf"))
    assert found.untagged and found.headers_without_scope
    assert not all(a.printable for a in found.annotations if a.subtype == "/Link")


def test_the_pass_keeps_the_bytes_reproducible(cli, isolated):
    for folder in ("one", "two"):
        assert cli("render", EXAMPLE / "software-tester.yaml", "--to", "pdf", "-o", folder).code == 0
    one, two = (isolated / folder / "software-tester.pdf" for folder in ("one", "two"))
    assert one.read_bytes() == two.read_bytes()


def test_link_texts_are_read_from_the_html():
    html = '<p><a href="#duty-plan">Plan <em>projects</em></a> <a href="https://example.com/x">Apply&nbsp;now</a></p>'
    assert pdfua.link_texts(html) == {"duty-plan": "Plan projects", "https://example.com/x": "Apply now"}
