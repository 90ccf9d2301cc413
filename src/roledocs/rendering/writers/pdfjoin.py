"""Join PDFs printed in parts into one file, so a huge document never has to be laid out in memory at once.

WeasyPrint keeps every laid-out page of a document in memory until it is written (about 7 KB per table cell):
a 500 x 200 RACI matrix in one document needs over 2 GB. Printed part by part, each part is written and
dropped before the next, and pypdf joins the small PDFs. The join keeps pages, text and links; the parts'
accessibility tags are not merged (pypdf cannot), which is why only documents too large to print whole go
this way.
"""
from __future__ import annotations

import hashlib
import io


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def join_pdfs(parts: list[bytes], title: str, language: str = "en") -> bytes:
    """One PDF of the parts' pages in order, with a title, a language and an identifier hashed from the parts
    (no dates), so identical parts give identical bytes."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

    writer = PdfWriter()
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
        writer.append(PdfReader(io.BytesIO(part)))
    writer.add_metadata({"/Title": title, "/Producer": "roledocs (WeasyPrint, pypdf)"})
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    identifier = ByteStringObject(digest.digest()[:16])
    writer._ID = ArrayObject([identifier, identifier])  # pypdf has no public setter for the trailer's /ID
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
