"""Phrases of the inclusive-wording rules, matched on a text's lower-cased words joined by single spaces ("man-days"
reads "man days", "16-18 year olds" reads "16 18 year olds", "(m/f)" reads "m f").

Each phrase has a gate: alternatives ("|") of words that must all be among a text's words for its pattern to have a
chance, so texts that pass no gate are not searched (most texts, at set-lookup cost).
"""
from __future__ import annotations

from typing import NamedTuple

from .lexicon import AGE, EXCLUSION, GENDER, JARGON


class Phrase(NamedTuple):
    """A coded phrase: its rule, its gate, its regular expression, the advice, and for gender-coded phrases the
    code (masculine, feminine)."""

    rule: str
    gate: str
    pattern: str
    advice: str
    code: str = ""


_LANGUAGES = ("english|german|french|spanish|italian|dutch|polish|portuguese|chinese|mandarin|japanese|arabic|"
              "russian|swedish|danish|norwegian|finnish|turkish|korean|hindi")
_GRADUATE = "grad|grads|graduate|graduates"
_ENTRY_LEVEL = "entry-level, or state the skills the job needs"
_FLUENT = "fluent in the language (e.g. 'fluent in German, level C1')"
_PRONOUN_VERBS = "will|must|should|shall|is|s|has|can|needs|works|reports|leads"
PHRASES = [Phrase(*row) for row in [
    (AGE, "young|younger|youngsters|youngster|youthful", r"young|younger|youngsters?|youthful",
     "describe the work and the team, not an age"),
    (AGE, "digital native|digital natives", r"digital natives?", "skilled with digital tools"),
    (AGE, "recent grad|recent grads|recent graduate|recent graduates",
     rf"recent (?:college |university )?(?:{_GRADUATE})", _ENTRY_LEVEL),
    (AGE, "new grad|new grads|new graduate|new graduates", rf"new (?:{_GRADUATE})", _ENTRY_LEVEL),
    (AGE, "only grad|only grads|only graduate|only graduates", rf"(?:{_GRADUATE}) only", _ENTRY_LEVEL),
    (AGE, "fresh", rf"fresh (?:{_GRADUATE}|out of|faces?|blood|talent)", _ENTRY_LEVEL),
    (AGE, "energetic|high energy|plenty energy|full energy|lots energy",
     r"energetic|high energy|(?:plenty|full|lots) of energy", "motivated"),
    (AGE, "early career", r"early (?:stages? (?:of|in) )?(?:your |their |his |her |the |a )?career|"
     r"early in (?:your |their |his |her |the |a )?career", _ENTRY_LEVEL),
    (AGE, "grown up|grew up",
     r"(?:grown|grew) up (?:with|using) (?:smartphones?|the internet|social media|computers|digital \w+)",
     "skilled with digital tools"),
    (AGE, "new blood", r"new blood", "new colleagues"),
    (AGE, "overqualified|over qualified", r"over ?qualified", "(leave out)"),
    (AGE, "millennial|millennials|gen z|generation z|boomer|boomers", r"millennials?|gen z|generation z|boomers?",
     "describe the work and the team, not a generation"),
    (AGE, "more than years experience|most years experience|maximum years experience|max years experience|"
          "up to years experience",
     r"(?:no more than|not more than|at most|a maximum of|maximum of|max|up to) \d+ years? (?:of )?"
     r"(?:\w+ )?(?:experience|work experience)", "state the experience needed, without an upper limit"),
    (AGE, "under the age of|aged", r"under the age of \d+|aged (?:between )?\d\d(?: (?:to|and) \d\d)?",
     "describe the work, not an age"),
    (EXCLUSION, "native|mother tongue|first language",
     rf"native (?:(?:{_LANGUAGES}) )?speakers?|native (?:{_LANGUAGES})|mother tongue|"
     r"as (?:a|your|their) first language", _FLUENT),
    (EXCLUSION, "accent|unaccented", r"accent free|without an? accent|no accent|unaccented|neutral accent",
     "clear spoken communication"),
    (EXCLUSION, "able bodied|physically fit", r"able bodied|physically fit",
     "able to do the essential duties, with reasonable adjustments"),
    (EXCLUSION, "clean shaven|well groomed", r"clean shaven|well groomed", "(leave out)"),
    (EXCLUSION, "cultural fit|culture fit", r"cultural fit|culture fit", "aligned with our values (name them)"),
    (EXCLUSION, "no gap|no gaps", r"no gaps? in (?:your )?(?:cv|resume|employment|career)", "(leave out)"),
    (EXCLUSION, "he|she|his|her|him",
     rf"he (?:{_PRONOUN_VERBS})|she (?:{_PRONOUN_VERBS})|"
     r"he or she|she or he|his or her|her or his|him or her|he she|s he|his her|him her", "'they' or 'you'"),
    (EXCLUSION, "salesman|salesmen|chairman|chairmen|foreman|foremen|spokesman|middleman|craftsman|businessman|"
                "repairman|cameraman",
     r"salesman|salesmen|chairman|chairmen|foreman|foremen|spokesman|middleman|craftsman|businessman|"
     r"repairman|cameraman", "a neutral noun (salesperson, chair, supervisor, spokesperson)"),
    (EXCLUSION, "manpower|man", r"manpower|man (?:hours?|days?|months?|years?)",
     "staffing, or person-days / person-hours"),
    (EXCLUSION, "guys|ladies|gentlemen", r"guys|ladies|gentlemen", "everyone, team, people"),
    (JARGON, "rock star|rock stars|super star|super stars", r"rock stars?|super stars?", "skilled, or name the job"),
    # Added for real job text (realtext): an age range, a gender marker that leaves people out, availability
    # demands that shut out carers, a wish for sameness, combative metaphors.
    (AGE, "year olds|years olds|year old|years old|years age",
     r"\d{1,2} (?:to |and )?\d{1,2} years? olds?|\d{1,2} years? olds|(?:under|over|below|above) \d\d years? "
     r"(?:old|of age)", "describe the work, not an age; if a law or a funding scheme sets the age, name it "
     "(e.g. 'a government-funded traineeship for school leavers')"),
    (AGE, "dynamic", r"dynamic (?:young )?(?:team|teams|environment|startup|start up|company|workplace|person|"
     r"individual|individuals|people|professional|professionals|candidate|culture|atmosphere)",
     "describe the pace and the work (e.g. 'a team of six that releases every week')"),
    (EXCLUSION, "m f|f m|m w|w m|h f|f h", r"(?:m f|f m|m w|w m|h f|f h)(?! d | x | div)",
     "write '(m/f/d)' or '(all genders)', or leave it out: '(m/f)' names two genders only"),
    (EXCLUSION, "long hours|overtime|on call|available|availability",
     r"long hours|(?:overtime|extra hours) without (?:complaining|complaint|complaints|pay)|unpaid overtime|"
     r"available (?:24 7|around the clock|at all times|at any time|any time|anytime|whenever needed)|"
     r"(?:on call|available|availability) (?:on |at |during |in |for )?(?:early |late )?"
     r"(?:evenings?|nights?|weekends?|holidays?|mornings?)",
     "state the hours, and how extra hours are paid or given back (e.g. 'one on-call weekend a month, paid at "
     "time and a half')"),
    (EXCLUSION, "like us|like we|fit in",
     r"(?:think|thinks|act|acts|look|looks|talk|talks) like (?:we do|us|the rest of us|our team|the team)|"
     r"(?:people|someone|minds|person) like us|fits? in with (?:us|the team|our team)",
     "name the values or skills you want (e.g. 'who care about clear, tested code'), not people like you"),
    (GENDER, "smash|smashes|smashing|crush|crushes|crushing|destroy|destroys|kill|kills|annihilate|dominate|"
             "dominates|dominating|conquer|conquers",
     r"(?:smash|smashes|smashing|crush|crushes|crushing|destroy|destroys|kill|kills|annihilate|dominate|dominates|"
     r"dominating|conquer|conquers) (?:\w+ ){0,2}?(?:targets?|quotas?|goals?|numbers|competition|competitors?|"
     r"market|market share|records?|it)", "say what to achieve (e.g. 'exceed the sales target')", "masculine"),
    (GENDER, "charge", r"(?:lead|leads|leading) the (?:\w+ )?charge", "say what they lead (e.g. 'lead the sales team')",
     "masculine"),
    (GENDER, "fight|fights|fighting|battle|battles|battling",
     r"(?:fight|fights|fighting|battle|battles|battling) for (?:\w+ ){0,2}?(?:market share|deals?|customers|"
     r"clients|business)", "say what to achieve (e.g. 'win new customers')", "masculine"),
]]

# Every set of words that gives a phrase a chance (see PHRASES).
PHRASE_GATES = tuple({frozenset(option.split()) for phrase in PHRASES for option in phrase.gate.split("|")})
