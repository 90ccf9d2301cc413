"""The example's HTML documents and site in headless Chromium: they load without errors or outside requests, their
links resolve, and their tables fit a desktop window."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.consumers import example_outputs as outputs

LINKS = """() => [...document.querySelectorAll('a[href]')].map(a => a.href)"""
IDS = """() => [...document.querySelectorAll('[id]')].map(e => e.id)"""


def assert_loads_cleanly(page) -> None:
    assert page.errors == [], page.errors
    assert page.console_problems == [], page.console_problems
    assert page.external_requests == [], page.external_requests
    assert page.failed_requests == [], page.failed_requests


def broken_links(browser, page, ids: dict[Path, list[str]]) -> list[str]:
    """Links of an open page to local files that do not exist, or to fragments no element of their page has (ids
    caches each page's element ids, so each page of a site is opened once)."""
    broken = []
    for href in page.evaluate(LINKS):
        parts = urlsplit(href)
        if parts.scheme != "file":
            continue
        target = Path(unquote(parts.path)).resolve()
        if not target.is_file():
            broken.append(href)
            continue
        if target not in ids:
            ids[target] = browser.open(target).evaluate(IDS)
        if parts.fragment and parts.fragment not in ids[target]:
            broken.append(href)
    return broken


@pytest.mark.parametrize("document", ["role", "charter", "raci"])
def test_html_documents_load_cleanly_in_chromium(browser, document):
    path = getattr(outputs, document)("html")
    page = browser.open(path)
    assert_loads_cleanly(page)
    assert page.evaluate("() => document.documentElement.lang") == "en"
    heading = page.evaluate("() => document.querySelector('h1').textContent.trim()")
    assert heading.startswith({"role": "IT Project Manager", "charter": "IT Delivery Team",
                               "raci": "IT Delivery Team"}[document]), heading


def test_built_site_pages_load_cleanly_and_their_links_resolve(browser):
    site = outputs.site()
    pages = sorted(site.glob("*.html"))
    assert len(pages) == 9, [page.name for page in pages]  # index, six roles, the charter and its RACI matrix
    ids: dict[Path, list[str]] = {}
    for path in pages:
        page = browser.open(path)
        assert_loads_cleanly(page)
        ids[path.resolve()] = page.evaluate(IDS)
        assert broken_links(browser, page, ids) == [], path.name


def test_charter_rendered_alone_links_only_to_pages_that_exist(browser):
    page = browser.open(outputs.charter("html"))
    assert broken_links(browser, page, {}) == []


@pytest.mark.parametrize("width", [1280, 1920])
@pytest.mark.parametrize("document", ["raci", "charter"])
def test_raci_matrix_shows_every_column_on_a_desktop(browser, document, width):
    page = browser.open(getattr(outputs, document)("html"), width=width, height=1000)
    if not page.evaluate("() => document.querySelectorAll('table td').length"):
        pytest.fail("the page has no table")  # a precondition, not the expected failure
    assert page.hidden_cells("table") == []


def test_browser_records_what_a_page_reaches_for(browser, tmp_path):
    page_file = tmp_path / "page.html"
    page_file.write_text('<!doctype html><html lang="en"><title>t</title><link rel="stylesheet" href="missing.css">'
                         '<img src="https://example.org/logo.png" alt=""><script>console.warn("boom"); null.x</script>'
                         '<table><tr><td style="padding-left:3000px">far</td></tr></table>', encoding="utf-8")
    page = browser.open(page_file, width=800)
    assert page.external_requests == ["https://example.org/logo.png"]
    assert page.failed_requests == [(tmp_path / "missing.css").as_uri()]
    assert [message.rsplit(" ", 1)[-1] for message in page.console_problems] == ['"boom"']
    assert [error.split("Uncaught ", 1)[-1] for error in page.errors] == [
        "TypeError: Cannot read properties of null (reading 'x')"]
    assert page.evaluate("() => [innerWidth, document.title]") == [800, "t"]
    assert page.hidden_cells("table") == ["far"]


def test_browser_sees_a_sticky_column_stay_while_a_table_scrolls(browser, tmp_path):
    cells = "".join(f"<td>c{index}</td>" for index in range(40))
    page_file = tmp_path / "wide.html"
    page_file.write_text('<!doctype html><html lang="en"><title>t</title><style>td { min-width: 80px }'
                         ' .first { position: sticky; left: 0; background: white }</style>'
                         '<p style="width: 60px; white-space: nowrap; overflow: hidden">a caption far too long</p>'
                         f'<div class="scroller" style="overflow-x: auto"><table><tr><th class="first">Role</th>'
                         f'{cells}</tr></table></div>', encoding="utf-8")
    page = browser.open(page_file, width=1280)
    assert page.overflowing("p") == ["a caption far too long"]
    assert "Role" not in page.hidden_cells() and "c0" not in page.hidden_cells() and "c39" in page.hidden_cells()
    page.scroll_right(".scroller")
    assert "Role" not in page.hidden_cells() and "c0" in page.hidden_cells() and "c39" not in page.hidden_cells()
