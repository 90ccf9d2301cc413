"""Helpers for the render tests: a private copy of the small render catalogue and role files written into it."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.support import FIXTURES

CATALOGUE = FIXTURES / "render" / "catalogue"
RENDER_FIXTURES = CATALOGUE.parent


def catalogue_copy(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/render/catalogue (roles head-of-delivery and delivery-lead, which reports to it)."""
    target = tmp_path / "render-catalogue"
    shutil.copytree(CATALOGUE, target)
    return target


def lead_data() -> dict:
    """The data of roles/delivery-lead.yaml, to vary in a test."""
    return yaml.safe_load((CATALOGUE / "roles" / "delivery-lead.yaml").read_text(encoding="utf-8"))


def write_role(root: Path, data: dict) -> Path:
    """Write a role file named after its id into the catalogue at root; returns its path."""
    path = root / "roles" / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_template(root: Path, name: str, text: str) -> Path:
    """Write an override template into the catalogue's templates/ folder."""
    path = root / "templates" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
