"""The example's JobPosting JSON-LD as crawlers read it (extruct) and as schema.org defines it (the published
vocabulary), plus the properties Google's job-posting rich results require."""
from __future__ import annotations

import json

import pytest

from tests.consumers import example_outputs as outputs

GOOGLE_REQUIRED = ("datePosted", "description", "hiringOrganization", "title")


def google_problems(posting: dict) -> list[str]:
    """What Google's job-posting rich results would reject: a required property missing, or a location that is
    neither a PostalAddress with a country nor a remote job with applicant countries."""
    problems = [f"{key} is missing" for key in GOOGLE_REQUIRED if key not in posting]
    if posting.get("jobLocationType") == "TELECOMMUTE":
        if "applicantLocationRequirements" not in posting:
            problems.append("a remote job needs applicantLocationRequirements")
        return problems
    locations = posting.get("jobLocation")
    for location in locations if isinstance(locations, list) else [locations]:
        address = location.get("address") if isinstance(location, dict) else None
        if not (isinstance(address, dict) and address.get("@type") == "PostalAddress" and "addressCountry" in address):
            problems.append(f"jobLocation {location!r} has no PostalAddress with addressCountry")
    return problems


@pytest.fixture(scope="module")
def postings() -> dict[str, dict]:
    """The JSON-LD file beside each role page of the built site, by role id."""
    files = sorted(outputs.site().glob("*.jsonld"))
    assert len(files) == 6, files
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in files}


def test_jsonld_uses_only_schemaorg_types_and_properties(schemaorg, postings):
    for role, posting in postings.items():
        assert posting["@type"] == "JobPosting"
        unknown = [str(problem) for problem in schemaorg.problems(posting)
                   if problem.kind in ("context", "type", "property")]
        assert unknown == [], role


def test_jsonld_properties_belong_to_their_types(schemaorg, postings):
    assert {role: [str(problem) for problem in schemaorg.problems(posting)]
            for role, posting in postings.items()} == {role: [] for role in postings}


def embedded(jsonld_from_html, page) -> list[dict]:
    """The JobPosting items a crawler finds in a page."""
    items = jsonld_from_html(page.read_text(encoding="utf-8"), f"https://careers.example.org/{page.name}")
    return [item for item in items if item.get("@type") == "JobPosting"]


@pytest.mark.parametrize("source", ["build", "render"])
def test_role_pages_embed_their_job_posting(jsonld_from_html, postings, source):
    pages = (sorted(outputs.site() / f"{role}.html" for role in postings) if source == "build"
             else [outputs.role("html")])
    found = {page.stem: [item["title"] for item in embedded(jsonld_from_html, page)] for page in pages}
    assert found == {page.stem: [postings[page.stem]["title"]] for page in pages}


@pytest.mark.parametrize("source", ["jsonld-file", "page"])
def test_job_postings_pass_a_rich_results_style_check(jsonld_from_html, schemaorg, postings, source):
    """Done for the careers page: every required property present, no property schema.org does not give it."""
    problems = {}
    for role, posting in postings.items():
        if source == "page":
            found = embedded(jsonld_from_html, outputs.site() / f"{role}.html")
            posting = found[0] if len(found) == 1 else {"@type": "JobPosting"}
        problems[role] = google_problems(posting) + [str(problem) for problem in schemaorg.problems(posting)]
    assert problems == {role: [] for role in postings}


# The extractor and the vocabulary themselves.

def test_extruct_reads_json_ld_embedded_in_a_page(jsonld_from_html):
    posting = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Tester"}
    html = (f'<!doctype html><html><head><script type="application/ld+json">{json.dumps(posting)}</script></head>'
            '<body><a href="x.jsonld" type="application/ld+json">JSON-LD</a></body></html>')
    assert jsonld_from_html(html) == [posting]


def test_schemaorg_names_each_kind_of_problem(schemaorg):
    posting = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Tester", "titel": "Tester",
               "additionalProperty": [], "hiringOrganization": {"@type": "Place", "name": "Acme"},
               "jobLocation": {"@type": "Plaec"}, "baseSalary": {"@type": "MonetaryAmount", "currency": "EUR",
                                                                   "value": {"@type": "QuantitativeValue"}}}
    assert [(problem.kind, problem.where) for problem in schemaorg.problems(posting)] == [
        ("property", "titel"), ("domain", "additionalProperty"), ("range", "hiringOrganization"),
        ("range", "jobLocation"), ("type", "jobLocation")]
    assert {"Place", "Product"} <= schemaorg.properties["additionalProperty"][0]
    assert "Organization" in schemaorg.ancestors("Corporation")
