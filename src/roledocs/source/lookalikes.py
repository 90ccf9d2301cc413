"""Characters that look like YAML's own but are not: a non-breaking space pasted from Word after `title:`, a
zero-width space inside a key, curly quotes around a value. YAML reads each as text, so the error it reports (if
any) comes a line later and names none of them; these findings name the character where it is, with the fix."""
from __future__ import annotations

import re
import unicodedata

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..findings import Finding, Severity
from .checks.reading import YAML_LOOKALIKE_CHARACTER

RULE = YAML_LOOKALIKE_CHARACTER.id
# Spaces that are not YAML's space (U+0020), and characters that show nothing at all
_NAMES = {"\u00a0": "non-breaking space", "\u202f": "narrow non-breaking space", "\u2007": "figure space",
          "\u3000": "ideographic space", "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
          "\u200d": "zero-width joiner", "\u2060": "word joiner", "\ufeff": "zero-width no-break space"}
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u200b-\u200d\u2060\ufeff"
_LOOKALIKE = f"[{_SPACES}{_INVISIBLE}]"
_ANY = re.compile(_LOOKALIKE)
# The places in a line where YAML wants a plain space: in the indentation, after a key's ':' and after a list's '-'
_INDENT = re.compile(rf"^ *(?:- +)*(?P<char>{_LOOKALIKE})")
_AFTER_KEY = re.compile(rf"^ *(?:- +)*(?P<key>[^\s:#'\"][^:#]*?)(?P<sep>:)(?P<char>{_LOOKALIKE})")
_AFTER_DASH = re.compile(rf"^ *(?:- +)*-(?P<char>{_LOOKALIKE})")
# Curly quotes where YAML would take straight ones: at the start of a value, after 'key: ' or '- '
_CURLY_OPEN, _CURLY_CLOSE = "\u201c\u201e\u2018\u201a\u00ab", "\u201d\u201c\u2019\u2018\u00bb"
_CURLY_VALUE = re.compile(rf"^ *(?:- +)*(?:(?P<key>[^\s:#'\"][^:#]*?): +|- +)(?P<char>[{_CURLY_OPEN}])")


def name_of(char: str) -> str:
    """A character as people know it: 'non-breaking space (U+00A0)'."""
    name = _NAMES.get(char) or unicodedata.name(char, "unnamed character").lower()
    return f"{name} (U+{ord(char):04X})"


def curly_quoted(value: object) -> str | None:
    """The text inside, when a value is wrapped in curly quotes (“>= 95%”), which YAML keeps as part of the text."""
    if isinstance(value, str) and len(value) >= 2 and value[0] in _CURLY_OPEN and value[-1] in _CURLY_CLOSE:
        return value[1:-1].strip()
    return None


def curly_hint(value: object) -> str:
    """The end of a message about a value wrapped in curly quotes; nothing for any other value."""
    inner = curly_quoted(value)
    if inner is None:
        return ""
    return (f"; it is wrapped in curly quotes ({value[0]} {value[-1]}), which YAML keeps as part of the text "
            f"(a word processor's 'smart quotes'): write \"{inner}\" with straight quotes")


def _finding(display: str, line: int, column: int, message: str) -> Finding:
    return Finding(display, line, column, Severity.ERROR, RULE, message)


def in_lines(display: str, text: str, first: int, last: int) -> Finding | None:
    """The first look-alike character where YAML syntax wants its own, on lines first..last (1-based): where a
    syntax error was found, so that the error names its cause."""
    lines = text.split("\n")
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        line = lines[number - 1].rstrip("\r")
        if (match := _AFTER_KEY.match(line)) is not None:
            key, char = match["key"].strip(), match["char"]
            return _finding(display, number, match.start("char") + 1, f"a {name_of(char)} after '{key}:' instead "
                            f"of a normal space, so YAML does not see the key (it was most likely pasted from a word "
                            f"processor): replace the {_NAMES.get(char, 'character')} after '{key}:' with a normal "
                            "space")
        if (match := _INDENT.match(line) or _AFTER_DASH.match(line)) is not None:
            char = match["char"]
            return _finding(display, number, match.start("char") + 1, f"a {name_of(char)} where YAML needs a "
                            f"normal space (to indent, or after '-'): replace it with a normal space")
        if (match := _CURLY_VALUE.match(line)) is not None:
            char = match["char"]
            return _finding(display, number, match.start("char") + 1, f"a curly quote ({char}) opens this value, "
                            "but YAML quotes only with straight quotes (\" or '), so the text runs on as if it had "
                            "none (a word processor's 'smart quotes'): write the quotes as \"")
    return None


def in_nodes(display: str, root) -> list[Finding]:
    """Look-alike and invisible characters that a file parsed with but that cannot be meant: in a key (it would
    then be an unknown key, or a RACI column of its own), or at the start or end of a plain value."""
    found: list[Finding] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and (at := _ANY.search(key.value)) is not None:
                    found.append(_scalar_finding(display, key, at.start(), "in the key {}, which is then not the "
                                                 "key it looks like"))
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, ScalarNode) and not node.style and node.value:  # plain: libyaml says '', PyYAML None
            for index, edge in ((0, "start"), (len(node.value) - 1, "end")):
                if _ANY.match(node.value[index]) is not None:
                    found.append(_scalar_finding(display, node, index, f"at the {edge} of the value {{}}"))
                    break
    return sorted(found, key=Finding.sort_key)


def _scalar_finding(display: str, node: ScalarNode, index: int, where: str) -> Finding:
    char = node.value[index]
    quoted = 1 if node.style in ("'", '"') else 0
    line = node.start_mark.line + 1 + node.value.count("\n", 0, index)
    column = node.start_mark.column + 1 + quoted + index if line == node.start_mark.line + 1 else \
        index - node.value.rfind("\n", 0, index)
    shown = "'" + _ANY.sub(lambda m: f"\\u{ord(m[0]):04x}", node.value) + "'"  # the invisible made visible
    looks = "no one can see" if re.match(f"[{_INVISIBLE}]", char) else "looks like a normal space"
    return _finding(display, line, column, f"a {name_of(char)}, which {looks}, {where.format(shown)} "
                    "(most likely pasted from a word processor): delete it, or replace it with a normal space")


def has_lookalikes(text: str) -> bool:
    """Whether a text holds any look-alike or invisible character at all (most files hold none: checked at once)."""
    return not text.isascii() and _ANY.search(text) is not None
