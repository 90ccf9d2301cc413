"""Readability of the role's prose: a Flesch reading-ease floor for the whole and for dense texts, and a
sentence-length limit."""
from __future__ import annotations

from ...findings import Severity
from ..registry import Problem, rule
from .text import analyse, familiar_syllables, per_document, readable, setting, stem

# Flesch reading ease is defined on samples of 100 words or more: below that, the role's prose is not scored as a
# whole. A summary or description is scored on its own only from 12 words: below that its score says more about
# the formula.
MIN_WORDS_WHOLE = 100
MIN_WORDS_SCORED = 12


def ease(words: int, sentences: int, syllables: int) -> float:
    """Flesch reading ease: 206.835 - 1.015 x words per sentence - 84.6 x syllables per word."""
    return 206.835 - 1.015 * words / max(sentences, 1) - 84.6 * syllables / max(words, 1)


@rule("readability", Severity.WARNING, group="quality",
      options={"readability_min": 30, "text_readability_min": -30}, language="en")
def readability(document, catalogue):
    """The role's prose reads easily: the summary and duty descriptions together score a Flesch reading ease of at
    least `quality: {readability_min: 30}`, and none of them on its own is dense (below `quality:
    {text_readability_min: -30}`).

    The score (206.835 - 1.015 x words per sentence - 84.6 x syllables per word) is about 60-70 for plain
    English and below 30 for legal or academic prose. It is defined on samples of 100 words or more, so the
    role's prose is scored as a whole once it has 100 words; the finding names its hardest part. A summary or
    description is scored on its own only when it has 12 words or more, and flagged only far below the floor: a
    chain of long abstract nouns, not a clear sentence with a few long everyday words ("Maintain current
    electrician's license to meet governmental regulations" is fine). The job's own vocabulary (the words of the
    role's title, skill names, duty titles and KPI names, such as "availability" for a database administrator)
    counts as one syllable per word: its readers know it.

    **Bad**: `description: Operationalise enterprise-wide configuration-management capabilities, institutionalising
    standardised organisational governance methodologies across heterogeneous infrastructure.`

    **Good**: `description: Keep the configuration of every server in Git, review each change before it is
    applied, and fix drift within a week.`
    """
    fields = readable(document)
    dense = setting(catalogue, "text_readability_min")
    for location, text in fields:
        if text.count < MIN_WORDS_SCORED or ease(text.count, 1, text.syllables) >= dense:
            continue  # as one sentence, and without the job's vocabulary, is the lowest it can score
        score = ease(text.count, text.sentence_count, text.syllables - _familiar(document, text.lower))
        if score < dense:
            yield Problem(document, location, f"this text is very dense (Flesch reading ease {score:.0f}, below "
                          f"{dense:g}): split it into shorter sentences and use everyday words, e.g. 'Check the "
                          "backups every night' rather than 'Perform verification of backup integrity'")
    floor = setting(catalogue, "readability_min")
    whole = _whole(document, fields, floor)
    if whole is not None:
        score, words, hardest = whole
        yield Problem(document, fields[0][0], f"the role's text is hard to read as a whole (Flesch reading ease "
                      f"{score:.0f} over {words} words, below {floor:g}); the hardest part is {hardest}: use "
                      "shorter sentences and everyday words there, e.g. 'Check the backups every night' rather "
                      "than 'Perform verification of backup integrity'")


@per_document
def vocabulary(document) -> frozenset:
    """Stems of the words the role itself names: its title, skills, duty titles and KPI names."""
    data = document.data
    names = [data["title"], *(s["name"] for s in data["skills"]), *(d["title"] for d in data["duties"]),
             *(k["name"] for k in data["kpis"])]
    return frozenset(stem(w) for name in names for w in analyse(name).lower)


def _familiar(document, words) -> int:
    """Syllables to take off for the job's own vocabulary among these words (each counts as one)."""
    return familiar_syllables(words, vocabulary(document))


def _whole(document, fields, floor: float) -> tuple[float, int, str] | None:
    """(score, words, hardest part) of the role's prose as a whole when it has 100+ words and scores below the
    floor, else None."""
    words = sum(text.count for _, text in fields)
    if words < MIN_WORDS_WHOLE:
        return None
    syllables = sum(text.syllables for _, text in fields)
    if ease(words, len(fields), syllables) >= floor:
        return None  # every field has a sentence at least; more sentences and familiar words only raise it
    sentences = sum(text.sentence_count for _, text in fields)
    syllables -= sum(_familiar(document, text.lower) for _, text in fields)
    score = ease(words, sentences, syllables)
    if score >= floor:
        return None
    scored = [(ease(t.count, t.sentence_count, t.syllables - _familiar(document, t.lower)), location)
              for location, t in fields]
    lowest, location = min(scored, key=lambda item: item[0])
    where = "the summary" if location == ("summary",) else \
        f"the description of duty '{document.data['duties'][location[1]]['id']}'"
    return score, words, f"{where} ({lowest:.0f})"


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
