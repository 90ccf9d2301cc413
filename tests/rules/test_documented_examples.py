"""Every documented example runs, as pylint runs its messages' docs: Bad draws its rule, Good draws no finding at all.

The examples are those of each rule's docstring and each built-in check's docs (`**Bad**:` and `**Good**:`). An
example becomes a file this way: the clean catalogue tests/fixtures/docs-base/ is copied, and the example's YAML
(a ```yaml block, else every inline `key: value` in it, in order) goes into one of its files: the team for a team
rule, roledocs.yaml when all its keys are config keys, otherwise the role software-engineer, which nothing refers
to, so its id may change (the file is then renamed after it). The examples of the reading checks (`file-`, `yaml-`)
go in as text, line by line, since they are often not YAML at all (rulecase.splice); all others as data, into the
first block, in reading order, that holds every key of the example (a KPI for `frequency` and `duties`, the first
skill for `level`), or at the top. An example written in words alone is built by BUILT below, named by its rule
and kind; a rule that is off by default is switched on for both of its examples. The whole catalogue is validated.
"""
from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from roledocs.check.ruledocs import documented
from roledocs.check.validate import validate
from roledocs.source.schema import schema
from tests.rules.rulecase import splice
from tests.support import FIXTURES

BASE = FIXTURES / "docs-base"
ROLE, TEAM, CONFIG = Path("roles/software-engineer.yaml"), Path("teams/it-delivery.yaml"), Path("roledocs.yaml")
MARK = re.compile(r"\*\*(Bad|Good)\*\*:")
BLOCK = re.compile(r"\s*```yaml\n(.*?)```", re.S)
SNIPPET = re.compile(r"`([\w-]+: [^`]+)`")
CONFIG_KEYS = set(schema("config")["properties"])


class Yaml12(yaml.SafeLoader):
    """PyYAML's safe loader reading true and false as YAML 1.2 does, as roledocs does: `off` and `no` are text."""


Yaml12.yaml_implicit_resolvers = {first: [(tag, pattern) for tag, pattern in resolvers if not tag.endswith(":bool")]
                                  for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                             list("tTfF"))


def load(text: str):
    return yaml.load(text, Loader=Yaml12)


def examples(doc: str) -> list[tuple[str, str]]:
    """(kind, YAML) of each `**Bad**:` and `**Good**:` of a doc: its ```yaml block, or else the inline `key: value`
    snippets of the paragraph after the mark, one a line ('' for an example in words alone)."""
    parts = MARK.split(doc)
    found = []
    for kind, text in zip(parts[1::2], parts[2::2]):
        block = BLOCK.match(text)
        paragraph = text.strip().split("\n\n")[0]
        found.append((kind, block.group(1) if block else
                      "\n".join(" ".join(snippet.split()) for snippet in SNIPPET.findall(paragraph))))
    return found


def _holder(node, keys: set[str]):
    """The first mapping, in reading order, that holds every key."""
    if isinstance(node, dict):
        if keys <= node.keys():
            return node
        children = list(node.values())
    elif isinstance(node, list):
        children = node
    else:
        return None
    return next((found for child in children if (found := _holder(child, keys)) is not None), None)


def _file_of(rule, example: str) -> Path:
    """The file of the catalogue an example goes into."""
    if rule.scope == "team":
        return TEAM
    if rule.scope == "catalogue" and set(load(example)) <= CONFIG_KEYS:
        return CONFIG
    return ROLE


def put(path: Path, example: str, as_text: bool = False) -> None:
    """Put an example's YAML into a file of the copied catalogue (the working folder), as text or as data; a role
    or team given another id is renamed after it (unless that name is taken)."""
    text = path.read_text(encoding="utf-8")
    if as_text:
        text = example if example.startswith("- ") else splice(example, text)
    else:
        data, extra = load(text), load(example)
        (_holder(data, set(extra)) or data).update(extra)
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    match = re.search(r"^id: *([^\s#]+)", text, re.M)
    renamed = path.with_name(f"{match.group(1)}.yaml") if match and path != CONFIG else path
    path.unlink()
    (path if renamed.exists() else renamed).write_text(text, encoding="utf-8")


# Examples written in words: how each becomes a file ------------------------------------------------------------

def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _duties(count: int, essential: int) -> None:
    """The role with `count` duties of equal time share, the first `essential` of them essential, all measured."""
    shares = [100 // count + (1 if n < 100 % count else 0) for n in range(count)]
    data = load(ROLE.read_text(encoding="utf-8"))
    data["duties"] = [{"id": f"duty-{n}", "title": f"Maintain service {n}",
                       "description": f"Update the libraries of service {n} every week, run its tests and record "
                                      "each change in the release notes before the next release.",
                       "time_share": share, "frequency": "weekly", "essential": n < essential}
                      for n, share in enumerate(shares)]
    data["kpis"] = [{**data["kpis"][0], "duties": [f"duty-{n}" for n in range(count)]}]
    ROLE.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _shares(*shares: int | None) -> None:
    """The role's duties with these time shares (None: without one)."""
    data = load(ROLE.read_text(encoding="utf-8"))
    for duty, share in zip(data["duties"], shares, strict=True):
        duty.pop("time_share")
        if share is not None:
            duty["time_share"] = share
    ROLE.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _config_and_role(rule_id: str, kind: str) -> None:
    """An example of two ```yaml blocks after its mark: the first goes into roledocs.yaml, the second into every
    role (posting-incomplete checks each role a catalogue publishes: the posting's defaults and the organisation
    are the config's, the place and pay each role's)."""
    section = documented()[rule_id].doc.split(f"**{kind}**", 1)[1].split("**", 1)[0]
    config, role = re.findall(r"```yaml\n(.*?)```", section, re.S)
    put(CONFIG, config)
    for path in sorted(Path("roles").glob("*.yaml")):
        put(path, role)


def _sentence(words: int) -> str:
    """One sentence of about `words` plain words, starting with a verb."""
    parts = ["plan the scope", "set the schedule", "agree the budget", "track the risks", "send the reports",
             "get the approvals", "check the tests", "write the notes", "tell the team", "meet the customer"]
    return ", ".join(parts[n % len(parts)] for n in range(words // 3)).capitalize() + "."


BUILT = {
    ("no-files", "Bad"): lambda: [path.unlink() for path in Path(".").rglob("*.yaml")],
    ("posting-incomplete", "Bad"): lambda: _config_and_role("posting-incomplete", "Bad"),
    ("posting-incomplete", "Good"): lambda: _config_and_role("posting-incomplete", "Good"),
    ("file-unreadable", "Bad"): lambda: (ROLE.unlink(), ROLE.symlink_to("nowhere.yaml")),
    ("file-too-large", "Bad"): lambda: ROLE.write_text(ROLE.read_text("utf-8") + "x-export: " + "x" * 5_000_000),
    ("file-encoding", "Bad"): lambda: ROLE.write_bytes(splice("title: Entwicklerin für Datenbanken",
                                                              ROLE.read_text("utf-8")).encode("cp1252")),
    ("file-encoding", "Good"): lambda: ROLE.write_text(splice("title: Entwicklerin für Datenbanken",
                                                              ROLE.read_text("utf-8")), encoding="utf-8"),
    ("file-empty", "Bad"): lambda: ROLE.write_text("# TODO: describe the tester role\n"),
    ("yaml-multiple-documents", "Bad"): lambda: ROLE.write_text(ROLE.read_text("utf-8") + "---\n" +
                                                                Path("roles/team-lead.yaml").read_text("utf-8")),
    ("missing-key", "Bad"): lambda: _edit(ROLE, '    target: ">= 90%"\n', ""),
    ("pay-range-required", "Bad"): lambda: _edit(ROLE, ROLE.read_text("utf-8")[
        ROLE.read_text("utf-8").index("compensation:"):], ""),
    ("kpi-for-essential-duty", "Bad"): lambda: _edit(ROLE, "duties: [write-code, fix-defects]", "duties: [write-code]"),
    ("too-many-duties", "Bad"): lambda: _duties(11, essential=2),
    ("too-many-duties", "Good"): lambda: _duties(6, essential=4),
    ("too-many-essential-duties", "Bad"): lambda: _duties(9, essential=9),
    ("too-many-essential-duties", "Good"): lambda: _duties(7, essential=5),
    ("reporting-cycle", "Bad"): lambda: _edit(Path("roles/team-lead.yaml"), "\nsummary:", "\nreports_to: developer"
                                                                                          "\nsummary:"),
    ("id-matches-filename", "Bad"): lambda: _edit(ROLE, "id: software-engineer", "id: dev"),
    ("id-matches-filename-team", "Bad"): lambda: _edit(TEAM, "id: it-delivery", "id: delivery"),
    ("duplicate-duty-id", "Bad"): lambda: _edit(ROLE, "  - id: write-code", "  - id: review-code"),
    ("duplicate-kpi-id", "Bad"): lambda: _edit(ROLE, "  - id: escaped-defects", "  - id: review-time"),
    ("time-share-total", "Bad"): lambda: _shares(50, 50, 30),
    ("time-share-total", "Good"): lambda: _shares(40, 40, 20),
    ("time-share-partial", "Bad"): lambda: _shares(50, 50, None),
    ("sentence-length", "Bad"): lambda: _edit(ROLE, "Review each", f"{_sentence(50)} Review each"),
    # reviewed a month ago: within the cycle whatever day the tests run (the example's date is seen from its --today)
    ("review-overdue", "Good"): lambda: put(ROLE, f"last_reviewed: '{date.today() - timedelta(days=30)}'"),
    ("sentence-length", "Good"): lambda: _edit(ROLE, "Review each", " ".join([_sentence(18)] * 3) + " Review each"),
    ("translation-mismatch-team", "Bad"): lambda: (put(CONFIG, "language: [en, en-GB]"),
                                                   put(TEAM, "x-en-GB: {activities: {ghost: {name: Haunt}}}")),
    ("translation-mismatch-team", "Good"): lambda: (put(CONFIG, "language: [en, en-GB]"),
                                                    put(TEAM, "x-en-GB: {activities: {plan: {name: Plan the sprint}}}")),
}
# Examples in words whose file is the clean catalogue itself
AS_IS = {("no-files", "Good"), ("file-unreadable", "Good"), ("file-too-large", "Good"), ("yaml-multiple-documents", "Good"),
         ("kpi-for-essential-duty", "Good"), ("reporting-cycle", "Good"), ("duplicate-duty-id", "Good"),
         ("duplicate-kpi-id", "Good"), ("time-share-partial", "Good")}


DOCUMENTED = [(rule_id, kind, example) for rule_id, rule in documented().items()
              for kind, example in examples(rule.doc)]


def _run(rule_id: str, kind: str, example: str) -> list:
    """The findings of the clean catalogue, copied into the working folder, with the example put in."""
    rule = documented()[rule_id]
    shutil.copytree(BASE, Path.cwd(), dirs_exist_ok=True)
    if getattr(rule, "default_off", False):
        put(CONFIG, f"lint: {{{rule_id}: warning}}")
    if (rule_id, kind) in BUILT:
        BUILT[rule_id, kind]()
    elif (rule_id, kind) not in AS_IS:
        put(_file_of(rule, example), example, as_text=rule_id.startswith(("file-", "yaml-")))
    return validate(["."]).findings


def test_the_base_catalogue_is_clean():
    shutil.copytree(BASE, Path.cwd(), dirs_exist_ok=True)
    assert validate(["."]).findings == []


@pytest.mark.parametrize("rule_id, kind, example", DOCUMENTED, ids=[f"{r}-{k}" for r, k, _ in DOCUMENTED])
def test_a_documented_example_does_what_it_says(rule_id, kind, example):
    findings = _run(rule_id, kind, example)
    if kind == "Bad":
        assert rule_id in {f.rule for f in findings}, [f"{f.path}:{f.line} {f.rule}" for f in findings]
    else:
        assert [f"{f.path}:{f.line} {f.rule}: {f.message}" for f in findings] == []


def test_every_example_in_words_is_built():
    in_words = {(rule_id, kind) for rule_id, kind, example in DOCUMENTED if not example}
    assert in_words <= set(BUILT) | AS_IS, "write the example as `key: value`, or say in BUILT how to build it"
    assert set(BUILT) | AS_IS <= {(rule_id, kind) for rule_id, kind, _ in DOCUMENTED}


def test_every_rule_and_check_shows_a_bad_and_a_good_example():
    shown = {(rule_id, kind) for rule_id, kind, _ in DOCUMENTED}
    assert [rule_id for rule_id in documented() if not {(rule_id, "Bad"), (rule_id, "Good")} <= shown] == []
