"""Synthetic catalogues for benchmarks: realistic ~4 KB role files, team files with RACI matrices, a roledocs.yaml.

Use as a module, `generate(folder, roles=1000, teams=50, seed=0)`, or from the shell:
`python bench/generate.py DIR --roles 1000 --teams 50`. The same seed gives the same bytes. The catalogue validates
clean with --strict unless `broken` files are asked for (each then has one error of a different kind).
"""
from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

FAMILIES = {
    "Information Technology": ["Software Developer", "Systems Analyst", "Software Tester", "Database Administrator",
                               "Site Reliability Engineer", "Data Engineer", "Security Analyst", "IT Project Manager"],
    "Finance": ["Accountant", "Financial Analyst", "Payroll Specialist", "Controller", "Treasury Analyst"],
    "People": ["HR Business Partner", "Recruiter", "Learning Specialist", "Compensation Analyst"],
    "Operations": ["Operations Manager", "Logistics Coordinator", "Quality Engineer", "Procurement Officer"],
    "Sales": ["Account Executive", "Sales Engineer", "Customer Success Manager", "Sales Operations Analyst"],
}
LEVELS = ["Junior", "Associate", "Senior", "Lead", "Principal"]
LOCATIONS = ["Hybrid, Berlin", "Remote (EU)", "On site, Lyon", "Hybrid, Madrid", "Remote, UK", "On site, Vienna"]
TYPES = ["full-time", "full-time", "full-time", "part-time", "contractor", "temporary"]
VERBS = ["Plan", "Review", "Design", "Maintain", "Coordinate", "Analyse", "Improve", "Document", "Monitor", "Deliver",
         "Test", "Report on", "Prepare", "Negotiate", "Audit", "Train people on"]
OBJECTS = ["the release schedule", "customer requirements", "the monthly budget", "supplier contracts", "the data model",
           "service levels", "the risk register", "onboarding material", "test coverage", "the quarterly forecast",
           "access rights", "incident reviews", "process maps", "the product backlog", "capacity plans"]
HOW = ["with the team lead and written sign-off", "against the agreed acceptance criteria",
       "in the shared tracker so progress is visible to everyone", "by the written steps the team agreed",
       "in plain language for people outside the team", "within the time the service level allows",
       "with measurable outcomes agreed in advance", "so that audits find a complete record"]
STANDARD = ["Every change is reviewed by a second person before it takes effect.",
            "Open items older than two weeks are escalated to the manager.",
            "Results are summarised in the weekly status report.",
            "Figures reconcile with the system of record at month end.",
            "Lessons learned are recorded and shared at the retrospective."]
SKILLS = ["Stakeholder communication", "Risk management", "SQL", "Python", "Excel modelling", "Negotiation",
          "Process improvement", "Data analysis", "Technical writing", "Coaching", "Budgeting", "Vendor management",
          "Test automation", "Cloud platforms", "Linux", "Presentation", "Problem solving", "German", "Spanish", "Jira"]
CATEGORIES = ["technical", "soft", "leadership", "domain", "language", "tool"]
KPI_NAMES = [("On-time delivery", "Share of deliverables completed by their planned date", ">= {n}%"),
             ("Error rate", "Share of outputs returned for correction", "<= {s}%"),
             ("Customer satisfaction", "Mean score of the satisfaction survey on a 1 to 5 scale", "{a} - 5"),
             ("Cycle time", "Median number of working days from request to completion", "< {d} days"),
             ("Open incidents", "Number of unresolved high-priority incidents at the end of each period", "= 0"),
             ("Budget accuracy", "Variance between forecast and actual spend as a share of the budget", "<= {s}%")]
FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "ongoing", "as-needed"]
# Frequencies as steps, so a KPI is reviewed no more often than its duties happen and at most two steps later.
STEPS = {"daily": 0, "ongoing": 0, "weekly": 1, "monthly": 2, "quarterly": 3, "yearly": 4}
KPI_FREQUENCIES = ["weekly", "monthly", "quarterly", "yearly"]
PHASES = ["Initiate", "Plan", "Execute", "Monitor and control", "Close"]
NAMES = ["Dana Reyes", "Amara Okafor", "Mateo García", "Mei Lin Chen", "Priya Raman", "Jonas Becker", "Aiko Tanaka",
         "Sipho Ndlovu", "Fatima Haddad", "Lars Nilsson", "Chloé Martin", "Ravi Kumar"]


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _third_person(verb: str) -> str:
    first, _, rest = verb.partition(" ")
    return f"{first}s {rest}".rstrip()


def _shares(rng: random.Random, count: int) -> list[int]:
    """Whole-number percentages, each at least 5, adding up to exactly 100."""
    cuts = sorted(rng.sample(range(1, 100 // 5), count - 1))
    return [5 * (b - a) for a, b in zip([0, *cuts], [*cuts, 100 // 5])]


def _kpi_frequency(rng: random.Random, duty_frequencies: list[str]) -> str:
    steps = [STEPS[f] for f in duty_frequencies if f in STEPS]
    if not steps:
        return rng.choice(KPI_FREQUENCIES)
    return rng.choice([f for f in KPI_FREQUENCIES if min(steps) <= STEPS[f] <= max(steps) + 2])


def _role(rng: random.Random, identifier: str, title: str, family: str, boss: str | None) -> tuple[str, list[str]]:
    duties = rng.randint(4, 7)
    lines = [f"# yaml-language-server: $schema=../schemas/role.schema.json", "roledocs: 1", "kind: role",
             f"id: {identifier}", f"title: {title}", f"family: {family}", f"level: {rng.choice(LEVELS)}"]
    if boss:
        lines.append(f"reports_to: {boss}")
    lines += [f"employment_type: {rng.choice(TYPES)}", f"location: {rng.choice(LOCATIONS)}",
              "summary: >-", f"  {_third_person(rng.choice(VERBS))} {rng.choice(OBJECTS)} and {rng.choice(OBJECTS)} "
              f"{rng.choice(HOW)}. The work keeps the team on track and its customers informed.", "duties:"]
    frequency: dict[str, str] = {}
    for index, share in enumerate(_shares(rng, duties)):
        verb, thing = rng.choice(VERBS), rng.choice(OBJECTS)
        duty_id = f"{_slug(verb)}-{_slug(thing)}-{index + 1}"
        frequency[duty_id] = rng.choice(FREQUENCIES)
        lines += [f"  - id: {duty_id}", f"    title: {verb} {thing}", "    description: >-",
                  f"      {verb} {thing} {rng.choice(HOW)}. {rng.choice(STANDARD)}",
                  f"      {rng.choice(STANDARD)}", f"    time_share: {share}",
                  f"    frequency: {frequency[duty_id]}", f"    essential: {'true' if index < 5 else 'false'}"]
    duty_ids = list(frequency)
    skills = rng.sample(SKILLS, rng.randint(5, 8))
    lines.append("skills:")
    advanced = []
    for name in skills:
        level, required = rng.randint(1, 5), rng.random() < 0.75
        if level > 3 and required:
            advanced.append(name)
        lines += [f"  - name: {name}", f"    category: {rng.choice(CATEGORIES)}", f"    level: {level}",
                  f"    required: {'true' if required else 'false'}"]
    lines.append("kpis:")
    kpis = rng.sample(KPI_NAMES, rng.randint(3, 5))
    measured = [duty_ids[i::len(kpis)] or [rng.choice(duty_ids)] for i in range(len(kpis))]  # every duty measured
    for (name, measure, target), ids in zip(kpis, measured):
        target = target.format(n=rng.choice([80, 90, 95]), s=rng.choice([2, 5, 10]), a=rng.choice([3.5, 4, 4.5]),
                               d=rng.choice([2, 5, 10]))
        lines += [f"  - id: {_slug(name)}", f"    name: {name}", f"    measure: {measure}", f'    target: "{target}"',
                  f"    frequency: {_kpi_frequency(rng, [frequency[d] for d in ids])}",
                  f"    duties: [{', '.join(ids)}]"]
    low = rng.randrange(35_000, 90_000, 1_000)
    lines += ["qualifications:", "  education:", f"    - Degree in a field related to {family.lower()}, or equivalent "
              "experience", "  experience:", f"    - {rng.randint(1, 10)}+ years in a similar role"]
    lines += [f"    - {rng.randint(2, 6)}+ years of {name} in daily work" for name in advanced]
    lines += ["compensation:", "  currency: EUR", f"  min: {low}", f"  max: {low + rng.randrange(5_000, 30_000, 1_000)}",
              "  period: year", ""]
    return "\n".join(lines), skills


def _team(rng: random.Random, identifier: str, members: list[str], skills: dict[str, list[str]]) -> str:
    lines = ["# yaml-language-server: $schema=../schemas/team.schema.json", "roledocs: 1", "kind: team",
             f"id: {identifier}", f"name: Team {identifier.split('-')[-1]}", "mission: >-",
             f"  {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(HOW)}.", f"lead: {members[0]}", "members:"]
    for role in members:
        lines += [f"  - role: {role}", f"    headcount: {rng.randint(1, 3)}", "    people:",
                  f"      - name: {rng.choice(NAMES)}", "        skills:"]
        lines += [f"          {name}: {rng.randint(1, 5)}" for name in rng.sample(skills[role], 3)]
    lines += ["parties:", "  - id: customer", "    name: Customer", "activities:"]
    workers = list(members)
    count = rng.randint(10, 16)
    for index in range(count):
        doer = workers.pop() if workers else rng.choice(members)
        # the lead is accountable, or (every third row) the one doing the work, so accountable-authority holds; the
        # last row, which takes the members given no work yet, is the lead's
        accountable = members[0] if index % 3 or index == count - 1 else doer
        cells = {accountable: "A"}
        cells[doer] = cells.get(doer, "") + "R"
        for other in rng.sample(members, min(2, len(members))):
            cells.setdefault(other, rng.choice("CI"))
        cells.setdefault("customer", "I")
        lines += [f"  - id: activity-{index + 1}", f"    name: {rng.choice(VERBS)} {rng.choice(OBJECTS)}",
                  f"    phase: {PHASES[min(index * len(PHASES) // 12, len(PHASES) - 1)]}", "    raci:"]
        lines += [f"      {key}: {letters}" for key, letters in cells.items()]
    for role in workers:  # members never given work above get an R on the last activity
        lines.append(f"      {role}: R")
    return "\n".join(lines) + "\n"


BREAKAGES = [
    ("    time_share:", "    time_share: 0\n    x-was:", "out-of-range"),
    ("employment_type:", "employment_type: freelance\nx-was:", "invalid-value"),
    ("title:", "titel:", "unknown-key"),
    ('target: "', 'target: "about ', "kpi-target-format"),
    ("roledocs: 1", "roledocs: 1\nroledocs: 1", "yaml-duplicate-key"),
]


def generate(folder: str | Path, roles: int = 1000, teams: int = 50, seed: int = 0, broken: int = 0) -> Path:
    """Write a catalogue of `roles` role files and `teams` team files into folder; `broken` role files get one error."""
    rng = random.Random(seed)
    root = Path(folder)
    (root / "roles").mkdir(parents=True, exist_ok=True)
    (root / "teams").mkdir(parents=True, exist_ok=True)
    (root / "roledocs.yaml").write_text("roledocs: 1\norganization: Synthetic Corp\noutput: site\n", encoding="utf-8")
    titles = [(family, title) for family, names in FAMILIES.items() for title in names]
    ids: list[str] = []
    skills: dict[str, list[str]] = {}
    for index in range(roles):
        family, title = rng.choice(titles)
        level = rng.choice(LEVELS)
        identifier = f"{_slug(level + ' ' + title)}-{index + 1:05d}"
        boss = rng.choice(ids[max(0, index - 50):index]) if ids and rng.random() < 0.9 else None
        text, skills[identifier] = _role(rng, identifier, f"{level} {title}", family, boss)
        if index < broken:
            old, new, _ = BREAKAGES[index % len(BREAKAGES)]
            text = text.replace(old, new, 1)
        (root / "roles" / f"{identifier}.yaml").write_text(text, encoding="utf-8")
        ids.append(identifier)
    for index in range(teams):
        members = rng.sample(ids, min(len(ids), rng.randint(5, 10)))
        identifier = f"team-{index + 1:04d}"
        (root / "teams" / f"{identifier}.yaml").write_text(_team(rng, identifier, members, skills), encoding="utf-8")
    return root


CACHE = Path(__file__).resolve().parent / ".cache"


def cached(name: str, roles: int, teams: int) -> Path:
    """The catalogue bench/.cache/<name>, generated once (seed 0) and again whenever this script changes."""
    stamp = f"{roles}/{teams}/{Path(__file__).stat().st_mtime_ns}"
    root = CACHE / name
    if not ((root / ".stamp").is_file() and (root / ".stamp").read_text() == stamp):
        shutil.rmtree(root, ignore_errors=True)
        generate(root, roles=roles, teams=teams, seed=0)
        (root / ".stamp").write_text(stamp)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a synthetic roledocs catalogue for benchmarks.",
                                     epilog="example: python bench/generate.py /tmp/cat --roles 10000 --teams 500")
    parser.add_argument("folder")
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--teams", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--broken", type=int, default=0, help="role files to break, each with one error")
    args = parser.parse_args()
    root = generate(args.folder, args.roles, args.teams, args.seed, args.broken)
    print(f"wrote {args.roles} roles and {args.teams} teams to {root}")


if __name__ == "__main__":
    main()
