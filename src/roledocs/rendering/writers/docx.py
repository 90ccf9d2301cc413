"""Word (DOCX) job descriptions through python-docx: real headings, bullet lists and tables, reproducible bytes.

A document HR can send as it is: one font family for body and headings (python-docx's template mixes theme
fonts), the document's language, tables with padded cells, a shaded header row and columns as wide as their
content needs (docx_tables.py), the duties' Total row, and "Page N of M" in the footer.

python-docx is imported only here. Word documents are zip files whose entries carry the time they were written,
and whose core properties carry dates: both are fixed, so the same role gives the same bytes. The application
properties (docProps/app.xml) are written here too: python-docx would copy its template's ("Microsoft Macintosh
Word", 0 words).
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime
from xml.sax.saxutils import escape

from ..language import N_, Language
from .docx_tables import table

FIXED_DATE = datetime(2000, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FONT = "Arial"  # on every Windows and Mac; LibreOffice shows it as the metric-compatible Liberation Sans
_PAGE_SIZES = {"A4": (210, 297), "Letter": (215.9, 279.4)}
_APP_XML = "docProps/app.xml"
_APP_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


QUALIFICATIONS = (("education", N_("Education")), ("experience", N_("Experience")),
                  ("certifications", N_("Certifications")))
POSTING_TEXTS = (("benefits", N_("Benefits")), ("how_to_apply", N_("How to apply")),
                 ("equal_opportunity", N_("Equal opportunity")))


def _facts(role: dict, _: Language) -> list[tuple[str, str]]:
    facts = [(_("Job family"), role["family"]), (_("Level"), role["level"]), (_("Location"), role["location"]),
             (_("Employment type"), role["employment_type_label"])]
    if role["reports_to"]:
        facts.append((_("Reports to"), role["reports_to"]["title"] or role["reports_to"]["id"]))
    return [(label, value) for label, value in facts if value]


def _duty(document, duty: dict, style: str, _: Language) -> None:
    document.add_heading(duty["title"], level=3 if style == "sub" else 2)
    meta = []
    if duty["time_share"] is not None:
        meta.append(_("%(share)s of working time", share=_.percent(duty["time_share"])))
    if duty["frequency"]:
        meta.append(duty["frequency_label"])
    meta.append(_("Essential function") if duty["essential"] else _("Additional duty"))
    document.add_paragraph(" · ".join(meta)).runs[0].italic = True
    document.add_paragraph(duty["description"])
    if duty["kpis"]:
        document.add_paragraph(_("Measured by:")).runs[0].bold = True
        for kpi in duty["kpis"]:
            reviewed = _("reviewed %(frequency)s", frequency=kpi["frequency_words"])
            document.add_paragraph(f"{kpi['name']}: {kpi['target'].in_words}, {reviewed}", style="List Bullet")


def _body(document, role: dict, _: Language) -> None:
    document.add_heading(role["title"], level=0)
    for label, value in _facts(role, _):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    document.add_heading(_("Purpose of the role"), level=1)
    document.add_paragraph(role["summary"])
    document.add_heading(_("Duties and responsibilities"), level=1)
    total = None if role["time_share_total"] is None else [_("Total"), _.percent(role["time_share_total"]), "", ""]
    table(document, [_("Duty"), _("Share of time"), _("Frequency"), _("Type")],
          [[d["title"], _.percent(d["time_share"]) if d["time_share"] is not None else "—",
            d["frequency_label"] or "—", _("Essential") if d["essential"] else _("Additional")]
           for d in role["duties"]], total=total)
    if role["additional_duties"]:
        for heading, duties in ((N_("Essential duties"), role["essential_duties"]),
                                (N_("Additional duties"), role["additional_duties"])):
            document.add_heading(_(heading), level=2)
            for duty in duties:
                _duty(document, duty, "sub", _)
    else:
        for duty in role["duties"]:
            _duty(document, duty, "main", _)
    document.add_heading(_("Key performance indicators"), level=1)
    table(document, [_("KPI"), _("Measure"), _("Target"), _("Reviewed"), _("Duties")],
          [[k["name"], k["measure"], f"{k['target'].display} ({k['target'].in_words})", k["frequency_label"],
            "; ".join(d["title"] for d in k["duties"]) or _("The role as a whole")] for k in role["kpis"]])
    document.add_heading(_("Skills"), level=1)
    document.add_paragraph(_("Levels: 1 awareness, 2 basic, 3 proficient, 4 advanced, 5 expert."))
    for heading, skills in ((N_("Required skills"), role["required_skills"]),
                            (N_("Preferred skills"), role["preferred_skills"])):
        if skills:
            document.add_heading(_(heading), level=2)
            table(document, [_("Skill"), _("Category"), _("Level")],
                  [[s["name"], s["category_label"] or "—", f"{s['level']} – {s['level_name']}"] for s in skills])
    qualifications = role["qualifications"]
    if any(qualifications[key] for key, _heading in QUALIFICATIONS):
        document.add_heading(_("Qualifications"), level=1)
        for key, heading in QUALIFICATIONS:
            if qualifications[key]:
                document.add_heading(_(heading), level=2)
                for item in qualifications[key]:
                    document.add_paragraph(item, style="List Bullet")
    posting = role["posting"]
    if role["compensation"] or posting["pay_transparency"]:
        document.add_heading(_("Pay"), level=1)
        for text in (role["compensation"] and role["compensation"]["display"], posting["pay_transparency"]):
            if text:
                document.add_paragraph(text)
    for key, heading in POSTING_TEXTS:
        if posting[key]:
            document.add_heading(_(heading), level=1)
            document.add_paragraph(posting[key])
    if role["attribution"]:
        document.add_paragraph(role["attribution"]).runs[0].italic = True


def _short(text: str, limit: int = 255) -> str:
    """Text cut to Word's 255-character limit for document properties, at a word, with an ellipsis."""
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def _properties(document, role: dict, config: dict, language: Language) -> None:
    props = document.core_properties
    props.title = _short(role["title"])
    props.subject = _short(role["summary"])
    props.author = props.last_modified_by = _short(config.get("organization") or "")
    props.keywords = _short(", ".join([language(N_("job description")), *(s["name"] for s in role["skills"])]))
    props.category = _short(role["family"] or "")
    props.identifier = role["id"]
    props.comments = ""
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) at the end of a paragraph; Word and LibreOffice fill in its value."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _page(document, config: dict, footer: str, language: Language) -> None:
    """Paper size, and the footer: the organisation, the document and "Page N of M" (in the language)."""
    from docx.shared import Mm

    width, height = _PAGE_SIZES[config.get("page_size") or "A4"]
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        paragraph = section.footer.paragraphs[0]
        # the translated "Page N of M", cut where Word's PAGE and NUMPAGES fields go
        before, between, after = language(N_("Page %(page)s of %(pages)s"), page="\0", pages="\0").split("\0")
        paragraph.text = f"{footer} · {before}"
        _field(paragraph, "PAGE")
        paragraph.add_run(between)
        _field(paragraph, "NUMPAGES")
        if after:
            paragraph.add_run(after)


def _one_font(document, language: str) -> None:
    """Body and headings in one font family, and the document's language, set on the defaults and every style
    (python-docx's template gives them theme fonts, which Word and LibreOffice resolve differently)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for properties in [defaults, *styles.iter(qn("w:rPr"))]:
        fonts = properties.find(qn("w:rFonts"))
        if fonts is None:
            continue
        for name in list(fonts.attrib):
            fonts.attrib.pop(name)
        for kind in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{kind}"), FONT)
    for lang in defaults.findall(qn("w:lang")):
        defaults.remove(lang)
    lang = OxmlElement("w:lang")
    for kind in ("val", "eastAsia", "bidi"):
        lang.set(qn(f"w:{kind}"), language)
    defaults.append(lang)
    document.core_properties.language = language


def _drop_thumbnail(document) -> None:
    """python-docx's default template carries a thumbnail of an empty page: drop it rather than mislead."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[key]


def _app_properties(document, config: dict) -> bytes:
    """docProps/app.xml naming roledocs as the application, with the body's counts as Word counts them."""
    from docx.oxml.ns import qn

    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    texts = [text for text in texts if text.strip()]
    counts = {"Words": sum(len(text.split()) for text in texts),
              "Characters": sum(len("".join(text.split())) for text in texts),
              "CharactersWithSpaces": sum(len(text) for text in texts), "Paragraphs": len(texts)}
    company = config.get("organization") or ""
    fields = "".join(f"<{key}>{value}</{key}>" for key, value in counts.items())
    return (f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<Properties xmlns='{_APP_NAMESPACE}'>"
            f"<Application>roledocs</Application><DocSecurity>0</DocSecurity>{fields}"
            f"<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
            f"<HyperlinksChanged>false</HyperlinksChanged></Properties>").encode("utf-8")


def reproducible_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same zip with its entries sorted, dated 1980-01-01 and deflated the same way every time.

    `replace` gives new contents for some entries (by name), for parts python-docx has no API for.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, (replace or {}).get(name) or source.read(name), compresslevel=6)
    return target.getvalue()


def job_description(role: dict, config: dict, language: Language) -> bytes:
    """The job description as DOCX bytes, in the language of the role model (its labels, and its text marked as
    that language)."""
    import docx

    document = docx.Document()
    _drop_thumbnail(document)
    _one_font(document, language.tag)
    _properties(document, role, config, language)
    organization = config.get("organization")
    footer = language(N_("Job description: %(title)s"), title=role["title"])
    _page(document, config, f"{organization + ' · ' if organization else ''}{footer}", language)
    _body(document, role, language)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue(), {_APP_XML: _app_properties(document, config)})
