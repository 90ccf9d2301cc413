"""Role files from what HR already has: Word job descriptions, schema.org JobPostings, O*NET occupations.

Each reader turns its source into a Draft (draft.py): Word and HTML through blocks and the section words of
vocabulary.py (sections.py), JobPosting JSON-LD property by property (jobposting.py), O*NET from its text files
(onet.py). roleyaml.py writes a Draft as a role file with placeholders where the source said nothing.
"""
from __future__ import annotations

from .run import KINDS, ImportResult, Imported, import_sources

__all__ = ["KINDS", "ImportResult", "Imported", "import_sources"]
