"""Word lists of the duty rules: openers that name no action, vague openers, and catch-all phrases.

Which words are verbs comes from the lexicon (english.py); these lists say which verbs, used as the first word
of a duty, describe a state, a hedge or help to others rather than the work itself.
"""
from __future__ import annotations

import re

# Verbs (as lemmas) that open a duty without naming work: a state ("Be resourceful", "Stay abreast of"), a hedge
# ("May create"), an aim ("Strive for"). The auxiliaries (be, have, may, must, can, will, should...) are the
# lexicon's, except "do", which also names work ("Do the payroll").
STATES = frozenset("be have stay remain strive seem become".split())
# Verb and object that together name no work: "Take ownership of", "Make sure the pages are updated".
LIGHT_PHRASES = {"take": frozenset("ownership initiative responsibility direction".split()),
                 "make": frozenset(["sure"])}

# Vague openers, as lemmas ("assisting in" is "assist in"), with what makes them concrete: a helper ("assist in
# the preparation of the report") only by saying how ("by drafting ...") or what else is done ("... and send it");
# a partner ("work closely with the DBA") also by saying what for ("... to tune the slow queries").
HELPERS = ("help with|help to|help|assist in|assist with|assist|support|be involved in|involved in|participate in|"
           "take part in|contribute to|be responsible for|responsible for|responsibility for|be part of|"
           "be exposed to|gain exposure to|engage in|look after").split("|")
PARTNERS = ("work with", "work on")
# Verbs that, after a vague opener, still say only that something is helped, ensured or encouraged.
VAGUE_LEMMAS = frozenset("help assist support contribute participate engage involve ensure enable encourage foster "
                         "promote reinforce drive work be have".split())
# Words that start a list of examples: what follows illustrates, it adds no duty and opens no scope.
EXAMPLE_MARKERS = tuple(marker.split() for marker in ("such as", "e.g", "eg", "i.e", "ie", "including", "like",
                                                      "for example", "for instance"))
# After "and"/"then", a word that is also a noun ("project", "report") is read as a verb only before one of these.
OBJECT_STARTS = frozenset("the a an its their his her our your my this that these those each every all any it them "
                          "him new".split())

# Words that say when or how often, not what: "Attend meetings as needed" names nothing to act on.
WHEN = frozenset("needed required necessary assigned requested directed appropriate applicable possible daily weekly "
                 "monthly quarterly yearly annually regularly routinely occasionally periodically always often "
                 "sometimes basis ongoing arise arises".split())
# Nouns that stand for any work at all.
GENERIC = frozenset("things stuff tasks task duties duty work activities activity matters matter issues issue items "
                    "item meetings meeting responsibilities assignments jobs job requests request problems problem "
                    "support help".split())

# A text with none of these words (and no "so on") holds no catch-all, and is not searched.
CATCH_ALL_WORDS = frozenset("other additional further assigned required needed directed requested etc miscellaneous "
                            "misc hoc various forth".split())
_SCOPE = r"(?:duties|tasks|responsibilities|work|projects|activities|assignments|jobs)(?:/\w+)?"
_ASKED = r"(?:assigned|required|needed|requested|directed)"
CATCH_ALL = re.compile(
    rf"\b(?:(?:any |and |or )?(?:other|additional|further)(?: [\w-]+){{0,2}}? {_SCOPE}"
    rf"(?: (?:as|that may be|when|if))? {_ASKED}"
    r"|(?:any|and|or) other (?:related |similar )?(?:duties|tasks|responsibilities|work)\b"
    rf"|(?:miscellaneous|misc|ad hoc|various)(?: [\w-]+){{0,3}}? {_SCOPE}"
    rf"|(?:duties|tasks|responsibilities)(?:/\w+)? as {_ASKED}"
    r"|etc\b|and so on|and so forth)",
    re.IGNORECASE)
OPEN_LIST = ("etc", "and so on", "and so forth")
