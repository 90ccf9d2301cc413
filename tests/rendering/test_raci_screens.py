"""The RACI matrix as people see it: in headless Chromium at 1280 and 1920 px wide, in the RACI page and the charter,
for the example team (8 columns) and for a team of 25 roles; and in the charter PDF, headers not hyphenated and
people's names not wrapped."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from tests.support import EXAMPLE, run_cli
from tests.team.support import activity, catalogue_copy, team, write_team

WIDTHS = [1280, 1920]
PAGES = ["it-delivery-raci.html", "it-delivery.html"]

# Measured in the page: the scroll box, its caption, the header cells and whether any header word is broken
# across lines (a word whose text range has more than one box).
MEASURE = """() => {
  const box = document.querySelector('.raci-scroll');
  const rect = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top,
                                                                   bottom: r.bottom}; };
  const broken = [];
  for (const th of box.querySelectorAll('thead th')) {
    const text = th.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    const words = text.data.matchAll(/\\S+/g);
    for (const word of words) {
      const range = document.createRange();
      range.setStart(text, word.index); range.setEnd(text, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(word[0]);
    }
  }
  const caption = box.querySelector('caption');
  return {box: rect(box), scrollWidth: box.scrollWidth, clientWidth: box.clientWidth,
          page: {scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth},
          caption: rect(caption), captionOverflow: caption.scrollWidth - caption.clientWidth,
          headers: [...box.querySelectorAll('thead th')].map(rect), broken,
          firstRow: rect(box.querySelector('tbody tr:not(.raci-phase) th'))};
}"""


def _measure(browser, path: Path, width: int, scroll_right: bool = False) -> dict:
    """The matrix's boxes in Chromium (the `browser` fixture) at `width` x 900, scrolled into view (and to its right
    end)."""
    page = browser.open(path, width=width, height=900)
    page.evaluate("() => document.querySelector('.raci-scroll').scrollIntoView()")
    if scroll_right:
        page.scroll_right(".raci-scroll")
    return page.evaluate(MEASURE)


def _inside(inner: dict, outer: dict, slack: float = 1.0) -> bool:
    return inner["left"] >= outer["left"] - slack and inner["right"] <= outer["right"] + slack


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    assert run_cli("build", EXAMPLE, "-o", folder).code == 0
    return folder


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_no_column_is_hidden_and_nothing_is_clipped_for_a_team_of_8(browser, example_pages, name, width):
    found = _measure(browser, example_pages / name, width)
    assert len(found["headers"]) == 9  # the activity column and 8 roles and parties
    assert found["scrollWidth"] <= found["clientWidth"]  # nothing behind a sideways scrollbar
    assert all(_inside(header, found["box"]) for header in found["headers"])
    assert _inside(found["caption"], found["box"]) and found["captionOverflow"] <= 0
    assert found["broken"] == []  # headers wrap between words
    assert found["page"]["scrollWidth"] <= found["page"]["width"]  # the page itself does not scroll sideways


@pytest.fixture(scope="module")
def big_team_pages(tmp_path_factory) -> Path:
    """A team of 25 roles with long titles, its RACI page and charter."""
    root = catalogue_copy(tmp_path_factory.mktemp("big"))
    developer = yaml.safe_load((root / "roles" / "developer.yaml").read_text(encoding="utf-8"))
    ids = [f"platform-engineer-{n}" for n in range(1, 25)]
    for number, rid in enumerate(ids, 1):
        data = developer | {"id": rid, "title": f"Senior Platform Reliability Engineer {number}"}
        (root / "roles" / f"{rid}.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    rows = [activity(f"step-{n}", {"team-lead": "A", ids[n % len(ids)]: "R", ids[(n + 5) % len(ids)]: "C"},
                     name=f"Run the quarterly platform step number {n}", phase="Run") for n in range(12)]
    data = team(rows, parties=[], members=[{"role": "team-lead"}] + [{"role": rid} for rid in ids])
    path = write_team(root, data)
    folder = root / "out"
    for command in ("raci", "charter"):
        run = run_cli(command, path, "--to", "html", "-o", folder)
        assert run.code == 0, run.err
    return folder


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["probe-raci.html", "probe.html"])
def test_a_team_of_25_scrolls_sideways_with_the_activity_column_kept_in_view(browser, big_team_pages, name, width):
    start = _measure(browser, big_team_pages / name, width)
    assert len(start["headers"]) == 26
    assert start["scrollWidth"] > start["clientWidth"]  # too wide for any screen: it scrolls inside its box
    assert start["box"]["right"] - start["box"]["left"] > width - 60  # using the window's width
    assert _inside(start["caption"], start["box"]) and start["broken"] == []
    assert start["page"]["scrollWidth"] <= start["page"]["width"]
    end = _measure(browser, big_team_pages / name, width, scroll_right=True)
    assert abs(end["firstRow"]["left"] - end["box"]["left"]) <= 2  # sticky activity column
    assert _inside(end["headers"][-1], end["box"])  # the last column reached
    assert _inside(end["caption"], end["box"])  # the caption stays in the box


@pytest.fixture(scope="module")
def charter_pdf_text(tmp_path_factory) -> list[str]:
    from pypdf import PdfReader

    folder = tmp_path_factory.mktemp("charter")
    assert run_cli("charter", EXAMPLE / "teams" / "it-delivery.yaml", "--to", "pdf", "-o", folder).code == 0
    reader = PdfReader(io.BytesIO((folder / "it-delivery.pdf").read_bytes()))
    return [page.extract_text() for page in reader.pages]


def test_charter_pdf_headers_are_whole_words(charter_pdf_text):
    data = yaml.safe_load((EXAMPLE / "teams" / "it-delivery.yaml").read_text(encoding="utf-8"))
    titles = [yaml.safe_load((EXAMPLE / f"{m['role']}.yaml").read_text(encoding="utf-8"))["title"]
              for m in data["members"]] + [p["name"] for p in data["parties"]]
    matrix = next(text for text in charter_pdf_text if "Agree the business case" in text)
    words = set(matrix.split())
    assert [word for title in titles for word in title.split() if word not in words] == []
    assert not any(line.rstrip().endswith(("-", "\u2010")) for line in matrix.splitlines())


def test_charter_pdf_keeps_each_persons_name_on_one_line(charter_pdf_text):
    data = yaml.safe_load((EXAMPLE / "teams" / "it-delivery.yaml").read_text(encoding="utf-8"))
    names = [person["name"] for member in data["members"] for person in member.get("people", [])]
    lines = [line for text in charter_pdf_text[:2] for line in text.splitlines()]
    assert [name for name in names if not any(name in line for line in lines)] == []
