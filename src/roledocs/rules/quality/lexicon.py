"""Word lists of the inclusive-wording rules: gender-coded words, age-coded and exclusionary phrases, jargon titles.

Gender-coded words follow Gaucher, Friesen & Kay (2011), "Evidence that gendered wording in job advertisements
exists and sustains gender inequality" (J. Pers. Soc. Psychol. 101(1)), appendix, plus a few additions common in
gender decoders (battle, champion, collaborative, enthusiastic). The paper lists word stems (`lead*`, `respon*`);
matching stems as prefixes counts "responsible", "objectives", "analysis" and "dependencies" as coded, so here each
entry lists the whole words that carry the coded meaning, and says in which contexts a word is ordinary project
vocabulary (neutral_*) or counts only when it describes a person (person_only).
"""
from __future__ import annotations

from dataclasses import dataclass

GENDER, AGE, EXCLUSION, JARGON = ("gender-coded-language", "age-coded-language", "exclusionary-language",
                                  "jargon-title")


@dataclass(frozen=True)
class Term:
    """A coded word: the rule it belongs to, the suggested neutral wording, and where it is not coded."""

    rule: str
    alternative: str
    code: str = ""
    person_only: bool = False
    neutral_before: frozenset = frozenset()
    neutral_after: frozenset = frozenset()
    neutral_fields: frozenset = frozenset()
    neutral_roles: frozenset = frozenset()


def _set(words: str) -> frozenset:
    return frozenset(words.split())


def _terms(rule: str, code: str, rows) -> dict[str, Term]:
    table: dict[str, Term] = {}
    for forms, alternative, *context in rows:
        options = context[0] if context else {}
        term = Term(rule, alternative, code, options.get("person", False),
                    *(_set(options.get(k, "")) for k in ("before", "after", "fields", "roles")))
        table.update({form: term for form in forms.split()})
    return table


# Words around an adjective that show it describes a person ("be objective", "a logical thinker").
PERSON_BEFORE = _set("be being remain remains stay stays very highly extremely truly naturally really genuinely "
                     "you re who someone somebody personally")  # "re": the end of you're, we're, they're
PERSON_AFTER = _set("person people candidate candidates individual individuals player players professional "
                    "professionals personality character attitude mindset nature thinker thinkers worker workers "
                    "learner learners self achiever achievers communicator communicators go "
                    "colleague colleagues teammate teammates leader leaders engineer engineers developer developers "
                    "manager managers applicant applicants hire hires type spirit member members")
PERSON_PRONOUNS = _set("you we they who he she")
LIST_WORDS = _set("and or")

_PAY = ("salary salaries pay compensation benefits package packages rate rates market markets advantage edge "
        "landscape pricing price prices bid bids tender tenders analysis intelligence position positioning "
        "offer offers products wage wages remuneration")

MASCULINE = [
    ("active", "engaged", {"person": True}),
    ("adventurous", "curious"),
    ("aggressive aggressively aggression", "proactive"),
    ("ambitious ambition", "motivated"),
    ("analytical analytic analytically", "thorough, good at working through problems",
     {"fields": "skill", "roles": "analyst analysts analytics data scientist research researcher intelligence",
      "after": "tools methods techniques models queries database databases platform platforms reports reporting "
               "workloads engine engines sql processing data functions"}),
    ("assertive assertiveness", "clear and direct"),
    ("athletic", "(leave out unless the job needs it)"),
    ("autonomous autonomously autonomy", "able to plan your own work",
     {"after": "systems system vehicles vehicle agents agent driving database databases region regions robots"}),
    ("boast boasts boastful", "(leave out)"),
    ("challenging", "varied"),
    ("competitive competitiveness", "motivated (for pay, state the range)", {"after": _PAY}),
    ("compete", "do well"),
    ("confident confidently", "comfortable (e.g. 'comfortable presenting to customers')"),
    ("courageous courage", "willing to speak up"),
    ("decisive decisively decisiveness", "able to make timely decisions"),
    ("determined determination", "motivated", {"person": True, "after": "by in at from through using with for of"}),
    ("dominant dominate dominates dominating dominance", "influential"),
    ("driven self-driven results-driven goal-driven target-driven highly-driven", "motivated",
     {"after": "by", "before": "data test event model domain behaviour behavior demand customer schema "
                               "configuration metadata api"}),
    ("fearless fearlessly", "willing to try new approaches"),
    ("fight fights fighter fighters fighting", "tackle"),
    ("forceful forcefully", "persuasive"),
    ("greedy", "(leave out)", {"after": "algorithm algorithms approach search matching heuristic"}),
    ("headstrong head-strong", "(leave out)"),
    ("hierarchical", "structured",
     {"after": "data structure structures model models clustering database databases storage view views list "
               "lists queries query tree trees namespace"}),
    ("hostile hostility", "(leave out)"),
    ("impulsive", "(leave out)"),
    ("independent independently independence", "able to work on your own",
     {"after": "of from test testing tests verification validation review reviews reviewer audit audits auditor "
               "assessment assessments contractor contractors consultant consultants variable variables platform "
               "module modules service services component components deployment deployments release releases "
               "body bodies check checks authority software vendor vendors third"}),
    ("individualistic", "(leave out)"),
    ("intellectual intellect intellectually", "curious", {"after": "property"}),
    ("leader leaders", "someone who guides the team",
     {"fields": "title skill", "before": "team project technical tech squad test group shift delivery market "
                                         "industry"}),
    ("leadership", "guiding the team",
     {"person": True, "fields": "skill qualification title duty-title duty-description kpi-name kpi-measure"}),
    ("logical logically", "methodical",
     {"person": True, "after": "data model models volume volumes replication backup backups design unit units "
                               "operator operators architecture schema view"}),
    ("masculine", "(leave out)"),
    ("objective", "fair, impartial", {"person": True, "fields": "kpi-name kpi-measure"}),
    ("opinionated", "with clear views"),
    ("outspoken", "clear and direct"),
    ("persistent persistence persistently", "thorough",
     {"person": True, "after": "storage volume volumes connection connections data cache queue queues session "
                               "sessions disk disks state memory identifier identifiers layer"}),
    ("principled", "fair"),
    ("reckless recklessly", "(leave out)"),
    ("self-confident self-confidence selfconfident self-reliant self-reliance selfreliant self-sufficient "
     "self-sufficiency selfsufficient", "able to plan your own work"),
    ("stubborn stubbornly", "(leave out)"),
    ("superior superiority", "excellent", {"before": "your their direct"}),
    ("unreasonable", "(leave out)"),
    ("battle battles battle-hardened", "(leave out)"),
    ("champion champions championing championed", "promote"),
]

FEMININE = [
    ("affectionate", "(leave out)"),
    ("cheer cheerful cheerfully cheery", "positive"),
    ("committed commitment", "dedicated", {"person": True}),
    ("communal", "team"),
    ("compassion compassionate", "respectful"),
    ("considerate", "respectful"),
    ("cooperative co-operative", "works well with others"),
    ("dependable", "reliable"),
    ("emotional emotionally", "self-aware"),
    ("empathetic empathic empathy", "attentive to others' needs"),
    ("feminine", "(leave out)"),
    ("flatterable", "(leave out)"),
    ("gentle gently", "calm"),
    ("honest honesty", "transparent"),
    ("interpersonal inter-personal", "communication", {"fields": "skill qualification"}),
    ("interdependent inter-dependent", "connected", {"person": True}),
    ("kind", "friendly", {"person": True, "after": "of"}),
    ("kinship", "(leave out)"),
    ("loyal loyalty", "reliable", {"before": "customer brand client"}),
    ("modest modesty", "(leave out)", {"person": True}),
    ("nag nagging", "remind"),
    ("nurture nurtures nurtured nurturing", "develop"),
    ("pleasant pleasantly", "friendly"),
    ("polite politely politeness", "respectful"),
    ("quiet quietly", "calm", {"person": True}),
    ("responsive", "quick to reply",
     {"person": True, "after": "design web layout layouts ui interface interfaces page pages website websites "
                               "site sites application applications frontend front services"}),
    ("sensitive sensitivity", "attentive",
     {"person": True, "after": "data information personal fields documents files values settings operations"}),
    ("submissive", "(leave out)"),
    ("supportive", "helpful"),
    ("sympathetic sympathy", "respectful"),
    ("tender", "caring", {"person": True}),
    ("togetherness", "team spirit"),
    ("trustworthy trusting", "reliable"),
    ("understanding", "patient", {"person": True, "after": "of"}),
    ("warm warmth warmly", "friendly",
     {"after": "standby spare site start cache backup backups failover"}),
    ("whine whiny whining", "(leave out)"),
    ("agreeable", "easy to work with"),
    ("collaborative", "works well with others", {"person": True}),
    ("enthusiastic enthusiastically enthusiasm", "interested"),
]

JARGON_WORDS = [
    ("rockstar rockstars", "skilled, or name the job (e.g. 'senior software developer')"),
    ("ninja ninjas", "expert"),
    ("guru gurus", "specialist"),
    ("wizard wizards", "expert",
     {"before": "setup install installation configuration import export migration onboarding",
      "after": "page pages step steps dialog dialogs flow flows ui"}),
    ("jedi jedis", "expert"),
    ("superstar superstars", "experienced"),
    ("hacker hackers", "developer, or security tester", {"before": "ethical"}),
    ("unicorn unicorns", "name the skills you need"),
    ("samurai", "expert"),
    ("superhero superheroes", "experienced"),
    ("mastermind", "expert"),
    ("genius geniuses", "expert"),
    ("whiz whizz wunderkind", "expert"),
    ("magician magicians", "expert"),
    ("maven mavens", "specialist", {"after": "repository build central plugin plugins project projects"}),
    ("czar tsar", "lead, or name the job"),
    ("overlord overlords", "lead, or name the job"),
    ("warrior warriors", "developer, or name the job"),
    ("10x", "experienced"),
]

# Keys are words; a hyphenated key ("self-reliant") is a pair of words, as text is split at hyphens.
TERMS: dict[str, Term] = {
    **_terms(GENDER, "masculine", MASCULINE), **_terms(GENDER, "feminine", FEMININE),
    **_terms(JARGON, "", JARGON_WORDS),
}

# Phrases, matched on the lower-cased words joined by single spaces ("man-days" reads "man days"):
# (rule, gate, regex, advice). The gate lists alternatives ("|") of words that must all be among a text's words
# for the regex to have a chance: texts that pass no gate are not searched (most texts, at set-lookup cost).
_LANGUAGES = ("english|german|french|spanish|italian|dutch|polish|portuguese|chinese|mandarin|japanese|arabic|"
              "russian|swedish|danish|norwegian|finnish|turkish|korean|hindi")
_GRADUATE = "grad|grads|graduate|graduates"
_ENTRY_LEVEL = "entry-level, or state the skills the job needs"
_FLUENT = "fluent in the language (e.g. 'fluent in German, level C1')"
_PRONOUN_VERBS = "will|must|should|shall|is|s|has|can|needs|works|reports|leads"
PHRASES = [
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
    (AGE, "under the age of|aged", r"under the age of \d+|aged (?:between )?\d\d", "describe the work, not an age"),
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
]

# Every set of words that gives a phrase a chance (see PHRASES).
PHRASE_GATES = tuple({frozenset(option.split()) for _, gate, _, _ in PHRASES for option in gate.split("|")})
