"""The schema checks, each an id with its documentation beside it: how a file that reads well fits its JSON Schema.

Always errors, shown by `roledocs rules` and docs/rules.md in this order (SCHEMA).
"""
from __future__ import annotations

from .model import Check

UNKNOWN_KEY = Check("unknown-key", "schema", """
    Every key is one the schema knows at its place, or your own, starting with `x-`.

    A misspelt key would otherwise be ignored without a word. The message lists the keys allowed there and
    the closest one; keys starting with `x-` are kept and passed to templates untouched.

    **Bad**: `dutys: []` (did you mean `duties`?)

    **Good**: `x-cost-centre: "4711"`, a value of your own (and `duties`, spelt right)
    """)

MISSING_KEY = Check("missing-key", "schema", """
    Every required key is there.

    A role needs `roledocs`, `kind`, `id`, `title`, `summary`, `duties`, `skills` and `kpis`; a team needs
    `roledocs`, `kind`, `id`, `name`, `mission` and `members`; the config needs `roledocs`. Inside them, each
    duty, skill, KPI, member, party and activity has required keys too (`roledocs schema role` shows them).
    The finding sits at the block the key is missing from.

    **Bad**: a KPI with `id`, `name`, `measure` and `frequency` but no `target`

    **Good**: the same KPI with `target: ">= 90%"`
    """)

INVALID_VALUE = Check("invalid-value", "schema", """
    A value is one of those allowed at its place.

    `roledocs` is the number 1, `kind` is `role` or `team`, and `employment_type`, `frequency`, `category`,
    `period`, `page_size` and the levels under `lint:` each take one of a fixed list of words (the message
    lists them and the closest one).

    **Bad**: `frequency: fortnightly`

    **Good**: `frequency: weekly`
    """)

INVALID_FORMAT = Check("invalid-format", "schema", """
    Ids, codes and RACI letters have the form the schema asks for.

    Ids are lower-case letters and digits joined by single hyphens (they name the output files); a currency is
    three capital letters (ISO 4217); O*NET-SOC and ISCO codes have their fixed digits; a RACI cell holds
    the letters R, A, C and I, each at most once.

    **Bad**: `id: IT_Project_Manager`

    **Good**: `id: it-project-manager`
    """)

WRONG_TYPE = Check("wrong-type", "schema", """
    A value has the type its place needs: text, a number, true or false, a list or a block.

    A value in quotes is text, even when it looks like a number; a list needs `- ` items.

    **Bad**: `level: "4"` (in a skill: the text 4, not the number)

    **Good**: `level: 4`
    """)

OUT_OF_RANGE = Check("out-of-range", "schema", """
    A number lies in its range.

    A skill level is 1 to 5, a duty's `time_share` more than 0 and at most 100, a headcount at least 1, pay
    at least 0, and the analysis shares in roledocs.yaml 0 to 1.

    **Bad**: `level: 7`

    **Good**: `level: 5`
    """)

TOO_FEW_ITEMS = Check("too-few-items", "schema", """
    A list or block that needs entries has them.

    A role has at least one duty, skill and KPI, a team at least one member, and each RACI row at least one
    role or party.

    **Bad**: `skills: []`

    **Good**: `skills: [{name: Python, level: 3}]`
    """)

TOO_LONG = Check("too-long", "schema", """
    An id is at most 64 characters.

    Ids name the output files and appear in links; a shorter id is easier to read and type.

    **Bad**: `id: senior-principal-enterprise-architecture-and-digital-transformation-lead`

    **Good**: `id: enterprise-architecture-lead`
    """)

EMPTY_VALUE = Check("empty-value", "schema", """
    Text that must say something is not empty, nor only spaces.

    Titles, names, summaries, missions, descriptions, KPI measures and targets, each line of the
    qualifications, and the config's organisation, logo and folders all need words.

    **Bad**: `title: "   "`

    **Good**: `title: Data Engineer`
    """)

SCHEMA = (UNKNOWN_KEY, MISSING_KEY, INVALID_VALUE, INVALID_FORMAT, WRONG_TYPE, OUT_OF_RANGE, TOO_FEW_ITEMS, TOO_LONG, EMPTY_VALUE)
