"""Word job descriptions (.docx) as blocks, read with python-docx after checking the file is a sound, bounded
Word package: not an encrypted or legacy (.doc) file, not a zip bomb.

Headings come from heading and title styles, fully bold short lines and short lines ending in ':'; bullets from
list styles, Word numbering and typed bullet characters; a table row becomes a `Label: value` line.
"""
from __future__ import annotations

import io
import re
import zipfile

from .draft import clean
from .sections import Block

MAX_UNPACKED = 200 * 1024 * 1024  # all parts of the package together, as their headers declare
MAX_RATIO = 200  # a part that unpacks to more than this many times its packed size is a zip bomb
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and legacy .doc files are OLE compound files
_TYPED_BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□►▶✓✔\-–—*]|\d{1,2}[.)])\s+")


class NotWord(ValueError):
    """The file is not a Word document roledocs can read, and why."""


def _check_package(data: bytes) -> None:
    if data.startswith(_OLE):
        raise NotWord("an encrypted (password-protected) Word file or an old .doc file: save it as an "
                      "unprotected .docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise NotWord("not a Word file (.docx is a zip package; this is not one)") from error
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        if "word/document.xml" not in names and "[Content_Types].xml" not in names:
            raise NotWord("a zip file, but not a Word document (no word/document.xml)")
        if sum(info.file_size for info in infos) > MAX_UNPACKED:
            raise NotWord(f"it unpacks to more than {MAX_UNPACKED // 1024 // 1024} MB: refused (a zip bomb?)")
        for info in infos:
            if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise NotWord(f"its part {info.filename} unpacks {info.file_size // max(info.compress_size, 1)} "
                              "times larger than it is packed: refused (a zip bomb?)")


class _Styles:
    """Style names and bold character styles by style id, read once per document (python-docx looks a style up
    by scanning them all, on every paragraph and run)."""

    def __init__(self, document) -> None:
        self.names = {style.style_id: (style.name or "") for style in document.styles}
        self.bold = {style.style_id for style in document.styles
                     if getattr(style, "font", None) is not None and style.font.bold}

    def paragraph(self, paragraph) -> str:
        properties = paragraph._p.pPr
        return self.names.get(properties.style if properties is not None else None, "").lower()

    def bold_run(self, run) -> bool:
        properties = run._r.rPr
        return bool(run.bold) or (properties is not None and properties.style in self.bold)


def _is_item(paragraph, style: str) -> bool:
    properties = paragraph._p.pPr
    return style.startswith("list") or (properties is not None and properties.numPr is not None)


def _paragraph_block(paragraph, styles: _Styles) -> Block | None:
    text = paragraph.text
    if not clean(text):
        return None
    style = styles.paragraph(paragraph)
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = [styles.bold_run(run) for run in runs]
    leading = []
    for run, is_bold in zip(runs, bold):
        if not is_bold:
            break
        leading.append(run.text)
    lead = clean("".join(leading)) if leading and not all(bold) else None
    if style == "title":
        return Block("title", text)
    if style.startswith("heading"):
        return Block("heading", text)
    if _is_item(paragraph, style) or _TYPED_BULLET.match(text):
        return Block("item", clean(_TYPED_BULLET.sub("", text, count=1)),
                     lead and clean(_TYPED_BULLET.sub("", lead, count=1)))
    return Block("text", clean(text), lead, bool(runs) and all(bold))


def _table_blocks(table) -> list[Block]:
    blocks = []
    for row in table.rows:
        cells = list(dict.fromkeys(clean(cell.text) for cell in row.cells))  # merged cells repeat
        cells = [cell for cell in cells if cell]
        if len(cells) >= 2:
            blocks.append(Block("text", f"{cells[0].rstrip(':')}: {' '.join(cells[1:])}"))
        elif cells:
            blocks.append(Block("text", cells[0]))
    return blocks


def docx_blocks(data: bytes) -> list[Block]:
    """The blocks of a Word document, in reading order (paragraphs and tables of the body)."""
    _check_package(data)
    from docx import Document
    from docx.table import Table

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds for a damaged package: all mean the same
        raise NotWord(f"a damaged Word file ({type(error).__name__}: {error})") from error
    blocks: list[Block] = []
    styles = _Styles(document)
    for part in document.iter_inner_content():
        if isinstance(part, Table):
            blocks.extend(_table_blocks(part))
        elif (block := _paragraph_block(part, styles)) is not None:
            blocks.append(block)
    return blocks
