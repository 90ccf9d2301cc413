"""`roledocs import --kind onet`: a starter role from an O*NET text folder. The folder here is a tiny one in O*NET's
format whose rows were written for this test (roledocs ships no O*NET text)."""
from __future__ import annotations

import json

import pytest
import yaml
from docx import Document

CODE = "99-1234.01"
OCCUPATIONS = ("O*NET-SOC Code\tTitle\tDescription\n"
               f"{CODE}\tBicycle Couriers\tCarry letters and parcels by bicycle between offices of a city.\n"
               "99-1234.02\tCargo Bike Dispatchers\tAssign delivery jobs to riders of cargo bikes.\n"
               "11-1111.00\tHarbour Pilots\tSteer ships into and out of a harbour.\n")
TASKS = ("O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\n"
         f"{CODE}\tBicycle Couriers\t1\tCollect parcels from senders and check their labels.\tCore\t40.0\t08/2025\tAnalyst\n"
         f"{CODE}\tBicycle Couriers\t2\t\"Plan a route, avoiding \"\"closed\"\" streets.\"\tCore\t40.0\t08/2025\tAnalyst\n"
         f"{CODE}\tBicycle Couriers\t3\tRepair flat tyres on the road.\tSupplemental\t40.0\t08/2025\tAnalyst\n"
         "99-1234.02\tCargo Bike Dispatchers\t4\tAssign jobs to riders.\tCore\t10.0\t08/2025\tAnalyst\n")
SKILLS = ("O*NET-SOC Code\tTitle\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\t"
          "Upper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n"
          f"{CODE}\tBicycle Couriers\t2.B.1.a\tCoordination\tIM\t3.50\t8\t0.1\t3.3\t3.7\tN\tn/a\t08/2025\tAnalyst\n"
          f"{CODE}\tBicycle Couriers\t2.B.1.a\tCoordination\tLV\t4.20\t8\t0.1\t4.0\t4.4\tN\tN\t08/2025\tAnalyst\n"
          f"{CODE}\tBicycle Couriers\t2.A.1.a\tReading Comprehension\tIM\t3.10\t8\t0.1\t2.9\t3.3\tN\tn/a\t08/2025\tAnalyst\n"
          f"{CODE}\tBicycle Couriers\t2.A.1.a\tReading Comprehension\tLV\t1.00\t8\t0.1\t0.8\t1.2\tN\tN\t08/2025\tAnalyst\n"
          f"{CODE}\tBicycle Couriers\t2.B.3.a\tTime Management\tIM\t4.10\t8\t0.1\t3.9\t4.3\tN\tn/a\t08/2025\tAnalyst\n"
          f"{CODE}\tBicycle Couriers\t2.B.3.a\tTime Management\tLV\t6.90\t8\t0.1\t6.7\t7.0\tN\tN\t08/2025\tAnalyst\n"
          f"{CODE}\tBicycle Couriers\t2.A.2.a\tMathematics\tIM\t2.00\t8\t0.1\t1.8\t2.2\tN\tn/a\t08/2025\tAnalyst\n"
          f"{CODE}\tBicycle Couriers\t2.A.2.a\tMathematics\tLV\t2.00\t8\t0.1\t1.8\t2.2\tN\tN\t08/2025\tAnalyst\n"
          f"{CODE}\tBicycle Couriers\t2.B.4.a\tNegotiation\tIM\t3.90\t8\t0.1\t3.7\t4.1\tY\tn/a\t08/2025\tAnalyst\n")


@pytest.fixture
def onet(tmp_path):
    folder = tmp_path / "db_30_1_text"
    folder.mkdir()
    for name, text in (("Occupation Data.txt", OCCUPATIONS), ("Task Statements.txt", TASKS), ("Skills.txt", SKILLS)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_an_onet_code_becomes_a_starter_role_with_the_attribution(cli, onet, tmp_path):
    run = cli("import", "--kind", "onet", CODE, "--onet-data", onet, "-o", "roles")
    assert run.code == 0, run.err
    written = tmp_path / "work" / "roles" / "bicycle-couriers.yaml"
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert (data["title"], data["occupation"]) == ("Bicycle Couriers", {"onet_soc": CODE})
    assert data["summary"] == "Carry letters and parcels by bicycle between offices of a city."
    assert [(d["description"], d["essential"]) for d in data["duties"]] == [
        ("Collect parcels from senders and check their labels.", True),
        ('Plan a route, avoiding "closed" streets.', True), ("Repair flat tyres on the road.", False)]
    # importance 3 or more, most important first, suppressed rows left out; level 0-7 -> 1-5
    assert [(s["name"], s["level"]) for s in data["skills"]] == [
        ("Time Management", 5), ("Coordination", 3), ("Reading Comprehension", 1)]
    assert data["attribution"].startswith("Includes information from the O*NET 30.1 Database by the U.S. "
                                          "Department of Labor, Employment and Training Administration (USDOL/ETA). "
                                          "Used under the CC BY 4.0 license.")
    findings = json.loads(cli("validate", written, "--format", "json").out)
    assert {f["rule"] for f in findings} == {"placeholder-text"}


def test_the_attribution_is_on_every_document_rendered_from_the_role(cli, onet, tmp_path):
    cli("import", CODE, "--onet-data", onet, "-o", "roles")
    role = tmp_path / "work" / "roles" / "bicycle-couriers.yaml"
    text = role.read_text(encoding="utf-8")
    filled = text.replace("TODO 1-5", "3").replace("TODO weekly, monthly, quarterly or yearly", "monthly")
    for line in [line for line in filled.splitlines() if "TODO" in line and not line.startswith("#")]:
        key = line.split(":", 1)[0]
        filled = filled.replace(line, f"{key}: '>= 90%'" if "target" in key else f"{key}: Deliver parcels on time")
    role.write_text(filled, encoding="utf-8")
    credit = "Used under the CC BY 4.0 license."
    for fmt in ("md", "html", "jsonld", "docx"):
        run = cli("render", role, "--to", fmt, "-o", "out")
        assert run.code == 0, run.err
    assert credit in (tmp_path / "work" / "out" / "bicycle-couriers.md").read_text(encoding="utf-8")
    assert credit in (tmp_path / "work" / "out" / "bicycle-couriers.html").read_text(encoding="utf-8")
    posting = json.loads((tmp_path / "work" / "out" / "bicycle-couriers.jsonld").read_text(encoding="utf-8"))
    assert credit in posting["description"]
    word = Document(tmp_path / "work" / "out" / "bicycle-couriers.docx")
    assert any(credit in paragraph.text for paragraph in word.paragraphs)


def test_the_folder_may_come_from_the_environment(cli, onet, tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEDOCS_ONET_DATA", str(onet))
    assert cli("import", CODE).code == 0  # a code is recognised without --kind
    assert (tmp_path / "work" / "bicycle-couriers.yaml").is_file()


def test_an_unknown_code_lists_close_codes(cli, onet):
    run = cli("import", "--kind", "onet", "99-1234.09", "--onet-data", onet)
    assert run.code == 1
    assert "99-1234.09 is not an occupation in the O*NET data at" in run.err
    assert "close codes: 99-1234.01 Bicycle Couriers; 99-1234.02 Cargo Bike Dispatchers" in run.err
    assert "11-1111.00" not in run.err


def test_a_missing_folder_is_a_usage_error(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("ROLEDOCS_ONET_DATA", raising=False)
    run = cli("import", "--kind", "onet", CODE)
    assert run.code == 2 and "give --onet-data FOLDER or set ROLEDOCS_ONET_DATA" in run.err
    run = cli("import", "--kind", "onet", CODE, "--onet-data", tmp_path / "nowhere")
    assert run.code == 2 and "no such folder" in run.err


def test_a_malformed_database_is_an_error_naming_the_file(cli, onet, tmp_path):
    (onet / "Task Statements.txt").write_text("Code\tTask\n99-1234.01\tRide.\n", encoding="utf-8")
    run = cli("import", CODE, "--onet-data", onet, "-o", "roles")
    assert run.code == 1
    assert "Task Statements.txt: not in O*NET's format: no column 'O*NET-SOC Code', 'Task Type'" in run.err
    (onet / "Task Statements.txt").unlink()
    run = cli("import", CODE, "--onet-data", onet, "-o", "roles")
    assert run.code == 1 and "Task Statements.txt: missing" in run.err
    assert not (tmp_path / "work" / "roles").exists()


def test_a_charter_credits_the_licensed_text_of_its_member_roles(cli, example, tmp_path):
    role = example / "software-tester.yaml"
    role.write_text(role.read_text(encoding="utf-8") + "attribution: Includes text used under CC BY 4.0.\n",
                    encoding="utf-8")
    for fmt in ("md", "html"):
        run = cli("charter", example / "teams" / "it-delivery.yaml", "--to", fmt, "-o", tmp_path / "out")
        assert run.code == 0, run.err
        assert (tmp_path / "out" / f"it-delivery.{fmt}").read_text(encoding="utf-8").count(
            "Includes text used under CC BY 4.0.") == 1
