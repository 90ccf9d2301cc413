"""RACI profiles (`raci_profile`: raci, rasci, raci-vs, daci): letters in the schema, the rules per profile, the
legends of every output, the analysis, and `accountable-authority`."""
from __future__ import annotations

import json
import re

import openpyxl
import pytest
from tests.team.support import activity, catalogue_copy, team, write_team

from tests.support import REPO
from roledocs.source.profiles import PROFILES
from roledocs.team.matrix import build_matrix
from roledocs.rules import RULES


@pytest.fixture
def root(tmp_path):
    return catalogue_copy(tmp_path)


def findings(cli, path) -> list[tuple[str, str]]:
    """(rule, message) of each finding in the team file."""
    run = cli("validate", "--format", "json", path)
    return [(f["rule"], f["message"]) for f in json.loads(run.out) if f["path"].endswith(path.name)]


def rules_of(cli, path) -> list[str]:
    return [rule for rule, _ in findings(cli, path)]


# A matrix that keeps every member busy, per profile (a DACI activity has one driver, so it takes two).
WORKING = {"raci": [{"team-lead": "A", "developer": "R", "operator": "R"}],
           "rasci": [{"team-lead": "A", "developer": "R", "operator": "RS"}],
           "raci-vs": [{"team-lead": "AS", "developer": "R", "operator": "RV"}],
           "daci": [{"team-lead": "A", "developer": "D", "operator": "C"}, {"team-lead": "A", "operator": "D"}]}
DOER = {"raci": "R", "rasci": "R", "raci-vs": "R", "daci": "D"}


def working(profile: str) -> list[dict]:
    return [activity(f"work-{n}", raci) for n, raci in enumerate(WORKING[profile])]


def profiled(profile: str, rows: list[dict], **extra) -> dict:
    return team(rows, raci_profile=profile, **extra)


# The schema ------------------------------------------------------------------------------------------------------

def test_the_schema_patterns_are_the_profiles():
    schema = json.loads((REPO / "schemas" / "team.schema.json").read_text(encoding="utf-8"))
    patterns = [rule["then"]["properties"]["activities"]["items"]["properties"]["raci"]["additionalProperties"]
                ["pattern"] for rule in schema["allOf"]]
    assert patterns == [profile.pattern for profile in PROFILES.values()]
    assert schema["properties"]["raci_profile"]["enum"] == list(PROFILES)


@pytest.mark.parametrize("profile, letters", [("rasci", "AS"), ("raci-vs", "RV"), ("raci-vs", "SC"), ("daci", "DA")])
def test_each_profile_takes_its_own_letters(cli, root, profile, letters):
    raci = {"team-lead": letters if "A" in letters else "A", "developer": DOER[profile]}
    if "A" not in letters:
        raci["operator"] = letters
    path = write_team(root, profiled(profile, [activity("work", raci)]))
    assert "invalid-format" not in rules_of(cli, path)


@pytest.mark.parametrize("profile, letters, said", [
    ("raci", "RS", "use the letters R, A, C and I, each at most once, like 'AR' or 'C'"),
    ("rasci", "V", "a RASCI team (raci_profile: rasci) uses the letters R, A, S, C and I"),
    ("raci-vs", "D", "a RACI-VS team (raci_profile: raci-vs) uses the letters R, A, C, I, V and S"),
    ("daci", "R", "a DACI team (raci_profile: daci) uses the letters D, A, C and I, each at most once, like 'DA'"),
])
def test_a_letter_outside_the_profile_is_a_schema_error_at_the_cell(cli, root, profile, letters, said):
    path = write_team(root, profiled(profile, [activity("work", {"team-lead": "A", "operator": letters})]))
    run = cli("validate", path)
    [line] = [line for line in run.out.splitlines() if "invalid-format" in line]
    assert run.code == 1 and line.startswith(f"{path}:") and said in line
    assert "activities[1].raci.operator" in line


def test_an_unknown_profile_is_refused_with_a_guess(cli, root):
    run = cli("validate", write_team(root, profiled("rasi", [activity("w", {"team-lead": "AR"})])))
    assert run.code == 1 and "'rasi' is not allowed for raci_profile" in run.out and "did you mean 'rasci'" in run.out


# The rules per profile ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("profile", list(PROFILES))
def test_a_working_matrix_is_clean_in_every_profile(cli, root, profile):
    assert findings(cli, write_team(root, profiled(profile, working(profile)))) == []


def test_daci_has_exactly_one_approver_and_one_driver(cli, root):
    path = write_team(root, profiled("daci", [
        activity("none", {"team-lead": "C", "developer": "D", "operator": "D"}, name="Choose a database"),
        activity("two", {"team-lead": "A", "customer": "A", "developer": "D"}, name="Pick a vendor"),
        activity("no-driver", {"team-lead": "A", "operator": "C"}, name="Set the budget")]))
    assert findings(cli, path) == [
        ("raci-one-accountable", "the activity 'Choose a database' has no approver (A); exactly one role or party "
                                 "must be"),
        ("raci-responsible", "the activity 'Choose a database' has 2 drivers (D): developer, operator; exactly one "
                             "may be"),
        ("raci-one-accountable", "the activity 'Pick a vendor' has 2 approvers (A): team-lead, customer; exactly one "
                                 "may be"),
        ("raci-responsible", "the activity 'Set the budget' has no driver (D); name one role or party who does the "
                             "work")]


def test_rasci_counts_r_not_s(cli, root):
    path = write_team(root, profiled("rasci", [activity("w", {"team-lead": "A", "developer": "S", "operator": "S"},
                                                        name="Write it")]))
    assert sorted(rules_of(cli, path)) == ["raci-idle-role", "raci-idle-role", "raci-responsible"]


def test_daci_idle_and_contributor_warnings_use_its_words(cli, root):
    path = write_team(root, profiled("daci", [activity("w", {"team-lead": "AD", "developer": "CI"}, name="Decide"),
                                              activity("v", {"team-lead": "A", "operator": "D"}, name="Do")]))
    assert findings(cli, path) == [
        ("raci-idle-role", "the role 'developer' is not driver (D) or approver (A) for any activity; give it work in "
                           "the matrix or reconsider the seat"),
        ("raci-consulted-informed", "'developer' is both contributor (C) and informed (I) on 'Decide'; contributor "
                                    "implies informed, so drop the I")]


# accountable-authority ------------------------------------------------------------------------------------------

def authority(cli, root, raci: dict, profile: str = "raci", **extra) -> list[tuple[str, str]]:
    data = profiled(profile, [activity("release", raci, name="Release the product"), *working(profile)], **extra)
    return [f for f in findings(cli, write_team(root, data)) if f[0] == "accountable-authority"]


def test_an_accountable_outside_the_reporting_line_is_warned(cli, root):
    assert authority(cli, root, {"operator": "A", "developer": "R", "team-lead": "C"}) == [
        ("accountable-authority", "'operator' is accountable (A) for 'Release the product' but is neither the team's "
                                  "lead nor above the responsible (R) role developer in the reporting lines: make the "
                                  "lead or a role they report to accountable, or fix 'reports_to'")]


@pytest.mark.parametrize("raci", [
    {"team-lead": "A", "developer": "R", "operator": "R"},       # the lead
    {"operator": "AR", "team-lead": "C"},                        # accountable and the only one responsible
    {"customer": "A", "developer": "R"},                         # a party is not judged
])
def test_the_lead_itself_and_parties_are_not_warned(cli, root, raci):
    assert authority(cli, root, raci) == []


def test_above_through_others_counts(cli, root):
    """head-of-engineering is above developer through team-lead; the lead here is the operator."""
    raci = {"head-of-engineering": "A", "developer": "R"}
    members = [{"role": "operator"}, {"role": "developer"}, {"role": "team-lead"}, {"role": "head-of-engineering"}]
    assert authority(cli, root, raci, members=members, lead="operator") == []
    assert authority(cli, root, {"team-lead": "A", "head-of-engineering": "R"}, members=members,
                     lead="operator")[0][1].startswith("'team-lead' is accountable (A) for 'Release the product' but")


def test_daci_judges_the_approver_over_the_driver(cli, root):
    [(_, message)] = authority(cli, root, {"operator": "A", "developer": "D"}, profile="daci")
    assert message.startswith("'operator' is approver (A) for 'Release the product' but is neither the team's lead "
                              "nor above the driver (D) role developer")


BLOCK = re.compile(r"\*\*(Bad|Good)\*\*: `(activities: .*?)`", re.S)


def test_both_examples_are_found():
    assert [kind for kind, _ in BLOCK.findall(RULES["accountable-authority"].doc)] == ["Bad", "Good"]


@pytest.mark.parametrize("kind, block", BLOCK.findall(RULES["accountable-authority"].doc))
def test_the_documented_examples_do_what_they_say(cli, root, kind, block):
    import yaml

    data = team(yaml.safe_load(" ".join(block.split()))["activities"])
    found = rules_of(cli, write_team(root, data))
    assert ("accountable-authority" in found) == (kind == "Bad")  # no finding at all: tests/rules/test_documented_examples.py


# The matrix and its outputs -------------------------------------------------------------------------------------

def test_cells_follow_the_profiles_order():
    data = profiled("rasci", [activity("a", {"team-lead": "RA", "developer": "CS", "operator": "SR"})])
    matrix = build_matrix(data, {})
    assert [r.cells for r in matrix.rows] == [("AR", "SC", "RS", "")]
    assert [e["letter"] for e in matrix.to_dict()["legend"]] == ["R", "A", "S", "C", "I"]
    assert matrix.to_dict()["who"] == {"all": "responsible, accountable, supportive, consulted and informed",
                                       "any": "responsible, accountable, supportive, consulted or informed"}


def daci_team(root):
    return write_team(root, profiled("daci", [
        activity("choose", {"team-lead": "A", "developer": "D", "operator": "C", "customer": "I"}, name="Choose"),
        activity("run", {"team-lead": "A", "operator": "D", "developer": "C"}, name="Run it")]))


def test_markdown_matrix_and_charter_speak_daci(cli, root):
    path = daci_team(root)
    matrix = cli("raci", path, "--to", "md", "-o", "-").out
    assert matrix.startswith("# Probe Team: DACI matrix\n")
    assert "- **D, Driver:** Drives the activity" in matrix and "- **A, Approver:** Makes the decision" in matrix
    assert "Responsible" not in matrix and "| Choose | A | D | C | I |" in matrix
    charter = cli("charter", path, "--to", "md", "-o", "-").out
    assert "## Responsibilities (DACI)" in charter
    assert "| Role | D | A | C | I | Approver | Driver | Duty time | Filled | Flags |" in charter
    assert "| Team Lead | 0 | 2 | 0 | 0 | 100% | 0% |" in charter
    assert "when it is approver (A) on more than 50% or driver (D) on more than 70%" in charter


def test_html_matrix_spells_out_the_profiles_letters(cli, root):
    html = cli("raci", daci_team(root), "--to", "html", "-o", "-").out
    assert "<title>Probe Team: DACI matrix" in html
    assert '<dt class="raci-D">D</dt><dd><strong>Driver</strong>' in html
    assert '<td class="raci-cell raci-D"><abbr title="Driver">D</abbr></td>' in html
    assert "who is driver, approver, contributor or informed (columns)" in html
    assert ".raci-D {" in html


def test_xlsx_sheet_and_legend_follow_the_profile(cli, root, isolated):
    rows = [activity("w", {"team-lead": "A", "developer": "R", "operator": "V", "customer": "S"})]
    path = write_team(root, profiled("raci-vs", rows))
    assert cli("raci", path, "--to", "xlsx", "-o", "out").code == 0
    book = openpyxl.load_workbook(isolated / "out" / "probe.xlsx")
    assert book.sheetnames == ["RACI-VS", "Legend"]
    legend = [[cell.value for cell in row][:2] for row in book["Legend"].iter_rows()]
    assert legend == [["Letter", "Name"], ["R", "Responsible"], ["A", "Accountable"], ["C", "Consulted"],
                      ["I", "Informed"], ["V", "Verifier"], ["S", "Signatory"]]
    sheet = book["RACI-VS"]
    fills = {sheet.cell(row=2, column=c).value: sheet.cell(row=2, column=c).fill.start_color.rgb for c in range(3, 7)}
    assert set(fills) == {"A", "R", "V", "S"} and len(set(fills.values())) == 4  # a colour per letter


def test_pdf_legend_names_the_profiles_letters(cli, root, isolated):
    from pypdf import PdfReader

    assert cli("raci", daci_team(root), "--to", "pdf", "-o", "out").code == 0
    reader = PdfReader(isolated / "out" / "probe-raci.pdf")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "DACI matrix" in text and "Driver" in text and "Approver" in text and "Contributor" in text
    assert "Responsible" not in text


def test_analysis_counts_the_profiles_letters(cli, root):
    result = json.loads(cli("analyze", daci_team(root), "--format", "json").out)
    assert result["profile"]["id"] == "daci" and result["profile"]["responsible"] == {"letter": "D", "name": "Driver"}
    workload = {entry["role"]: entry for entry in result["workload"]}
    assert workload["developer"]["letters"] == {"D": 1, "A": 0, "C": 1, "I": 0}
    assert workload["developer"]["responsible"] == 1 and workload["developer"]["consulted"] == 1
    assert workload["team-lead"]["flags"] == ["overloaded"] and workload["team-lead"]["accountable_share"] == 1
