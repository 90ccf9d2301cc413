"""Word files HR would send: one font family, the document's language, padded tables with columns fitted to their
content, the duties' Total row and page numbers; checked in the file (python-docx) and as LibreOffice lays it out
(converted to PDF headless, then read back with pikepdf and pypdf)."""
from __future__ import annotations

import io
import re

import docx
import pytest
from docx.oxml.ns import qn

from tests.support import EXAMPLE, run_cli
from roledocs.rendering.writers.docx_tables import column_widths


@pytest.fixture(scope="module")
def word_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docx")
    assert run_cli("render", EXAMPLE / "it-project-manager.yaml", "--to", "docx", "-o", folder).code == 0
    return folder / "it-project-manager.docx"


def test_one_font_family_and_the_language_everywhere(word_file):
    document = docx.Document(word_file)
    styles = document.styles.element
    fonts = [dict(f.attrib) for f in styles.iter(qn("w:rFonts"))]
    assert fonts and all(set(f) == {qn(f"w:{k}") for k in ("ascii", "hAnsi", "cs", "eastAsia")} for f in fonts)
    assert {value for f in fonts for value in f.values()} == {"Arial"}  # no theme fonts left to resolve
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:val")) == "en"
    assert document.core_properties.language == "en"


def test_tables_are_padded_with_fitted_columns_and_a_total(word_file):
    document = docx.Document(word_file)
    duties, kpis = document.tables[0], document.tables[1]
    for table in (duties, kpis):
        properties = table._tbl.tblPr
        assert properties.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        margins = properties.find(qn("w:tblCellMar"))
        assert {child.tag.split("}")[1]: int(child.get(qn("w:w"))) for child in margins} == \
               {"top": 57, "bottom": 57, "left": 100, "right": 100}
        assert table.rows[0].cells[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "F2F5F9"
    widths = [column.width for column in kpis.columns]
    assert widths[1] == max(widths) and widths[1] > 1.5 * widths[3]  # "Measure" is the widest, "Reviewed" narrow
    assert [c.text for c in duties.rows[-1].cells] == ["Total", "100%", "", ""]
    assert all(run.bold for run in duties.rows[-1].cells[0].paragraphs[0].runs)


def test_the_footer_numbers_the_pages(word_file):
    footer = docx.Document(word_file).sections[0].footer.paragraphs[0]._p
    assert [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))] == ["PAGE", "NUMPAGES"]


def test_column_widths_follow_the_content():
    rows = [["KPI", "Measure", "Reviewed"], ["Budget", "Share of the approved budget by which the forecast differs "
                                                        "from it at completion", "Monthly"]]
    narrow, wide, short = column_widths(rows, 9000)
    assert sum((narrow, wide, short)) == 9000 and wide > narrow and wide > short
    assert column_widths([["a", "b"], ["c", "d"]], 1000) == [500, 500]  # short texts share the page evenly


def test_libreoffice_lays_it_out_like_the_html(word_file, libreoffice):
    """Opened in LibreOffice: one font family on every page, page numbers filled in, the Total row there, and
    the KPI measures readable (whole phrases on a line, not a word or two)."""
    pikepdf = pytest.importorskip("pikepdf")
    from pypdf import PdfReader

    converted = libreoffice.convert(word_file, "pdf")
    assert converted.errors == ()
    pdf = converted.output
    families = set()
    for page in pikepdf.open(pdf).pages:
        for font in page.Resources.get("/Font", {}).values():
            name = str(font.BaseFont).split("+")[-1].lstrip("/")
            families.add(re.split(r"[-,]", name)[0])
    assert len(families - {"OpenSymbol"}) == 1, families  # Arial (or its stand-in); OpenSymbol draws bullets
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    texts = [page.extract_text() for page in reader.pages]
    assert f"Page 1 of {len(texts)}" in texts[0] and f"Page {len(texts)} of {len(texts)}" in texts[-1]
    lines = [line.strip() for text in texts for line in text.splitlines()]
    assert any(line.startswith("Total") and "100%" in line for line in lines)
    measure = "Share of milestones delivered by their baseline date"
    on_one_line = max(len(set(line.split()) & set(measure.split())) for line in lines)
    assert on_one_line >= 3  # before, equal columns gave this measure a word or two per line
