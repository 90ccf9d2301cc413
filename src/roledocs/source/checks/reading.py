"""The reading checks, each an id with its documentation beside it, and the limits they hold files to.

A finding of one of these says the file cannot be read reliably; they are always errors, shown by `roledocs rules`
and docs/rules.md in this order (READING).
"""
from __future__ import annotations

from .model import Check

MAX_FILE_BYTES = 1024 * 1024  # a role or team is a page or two; a file a thousand times that is the wrong file
MAX_NODES = 10_000  # values that aliases may expand to
MAX_DEPTH = 50  # levels of nesting

NO_FILES = Check("no-files", "reading", """
    A folder given to `roledocs validate` holds at least one file to check.

    A folder with no `.yaml` or `.yml` file in it or below it (hidden folders and the output folder are not
    read) is most likely a wrong path, and a CI job that checks nothing would pass for ever. `roledocs build`
    reports the same when the catalogue holds no role or team file, and builds nothing. With
    `--skip-other-yaml`, YAML files that are not roledocs files do not count either.

    **Bad**: `roledocs validate roles/` in CI after the role files moved to `hr/roles/` (an empty `roles/` is
    left).

    **Good**: `roledocs validate hr/`.
    """)

FILE_UNREADABLE = Check("file-unreadable", "reading", """
    The file can be opened and read.

    roledocs could not read it: the user running roledocs (or the CI job) may not read it, the path is a
    broken link, or it is not a regular file (a pipe, a socket, a device). The message gives the reason.

    **Bad**: `roles/qa-lead.yaml` readable by its owner only (`-rw------- alice`), checked by a CI user.

    **Good**: the file readable by whoever runs roledocs (`chmod a+r roles/qa-lead.yaml`).
    """)

FILE_TOO_LARGE = Check("file-too-large", "reading", f"""
    A file is at most {MAX_FILE_BYTES // 1024 // 1024} MiB ({MAX_FILE_BYTES:,} bytes).

    A role or team is a page or two of text; a file a thousand times that size is almost always the wrong file
    (an export, a log, a whole spreadsheet), and is not read.

    **Bad**: a 5 MB export of every role saved as `roles/all-roles.yaml`.

    **Good**: one role per file, `roles/<id>.yaml`, each a few kilobytes.
    """)

FILE_ENCODING = Check("file-encoding", "reading", """
    The file is saved as UTF-8 (a byte-order mark is allowed).

    UTF-16 (some Windows editors' "Unicode") and Latin-1 or Windows-1252 (where an accented letter is one byte)
    cannot be read reliably. The message names the first byte that is not UTF-8 and where it is.

    **Bad**: `title: Entwicklerin für Datenbanken` saved as Windows-1252 (`ü` is the byte 0xFC).

    **Good**: the same line saved as UTF-8 (in most editors: "Save with encoding", then "UTF-8").
    """)

FILE_EMPTY = Check("file-empty", "reading", """
    The file holds data, not just nothing or only comments.

    **Bad**: a file holding only `# TODO: describe the tester role`.

    **Good**: a file that starts with `roledocs: 1` and `kind: role` (`roledocs new role tester` writes one to
    fill in).
    """)

YAML_SYNTAX = Check("yaml-syntax", "reading", """
    The file is valid YAML.

    Common causes: a tab used for indentation (YAML needs spaces), a line that does not line up with the keys
    above it, a missing `:` after a key, a quote or bracket never closed, or text holding `: ` or starting with
    a character YAML reserves (`*`, `&`, `!`, `@`, `` ` ``) without quotes. The message shows the line with a
    caret under the place.

    **Bad**: `summary: Plans projects: scope, budget and staff.`

    **Good**: `summary: "Plans projects: scope, budget and staff."`
    """)

YAML_MULTIPLE_DOCUMENTS = Check("yaml-multiple-documents", "reading", """
    A file holds one YAML document: one role, one team or the config.

    A `---` line between two blocks starts a second document; a single `---` before the first key is fine.

    **Bad**: `roles/testers.yaml` holding the tester role, a `---` line, then the test lead role.

    **Good**: `roles/tester.yaml` and `roles/test-lead.yaml`, one role each.
    """)

YAML_DUPLICATE_KEY = Check("yaml-duplicate-key", "reading", """
    A key appears once in the same block.

    YAML would silently keep only the last of the two values, so half of what was written would be lost
    without a word. The message gives the line of the first one.

    **Bad**:

    ```yaml
    title: Software Developer
    title: Senior Software Developer
    ```

    **Good**: `title: Senior Software Developer`
    """)

YAML_KEY_TYPE = Check("yaml-key-type", "reading", """
    Every key is text.

    A key that YAML reads as a number, `true`/`false` or `null`, or a key that is itself a list or a block,
    cannot name anything: put such a key in quotes.

    **Bad**: `x-levels: {1: junior, 2: senior}` (the keys are read as the numbers 1 and 2)

    **Good**: `x-levels: {"1": junior, "2": senior}`
    """)

YAML_TAG = Check("yaml-tag", "reading", """
    Values are plain data, without YAML tags (`!include`, `!!python/object`, `!!binary`).

    roledocs reads text, numbers, true/false, lists and blocks only; a tag would ask the YAML reader to run
    code or fetch other files. A standard tag that matches its value (`!!str 010`) is accepted.

    **Bad**: `summary: !include summary.md`

    **Good**: `summary: Builds and runs the data pipelines that feed the warehouse.`
    """)

YAML_CONTROL_CHARACTER = Check("yaml-control-character", "reading", """
    Text holds no invisible control characters (NUL, bell, escape and the like).

    YAML lets a double-quoted text spell any character as an escape (`"\\x00"`, `"\\a"`, `"\\u001b"`); the
    control characters among them are invisible, no document can show them, and Word and Excel files refuse
    them. Tabs and line breaks (`"\\t"`, `"\\n"`) are ordinary text.

    **Bad**: `title: "Data Engineer\\x00"`

    **Good**: `title: Data Engineer`
    """)

YAML_LOOKALIKE_CHARACTER = Check("yaml-lookalike-character", "reading", """
    YAML's own spaces and quotes are plain ASCII: no look-alike where the syntax needs them.

    Text pasted from a word processor brings characters that look like YAML's but are not: a non-breaking
    space after `title:` (YAML then sees no key, and would report the next line), a zero-width space inside a
    key (an unknown key that looks right), curly quotes (“ ”) that do not quote. The finding names the
    character at its own line and column. Inside text they are fine: only keys, indentation, the space after
    `key:` or `-`, the edges of an unquoted value and opening quotes are checked.

    **Bad**: `title: “Senior Tester: QA”` (curly quotes do not quote: the `: ` inside starts a key)

    **Good**: `title: "Senior Tester: QA"`
    """)

YAML_ALIAS_LIMIT = Check("yaml-alias-limit", "reading", f"""
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
    """)

YAML_TOO_DEEP = Check("yaml-too-deep", "reading", f"""
    Data is nested at most {MAX_DEPTH} levels deep, and no alias refers to a block that holds it.

    No role or team needs more than a few levels; deeper data is a mistake, or an attempt to exhaust the reader.

    **Bad**: `x-loop: &loop [*loop]` (a list that holds itself)

    **Good**: `x-loop: [a, b]`
    """)

YAML_NOT_MAPPING = Check("yaml-not-mapping", "reading", """
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
    """)

READING = (NO_FILES, FILE_UNREADABLE, FILE_TOO_LARGE, FILE_ENCODING, FILE_EMPTY, YAML_SYNTAX, YAML_MULTIPLE_DOCUMENTS, YAML_DUPLICATE_KEY, YAML_KEY_TYPE, YAML_TAG, YAML_CONTROL_CHARACTER, YAML_LOOKALIKE_CHARACTER, YAML_ALIAS_LIMIT, YAML_TOO_DEEP, YAML_NOT_MAPPING)
