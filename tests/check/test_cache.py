"""The content cache: a warm run reports exactly what a cold run does, and reads (parses) only what changed."""
from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from roledocs.check.validate import validate
from tests.support import EXAMPLE, FIXTURES


def mixed(folder: Path) -> Path:
    """A catalogue with a bit of everything: the example, one file per error the fixtures have, roles with
    suppressions, quality warnings, a YAML syntax error, a file that is not UTF-8, a reference to no role."""
    root = folder / "mixed"
    shutil.copytree(EXAMPLE, root)
    (root / "invalid").mkdir()
    for source in sorted((FIXTURES / "invalid").glob("*.yaml")):
        shutil.copy(source, root / "invalid" / source.name)
    shutil.copytree(FIXTURES / "valid" / "roles", root / "suppressed")
    shutil.copy(FIXTURES / "quality" / "data-engineer.yaml", root / "data-engineer.yaml")
    (root / "broken.yaml").write_text("roledocs: 1\nkind: role\nid: [broken\n", encoding="utf-8")
    (root / "latin1.yaml").write_bytes("roledocs: 1\nkind: role\ntitle: Caf\xe9\n".encode("latin-1"))
    edit(root / "software-tester.yaml", "reports_to: it-project-manager", "reports_to: nobody-here")
    shutil.copy(root / "database-administrator.yaml", root / "suppressed" / "database-administrator.yaml")
    # a schema error in one key, a wrong reference in another: the cross-file rules still check the reference
    edit(root / "software-developer.yaml", "reports_to: it-project-manager", "reports_to: nobody-at-all\nsalary: lots")
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def findings(paths, **options) -> list[dict]:
    return [f.to_dict() for f in validate([str(p) for p in paths], **options).findings]


def test_a_warm_run_reports_what_a_cold_run_does_and_parses_nothing(tmp_path, parsed):
    root = mixed(tmp_path)
    cold = findings([root], cache=False)
    assert {f["severity"] for f in cold} == {"error", "warning"} and len(cold) > 40
    assert {"yaml-syntax", "file-encoding", "unknown-reports-to", "out-of-range", "duplicate-id"} <= \
        {f["rule"] for f in cold}
    developer = {f["rule"] for f in cold if f["path"].endswith("software-developer.yaml")}
    assert {"unknown-key", "unknown-reports-to"} <= developer
    parsed.clear()
    assert findings([root], cache=tmp_path / "cache") == cold
    assert len(parsed) > 40  # the first run reads every file
    parsed.clear()
    assert findings([root], cache=tmp_path / "cache") == cold
    assert parsed == []


def test_the_library_api_gets_whole_roles_from_the_cache(tmp_path, parsed):
    import roledocs

    root = mixed(tmp_path)
    cold = roledocs.validate([root], cache=False)
    roledocs.validate([root], cache=tmp_path / "cache")
    parsed.clear()
    warm = roledocs.validate([root], cache=tmp_path / "cache")
    assert parsed == []
    assert warm.findings == cold.findings
    [cold_catalogue], [warm_catalogue] = cold.catalogues, warm.catalogues
    assert {rid: d.data for rid, d in warm_catalogue.roles.items()} == \
        {rid: d.data for rid, d in cold_catalogue.roles.items()}
    assert warm_catalogue.roles["software-tester"].data["duties"]  # whole, not only what the cross-file rules read


def test_a_changed_file_is_read_again_and_nothing_else(tmp_path, parsed):
    root = mixed(tmp_path)
    findings([root], cache=tmp_path / "cache")
    edit(root / "systems-analyst.yaml", "title: Systems Analyst", "title: Systems Analyst\nbogus: 1")
    cold = findings([root], cache=False)
    parsed.clear()
    assert findings([root], cache=tmp_path / "cache") == cold
    assert parsed == [f"{root.as_posix()}/systems-analyst.yaml"]


@pytest.mark.parametrize("config, reread", [
    ("lint:\n  quality: off\n", True),
    ("lint:\n  duty-action-verb: error\n  gender-coded-language: off\n", True),
    ("quality:\n  max_duties: 3\n", True),
    ("lint:\n  no-such-rule: off\n", True),
    ("organization: Another Corp\n", False),
    ("logo: missing.png\n", False),
    ("language: de\n", True),  # the rules that read English words skip the roles
    ("language: [en, de]\n", True),  # translation blocks checked for de, roles kept whole for translation-missing
])
def test_the_config_invalidates_what_the_one_file_checks_read_and_nothing_else(config, reread, tmp_path, parsed):
    root = mixed(tmp_path)
    findings([root], cache=tmp_path / "cache")
    settings = root / "roledocs.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("organization: Example Corp\n", "") + config,
                        encoding="utf-8")
    cold = findings([root], cache=False)
    parsed.clear()
    assert findings([root], cache=tmp_path / "cache") == cold
    assert (len(parsed) > 40) is reread, parsed


def test_the_day_counts_only_while_a_rule_judges_by_it(tmp_path, parsed):
    """review-overdue compares `last_reviewed` with the day: its findings are kept for one day; with it off (the
    default), a new day reads nothing again."""
    root = mixed(tmp_path)
    edit(root / "systems-analyst.yaml", "title: Systems Analyst", "title: Systems Analyst\nlast_reviewed: 2025-01-15")
    cache = tmp_path / "cache"
    findings([root], cache=cache, today="2025-06-01")
    parsed.clear()
    warm = findings([root], cache=cache, today="2026-06-01")
    assert parsed == []  # nothing read again for another day
    assert warm == findings([root], cache=False, today="2026-06-01")
    settings = root / "roledocs.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "lint:\n  review-overdue: warning\n", encoding="utf-8")
    for today in ("2025-06-01", "2026-06-01", "2025-06-01"):
        late = findings([root], cache=cache, today=today)
        assert late == findings([root], cache=False, today=today)
        assert any(f["rule"] == "review-overdue" for f in late) is (today == "2026-06-01")


def test_findings_are_shown_as_each_run_names_the_files(tmp_path, parsed, monkeypatch):
    root = mixed(tmp_path)
    findings([root], cache=tmp_path / "cache")
    monkeypatch.chdir(root)
    parsed.clear()
    warm = findings(["."], cache=tmp_path / "cache")
    assert parsed == []
    assert warm == findings(["."], cache=False)
    assert "software-tester.yaml" in {f["path"] for f in warm}  # shown from here, not as the first run showed it


def test_a_renamed_file_is_checked_under_its_new_name(tmp_path):
    root = mixed(tmp_path)
    findings([root], cache=tmp_path / "cache")
    (root / "systems-analyst.yaml").rename(root / "business-analyst.yaml")
    warm = findings([root], cache=tmp_path / "cache")
    assert warm == findings([root], cache=False)
    assert any(f["rule"] == "id-matches-filename" and f["path"].endswith("business-analyst.yaml") for f in warm)


def test_named_files_as_pre_commit_gives_them(tmp_path, parsed):
    """A run on a few named files reads the others for their references only; a later full run checks them."""
    root = mixed(tmp_path)
    named = [root / "software-tester.yaml", root / "invalid" / "out-of-range.yaml"]
    cold = findings(named, cache=False)
    assert {f["path"] for f in cold} == {p.as_posix() for p in named}
    assert findings(named, cache=tmp_path / "cache") == cold
    parsed.clear()
    assert findings(named, cache=tmp_path / "cache") == cold
    assert parsed == []
    assert findings([root], cache=tmp_path / "cache") == findings([root], cache=False)


def test_a_file_changed_back_and_forth_is_never_mistaken(tmp_path):
    """The same size, the same modification time: only the bytes tell the two versions apart."""
    root = mixed(tmp_path)
    role = root / "systems-analyst.yaml"
    good = role.read_bytes()
    bad = good.replace(b"level: 4", b"level: 9", 1)
    assert bad != good and len(bad) == len(good)
    times = (role.stat().st_atime_ns, role.stat().st_mtime_ns)
    for content in (good, bad, good, bad):
        role.write_bytes(content)
        os.utime(role, ns=times)
        assert findings([root], cache=tmp_path / "cache") == findings([root], cache=False)


def test_stamps_spare_reading_unchanged_files(tmp_path, monkeypatch):
    """A file whose size, times and inode are as they were is not read at all (files changed in the last two
    seconds are always read: their stamp could still be the same after another change)."""
    import roledocs.check.cache as cache_module
    import roledocs.source.document as document_module

    monkeypatch.setattr(document_module, "RECENT_NS", 0)
    root = mixed(tmp_path)
    findings([root], cache=tmp_path / "cache")
    read: list[str] = []
    real = cache_module.read_source
    monkeypatch.setattr(cache_module, "read_source", lambda path, display: read.append(display) or real(path, display))
    findings([root], cache=tmp_path / "cache")
    assert read == []
    edit(root / "systems-analyst.yaml", "title: Systems Analyst", "title: Systems Analyst II")
    assert findings([root], cache=tmp_path / "cache") == findings([root], cache=False)


def test_a_recently_changed_file_is_not_stamped(tmp_path):
    from roledocs.source.document import RECENT_NS, stamp_of

    path = tmp_path / "role.yaml"
    path.write_text("x", encoding="utf-8")
    status = path.stat()
    assert stamp_of(status, status.st_ctime_ns + RECENT_NS // 2) is None
    assert stamp_of(status, status.st_ctime_ns + RECENT_NS + 1) is not None
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns + 10 * RECENT_NS))  # a time in the future
    assert stamp_of(path.stat(), status.st_ctime_ns + 2 * RECENT_NS) is None


def test_the_one_file_checks_see_only_their_part_of_the_config():
    from roledocs.source.config import Config

    config = Config(organization="Org", logo="logo.png", output="out", lint={"quality": "off"},
                    quality={"max_duties": 3}, posting={"direct_apply": True}, review_cycle_months=6,
                    extensions={"x-team": 1}, analysis={"overload_share": 0.5}, today="2026-01-02")
    assert config.for_file_checks() == Config(organization="Org", lint={"quality": "off"}, quality={"max_duties": 3},
                                               posting={"direct_apply": True}, review_cycle_months=6,
                                               today="2026-01-02")
    assert Config().for_file_checks().today == date.today().isoformat()


def test_every_one_file_rule_reads_only_the_config_it_declares():
    """The cache keys a file's findings by the config fields the rules that run declare they read: a rule that
    reads another field would make the cache report what another config gave. Each rule runs alone, on every
    fixture file, with a config that notes what is read."""
    from roledocs.check.engine import run_file_rules
    from roledocs.rules import RULES
    from roledocs.source.catalogue import Catalogue, load_file
    from roledocs.source.config import FILE_CHECK_FIELDS, Config

    class Noting(Config):
        def __getattribute__(self, name):
            if not name.startswith("__"):
                object.__getattribute__(self, "read").add(name)
            return object.__getattribute__(self, name)

    documents = [loaded.document for path in [*FIXTURES.rglob("*.yaml"), *EXAMPLE.rglob("*.yaml")]
                 if (loaded := load_file(path, path.name)).valid and loaded.document.kind in ("role", "team")]
    assert len(documents) > 20
    one_file = [r for r in RULES.values() if r.scope != "catalogue" and not r.needs_catalogue]
    for current in one_file:
        lint = {rule.id: "off" for rule in RULES.values()} | {current.id: "warning"}
        config = Noting(lint=lint, posting={"direct_apply": True}, organization="Org", today="2026-01-02")
        object.__setattr__(config, "read", set())
        for document in documents:
            run_file_rules(document, Catalogue(root=None, config=config))
        read = {name for name in config.read if name in Config.__dataclass_fields__}
        # the languages are in every key: the engine reads the files' language for the rules that read one only
        assert read <= {"lint", "quality", "language", "languages", *current.settings}, current.id
        assert set(current.settings) <= set(FILE_CHECK_FIELDS), current.id


def test_the_findings_of_a_file_do_not_depend_on_how_it_is_shown(tmp_path):
    """What the cache keeps of a file's findings without its shown name must be all there is: every finding of
    every fixture file, loaded under two different names, differs in its path only."""
    from roledocs.check.engine import run_file_rules
    from roledocs.source.catalogue import load_file

    files = sorted(p for p in FIXTURES.rglob("*.y*ml") if p.name != "passages.yaml") + sorted(EXAMPLE.rglob("*.yaml"))
    assert len(files) > 50
    for path in files:
        here = load_file(path, path.name, per_file=run_file_rules)
        there = load_file(path, f"some/where/else/{path.name}", per_file=run_file_rules)
        assert [f.path for f in here.findings] == [path.name] * len(here.findings)
        assert [(f.line, f.column, f.severity, f.rule, f.message) for f in here.findings] == \
            [(f.line, f.column, f.severity, f.rule, f.message) for f in there.findings], path


def test_no_cache_reads_and_writes_none(tmp_path, cli, monkeypatch):
    root = mixed(tmp_path)
    monkeypatch.delenv("ROLEDOCS_CACHE_DIR")
    run = cli("validate", "--no-cache", str(root))
    assert run.code == 1
    assert not (root / ".roledocs-cache").exists()
    assert cli("validate", "--no-cache", "--cache-dir", str(tmp_path / "c"), str(root)).code == 2


def test_json_output_is_the_same_from_the_cache(tmp_path, cli):
    root = mixed(tmp_path)
    cold = cli("validate", "--format", "json", "--no-cache", str(root))
    first = cli("validate", "--format", "json", "--cache-dir", str(tmp_path / "c"), str(root))
    warm = cli("validate", "--format", "json", "--cache-dir", str(tmp_path / "c"), str(root))
    assert cold.code == first.code == warm.code == 1
    assert json.loads(cold.out) == json.loads(first.out) == json.loads(warm.out)
    assert any(p.name.startswith("checks-") for p in (tmp_path / "c").iterdir())
