"""Today's outputs of the example catalogue (roles/), each rendered on first use and kept for the rest of the test
session (in a temporary folder removed at exit): `import example_outputs as outputs; outputs.role("pdf")`."""
from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from tests.support import EXAMPLE, run_cli

ROLE = EXAMPLE / "it-project-manager.yaml"
TEAM = EXAMPLE / "teams" / "it-delivery.yaml"


@cache
def _folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="roledocs-example-outputs-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _made(target: Path, *args) -> Path:
    """Run roledocs ARGS -o target. A failure raises RuntimeError, not AssertionError, so that a test marked as an
    expected failure of its assertions does not pass off a broken render as the known problem."""
    run = run_cli(*args, "-o", target)
    if run.code != 0:
        raise RuntimeError(f"roledocs {' '.join(map(str, args))} exited {run.code}: {run.err}")
    return target


def _run(command: str, source: Path, to: str, name: str) -> Path:
    path = _made(_folder() / f"{command}-{to}", command, source, "--to", to) / name
    if not path.is_file():
        raise RuntimeError(f"roledocs {command} --to {to} did not write {name}")
    return path


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
    return _made(_folder() / "site", "build", EXAMPLE)
