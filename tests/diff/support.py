"""Helpers for the diff tests: real git repositories in the test's folder, and two versions of a role and a team
whose differences cover every kind of change roledocs diff reports."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_DATE": "2025-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2025-01-01T00:00:00Z"}


def git(repo: Path, *args: str) -> str:
    """Run git in repo; its standard output."""
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True,
                          env={**os.environ, **GIT_ENV})
    return done.stdout


def write(root: Path, files: dict[str, str]) -> None:
    """Write files (path relative to root -> text); None deletes."""
    for name, text in files.items():
        path = root / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def commit(repo: Path, files: dict[str, str | None], message: str) -> str:
    """Write the files, commit everything; the new commit's id."""
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def new_repo(repo: Path, files: dict[str, str]) -> str:
    """A repository on `main` with one commit of the files; its id."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return commit(repo, files, "catalogue")


LEAD = """\
roledocs: 1
kind: role
id: team-lead
title: Team Lead
summary: Leads the team and plans its work with the product owner.
duties:
  - id: plan
    title: Plan the work
    description: Plan the quarter with the product owner and review progress every week.
skills:
  - {name: Planning, level: 4}
kpis:
  - {id: on-time, name: On time, measure: Share of milestones met on time, target: ">= 80%", frequency: quarterly}
"""

HEAD_OF = LEAD.replace("id: team-lead", "id: head-of-engineering").replace("title: Team Lead",
                                                                          "title: Head of Engineering")

DEVELOPER = """\
roledocs: 1
kind: role
id: developer
title: Developer
family: Engineering
level: P2
reports_to: team-lead
last_reviewed: 2025-01-10
summary: Builds and tests the team's software to the agreed standard.
duties:
  - id: build
    title: Build features
    description: Write, review and unit-test code for the planned features so that every change passes the build.
    time_share: 70
    frequency: daily
  - id: support
    title: Support users
    description: Answer the users' questions about the software within one working day.
    time_share: 20
  - id: docs
    title: Write docs
    description: Keep the user guide current with every release.
    time_share: 10
    essential: false
skills:
  - {name: Python, level: 3}
  - {name: SQL, level: 3}
  - {name: Docker, level: 2, required: false}
kpis:
  - {id: green-builds, name: Green builds, measure: Share of builds that pass, target: ">= 90%", frequency: weekly}
  - {id: lead-time, name: Lead time, measure: Days from start to release, target: "< 5 days", frequency: monthly}
  - {id: score, name: Satisfaction, measure: Mean survey score, target: "4 - 5", frequency: quarterly}
  - {id: tickets, name: Tickets, measure: Tickets closed a week, target: ">= 10", frequency: weekly}
qualifications:
  experience: ["3+ years of Python"]
compensation: {currency: EUR, min: 50000, max: 60000, period: year}
"""

DEVELOPER_2 = """\
roledocs: 1
kind: role
id: developer
title: Software Developer
level: P3
reports_to: head-of-engineering
last_reviewed: 2025-01-10
summary: Builds and tests the team's software to the agreed standard.
duties:
  - id: build
    title: Build and ship features
    description: Write, review and unit-test code for the planned features so that every change passes the build.
    time_share: 60
    frequency: weekly
  - id: review
    title: Review code
    description: Review every pull request of the team within one working day.
    time_share: 40
skills:
  - {name: python, level: 4}
  - {name: Docker, level: 2}
  - {name: Kubernetes, level: 2}
kpis:
  - {id: green-builds, name: Green builds, measure: Share of builds that pass, target: ">= 95%", frequency: monthly}
  - {id: lead-time, name: Lead time, measure: Days from start to release, target: "< 7 days", frequency: monthly}
  - {id: score, name: Satisfaction, measure: Mean survey score, target: "4.5 - 6", frequency: quarterly}
  - {id: reviews, name: Reviews, measure: Pull requests reviewed within a day, target: ">= 90%", frequency: weekly}
qualifications:
  experience: ["5+ years of Python"]
compensation: {currency: EUR, min: 55000, max: 63000, period: year}
"""

TEAM = """\
roledocs: 1
kind: team
id: small
name: Small Team
mission: Ship and run the small product, reliably and on time.
lead: team-lead
members:
  - role: team-lead
  - role: developer
    headcount: 3
    people:
      - name: Bob Brown
      - name: Cy Chen
parties:
  - {id: customer, name: Customer}
activities:
  - id: plan
    name: Plan the quarter
    phase: Plan
    raci: {team-lead: AR, developer: C, customer: I}
  - id: estimate
    name: Estimate the work
    phase: Plan
    raci: {team-lead: A, developer: R}
  - id: build
    name: Build the features
    phase: Build
    raci: {team-lead: A, developer: R}
  - id: accept
    name: Accept the release
    raci: {customer: A, developer: R, team-lead: C}
"""

TEAM_2 = """\
roledocs: 1
kind: team
id: small
name: Small Product Team
mission: Ship and run the small product, reliably and on time.
lead: team-lead
members:
  - role: team-lead
  - role: developer
    headcount: 4
    people:
      - name: Bob Brown
      - name: Dee Diaz
  - role: head-of-engineering
parties:
  - {id: customer, name: Customer}
  - {id: auditor, name: Auditor}
activities:
  - id: plan
    name: Plan the next quarter
    phase: Plan
    raci: {team-lead: AR, developer: A, customer: I}
  - id: build
    name: Build the features
    phase: Ship
    raci: {team-lead: A, developer: C}
  - id: accept
    name: Accept the release
    raci: {customer: C, developer: R, team-lead: C}
  - id: audit
    name: Audit the release
    raci: {auditor: R, head-of-engineering: A}
"""

CATALOGUE = {"roledocs.yaml": "roledocs: 1\norganization: Test Corp\n", "roles/team-lead.yaml": LEAD,
             "roles/head-of-engineering.yaml": HEAD_OF, "roles/developer.yaml": DEVELOPER, "teams/small.yaml": TEAM}
