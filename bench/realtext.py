"""Benchmark the quality rules on real, professionally written job text: how often each rule fires, and how often an
HR editor agrees. Prints markdown tables.

Run from the project: `python bench/realtext.py` reads the corpus in `../shared/realtext/` (beside the repository,
or the nearest such folder above it; `--realtext PATH` points elsewhere). The corpus is not part of the repository
and CI has none: without it the script says so and exits 2. As the corpus's own measure.py does, each text becomes
the only duty's description of an otherwise clean role file, and one `roledocs validate --format json` checks them
all; a finding counts when it is on the description's line. Labels (labels.jsonl: text, rule, verdict tp/fp) give
each rule's precision on the firings they cover; requirements.jsonl holds requirement lines the inclusive-wording
rules should catch (recall).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# ../shared/realtext beside the repository; a git worktree nested deeper finds the nearest one above it.
DEFAULT_CORPUS = next((folder / "shared" / "realtext" for folder in REPO.parents
                       if (folder / "shared" / "realtext").is_dir()), REPO.parent / "shared" / "realtext")
DESCRIPTION_LINE = 9
INCLUSIVE = ("gender-coded-language", "age-coded-language", "exclusionary-language", "jargon-title")
KINDS = {"onet-task": "O*NET", "posting-bullet": "posting"}
CLEAN = "Draft the weekly plan with the team leads every Monday and send it to all members before noon."
# The targets of the issue this benchmark was written for.
MOST_ONET_WARNED, LEAST_TP_KEPT, MOST_FP_KEPT, LEAST_REQUIREMENTS = 0.05, 0.90, 0.10, 20

TEMPLATE = """roledocs: 1
kind: role
id: {id}
title: Project Coordinator
summary: Coordinates the delivery team's weekly plan so that releases ship on the agreed date.
duties:
  - id: main
    title: Run the weekly plan
    description: {description}
    time_share: 100
    frequency: weekly
skills:
  - name: Planning
    level: 3
kpis:
  - id: on-time
    name: On-time releases
    measure: Share of releases shipped on their planned date
    target: ">= 90%"
    frequency: monthly
    duties: [main]
"""


def read_jsonl(path: Path) -> list[dict]:
    """The rows of a JSON-lines file (none when it is missing)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fired(texts: list[str]) -> list[dict[str, list[str]]]:
    """Per text, the rules that fire on its line (with their messages) when it is a clean role's only duty."""
    with tempfile.TemporaryDirectory(prefix="realtext-") as folder:
        root = Path(folder)
        for number, text in enumerate([CLEAN, *texts]):
            # json.dumps writes a double-quoted string whose escapes YAML reads the same way.
            (root / f"t-{number:04d}.yaml").write_text(TEMPLATE.format(id=f"t-{number:04d}",
                                                                       description=json.dumps(text)), "utf-8")
        done = subprocess.run([sys.executable, "-m", "roledocs", "validate", "--format", "json", folder],
                              capture_output=True, text=True, check=False)
    try:
        reported = json.loads(done.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"roledocs validate exited {done.returncode} without its JSON report (is roledocs "
                         f"installed for {sys.executable}?): {done.stderr[-2000:]}") from None
    result: list[dict[str, list[str]]] = [defaultdict(list) for _ in range(len(texts) + 1)]
    for finding in reported:
        number = int(Path(finding["path"]).stem[2:])
        if finding["line"] != DESCRIPTION_LINE:
            raise SystemExit(f"a finding off the description's line: {finding}")
        result[number][finding["rule"]].append(finding["message"])
    if result[0]:
        raise SystemExit(f"the clean template draws findings: {dict(result[0])}")
    return result[1:]


def rule_table(tasks: list[dict], found: list[dict], labels: dict, requirements: list[dict],
               probe: list[dict]) -> list[str]:
    """Per rule: firing rates by kind of text, precision on the labelled firings, recall on the requirement lines."""
    totals = Counter(row["kind"] for row in tasks)
    rates: dict[str, Counter] = defaultdict(Counter)
    verdicts: dict[str, Counter] = defaultdict(Counter)
    for row, rules in [*zip(tasks, found), *zip(requirements, probe)]:
        for rule in rules:
            if row["kind"] in KINDS:
                rates[rule][row["kind"]] += 1
            verdicts[rule][labels.get((row["text"], rule), "unlabelled")] += 1
    caught = Counter(rule for rules in probe for rule in rules if rule in INCLUSIVE)
    lines = [f"| rule | O*NET (n={totals['onet-task']}) | posting (n={totals['posting-bullet']}) | precision "
             f"(tp / labelled) | unlabelled firings | requirement lines caught (n={len(requirements)}) |",
             "| --- | --- | --- | --- | --- | --- |"]
    for rule in sorted(set(rates) | set(verdicts) | set(INCLUSIVE)):
        cells = [f"{rates[rule][kind] / totals[kind]:.1%}" if totals[kind] else "-" for kind in KINDS]
        tp, fp = verdicts[rule]["tp"], verdicts[rule]["fp"]
        precision = f"{tp / (tp + fp):.0%} ({tp}/{tp + fp})" if tp + fp else "-"
        recall = str(caught[rule]) if rule in INCLUSIVE else ""
        lines.append(f"| {rule} | {' | '.join(cells)} | {precision} | {verdicts[rule]['unlabelled']} | {recall} |")
    return lines


def target_table(tasks: list[dict], found: list[dict], label_rows: list[dict], probe: list[dict]) -> list[str]:
    """The issue's four targets: measured, target, met."""
    by_text = {row["text"]: rules for row, rules in zip(tasks, found)}
    onet = [rules for row, rules in zip(tasks, found) if row["kind"] == "onet-task"]
    warned = sum(1 for rules in onet if rules)
    postings = [row for row in label_rows if row["kind"] == "posting-bullet" and row["text"] in by_text]
    true = {row["text"] for row in postings if row["verdict"] == "tp"}
    kept = sum(1 for text in true if by_text[text])
    false = {(row["text"], row["rule"]) for row in postings if row["verdict"] == "fp"}
    still = sum(1 for text, rule in false if rule in by_text[text])
    caught = sum(1 for rules in probe if set(rules) & set(INCLUSIVE))

    def share(n: int, total: int) -> str:
        return f"{n}/{total} ({n / total:.1%})" if total else "-"

    def met(ok: bool) -> str:
        return "yes" if ok else "**no**"

    return ["| target | measured | wanted | met |", "| --- | --- | --- | --- |",
            f"| O*NET statements with any warning | {share(warned, len(onet))} | at most {MOST_ONET_WARNED:.0%} | "
            f"{met(warned <= MOST_ONET_WARNED * len(onet))} |",
            f"| posting lines labelled tp that still draw a finding | {share(kept, len(true))} | at least "
            f"{LEAST_TP_KEPT:.0%} | {met(kept >= LEAST_TP_KEPT * len(true))} |",
            f"| posting lines labelled fp that still draw that rule | {share(still, len(false))} | at most "
            f"{MOST_FP_KEPT:.0%} | {met(still <= MOST_FP_KEPT * len(false))} |",
            f"| requirement lines with an inclusive-wording finding | {share(caught, len(probe))} | at least "
            f"{LEAST_REQUIREMENTS} | {met(caught >= LEAST_REQUIREMENTS)} |"]


def write_firings(path: Path, rows: list[dict], found: list[dict], labels: dict) -> None:
    """Every firing as a JSON line (text, kind, rule, message, verdict or 'unlabelled'), for labelling."""
    with path.open("w", encoding="utf-8") as out:
        for row, rules in zip(rows, found):
            for rule, messages in sorted(rules.items()):
                for message in messages:
                    out.write(json.dumps({"text": row["text"], "kind": row["kind"], "rule": rule, "message": message,
                                          "verdict": labels.get((row["text"], rule), "unlabelled")},
                                         ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The quality rules on real job text: firing rates, precision "
                                     "against hand labels, recall on requirement lines; prints markdown tables.",
                                     epilog="example: python bench/realtext.py --realtext ../shared/realtext")
    parser.add_argument("--realtext", type=Path, default=DEFAULT_CORPUS,
                        help=f"the corpus folder (default: {DEFAULT_CORPUS})")
    parser.add_argument("--firings", type=Path, help="also write every firing to this file, as JSON lines")
    args = parser.parse_args(argv)
    tasks = read_jsonl(args.realtext / "tasks.jsonl")
    if not tasks:
        print(f"no corpus at {args.realtext} (tasks.jsonl missing or empty): this benchmark needs the realtext "
              "texts, which are not part of the repository; point --realtext at them", file=sys.stderr)
        return 2
    requirements = read_jsonl(args.realtext / "requirements.jsonl")
    label_rows = read_jsonl(args.realtext / "labels.jsonl")
    labels = {(row["text"], row["rule"]): row["verdict"] for row in label_rows}
    found = fired([row["text"] for row in tasks + requirements])
    found, probe = found[:len(tasks)], found[len(tasks):]
    probe = [{rule: messages for rule, messages in rules.items() if rule in INCLUSIVE} for rules in probe]
    print(f"## Quality rules on {len(tasks)} duty texts and {len(requirements)} requirement lines\n")
    print("\n".join(rule_table(tasks, found, labels, requirements, probe)))
    print("\n## Targets\n")
    print("\n".join(target_table(tasks, found, label_rows, probe)))
    if args.firings:
        write_firings(args.firings, tasks + requirements, found + probe, labels)
        print(f"\nevery firing written to {args.firings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
