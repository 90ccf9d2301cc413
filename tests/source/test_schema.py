"""The JSON Schemas: what `roledocs schema` prints, the editor help on every property, and schema findings' places."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.support import FIXTURES, REPO

KINDS = ("role", "team", "config")
ANALYST = (FIXTURES / "valid" / "roles" / "analyst.yaml").read_text(encoding="utf-8")


def _bundled(kind: str) -> dict:
    return json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _properties(node, pointer: str = ""):
    """Every named property schema anywhere in a schema, with its JSON pointer; not the conditions under `allOf`
    (a team's letters per raci_profile), which narrow properties documented where they are declared."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{pointer}/properties/{name}", sub
        for key, sub in node.items():
            if key != "allOf":
                yield from _properties(sub, f"{pointer}/{key}")
    elif isinstance(node, list):
        for index, sub in enumerate(node):
            yield from _properties(sub, f"{pointer}/{index}")


@pytest.mark.parametrize("kind", KINDS)
def test_schema_command_prints_the_bundled_schema(kind, cli):
    run = cli("schema", kind)
    assert run.code == 0
    assert json.loads(run.out) == _bundled(kind)
    packaged = resources.files("roledocs.schemas").joinpath(f"{kind}.schema.json").read_text(encoding="utf-8")
    assert json.loads(packaged) == _bundled(kind)


def test_schema_command_refuses_an_unknown_kind(cli):
    run = cli("schema", "person")
    assert run.code == 2
    assert "invalid choice" in run.err


@pytest.mark.parametrize("kind", KINDS)
def test_schemas_are_valid_draft_2020_12(kind):
    schema = _bundled(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False and "^x-" in schema["patternProperties"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_property_has_a_title_a_description_and_examples(kind):
    """Editors show these as help: the issue asks for them on every property."""
    lacking = [(pointer, field) for pointer, sub in _properties(_bundled(kind))
               for field in ("title", "description", "examples") if not sub.get(field)]
    assert lacking == []
    assert len(list(_properties(_bundled(kind)))) >= (30 if kind == "role" else 10)


@pytest.mark.parametrize("kind", KINDS)
def test_every_example_is_valid_for_its_property(kind):
    """An example an editor suggests must not be rejected by the same schema."""
    schema = _bundled(kind)
    validator = Draft202012Validator(schema)
    wrong = [(pointer, example) for pointer, sub in _properties(schema) for example in sub.get("examples", [])
             if list(validator.evolve(schema=sub).iter_errors(example))]
    assert wrong == []


def _check(cli, text: str, name: str = "analyst.yaml") -> tuple[int, list[dict]]:
    Path(name).write_text(text, encoding="utf-8")
    run = cli("validate", "--format", "json", name)
    return run.code, json.loads(run.out)


def test_unknown_key_is_reported_at_the_key_with_did_you_mean(cli):
    code, findings = _check(cli, ANALYST.replace("    title: Model processes", "    titel: Model processes"))
    assert code == 1
    unknown = [f for f in findings if f["rule"] == "unknown-key"]
    assert [(f["line"], f["column"]) for f in unknown] == [(13, 5)]
    assert "(did you mean 'title'?)" in unknown[0]["message"]
    assert "description" in unknown[0]["message"] and "x-" in unknown[0]["message"]
    missing = [f for f in findings if f["rule"] == "missing-key"]
    assert [(f["line"], f["column"]) for f in missing] == [(12, 5)]


def test_unknown_top_level_key(cli):
    code, findings = _check(cli, ANALYST.replace("summary:", "sumary:"))
    assert code == 1
    assert {(f["line"], f["column"], f["rule"]) for f in findings} == {(6, 1, "unknown-key"), (1, 1, "missing-key")}
    assert "(did you mean 'summary'?)" in next(f for f in findings if f["rule"] == "unknown-key")["message"]


def test_unknown_key_far_from_any_known_key_has_no_guess(cli):
    code, findings = _check(cli, ANALYST + "salary_band: B3\n")
    assert code == 1
    [finding] = findings
    assert (finding["line"], finding["column"], finding["rule"]) == (len(ANALYST.splitlines()) + 1, 1, "unknown-key")
    assert "did you mean" not in finding["message"]


def test_wrong_enum_lists_the_allowed_values(cli):
    code, findings = _check(cli, ANALYST.replace("    time_share: 30", "    time_share: 30\n    frequency: sometimes"))
    assert code == 1
    [finding] = findings
    assert (finding["line"], finding["column"], finding["rule"]) == (16, 16, "invalid-value")
    for value in ("daily", "weekly", "monthly", "quarterly", "yearly", "ongoing", "as-needed"):
        assert f"'{value}'" in finding["message"]


def test_wrong_kind_constant(cli):
    code, findings = _check(cli, ANALYST.replace("roledocs: 1", "roledocs: 2"))
    assert code == 1
    [finding] = findings
    assert (finding["line"], finding["column"], finding["rule"]) == (1, 11, "invalid-value")
    assert "1" in finding["message"]


@pytest.mark.parametrize("bad", ["Analyst", "analyst_1", "-analyst", "analyst-", "a--b", "a" * 65, "'12 3'"])
def test_bad_id_pattern(bad, cli):
    code, findings = _check(cli, ANALYST.replace("  - id: rework", f"  - id: {bad}"))
    assert code == 1
    [finding] = findings
    assert (finding["line"], finding["column"]) == (20, 9)
    assert finding["rule"] in ("invalid-format", "too-long")


def test_bad_id_message_shows_a_good_one(cli):
    _, [finding] = _check(cli, ANALYST.replace("  - id: rework", "  - id: Re_Work"))
    assert finding["rule"] == "invalid-format"
    assert "lower-case" in finding["message"] and "'Re_Work'" in finding["message"]


def test_missing_key_is_reported_at_the_parent_key(cli):
    code, findings = _check(cli, ANALYST + "compensation:\n  currency: EUR\n  min: 50000\n  period: year\n")
    assert code == 1
    [finding] = findings
    assert (finding["line"], finding["column"], finding["rule"]) == (len(ANALYST.splitlines()) + 1, 1, "missing-key")
    assert "'max'" in finding["message"] and "compensation" in finding["message"]


def test_missing_top_level_key_is_reported_at_the_top(cli):
    code, findings = _check(cli, ANALYST.replace("summary: Turns what the customer needs into requirements the team "
                                                 "can build and test.\n", ""))
    assert code == 1
    [finding] = findings
    assert (finding["line"], finding["column"], finding["rule"]) == (1, 1, "missing-key")
    assert "'summary'" in finding["message"]


def test_wrong_type_names_what_was_expected(cli):
    code, findings = _check(cli, ANALYST.replace("    time_share: 70", "    time_share: most"))
    assert code == 1
    [finding] = findings
    assert (finding["line"], finding["column"], finding["rule"]) == (11, 17, "wrong-type")
    assert "a number" in finding["message"]


def test_empty_list_and_empty_text(cli):
    text = ANALYST.replace("title: Business Analyst", "title: ''")
    text = text.split("kpis:")[0] + "kpis: []\n"
    code, findings = _check(cli, text)
    assert code == 1
    assert {(f["line"], f["column"], f["rule"]) for f in findings} == {(4, 8, "empty-value"), (19, 7, "too-few-items")}


def test_several_schema_errors_in_one_file_are_all_reported(cli):
    text = ANALYST.replace("    level: 4", "    level: 0").replace("measure: Share of requirements changed after sign-off", "measure: [a, b]").replace(
        "frequency: monthly", "frequency: hourly")
    code, findings = _check(cli, text)
    assert code == 1
    assert sorted((f["line"], f["rule"]) for f in findings) == [(18, "out-of-range"), (22, "wrong-type"),
                                                                 (24, "invalid-value")]


# A value in quotes where a number or true/false is needed -------------------------------------------------------

@pytest.mark.parametrize("old, new, message", [
    ("roledocs: 1", 'roledocs: "1"', "roledocs is the text '1', but it must be the number 1: write it without quotes"),
    ("roledocs: 1", "roledocs: one", "roledocs is the text 'one', but it must be the number 1"),
    ("roledocs: 1", "roledocs: 2", "2 is not allowed for roledocs; use 1."),
    ("    level: 4", '    level: "4"', "skills[1].level should be a whole number, but it is the text '4': "
                                       "write it without quotes"),
    ("    time_share: 70", "    time_share: '70.5'", "duties[1].time_share should be a number, but it is the text "
                                                     "'70.5': write it without quotes"),
    ("    time_share: 70", "    time_share: 70\n    essential: 'true'", "duties[1].essential should be true or false, "
                                                                        "but it is the text 'true': write it without "
                                                                        "quotes"),
])
def test_text_where_a_number_is_needed_says_so(old, new, message, cli):
    _, [finding] = _check(cli, ANALYST.replace(old, new, 1))
    assert finding["rule"] in ("invalid-value", "wrong-type") and finding["message"] == message


def test_a_whole_number_written_with_a_fraction(cli):
    _, [finding] = _check(cli, ANALYST.replace("    level: 4", "    level: 3.5", 1))
    assert finding["rule"] == "wrong-type" and finding["message"].startswith("skills[1].level should be a whole "
                                                                              "number, but it is 3.5 (")


def test_a_close_value_is_guessed_ignoring_case(cli):
    Path("roledocs.yaml").write_text("roledocs: 1\npage_size: a4\n", encoding="utf-8")
    run = cli("validate", "--format", "json", "roledocs.yaml")
    [finding] = json.loads(run.out)
    assert finding["message"] == "'a4' is not allowed for page_size; use 'A4', 'Letter' (did you mean 'A4'?)."


# Text of spaces only ------------------------------------------------------------------------------------------

def _free_text(node, pointer: str = ""):
    """Every text schema with a minimum length, with its JSON pointer."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "minLength" in node:
            yield pointer, node
        for key, sub in node.items():
            yield from _free_text(sub, f"{pointer}/{key}")


@pytest.mark.parametrize("kind", KINDS)
def test_every_text_that_must_not_be_empty_must_not_be_blank(kind):
    texts = list(_free_text(_bundled(kind)))
    patterns = [{node.get("pattern"), *(part.get("pattern") for part in node.get("allOf", []))} for _, node in texts]
    assert texts and all("\\S" in found for found in patterns), texts


def test_blank_config_path_is_empty(cli, tmp_path):
    """The config's paths also refuse control characters (allOf), and a blank one still says it is blank."""
    (tmp_path / "roledocs.yaml").write_text('roledocs: 1\norganization: X\noutput: "  "\n', encoding="utf-8")
    run = cli("validate", "--format", "json", tmp_path / "roledocs.yaml")
    assert [(f["line"], f["rule"]) for f in json.loads(run.out)] == [(3, "empty-value")]


@pytest.mark.parametrize("old, new, line, name", [
    ("title: Business Analyst", 'title: "   "', 4, "title"),
    ("title: Business Analyst", 'title: "\\t \\u00a0"', 4, "title"),
    ("summary: Turns", 'summary: " \\n "\nx-summary: Turns', 6, "summary"),
    ("    title: Model processes", "    title: ' '", 13, "duties[2].title"),
])
def test_blank_text_is_empty(old, new, line, name, cli):
    code, findings = _check(cli, ANALYST.replace(old, new, 1))
    assert code == 1
    assert [(f["line"], f["rule"], f["message"].split(" (")[0]) for f in findings] == \
           [(line, "empty-value", f"{name} holds only spaces, so it says nothing")]


def test_empty_text_is_reported_once(cli):
    _, [finding] = _check(cli, ANALYST.replace("title: Business Analyst", "title: ''"))
    assert finding["rule"] == "empty-value" and finding["message"].startswith("title is empty (")


def test_blank_text_in_a_team_and_the_config(cli):
    Path("roledocs.yaml").write_text("roledocs: 1\norganization: '  '\n", encoding="utf-8")
    Path("crew.yaml").write_text("roledocs: 1\nkind: team\nid: crew\nname: ' '\nmission: Ship it.\n"
                                 "members: [{role: analyst}]\n", encoding="utf-8")
    run = cli("validate", "--format", "json", "roledocs.yaml", "crew.yaml")
    assert sorted((f["path"], f["line"], f["rule"]) for f in json.loads(run.out)) == \
           [("crew.yaml", 4, "empty-value"), ("crew.yaml", 6, "unknown-member-role"),  # not hidden by the schema
            ("roledocs.yaml", 2, "empty-value")]


def test_a_key_that_breaks_two_checks_of_an_id_is_reported_once(cli):
    """An upper-case RACI key longer than 64 characters fails both the id's pattern and its length: two schema
    errors with one explanation, given once."""
    key = "Customer-Care-" * 5
    Path("crew.yaml").write_text("roledocs: 1\nkind: team\nid: crew\nname: Crew\nmission: Ship it.\n"
                                 "members: [{role: analyst}]\nactivities:\n  - id: plan\n    name: Plan\n"
                                 f"    raci: {{analyst: AR, {key}: I}}\n", encoding="utf-8")
    run = cli("validate", "--format", "json", "crew.yaml")
    assert [(f["line"], f["column"], f["rule"]) for f in json.loads(run.out)] == [(10, 25, "invalid-format")]
    assert run.out.count(key) == 1 and run.code == 1
