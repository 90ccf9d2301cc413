"""A role's job description: from its template (Markdown, HTML, the HTML a PDF is printed from), as schema.org
JobPosting JSON-LD, or as a Word document; every one built from the same view model (views.py), in the language
the job asks for (see views.document_language)."""
from __future__ import annotations

from .engine import environment, render_template
from .views import config_model, document_language, role_context, role_model


def job_description(job, template: str, fmt: str) -> str:
    """The job description of `job` (a formats.Job) through a template, for format `fmt`."""
    language = document_language(job.document, job.catalogue, job.language)
    context = role_context(job.document, job.catalogue, fmt, job.options, language, list(job.alternates))
    return render_template(environment(job.catalogue, language), template, context)


def job_posting(job) -> str:
    """The role as schema.org JobPosting JSON-LD, with the job's posting options."""
    from .writers.jsonld import PostingOptions, job_posting as posting, to_json

    options = job.options or PostingOptions()
    language = document_language(job.document, job.catalogue, job.language)
    return to_json(posting(role_model(job.document, job.catalogue, language), config_model(job.catalogue), options,
                           language))


def word_document(job) -> bytes:
    """The job description as a Word (DOCX) file."""
    from .writers.docx import job_description as docx

    language = document_language(job.document, job.catalogue, job.language)
    return docx(role_model(job.document, job.catalogue, language), config_model(job.catalogue), language)
