"""Benchmark the quality rules: precision and recall of the inclusive-wording rules on the labelled passages, and
what the quality rules add to `roledocs validate` on a synthetic catalogue. Prints markdown tables.

Run: `/work/venv/bin/python bench/rules.py` (10,000 roles and 500 teams; `--roles 2000 --teams 100` for a quick run).
Validate runs as a subprocess with the catalogue's roledocs.yaml switched between the defaults and
`lint: {quality: off}`, alternating, best of `--runs`; CPU time (all processes) is shown beside wall time because
the machine may be shared. The catalogue is generated once into bench/.cache/ by bench/generate.py.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PASSAGES = REPO / "tests" / "fixtures" / "quality" / "passages.yaml"
CONFIG = "roledocs: 1\norganization: Synthetic Corp\noutput: site\n"
QUALITY_OFF = CONFIG + "lint:\n  quality: off\n"
TARGET = 0.20
sys.path.insert(0, str(BENCH))
from generate import cached  # noqa: E402  (a sibling script, not a package)


def passages() -> str:
    """Precision and recall of the inclusive-wording rules on the labelled set."""
    from roledocs.rules.quality.wording import inclusive_hits

    rows = yaml.safe_load(PASSAGES.read_text(encoding="utf-8"))["passages"]
    found = [(p, {h.rule for h in inclusive_hits(p["text"], p["field"], p.get("title", ""))}) for p in rows]
    tp = sum(1 for p, rules in found if p["label"] == "biased" and rules)
    fp = sum(1 for p, rules in found if p["label"] == "neutral" and rules)
    biased = [p for p in rows if p["label"] == "biased"]
    right_rule = sum(1 for p, rules in found if p["label"] == "biased" and p["rule"] in rules)
    lines = ["| passages | neutral | biased | flagged biased (TP) | flagged neutral (FP) | precision | recall | "
             "recall, right rule |", "| --- | --- | --- | --- | --- | --- | --- | --- |",
             f"| {len(rows)} | {len(rows) - len(biased)} | {len(biased)} | {tp} | {fp} | "
             f"{tp / max(tp + fp, 1):.1%} | {tp / len(biased):.1%} | {right_rule / len(biased):.1%} |", ""]
    lines += ["| rule | biased passages | found |", "| --- | --- | --- |"]
    for rule_id, count in sorted(Counter(p["rule"] for p in biased).items()):
        hit = sum(1 for p, rules in found if p["label"] == "biased" and p["rule"] == rule_id and rule_id in rules)
        lines.append(f"| {rule_id} | {count} | {hit} |")
    return "\n".join(lines)


def catalogue(roles: int, teams: int) -> Path:
    """The cached synthetic catalogue of that size (see generate.cached)."""
    return cached(f"rules-catalogue-{roles}", roles, teams)


def _run(root: Path, config: str) -> tuple[float, float]:
    """Wall and CPU seconds (this process's children) of one `roledocs validate`."""
    (root / "roledocs.yaml").write_text(config, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).with_name("roledocs")), "validate", str(root)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"validate exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def end_to_end(root: Path, runs: int) -> str:
    """`roledocs validate` with and without the quality rules, alternating, best of `runs`."""
    times: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
    try:
        for _ in range(runs):
            times["without"].append(_run(root, QUALITY_OFF))
            times["with"].append(_run(root, CONFIG))
    finally:
        (root / "roledocs.yaml").write_text(CONFIG, encoding="utf-8")
    files = sum(1 for _ in root.rglob("*.yaml"))
    best = {mode: (min(w for w, _ in t), min(c for _, c in t)) for mode, t in times.items()}
    wall = best["with"][0] / best["without"][0] - 1
    cpu = best["with"][1] / best["without"][1] - 1
    verdict = "within" if wall <= TARGET else "over"
    return "\n".join([
        f"| validate, {files:,} files, {os.cpu_count()} cores | wall (best of {runs}) | CPU, all processes |",
        "| --- | --- | --- |",
        f"| quality rules off (`lint: {{quality: off}}`) | {best['without'][0]:.2f} s | {best['without'][1]:.2f} s |",
        f"| quality rules on (defaults) | {best['with'][0]:.2f} s | {best['with'][1]:.2f} s |",
        f"| added by the quality rules | {wall:+.1%} ({verdict} the {TARGET:.0%} target) | {cpu:+.1%} |"])


def per_rule(root: Path, limit: int) -> str:
    """Microseconds per role, in one process: the text analysis the rules share, then each rule's own work."""
    import gc

    from roledocs.source.catalogue import Catalogue, load_file
    from roledocs.source.config import Config
    from roledocs.check.engine import run_file_rules
    from roledocs.rules import RULES
    from roledocs.rules.quality import text as quality_text, wording as quality_wording

    documents = [load_file(p, p.name, Config(lint={"quality": "off"})).document
                 for p in sorted((root / "roles").glob("*.yaml"))[:limit]]
    gc.freeze()  # the loaded files are not what is measured
    shared = {"shared: the role's words, split once": quality_text.role_words,
              "shared: descriptions split into words": quality_text.descriptions,
              "shared: sentences and syllables of summary and descriptions":
                  lambda d: [(t.sentence_count, t.syllables) for _, t in quality_text.readable(d)],
              "shared: coded words (fields looked at only if the role's words hold one)": quality_wording.hits_in}
    rules = [r for r in RULES.values() if r.scope == "role" and not r.default_off
             and (r.group == "quality" or r.id.startswith(("placeholder", "suppression")))]
    spent: dict[str, float] = dict.fromkeys([*shared, *(r.id for r in rules)], 0.0)
    context = Catalogue(root=None, config=Config())
    found = Counter()
    for document in documents:
        for name, work in shared.items():
            start = time.process_time()
            work(document)
            spent[name] += time.process_time() - start
        for rule in rules:
            start = time.process_time()
            found[rule.id] += sum(1 for _ in rule.check(document, context))
            spent[rule.id] += time.process_time() - start
    totals = {}
    for name, lint in (("off", {"quality": "off"}), ("on", {})):
        config = Catalogue(root=None, config=Config(lint=lint))
        start = time.process_time()
        for document in documents:
            run_file_rules(document, config)
        totals[name] = time.process_time() - start
    gc.unfreeze()
    per_role = 1e6 / len(documents)
    lines = [f"| in one process, {len(documents):,} roles | µs per role | findings |", "| --- | --- | --- |"]
    lines += [f"| {name} | {seconds * per_role:.0f} | {found.get(name, '')} |"
              for name, seconds in sorted(spent.items(), key=lambda item: -item[1]) if seconds * per_role >= 0.5]
    lines.append(f"| **every file rule: quality off / on** | {totals['off'] * per_role:.0f} / "
                 f"{totals['on'] * per_role:.0f} | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark the quality rules; prints markdown tables.",
                                     epilog="example: python bench/rules.py --roles 2000 --teams 100 --runs 3")
    parser.add_argument("--roles", type=int, default=10_000)
    parser.add_argument("--teams", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("## Inclusive wording on the labelled passages\n")
    print(passages())
    root = catalogue(args.roles, args.teams)
    print("\n## What the quality rules add to validate\n")
    print(end_to_end(root, args.runs))
    print()
    print(per_rule(root, min(args.roles, 2_000)))


if __name__ == "__main__":
    main()
