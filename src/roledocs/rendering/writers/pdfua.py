"""What WeasyPrint's tagged PDF leaves out of PDF/UA-1, added to the printed file with pikepdf (qpdf).

WeasyPrint (68-70) draws the page-margin boxes (the running title, the organisation, "Page N of M") as marked
content that no structure element owns: neither tagged nor an artifact (ISO 14289-1 7.1). It tags table header
cells without /Scope (7.5), and writes link annotations without the Print flag (7.18.1, via PDF/A) and with the
link's target as their /Contents instead of a description (7.18.5). Here the margin content becomes pagination
artifacts, header cells get their scope (Column in a THead, Row elsewhere, as the templates' `scope` attributes
say), and links get the Print flag and the link's own text as /Contents. The result is saved with an identifier
hashed from its content, so the same input still gives the same bytes.
"""
from __future__ import annotations

import io
from html.parser import HTMLParser

_PRINT = 4  # annotation flag bit 3: print the annotation with the page


class _LinkTexts(HTMLParser):
    """The text of each link of an HTML document, by its target (`#duty-plan` as `duty-plan`)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: dict[str, str] = {}
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self._open.append((href[1:] if href.startswith("#") else href, []))

    def handle_data(self, data) -> None:
        for _, parts in self._open:
            parts.append(data)

    def handle_endtag(self, tag) -> None:
        if tag == "a" and self._open:
            target, parts = self._open.pop()
            text = " ".join("".join(parts).split())
            if text:
                self.texts.setdefault(target, text)


def link_texts(html: str) -> dict[str, str]:
    """Each link target of the HTML with the text of its first link."""
    parser = _LinkTexts()
    parser.feed(html)
    parser.close()
    return parser.texts


def _reachable(root) -> set[tuple[int, int]]:
    """The structure elements of the tree under StructTreeRoot, by object id."""
    import pikepdf

    found: set[tuple[int, int]] = set()
    todo = [root.get("/K")]
    while todo:
        kids = todo.pop()
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR") \
                    and kid.objgen not in found:
                found.add(kid.objgen)
                todo.append(kid.get("/K"))
    return found


def _page_parents(pdf) -> dict[int, object]:
    """The parent tree's entries (a StructParents number to its array of elements by MCID, or one element)."""
    nums = pdf.Root.StructTreeRoot.ParentTree.get("/Nums")
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)} if nums is not None else {}


def _artifacts(pdf, reachable: set[tuple[int, int]]) -> None:
    """Marked content that no element of the structure tree owns becomes a pagination artifact."""
    import pikepdf

    parents = _page_parents(pdf)
    for page in pdf.pages:
        elements = parents.get(int(page.obj.get("/StructParents", -1)))
        if not isinstance(elements, pikepdf.Array):
            continue
        orphans = {mcid for mcid, element in enumerate(elements)
                   if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable}
        if not orphans:
            continue
        artifact = [pikepdf.Name.Artifact, pikepdf.Dictionary(Type=pikepdf.Name.Pagination)]
        operations = pikepdf.parse_content_stream(page)
        for index in [i for i, operation in enumerate(operations) if str(operation.operator) == "BDC"]:
            operands = operations[index].operands
            if isinstance(operands[1], pikepdf.Dictionary) and int(operands[1].get("/MCID", -1)) in orphans:
                operations[index] = pikepdf.ContentStreamInstruction(artifact, operations[index].operator)
        page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(operations))
        for mcid in orphans:
            elements[mcid] = None


def _scopes(pdf, reachable: set[tuple[int, int]]) -> None:
    """/Scope on every header cell: Column in the table head, Row in its body and foot."""
    import pikepdf

    for objgen in reachable:
        element = pdf.get_object(objgen)
        if element.get("/S") != "/TH":
            continue
        row = element.get("/P")
        group = row.get("/P") if isinstance(row, pikepdf.Dictionary) else None
        scope = pikepdf.Name.Column if isinstance(group, pikepdf.Dictionary) and group.get("/S") == "/THead" \
            else pikepdf.Name.Row
        attributes = element.get("/A")
        if not isinstance(attributes, pikepdf.Dictionary):
            attributes = element.A = pikepdf.Dictionary(O=pikepdf.Name.Table)
        attributes.Scope = scope


def _links(pdf, texts: dict[str, str]) -> None:
    """Link annotations printed with the page, described by the text of their link."""
    import pikepdf

    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            annotation.F = int(annotation.get("/F", 0)) | _PRINT
            target = str(annotation.get("/Contents", ""))
            if target in texts:
                annotation.Contents = pikepdf.String(texts[target])


def complete_pdf_ua(pdf: bytes, html: str) -> bytes:
    """The tagged PDF printed from `html`, with what PDF/UA-1 asks and WeasyPrint leaves out."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        root = document.Root.get("/StructTreeRoot")
        if root is None:
            return pdf
        reachable = _reachable(root)
        _artifacts(document, reachable)
        _scopes(document, reachable)
        _links(document, link_texts(html))
        out = io.BytesIO()
        document.save(out, deterministic_id=True, compress_streams=True,
                      object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
