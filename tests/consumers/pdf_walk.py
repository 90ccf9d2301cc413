"""A PDF walked with pikepdf for what PDF/UA-1 checkers read: the structure tree, the language and title, page
content that is neither tagged nor an artifact (ISO 14289-1 7.1), table headers without /Scope (7.5), annotation
flags (7.18) and fonts that are not embedded (7.21)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PAINTING = {"Tj", "TJ", "'", '"', "Do", "sh", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "INLINE IMAGE"}
PRINT_FLAG = 4  # annotation flag bit 3 (ISO 32000-1 12.5.3)


@dataclass(frozen=True)
class Untagged:
    """A painting operator whose output no assistive technology can reach: not an artifact, and not in marked
    content that the structure tree points to."""

    page: int
    operator: str
    marked_as: str


@dataclass(frozen=True)
class Annotation:
    page: int
    subtype: str
    flags: int
    contents: str | None
    struct_parent: bool

    @property
    def printable(self) -> bool:
        return bool(self.flags & PRINT_FLAG)


@dataclass(frozen=True)
class PdfStructure:
    """The tagged-PDF facts of one file."""

    pages: int
    lang: str | None
    title: str | None
    display_doc_title: bool
    marked: bool
    has_structure_tree: bool
    roles: Counter
    table_headers: int
    headers_without_scope: int
    artifacts: int
    untagged: tuple[Untagged, ...]
    annotations: tuple[Annotation, ...]
    unembedded_fonts: tuple[str, ...]


def walk_pdf(path: Path) -> PdfStructure:
    """Read a PDF's structure: catalogue entries, the structure tree, and every page's content stream."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        root = pdf.Root
        tree = root.get("/StructTreeRoot")
        referenced: set[tuple[tuple[int, int] | None, int]] = set()
        roles: Counter = Counter()
        headers = _walk_tree(tree.get("/K"), None, referenced, roles) if tree is not None else []
        artifacts = 0
        untagged: list[Untagged] = []
        annotations: list[Annotation] = []
        fonts: set[str] = set()
        for number, page in enumerate(pdf.pages, start=1):
            page_id = page.obj.objgen
            artifacts += _walk_content(page.obj, number, page_id, referenced, untagged)
            fonts |= _unembedded_fonts(page.obj.get("/Resources"))
            for annotation in page.obj.get("/Annots", []):
                contents = annotation.get("/Contents")
                annotations.append(Annotation(number, str(annotation.get("/Subtype")), int(annotation.get("/F", 0)),
                                              str(contents) if contents is not None else None,
                                              "/StructParent" in annotation))
        with pdf.open_metadata() as xmp:
            title = xmp.get("dc:title")
        viewer = root.get("/ViewerPreferences", {})
        mark_info = root.get("/MarkInfo", {})
        return PdfStructure(
            pages=len(pdf.pages), lang=str(root["/Lang"]) if "/Lang" in root else None, title=title,
            display_doc_title=bool(viewer.get("/DisplayDocTitle", False)), marked=bool(mark_info.get("/Marked", False)),
            has_structure_tree=tree is not None, roles=roles, table_headers=len(headers),
            headers_without_scope=sum(1 for header in headers if not _has_scope(header)), artifacts=artifacts,
            untagged=tuple(untagged), annotations=tuple(annotations), unembedded_fonts=tuple(sorted(fonts)))


def _walk_tree(kids, page, referenced: set, roles: Counter) -> list:
    """Collect the (page, MCID) pairs the structure tree points to and the role of every element; return the TH
    elements."""
    import pikepdf

    if kids is None:
        return []
    if isinstance(kids, pikepdf.Array):
        return [header for kid in kids for header in _walk_tree(kid, page, referenced, roles)]
    if not isinstance(kids, pikepdf.Dictionary):
        referenced.add((page, int(kids)))  # a bare MCID on the element's page
        return []
    if "/Pg" in kids:
        page = kids["/Pg"].objgen
    kind = kids.get("/Type")
    if kind == "/MCR":
        referenced.add((page, int(kids["/MCID"])))
        return []
    if kind == "/OBJR" or "/S" not in kids:
        return []
    role = str(kids["/S"])
    roles[role] += 1
    headers = [kids] if role == "/TH" else []
    return headers + _walk_tree(kids.get("/K"), page, referenced, roles)


def _has_scope(header) -> bool:
    """Whether a TH element has a Table attribute /Scope (directly or in one of several attribute objects)."""
    import pikepdf

    attributes = header.get("/A")
    if attributes is None:
        return False
    objects = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
    return any(isinstance(item, pikepdf.Dictionary) and item.get("/O") == "/Table" and "/Scope" in item
               for item in objects)


def _walk_content(holder, number: int, page_id, referenced: set, untagged: list, stack: list | None = None) -> int:
    """Walk a content stream (a page's, or a form's drawn into it) and record painting outside tagged content;
    return how many artifact sequences it opens."""
    import pikepdf

    stack = list(stack or [])
    artifacts = 0
    resources = holder.get("/Resources", {})
    for operands, operator in pikepdf.parse_content_stream(holder):
        name = str(operator)
        if name in ("BMC", "BDC"):
            properties = operands[1] if name == "BDC" and len(operands) > 1 else None
            mcid = (int(properties["/MCID"]) if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties
                    else None)
            stack.append((str(operands[0]), mcid))
            artifacts += str(operands[0]) == "/Artifact"
        elif name == "EMC" and stack:
            stack.pop()
        elif name in PAINTING:
            form = _form(resources, operands) if name == "Do" else None
            if form is not None:
                artifacts += _walk_content(form, number, page_id, referenced, untagged, stack)
            elif not any(tag == "/Artifact" for tag, _ in stack):
                mcids = [(tag, mcid) for tag, mcid in stack if mcid is not None]
                if not mcids:
                    untagged.append(Untagged(number, name, "not in marked content"))
                elif (page_id, mcids[-1][1]) not in referenced:
                    tag, mcid = mcids[-1]
                    untagged.append(Untagged(number, name, f"{tag} MCID {mcid}, not in the structure tree"))
    return artifacts


def _form(resources, operands):
    """The form XObject a Do operator draws, or None for an image."""
    xobjects = resources.get("/XObject", {})
    target = xobjects.get(str(operands[0])) if operands else None
    return target if target is not None and target.get("/Subtype") == "/Form" else None


def _unembedded_fonts(resources) -> set[str]:
    """Names of the fonts in these resources that carry no font program (Type 3 fonts are drawn, not embedded)."""
    if resources is None:
        return set()
    missing = set()
    for font in resources.get("/Font", {}).values():
        if font.get("/Subtype") == "/Type3":
            continue
        described = font["/DescendantFonts"][0] if "/DescendantFonts" in font else font
        descriptor = described.get("/FontDescriptor", {})
        if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            missing.add(str(font.get("/BaseFont")))
    return missing
