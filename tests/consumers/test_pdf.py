"""The example's PDFs walked with pikepdf for PDF/UA-1's machine-checkable rules (veraPDF is not installable here):
structure tree, language, title, embedded fonts, no untagged content, /Scope on header cells, printable links."""
from __future__ import annotations

import pytest

from tests.consumers import example_outputs as outputs

TITLES = {"role": "IT Project Manager", "charter": "IT Delivery Team"}


@pytest.fixture(scope="module")
def structures(pdf_structure):
    return {"role": pdf_structure(outputs.role("pdf")), "charter": pdf_structure(outputs.charter("pdf"))}


@pytest.mark.parametrize("document", ["role", "charter"])
def test_pdf_is_tagged_with_its_language_title_and_fonts(structures, document):
    pdf = structures[document]
    assert pdf.marked and pdf.has_structure_tree
    assert pdf.lang == "en"
    assert pdf.title.startswith(TITLES[document]) and pdf.display_doc_title
    assert pdf.unembedded_fonts == ()
    assert pdf.roles["/H1"] == 1 and pdf.roles["/Table"] >= 1 and pdf.table_headers >= 1
    assert pdf.artifacts > 0


@pytest.mark.parametrize("document", ["role", "charter"])
def test_pdf_has_no_untagged_content(structures, document):
    assert structures[document].untagged == ()


@pytest.mark.parametrize("document", ["role", "charter"])
def test_pdf_table_headers_have_a_scope(structures, document):
    assert structures[document].headers_without_scope == 0


def test_pdf_links_are_printable_and_described(structures):
    links = [annotation for annotation in structures["role"].annotations if annotation.subtype == "/Link"]
    if not links or not all(link.contents and link.struct_parent for link in links):
        pytest.fail(f"expected described links in the structure tree: {links}")  # not the expected failure
    assert [link for link in links if not link.printable] == []


# The walker itself, on PDFs made here: what it finds is what the PDF holds.

def made_pdf(tmp_path, content: bytes, tree_kids=None, headers=()):
    """A one-page PDF with a Helvetica text content stream and, if given, a structure tree."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(content)
    if tree_kids is not None:
        kids = [Dictionary(Type=Name.StructElem, S=Name.P, Pg=page.obj, K=mcid) for mcid in tree_kids]
        kids += [Dictionary(Type=Name.StructElem, S=Name.TH, Pg=page.obj, **({"A": attributes} if attributes else {}))
                 for attributes in headers]
        pdf.Root.StructTreeRoot = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array(kids)))
        pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = pikepdf.String("de")
    path = tmp_path / "made.pdf"
    pdf.save(path)
    return path


def text(body: bytes) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (" + body + b") Tj ET"


def test_walker_finds_text_outside_marked_content(pdf_structure, tmp_path):
    pdf = pdf_structure(made_pdf(tmp_path, text(b"hello")))
    assert [(item.page, item.operator, item.marked_as) for item in pdf.untagged] == [(1, "Tj", "not in marked content")]
    assert (pdf.has_structure_tree, pdf.marked, pdf.lang, pdf.unembedded_fonts) == (False, False, "de", ("/Helvetica",))


def test_walker_accepts_artifacts_and_tagged_content_and_finds_orphaned_marked_content(pdf_structure, tmp_path):
    content = (b"/Artifact BMC " + text(b"page 1") + b" EMC /P <</MCID 0>> BDC " + text(b"tagged") + b" EMC "
               b"/Span <</MCID 1>> BDC " + text(b"orphan") + b" EMC")
    pdf = pdf_structure(made_pdf(tmp_path, content, tree_kids=[0]))
    assert pdf.artifacts == 1
    assert [item.marked_as for item in pdf.untagged] == ["/Span MCID 1, not in the structure tree"]


def test_walker_counts_table_headers_without_scope(pdf_structure, tmp_path):
    from pikepdf import Dictionary, Name

    scoped = Dictionary(O=Name.Table, Scope=Name.Column)
    pdf = pdf_structure(made_pdf(tmp_path, b"", tree_kids=[], headers=[scoped, None, Dictionary(O=Name.Layout)]))
    assert (pdf.table_headers, pdf.headers_without_scope, pdf.roles["/TH"]) == (3, 2, 3)
