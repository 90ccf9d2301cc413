"""Safe, exact YAML loading: every bad input is a located finding (exit 1, no traceback); odd but valid input loads."""
from __future__ import annotations

import os

import json
from pathlib import Path

import pytest

from tests.support import FIXTURES
from roledocs.source.catalogue import load_file
from roledocs.check.validate import validate

ANALYST = (FIXTURES / "valid" / "roles" / "analyst.yaml").read_text(encoding="utf-8")


def _check(cli, content: str | bytes, name: str = "analyst.yaml") -> tuple[int, list[tuple[int, int, str]], list[dict]]:
    """Write one file in the (catalogue-less) working folder and validate it: exit code, (line, col, rule)s, findings."""
    path = Path(name)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    run = cli("validate", "--format", "json", name)
    assert "Traceback" not in run.out + run.err
    findings = json.loads(run.out)
    return run.code, [(f["line"], f["column"], f["rule"]) for f in findings], findings


BAD_TEXT = {
    "syntax error": ("roledocs: 1\ntitle: [Lead\nkind: role\n", [(2, 8, "yaml-syntax")]),  # where [ opens
    "unclosed quote": ('roledocs: 1\ntitle: "Lead\n', [(2, 8, "yaml-syntax")]),
    "tab indentation": ("roledocs: 1\nduties:\n\t- id: x\n", [(3, 1, "yaml-syntax")]),
    "empty file": ("", [(1, 1, "file-empty")]),
    "only whitespace": ("\n   \n\n", [(1, 1, "file-empty")]),
    "comment-only file": ("# roledocs: 1\n# kind: role\n", [(1, 1, "file-empty")]),
    "top-level list": ("- roledocs: 1\n- kind: role\n", [(1, 1, "yaml-not-mapping")]),
    "top-level scalar": ("# a comment first\nIT Project Manager\n", [(2, 1, "yaml-not-mapping")]),
    "top-level number": ("42\n", [(1, 1, "yaml-not-mapping")]),
    "multi-document file": ("roledocs: 1\n---\nkind: role\n", [(2, 1, "yaml-multiple-documents")]),
    "explicit second document": ("---\nroledocs: 1\n...\n---\nkind: role\n", [(4, 1, "yaml-multiple-documents")]),
    "duplicate key": ("roledocs: 1\nkind: role\nid: analyst\nid: analyst\n", [(4, 1, "yaml-duplicate-key")]),
    "nested duplicate key": (ANALYST.replace("    time_share: 70\n", "    time_share: 70\n    time_share: 30\n"),
                             [(12, 5, "yaml-duplicate-key")]),
    "number key": ("roledocs: 1\n2026: budget\n", [(2, 1, "yaml-key-type")]),
    "boolean key": ("roledocs: 1\ntrue: yes\n", [(2, 1, "yaml-key-type")]),
    "null key": ("roledocs: 1\n~: nothing\n", [(2, 1, "yaml-key-type")]),
    "list key": ("roledocs: 1\n? [a, b]\n: c\n", [(2, 3, "yaml-key-type")]),
    "mapping key": ("roledocs: 1\n{a: b}: c\n", [(2, 1, "yaml-key-type")]),
    "python object tag": ("roledocs: 1\nkind: role\ntitle: !!python/object:os.system {}\n", [(3, 8, "yaml-tag")]),
    "python apply tag": ("roledocs: 1\nx: !!python/object/apply:os.system [ls]\n", [(2, 4, "yaml-tag")]),
    "python name tag on a scalar": ("roledocs: 1\nx: !!python/name:os.system ''\n", [(2, 4, "yaml-tag")]),
    "custom tag": ("roledocs: 1\nkind: role\ntitle: !custom Lead\n", [(3, 8, "yaml-tag")]),
    "custom tag on the document": ("--- !role\nroledocs: 1\n", [(1, 5, "yaml-tag")]),
    "binary tag": ("roledocs: 1\nx: !!binary aGVsbG8=\n", [(2, 4, "yaml-tag")]),
    "set tag": ("roledocs: 1\nx: !!set {a, b}\n", [(2, 4, "yaml-tag")]),
    "timestamp tag": ("roledocs: 1\nx: !!timestamp 2026-01-01\n", [(2, 4, "yaml-tag")]),
    "int tag on text": ("roledocs: 1\nx: !!int ten\n", [(2, 4, "yaml-tag")]),
    "NUL escape": ('roledocs: 1\nkind: role\ntitle: "Lead\\x00"\n', [(3, 8, "yaml-control-character")]),
    "bell escape in a list": ('roledocs: 1\nx: [ok, "\\a"]\n', [(2, 9, "yaml-control-character")]),
    "C1 escape": ('roledocs: 1\nx: "a\\x9b"\n', [(2, 4, "yaml-control-character")]),
    "undefined alias": ("roledocs: 1\ntitle: *nowhere\n", [(2, 8, "yaml-syntax")]),
    "flow nesting 1000 deep": ("roledocs: 1\nx: " + "[" * 1000 + "]" * 1000 + "\n", [(2, 1003, "yaml-too-deep")]),
    "flow mapping nesting 1000 deep": ("x: " + "{a: " * 1000 + "}" * 1000 + "\n", [(1, 4000, "yaml-too-deep")]),
    "block sequence nesting 1000 deep": ("roledocs: 1\nx:\n" + "- " * 1000 + "leaf\n", [(3, 1999, "yaml-too-deep")]),
    "block mapping nesting 1000 deep": ("".join(" " * i + f"k{i}:\n" for i in range(1000)) + " " * 1000 + "k: v\n",
                                        [(1000, 1004, "yaml-too-deep")]),
    "nesting 60 deep": ("roledocs: 1\nx: " + "[" * 60 + "]" * 60 + "\n", [(2, 54, "yaml-too-deep")]),
}


@pytest.mark.parametrize("case", list(BAD_TEXT))
def test_bad_input_is_a_located_finding(case, cli):
    text, expected = BAD_TEXT[case]
    code, got, _ = _check(cli, text)
    assert code == 1
    assert got == expected


def test_bad_input_through_the_library_api():
    Path("analyst.yaml").write_text("roledocs: 1\n? [a]\n: b\n", encoding="utf-8")
    result = validate(["analyst.yaml"])
    assert [(f.line, f.column, f.rule) for f in result.findings] == [(2, 3, "yaml-key-type")]
    assert result.failed()


def test_duplicate_key_names_the_line_of_the_first(cli):
    _, got, findings = _check(cli, "roledocs: 1\nkind: role\ntitle: A\nid: analyst\ntitle: B\n")
    assert got == [(5, 1, "yaml-duplicate-key")]
    assert "'title'" in findings[0]["message"] and "line 3" in findings[0]["message"]


def test_syntax_error_shows_the_line_with_a_caret(cli):
    Path("analyst.yaml").write_text("roledocs: 1\nduties:\n\t- id: x\n", encoding="utf-8")
    run = cli("validate", "analyst.yaml")
    assert run.code == 1
    first, source, caret = run.out.splitlines()[:3]
    assert first.startswith("analyst.yaml:3:1: error yaml-syntax: ")
    assert "tab" in first
    assert source.strip() == "- id: x" and caret.strip() == "^"


ALIAS_BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]\n" for prev, name in zip("abcdefghijklmnopqrs", "bcdefghijklmnopqrst"))


def test_alias_bomb_is_refused_without_expanding_it(cli):
    """10^20 values if expanded: finishing at all proves it was not."""
    code, got, findings = _check(cli, ALIAS_BOMB)
    assert code == 1
    assert [rule for _, _, rule in got] == ["yaml-alias-limit"]
    assert got[0][0] in (1, 2) and got[0][1] >= 1
    assert "10,000" in findings[0]["message"]


def test_self_referencing_alias_is_refused(cli):
    code, got, _ = _check(cli, "roledocs: 1\nx: &loop [a, *loop]\n")
    assert code == 1
    assert [rule for _, _, rule in got] in (["yaml-syntax"], ["yaml-too-deep"], ["yaml-alias-limit"])
    assert all(line == 2 for line, _, _ in got)


def test_50_megabyte_file_is_refused_before_parsing(cli):
    with open("analyst.yaml", "wb") as handle:
        handle.write(b"roledocs: 1\n")
        handle.truncate(50 * 1024 * 1024)
    run = cli("validate", "--format", "json", "analyst.yaml")
    findings = json.loads(run.out)
    assert run.code == 1
    assert [(f["line"], f["column"], f["rule"]) for f in findings] == [(1, 1, "file-too-large")]
    assert "52,428,800 bytes" in findings[0]["message"]


def test_latin1_bytes_name_the_byte_offset(cli):
    content = "roledocs: 1\nkind: role\ntitle: Café\n".encode("latin-1")
    code, got, findings = _check(cli, content)
    assert code == 1
    assert got == [(3, 11, "file-encoding")]
    assert f"offset {content.index(0xE9)}" in findings[0]["message"]
    assert "0xE9" in findings[0]["message"] and "UTF-8" in findings[0]["message"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_refused(encoding, cli):
    """`utf-16` writes a BOM; the -le/-be forms do not: both are caught."""
    code, got, findings = _check(cli, ANALYST.encode(encoding))
    assert code == 1
    assert got == [(1, 1, "file-encoding")]
    assert "UTF-8" in findings[0]["message"]


@pytest.mark.parametrize("content, place", [
    (ANALYST.encode() + b"x-bin: \x00\n", (len(ANALYST.splitlines()) + 1, 8)),
    (b"roledocs: 1\ntitle: bell\x07here\n", (2, 12)),
    ("roledocs: 1\ntitle: Caf\u00e9 \u2192 \x1b\n".encode(), (2, 15)),
])
def test_control_characters_are_located(content, place, cli):
    """A stray control character in a UTF-8 file is placed by line and column (libyaml counts bytes, not letters)."""
    code, got, findings = _check(cli, content)
    assert code == 1
    assert got == [(*place, "yaml-syntax")]
    assert "cannot appear in YAML" in findings[0]["message"]


# Accepted input ----------------------------------------------------------------------------------------------------

def test_utf8_bom_is_accepted(cli):
    assert _check(cli, "\ufeff" + ANALYST)[:2] == (0, [])


def test_crlf_line_endings_are_accepted_and_located(cli):
    assert _check(cli, ANALYST.replace("\n", "\r\n"))[:2] == (0, [])
    broken = ANALYST.replace("  - name: Requirements engineering\n    level: 4",
                             "  - name: Requirements engineering\n    level: 6").replace("\n", "\r\n")
    assert _check(cli, broken)[:2] == (1, [(18, 12, "out-of-range")])


def test_bom_and_crlf_together(cli):
    assert _check(cli, ("\ufeff" + ANALYST).replace("\n", "\r\n"))[:2] == (0, [])


@pytest.mark.parametrize("text", ["NO", "no", "yes", "Yes", "on", "off", "y", "n", "2026-01-01", "2026-01-01T10:00:00",
                                  "0755", "1e3", "010", "0x1F", "0o17", "1_000", "12:30", ".5", "+1", "-0", ".inf",
                                  "true", "false", "3.14"])
def test_string_fields_keep_the_text_as_written(text, cli):
    content = ANALYST.replace("title: Business Analyst", f"title: Business Analyst\nlevel: {text}\nlocation: {text}")
    Path("analyst.yaml").write_text(content, encoding="utf-8")
    document, findings, *_ = load_file(Path("analyst.yaml"), "analyst.yaml")
    assert findings == []
    assert document.data["level"] == text and document.data["location"] == text
    assert cli("validate", "analyst.yaml").code == 0


@pytest.mark.parametrize("text, value", [("yes", "yes"), ("NO", "NO"), ("on", "on"), ("true", True), ("false", False),
                                         ("010", 10), ("0o10", 8), ("0x10", 16), ("1e3", 1000.0), ("null", None),
                                         ("2026-01-01", "2026-01-01"), ("0755", 755),
                                         (".inf", ".inf"), ("-.Inf", "-.Inf"), (".nan", ".nan"), ("1e999", "1e999")])
def test_extension_values_follow_yaml_1_2_core(text, value):
    """Where the schema says nothing (`x-` keys), plain scalars resolve by YAML 1.2: only true/false are booleans."""
    Path("analyst.yaml").write_text(ANALYST + f"x-value: {text}\n", encoding="utf-8")
    document, findings, *_ = load_file(Path("analyst.yaml"), "analyst.yaml")
    assert findings == []
    assert document.data["x-value"] == value and type(document.data["x-value"]) is type(value)


@pytest.mark.parametrize("text", [".nan", ".inf", "-.inf", "1e999", "!!float .nan"])
def test_infinity_and_not_a_number_are_not_numbers(text, cli):
    """JSON has no such numbers (a JobPosting with NaN is not JSON) and `max >= min` means nothing for them."""
    code, got, findings = _check(cli, ANALYST + f"compensation: {{currency: EUR, min: {text}, max: 60000, period: year}}\n")
    assert code == 1
    assert [rule for _, _, rule in got] == ["yaml-tag" if text.startswith("!!") else "wrong-type"]
    if not text.startswith("!!"):
        assert "infinite or not a number" in findings[0]["message"]


def test_yaml_1_1_booleans_in_a_boolean_field_are_errors(cli):
    code, got, findings = _check(cli, ANALYST.replace("    level: 4", "    level: 4\n    required: yes"))
    assert code == 1
    assert got == [(19, 15, "wrong-type")]


def test_tabs_line_breaks_and_printable_escapes_are_text(cli):
    """Only invisible control characters are refused: tabs, line breaks, NEL and printable escapes are text."""
    text = ANALYST + 'x-note: "a\\tb\\nc\\r\\N\\u00e9\\x41"\n'
    Path("analyst.yaml").write_text(text, encoding="utf-8")
    document, findings, *_ = load_file(Path("analyst.yaml"), "analyst.yaml")
    assert findings == [] and document.data["x-note"] == "a\tb\nc\r\x85éA"


def test_quoted_and_tagged_strings_stay_strings():
    content = ANALYST.replace("title: Business Analyst", "title: Business Analyst\nlevel: !!str 010\nlocation: 'on'")
    Path("analyst.yaml").write_text(content, encoding="utf-8")
    document, findings, *_ = load_file(Path("analyst.yaml"), "analyst.yaml")
    assert findings == []
    assert (document.data["level"], document.data["location"]) == ("010", "on")


def test_fixture_scalars_keep_their_text():
    path = FIXTURES / "valid" / "roles" / "edge-scalars.yaml"
    document, findings, *_ = load_file(path, "edge-scalars.yaml")
    assert findings == []
    data = document.data
    assert (data["title"], data["family"], data["level"], data["location"], data["summary"]) == \
           ("on", "yes", "0755", "NO", "2026-01-01")
    assert data["duties"][0]["title"] == "1e3"
    assert data["kpis"][0]["name"] == "010"
    assert data["qualifications"] == {"education": ["~no", "2026-01-01"], "experience": ["yes", "0x1F"]}


def test_aliases_within_the_bound_are_expanded():
    content = ANALYST.replace("description: Write requirements with", "description: &text Write requirements with")
    content = content.replace("description: Draw the current and future business processes in BPMN.",
                              "description: *text")
    content += "x-many: &many [" + ", ".join(["v"] * 90) + "]\nx-copies: [" + ", ".join(["*many"] * 90) + "]\n"
    Path("analyst.yaml").write_text(content, encoding="utf-8")
    document, findings, *_ = load_file(Path("analyst.yaml"), "analyst.yaml")
    assert findings == []
    assert document.data["duties"][1]["description"] == document.data["duties"][0]["description"]
    assert len(document.data["x-copies"]) == 90 and document.data["x-copies"][0] == ["v"] * 90


X_KEYS = {
    "top level": ("kpis:", "x-cost-centre: 4711\nkpis:"),
    "duty": ("    time_share: 70", "    time_share: 70\n    x-owner: {team: core}"),
    "skill": ("    level: 4", "    level: 4\n    x-assessed-by: [interview, test]"),
    "kpi": ("    frequency: monthly", "    frequency: monthly\n    x-source: Jira"),
    "occupation": ("summary:", "occupation:\n  isco: '2511'\n  x-local-code: B-17\nsummary:"),
    "qualifications": ("kpis:", "qualifications:\n  education: [BSc]\n  x-note: or equivalent\nkpis:"),
    "compensation": ("kpis:", "compensation:\n  currency: EUR\n  min: 1\n  max: 2\n  period: year\n  x-band: B3\nkpis:"),
}


@pytest.mark.parametrize("place", list(X_KEYS))
def test_x_keys_are_allowed_everywhere(place, cli):
    old, new = X_KEYS[place]
    assert old in ANALYST
    assert _check(cli, ANALYST.replace(old, new, 1))[:2] == (0, [])


def test_x_keys_in_team_objects_are_allowed(cli, tmp_path):
    team = (FIXTURES / "valid" / "teams" / "core-team.yaml").read_text(encoding="utf-8")
    team = team.replace("mission:", "x-budget: 1\nmission:").replace("    headcount: 2", "    headcount: 2\n    x-seat: A")
    team = team.replace("      - name: Dana Reyes", "      - name: Dana Reyes\n        x-started: 2024-03-01")
    team = team.replace("    name: Customer", "    name: Customer\n    x-contact: ops@example.com")
    team = team.replace("    phase: Plan", "    phase: Plan\n    x-gate: G1")
    assert _check(cli, team, name="core-team.yaml")[:2] == (0, [])


def test_a_pipe_named_like_a_role_file_is_refused_not_read(cli, tmp_path):
    """Reading a FIFO would block for ever."""
    os.mkfifo("pipe.yaml")
    run = cli("validate", ".")
    assert run.code == 1
    assert "pipe.yaml: error file-unreadable: this is not a regular file" in run.out


@pytest.mark.parametrize("text, rule, words", [("", "file-empty", "the catalogue config starts with"),
                                                ("- a\n", "yaml-not-mapping", "the catalogue config must be")])
def test_a_broken_config_is_described_as_the_config(text, rule, words, cli):
    Path("roledocs.yaml").write_text(text, encoding="utf-8")
    run = cli("validate", "--format", "json", ".")
    [finding] = json.loads(run.out)
    assert (finding["rule"], words in finding["message"]) == (rule, True)


@pytest.mark.parametrize("character", ["\u2028", "\u2029", "\x85"])
def test_yaml_1_1_line_breaks_are_ordinary_characters(character, cli):
    """YAML 1.2 reads NEL, LS and PS as text (libyaml, like YAML 1.1, would break the line there)."""
    text = ANALYST.replace("title: Business Analyst", f"title: Business{character}Analyst")
    assert text != ANALYST
    places = []
    for variant in (ANALYST, text):  # a syntax error below is reported on the same line either way
        Path("analyst.yaml").write_text(variant + "reports_to: [\n", encoding="utf-8")
        [finding] = json.loads(cli("validate", "--format", "json", "analyst.yaml").out)
        places.append((finding["rule"], finding["line"], finding["column"]))
    assert places[0] == places[1] and places[0][0] == "yaml-syntax"
    Path("analyst.yaml").write_text(text, encoding="utf-8")
    document, findings, *_ = load_file(Path("analyst.yaml"), "analyst.yaml")
    assert findings == [] and document.data["title"] == f"Business{character}Analyst"


@pytest.mark.parametrize("text, place, words", [
    ("roledocs: 1\nkind: [role\n", (2, 7), "'[' opened here is never closed"),
    ("roledocs: 1\nkind: {role: 1\n", (2, 7), "'{' opened here is never closed"),
    ("roledocs: 1\nkind: [role, team\nid: x\n", (2, 7), "'[' opened here is never closed"),
])
def test_an_unclosed_bracket_is_placed_where_it_opens_with_a_caret(text, place, words, cli):
    Path("bad.yaml").write_text(text, encoding="utf-8")
    run = cli("validate", "bad.yaml")
    first, source, caret = run.out.splitlines()[:3]
    assert first.startswith(f"bad.yaml:{place[0]}:{place[1]}: error yaml-syntax: ") and words in first
    assert source.strip() == text.splitlines()[place[0] - 1] and caret.index("^") == 4 + place[1] - 1
