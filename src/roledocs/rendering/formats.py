"""The one table of output formats: for each kind of document (a role's job description, a team's charter, its
RACI matrix, its analysis) and format, the file extension, whether it is binary, how it is built and named.

The table is cheap to import (the CLI takes its choices from it): each builder imports its renderer only when
called. A format may have a second, slow step (PDF printing) that the render pipeline runs in worker processes.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from ..output import names

if TYPE_CHECKING:
    from .writers.jsonld import PostingOptions

KINDS = ("role", "charter", "raci", "analysis")


class Job(NamedTuple):
    """One document to build: its checked Document, the catalogue it belongs to, the JSON-LD posting options
    (None: the defaults), the ids of the roles whose documents are written beside it in the same format (a
    charter links to those only: a link to a page that is not there would be broken), the language asked for (None:
    the file's own; a file that does not translate it stays in its own) and the same document in other languages,
    for links between them (`roledocs build --language`)."""

    document: object
    catalogue: object
    options: PostingOptions | None = None
    beside: frozenset[str] = frozenset()
    language: str | None = None
    alternates: tuple = ()


class Format(NamedTuple):
    """An output format of one kind of document: its name (the `--to` value), file extension, whether it is binary
    (never to a terminal), how a Job becomes it, and an optional second step run on the built text (PDF printing)
    that may go to worker processes."""

    kind: str
    name: str
    extension: str
    binary: bool
    build: Callable[[Job], str | bytes]
    finish: Callable[[str, Path | None], bytes] | None = None

    def file_name(self, identifier: str) -> str:
        """The output file's name for the document of this id (see output/names.py)."""
        if self.kind == "raci":
            return names.raci(identifier, self.extension)
        return names.document(identifier, self.extension)


def _role_template(template: str, fmt: str) -> Callable[[Job], str]:
    def build(job: Job) -> str:
        from .role import job_description

        return job_description(job, template, fmt)

    return build


def _role_jsonld(job: Job) -> str:
    from .role import job_posting

    return job_posting(job)


def _role_docx(job: Job) -> bytes:
    from .role import word_document

    return word_document(job)


def _print_pdf(html: str, root: Path | None) -> bytes:
    from .writers.pdf import html_to_pdf

    return html_to_pdf(html, root)


def _charter(template: str, fmt: str) -> Callable[[Job], str]:
    def build(job: Job) -> str:
        from .charter import charter_document

        return charter_document(job, template, fmt)

    return build


def _charter_pdf(job: Job) -> bytes:
    from .charter import charter_pdf

    return charter_pdf(job)  # a PDF has no neighbour files to link to


def _raci(template: str, fmt: str) -> Callable[[Job], str]:
    def build(job: Job) -> str:
        from .raci import raci_document

        return raci_document(job, template, fmt)

    return build


def _raci_table(fmt: str) -> Callable[[Job], str | bytes]:
    def build(job: Job) -> str | bytes:
        from . import raci

        return {"csv": raci.raci_csv, "xlsx": raci.raci_xlsx, "pdf": raci.raci_pdf}[fmt](job)

    return build


def _analysis(fmt: str) -> Callable[[Job], str]:
    def build(job: Job) -> str:
        from ..team.analysis import analyze_document
        from .analysis import REPORTS
        from .views import document_language

        return REPORTS[fmt](analyze_document(job.document, job.catalogue),
                            document_language(job.document, job.catalogue, job.language))

    return build


FORMATS: dict[tuple[str, str], Format] = {(format.kind, format.name): format for format in (
    Format("role", "md", "md", False, _role_template("job-description.md.j2", "md")),
    Format("role", "html", "html", False, _role_template("job-description.html.j2", "html")),
    Format("role", "pdf", "pdf", True, _role_template("job-description.html.j2", "pdf"), _print_pdf),
    Format("role", "jsonld", "jsonld", False, _role_jsonld),
    Format("role", "docx", "docx", True, _role_docx),
    Format("charter", "md", "md", False, _charter("charter.md.j2", "md")),
    Format("charter", "html", "html", False, _charter("charter.html.j2", "html")),
    Format("charter", "pdf", "pdf", True, _charter_pdf),
    Format("raci", "md", "md", False, _raci("raci.md.j2", "md")),
    Format("raci", "html", "html", False, _raci("raci.html.j2", "html")),
    Format("raci", "csv", "csv", False, _raci_table("csv")),
    Format("raci", "xlsx", "xlsx", True, _raci_table("xlsx")),
    Format("raci", "pdf", "pdf", True, _raci_table("pdf")),
    Format("analysis", "text", "txt", False, _analysis("text")),
    Format("analysis", "json", "json", False, _analysis("json")),
)}


def formats_of(kind: str) -> tuple[str, ...]:
    """The format names a kind of document comes in, in the table's order (the CLI's `--to` choices)."""
    return tuple(name for (each, name) in FORMATS if each == kind)


def build(kind: str, fmt: str, job: Job) -> str | bytes:
    """The finished document (PDFs printed) of one kind in one format."""
    format = FORMATS[(kind, fmt)]
    content = format.build(job)
    return format.finish(content, job.catalogue.root) if format.finish else content
