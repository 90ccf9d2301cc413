"""A job description as a list of blocks (title, headings, paragraphs, bullets), read into a Draft by the
headings and `Label: value` lines HR documents use (see vocabulary.py): one reader for Word files and for the
HTML description of a JobPosting."""
from __future__ import annotations

from dataclasses import dataclass

from .draft import Draft, clean, duty_from, split_lead_in, words
from .values import employment_type_of, field_of, pay_from, qualification_kind, section_of

HEADING_WORDS = 8  # a bold line or a line ending in ':' this short can be a heading


@dataclass(frozen=True)
class Block:
    """One paragraph of a document: `title`, `heading`, `text` or `item` (a bullet), its text, and the bold
    words it opens with (a lead-in such as `Budget:`), if any."""

    kind: str
    text: str
    lead: str | None = None
    bold: bool = False  # the whole paragraph is bold


def _looks_like_heading(block: Block) -> bool:
    text = block.text.rstrip()
    if block.kind in ("heading", "title"):
        return True
    if block.kind != "text" or words(text) > HEADING_WORDS:
        return False
    return block.bold or (text.endswith(":") and ":" not in text[:-1])


def _field(block: Block) -> tuple[str, str] | None:
    """(field, value) of a `Label: value` line whose label is a known field."""
    if block.kind not in ("text", "item") or ":" not in block.text:
        return None
    label, value = block.text.split(":", 1)
    name = field_of(label) if words(label) <= 5 else None
    return (name, clean(value)) if name and clean(value) else None


class _Reader:
    """Walks the blocks in order, keeping the section it is in."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.section: str | None = None
        self.heading = ""
        self.summary: list[str] = []
        self.set_aside: dict[str, int] = {}

    def block(self, block: Block) -> None:
        found = _field(block)
        if found is not None and self.section not in ("duties", "kpis"):
            self.field(*found)
            return
        if _looks_like_heading(block):
            section = section_of(block.text)
            if section is not None or block.kind in ("heading", "title") or block.bold:
                self.section, self.heading = section or "other", clean(block.text).rstrip(":")
                if block.kind == "title" and self.draft.title is None:
                    self.draft.title, self.section = clean(block.text), None
                return
        self.content(block)

    def field(self, name: str, value: str) -> None:
        draft = self.draft
        if name == "title" and draft.title is None:
            draft.title = value
        elif name == "reports_to":
            draft.reports_to_text = value
        elif name == "location":
            draft.location = value
        elif name == "family":
            draft.family = value
        elif name == "level":
            draft.level = value
        elif name == "employment_type":
            draft.employment_type = employment_type_of(value)
            if draft.employment_type is None:
                draft.notes.append(f"employment type '{value}' is none that roledocs knows: set employment_type")
        elif name == "pay":
            draft.compensation = pay_from(value)
            if draft.compensation is None:
                draft.notes.append(f"pay '{value}' does not give currency, amounts and period: set compensation")
        elif name == "occupation":
            code = value.split()[0]
            key = "onet_soc" if "-" in code else "isco"
            draft.occupation[key] = code

    def content(self, block: Block) -> None:
        text, draft = clean(block.text), self.draft
        if not text:
            return
        section = self.section
        if section is None and block.kind == "text":
            if draft.title is None and words(text) <= 12 and not text.endswith("."):
                draft.title = text
            else:
                self.summary.append(text)
        elif section is None or section == "duties":
            draft.duties.append(duty_from(text, block.lead))
        elif section == "summary":
            self.summary.append(text)
        elif section in ("skills", "preferred", "requirements"):
            kind = qualification_kind(text)
            if kind and section != "skills":
                draft.qualification(kind, text)
            else:
                draft.skills.append({"name": text.rstrip("."), "required": section != "preferred"})
        elif section == "qualifications":
            draft.qualification(qualification_kind(text) or "experience", text)
        elif section in ("education", "experience", "certifications"):
            draft.qualification(section, text)
        elif section == "kpis":
            name, measure = split_lead_in(text, block.lead)
            draft.kpis.append({"name": name or (text if words(text) <= 8 else None), "measure": measure
                               if name or words(text) > 8 else None})
        else:
            self.set_aside[self.heading] = self.set_aside.get(self.heading, 0) + 1

    def finish(self) -> None:
        if self.summary and self.draft.summary is None:
            self.draft.summary = " ".join(self.summary)
        for heading, count in self.set_aside.items():
            lines = "line" if count == 1 else "lines"
            self.draft.notes.append(f"section '{heading}' ({count} {lines}) is not part of a role file: not imported")


def read_blocks(blocks: list[Block], draft: Draft) -> Draft:
    """Fill the draft from the blocks of a job description; returns it."""
    reader = _Reader(draft)
    for block in blocks:
        reader.block(block)
    reader.finish()
    return draft
