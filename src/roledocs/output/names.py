"""Every output file's name, decided once: what render, raci, charter and build call a document, what the site's
pages and links point to, and what the build-output-clash rule compares.

Names come from ids alone, so the checks can ask them before anything is rendered.
"""
from __future__ import annotations

INDEX = "index.html"
# The formats a team charter comes in: a RACI matrix in one of these is `<team-id>-raci.<ext>`, so it sits beside
# the charter (`<team-id>.<ext>`) without replacing it. rendering/formats.py has a charter row for each.
CHARTER_EXTENSIONS = ("md", "html", "pdf")


def document(identifier: str, extension: str) -> str:
    """`<id>.<ext>`: a role's job description, or a team's charter."""
    return f"{identifier}.{extension}"


def raci(team_id: str, extension: str) -> str:
    """`<team-id>.csv` / `.xlsx`, named like every other document; `<team-id>-raci.<ext>` in the formats the charter
    also comes in."""
    return f"{team_id}-raci.{extension}" if extension in CHARTER_EXTENSIONS else f"{team_id}.{extension}"


def link(identifier: str, extension: str) -> str | None:
    """Where a document links to the document of a role beside it; None in a PDF, which has no neighbour files."""
    return None if extension == "pdf" else document(identifier, extension)


def language_folder(tag: str) -> str:
    """The folder of one language's pages in a site published in several: the tag in lower case (`de`, `de-ch`)."""
    return tag.lower()


def site_languages(languages) -> list[str | None]:
    """The language folders of a site: [None] (every page in the site's folder itself) when it is published in one
    language, else each language, in the order given."""
    return [None] if len(languages) <= 1 else list(languages)


def in_language(name: str, tag: str | None) -> str:
    """A site page's name within its language's folder (`de/index.html`); the name itself for a site of one
    language (tag None)."""
    return name if tag is None else f"{language_folder(tag)}/{name}"


def alternate(name: str, tag: str, here: str | None) -> str:
    """The link from a page in the folder of language `here` to the page `name` in language `tag`."""
    return f"../{language_folder(tag)}/{name}" if here is not None else in_language(name, tag)


def site_pages(role_ids, team_ids, pdf: bool, languages=()) -> dict[str, list[tuple[str, str]]]:
    """The files `roledocs build` writes for each role and team, with what each is: `<id>.html`, `<id>.jsonld`,
    `<id>.pdf` (with pdf) for a role; the charter `<id>.html` and `<id>-raci.html` for a team, once per language
    folder when the site is published in several `languages`. Keys are `role:<id>` and `team:<id>`; the front page
    is INDEX (in each language folder too)."""
    folders = site_languages(languages)
    names = {f"role:{rid}": [(in_language(name, tag), what) for tag in folders for name, what in
                             [(document(rid, "html"), "job description"), (document(rid, "jsonld"), "JSON-LD")] +
                             ([(document(rid, "pdf"), "PDF")] if pdf else [])] for rid in role_ids}
    names.update({f"team:{tid}": [(in_language(name, tag), what) for tag in folders for name, what in
                                  [(document(tid, "html"), "charter"), (raci(tid, "html"), "RACI matrix")]]
                  for tid in team_ids})
    return names
