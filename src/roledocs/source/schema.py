"""The bundled JSON Schemas: loaded once, a fast pass/fail check, and schema errors turned into located findings."""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..findings import Finding, Severity
from ..hints import closest
from .construct import resolve_core
from .lookalikes import curly_hint
from .language import HELP as _LANGUAGE_HELP, PATTERN as _LANGUAGE_TAG
from .profiles import DEFAULT as DEFAULT_PROFILE, PROFILES
from .checks.schema import (EMPTY_VALUE, INVALID_FORMAT, INVALID_VALUE, MISSING_KEY, OUT_OF_RANGE, TOO_FEW_ITEMS, TOO_LONG, UNKNOWN_KEY,
    WRONG_TYPE)

if TYPE_CHECKING:  # a Document is only handed in: importing it would tie the schema to the loader
    from .document import Document

KINDS = ("role", "team", "config")


@cache
def schema_text(kind: str) -> str:
    """The JSON Schema of a kind of file, as shipped in the package."""
    return resources.files("roledocs.schemas").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")


@cache
def schema(kind: str) -> dict:
    """The JSON Schema of a kind of file, parsed once."""
    return json.loads(schema_text(kind))


class Cursor:
    """A place in a schema, following $ref; tells the loader which scalars must stay text.

    Children are memoised: the loader asks for the same few hundred places in every file.
    """

    __slots__ = ("node", "root", "wants_string", "_children", "_item")

    def __init__(self, node: dict, root: dict) -> None:
        while "$ref" in node and node["$ref"].startswith("#/$defs/"):
            merged = dict(root["$defs"][node["$ref"][len("#/$defs/"):]])
            merged.update({k: v for k, v in node.items() if k != "$ref"})
            node = merged
        self.node, self.root = node, root
        self.wants_string = node.get("type") == "string"
        self._children: dict[str, Cursor | None] = {}
        self._item: list[Cursor | None] = []

    def _at(self, sub: Any) -> Cursor | None:
        return Cursor(sub, self.root) if isinstance(sub, dict) else None

    def child(self, key: str) -> Cursor | None:
        try:
            return self._children[key]
        except KeyError:
            props = self.node.get("properties", {})
            found = self._at(props[key] if key in props else self.node.get("additionalProperties"))
            if len(self._children) < 256:  # bounded: free-form maps (people's skills) have user-chosen keys
                self._children[key] = found
            return found

    def item(self) -> Cursor | None:
        if not self._item:
            self._item.append(self._at(self.node.get("items")))
        return self._item[0]

    def walk(self, location) -> Cursor | None:
        cursor: Cursor | None = self
        for step in location:
            if cursor is None:
                return None
            cursor = cursor.item() if isinstance(step, int) else cursor.child(step)
        return cursor


@cache
def cursor(kind: str) -> Cursor:
    """The top of a kind's schema, cached so each file does not rebuild it."""
    return Cursor(schema(kind), schema(kind))


@cache
def _fast_validator(kind: str):
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - jsonschema-rs is a dependency, but the slow path still works
        return _validator(kind)
    return jsonschema_rs.validator_for(schema(kind))


@cache
def _validator(kind: str):
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(kind))


def check(document: Document) -> list[Finding]:
    """Schema findings for a document; the fast validator decides, the slow one explains only files that fail."""
    return check_keys(document)[0]


def check_keys(document: Document) -> tuple[list[Finding], frozenset[str] | None]:
    """Schema findings for a document, and the top-level keys they lie in (None: the file as a whole is wrong), so
    that the rules reading other keys can still check it (see catalogue.Partial)."""
    if _fast_validator(document.kind).is_valid(document.data):
        return [], frozenset()
    findings: dict[Finding, None] = {}
    broken: set[str] | None = set()
    for error in _validator(document.kind).iter_errors(document.data):
        findings.update(dict.fromkeys(explain(document, error)))
        broken = _broken_keys(error, broken)
    return list(findings), None if broken is None else frozenset(broken)


def _broken_keys(error, broken: set[str] | None) -> set[str] | None:
    """The top-level keys a schema error makes unusable, added to `broken` (None once the whole file is)."""
    if broken is None:
        return None
    location = tuple(error.absolute_path)
    if location:
        return broken | {str(location[0])}
    if error.validator == "required":
        return broken | {key for key in error.validator_value if key not in error.instance}
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known, patterns = error.schema.get("properties", {}), error.schema.get("patternProperties", {})
        return broken | {str(key) for key in error.instance
                         if key not in known and not any(re.search(p, str(key)) for p in patterns)}
    return None


def _label(location) -> str:
    parts = []
    for step in location:
        parts.append(f"[{step + 1}]" if isinstance(step, int) else ("." if parts else "") + str(step))
    return "".join(parts) or "the file"


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, (dict, list)):
        return "a block" if isinstance(value, dict) else "a list"
    return f"'{str(value).translate(_VISIBLE)}'"


# Control characters shown as escapes, so a message prints them (a tab, a NUL) instead of acting on the terminal.
_VISIBLE = {c: f"\\x{c:02x}" for c in [*range(32), 127]} | {9: "\\t", 10: "\\n", 13: "\\r"}


def _suggest(word: str, choices) -> str:
    close = closest(str(word), choices, ignore_case=True)
    return f" (did you mean '{close}'?)" if close else ""


_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "object": "a block of 'key: value' lines", "array": "a list ('- ' items)"}
PLACEHOLDER = re.compile(r"\bTODO\b")  # the mark of an unfilled placeholder (see placeholder-text)
_ID_HELP = "use lower-case letters, digits and single hyphens, at most 64 characters, like 'it-project-manager'"
# The config paths' pattern: no control character up to the very end (`$` would let a final line break through).
_NO_CONTROL = "^[^\\u0000-\\u001F\\u007F]*(?![\\s\\S])"
_DATE = schema("role")["$defs"]["date"]["pattern"]
_PATTERN_HELP = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": _ID_HELP,
    **{profile.pattern: (f"use {profile.letters_help()}" if profile.id == DEFAULT_PROFILE else
                         f"a {profile.title} team (raci_profile: {profile.id}) uses {profile.letters_help()}")
       for profile in PROFILES.values()},
    _DATE: "write the date as YYYY-MM-DD, a day of the calendar, like '2025-03-01'",
    _NO_CONTROL: "a path holds no control characters (tabs, line breaks, NUL); write the folder or file name as it is",
    _LANGUAGE_TAG: f"use a BCP 47 language tag: {_LANGUAGE_HELP}",
}


_NOT_BLANK = "\\S"  # the schemas' pattern for text that must say something: at least one character not a space
_UNQUOTE = ": write it without quotes"
_IS_TYPE = {"integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "boolean": lambda v: isinstance(v, bool)}


def _literal(value: Any) -> str:
    """A value as it is written in YAML: numbers and true/false bare, text in quotes."""
    return _show(value) if isinstance(value, (str, dict, list)) or value is None else _show(value).strip("'")


def _quoted(value: Any, wanted) -> bool:
    """Whether text would be a wanted number or true/false if it were written without quotes (`roledocs: "1"`)."""
    if not isinstance(value, str):
        return False
    bare = resolve_core(value.strip())
    return not isinstance(bare, str) and bare is not None and wanted(bare)


def _not_allowed(name: str, value: Any, allowed: list) -> str:
    listing = ", ".join(_literal(a) for a in allowed)
    if isinstance(value, str) and not any(isinstance(a, str) for a in allowed):
        numbers = all(isinstance(a, (int, float)) and not isinstance(a, bool) for a in allowed)
        must = (f"the number {listing}" if len(allowed) == 1 else f"one of the numbers {listing}") if numbers \
            else f"one of {listing}" if len(allowed) > 1 else listing
        fix = _UNQUOTE if _quoted(value, lambda bare: type(bare) in {type(a) for a in allowed}) else ""
        return f"{name} is the text {_show(value)}, but it must be {must}{fix}"
    return (f"{_literal(value)} is not allowed for {name}; use {listing}"
            f"{_suggest(value, allowed) if isinstance(value, str) else ''}.")


_NOT_FINITE = re.compile(r"[-+]?(\.(inf|Inf|INF|nan|NaN|NAN)|[0-9.]+[eE][-+]?[0-9]+)\Z")  # YAML 1.2 floats kept as text


def _wrong_type(name: str, value: Any, expected: list[str], about: str) -> str:
    wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
    if _quoted(value, lambda bare: any(_IS_TYPE[t](bare) for t in expected if t in _IS_TYPE)):
        return f"{name} should be {wanted}, but it is the text {_show(value)}{_UNQUOTE}"
    if isinstance(value, float) and "integer" in expected:
        return f"{name} should be {wanted}, but it is {_literal(value)}{about}"
    if isinstance(value, str) and _NOT_FINITE.match(value.strip()) and {"number", "integer"} & set(expected):
        return f"{name} should be {wanted}, but {_show(value)} is infinite or not a number, which no document can " \
               f"show; write a finite number{about}"
    return f"{name} should be {wanted}, but it is {_describe_type(value)}{about}"


def _describe_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if value is None:
        return "empty"
    return "a list" if isinstance(value, list) else "a block"


def explain(document: Document, error, prefix: tuple = ()) -> list[Finding]:
    """Findings for a schema error, at its place in the document (under `prefix`: a part checked alone)."""
    location = prefix + tuple(error.absolute_path)
    name = _label(location)
    info = cursor(document.kind).walk(location)
    about = f" ({info.node['description']})" if info and info.node.get("description") else ""
    value = error.instance
    keyword = error.validator
    found = []

    def at(loc, rule, message, at_key=False):
        found.append(document.finding(loc, Severity.ERROR, rule, message, at_key=at_key))

    if keyword in ("type", "enum", "const") and isinstance(value, str) and PLACEHOLDER.search(value):
        # a gap `roledocs import` or a person left in a field that must be a number or a choice: reported like
        # every other unfilled placeholder (placeholder-text), with what belongs there
        allowed = error.validator_value
        wanted = _TYPE_NAMES.get(allowed, allowed) if keyword == "type" else \
            "one of " + ", ".join(_literal(a) for a in (allowed if keyword == "enum" else [allowed]))
        at(location, "placeholder-text", f"{name} is an unfilled placeholder ({_show(value)}): replace it with "
           f"{wanted}{about}")
    elif keyword == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(error.schema.get("properties", {}))
        for key in value:
            if key in allowed or re.match(r"^x-", str(key)):
                continue
            where = f"in {name}" if location else "at the top of the file"
            at(location + (key,), UNKNOWN_KEY.id, f"'{key}' is not a known key {where}{_suggest(key, allowed)}. "
               f"Allowed keys: {', '.join(allowed)} (or your own keys starting with 'x-').", at_key=True)
    elif keyword == "required":
        for key in error.validator_value:
            if key not in value:
                child = info.child(key) if info else None
                hint = f": {child.node['description']}" if child and child.node.get("description") else ""
                at(location, MISSING_KEY.id, f"'{key}' is missing in {name}{hint}", at_key=True)
    elif keyword in ("enum", "const"):
        allowed = error.validator_value if keyword == "enum" else [error.validator_value]
        message, hint = _not_allowed(name, value, allowed), curly_hint(value)
        at(location, INVALID_VALUE.id, f"{message.rstrip('.')}{hint}." if hint else message)
    elif keyword == "type":
        expected = error.validator_value
        at(location, WRONG_TYPE.id, _wrong_type(name, value, [expected] if isinstance(expected, str) else expected,
                                               about))
    elif "propertyNames" in error.relative_schema_path:
        if "TODO" in str(value):  # a `roledocs new` placeholder
            message = f"a key in {name} is still the placeholder '{value}' from `roledocs new`: replace it ({_ID_HELP})"
        else:
            message = f"'{value}' is not a valid id in {name}: {_ID_HELP}"
        at(location + (value,), INVALID_FORMAT.id, message, at_key=True)
    elif keyword == "pattern" and error.validator_value == _NOT_BLANK:
        if value:  # an empty text fails minLength as well, which says so
            at(location, EMPTY_VALUE.id, f"{name} holds only spaces, so it says nothing{about}")
    elif keyword == "pattern":
        help_text = _PATTERN_HELP.get(error.validator_value, f"it must look like: {_examples(info)}")
        if isinstance(value, str) and "TODO" in value:  # a `roledocs new` placeholder in an id field
            at(location, INVALID_FORMAT.id, f"{name} is still the placeholder {_show(value)} from `roledocs new`: "
               f"replace it ({help_text})")
        else:
            at(location, INVALID_FORMAT.id, f"{_show(value)} is not valid for {name}: {help_text}{curly_hint(value)}")
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        words = {"minimum": "at least", "maximum": "at most", "exclusiveMinimum": "more than",
                 "exclusiveMaximum": "less than"}[keyword]
        at(location, OUT_OF_RANGE.id, f"{name} is {_literal(value)} but must be {words} {error.validator_value}{about}")
    elif keyword in ("minItems", "minProperties"):
        at(location, TOO_FEW_ITEMS.id, f"{name} needs at least {error.validator_value} "
           f"entr{'y' if error.validator_value == 1 else 'ies'}{about}")
    elif keyword == "minLength":
        at(location, EMPTY_VALUE.id, f"{name} is empty{about}")
    elif keyword == "uniqueItems":
        at(location, INVALID_VALUE.id, f"{name} lists the same entry twice; list each once")
    elif keyword == "maxLength":
        at(location, TOO_LONG.id, f"{name} is longer than {error.validator_value} characters")
    else:
        at(location, INVALID_VALUE.id, f"{name}: {error.message}")  # no keyword the bundled schemas use
    return found


def _examples(info: Cursor | None) -> str:
    examples = info.node.get("examples") if info else None
    return ", ".join(_show(e) for e in examples) if examples else "see the schema"
