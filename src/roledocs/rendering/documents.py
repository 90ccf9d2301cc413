"""`roledocs render` as a library call: check the given files, render each valid one, write `<id>.<ext>` atomically.

Each file is checked against the catalogue it sits in (so `reports_to` resolves to a title); a team file outside any
catalogue is checked with the files of its own folder, where its member roles are expected. A file with errors is
reported (once, whatever the number of formats) and skipped, the others are still rendered in every format asked
for, and the run fails at the end. Nothing is written for a file
whose rendering fails, so an earlier good output stays as it was. PDFs are printed in worker processes when there
are several (`jobs`), each worker importing WeasyPrint once.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence, TextIO

from ..check.inputs import Input, load_inputs
from ..errors import RoledocsError, UsageError
from ..findings import Finding, sort_findings
from ..output.files import output_path, write_atomic
from ..workers import process_pool, worker_count
from ..source.config import is_config_file
from .formats import FORMATS, Format, Job, formats_of
from .writers.jsonld import PostingOptions



def _describe(finding: Finding) -> str:
    place = ":".join([finding.path] + [str(n) for n in (finding.line, finding.column) if n is not None])
    return f"{place}: {finding.severity} {finding.rule}: {finding.message}"


def _refuse_wrong_kind(item: Input, fmt: str) -> None:
    """A usage error, before anything is rendered, for a file that cannot give a document in `fmt`: the config, or
    a team file in a role-only format."""
    if is_config_file(Path(item.given)):
        raise UsageError(f"{item.given}: is the catalogue config; give role or team files")
    if item.document is not None and item.document.kind == "team" and fmt not in formats_of("charter"):
        raise UsageError(f"{item.given}: is a team file: its charter renders as {', '.join(formats_of('charter'))} "
                         "(for the RACI matrix as a table, use `roledocs raci`)")


@dataclass
class RenderResult:
    """What a render run did: the files it wrote, and whether any given file was not rendered (the run fails)."""

    written: list[Path]
    failed: bool


@dataclass
class Rendered:
    """A document ready to write (or, for PDF, to print): where it goes and what it holds."""

    given: str
    name: str
    content: str | bytes
    root: Path | None
    printed: bool = False


class Renderer:
    """Renders checked inputs to one format, reporting problems on `err`; `failed` says whether any input failed."""

    def __init__(self, fmt: str, options: PostingOptions, err: TextIO) -> None:
        self.fmt, self.format, self.options, self.err = fmt, FORMATS[("role", fmt)], options, err
        self.failed = False

    def fail(self, message: str) -> None:
        """Report why a file was not rendered; the run will exit 1."""
        self.failed = True
        print(message, file=self.err)

    def build(self, item: Input, beside: frozenset[str] = frozenset()) -> Rendered | None:
        """The document built (PDF: its HTML) of a file without errors, or None when rendering fails. A charter
        links to the roles in `beside`, whose documents this run writes beside it."""
        format = self.format_of(item)
        try:
            content = format.build(Job(item.document, item.catalogue, self.options, beside))
        except RoledocsError as error:
            self.fail(f"{item.given}: not rendered: {error}")
            return None
        return Rendered(item.given, format.file_name(item.document.data["id"]), content, item.catalogue.root,
                        printed=format.finish is None)

    def format_of(self, item: Input) -> Format:
        """The format a file renders in: its job description for a role, its charter for a team."""
        return FORMATS[("charter", self.fmt)] if item.document.kind == "team" else self.format

    def finish(self, items: list[Rendered], jobs: int | None) -> list[Rendered]:
        """Run the format's second step (PDF printing) on what needs it, in worker processes when it pays."""
        pending = [r for r in items if not r.printed]
        if not pending:
            return items
        workers = worker_count(len(pending), jobs, cheap=False)
        if workers <= 1:
            for item in pending:
                self._finish_one(item, lambda item=item: self.format.finish(item.content, item.root))
        else:
            with process_pool(workers) as pool:
                futures = [pool.submit(self.format.finish, item.content, item.root) for item in pending]
                for item, future in zip(pending, futures):
                    self._finish_one(item, future.result)
        return [item for item in items if item.printed]

    def _finish_one(self, item: Rendered, run) -> None:
        try:
            item.content, item.printed = run(), True
        except RoledocsError as error:
            self.fail(f"{item.given}: not rendered: {error}")


def _renderable(inputs: list[Input], err: TextIO) -> tuple[list[Input], bool]:
    """The inputs that can be rendered; the others' findings are printed (once), and whether there were any."""
    ready = []
    for item in inputs:
        if item.errors:
            for finding in sort_findings(item.findings):
                print(_describe(finding), file=err)
        if item.errors or item.document is None:
            print(f"{item.given}: not rendered: fix the errors above" if item.findings else
                  f"{item.given}: not rendered: it is not a role or team file", file=err)
        else:
            ready.append(item)
    return ready, len(ready) < len(inputs)


def render_files(paths: list[str], to: str | Sequence[str], output: Path | None, *, jobs: int | None = None,
                 options: PostingOptions = PostingOptions(), err: TextIO | None = None,
                 out: TextIO | None = None) -> RenderResult:
    """Render each file to the format `to` (or each of several: ["html", "pdf"]) into the folder `output` (None: to
    `out`, default standard output); problems go to `err` (default standard error). Returns the files written, in
    the order of the files and then the formats, and whether any file was not rendered."""
    err, out = err or sys.stderr, out or sys.stdout
    formats = [to] if isinstance(to, str) else list(dict.fromkeys(to))
    configs = [given for given in paths if is_config_file(Path(given))]
    if configs and len(configs) < len(paths):  # `roles/*.yaml` takes in roledocs.yaml: it is settings, not a document
        err.write(f"roledocs: skipped {', '.join(configs)}: the catalogue config applies to the other files\n")
        paths = [given for given in paths if given not in configs]
    binary = [fmt for fmt in formats if FORMATS[("role", fmt)].binary]
    if output is None and (binary or len(paths) != 1 or len(formats) != 1):
        raise UsageError(f"{binary[0]} is binary: write it to a folder with -o DIR" if binary else
                         "`-o -` writes one md, html or jsonld document to standard output: give exactly one file "
                         "and one format")
    inputs = load_inputs(paths)
    for item in inputs:
        for fmt in formats:
            _refuse_wrong_kind(item, fmt)
    ready, failed = _renderable(inputs, err)
    # Roles first, so a charter links to exactly the job descriptions this run writes beside it.
    ready.sort(key=lambda item: item.document.kind == "team")
    written: dict[Path, list[Path]] = {}
    for fmt in formats:
        renderer = Renderer(fmt, options, err)
        built, names, roles = [], {}, set()
        for item in ready:
            team = item.document.kind == "team"
            rendered = renderer.build(item, frozenset(roles) if team and output is not None else frozenset())
            if rendered is None:
                continue
            if rendered.name in names:
                renderer.fail(f"{item.given}: not rendered: its output {rendered.name} would replace the one of "
                              f"{names[rendered.name]}")
                continue
            names[rendered.name] = item.given
            built.append(rendered)
            if not team:
                roles.add(item.document.data["id"])
        for rendered in renderer.finish(built, jobs):
            if output is None:
                out.write(rendered.content)
            else:
                written.setdefault(Path(rendered.given), []).append(
                    write_atomic(output_path(output, rendered.name), rendered.content))
        failed = failed or renderer.failed
    return RenderResult([path for paths_of in written.values() for path in paths_of], failed)
