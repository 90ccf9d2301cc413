"""PDFs are byte-identical across runs on both font-subsetting paths (HarfBuzz's subsetter, or fontTools when
HarfBuzz lacks it), whatever the clock says, and honour SOURCE_DATE_EPOCH when the user sets it."""
from __future__ import annotations

import io
import itertools
from types import SimpleNamespace

import pikepdf
import pytest
from fontTools.misc import timeTools
from fontTools.ttLib import TTFont

from roledocs.rendering.writers import pdf
from tests.support import EXAMPLE

HTML = "<!doctype html><html lang='en'><head><title>Probe</title></head><body><h1>Probe</h1><p>Plan and execute " \
       "projects so that milestones are met.</p></body></html>"


@pytest.fixture
def moving_clock(monkeypatch):
    """fontTools' clock jumps a day at every reading, as if each print ran on another day."""
    days = itertools.count(1_700_000_000, 86_400)
    monkeypatch.setattr(timeTools, "time", SimpleNamespace(time=lambda: next(days)))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(params=["harfbuzz", "fonttools"])
def subsetter(request, monkeypatch):
    """Each subsetting path; fontTools forced by hiding HarfBuzz's subsetter from WeasyPrint."""
    from weasyprint.pdf import fonts

    if request.param == "fonttools":
        monkeypatch.setattr(fonts, "harfbuzz_subset", None)
    elif not fonts.harfbuzz_subset:
        pytest.skip("HarfBuzz's subsetter (libharfbuzz-subset0) is not installed; .ci/run installs it")
    return request.param


def _font_dates(document: bytes) -> set[int]:
    """The head.modified of every embedded TrueType font."""
    dates = set()
    with pikepdf.open(io.BytesIO(document)) as opened:
        for obj in opened.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj:
                font = TTFont(io.BytesIO(obj.FontFile2.read_bytes()))
                dates.add(font["head"].modified)
    return dates


def test_two_prints_on_different_days_give_the_same_bytes(moving_clock, subsetter):
    first, second = pdf.html_to_pdf(HTML, EXAMPLE), pdf.html_to_pdf(HTML, EXAMPLE)
    assert first == second
    if subsetter == "fonttools":  # HarfBuzz keeps the installed font's own date; fontTools stamps one
        assert _font_dates(first) == {int(pdf.FONT_DATE) - timeTools.epoch_diff}


def test_a_date_the_user_sets_is_the_fonts_date(moving_clock, monkeypatch):
    from weasyprint.pdf import fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset", None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    assert _font_dates(pdf.html_to_pdf(HTML, EXAMPLE)) == {1_600_000_000 - timeTools.epoch_diff}


def test_printing_leaves_the_environment_as_it_was(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    pdf.html_to_pdf(HTML, EXAMPLE)
    import os

    assert "SOURCE_DATE_EPOCH" not in os.environ
