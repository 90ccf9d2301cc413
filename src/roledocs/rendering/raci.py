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

from ..source.profiles import Profile
from ..source.translations import text_in
from ..team.matrix import Matrix, build_matrix
from .language import N_, Language

# Bands of at most this many role/party columns; paged tables of at most this many rows.
BAND_COLUMNS = 12
ROWS_PER_TABLE = 60
# Up to this many cells (rows x (band columns + 1)) the PDF is one tagged document (~250 MiB at most);
# beyond, one part per band and run of at most PART_ROWS rows.
WHOLE_PDF_CELLS = 8000
PART_ROWS = 240
# The letters' names in a sentence (Profile.named), as labels: "who is responsible, accountable, ... or informed".
WHO = (N_("responsible, accountable, consulted and informed"), N_("responsible, accountable, consulted or informed"),
       N_("responsible, accountable, supportive, consulted and informed"),
       N_("responsible, accountable, supportive, consulted or informed"),
       N_("responsible, accountable, consulted, informed, verifier and signatory"),
       N_("responsible, accountable, consulted, informed, verifier or signatory"),
       N_("driver, approver, contributor and informed"), N_("driver, approver, contributor or informed"))
# A letter's name in running text ("when it is accountable (A) on more than 50%").
RUNNING = (N_("responsible"), N_("accountable"), N_("driver"), N_("approver"))


def profile_words(profile: Profile, language: Language) -> dict[str, Any]:
    """A RACI profile's words in a language: `legend` ({letter, name, meaning}), `names` (letter -> name) and `who`
    (the names in a sentence: `all` with 'and', `any` with 'or')."""
    legend = [{"letter": entry["letter"], "name": language(entry["name"]), "meaning": language(entry["meaning"])}
              for entry in profile.legend()]
    return {"legend": legend, "names": {entry["letter"]: entry["name"] for entry in legend},
            "who": {"all": language(profile.named("and")), "any": language(profile.named("or"))}}


def running(name: str, language: Language) -> str:
    """A letter's name as a sentence uses it ('accountable', 'approver'), in the language."""
    return language(name.lower())


def matrix_in(document, catalogue, language: Language) -> Matrix:
    """The matrix of a checked team Document in a language: the team's and its member roles' text translated
    where they translate it (source/translations.py)."""
    config = catalogue.config
    members = {member["role"] for member in document.data["members"]}
    titles = {rid: text_in(catalogue.roles[rid], config, language.tag)["title"]
              for rid in sorted(members) if rid in catalogue.roles}
    return build_matrix(text_in(document, config, language.tag), titles)


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


def raci_model(matrix: Matrix, language: Language, first_column: int = 0,
               total_columns: int | None = None) -> dict[str, Any]:
    """The matrix as templates see it: to_dict() plus column bands (local `start`/`stop`, 1-based `first`/`last`
    of `total` columns overall; `runs`, for each row, its cells in the band with empty runs merged), rows per
    paged table, and the profile's words in the language: its legend, the names of its letters and the sentences
    of them (`who`)."""
    model = matrix.to_dict()
    total = len(matrix.columns) if total_columns is None else total_columns
    bands = [{"start": b.start, "stop": b.stop, "first": first_column + b.start + 1,
              "last": first_column + b.stop, "total": total} for b in matrix.bands(BAND_COLUMNS)]
    for group in model["groups"]:
        for row in group["rows"]:
            row["runs"] = [runs(row["cells"][band["start"]:band["stop"]]) for band in bands]
    return {**model, **profile_words(matrix.profile, language), "bands": bands, "rows_per_table": ROWS_PER_TABLE}


def team_summary(document, data: dict | None = None) -> dict[str, Any]:
    """The team's own fields templates need on every team document (id, name, mission, `x-` extensions), from its
    data in the document's language (default: as written)."""
    data = document.data if data is None else data
    return {"id": data["id"], "name": data["name"], "mission": data["mission"],
            **{key: value for key, value in data.items() if key.startswith("x-")}}


def _render(catalogue, language: Language, name: str, context: dict[str, Any]) -> str:
    from .engine import environment, render_template

    return render_template(environment(catalogue, language), name, context)


def _context(job, language: Language, fmt: str, raci: dict[str, Any], part: dict | None = None) -> dict[str, Any]:
    from .views import config_model

    team = team_summary(job.document, text_in(job.document, job.catalogue.config, language.tag))
    return {"team": team, "raci": raci, "config": config_model(job.catalogue), "format": fmt, "part": part,
            "alternates": list(job.alternates)}


def _language(job) -> Language:
    from .views import document_language

    return document_language(job.document, job.catalogue, job.language)


def raci_document(job, template: str, fmt: str) -> str:
    """The RACI matrix of a formats.Job's checked team through a template (raci.md.j2, raci.html.j2)."""
    language = _language(job)
    raci = raci_model(matrix_in(job.document, job.catalogue, language), language)
    return _render(job.catalogue, language, template, _context(job, language, fmt, raci))


def pdf_parts(matrix: Matrix) -> list[tuple[range, range]]:
    """(columns, rows) index ranges to print separately, band by band; one part when the matrix is small."""
    rows, columns = matrix.size
    bands = matrix.bands(BAND_COLUMNS)
    if rows * (min(columns, BAND_COLUMNS) + 1) * len(bands) <= WHOLE_PDF_CELLS:
        return [(range(columns), range(rows))]
    runs = math.ceil(rows / PART_ROWS)
    size = math.ceil(rows / runs)
    return [(band, range(start, min(start + size, rows))) for band in bands for start in range(0, rows, size)]


def raci_pdf(job) -> bytes:
    """The RACI matrix as PDF: one tagged document, or printed part by part and joined when it is large."""
    from .writers.pdf import html_to_pdf
    from .writers.pdfjoin import join_pdfs, page_count

    catalogue, language = job.catalogue, _language(job)
    matrix = matrix_in(job.document, catalogue, language)
    parts = pdf_parts(matrix)
    if len(parts) == 1:
        return html_to_pdf(raci_document(job, "raci.html.j2", "pdf"), catalogue.root)
    printed, next_page = [], 1
    for number, (columns, rows) in enumerate(parts, 1):
        raci = raci_model(matrix.select(columns, rows), language, columns.start, len(matrix.columns))
        part = {"number": number, "count": len(parts), "first": number == 1, "first_page": next_page}
        html = _render(catalogue, language, "raci.html.j2", _context(job, language, "pdf", raci, part))
        printed.append(html_to_pdf(html, catalogue.root, tagged=False))
        next_page += page_count(printed[-1])
    return join_pdfs(printed, language(N_("%(team)s: %(profile)s matrix"), team=matrix.team_name,
                                       profile=matrix.profile.title), language.tag)


def raci_csv(job) -> str:
    """The RACI matrix as CSV."""
    from .writers.sheets import to_csv

    language = _language(job)
    return to_csv(matrix_in(job.document, job.catalogue, language), language)


def raci_xlsx(job) -> bytes:
    """The RACI matrix as an Excel workbook."""
    from .writers.sheets import to_xlsx

    language = _language(job)
    matrix = matrix_in(job.document, job.catalogue, language)
    return to_xlsx(matrix, language, profile_words(matrix.profile, language)["legend"])
