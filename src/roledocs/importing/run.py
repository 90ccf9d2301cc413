"""`roledocs import`: sources (Word files, JobPosting JSON-LD or HTML, O*NET-SOC codes) to role files, one per
job description, named after its id; never over an existing file unless asked (`force`)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..output.files import output_folder, write_atomic
from .draft import Draft, clean, slug

KINDS = ("docx", "jobposting", "onet")
SUFFIXES = {".docx": "docx", ".json": "jobposting", ".jsonld": "jobposting", ".html": "jobposting",
            ".htm": "jobposting"}
MAX_SOURCE = 50 * 1024 * 1024
ONET_ENV = "ROLEDOCS_ONET_DATA"


@dataclass
class Imported:
    """One role file written: where, from what, what the source gave, and what is left to fill."""

    path: Path
    source: str
    found: list[str]
    gaps: list[str]
    notes: list[str]


@dataclass
class ImportResult:
    """The role files written, and the sources refused with why (nothing was written for those)."""

    written: list[Imported] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _sources(given: list[str], kind: str | None) -> list[tuple[str, str, Path | None]]:
    """(shown name, kind, path) of every source: files as named, the job descriptions in a named folder, O*NET
    codes. A name that is none of these is a usage error."""
    from .onet import CODE

    found = []
    for name in given:
        path = Path(name)
        if kind == "onet" or (not path.exists() and CODE.match(name)):
            found.append((name, "onet", None))
        elif path.is_dir():
            for here, folders, files in os.walk(path):
                folders[:] = sorted(f for f in folders if not f.startswith("."))
                for file in sorted(files):
                    suffix = Path(file).suffix.lower()
                    if file.startswith((".", "~$")) or suffix not in SUFFIXES or (kind and SUFFIXES[suffix] != kind):
                        continue
                    inner = Path(here) / file
                    found.append((inner.as_posix(), kind or SUFFIXES[suffix], inner))
        elif path.is_file():
            found.append((name, kind or SUFFIXES.get(path.suffix.lower(), ""), path))
        else:
            raise UsageError(f"{name}: no such file or folder (an O*NET code looks like 15-1299.09)")
    return found


def _onet_folder(onet_data: str | None) -> Path:
    given = onet_data or os.environ.get(ONET_ENV)
    if not given:
        raise UsageError(f"importing an O*NET code needs the O*NET database you downloaded (its text files): "
                         f"give --onet-data FOLDER or set {ONET_ENV}")
    folder = Path(given)
    if not folder.is_dir():
        raise UsageError(f"{given}: no such folder (--onet-data names the folder of the O*NET text files)")
    return folder


def _read(shown: str, kind: str, path: Path | None, onet) -> list[Draft]:
    """The drafts of one source; ValueError (with a message for people) when it cannot be read."""
    if kind == "onet":
        return [onet().draft(shown)]
    if kind not in KINDS:
        raise ValueError("cannot tell what kind of job description this is: name it .docx, .json, .jsonld or "
                         ".html, or give --kind")
    if path.stat().st_size > MAX_SOURCE:
        raise ValueError(f"larger than {MAX_SOURCE // 1024 // 1024} MB: not a job description; refused")
    data = path.read_bytes()
    if kind == "docx":
        from .sections import read_blocks
        from .word import docx_blocks

        return [read_blocks(docx_blocks(data), Draft(shown))]
    from .jobposting import posting_draft, read_postings

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start}): not JSON-LD or HTML") from error
    html = path.suffix.lower() in (".html", ".htm") or text.lstrip()[:1] == "<"
    postings = read_postings(text, html)
    return [posting_draft(posting, shown if len(postings) == 1 else f"{shown} (posting {number})")
            for number, posting in enumerate(postings, 1)]


def _found(draft: Draft) -> list[str]:
    """What a source gave, in words: `title, summary, 6 duties, 4 skills`."""
    def count(n: int, one: str, many: str) -> list[str]:
        return [f"{n} {one if n == 1 else many}"] if n else []

    said = [name for name, value in (("title", draft.title), ("summary", draft.summary)) if value]
    said += count(len(draft.duties), "duty", "duties") + count(len(draft.skills), "skill", "skills")
    said += count(len(draft.kpis), "KPI", "KPIs")
    said += count(sum(map(len, draft.qualifications.values())), "qualification", "qualifications")
    said += [name for name, value in (("reporting line", draft.reports_to or draft.reports_to_text),
                                      ("employment type", draft.employment_type), ("location", draft.location),
                                      ("occupation code", draft.occupation), ("pay", draft.compensation),
                                      ("attribution", draft.attribution)) if value]
    return said


def _known_roles(folder: Path) -> dict[str, str]:
    """Role id -> title of the catalogue the output folder belongs to (nothing when it has none yet)."""
    from ..source.catalogue import catalogue_root_for, load_catalogue

    root = catalogue_root_for(folder) if folder.is_dir() else None
    if root is None:
        return {}
    catalogue = load_catalogue(root, lambda path: path.as_posix())
    return {rid: document.data["title"] for rid, document in catalogue.roles.items()}


def _reporting_line(draft: Draft, roles: dict[str, str]) -> None:
    """reports_to as an id the catalogue (or this import) holds; otherwise a note saying what the source said."""
    if draft.reports_to and draft.reports_to not in roles:
        draft.notes.append(f"reports to '{draft.reports_to}', which is no role here: set reports_to when it exists")
        draft.reports_to = None
    if draft.reports_to_text and not draft.reports_to:
        text = draft.reports_to_text
        by_title = {title.casefold(): rid for rid, title in roles.items()}
        draft.reports_to = text if text in roles else by_title.get(text.casefold())
        if draft.reports_to is None:
            draft.notes.append(f"reports to '{text}' in the source: set reports_to to that role's id")


def import_sources(sources: list[str], output: str = ".", kind: str | None = None, force: bool = False,
                   onet_data: str | None = None) -> ImportResult:
    """Write a role file into `output` for every job description in `sources`; see ImportResult."""
    from ..rendering.skeleton import schema_reference
    from .onet import OnetData, OnetError
    from .roleyaml import gaps, role_data, role_yaml

    folder = output_folder(output)
    listed = _sources(sources, kind)
    loaded: list[OnetData] = []

    def onet() -> OnetData:
        if not loaded:
            loaded.append(OnetData(_onet_folder(onet_data)))
        return loaded[0]

    if any(k == "onet" for _, k, _ in listed):
        _onet_folder(onet_data)  # a missing folder is a usage error, before anything is read
    result, drafts = ImportResult(), []
    for shown, source_kind, path in listed:
        try:
            drafts += _read(shown, source_kind, path, onet)
        except (ValueError, OnetError, OSError) as error:
            result.problems.append(f"{shown}: {clean(error.strerror if isinstance(error, OSError) else error)}")
    roles = _known_roles(folder)
    named = {}
    for draft in drafts:
        draft.id = draft.id or slug(draft.title or "") or slug(Path(draft.source).stem) or "role"
        roles.setdefault(draft.id, draft.title or draft.id)
        named.setdefault(draft.id, draft.source)
    schema = schema_reference(folder, "role")
    written: set[str] = set()
    for draft in drafts:
        target = folder / f"{draft.id}.yaml"
        if draft.id in written or named[draft.id] != draft.source:
            result.problems.append(f"{draft.source}: its id '{draft.id}' is also that of {named[draft.id]}; not "
                                   "written (import it alone with -o to another folder, or change one title)")
            continue
        existing = [p for p in (target, target.with_suffix(".yml")) if p.exists()]
        if existing and not force:
            result.problems.append(f"{draft.source}: {existing[0]} already exists; not overwritten (--force "
                                   "overwrites it)")
            continue
        _reporting_line(draft, roles)
        data = role_data(draft, draft.id)
        notes = [clean(note) for note in draft.notes]
        write_atomic(target, role_yaml(data, schema, clean(draft.source), notes))
        written.add(draft.id)
        result.written.append(Imported(target, draft.source, _found(draft), gaps(data), notes))
    return result
