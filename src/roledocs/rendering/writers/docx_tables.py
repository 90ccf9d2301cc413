"""Word tables that read like the HTML's: columns as wide as their content needs, padded cells, a shaded header row
repeated on every page, a bold total row. python-docx's default gives every column the same width, so a long
"Measure" wraps a word or two per line beside a short "Reviewed"."""
from __future__ import annotations

# The text width of an A4 or Letter page less python-docx's one-inch margins, in twentieths of a point.
TEXT_WIDTH = 9026
_PADDING = {"top": 57, "bottom": 57, "left": 100, "right": 100}  # twips: about 1 mm above and below, 1.8 mm aside
_HEADER_FILL = "F2F5F9"  # the HTML's header band
_CELL_CHARACTERS = 3  # a cell's padding, in characters, added to its text


def column_widths(rows: list[list[str]], total: int = TEXT_WIDTH) -> list[int]:
    """Widths (twips, adding up to `total`) for columns holding these rows: each at least its longest word, and
    the room beyond shared by how much more each column's longest text would need to fit on one line."""
    columns = list(zip(*rows))
    shortest = [max(len(word) for text in column for word in (text.split() or [""])) + _CELL_CHARACTERS
                for column in columns]
    widest = [max(len(text) for text in column) + _CELL_CHARACTERS for column in columns]
    low, high, fit = sum(shortest), sum(widest), _characters(total)
    if high <= fit or high == low:  # every text fits on one line: the page shared by the texts' lengths
        weights = [float(w) for w in widest]
    elif low >= fit:  # not even the longest words fit side by side: shared by them
        weights = [float(w) for w in shortest]
    else:  # each column its longest word, and the room left shared by how much more each needs
        share = (fit - low) / (high - low)
        weights = [short + (wide - short) * share for short, wide in zip(shortest, widest)]
    widths = [int(total * weight / sum(weights)) for weight in weights]
    widths[-1] += total - sum(widths)
    return widths


def _characters(twips: int) -> float:
    """About how many characters of 10-11 pt text fit in a width (an average character is about 110 twips)."""
    return twips / 110


def _element(tag: str, **attributes: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _layout(table, widths: list[int]) -> None:
    """Fixed column widths (so Word and LibreOffice agree) and padded cells."""
    from docx.oxml.ns import qn
    from docx.shared import Twips

    properties = table._tbl.tblPr
    properties.append(_element("w:tblLayout", type="fixed"))
    margins = _element("w:tblCellMar")
    for side, size in _PADDING.items():
        margins.append(_element(f"w:{side}", w=str(size), type="dxa"))
    properties.append(margins)
    width = properties.find(qn("w:tblW"))
    if width is not None:
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(sum(widths)))
    for column, size in zip(table.columns, widths):
        column.width = Twips(size)
        for cell in column.cells:
            cell.width = Twips(size)


def table(document, headers: list[str], rows: list[list[str]], total: list[str] | None = None):
    """A table: a shaded, bold header row repeated on every page, the rows, and an optional bold total row."""
    table_ = document.add_table(rows=1, cols=len(headers))
    table_.style = "Table Grid"
    table_.autofit = False
    header = table_.rows[0]
    for cell, text in zip(header.cells, headers):
        cell.paragraphs[0].add_run(text).bold = True
        cell._tc.get_or_add_tcPr().append(_element("w:shd", val="clear", color="auto", fill=_HEADER_FILL))
    header._tr.get_or_add_trPr().append(_element("w:tblHeader", val="true"))
    for values in rows:
        for cell, text in zip(table_.add_row().cells, values):
            cell.text = text
    if total is not None:
        for cell, text in zip(table_.add_row().cells, total):
            cell.paragraphs[0].add_run(text).bold = True
    _layout(table_, column_widths([headers, *rows, *([total] if total else [])]))
    document.add_paragraph()
    return table_
