"""Property-based: whatever happens to a catalogue's files between runs, a run through the content cache reports
exactly what a run without it does."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from roledocs.check.validate import validate
from tests.support import EXAMPLE, FIXTURES

FILES = ["it-project-manager.yaml", "software-tester.yaml", "systems-analyst.yaml", "teams/it-delivery.yaml",
         "analyst.yaml", "roledocs.yaml"]
EDITS = {  # text replaced -> by, in whichever file has it
    "level: 4": "level: 9",
    "kind: role\n": "kind: role\nbogus: 1\n",
    "reports_to: it-project-manager": "reports_to: nobody",
    "title: Software Tester": "title: Rockstar Ninja Tester",
    "x-roledocs-allow:\n": "x-roledocs-allow:\n  - {rule: duty-action-verb, reason: tested}\n",
    "- role: software-tester": "- role: software-testers",
    "id: ": "id: x",
}
SETTINGS = ["", "lint:\n  quality: off\n", "quality:\n  max_duties: 2\nlint:\n  duty-action-verb: error\n",
            "lint:\n  unknown-reports-to: warning\n  too-many-duties: off\n", "organization: Another Corp\n",
            "lint: [\n"]
STEP = st.one_of(
    st.tuples(st.just("config"), st.just("roledocs.yaml"), st.sampled_from(SETTINGS)),
    st.tuples(st.just("edit"), st.sampled_from(FILES), st.sampled_from(sorted(EDITS))),
    st.tuples(st.just("byte"), st.sampled_from(FILES), st.integers(0, 5000), st.sampled_from(list(":-[]#\n x9'\"&*"))),
    st.tuples(st.just("delete"), st.sampled_from(FILES)),
    st.tuples(st.just("restore"), st.sampled_from(FILES)),
    st.tuples(st.just("copy"), st.sampled_from(FILES), st.sampled_from(["copy.yaml", "teams/copy.yaml"])),
    st.tuples(st.just("rename"), st.sampled_from(FILES), st.sampled_from(["renamed.yaml", "teams/renamed.yaml"])),
    st.tuples(st.just("touch"), st.sampled_from(FILES)),
)


def _catalogue(folder: Path) -> Path:
    root = folder / "catalogue"
    shutil.copytree(EXAMPLE, root)
    shutil.copy(FIXTURES / "valid" / "roles" / "analyst.yaml", root / "analyst.yaml")
    return root


def _apply(root: Path, original: Path, step: tuple) -> None:
    action, name, *rest = step
    path = root / name
    if action == "restore":
        shutil.copy(original / name, path)
    elif action == "config":
        path.write_text((original / name).read_text(encoding="utf-8") + rest[0], encoding="utf-8")
    elif not path.exists():
        return
    elif action == "edit":
        old, new = rest[0], EDITS[rest[0]]
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    elif action == "byte":
        data = path.read_bytes()
        at = rest[0] % (len(data) + 1)
        path.write_bytes(data[:at] + rest[1].encode() + data[at + 1:])
    elif action == "delete":
        path.unlink()
    elif action == "copy":
        shutil.copy(path, root / rest[0])
    elif action == "rename":
        path.rename(root / rest[0])
    elif action == "touch":
        path.write_bytes(path.read_bytes())


def _findings(root: Path, **options) -> list[tuple]:
    return [tuple(f.to_dict().values()) for f in validate([str(root)], **options).findings]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(STEP, min_size=1, max_size=6), whole=st.booleans())
def test_a_cached_run_reports_what_a_cold_run_does_whatever_changed(steps, whole):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        root, original = _catalogue(folder), _catalogue(folder / "original")
        cache = folder / "cache"
        assert _findings(root, whole=whole, cache=cache) == _findings(root, whole=whole, cache=False)
        for step in steps:
            _apply(root, original, step)
            assert _findings(root, whole=whole, cache=cache) == _findings(root, whole=whole, cache=False), step
