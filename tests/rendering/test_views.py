"""The document model: defaults, parsed targets, resolved reports_to, KPIs under duties, skills, config."""
from __future__ import annotations

import json

import pytest

from tests.rendering.support import catalogue_copy
from roledocs.source.catalogue import load_catalogue
from roledocs.errors import RoledocsError
from roledocs.rendering.views import config_model, role_context, role_model


@pytest.fixture
def loaded(tmp_path):
    root = catalogue_copy(tmp_path)
    return load_catalogue(root, lambda p: p.relative_to(root).as_posix())


def test_defaults_are_filled_in(loaded):
    model = role_model(loaded.roles["head-of-delivery"], loaded)
    assert model["duties"][0]["essential"] is True
    assert model["duties"][0]["time_share"] is None and model["duties"][0]["frequency"] is None
    assert model["skills"][0]["required"] is True
    assert model["skills"][0]["category"] is None
    assert model["reports_to"] is None and model["compensation"] is None
    assert model["qualifications"] == {"education": [], "experience": [], "certifications": []}
    assert model["time_share_total"] is None


def test_targets_print_as_written_and_carry_their_parsed_parts(loaded):
    kpis = {k["id"]: k for k in role_model(loaded.roles["delivery-lead"], loaded)["kpis"]}
    at_least = kpis["milestones"]["target"]
    assert at_least == ">= 90%"
    assert (at_least.comparator, at_least.value, at_least.unit, at_least.high) == (">=", 90, "%", None)
    assert (at_least.display, at_least.in_words) == ("≥ 90%", "at least 90%")
    span = kpis["satisfaction"]["target"]
    assert (span.comparator, span.value, span.high, span.in_words) == ("range", 4, 5, "between 4 and 5")
    assert kpis["incidents"]["target"].display == "< 2"


def test_reports_to_resolves_to_the_named_role(loaded):
    model = role_model(loaded.roles["delivery-lead"], loaded)
    assert model["reports_to"] == {"id": "head-of-delivery", "title": "Head of Delivery"}


def test_kpis_are_grouped_under_the_duties_they_measure(loaded):
    model = role_model(loaded.roles["delivery-lead"], loaded)
    duties = {d["id"]: [k["id"] for k in d["kpis"]] for d in model["duties"]}
    assert duties == {"plan": ["milestones", "satisfaction"], "report": ["satisfaction"]}
    assert [k["id"] for k in model["general_kpis"]] == ["incidents"]
    assert model["kpis"][1]["duties"] == [{"id": "plan", "title": "Plan projects"},
                                          {"id": "report", "title": "Report status"}]
    assert [d["id"] for d in model["essential_duties"]] == ["plan"]
    assert [d["id"] for d in model["additional_duties"]] == ["report"]


def test_skills_split_and_level_names(loaded):
    model = role_model(loaded.roles["delivery-lead"], loaded)
    assert [(s["name"], s["level_name"]) for s in model["required_skills"]] == [("Planning", "advanced")]
    assert [(s["name"], s["level_name"]) for s in model["preferred_skills"]] == [("Jira", "basic")]


def test_labels_pay_and_extensions(loaded):
    model = role_model(loaded.roles["delivery-lead"], loaded)
    assert model["employment_type_label"] == "Part-time"
    assert model["compensation"]["display"] == "€4,000.00–€5,250.50 per month"
    assert model["time_share_total"] == 100
    assert model["x-grade"] == "G7"
    assert model["duties"][0]["x-owner"] == "PMO"


def test_config_model_and_context_serialise(loaded):
    config = config_model(loaded)
    assert config == {"organization": "Acme & Partners", "logo": None, "page_size": "A4", "x-brand-colour": "#1d4e89",
                      "organization_links": {"url": None, "same_as": [], "logo": None}}
    context = role_context(loaded.roles["delivery-lead"], loaded, "html")
    assert context["format"] == "html"
    assert json.loads(json.dumps(context))["role"]["kpis"][0]["target"] == ">= 90%"


def test_logo_is_inlined_and_must_stay_inside(tmp_path):
    root = catalogue_copy(tmp_path)
    (root / "assets").mkdir()
    (root / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')
    config = root / "roledocs.yaml"
    config.write_text(config.read_text() + "logo: assets/logo.svg\n")
    loaded = load_catalogue(root, str)
    assert config_model(loaded)["logo"]["src"].startswith("data:image/svg+xml;base64,")
    config.write_text(config.read_text().replace("assets/logo.svg", "../outside.svg"))
    (tmp_path / "outside.svg").write_text("<svg/>")
    with pytest.raises(RoledocsError, match="outside the catalogue"):
        config_model(load_catalogue(root, str))
    config.write_text(config.read_text().replace("../outside.svg", "assets/missing.png"))
    with pytest.raises(RoledocsError, match="does not exist"):
        config_model(load_catalogue(root, str))
