"""The Jinja environment: the catalogue's templates first, then the built-ins (also as `builtin/<name>`), sandboxed.

Every document kind (job description, RACI matrix, team charter) renders through `environment(catalogue)` and
`render_template(env, name, context)`. The environment is built and its templates compiled once per template
folder and process. Templates run in Jinja's immutable sandbox with StrictUndefined; HTML and XML templates are
autoescaped, and Markdown output escapes whatever Markdown or raw HTML role text holds, so it reads as written.
Role text is data, never template code: `{{ 7*7 }}` in a description is printed as written. The sandbox also
refuses to repeat text or raise numbers into huge values (`'a' * 10**9`) or to pad text to huge widths
(`'x'|center(10**9)`, `'%1000000000s'`), which would exhaust memory, to loop over more than a million
numbers in one render (nested `range` loops), and to run longer than a minute on one document (see timelimit).
"""
from __future__ import annotations

import re
import traceback
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, PrefixLoader, StrictUndefined, TemplateNotFound, TemplateSyntaxError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import pass_eval_context
from markupsafe import Markup

from ..errors import RoledocsError
from ..source.assets import template_folder
from ..source.request import shown
from .compiled_labels import CompiledLabels
from .language import Language, language_of
from .sandbox import BoundedSandbox
from .timelimit import time_limit

BUILTIN_PREFIX = "builtin"
_ESCAPED_SUFFIXES = (".html.j2", ".htm.j2", ".xml.j2", ".html", ".htm", ".xml")
# Markdown that user text could start: raw HTML and entities (as entities), emphasis, code, links, strikethrough
# (backslash-escaped), and at the start of a line a heading, quote, list item, table row or setext underline.
_MD_HTML = re.compile(r"<(?=[A-Za-z/!?])|&(?=#?[0-9A-Za-z]+;)")
_MD_ENTITIES = {"<": "&lt;", "&": "&amp;"}
_MD_INLINE = re.compile(r"([\\`*_\[\]~])")
_BREAKS = re.compile(r"[ \t\n\r\f\v\x85\u2028\u2029]+")  # what a table cell joins into one line (not no-break spaces)
_MD_LINE_START = re.compile(r"(?m)^([ \t]*)(?:([#>+\-*=|])|(\d+)([.)])(?![^ \t\n]))")


class TemplateError(RoledocsError):
    """A template could not be loaded or rendered; the message names its file and line."""


def autoescape(name: str | None) -> bool:
    """Autoescape HTML and XML templates, including `*.html.j2` (which `select_autoescape(["html"])` misses)."""
    return name is not None and name.lower().endswith(_ESCAPED_SUFFIXES)


def markdown_escape(value: Any) -> Markup:
    """Text made safe for Markdown: it reads as written, whatever Markdown it holds (`*`, `[link](…)`, `# `, `- `,
    raw HTML), so a role's text cannot add formatting, links or markup to a document."""
    if isinstance(value, Markup):
        return value
    text = _MD_INLINE.sub(r"\\\1", str(value))
    text = _MD_HTML.sub(lambda m: _MD_ENTITIES[m.group(0)], text)
    return Markup(_MD_LINE_START.sub(_escape_line_start, text))


def _escape_line_start(match: re.Match) -> str:
    indent, mark, number, point = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{number}\\{point}"


def table_cell(value: Any) -> Markup:
    """Text for a Markdown table cell: escaped like markdown_escape, on one line, with `|` escaped; no-break
    spaces (`90 %`, `70.000 €`) stay."""
    return Markup(_BREAKS.sub(" ", str(markdown_escape(value))).strip(" ").replace("|", "\\|"))


@pass_eval_context
def _finalize(eval_ctx, value: Any) -> Any:
    """Every `{{ }}` output of a template that is not autoescaped (Markdown) goes through markdown_escape."""
    if eval_ctx.autoescape or not isinstance(value, str):
        return value
    return markdown_escape(value)


class _BuiltinLoader(BaseLoader):
    """The templates shipped in the package, read through importlib.resources."""

    def get_source(self, environment, template: str):
        resource = resources.files("roledocs.templates")
        for piece in split_template_path(template):
            resource = resource.joinpath(piece)
        if not resource.is_file():
            raise TemplateNotFound(template)
        return resource.read_text(encoding="utf-8"), f"{BUILTIN_PREFIX}/{template}", lambda: True

    def list_templates(self) -> list[str]:
        return sorted(r.name for r in resources.files("roledocs.templates").iterdir()
                      if r.name.endswith((".j2", ".css")))


class _FolderLoader(BaseLoader):
    """The catalogue's own templates; a file that is a link to somewhere outside the folder is refused."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.real = folder.resolve()

    def get_source(self, environment, template: str):
        path = self.folder.joinpath(*split_template_path(template))
        if not path.is_file():
            raise TemplateNotFound(template)
        if not path.resolve().is_relative_to(self.real):
            raise TemplateError(f"{shown(path)}: refused: it links to a file outside the template folder "
                                f"{shown(self.folder)}")
        return path.read_text(encoding="utf-8"), shown(path), lambda: True


MAX_RENDER_SECONDS = 60  # the largest built-in documents (a 500 x 200 RACI matrix) render in about a second


@lru_cache(maxsize=64)
def _environment(folder: Path | None, language: Language) -> ImmutableSandboxedEnvironment:
    builtin = _BuiltinLoader()
    loaders = [PrefixLoader({BUILTIN_PREFIX: builtin})]
    if folder is not None:
        loaders.append(_FolderLoader(folder))
    loaders.append(builtin)
    env = BoundedSandbox(
        loader=ChoiceLoader(loaders), autoescape=autoescape, undefined=StrictUndefined, finalize=_finalize,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False, cache_size=-1,
        extensions=["jinja2.ext.i18n", CompiledLabels])
    env.install_gettext_translations(language.labels, newstyle=True)
    env.labels = language.labels  # what CompiledLabels translates with
    env.filters.update(md=markdown_escape, cell=table_cell, number=language.number, percent=language.percent,
                       money=language.money, date=language.date, css_content=css_content)
    env.globals["lang"] = language.tag
    return env


_COUNTER = re.compile(r"\{(page|pages)\}")


@lru_cache(maxsize=64)
def css_content(value: Any) -> Markup:
    """Text as the value of a CSS `content` property, `{page}` and `{pages}` as the page counters:
    `Page {page} of {pages}` gives `"Page " counter(page) " of " counter(pages)` (print.css's page footer)."""
    tokens = []
    for index, part in enumerate(_COUNTER.split(str(value))):
        if index % 2:
            tokens.append(f"counter({part})")
        elif part:
            tokens.append('"' + "".join(f"\\{ord(c):x} " if c in '"\\' or not c.isprintable() else c
                                        for c in part) + '"')
    return Markup(" ".join(tokens))


def environment(catalogue, language: Language | None = None) -> ImmutableSandboxedEnvironment:
    """The sandboxed Jinja environment of a catalogue (None: built-ins only) in a language (None: the catalogue's),
    built once per template folder and language."""
    folder = template_folder(catalogue)
    return _environment(folder.resolve() if folder is not None else None, language or language_of(None, catalogue))


def _template_line(error: BaseException) -> tuple[str, int] | None:
    """The innermost template frame of a rendering error, from the traceback Jinja rewrites to template lines."""
    place = None
    for frame, line in traceback.walk_tb(error.__traceback__):
        if "__jinja_exception__" in frame.f_globals:
            place = (frame.f_code.co_filename, line)
    return place


def render_template(env, name: str, context: dict[str, Any]) -> str:
    """Render template `name` with `context`; any failure is a TemplateError naming the template file and line."""
    env.new_render()
    try:
        template = env.get_template(name)
        with time_limit(MAX_RENDER_SECONDS, "rendering one document"):
            return template.render(context)
    except TemplateError:
        raise
    except TemplateSyntaxError as error:
        where = error.filename or error.name or name
        raise TemplateError(f"{shown(Path(where))}:{error.lineno}: template syntax error: {error.message}") from None
    except TemplateNotFound as error:
        raise TemplateError(f"template '{error.name}' not found (rendering {name}); built-in templates: "
                            f"{', '.join(_BuiltinLoader().list_templates())}") from None
    except Exception as error:  # anything raised half way through a template is that template's fault
        place = _template_line(error)
        where = f"{shown(Path(place[0]))}:{place[1]}" if place else name
        message = str(error) or type(error).__name__
        raise TemplateError(f"{where}: template error: {message}") from None
