"""Today's outputs of the example catalogue (roles/), each rendered on first use and kept for the rest of the test
session (in a temporary folder removed at exit): `import example_outputs as outputs; outputs.role("pdf")`."""
from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from conftest import EXAMPLE, run_cli

ROLE = EXAMPLE / "it-project-manager.yaml"
TEAM = EXAMPLE / "teams" / "it-delivery.yaml"


@cache
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="roledocs-example-outputs-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _run(command: str, source: Path, to: str, name: str) -> Path:
    target = _folder() / f"{command}-{to}"
    run = run_cli(command, source, "--to", to, "-o", target)
    assert run.code == 0, run.err
    assert (target / name).is_file(), sorted(path.name for path in target.iterdir())
    return target / name


@cache
def role(to: str) -> Path:
    """The IT Project Manager's job description (render --to md|html|pdf|jsonld|docx)."""
    return _run("render", ROLE, to, f"{ROLE.stem}.{to}")


@cache
def raci(to: str) -> Path:
    """The IT Delivery Team's RACI matrix (raci --to html|csv|xlsx|pdf)."""
    return _run("raci", TEAM, to, f"{TEAM.stem}.{to}" if to in ("csv", "xlsx") else f"{TEAM.stem}-raci.{to}")


@cache
def charter(to: str) -> Path:
    """The IT Delivery Team's charter, rendered alone (charter --to html|pdf|md)."""
    return _run("charter", TEAM, to, f"{TEAM.stem}.{to}")


@cache
def site() -> Path:
    """The example catalogue built as a site (build, without PDFs)."""
    target = _folder() / "site"
    run = run_cli("build", EXAMPLE, "-o", target)
    assert run.code == 0, run.err
    return target
