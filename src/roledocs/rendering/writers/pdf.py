"""PDF through WeasyPrint: tagged (PDF/UA-1), offline, byte-identical for identical input.

WeasyPrint is imported here only, on the first PDF, because the import alone costs ~0.45 s. Everything a document
refers to is fetched through `LocalFetcher`, which serves `data:` URIs, the bundled templates and files inside the
catalogue, and denies everything else (no network, no `file:///etc/passwd`). Attachments are dropped.

Without HarfBuzz's subsetter, WeasyPrint subsets fonts with fontTools, which stamps each embedded font's
`head.modified` with the time of printing: two prints a second apart differed. fontTools reads the reproducible-
builds variable SOURCE_DATE_EPOCH instead of the clock when it is set, so printing sets it to FONT_DATE unless the
user set it (then their date is used).
"""
from __future__ import annotations

import base64
import os
import urllib.parse
import urllib.request
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ...gcpause import collector_paused
from ...errors import RoledocsError

PDF_VARIANT = "pdf/ua-1"
FONT_DATE = "1577836800"  # 2020-01-01T00:00:00Z: the fonts' date when SOURCE_DATE_EPOCH is not set


class FetchDenied(ValueError):
    """A document asked for something outside what a roledocs PDF may read."""


def _allowed_roots(root: Path | None) -> tuple[Path, ...]:
    builtin = Path(str(resources.files("roledocs.templates"))).resolve()
    return (builtin,) if root is None else (builtin, Path(root).resolve())


@lru_cache(maxsize=1)
def _fetcher_class():
    """LocalFetcher, defined on first use because its base class lives in WeasyPrint."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        """Serves data: URIs and files below the allowed folders; denies every other URL."""

        def __init__(self, roots: tuple[Path, ...]) -> None:
            super().__init__(allowed_protocols=("data", "file"))
            self.roots = roots

        def fetch(self, url, headers=None):
            scheme = urllib.parse.urlsplit(url).scheme.lower()
            if scheme == "data":
                kind, body = _decode_data_uri(url)
                return URLFetcherResponse(url, body, {"Content-Type": kind})
            if scheme == "file":
                path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path)).resolve()
                if any(path.is_relative_to(root) for root in self.roots) and path.is_file():
                    return URLFetcherResponse(url, path.read_bytes())
            raise FetchDenied(f"roledocs does not fetch {url[:80]}")

    return LocalFetcher


def _decode_data_uri(url: str) -> tuple[str, bytes]:
    """The media type and bytes of a data: URI (RFC 2397), decoded here so no URL opener is involved."""
    header, _, payload = url[len("data:"):].partition(",")
    kind = header.split(";")[0] or "text/plain"
    if header.endswith(";base64"):
        return kind, base64.b64decode(payload)
    return kind, urllib.parse.unquote_to_bytes(payload)


def fetcher(root: Path | None):
    """A WeasyPrint URL fetcher limited to data: URIs, the bundled templates and the catalogue at `root`."""
    return _fetcher_class()(_allowed_roots(root))


@lru_cache(maxsize=1)
def _font_config():
    """One font configuration per process: fonts are looked up once, not per document (about 8% of a PDF); the
    bytes are the same either way."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def html_to_pdf(html: str, root: Path | None = None, *, tagged: bool = True) -> bytes:
    """Print an HTML document (with its print stylesheet) to PDF bytes, tagged and reproducible. `tagged=False`
    leaves out the PDF/UA structure, for parts of a document that are joined afterwards (the join drops it)."""
    with collector_paused(collect_after=True), _fonts_dated():  # its objects are garbage once the PDF is written
        return _print(html, root, tagged)


@contextmanager
def _fonts_dated():
    """SOURCE_DATE_EPOCH set to FONT_DATE while printing, unless the user set it."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = FONT_DATE
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _print(html: str, root: Path | None, tagged: bool) -> bytes:
    import weasyprint

    base = Path(root).resolve().as_uri() + "/" if root is not None else None
    try:
        document = weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher(root)).render(
            font_config=_font_config())
    except Exception as error:  # WeasyPrint reports unusable input as assorted exception types
        raise RoledocsError(f"cannot lay out the PDF: {error}") from error
    document.metadata.attachments = []
    for page in document.pages:
        page.links[:] = [link for link in page.links if link[0] != "attachment"]
    # No creation or modification dates, and an identifier hashed from the content: same input, same bytes.
    document.metadata.created = document.metadata.modified = None
    printed = document.write_pdf(pdf_variant=PDF_VARIANT if tagged else None, pdf_identifier=True)
    if not tagged:
        return printed
    from .pdfua import complete_pdf_ua

    return complete_pdf_ua(printed, html)
