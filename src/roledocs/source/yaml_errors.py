"""YAML syntax errors as findings people can act on: placed where the problem starts, in plain words."""
from __future__ import annotations

import yaml

from .construct import where
from .lookalikes import has_lookalikes, in_lines
from ..findings import Finding, Severity
from .checks.reading import MAX_DEPTH, YAML_MULTIPLE_DOCUMENTS, YAML_SYNTAX, YAML_TOO_DEEP

_FRIENDLY = (
    ("cannot start any token", "\t", "a tab is used for indentation here; YAML needs spaces"),
    ("tab character", "", "a tab is used for indentation here; YAML needs spaces"),
    ("mapping values are not allowed", "", "a ':' here starts a key where none can be: check the indentation, "
     "or put the text in quotes"),
    ("could not find expected ':'", "", "a line here is missing the ':' after its key (or text above needs quotes)"),
    ("did not find expected key", "", "this line does not line up with the keys above it: check the indentation"),
    ("did not find expected '-'", "", "this line does not line up with the list items above it: "
     "check the indentation"),
    ("found undefined alias", "", "'*' refers to an anchor ('&name') that is not defined above it"),
    ("unexpected end of stream", "", "a quote or bracket opened here is never closed"),
    ("while parsing a flow sequence", "[", "a '[' opened here is never closed (or an item in it lacks a comma)"),
    ("while parsing a flow mapping", "{", "a '{' opened here is never closed (or an entry in it lacks a comma)"),
    ("exceeded maximum nesting depth", "", f"the data is nested too deeply (at most {MAX_DEPTH} levels)"),
    ("expected a single document", "", "the file holds more than one YAML document ('---'); "
     "put each role or team in its own file"),
)


def _reader_finding(error: yaml.reader.ReaderError, display: str, text: str, counts_bytes: bool) -> Finding:
    """A character YAML does not allow (a control character such as NUL), placed at its line and column."""
    position = max(error.position, 0)
    if counts_bytes:  # libyaml counts bytes of the UTF-8 text, the pure-Python reader counts characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    position = min(position, len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    return Finding(display, line, column, Severity.ERROR, YAML_SYNTAX.id, f"YAML syntax error: the character "
                   f"U+{code:04X} here cannot appear in YAML (a control or other non-printable character); remove it")


def syntax_finding(error: yaml.YAMLError, display: str, text: str, *, counts_bytes: bool) -> Finding:
    """The finding for a parser error; `counts_bytes` when the parser (libyaml) gives byte offsets."""
    if isinstance(error, yaml.reader.ReaderError):
        return _reader_finding(error, display, text, counts_bytes)
    problem = " ".join(filter(None, (getattr(error, "context", None), getattr(error, "problem", None)))) or str(error)
    lines = text.split("\n")  # as the parser counts them (not str.splitlines, which breaks at more)
    problem_mark, context_mark = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    # An unclosed quote or bracket is reported where the parser gave up (often the end of the file); where it
    # was opened helps more.
    at_end = problem_mark is None or problem_mark.line >= len(lines) - 1 and not lines[-1].strip()
    opened = context_mark is not None and ("end of stream" in problem or at_end or "while parsing a flow" in problem)
    mark = context_mark if opened else problem_mark or context_mark
    line, column = where(mark) if mark is not None else (None, None)
    if "\u201c" in text or "\u2018" in text or "\u201e" in text or has_lookalikes(text):
        # a look-alike character from the line the parser started on (or the one above, where an item began) to the
        # one it gave up on is the likely cause
        marks = [m.line + 1 for m in (context_mark, problem_mark) if m is not None]
        cause = in_lines(display, text, min(marks) - 1, max(marks)) if marks else None
        if cause is not None:
            return cause
    near = lines[line - 1] if line and line <= len(lines) else ""
    message = f"YAML syntax error: {problem}"
    for needle, in_line, friendly in _FRIENDLY:
        if needle in problem and in_line in near:
            message = f"YAML syntax error: {friendly}"
            break
    rule = YAML_MULTIPLE_DOCUMENTS.id if "single document" in problem else \
        YAML_TOO_DEEP.id if "nesting depth" in problem else YAML_SYNTAX.id
    return Finding(display, line, column, Severity.ERROR, rule, message)
