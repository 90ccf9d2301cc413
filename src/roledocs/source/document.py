"""Bytes to data, safely: UTF-8 only, one YAML document, node marks kept for every finding.

roledocs composes the node tree with libyaml (C) and builds the data itself (construct.py), guided by the schema,
so that every value is what the user wrote; syntax errors become plain-worded findings (yamlsyntax.py).
"""
from __future__ import annotations

import hashlib
import os
import stat
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, NamedTuple

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .config import CONFIG_NAMES
from .construct import MAP, PLAIN, SEQ, STR, Constructor, SchemaCursor, Stop, where
from ..findings import Finding, Severity
from .lookalikes import has_lookalikes, in_nodes
from .yaml_errors import syntax_finding
from .checks.reading import (MAX_DEPTH, MAX_FILE_BYTES, FILE_EMPTY, FILE_ENCODING, FILE_TOO_LARGE, FILE_UNREADABLE, YAML_NOT_MAPPING,
    YAML_TOO_DEEP)

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


@dataclass
class Document:
    """One loaded file: its data (None when it could not be read) and the node tree behind it."""

    path: str
    kind: str | None
    data: Any
    root: Any = field(default=None, repr=False)
    text: str | None = field(default=None, repr=False)
    # a digest of the text as read: what was checked and rendered, so build keys its outputs without reading again
    source_digest: str = field(default="", repr=False)
    # the file itself: `path` is only how it is shown, and may not open from here (a catalogue loaded from elsewhere)
    file: Path | None = field(default=None, repr=False)

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
        return where(node.start_mark)

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
            text, _ = read_text(self.file or Path(self.path), self.path)
            if text is not None:
                try:
                    self.root = _compose(text)
                except (yaml.YAMLError, RecursionError):
                    return None
        return self.root


class Stamp(NamedTuple):
    """What the file system said of a file just before it was read: size, modification and change times, inode.
    While all four hold, the file holds the bytes that were read (the content cache trusts it, as git's index does)."""

    size: int
    mtime: int
    ctime: int
    inode: int


class Source(NamedTuple):
    """A file's text as read, the digest of its bytes (less a BOM: the digest of the text), and its stamp (None
    when the file changed within the last seconds: a change within the same clock tick could leave it as it was)."""

    text: str
    digest: str
    stamp: Stamp | None


RECENT_NS = 2_000_000_000  # a file changed this recently is not stamped (file systems keep times in 1-2 s ticks)
_BOM = b"\xef\xbb\xbf"


def text_digest(raw: bytes) -> str:
    """The digest of a file's bytes as roledocs reads them (a leading BOM dropped): the digest of its text."""
    return hashlib.blake2b(raw.removeprefix(_BOM), digest_size=16).hexdigest()


def stamp_of(status: os.stat_result, now_ns: int) -> Stamp | None:
    """A file's stamp, or None when it changed less than RECENT_NS before `now_ns` (when the file was looked at)."""
    if max(status.st_mtime_ns, status.st_ctime_ns) > now_ns - RECENT_NS:
        return None
    return Stamp(status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def read_text(path: Path, display: str) -> tuple[str | None, Finding | None]:
    """The file's text as UTF-8 (BOM dropped), or a finding saying why it cannot be read."""
    source, problem = read_source(path, display)
    return (None, problem) if source is None else (source.text, None)


def read_source(path: Path, display: str) -> tuple[Source | None, Finding | None]:
    """The file's text as UTF-8 (BOM dropped) with its digest and stamp, or a finding saying why it cannot be read."""

    def problem(rule: str, message: str, line: int | None = None, column: int | None = None):
        return None, Finding(display, line, column, Severity.ERROR, rule, message)

    try:
        now = time.time_ns()
        status = os.stat(path)  # before the read: a later change shows in the stamp
        if not stat.S_ISREG(status.st_mode):  # a pipe or device would block the read, or never end
            return problem(FILE_UNREADABLE.id, "this is not a regular file (a pipe, socket or device); "
                           "role and team files are plain text files")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            return problem(FILE_TOO_LARGE.id, f"the file is {size:,} bytes; role and team files may be at most "
                           f"{MAX_FILE_BYTES:,} bytes. Is this the right file?", 1, 1)
        raw = path.read_bytes()
    except OSError as error:
        return problem(FILE_UNREADABLE.id, f"cannot read the file: {error.strerror or error}")
    text, finding = decode(raw, display)
    if text is None:
        return None, finding
    return Source(text, text_digest(raw), stamp_of(status, now)), None


def decode(raw: bytes, display: str) -> tuple[str | None, Finding | None]:
    """Bytes as UTF-8 text (BOM dropped), or a finding saying why they cannot be read (too large, not UTF-8)."""

    def problem(rule: str, message: str, line: int | None = None, column: int | None = None):
        return None, Finding(display, line, column, Severity.ERROR, rule, message)

    if len(raw) > MAX_FILE_BYTES:
        return problem(FILE_TOO_LARGE.id, f"the file is {len(raw):,} bytes; role and team files may be at most "
                       f"{MAX_FILE_BYTES:,} bytes. Is this the right file?", 1, 1)
    # UTF-16/32 without a BOM shows as NUL bytes beside the first (ASCII) character; a NUL further on is a
    # stray control character, which the parser reports at its place
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:2]:
        return problem(FILE_ENCODING.id, "the file is saved as UTF-16 (or another two-byte encoding); "
                       "save it as UTF-8", 1, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        return problem(FILE_ENCODING.id, f"byte 0x{raw[error.start]:02X} at offset {error.start} is not UTF-8 "
                       "(the file looks like Latin-1 or Windows-1252); save it as UTF-8", line, column)
    return text.removeprefix("\ufeff"), None


def top_level_scalar(root, key: str) -> str | None:
    """The text of a top-level key's scalar value, read from the node tree before construction."""
    if isinstance(root, MappingNode):
        for key_node, value_node in root.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key and isinstance(value_node, ScalarNode):
                return value_node.value
    return None


def parse_document(text: str, display: str,
                   cursor_for: Callable[[str, Any], tuple[str | None, SchemaCursor | None]],
                   file: Path | None = None, digest: str | None = None) -> tuple[Document | None, list[Finding]]:
    """A file's text to a Document (keeping its node tree), or the findings of why it cannot be read as one;
    `file` is where the text was read from (None: not from a file, such as a git revision), `digest` its
    text_digest when already known."""
    try:
        root = _compose(text)
    except yaml.YAMLError as error:
        return None, [syntax_finding(error, display, text, counts_bytes=HAVE_LIBYAML)]
    except RecursionError:
        return None, [Finding(display, None, None, Severity.ERROR, YAML_TOO_DEEP.id,
                              f"the data is nested too deeply (at most {MAX_DEPTH} levels)")]
    config = os.path.basename(display) in CONFIG_NAMES
    if root is None:
        start = "the catalogue config starts with 'roledocs: 1' and 'organization: ...'" if config else \
            "a role file starts with 'roledocs: 1' and 'kind: role'"
        return None, [Finding(display, 1, 1, Severity.ERROR, FILE_EMPTY.id,
                              f"the file is empty (or holds only comments); {start}")]
    if not isinstance(root, MappingNode):
        line, column = where(root.start_mark)
        shape = "a list" if isinstance(root, SequenceNode) else "a single value"
        what = "the catalogue config" if config else "a role or team file"
        return None, [Finding(display, line, column, Severity.ERROR, YAML_NOT_MAPPING.id,
                              f"the file holds {shape}, but {what} must be a set of 'key: value' "
                              "lines (starting with 'roledocs: 1')")]
    if has_lookalikes(text) and (lookalikes := in_nodes(display, root)):
        return None, lookalikes  # a key that no one can see is wrong would give findings that make no sense
    kind, cursor = cursor_for(display, root)
    constructor = Constructor(display, may_alias="*" in text)
    try:
        data = constructor.build(root, cursor)
    except Stop:
        data = None
    if constructor.findings:
        return None, constructor.findings
    if _swaps_breaks(text):
        data = _restore_breaks(data)
    digest = digest or hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
    return Document(display, kind, data, root, text, digest, file), []


_warned = False


def warn_if_slow() -> None:
    """Warn once when PyYAML lacks libyaml: loading is then about nine times slower."""
    global _warned
    if not HAVE_LIBYAML and not _warned:
        _warned = True
        warnings.warn("PyYAML was built without libyaml; validation will be slower "
                      "(install PyYAML from a wheel to get the C loader)", stacklevel=2)
