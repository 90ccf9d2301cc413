"""`roledocs new`: commented skeletons of a role or team that explain every field."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..source.config import find_config
from ..errors import UsageError
from ..output.files import output_folder, write_atomic

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

ROLE = """\
# yaml-language-server: $schema={schema}
# A role of the catalogue. Replace every TODO, then check it: roledocs validate {id}.yaml
roledocs: 1                     # the file format version: always 1
kind: role                      # this file describes a role
id: {id:<27} # must equal the file name without .yaml
title: TODO Job title           # the job title as candidates will read it
family: TODO Job family         # groups related roles, e.g. Information Technology (optional)
# level: Senior                 # grade, band or seniority (optional)
# reports_to: role-id           # the id of the role this one reports to (optional)
employment_type: full-time      # full-time | part-time | contractor | temporary | intern | volunteer | per-diem | other
# location: Hybrid, Berlin      # where the work is done (optional)
summary: >-
  TODO The purpose of the role in one to three sentences: what it achieves and for whom.
duties:                         # what the role does; time shares add up to 100
  - id: first-duty              # short id, unique in this file; KPIs refer to it
    title: TODO Duty title
    description: >-
      TODO What is done, how, and to what standard, starting with an action verb.
    time_share: 100             # percent of working time
    frequency: weekly           # daily | weekly | monthly | quarterly | yearly | ongoing | as-needed
    essential: true             # an essential function of the job
skills:                         # level: 1 awareness, 2 basic, 3 proficient, 4 advanced, 5 expert
  - name: TODO Skill name
    category: technical         # technical | soft | leadership | domain | language | tool
    level: 3
    required: true              # false for a preferred skill
kpis:                           # the criteria for success, each with a measurable target
  - id: first-kpi
    name: TODO KPI name
    measure: TODO What is counted or measured, e.g. share of releases shipped on the planned date
    target: ">= 90%"            # a comparison ('>= 90%', '< 2 days', '= 0') or a range ('4.5 - 5')
    frequency: quarterly        # weekly | monthly | quarterly | yearly
    duties: [first-duty]        # the duties this KPI measures
# qualifications:
#   education: [TODO Degree or schooling]
#   experience: [TODO Years and kind of experience]
#   certifications: [TODO Certification]
# compensation:                 # the pay range (required in job ads in several jurisdictions)
#   currency: EUR
#   min: 50000
#   max: 65000
#   period: year                # hour | day | week | month | year
"""

TEAM = """\
# yaml-language-server: $schema={schema}
# A team of the catalogue. Replace every TODO, then check it: roledocs validate {id}.yaml
roledocs: 1                     # the file format version: always 1
kind: team                      # this file describes a team
id: {id:<27} # must equal the file name without .yaml
name: TODO Team name
mission: >-
  TODO Why the team exists, in one to three sentences.
lead: TODO-role-id              # the id of the member role that leads the team
members:                        # the roles in the team
  - role: TODO-role-id          # the id of a role in the catalogue
    headcount: 1                # how many seats the team has in this role
    people:                     # who fills the role (optional; used for skill-gap analysis)
      - name: TODO Person's name
        skills:                 # skill name as written in the role -> assessed level 1..5
          TODO Skill name: 3
parties:                        # stakeholders that are not roles of the catalogue (optional)
  - id: customer
    name: Customer
activities:                     # the RACI matrix: R responsible, A accountable (exactly one), C consulted, I informed
  - id: first-activity
    name: TODO Activity
    phase: TODO Phase           # groups rows of the matrix (optional)
    raci:
      TODO-role-id: AR
      customer: I
"""


def schema_reference(folder: Path, kind: str) -> str:
    """A relative path from the new file to the schema: a schemas/ folder above it, or beside roledocs.yaml."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / "schemas" / f"{kind}.schema.json").is_file():
            return Path(os.path.relpath(candidate / "schemas", folder.resolve())).joinpath(f"{kind}.schema.json").as_posix()
    config = find_config(folder)
    root = config.parent if config else folder.resolve()
    return Path(os.path.relpath(root / "schemas", folder.resolve())).joinpath(f"{kind}.schema.json").as_posix()


def missing_schema(skeleton: Path) -> Path | None:
    """The schema a skeleton's modeline names, when that file does not exist (editors then offer no help)."""
    first = skeleton.read_text(encoding="utf-8").split("\n", 1)[0]
    schema = skeleton.parent / first.split("$schema=", 1)[1]
    return None if schema.is_file() else schema


def skeleton(kind: str, identifier: str, folder: str) -> str:
    """The commented skeleton of a new role or team that will live in `folder` (its modeline is relative to it)."""
    if not _ID.match(identifier) or len(identifier) > 64:
        raise UsageError(f"'{identifier}' is not a valid id: use lower-case letters, digits and single hyphens, "
                         "like 'data-engineer'")
    template = ROLE if kind == "role" else TEAM
    return template.format(id=identifier, schema=schema_reference(Path(folder), kind))


def write_skeleton(kind: str, identifier: str, folder: str) -> Path:
    """Write <folder>/<id>.yaml for a new role or team; never overwrites an existing file."""
    text = skeleton(kind, identifier, folder)
    target = output_folder(folder) / f"{identifier}.yaml"
    if target.exists():
        raise UsageError(f"{target} already exists; choose another id or remove the file")
    return write_atomic(target, text)
