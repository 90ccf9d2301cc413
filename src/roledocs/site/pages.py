"""Making and writing a build's pages, in worker processes when there are many.

HTML and JSON-LD pages are made from the loaded catalogue. Workers get it by fork, sharing the parent's memory
instead of loading the catalogue again or receiving it pickled; each worker writes its pages itself (atomically),
so rendering and writing both run in parallel. Where fork does not exist, or for a few pages, they are made here.
PDFs are printed from HTML strings, which any worker can receive.
"""
from __future__ import annotations

from concurrent.futures import as_completed
from pathlib import Path
from typing import Callable, Iterator

from ..errors import RoledocsError
from ..workers import process_pool, worker_count
from ..output.files import output_path, write_atomic

_CHUNK = 32
_work: tuple[list, Path] | None = None  # the pages being written and where, for forked workers to see


def made(page, make: Callable[[], str | bytes]) -> str | bytes:
    """What `make` returns, with a failure naming the page and its source."""
    try:
        return make()
    except RoledocsError as error:
        raise RoledocsError(f"{page.source}: {page.name} not built: {error}") from error


def _write(page, folder: Path) -> None:
    write_atomic(output_path(folder, page.name), made(page, page.make))


def _write_at(index: int) -> int:
    pages, folder = _work
    _write(pages[index], folder)
    return index


def write_pages(pages: list, folder: Path, jobs: int) -> Iterator:
    """Make and write each page, yielding it once it is on disk (in order)."""
    global _work
    workers = worker_count(len(pages), jobs, cheap=True)
    pool = process_pool(workers, fork=True) if workers > 1 else None
    if pool is None:
        for page in pages:
            _write(page, folder)
            yield page
        return
    _work = (pages, folder)
    try:
        with pool:
            for index in pool.map(_write_at, range(len(pages)), chunksize=_CHUNK):
                yield pages[index]
    finally:
        _work = None


def print_pdfs(pages: list[tuple], root: Path, jobs: int, done: Callable[[object, bytes], None]) -> None:
    """Print (page, HTML) pairs to PDF, in up to `jobs` worker processes when there is more than one document."""
    from ..rendering.formats import FORMATS

    finish = FORMATS[("role", "pdf")].finish
    workers = worker_count(len(pages), jobs, cheap=False)
    if workers <= 1:
        for page, html in pages:
            done(page, made(page, lambda html=html: finish(html, root)))
        return
    with process_pool(workers) as pool:
        futures = {pool.submit(finish, html, root): page for page, html in pages}
        for future in as_completed(futures):
            done(futures[future], made(futures[future], future.result))
