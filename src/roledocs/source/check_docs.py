"""The documentation of the built-in checks (see checks.py): what each checks, why, a bad and a good example.

Written like the registered rules' docstrings, and shown the same way by `roledocs rules` and docs/rules.md.
"""
from __future__ import annotations

from .construct import MAX_DEPTH, MAX_NODES
from .document import MAX_FILE_BYTES

# id -> (group, documentation); the order is the order of the docs
DOCS: dict[str, tuple[str, str]] = {
    # Reading files --------------------------------------------------------------------------------------------
    "no-files": ("reading", """
        A folder given to `roledocs validate` holds at least one file to check.

        A folder with no `.yaml` or `.yml` file in it or below it (hidden folders and the output folder are not
        read) is most likely a wrong path, and a CI job that checks nothing would pass for ever. `roledocs build`
        reports the same when the catalogue holds no role or team file, and builds nothing. With
        `--skip-other-yaml`, YAML files that are not roledocs files do not count either.

        **Bad**: `roledocs validate role/` in CI, where the catalogue is in `roles/`.

        **Good**: `roledocs validate roles/`.
        """),

    "file-unreadable": ("reading", """
        The file can be opened and read.

        roledocs could not read it: the user running roledocs (or the CI job) may not read it, the path is a
        broken link, or it is not a regular file (a pipe, a socket, a device). The message gives the reason.

        **Bad**: `roles/qa-lead.yaml` readable by its owner only (`-rw------- alice`), checked by a CI user.

        **Good**: the file readable by whoever runs roledocs (`chmod a+r roles/qa-lead.yaml`).
        """),

    "file-too-large": ("reading", f"""
        A file is at most {MAX_FILE_BYTES // 1024 // 1024} MiB ({MAX_FILE_BYTES:,} bytes).

        A role or team is a page or two of text; a file a thousand times that size is almost always the wrong file
        (an export, a log, a whole spreadsheet), and is not read.

        **Bad**: a 5 MB export of every role saved as `roles/all-roles.yaml`.

        **Good**: one role per file, `roles/<id>.yaml`, each a few kilobytes.
        """),

    "file-encoding": ("reading", """
        The file is saved as UTF-8 (a byte-order mark is allowed).

        UTF-16 (some Windows editors' "Unicode") and Latin-1 or Windows-1252 (where an accented letter is one byte)
        cannot be read reliably. The message names the first byte that is not UTF-8 and where it is.

        **Bad**: `title: Entwicklerin für Datenbanken` saved as Windows-1252 (`ü` is the byte 0xFC).

        **Good**: the same line saved as UTF-8 (in most editors: "Save with encoding", then "UTF-8").
        """),

    "file-empty": ("reading", """
        The file holds data, not just nothing or only comments.

        **Bad**: a file holding only `# TODO: describe the tester role`.

        **Good**: a file that starts with `roledocs: 1` and `kind: role` (`roledocs new role tester` writes one to
        fill in).
        """),

    "yaml-syntax": ("reading", """
        The file is valid YAML.

        Common causes: a tab used for indentation (YAML needs spaces), a line that does not line up with the keys
        above it, a missing `:` after a key, a quote or bracket never closed, or text holding `: ` or starting with
        a character YAML reserves (`*`, `&`, `!`, `@`, `` ` ``) without quotes. The message shows the line with a
        caret under the place.

        **Bad**: `summary: Plans projects: scope, budget and staff.`

        **Good**: `summary: "Plans projects: scope, budget and staff."`
        """),

    "yaml-multiple-documents": ("reading", """
        A file holds one YAML document: one role, one team or the config.

        A `---` line between two blocks starts a second document; a single `---` before the first key is fine.

        **Bad**: `roles/testers.yaml` holding the tester role, a `---` line, then the test lead role.

        **Good**: `roles/tester.yaml` and `roles/test-lead.yaml`, one role each.
        """),

    "yaml-duplicate-key": ("reading", """
        A key appears once in the same block.

        YAML would silently keep only the last of the two values, so half of what was written would be lost
        without a word. The message gives the line of the first one.

        **Bad**:

        ```yaml
        title: Software Developer
        title: Senior Software Developer
        ```

        **Good**: `title: Senior Software Developer`
        """),

    "yaml-key-type": ("reading", """
        Every key is text.

        A key that YAML reads as a number, `true`/`false` or `null`, or a key that is itself a list or a block,
        cannot name anything: put such a key in quotes.

        **Bad**: `x-levels: {1: junior, 2: senior}` (the keys are read as the numbers 1 and 2)

        **Good**: `x-levels: {"1": junior, "2": senior}`
        """),

    "yaml-tag": ("reading", """
        Values are plain data, without YAML tags (`!include`, `!!python/object`, `!!binary`).

        roledocs reads text, numbers, true/false, lists and blocks only; a tag would ask the YAML reader to run
        code or fetch other files. A standard tag that matches its value (`!!str 010`) is accepted.

        **Bad**: `summary: !include summary.md`

        **Good**: `summary: Builds and runs the data pipelines that feed the warehouse.`
        """),

    "yaml-control-character": ("reading", """
        Text holds no invisible control characters (NUL, bell, escape and the like).

        YAML lets a double-quoted text spell any character as an escape (`"\\x00"`, `"\\a"`, `"\\u001b"`); the
        control characters among them are invisible, no document can show them, and Word and Excel files refuse
        them. Tabs and line breaks (`"\\t"`, `"\\n"`) are ordinary text.

        **Bad**: `title: "Data Engineer\\x00"`

        **Good**: `title: Data Engineer`
        """),

    "yaml-lookalike-character": ("reading", """
        YAML's own spaces and quotes are plain ASCII: no look-alike where the syntax needs them.

        Text pasted from a word processor brings characters that look like YAML's but are not: a non-breaking
        space after `title:` (YAML then sees no key, and would report the next line), a zero-width space inside a
        key (an unknown key that looks right), curly quotes (“ ”) that do not quote. The finding names the
        character at its own line and column. Inside text they are fine: only keys, indentation, the space after
        `key:` or `-`, the edges of an unquoted value and opening quotes are checked.

        **Bad**: `title: “Senior Tester: QA”` (curly quotes do not quote: the `: ` inside starts a key)

        **Good**: `title: "Senior Tester: QA"`
        """),

    "yaml-alias-limit": ("reading", f"""
        Aliases (`*name`) expand to at most {MAX_NODES:,} values in one file.

        Anchors (`&name`) and aliases are fine for repeating a block. Aliases of aliases multiply, so a small file
        can stand for billions of values (an "alias bomb"); such a file is refused rather than expanded.

        **Bad**:

        ```yaml
        x-a: &a [x, x, x, x, x, x, x, x, x, x]
        x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        x-d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        ```

        **Good**:

        ```yaml
        x-standard: &standard {{name: Communication, level: 3}}
        skills: [*standard, {{name: SQL, level: 3}}]
        ```
        """),

    "yaml-too-deep": ("reading", f"""
        Data is nested at most {MAX_DEPTH} levels deep, and no alias refers to a block that holds it.

        No role or team needs more than a few levels; deeper data is a mistake, or an attempt to exhaust the reader.

        **Bad**: `x-loop: &loop [*loop]` (a list that holds itself)

        **Good**: `x-loop: [a, b]`
        """),

    "yaml-not-mapping": ("reading", """
        The top of a file is a set of `key: value` lines, not a list or a single value.

        **Bad**:

        ```yaml
        - roledocs: 1
        - kind: role
        ```

        **Good**:

        ```yaml
        roledocs: 1
        kind: role
        ```
        """),

    # Schema ---------------------------------------------------------------------------------------------------
    "unknown-key": ("schema", """
        Every key is one the schema knows at its place, or your own, starting with `x-`.

        A misspelt key would otherwise be ignored without a word. The message lists the keys allowed there and
        the closest one; keys starting with `x-` are kept and passed to templates untouched.

        **Bad**: `dutys: []` (did you mean `duties`?)

        **Good**: `x-cost-centre: "4711"`, a value of your own (and `duties`, spelt right)
        """),

    "missing-key": ("schema", """
        Every required key is there.

        A role needs `roledocs`, `kind`, `id`, `title`, `summary`, `duties`, `skills` and `kpis`; a team needs
        `roledocs`, `kind`, `id`, `name`, `mission` and `members`; the config needs `roledocs`. Inside them, each
        duty, skill, KPI, member, party and activity has required keys too (`roledocs schema role` shows them).
        The finding sits at the block the key is missing from.

        **Bad**: a KPI with `id`, `name`, `measure` and `frequency` but no `target`

        **Good**: the same KPI with `target: ">= 90%"`
        """),

    "invalid-value": ("schema", """
        A value is one of those allowed at its place.

        `roledocs` is the number 1, `kind` is `role` or `team`, and `employment_type`, `frequency`, `category`,
        `period`, `page_size` and the levels under `lint:` each take one of a fixed list of words (the message
        lists them and the closest one).

        **Bad**: `frequency: fortnightly`

        **Good**: `frequency: weekly`
        """),

    "invalid-format": ("schema", """
        Ids, codes and RACI letters have the form the schema asks for.

        Ids are lower-case letters and digits joined by single hyphens (they name the output files); a currency is
        three capital letters (ISO 4217); O*NET-SOC and ISCO codes have their fixed digits; a RACI cell holds
        the letters R, A, C and I, each at most once.

        **Bad**: `id: IT_Project_Manager`

        **Good**: `id: it-project-manager`
        """),

    "wrong-type": ("schema", """
        A value has the type its place needs: text, a number, true or false, a list or a block.

        A value in quotes is text, even when it looks like a number; a list needs `- ` items.

        **Bad**: `level: "4"` (in a skill: the text 4, not the number)

        **Good**: `level: 4`
        """),

    "out-of-range": ("schema", """
        A number lies in its range.

        A skill level is 1 to 5, a duty's `time_share` more than 0 and at most 100, a headcount at least 1, pay
        at least 0, and the analysis shares in roledocs.yaml 0 to 1.

        **Bad**: `level: 7`

        **Good**: `level: 5`
        """),

    "too-few-items": ("schema", """
        A list or block that needs entries has them.

        A role has at least one duty, skill and KPI, a team at least one member, and each RACI row at least one
        role or party.

        **Bad**: `skills: []`

        **Good**: `skills: [{name: Python, level: 3}]`
        """),

    "too-long": ("schema", """
        An id is at most 64 characters.

        Ids name the output files and appear in links; a shorter id is easier to read and type.

        **Bad**: `id: senior-principal-enterprise-architecture-and-digital-transformation-lead`

        **Good**: `id: enterprise-architecture-lead`
        """),

    "empty-value": ("schema", """
        Text that must say something is not empty, nor only spaces.

        Titles, names, summaries, missions, descriptions, KPI measures and targets, each line of the
        qualifications, and the config's organisation, logo and folders all need words.

        **Bad**: `title: "   "`

        **Good**: `title: Data Engineer`
        """),
}
