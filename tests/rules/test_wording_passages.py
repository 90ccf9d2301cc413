"""The inclusive-wording rules on a labelled set of job-description passages (tests/fixtures/quality/passages.yaml)."""
from __future__ import annotations

import yaml

from tests.support import FIXTURES
from roledocs.rules.quality.text import FIELD_KINDS
from roledocs.rules.quality.wording import inclusive_hits

PASSAGES = yaml.safe_load((FIXTURES / "quality" / "passages.yaml").read_text(encoding="utf-8"))["passages"]
NEUTRAL = [p for p in PASSAGES if p["label"] == "neutral"]
BIASED = [p for p in PASSAGES if p["label"] == "biased"]
MIN_RECALL = 0.9


def _rules(passage: dict) -> set[str]:
    return {hit.rule for hit in inclusive_hits(passage["text"], passage["field"], passage.get("title", ""))}


def test_the_set_is_large_and_labelled():
    assert len(PASSAGES) >= 40 and len(NEUTRAL) >= 20 and len(BIASED) >= 20
    assert all(p["label"] in ("neutral", "biased") and p["text"] and p["field"] in FIELD_KINDS for p in PASSAGES)
    assert all(p["rule"] in ("gender-coded-language", "age-coded-language", "exclusionary-language", "jargon-title")
               for p in BIASED)


def test_no_neutral_passage_is_flagged():
    flagged = {p["text"]: _rules(p) for p in NEUTRAL if _rules(p)}
    assert flagged == {}


def test_recall_on_the_biased_passages():
    found = [p for p in BIASED if p["rule"] in _rules(p)]
    assert len(found) / len(BIASED) >= MIN_RECALL, [p["text"] for p in BIASED if p not in found]


def test_a_flagged_biased_passage_is_flagged_by_its_rule():
    wrong = [p["text"] for p in BIASED if _rules(p) and p["rule"] not in _rules(p)]
    assert wrong == []
