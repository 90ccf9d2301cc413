"""PDF/UA-1's machine-checkable rules on the printed documents, checked by walking their structure with pikepdf:
every painted thing is tagged content or an artifact (ISO 14289-1 7.1), header cells have /Scope (7.5), links are
printed and described (7.18). veraPDF is not packaged in PyPI, Debian or npm, so this walk is the checker."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from roledocs.rendering.writers import pdfua
from tests.support import EXAMPLE, run_cli

pikepdf = pytest.importorskip("pikepdf", reason="pikepdf reads PDF structure (a dependency of roledocs)")

# Operators that put something on the page: text, paths painted, images and forms, shadings, inline images.
PAINTING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh", "BI"}


def _owned(pdf) -> tuple[set, dict]:
    """The structure elements reachable from the StructTreeRoot, and for each page the MCIDs they own."""
    elements, owned = set(), {}
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    todo = [(pdf.Root.StructTreeRoot.K, None)]
    while todo:
        kids, page = todo.pop()
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, int):
                owned.setdefault(page, set()).add(int(kid))
            elif isinstance(kid, pikepdf.Dictionary):
                kind = kid.get("/Type")
                here = pages.get(kid.Pg.objgen, page) if "/Pg" in kid else page
                if kind == "/MCR":
                    owned.setdefault(here, set()).add(int(kid.MCID))
                elif kind != "/OBJR" and kid.objgen not in elements:
                    elements.add(kid.objgen)
                    todo.append((kid.get("/K"), here))
    return elements, owned


def untagged_content(data: bytes) -> list[str]:
    """Painting operators on any page that are neither inside an artifact nor inside marked content that an
    element of the structure tree owns."""
    pdf = pikepdf.open(io.BytesIO(data))
    _, owned = _owned(pdf)
    found = []
    for number, page in enumerate(pdf.pages):
        stack: list[tuple[str, int | None]] = []
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name in ("BDC", "BMC"):
                properties = operands[1] if len(operands) > 1 else None
                mcid = int(properties.MCID) if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties \
                    else None
                stack.append((str(operands[0]), mcid))
            elif name == "EMC":
                stack.pop()
            elif name in PAINTING and not any(tag == "/Artifact" for tag, _ in stack):
                mcids = [mcid for _, mcid in stack if mcid is not None]
                if not mcids or mcids[-1] not in owned.get(number, set()):
                    found.append(f"page {number + 1}: {name} in {[tag for tag, _ in stack] or 'no marked content'}")
    return found


def header_cells_without_scope(data: bytes) -> list[str]:
    pdf = pikepdf.open(io.BytesIO(data))
    elements, _ = _owned(pdf)
    cells = [pdf.get_object(objgen) for objgen in elements]
    return [str(cell.get("/ID", "TH")) for cell in cells if cell.get("/S") == "/TH"
            and cell.get("/A", {}).get("/Scope") not in ("/Row", "/Column", "/Both")]


def links(data: bytes) -> list[tuple[int, str]]:
    pdf = pikepdf.open(io.BytesIO(data))
    return [(int(a.get("/F", 0)), str(a.get("/Contents", ""))) for page in pdf.pages
            for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, bytes]:
    """The example's job description, charter and RACI matrix, printed once for this module."""
    folder = tmp_path_factory.mktemp("pdf")
    for args in (["render", EXAMPLE / "it-project-manager.yaml"], ["charter", EXAMPLE / "teams" / "it-delivery.yaml"],
                 ["raci", EXAMPLE / "teams" / "it-delivery.yaml"]):
        assert run_cli(*args, "--to", "pdf", "-o", folder).code == 0
    return {path.stem: path.read_bytes() for path in folder.iterdir()}


@pytest.mark.parametrize("name", ["it-project-manager", "it-delivery", "it-delivery-raci"])
def test_everything_painted_is_tagged_or_an_artifact(printed, name):
    assert untagged_content(printed[name]) == []


@pytest.mark.parametrize("name", ["it-project-manager", "it-delivery", "it-delivery-raci"])
def test_every_header_cell_has_a_scope(printed, name):
    pdf = pikepdf.open(io.BytesIO(printed[name]))
    elements, _ = _owned(pdf)
    scopes = [str(pdf.get_object(o).A.Scope) for o in elements if pdf.get_object(o).get("/S") == "/TH"]
    assert scopes and header_cells_without_scope(printed[name]) == []
    assert {"/Row", "/Column"} <= set(scopes)


def test_the_running_header_and_footer_are_pagination_artifacts(printed):
    """The organisation, "Page N of M" and the title in the page margins: artifacts, not untagged text."""
    pdf = pikepdf.open(io.BytesIO(printed["it-project-manager"]))
    for page in pdf.pages:
        artifacts = [operands for operands, operator in pikepdf.parse_content_stream(page, "BDC")
                     if operands[0] == "/Artifact" and operands[1].get("/Type") == "/Pagination"]
        assert len(artifacts) >= 2  # at least the organisation and the page number


def test_links_are_printed_and_described_by_their_text(printed):
    found = links(printed["it-project-manager"])
    assert found and all(flags & 4 for flags, _ in found)
    assert (4, "Plan and execute projects") in found  # the link's text, not its target (duty-plan-execute)
    assert not any(text.startswith(("duty-", "kpi-")) for _, text in found)


def test_the_checks_find_what_weasyprint_alone_leaves(monkeypatch):
    """Without roledocs' PDF/UA pass, the walk finds the untagged margin text, the header cells without scope and
    the links without the Print flag: the checks can fail."""
    monkeypatch.setattr(pdfua, "complete_pdf_ua", lambda pdf, html: pdf)
    assert run_cli("render", EXAMPLE / "software-tester.yaml", "--to", "pdf", "-o", "raw").code == 0
    data = Path("raw/software-tester.pdf").read_bytes()
    assert untagged_content(data) and header_cells_without_scope(data)
    assert not all(flags & 4 for flags, _ in links(data))


def test_the_pass_keeps_the_bytes_reproducible(cli, isolated):
    for folder in ("one", "two"):
        assert cli("render", EXAMPLE / "software-tester.yaml", "--to", "pdf", "-o", folder).code == 0
    one, two = (isolated / folder / "software-tester.pdf" for folder in ("one", "two"))
    assert one.read_bytes() == two.read_bytes()
