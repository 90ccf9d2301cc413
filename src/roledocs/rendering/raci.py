"""The RACI matrix as a document: its template context, and the md/html (templates), PDF, CSV and XLSX builders
that rendering/formats.py lists.

Markdown and HTML come from the templates raci.md.j2 / raci.html.j2 (overridable in the catalogue's templates/);
PDF is the HTML printed with format "pdf": the matrix in column bands that repeat the activity column, on
landscape pages. A matrix too large to lay out at once is printed part by part and the parts joined
(outputs/pdfjoin.py), so memory stays bounded whatever the size.
"""
from __future__ import annotations

import math
from typing import Any

from ..team.matrix import Matrix, matrix_for

# Bands of at most this many role/party columns; paged tables of at most this many rows.
BAND_COLUMNS = 12
ROWS_PER_TABLE = 60
# Up to this many cells (rows x (band columns + 1)) the PDF is one tagged document (~250 MiB at most);
# beyond, one part per band and run of at most PART_ROWS rows.
WHOLE_PDF_CELLS = 8000
PART_ROWS = 240


def runs(cells: list[str]) -> list[dict[str, Any]]:
    """A row's cells as {letters, span}: each run of empty cells merged into one (paged tables draw far fewer
    boxes, and WeasyPrint's time grows with boxes)."""
    merged: list[dict[str, Any]] = []
    for letters in cells:
        if not letters and merged and not merged[-1]["letters"]:
            merged[-1]["span"] += 1
        else:
            merged.append({"letters": letters, "span": 1})
    return merged


def raci_model(matrix: Matrix, first_column: int = 0, total_columns: int | None = None) -> dict[str, Any]:
    """The matrix as templates see it: to_dict() plus column bands (local `start`/`stop`, 1-based `first`/`last`
    of `total` columns overall; `runs`, for each row, its cells in the band with empty runs merged), rows per
    paged table, and the names of the profile's letters."""
    model = matrix.to_dict()
    total = len(matrix.columns) if total_columns is None else total_columns
    bands = [{"start": b.start, "stop": b.stop, "first": first_column + b.start + 1,
              "last": first_column + b.stop, "total": total} for b in matrix.bands(BAND_COLUMNS)]
    for group in model["groups"]:
        for row in group["rows"]:
            row["runs"] = [runs(row["cells"][band["start"]:band["stop"]]) for band in bands]
    return {**model, "names": matrix.profile.names, "bands": bands,
            "rows_per_table": ROWS_PER_TABLE}


def team_summary(document) -> dict[str, Any]:
    """The team's own fields templates need on every team document (id, name, mission, `x-` extensions)."""
    data = document.data
    return {"id": data["id"], "name": data["name"], "mission": data["mission"],
            **{key: value for key, value in data.items() if key.startswith("x-")}}


def _render(catalogue, name: str, context: dict[str, Any]) -> str:
    from .engine import environment, render_template

    return render_template(environment(catalogue), name, context)


def _context(document, catalogue, fmt: str, raci: dict[str, Any], part: dict | None = None) -> dict[str, Any]:
    from .views import config_model

    return {"team": team_summary(document), "raci": raci, "config": config_model(catalogue), "format": fmt,
            "part": part}


def raci_document(document, catalogue, template: str, fmt: str) -> str:
    """The RACI matrix of a checked team Document through a template (raci.md.j2, raci.html.j2)."""
    raci = raci_model(matrix_for(document, catalogue))
    return _render(catalogue, template, _context(document, catalogue, fmt, raci))


def pdf_parts(matrix: Matrix) -> list[tuple[range, range]]:
    """(columns, rows) index ranges to print separately, band by band; one part when the matrix is small."""
    rows, columns = matrix.size
    bands = matrix.bands(BAND_COLUMNS)
    if rows * (min(columns, BAND_COLUMNS) + 1) * len(bands) <= WHOLE_PDF_CELLS:
        return [(range(columns), range(rows))]
    runs = math.ceil(rows / PART_ROWS)
    size = math.ceil(rows / runs)
    return [(band, range(start, min(start + size, rows))) for band in bands for start in range(0, rows, size)]


def raci_pdf(document, catalogue) -> bytes:
    """The RACI matrix as PDF: one tagged document, or printed part by part and joined when it is large."""
    from .writers.pdf import html_to_pdf
    from .writers.pdfjoin import join_pdfs, page_count

    matrix = matrix_for(document, catalogue)
    parts = pdf_parts(matrix)
    if len(parts) == 1:
        return html_to_pdf(raci_document(document, catalogue, "raci.html.j2", "pdf"), catalogue.root)
    printed, next_page = [], 1
    for number, (columns, rows) in enumerate(parts, 1):
        raci = raci_model(matrix.select(columns, rows), columns.start, len(matrix.columns))
        part = {"number": number, "count": len(parts), "first": number == 1, "first_page": next_page}
        html = _render(catalogue, "raci.html.j2", _context(document, catalogue, "pdf", raci, part))
        printed.append(html_to_pdf(html, catalogue.root, tagged=False))
        next_page += page_count(printed[-1])
    return join_pdfs(printed, f"{matrix.team_name}: {matrix.profile.title} matrix")


def raci_csv(document, catalogue) -> str:
    """The RACI matrix as CSV."""
    from .writers.sheets import to_csv

    return to_csv(matrix_for(document, catalogue))


def raci_xlsx(document, catalogue) -> bytes:
    """The RACI matrix as an Excel workbook."""
    from .writers.sheets import to_xlsx

    return to_xlsx(matrix_for(document, catalogue))
