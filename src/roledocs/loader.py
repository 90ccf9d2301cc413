"""Bytes to data, safely: UTF-8 only, one YAML document, YAML 1.2 scalars, bounded aliases and depth, node marks kept.

PyYAML's own loaders resolve scalars by YAML 1.1 (`NO` is False, `0755` is 493), keep the last of two duplicate
keys and construct any tag they know. roledocs composes the node tree with libyaml (C) and builds the data itself,
guided by the schema, so that every value is what the user wrote and every node keeps its line and column.
"""
from __future__ import annotations

import math
import os
import re
import stat
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .config import CONFIG_NAMES
from .findings import Finding, Severity

try:
    from yaml._yaml import CParser as _Parser

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    HAVE_LIBYAML = False

MAX_FILE_BYTES = 1024 * 1024
MAX_NODES = 10_000
MAX_DEPTH = 50

PLAIN = "roledocs:plain"
_CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_CORE + t for t in ("str", "int", "float", "bool", "null"))
MAP, SEQ = _CORE + "map", _CORE + "seq"

_NULLS = {"~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_WORDS = _NULLS | set(_BOOLS)


class SchemaCursor(Protocol):
    """Where the constructor stands in the schema: says whether a scalar there must stay text."""

    wants_string: bool

    def child(self, key: str) -> SchemaCursor | None: ...

    def item(self) -> SchemaCursor | None: ...


class _NodeParser(_Parser, BaseResolver):
    """libyaml's composer with a resolver that marks untagged plain scalars, so we resolve them ourselves."""

    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)
        BaseResolver.__init__(self)

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            return PLAIN if implicit[0] else STR
        return SEQ if kind is SequenceNode else MAP

    # BaseResolver keeps a path-resolver stack as the composer walks in and out of nodes; with no path
    # resolvers registered that bookkeeping only costs time (two calls per node)
    def descend_resolver(self, current_node, current_index) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_NUMERIC_START = frozenset("0123456789+-.")


def resolve_core(text: str) -> Any:
    """Resolve a plain scalar by the YAML 1.2 core schema: only true/false are booleans, dates stay text.

    Infinity and not-a-number (`.inf`, `.nan`, `1e999`) stay text too: JSON, and so every output, has no such
    numbers, and `max >= min` means nothing for them.
    """
    if text[:1] not in _NUMERIC_START and text not in _SPECIAL_WORDS:
        return text
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        number = float(text)
        return number if math.isfinite(number) else text
    lowered = text.lower()
    if lowered.startswith("0o") and re.fullmatch(r"0o[0-7]+", lowered):
        return int(lowered[2:], 8)
    if lowered.startswith("0x") and re.fullmatch(r"0x[0-9a-f]+", lowered):
        return int(lowered[2:], 16)
    return text


# libyaml breaks lines at NEL, LS and PS, as YAML 1.1 did; YAML 1.2 reads them as ordinary characters. While
# parsing they are swapped for private-use stand-ins (one character for one, so every position holds) and swapped
# back in the data; a file that already holds a stand-in is parsed as it is.
_OLD_BREAKS, _STAND_INS = "\x85\u2028\u2029", "\ue085\ue028\ue029"
_TO_STAND_INS, _FROM_STAND_INS = str.maketrans(_OLD_BREAKS, _STAND_INS), str.maketrans(_STAND_INS, _OLD_BREAKS)


def _swaps_breaks(text: str) -> bool:
    return not text.isascii() and any(c in text for c in _OLD_BREAKS) and not any(c in text for c in _STAND_INS)


def _compose(text: str):
    """The node tree of a text, by YAML 1.2 line breaks (see _OLD_BREAKS)."""
    return _NodeParser(text.translate(_TO_STAND_INS) if _swaps_breaks(text) else text).get_single_node()


def _restore_breaks(data: Any) -> Any:
    if isinstance(data, str):
        return data.translate(_FROM_STAND_INS)
    if isinstance(data, list):
        return [_restore_breaks(item) for item in data]
    if isinstance(data, dict):
        return {_restore_breaks(key): _restore_breaks(value) for key, value in data.items()}
    return data


def _where(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


@dataclass
class Document:
    """One loaded file: its data (None when it could not be read) and the node tree behind it."""

    path: str
    kind: str | None
    data: Any
    root: Any = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)

    def node_at(self, location: tuple = (), *, at_key: bool = False):
        """The node (or, with at_key, the key node) at a data path; the deepest existing node when it stops early."""
        node = self._nodes()
        if node is None:
            return None
        holder = node
        for step in location:
            child = None
            if isinstance(node, MappingNode) and isinstance(step, str):
                for key_node, value_node in node.value:
                    if isinstance(key_node, ScalarNode) and key_node.value == step:
                        holder, child = key_node, value_node
            elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                child = node.value[step]
                holder = child
            if child is None:
                return holder
            node = child
        return holder if at_key else node

    def position(self, location: tuple = (), *, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based line and column of the node at a data path (see node_at)."""
        node = self.node_at(location, at_key=at_key)
        if node is None:
            return None, None
        return _where(node.start_mark)

    def finding(self, location: tuple, severity: Severity, rule: str, message: str, *, at_key: bool = False) -> Finding:
        """A finding placed at the node a data path leads to."""
        line, column = self.position(location, at_key=at_key)
        return Finding(self.path, line, column, severity, rule, message)

    def forget_nodes(self) -> None:
        """Drop the node tree and text (they are rebuilt from the file if a later finding needs a position)."""
        self.root = None
        self.text = None

    def _nodes(self):
        if self.root is None:
            text, _ = read_text(Path(self.path), self.path)
            if text is not None:
                try:
                    self.root = _compose(text)
                except (yaml.YAMLError, RecursionError):
                    return None
        return self.root


def read_text(path: Path, display: str) -> tuple[str | None, Finding | None]:
    """The file's text as UTF-8 (BOM dropped), or a finding saying why it cannot be read."""

    def problem(rule: str, message: str, line: int | None = None, column: int | None = None):
        return None, Finding(display, line, column, Severity.ERROR, rule, message)

    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):  # a pipe or device would block the read, or never end
            return problem("file-unreadable", "this is not a regular file (a pipe, socket or device); "
                           "role and team files are plain text files")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            return problem("file-too-large", f"the file is {size:,} bytes; role and team files may be at most "
                           f"{MAX_FILE_BYTES:,} bytes. Is this the right file?", 1, 1)
        raw = path.read_bytes()
    except OSError as error:
        return problem("file-unreadable", f"cannot read the file: {error.strerror or error}")
    # UTF-16/32 without a BOM shows as NUL bytes beside the first (ASCII) character; a NUL further on is a
    # stray control character, which the parser reports at its place
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:2]:
        return problem("file-encoding", "the file is saved as UTF-16 (or another two-byte encoding); "
                       "save it as UTF-8", 1, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        return problem("file-encoding", f"byte 0x{raw[error.start]:02X} at offset {error.start} is not UTF-8 "
                       "(the file looks like Latin-1 or Windows-1252); save it as UTF-8", line, column)
    return text.removeprefix("\ufeff"), None


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
    ("exceeded maximum nesting depth", "", f"the data is nested too deeply (at most {MAX_DEPTH} levels)"),
    ("expected a single document", "", "the file holds more than one YAML document ('---'); "
     "put each role or team in its own file"),
)


def _reader_finding(error: yaml.reader.ReaderError, display: str, text: str) -> Finding:
    """A character YAML does not allow (a control character such as NUL), placed at its line and column."""
    position = max(error.position, 0)
    if HAVE_LIBYAML:  # libyaml counts bytes of the UTF-8 text, the pure-Python reader counts characters
        position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
    position = min(position, len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    return Finding(display, line, column, Severity.ERROR, "yaml-syntax", f"YAML syntax error: the character "
                   f"U+{code:04X} here cannot appear in YAML (a control or other non-printable character); remove it")


def _syntax_finding(error: yaml.YAMLError, display: str, text: str) -> Finding:
    if isinstance(error, yaml.reader.ReaderError):
        return _reader_finding(error, display, text)
    problem = " ".join(filter(None, (getattr(error, "context", None), getattr(error, "problem", None)))) or str(error)
    # An unclosed quote or bracket is reported at the end of the file; where it was opened helps more.
    opened = "end of stream" in problem and getattr(error, "context_mark", None) is not None
    mark = error.context_mark if opened else getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = _where(mark) if mark is not None else (None, None)
    near = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    message = f"YAML syntax error: {problem}"
    for needle, in_line, friendly in _FRIENDLY:
        if needle in problem and in_line in near:
            message = f"YAML syntax error: {friendly}"
            break
    rule = "yaml-multiple-documents" if "single document" in problem else \
        "yaml-too-deep" if "nesting depth" in problem else "yaml-syntax"
    return Finding(display, line, column, Severity.ERROR, rule, message)


class _Stop(Exception):
    """Raised inside construction when going on would be unsafe (too deep, too many alias expansions)."""


class _Constructor:
    """Builds plain Python data from a node tree, collecting located findings instead of raising."""

    def __init__(self, display: str, may_alias: bool) -> None:
        self.display = display
        self.findings: list[Finding] = []
        self.count = 0
        # Without a '*' there is no alias, and the file-size bound already bounds the node count.
        self.node_limit = MAX_NODES if may_alias else float("inf")

    def fail(self, node, rule: str, message: str) -> None:
        line, column = _where(node.start_mark)
        self.findings.append(Finding(self.display, line, column, Severity.ERROR, rule, message))

    def build(self, node, cursor: SchemaCursor | None, depth: int = 0) -> Any:
        self.count += 1
        if self.count > self.node_limit:
            self.fail(node, "yaml-alias-limit", f"aliases ('*name') here expand to more than {MAX_NODES:,} values; "
                      "the file is refused rather than expanded (is it an 'alias bomb'?)")
            raise _Stop
        if depth > MAX_DEPTH:
            self.fail(node, "yaml-too-deep", f"the data is nested more than {MAX_DEPTH} levels deep "
                      "(or an alias refers to itself)")
            raise _Stop
        kind = type(node)
        if kind is ScalarNode:
            return self.scalar(node, cursor)
        if kind is SequenceNode:
            if node.tag != SEQ:
                self.fail(node, "yaml-tag", f"the tag '{node.tag}' is not allowed; remove it")
            item = cursor.item() if cursor else None
            return [self.build(child, item, depth + 1) for child in node.value]
        if node.tag != MAP:
            self.fail(node, "yaml-tag", f"the tag '{node.tag}' is not allowed; remove it")
        return self.mapping(node, cursor, depth)

    def mapping(self, node: MappingNode, cursor: SchemaCursor | None, depth: int) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            # the common case inline (a plain or quoted text key, a text value): most of a file's nodes
            if type(key_node) is ScalarNode and (key_node.tag == STR or (
                    key_node.tag == PLAIN and key_node.value[:1] not in _NUMERIC_START
                    and key_node.value not in _SPECIAL_WORDS)):
                key = key_node.value
            else:
                key = self.key(key_node)
                if key is None:
                    continue
            if key in result:
                self.duplicate(node, key_node, key)
                continue
            child = cursor.child(key) if cursor else None
            if type(value_node) is ScalarNode and depth < MAX_DEPTH:  # a leaf: the node-count check can wait
                self.count += 1
                result[key] = self.scalar(value_node, child)
            else:
                result[key] = self.build(value_node, child, depth + 1)
        return result

    def duplicate(self, node: MappingNode, key_node, key: str) -> None:
        first = next(k for k, _ in node.value if isinstance(k, ScalarNode) and k.value == key)
        self.fail(key_node, "yaml-duplicate-key", f"'{key}' appears twice in the same block (first on line "
                  f"{first.start_mark.line + 1}); YAML would silently keep only the last one, so remove one of them")

    def key(self, node) -> str | None:
        if not isinstance(node, ScalarNode):
            self.fail(node, "yaml-key-type", "a key must be plain text, not a list or a block")
            return None
        if node.tag == STR:
            return node.value
        value = resolve_core(node.value) if node.tag == PLAIN else None
        if node.tag != PLAIN or not isinstance(value, str):
            self.fail(node, "yaml-key-type", f"the key '{node.value}' is read as "
                      f"{_describe(value) if node.tag == PLAIN else 'a tagged value'}, but keys must be text: "
                      "put it in quotes")
            return None
        return value

    def scalar(self, node: ScalarNode, cursor: SchemaCursor | None) -> Any:
        text, tag = node.value, node.tag
        if tag == STR:
            return text
        if tag == PLAIN:
            if text == "" or text in _NULLS:
                return None
            if cursor is not None and cursor.wants_string:
                return text
            return text if text[:1] not in _NUMERIC_START and text not in _SPECIAL_WORDS else resolve_core(text)
        expected = {INT: int, FLOAT: (int, float), BOOL: bool, NULL: type(None)}.get(tag)
        if expected is None:
            self.fail(node, "yaml-tag", f"the tag '{tag}' is not allowed here; roledocs reads plain data only")
            return None
        value = None if text == "" else resolve_core(text)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            self.fail(node, "yaml-tag", f"'{text}' is not a valid value for the tag '{tag}'")
        return value


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a yes/no value"
    return "a number"


def top_level_scalar(root, key: str) -> str | None:
    """The text of a top-level key's scalar value, read from the node tree before construction."""
    if isinstance(root, MappingNode):
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key and isinstance(value_node, ScalarNode):
                return value_node.value
    return None


def load_document(path: Path, display: str,
                  cursor_for: Callable[[str, Any], tuple[str | None, SchemaCursor | None]]) -> tuple[Document | None, list[Finding]]:
    """Load one file; `cursor_for(display, root)` names its kind and the schema that guides scalar typing."""
    text, problem = read_text(path, display)
    if problem is not None:
        return None, [problem]
    try:
        root = _compose(text)
    except yaml.YAMLError as error:
        return None, [_syntax_finding(error, display, text)]
    except RecursionError:
        return None, [Finding(display, None, None, Severity.ERROR, "yaml-too-deep",
                              f"the data is nested too deeply (at most {MAX_DEPTH} levels)")]
    config = os.path.basename(display) in CONFIG_NAMES
    if root is None:
        start = "the catalogue config starts with 'roledocs: 1' and 'organization: ...'" if config else \
            "a role file starts with 'roledocs: 1' and 'kind: role'"
        return None, [Finding(display, 1, 1, Severity.ERROR, "file-empty",
                              f"the file is empty (or holds only comments); {start}")]
    if not isinstance(root, MappingNode):
        line, column = _where(root.start_mark)
        shape = "a list" if isinstance(root, SequenceNode) else "a single value"
        what = "the catalogue config" if config else "a role or team file"
        return None, [Finding(display, line, column, Severity.ERROR, "yaml-not-mapping",
                              f"the file holds {shape}, but {what} must be a set of 'key: value' "
                              "lines (starting with 'roledocs: 1')")]
    kind, cursor = cursor_for(display, root)
    constructor = _Constructor(display, may_alias="*" in text)
    try:
        data = constructor.build(root, cursor)
    except _Stop:
        data = None
    if constructor.findings:
        return None, constructor.findings
    if _swaps_breaks(text):
        data = _restore_breaks(data)
    return Document(display, kind, data, root, text), []


_warned = False


def warn_if_slow() -> None:
    """Warn once when PyYAML lacks libyaml: loading is then about nine times slower."""
    global _warned
    if not HAVE_LIBYAML and not _warned:
        _warned = True
        warnings.warn("PyYAML was built without libyaml; validation will be slower "
                      "(install PyYAML from a wheel to get the C loader)", stacklevel=2)
