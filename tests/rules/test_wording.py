"""rules/quality/wording.py: inclusive wording (gender- and age-coded, exclusionary) and jargon titles. The texts
here were written for these tests."""
from __future__ import annotations

import pytest

from tests.rules.rulecase import RuleCase, edit, findings, line_of, rules

GENDER_CODED = RuleCase("gender-coded-language")
CLEAN = RuleCase("")
QUALIFICATION = "3+ years of SQL on a data warehouse"
THIRD = ("Keep a short page for each data source in the wiki, with its owner, its refresh time\n"
         "      and the known gaps in its data.")


def test_gender_coded_words_are_listed_with_alternatives_and_the_balance():
    text = edit("Builds and runs", "An aggressive, dominant and nurturing engineer who builds and runs")
    summary = line_of(text, "summary:")
    masculine, feminine = sorted(GENDER_CODED.check(text, problem1=(summary, 10), problem2=(summary, 10)),
                                 key=lambda f: f.message)[::-1]
    assert "'aggressive' and 'dominant'" in masculine.message and "for 'aggressive', try 'proactive'" in masculine.message
    assert feminine.message.startswith("feminine-coded word 'nurturing': say what they do, e.g. 'coach new "
                                       "colleagues in their first months'. This file has ")
    assert "2 masculine- and 1 feminine-coded words (leans masculine)" in masculine.message


def test_ordinary_project_vocabulary_is_not_gender_coded():
    text = edit("Check the nightly loads", "Be responsible for the nightly loads against the objectives, check them")
    text = edit("  - name: Python", "  - name: Leadership\n    category: leadership\n    level: 2\n  - name: Python",
                text)
    text = edit("Builds and runs", "Offers a competitive salary; builds and runs", text)
    assert "gender-coded-language" not in rules(text)


@pytest.mark.parametrize("description", [
    "Plan ambitious migrations with the product owner and agree their dates.",   # about the work
    "Champion clean code in every review and record what was found.",            # an action: advocate
    "Nurture the adoption of code review by pairing with each new developer.",
    "Fight fraud by reviewing the flagged payments every morning.",
])
def test_a_coded_word_about_a_thing_or_an_action_is_not_flagged(description):
    CLEAN.check(edit(THIRD, description))


@pytest.mark.parametrize("line, word", [
    ("Persistent and driven", "'persistent' and 'driven'"),  # a line about the person wanted
    ("Cheerful under pressure", "'cheerful'"),
    ("Winner mindset", "'winner'"),
    ("A proactive self-starter", "'self-starter'"),
    ("As driven as our best engineers", "'driven'"),
])
def test_a_coded_word_about_the_person_wanted_is_flagged(line, word):
    text = edit(QUALIFICATION, f"{QUALIFICATION}\n    - {line}")
    [found] = GENDER_CODED.check(text, problem=(line_of(text, line), 7))
    assert word in found.message


def test_a_feminine_coded_trait_gets_a_behaviour_not_another_trait():
    text = edit(QUALIFICATION, f"{QUALIFICATION}\n    - Patience, kindness and empathy")
    [found] = GENDER_CODED.check(text, problem=(line_of(text, "Patience"), 7))
    assert "'kindness' and 'empathy': say what they do for people, e.g. 'listen to customers and solve their " \
           "problem'" in found.message


def test_combative_metaphors_are_masculine_coded():
    text = edit(THIRD, "Smash the sales targets and crush the competition.")
    [found] = GENDER_CODED.check(text, problem=(line_of(text, "Smash") - 1, 18))
    assert found.message.startswith("masculine-coded wording 'smash the sales targets' and 'crush the "
                                    "competition': say what to achieve (e.g. 'exceed the sales target')")


def test_analytical_is_ordinary_for_an_analyst_only():
    text = edit("Builds and runs", "An analytical engineer who builds and runs")
    assert "gender-coded-language" in rules(edit("title: Data Engineer", "title: Integration Engineer", text))
    assert "gender-coded-language" not in rules(edit("title: Data Engineer", "title: Systems Analyst", text))


@pytest.mark.parametrize("rule, old, new, at, message", [
    ("age-coded-language", "Builds and runs", "A young, energetic digital native who builds and runs", "summary:",
     "age-coded wording 'young', 'energetic' and 'digital native': for 'young', describe the work and the team, "
     "not an age; for 'energetic', try 'motivated'; for 'digital native', try 'skilled with digital tools'"),
    ("exclusionary-language", QUALIFICATION, "Native English speaker", "Native",
     "exclusionary wording 'native english speaker': try fluent in the language (e.g. 'fluent in German, level C1')"),
    ("jargon-title", "title: Data Engineer", "title: Data Ninja", "title:",
     "jargon 'ninja': say what the job is (e.g. 'expert')"),
    ("jargon-title", "title: Data Engineer", "title: Data Unicorn", "title:", "jargon 'unicorn': name the skills you need"),
    ("age-coded-language", "Builds and runs", "Overqualified people need not apply. Builds and runs", "summary:",
     "age-coded wording 'overqualified': leave it out"),
    ("age-coded-language", "Builds and runs", "Early in your career, with lots of energy, you build and run",
     "summary:", "age-coded wording 'early in your career' and 'lots of energy': for 'early in your career', try "
     "entry-level, or state the skills the job needs; for 'lots of energy', try 'motivated'"),
    ("exclusionary-language", "title: Data Engineer", "title: Data Engineer (m/f)", "title:",
     "exclusionary wording 'm/f': write '(m/f/d)' or '(all genders)', or leave it out: '(m/f)' names two genders "
     "only"),
    ("age-coded-language", QUALIFICATION, "Applicants must be 18-25 years old", "Applicants",
     "age-coded wording '18-25 years old': describe the work, not an age; if a law or a funding scheme sets the "
     "age, name it (e.g. 'a government-funded traineeship for school leavers')"),
    ("exclusionary-language", QUALIFICATION, "Available at all times and on call at night", "Available",
     "exclusionary wording 'available at all times' and 'on call at night': state the hours, and how extra hours "
     "are paid or given back (e.g. 'one on-call weekend a month, paid at time and a half')"),
    ("exclusionary-language", "Builds and runs", "We hire people who think like us. Builds and runs", "summary:",
     "exclusionary wording 'think like us': name the values or skills you want (e.g. 'who care about clear, "
     "tested code'), not people like you"),
    ("exclusionary-language", QUALIFICATION, "Obsessive attention to detail", "Obsessive",
     "exclusionary wording 'obsessive': try 'careful' or 'thorough'"),
    ("age-coded-language", "Builds and runs", "A dynamic team that builds and runs", "summary:",
     "age-coded wording 'dynamic team': describe the pace and the work (e.g. 'a team of six that releases every "
     "week')"),
    ("age-coded-language", QUALIFICATION, "Grew up with social media", "Grew",
     "age-coded wording 'grew up with social media': try 'skilled with digital tools'"),
])
def test_age_exclusionary_and_jargon_wording(rule, old, new, at, message):
    text = edit(old, new)
    [found] = [f for f in findings(text) if f.rule == rule]
    assert found.line == line_of(text, at, after="id:")
    assert found.message == message


@pytest.mark.parametrize("old, new", [
    ("title: Data Engineer", "title: Data Engineer (m/f/d)"),  # every gender named
    (THIRD, "Retire the 12 year old billing system once its replacement is live."),
    (THIRD, "Take one on-call week in six, paid at time and a half, for the nightly loads."),
    (THIRD, "Replace the recursive joins with dynamic programming in the pricing queries."),
    (THIRD, "Crush ice and prepare the drinks for the evening service."),
])
def test_wording_like_the_new_phrases_that_is_fine(old, new):
    CLEAN.check(edit(old, new))
