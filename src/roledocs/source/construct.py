"""Node tree to data: YAML 1.2 core scalars guided by the schema, duplicate keys, tags, control characters, and
bounded aliases and depth, every problem a finding at its node.

PyYAML's own constructors resolve scalars by YAML 1.1 (`NO` is False, `0755` is 493), keep the last of two
duplicate keys and construct any tag they know; this one keeps every value as the user wrote it.
"""
from __future__ import annotations

import math
import re
from typing import Any, Protocol

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..findings import Finding, Severity
from .checks.reading import (MAX_DEPTH, MAX_NODES, YAML_ALIAS_LIMIT, YAML_CONTROL_CHARACTER, YAML_DUPLICATE_KEY, YAML_KEY_TYPE, YAML_TAG,
    YAML_TOO_DEEP)


PLAIN = "roledocs:plain"
_CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_CORE + t for t in ("str", "int", "float", "bool", "null"))
MAP, SEQ = _CORE + "map", _CORE + "seq"

_NULLS = {"~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_WORDS = _NULLS | set(_BOOLS)
# Invisible control characters, which only a double-quoted escape ("\x00", "\a") can put in text: no document can
# show them, and Word and Excel refuse them. Tabs and line breaks are text; so is NEL, read as a line break.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


class SchemaCursor(Protocol):
    """Where the constructor stands in the schema: says whether a scalar there must stay text."""

    wants_string: bool

    def child(self, key: str) -> SchemaCursor | None: ...

    def item(self) -> SchemaCursor | None: ...


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


def where(mark) -> tuple[int, int]:
    """A node mark as the 1-based line and column people read."""
    return mark.line + 1, mark.column + 1


class Stop(Exception):
    """Raised inside construction when going on would be unsafe (too deep, too many alias expansions)."""


class Constructor:
    """Builds plain Python data from a node tree, collecting located findings instead of raising."""

    def __init__(self, display: str, may_alias: bool) -> None:
        self.display = display
        self.findings: list[Finding] = []
        self.count = 0
        # Without a '*' there is no alias, and the file-size bound already bounds the node count.
        self.node_limit = MAX_NODES if may_alias else float("inf")

    def fail(self, node, rule: str, message: str) -> None:
        line, column = where(node.start_mark)
        self.findings.append(Finding(self.display, line, column, Severity.ERROR, rule, message))

    def build(self, node, cursor: SchemaCursor | None, depth: int = 0) -> Any:
        self.count += 1
        if self.count > self.node_limit:
            self.fail(node, YAML_ALIAS_LIMIT.id, f"aliases ('*name') here expand to more than {MAX_NODES:,} values; "
                      "the file is refused rather than expanded (is it an 'alias bomb'?)")
            raise Stop
        if depth > MAX_DEPTH:
            self.fail(node, YAML_TOO_DEEP.id, f"the data is nested more than {MAX_DEPTH} levels deep "
                      "(or an alias refers to itself)")
            raise Stop
        kind = type(node)
        if kind is ScalarNode:
            return self.scalar(node, cursor)
        if kind is SequenceNode:
            if node.tag != SEQ:
                self.fail(node, YAML_TAG.id, f"the tag '{node.tag}' is not allowed; remove it")
            item = cursor.item() if cursor else None
            return [self.build(child, item, depth + 1) for child in node.value]
        if node.tag != MAP:
            self.fail(node, YAML_TAG.id, f"the tag '{node.tag}' is not allowed; remove it")
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
        self.fail(key_node, YAML_DUPLICATE_KEY.id, f"'{key}' appears twice in the same block (first on line "
                  f"{first.start_mark.line + 1}); YAML would silently keep only the last one, so remove one of them")

    def key(self, node) -> str | None:
        if not isinstance(node, ScalarNode):
            self.fail(node, YAML_KEY_TYPE.id, "a key must be plain text, not a list or a block")
            return None
        if node.tag == STR:
            return node.value
        value = resolve_core(node.value) if node.tag == PLAIN else None
        if node.tag != PLAIN or not isinstance(value, str):
            self.fail(node, YAML_KEY_TYPE.id, f"the key '{node.value}' is read as "
                      f"{_describe(value) if node.tag == PLAIN else 'a tagged value'}, but keys must be text: "
                      "put it in quotes")
            return None
        return value

    def scalar(self, node: ScalarNode, cursor: SchemaCursor | None) -> Any:
        text, tag = node.value, node.tag
        if tag == STR:
            if node.style == '"' and (found := _CONTROL.search(text)):
                self.fail(node, YAML_CONTROL_CHARACTER.id, f"this text holds an invisible control character "
                          f"(\\x{ord(found.group()):02x}, an escape in the quotes) that no document can show: remove it")
            return text
        if tag == PLAIN:
            if text == "" or text in _NULLS:
                return None
            if cursor is not None and cursor.wants_string:
                return text
            return text if text[:1] not in _NUMERIC_START and text not in _SPECIAL_WORDS else resolve_core(text)
        expected = {INT: int, FLOAT: (int, float), BOOL: bool, NULL: type(None)}.get(tag)
        if expected is None:
            self.fail(node, YAML_TAG.id, f"the tag '{tag}' is not allowed here; roledocs reads plain data only")
            return None
        value = None if text == "" else resolve_core(text)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            self.fail(node, YAML_TAG.id, f"'{text}' is not a valid value for the tag '{tag}'")
        return value


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a yes/no value"
    return "a number"
