"""The output formats of `roledocs render`, by name: what each file is called and how a role becomes one.

A format builds its document in the main process (templates, JSON, Word); PDF has a second, slow step (WeasyPrint)
that the render pipeline may run in worker processes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .views import config_model, role_context, role_model
from .engine import environment, render_template
from .writers.jsonld import PostingOptions


@dataclass(frozen=True)
class RoleJob:
    """One role to render: its document, the catalogue it belongs to, and the JSON-LD posting options."""

    document: object
    catalogue: object
    options: PostingOptions = field(default_factory=PostingOptions)


def _template(name: str, fmt: str) -> Callable[[RoleJob], str]:
    def build(job: RoleJob) -> str:
        return render_template(environment(job.catalogue), name, role_context(job.document, job.catalogue, fmt))

    return build


def _jsonld(job: RoleJob) -> str:
    from .writers.jsonld import job_posting, to_json

    return to_json(job_posting(role_model(job.document, job.catalogue), config_model(job.catalogue), job.options))


def _docx(job: RoleJob) -> bytes:
    from .writers.docx import job_description

    return job_description(role_model(job.document, job.catalogue), config_model(job.catalogue))


def _pdf(html: str, root: Path | None) -> bytes:
    from .writers.pdf import html_to_pdf

    return html_to_pdf(html, root)


@dataclass(frozen=True)
class Format:
    """An output format: file extension, whether it is binary (never to a terminal), how to build it, and an
    optional second step run on the built text (PDF printing) that may go to worker processes."""

    extension: str
    binary: bool
    build: Callable[[RoleJob], str | bytes]
    finish: Callable[[str, Path | None], bytes] | None = None


FORMATS: dict[str, Format] = {
    "md": Format("md", False, _template("job-description.md.j2", "md")),
    "html": Format("html", False, _template("job-description.html.j2", "html")),
    "pdf": Format("pdf", True, _template("job-description.html.j2", "pdf"), _pdf),
    "jsonld": Format("jsonld", False, _jsonld),
    "docx": Format("docx", True, _docx),
}
