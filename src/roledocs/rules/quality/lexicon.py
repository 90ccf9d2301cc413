"""Word lists of the inclusive-wording rules: gender-coded words, exclusionary words and jargon titles (phrases are
in phrases.py).

Gender-coded words follow Gaucher, Friesen & Kay (2011), "Evidence that gendered wording in job advertisements
exists and sustains gender inequality" (J. Pers. Soc. Psychol. 101(1)), appendix, plus a few additions common in
gender decoders (battle, champion, collaborative, enthusiastic, winner, self-starter). The paper lists word stems
(`lead*`, `respon*`); matching stems as prefixes counts "responsible", "objectives", "analysis" and "dependencies"
as coded, so here each entry lists the whole words that carry the coded meaning. A gender-coded word counts only
where it describes the person wanted or the workplace ("an ambitious engineer", "be persistent", "Cheerful under
pressure"), not a thing or an action ("ambitious projects", "nurture the adoption of"): see wording.py. The
alternatives suggest what to write instead; for trait words that is often the behaviour the trait stands for.
"""
from __future__ import annotations

from dataclasses import dataclass

GENDER, AGE, EXCLUSION, JARGON = ("gender-coded-language", "age-coded-language", "exclusionary-language",
                                  "jargon-title")


@dataclass(frozen=True)
class Term:
    """A coded word: the rule it belongs to, the suggested neutral wording, and where it is not coded (a
    gender-coded word is coded only where it describes a person: person_only)."""

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
        term = Term(rule, alternative, code, rule == GENDER,
                    *(_set(options.get(k, "")) for k in ("before", "after", "fields", "roles")))
        table.update({form: term for form in forms.split()})
    return table


# Words around an adjective that show it describes a person or the workplace ("be objective", "a logical thinker",
# "a competitive environment").
PERSON_BEFORE = _set("be being remain remains stay stays very highly extremely truly naturally really genuinely "
                     "you re who someone somebody personally")  # "re": the end of you're, we're, they're
PERSON_AFTER = _set("person people candidate candidates individual individuals player players professional "
                    "professionals personality character attitude mindset nature thinker thinkers worker workers "
                    "learner learners self achiever achievers communicator communicators go "
                    "colleague colleagues teammate teammates leader leaders engineer engineers developer developers "
                    "manager managers applicant applicants hire hires type spirit member members skills ability "
                    "abilities thinking mind minds manner style temperament voice assistant assistants analyst "
                    "analysts specialist specialists coordinator coordinators administrator administrators designer "
                    "designers consultant consultants representative representatives agent agents officer officers "
                    "technician technicians nurse nurses writer writers editor editors closer closers salesperson "
                    "recruiter recruiters")
# The workplace, when the word stands right before it ("a competitive environment", not "collaborative
# technology team").
WORKPLACE = _set("team teams environment culture workplace company atmosphere startup")
PERSON_PRONOUNS = _set("you we they who he she")
LIST_WORDS = _set("and or")

_PAY = ("salary salaries pay compensation benefits package packages rate rates market markets advantage edge "
        "landscape pricing price prices bid bids tender tenders analysis intelligence position positioning "
        "offer offers products wage wages remuneration")

MASCULINE = [
    ("active", "engaged"),
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
    ("determined determination", "motivated", {"after": "by in at from through using with for of"}),
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
     {"fields": "skill qualification title duty-title duty-description kpi-name kpi-measure"}),
    ("logical logically", "methodical",
     {"after": "data model models volume volumes replication backup backups design unit units "
                               "operator operators architecture schema view"}),
    ("masculine", "(leave out)"),
    ("objective", "fair, impartial", {"fields": "kpi-name kpi-measure"}),
    ("opinionated", "with clear views"),
    ("outspoken", "clear and direct"),
    ("persistent persistence persistently", "someone who sees things through",
     {"after": "storage volume volumes connection connections data cache queue queues session "
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
    ("winner winners winning", "motivated to reach agreed goals"),
    ("self-starter self-starters selfstarter selfstarters", "able to plan your own work"),
]

# Feminine-coded trait words are swapped for the behaviour the job needs: another trait word ("positive" for
# "cheerful") is no better.
_HELPS = "say what they do for people, e.g. 'listen to customers and solve their problem'"
_WORKS_WITH = "say who they work with and on what, e.g. 'agree each release plan with the product owner'"
_CALM = "say what they do, e.g. 'stay friendly and patient with customers when it gets busy'"
FEMININE = [
    ("affectionate", "(leave out)"),
    ("cheer cheerful cheerfully cheery", _CALM),
    ("committed commitment", "say what they see through, e.g. 'follow each case up until it is closed'"),
    ("communal", "team"),
    ("compassion compassionate", _HELPS),
    ("considerate", "say what they do, e.g. 'tell colleagues early when plans change'"),
    ("cooperative co-operative", _WORKS_WITH),
    ("dependable", "say what they deliver, e.g. 'finish agreed work by the agreed date'"),
    ("emotional emotionally", "(leave out)"),
    ("empathetic empathic empathy", _HELPS),
    ("feminine", "(leave out)"),
    ("flatterable", "(leave out)"),
    ("gentle gently", _CALM),
    ("honest honesty", "say what they do, e.g. 'report mistakes as soon as they find them'"),
    ("interpersonal inter-personal", "communication", {"fields": "skill qualification"}),
    ("interdependent inter-dependent", "connected"),
    ("kind kindness", _HELPS, {"after": "of"}),
    ("kinship", "(leave out)"),
    ("loyal loyalty", "reliable", {"before": "customer brand client"}),
    ("modest modesty", "(leave out)"),
    ("nag nagging", "remind"),
    ("nurture nurtures nurtured nurturing", "say what they do, e.g. 'coach new colleagues in their first months'"),
    ("pleasant pleasantly", "say what they do, e.g. 'greet visitors and answer their questions'"),
    ("polite politely politeness", "say what they do, e.g. 'greet visitors and answer their questions'"),
    ("quiet quietly", "calm"),
    ("responsive", "say how fast, e.g. 'answer messages within one working day'",
     {"after": "design web layout layouts ui interface interfaces page pages website websites "
               "site sites application applications frontend front services"}),
    ("sensitive sensitivity", "say what they do, e.g. 'handle personal data discreetly'",
     {"after": "data information personal fields documents files values settings operations"}),
    ("submissive", "(leave out)"),
    ("supportive", "say how they help, e.g. 'review colleagues' work and share what they know'"),
    ("sympathetic sympathy", _HELPS),
    ("tender", "(leave out)"),
    ("togetherness", "team spirit"),
    ("trustworthy trusting", "say what they are trusted with, e.g. 'handle the cash and the keys'"),
    ("understanding", _HELPS, {"after": "of"}),
    ("warm warmth warmly", "friendly", {"after": "standby spare site start cache backup backups failover"}),
    ("whine whiny whining", "(leave out)"),
    ("agreeable", "(leave out)"),
    ("collaborative", _WORKS_WITH),
    ("enthusiastic enthusiastically enthusiasm", "say what interests them in the work, e.g. 'interested in how "
                                                 "databases are tuned'"),
]

# Mental-health words used as praise ("obsessive attention to detail") put off people who live with them.
ABLEIST_WORDS = [
    ("obsessive obsessively obsessed obsession ocd", "'careful' or 'thorough'"),
    ("crazy insane psycho maniac maniacs lunatic", "say how much, or leave it out"),
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
    **_terms(JARGON, "", JARGON_WORDS), **_terms(EXCLUSION, "", ABLEIST_WORDS),
}

