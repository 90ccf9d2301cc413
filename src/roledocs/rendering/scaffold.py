"""`roledocs init [DIR]`: a new catalogue: roledocs.yaml, roles/ and teams/, the JSON Schemas for editors, and a
pre-commit config whose hook runs the roledocs installed here. Nothing that exists is written over."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..output.files import output_folder, write_atomic
from ..source.config import CONFIG_NAMES
from ..source.schema import KINDS, schema_text

CONFIG = """\
# yaml-language-server: $schema=schemas/config.schema.json
# The catalogue's settings; this file marks the catalogue's root. Add roles with `roledocs new role ID -o roles/`
# and teams with `roledocs new team ID -o teams/`, then check everything with `roledocs validate`.
roledocs: 1                     # the file format version: always 1
{organization}# your organisation's name, shown on every document
# logo: assets/logo.svg         # an image inside the catalogue, shown on every document
# output: site                  # where `roledocs build` writes the site
# page_size: A4                 # or Letter, for PDFs
# lint:                         # a rule's severity: error | warning | off (`roledocs rules` lists them)
#   raci-idle-role: off
"""

PRE_COMMIT = """\
# pre-commit (https://pre-commit.com) runs `roledocs validate` on the role, team and config files a commit changes,
# each checked against its whole catalogue; other YAML (workflows, this file) is passed over (--skip-other-yaml).
# Set it up once in each clone: pip install pre-commit && pre-commit install
# The hook runs the roledocs installed where you commit (language: system); to pin a version instead, use the
# hook of the roledocs repository, with a commit as its rev (see the README, "In CI and pre-commit").
repos:
  - repo: local
    hooks:
      - id: roledocs-validate
        name: roledocs validate
        entry: roledocs validate --skip-other-yaml
        language: system
        types: [yaml]
        require_serial: true
"""

KEEP = ".gitkeep"  # git keeps no empty folder: roles/ and teams/ would be gone in a clone


@dataclass
class Scaffold:
    """What `init` did: the files it wrote, those it found and kept, and the git repository the folder is in when
    that repository's top is another folder (pre-commit reads its config there only)."""

    folder: Path
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    repository: Path | None = None


def _files(folder: Path) -> dict[Path, str]:
    organization = folder.resolve().name.replace("-", " ").replace("_", " ").title() or "Your Organisation"
    line = f"organization: {json.dumps(organization, ensure_ascii=False)}"
    files = {folder / "roledocs.yaml": CONFIG.format(organization=f"{line:<31} "),
             folder / "roles" / KEEP: "", folder / "teams" / KEEP: "",
             folder / ".pre-commit-config.yaml": PRE_COMMIT}
    files.update({folder / "schemas" / f"{kind}.schema.json": schema_text(kind) for kind in KINDS})
    return files


def _repository(folder: Path) -> Path | None:
    """The top of the git working tree the folder lies in, when that is not the folder itself."""
    start = folder.resolve()
    if (start / ".git").exists():
        return None
    return next((above for above in start.parents if (above / ".git").exists()), None)


def init_catalogue(given: str) -> Scaffold:
    """Write a new catalogue into the folder `given` (created if missing); a usage error if it is one already."""
    folder = output_folder(given)
    existing = [folder / name for name in CONFIG_NAMES if (folder / name).exists()]
    if existing:
        raise UsageError(f"{existing[0].as_posix()} already exists: {given} is a catalogue already (`roledocs "
                         "validate` checks it, `roledocs new` adds roles and teams)")
    done = Scaffold(folder, repository=_repository(folder))
    for path, text in _files(folder).items():
        if path.exists():
            done.kept.append(path)
        else:
            done.written.append(write_atomic(path, text))
    return done
