"""Verb lists of the duty rules: action verbs a duty can start with, vague openers, and catch-all phrases."""
from __future__ import annotations

import re

ACTION_VERBS = frozenset("""
accept access accompany account achieve acquire act adapt add address adjust administer adopt advise advocate
agree align allocate amend analyse analyze announce answer anticipate apply appoint appraise approve arrange
articulate assemble assess assign attend audit author authorise authorize automate balance baseline benchmark
bill book brief broker budget build calculate calibrate call capture carry catalogue categorise categorize
certify chair change chart check choose clarify classify clean close coach code collate collect combine
commission communicate compare compile complete comply compose compute conceive conduct configure confirm
connect consolidate construct consult contact contract control convene convert coordinate co-ordinate correct
cost count create critique curate customise customize cut debug decide decommission define delegate deliver
demonstrate deploy deprecate derive describe design detect determine develop devise diagnose direct discover
discuss dispatch distribute document draft draw edit educate elicit eliminate enable encrypt enforce engineer
enhance enrol enroll ensure enter establish estimate evaluate examine execute expand expedite explain explore
export extend extract facilitate file fill finalise finalize find fix follow forecast formulate foster frame
gather generate give govern grant guide halt harden hire hold host identify implement import improve inform
initiate innovate inspect install instruct integrate interpret interview introduce inventory investigate invite
invoice issue keep label launch lead liaise license lift list locate log maintain manage map market measure
mediate meet mentor merge migrate minimise minimize model moderate modify monitor motivate move negotiate
notify observe obtain onboard open operate optimise optimize orchestrate order organise organize outline
oversee own pair participate patch perform pilot place plan predict prepare present preserve prevent price
prioritise prioritize process procure produce profile program programme project promote propose protect
prototype provide provision publish purchase query question raise rank rate reach read rebalance recommend
reconcile record recover recruit reduce refactor refine refresh register rehearse reinforce release remediate
remove render renew reorganise repair replace replicate report represent reproduce request research reset
resolve respond restore retest retire review revise rotate route run safeguard sample scan schedule scope
score screen script secure select sell send serve service set settle share ship shortlist sign simplify size
sketch solve sort source specify sponsor staff standardise standardize start steer store streamline
structure study submit summarise summarize supervise survey sustain synthesise synthesize systematise tag
teach test track train transcribe transfer transform translate triage troubleshoot tune turn uncover
update upgrade use validate verify visit walk watch weigh welcome write
""".split())

# First words that end like verbs (-ise, -ate, ...) but are not verbs.
NOT_VERBS = frozenset("""
accurate adequate appropriate candidate certificate climate corporate delicate enterprise expertise
immediate intermediate late otherwise private precise concise premise ultimate
""".split())

VERB_SUFFIXES = ("ise", "ize", "ify", "ate")

_VAGUE = ("help with|help to|help|helps|assist in|assist with|assist|assists|support|supports|be involved in|"
          "is involved in|involved in|participate in|participates in|take part in|contribute to|contributes to|"
          "be responsible for|is responsible for|responsible for|responsibility for|work on|works on|handle|handles|"
          "deal with|deals with|be part of|be exposed to|gain exposure to|engage in|look after|looks after")
VAGUE_OPENER = re.compile(rf"^ (?:to )?({_VAGUE}) ")
VAGUE_FIRST = frozenset(w for phrase in _VAGUE.split("|") for w in phrase.split()[:1]) | {"to"}

# Words after which a following verb says what is actually done ("support users BY answering", "... AND write").
CONNECTORS = frozenset("to and then by or".split())

# A text with none of these words (and no "so on") holds no catch-all, and is not searched.
CATCH_ALL_WORDS = frozenset("other required needed assigned directed requested etc miscellaneous misc hoc various "
                            "forth".split())
CATCH_ALL = re.compile(
    r"\b(?:other (?:related |similar |ad hoc |additional |reasonable )?(?:duties|tasks|responsibilities|work|projects)"
    r"(?: (?:as|that may be))? (?:assigned|required|needed|requested|directed)"
    r"|any other (?:duties|tasks|responsibilities|work)"
    r"|and other (?:duties|tasks|responsibilities)"
    r"|(?:miscellaneous|misc|ad hoc|various) (?:duties|tasks|responsibilities)"
    r"|as and when (?:required|needed)"
    r"|as (?:required|needed|assigned|directed|requested)(?=\s*(?:[.;,)]|$))"
    r"|etc\b|and so on|and so forth)",
    re.IGNORECASE)
