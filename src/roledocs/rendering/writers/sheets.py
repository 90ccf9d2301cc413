"""RACI matrices as spreadsheets: CSV (guarded against formula injection) and XLSX (openpyxl, byte-identical).

A spreadsheet program runs a cell that starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)` can leak
data). CSV cells like that get a leading `'` (OWASP's advice); XLSX cells are stored as text, never as formulas.
"""
from __future__ import annotations

import csv
import io
import zipfile

from ...team.matrix import Matrix
from ..language import N_, Language

_RISKY_START = ("=", "+", "-", "@", "\t", "\r")
# Zip entries and workbook properties carry this date, so the same matrix always gives the same bytes.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# A fill per letter of every profile (S is RASCI's Supportive and RACI-VS's Signatory).
FILLS = {"A": "F4B183", "R": "A9D08E", "D": "A9D08E", "C": "FFE699", "I": "9DC3E6", "S": "D5C4E8", "V": "C9E4DE"}
HEADER_FILL = "D9D9D9"


def _header(matrix: Matrix, language: Language) -> list[str]:
    return [language(N_("Phase")), language(N_("Activity")), *(c.title for c in matrix.columns)]


def _lines(matrix: Matrix):
    for row in matrix.rows:
        yield [row.phase or "", row.name, *row.cells]


def guard_csv(value: str) -> str:
    """Prefix a cell that a spreadsheet would read as a formula with `'` (OWASP CSV injection advice)."""
    return "'" + value if value.startswith(_RISKY_START) else value


def to_csv(matrix: Matrix, language: Language) -> str:
    """The matrix as RFC 4180 CSV: a header row (Phase, Activity, column titles, in the language), then one row
    per activity."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for line in [_header(matrix, language), *_lines(matrix)]:
        writer.writerow([guard_csv(cell) for cell in line])
    return buffer.getvalue()


def _text_cell(sheet, row: int, column: int, value: str, style=None):
    """Write a value as text: data type `s` and the quote prefix, so Excel never evaluates it."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    cell.data_type = "s"
    if style is not None:
        cell.style = style
    if value.startswith(_RISKY_START):  # after the style, which would reset it
        cell.quotePrefix = True
    return cell


def _styles():
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

    def named(name: str, colour: str | None, bold: bool = False, wrap: bool = False, centre: bool = False):
        style = NamedStyle(name=name, font=Font(bold=bold),
                           alignment=Alignment(wrap_text=wrap, vertical="top",
                                               horizontal="center" if centre else None))
        if colour:
            style.fill = PatternFill("solid", start_color=colour, end_color=colour)
        return style

    letters = {letter: named(f"raci-{letter}", colour, bold=letter == "A", centre=True)
               for letter, colour in FILLS.items()}
    return named("raci-header", HEADER_FILL, bold=True, wrap=True, centre=True), named("raci-text", None, wrap=True), \
        letters


def _matrix_sheet(sheet, matrix: Matrix, language: Language) -> None:
    from openpyxl.utils import get_column_letter

    header, text, letters = _styles()
    for column, title in enumerate(_header(matrix, language), 1):
        _text_cell(sheet, 1, column, title, header)
    for number, line in enumerate(_lines(matrix), 2):
        _text_cell(sheet, number, 1, line[0], text)
        _text_cell(sheet, number, 2, line[1], text)
        for column, letters_ in enumerate(line[2:], 3):
            if letters_:
                _text_cell(sheet, number, column, letters_, letters[letters_[0]])
    sheet.freeze_panes = "C2"
    phases = [len(r.phase or "") for r in matrix.rows]
    sheet.column_dimensions["A"].width = min(max([5, *phases]) + 2, 30)
    sheet.column_dimensions["B"].width = min(max([8, *(len(r.name) for r in matrix.rows)]) + 2, 60)
    for index, column in enumerate(matrix.columns, 3):
        sheet.column_dimensions[get_column_letter(index)].width = max(8, min(len(column.title), 18)) + 2
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(matrix.columns) + 2)}{sum(1 for _ in matrix.rows) + 1}"


def _legend_sheet(sheet, language: Language, legend: list[dict[str, str]]) -> None:
    header, text, letters = _styles()
    for column, title in enumerate((N_("Letter"), N_("Name"), N_("Meaning")), 1):
        _text_cell(sheet, 1, column, language(title), header)
    for number, entry in enumerate(legend, 2):
        _text_cell(sheet, number, 1, entry["letter"], letters[entry["letter"]])
        _text_cell(sheet, number, 2, entry["name"], text)
        _text_cell(sheet, number, 3, entry["meaning"], text)
    for column, width in zip("ABC", (8, 14, 70)):
        sheet.column_dimensions[column].width = width


def _rezip(data: bytes) -> bytes:
    """The same zip with every entry dated FIXED_TIME, in the same order (openpyxl stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def to_xlsx(matrix: Matrix, language: Language, legend: list[dict[str, str]]) -> bytes:
    """The matrix as an Excel workbook: a sheet named after the profile (`RACI`, `DACI`, ...: frozen header and
    activity columns, a fill per letter, filters) and sheet `Legend` with the letters' `legend` (named in the
    language); identical bytes for an identical matrix."""
    import datetime

    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = matrix.profile.title
    _matrix_sheet(sheet, matrix, language)
    _legend_sheet(book.create_sheet(language(N_("Legend"))[:31]), language, legend)
    fixed = datetime.datetime(*FIXED_TIME)
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = "roledocs"
    book.properties.title = language(N_("%(team)s: %(profile)s matrix"), team=matrix.team_name,
                                     profile=matrix.profile.title)
    book.properties.language = language.tag
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook() would stamp `modified` with the current time.
    ExcelWriter(book, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return _rezip(buffer.getvalue())
