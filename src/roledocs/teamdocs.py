"""The RACI matrix document by format (RACI_FORMATS) and its output file name, for the CLI and the site build."""
from __future__ import annotations

from typing import Callable

from .raci import Matrix, matrix_for


def _csv(matrix: Matrix, document, catalogue) -> str:
    from .outputs.tabular import to_csv

    return to_csv(matrix)


def _xlsx(matrix: Matrix, document, catalogue) -> bytes:
    from .outputs.tabular import to_xlsx

    return to_xlsx(matrix)


RACI_FORMATS: dict[str, Callable[..., str | bytes]] = {
    "csv": _csv,
    "xlsx": _xlsx,
}


def raci_name(team_id: str, fmt: str) -> str:
    """`<team-id>-raci.<ext>`: beside the charter (`<team-id>.<ext>`) in one folder without clashing."""
    return f"{team_id}-raci.{fmt}"


def render_raci(document, catalogue, fmt: str) -> str | bytes:
    """The RACI matrix of a checked team Document in one format (a key of RACI_FORMATS)."""
    return RACI_FORMATS[fmt](matrix_for(document, catalogue), document, catalogue)
