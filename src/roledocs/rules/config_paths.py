"""Rules about the folders and files the catalogue config names: the logo, the template folder, the output folder.

render and build would stop on each of these; validate says so first, at the config key, so CI catches it.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import RoledocsError
from ..output.placement import placement_problem
from ..source.assets import logo_file, template_folder
from .registry import Problem, rule


def _refused(catalogue, key: str, use):
    """The problem at the config's `key` when `use(catalogue)`, what render and build call, refuses it."""
    if catalogue.config_document is None:
        return
    try:
        use(catalogue)
    except RoledocsError as error:
        yield Problem(catalogue.config_document, (key,), str(error))


@rule("config-logo", scope="catalogue", needs_catalogue=True)
def config_logo(catalogue):
    """The `logo` in roledocs.yaml is an image (.svg, .png, .jpg or .gif) of at most 1 MiB inside the catalogue.

    Documents inline the logo, so they fetch nothing when printed; a file outside the catalogue is refused so a
    catalogue cannot pull in files from elsewhere on the machine that renders it.

    **Bad**: `logo: ../../shared/logo.png`

    **Good**: `logo: assets/logo.svg`
    """
    if catalogue.config.logo:
        yield from _refused(catalogue, "logo", logo_file)


@rule("config-templates", scope="catalogue", needs_catalogue=True)
def config_templates(catalogue):
    """The `templates` folder in roledocs.yaml exists and lies inside the catalogue.

    **Bad**: `templates: ../other-repo/templates`

    **Good**: `templates: templates` (a folder beside roledocs.yaml)
    """
    if catalogue.config.templates:
        yield from _refused(catalogue, "templates", template_folder)


@rule("config-output", scope="catalogue", needs_catalogue=True)
def config_output(catalogue):
    """The `output` folder in roledocs.yaml is a folder of its own: not the catalogue folder or one above it, not
    the template folder, and holding no role, team or config files (roledocs never reads its output folder, so
    they would go unchecked, and `roledocs build` would write among them).

    **Bad**: `output: teams` when `teams/` holds the team files; `output: .`; `output: templates`

    **Good**: `output: site`
    """
    document = catalogue.config_document
    if document is None:
        return
    output = catalogue.config.output
    problem = placement_problem(Path(catalogue.root) / output, catalogue, catalogue.unread)
    if problem is not None:
        other = "public" if output.strip("/") == "site" else "site"
        yield Problem(document, ("output",), f"the output folder '{output}' {problem}; give the output a folder of "
                      f"its own, e.g. 'output: {other}'")
