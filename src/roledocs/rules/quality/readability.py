"""Readability of the role's prose: a Flesch reading-ease floor per description, and a sentence-length limit."""
from __future__ import annotations

from ...findings import Severity
from ..registry import Problem, rule
from .text import analyse, per_document, readable, setting, stem

# Below this many words a reading-ease score says more about the formula than about the text.
MIN_WORDS_SCORED = 12


@rule("readability", Severity.WARNING, group="quality", options={"readability_min": 30})
def readability(document, catalogue):
    """The summary and each duty description read easily: Flesch reading ease at least `quality: {readability_min:
    30}`.

    The score (206.835 - 1.015 x words per sentence - 84.6 x syllables per word) is about 60-70 for plain
    English and below 30 for legal or academic prose. Candidates, managers and works councils read job
    descriptions: shorter sentences and everyday words raise the score. The job's own vocabulary (the words of
    the role's title, skill names, duty titles and KPI names, such as "availability" for a database
    administrator) counts as one syllable per word: its readers know it, and the score should judge the prose
    around it. Texts under 12 words are not scored.

    **Bad**: `description: Operationalise enterprise-wide configuration-management capabilities, institutionalising
    standardised organisational governance methodologies across heterogeneous infrastructure.`

    **Good**: `description: Keep the configuration of every server in Git, review each change before it is
    applied, and fix drift within a week.`
    """
    floor = setting(catalogue, "readability_min")
    for location, analysed in readable(document):
        if analysed.count < MIN_WORDS_SCORED or analysed.reading_ease(at_least=floor) >= floor:
            continue  # the job's vocabulary only ever raises the score: no need to look it up
        score = analysed.reading_ease(vocabulary(document))
        if score < floor:
            yield Problem(document, location, f"this text is hard to read (Flesch reading ease {score:.0f}, below "
                          f"{floor:g}): use shorter sentences and everyday words")


@per_document
def vocabulary(document) -> frozenset:
    """Stems of the words the role itself names: its title, skills, duty titles and KPI names."""
    data = document.data
    names = [data["title"], *(s["name"] for s in data["skills"]), *(d["title"] for d in data["duties"]),
             *(k["name"] for k in data["kpis"])]
    return frozenset(stem(w) for name in names for w in analyse(name).lower)


@rule("sentence-length", Severity.WARNING, group="quality", options={"max_sentence_words": 35})
def sentence_length(document, catalogue):
    """No sentence in the summary or a duty description is longer than `quality: {max_sentence_words: 35}` words.

    Long sentences hide several duties and standards in one; readers lose track of which standard belongs to
    which task. Split the sentence where a new action starts.

    **Bad**: one 50-word sentence listing scope, schedule, budget, risks, reports and approvals.

    **Good**: the same content in three sentences of 15-20 words each.
    """
    limit = setting(catalogue, "max_sentence_words")
    for location, text in readable(document):
        if text.count <= limit:
            continue
        longest = max(text.sentences)
        if longest > limit:
            yield Problem(document, location, f"a sentence here has {longest} words, more than {limit}: split it "
                          "where a new action or standard starts")
