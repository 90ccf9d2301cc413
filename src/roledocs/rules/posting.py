"""Rules for catalogues that publish job postings: what search engines need in a role's schema.org JobPosting."""
from __future__ import annotations

from ..findings import Severity
from ..source.location import read_location
from ..source.posting import posting_settings
from .registry import Problem, rule


def _missing(data: dict, config) -> tuple[list[str], list[str]]:
    """What Google's job posting rich results require and recommend that the role's JobPosting would lack, each
    as `property (where to say it)`."""
    posting = posting_settings(config.posting, data.get("posting"))
    location = read_location(data["location"]) if data.get("location") else None
    required, recommended = [], []
    if not posting["date_posted"]:
        required.append("datePosted (posting: date_posted)")
    if not config.organization:
        required.append("hiringOrganization (organization in roledocs.yaml)")
    if posting["remote"] is None and (location is None or location.country is None):
        where = f"'{data['location']}' names no country: end it with the country code, e.g. " \
                f"'{data['location']}, DE'" if location else "location"
        required.append(f"jobLocation with an addressCountry ({where}; or posting: remote for a fully remote job)")
    if posting["date_posted"] and posting["valid_through"] and posting["valid_through"] < posting["date_posted"]:
        required.append(f"validThrough on or after datePosted (valid_through {posting['valid_through']} is before "
                        f"date_posted {posting['date_posted']}: the posting has expired)")
    elif not posting["valid_through"]:
        recommended.append("validThrough (posting: valid_through)")
    if "compensation" not in data:
        recommended.append("baseSalary (compensation)")
    if "employment_type" not in data:
        recommended.append("employmentType (employment_type)")
    if posting["direct_apply"] is None:
        recommended.append("directApply (posting: direct_apply)")
    links = config.organization_links
    if config.organization and not (links["same_as"] and links["logo"]):
        recommended.append("hiringOrganization sameAs and logo (organization: same_as and logo in roledocs.yaml)")
    return required, recommended


@rule("posting-incomplete", Severity.WARNING, default_off=True,
      settings=("organization", "organization_links", "posting"))
def posting_incomplete(document, catalogue):
    """A role published as a job posting gives search engines what Google's job posting rich results require
    (datePosted, hiringOrganization, a jobLocation with a country, or a fully remote job) and recommend
    (validThrough, baseSalary, employmentType, directApply, the organisation's sameAs and logo). Off unless
    `lint: {posting-incomplete: warning}` (or `error`), for catalogues that publish to a careers page.

    Each role's HTML page embeds its schema.org JobPosting, and `<id>.jsonld` holds the same; a posting without a
    required property is left out of job search, one without a recommended one shows less. The finding names each
    missing property and where to say it: `posting:` in roledocs.yaml (the defaults) or in the role, `organization`,
    or the role's `location`, `compensation` and `employment_type`. A `valid_through` before `date_posted` is an
    expired posting, which is rejected too.

    **Bad**: in roledocs.yaml

    ```yaml
    organization: Example Corp
    ```

    and in the role

    ```yaml
    location: Hybrid, Berlin
    ```

    **Good**: in roledocs.yaml

    ```yaml
    organization:
      name: Example Corp
      url: https://example.com
      same_as: [https://www.linkedin.com/company/example-corp]
      logo: https://example.com/logo.png
    posting:
      date_posted: "2026-03-01"
      valid_through: "2026-04-30"
      direct_apply: true
    ```

    and in the role

    ```yaml
    location: Hybrid, Berlin, DE
    employment_type: full-time
    compensation: {currency: EUR, min: 58000, max: 78000, period: year}
    ```
    """
    required, recommended = _missing(document.data, catalogue.config)
    if required or recommended:
        parts = [f"Google requires {'; '.join(required)}" if required else "",
                 f"Google recommends {'; '.join(recommended)}" if recommended else ""]
        yield Problem(document, ("title",), f"the job posting of '{document.data['id']}' is incomplete: "
                      f"{' — '.join(part for part in parts if part)}", at_key=True)
