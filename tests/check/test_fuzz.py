"""Property-based: random YAML, random bytes and random mutations of valid files never crash validate (never exit 3)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.support import EXAMPLE, FIXTURES, run_cli
from roledocs.check.validate import validate

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                      HealthCheck.too_slow])
SOURCES = sorted([*EXAMPLE.rglob("*.yaml"), *(FIXTURES / "valid").rglob("*.yaml")])
YAML_ALPHABET = st.sampled_from(list("abcdeklmnorstxyz0123456789 \n\t:-,[]{}#&*!|>'\"%@`?~._/\\") + ["\r", "é", "→"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True),
                    st.text(max_size=30), st.sampled_from(["NO", "yes", "on", "0755", "1e3", "010", "2026-01-01",
                                                           "x-", "role", "team", ">= 90%", "AR", "CI", "~", ""]))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=5),
    st.dictionaries(st.one_of(st.text(max_size=12), st.sampled_from(
        ["roledocs", "kind", "id", "title", "summary", "duties", "skills", "kpis", "time_share", "raci", "members",
         "role", "activities", "lint", "x-extra", "reports_to", "level", "target", "compensation", "min", "max"])),
        inner, max_size=6)), max_leaves=25)


def _check(path: Path, shown: str) -> None:
    """validate never raises, every finding is well formed, and the CLI never reports an internal error."""
    run = run_cli("validate", "--format", "json", shown)
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err and "internal error" not in run.err
    for finding in json.loads(run.out):
        assert finding["rule"] and finding["message"] and finding["severity"] in ("error", "warning")
        assert finding["line"] >= 1  # every finding is located (a file that cannot be read at all is not fuzzed)
        assert finding["column"] is None or (finding["column"] >= 1 and finding["line"] is not None)
    assert run.code == int(any(f["severity"] == "error" for f in json.loads(run.out)))


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> Path:
    """One copy of the example catalogue for the whole module; each example restores the file it mutates."""
    root = tmp_path_factory.mktemp("fuzz") / "catalogue"
    shutil.copytree(EXAMPLE, root)
    shutil.copytree(FIXTURES / "valid" / "roles", root / "fixture-roles")
    shutil.copytree(FIXTURES / "valid" / "teams", root / "fixture-teams")
    return root


def _copies(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml"))


@st.composite
def mutations(draw, lines: list[str]) -> list[str]:
    """Apply one to four random edits to a file's lines."""
    lines = list(lines)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            lines = [""]
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "value", "bytes", "swap"]))
        line = lines[at]
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, line)
        elif action == "indent":
            lines[at] = " " * draw(st.integers(1, 5)) + line
        elif action == "dedent":
            lines[at] = line[draw(st.integers(1, 4)):]
        elif action == "value" and ":" in line:
            key = line.split(":", 1)[0]
            value = draw(SCALARS)
            lines[at] = f"{key}: {yaml.safe_dump(value, default_flow_style=True).splitlines()[0] if value is not None else ''}"
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], line
        else:
            cut = draw(st.integers(0, len(line)))
            noise = draw(st.binary(min_size=1, max_size=6)).decode("utf-8", errors="surrogateescape")
            lines[at] = line[:cut] + noise + line[cut:]
    return lines


@FUZZ
@given(text=st.text(YAML_ALPHABET, max_size=300))
def test_random_yaml_text_never_crashes(text, tmp_path):
    path = tmp_path / "random.yaml"
    path.write_text(text, encoding="utf-8", newline="")
    assert validate([str(path)]).files == [str(path)]
    _check(path, str(path))


@FUZZ
@given(raw=st.binary(max_size=300))
def test_random_bytes_never_crash(raw, tmp_path):
    path = tmp_path / "random.yaml"
    path.write_bytes(raw)
    assert validate([str(path)]).files == [str(path)]
    _check(path, str(path))


@FUZZ
@given(data=st.data())
def test_mutated_valid_files_never_crash(data, catalogue):
    """Mutated files inside a real catalogue: loading, schema messages and the cross-file rules all run."""
    path = data.draw(st.sampled_from(_copies(catalogue)))
    original = path.read_bytes()
    lines = original.decode("utf-8").splitlines()
    mutated = data.draw(mutations(lines))
    try:
        path.write_bytes("\n".join(mutated).encode("utf-8", errors="surrogateescape") + b"\n")
        _check(path, str(path))
    finally:
        path.write_bytes(original)


@FUZZ
@given(value=DATA)
def test_random_data_structures_never_crash(value, tmp_path):
    path = tmp_path / "random.yaml"
    path.write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    _check(path, str(path))


@FUZZ
@given(data=st.data())
def test_valid_documents_with_a_random_subtree_never_crash(data, catalogue):
    """Valid data with one value replaced by random data: exercises every schema message and location."""
    path = data.draw(st.sampled_from(_copies(catalogue)))
    original = path.read_bytes()
    document = yaml.safe_load(original)
    parent, key, node = None, None, document
    for _ in range(data.draw(st.integers(1, 5))):
        keys = sorted(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        parent, key = node, data.draw(st.sampled_from(keys))
        if not isinstance(node[key], (dict, list)) or data.draw(st.booleans()):
            break
        node = node[key]
    if parent is not None:
        parent[key] = data.draw(DATA)
    try:
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
        _check(path, str(path))
    finally:
        path.write_bytes(original)
