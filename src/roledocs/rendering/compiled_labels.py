"""Labels translated when a template is compiled, not each time a page is rendered.

Every Jinja environment of roledocs is one language (rendering/engine.py), so `_("Duties")` always gives the same
text in it. Jinja's i18n extension looks each label up at render time, through the sandbox and four nested calls,
for every label of every page: a job description has some eighty, and those calls were a third of rendering it.
This extension translates `_("...")` and `gettext("...")` of a string literal while the template is compiled:

- without placeholders, the call becomes the translated string itself, escaped for HTML or Markdown like any other
  template text;
- with placeholders (`_("%(title)s (%(id)s)", title=..., id=...)`), it becomes a call of `_label_in_html` (`_label_in_text`), which fills
  them in as Jinja's newstyle gettext does: the label is trusted (it may hold markup, like `<strong>`) and in HTML
  templates each value is escaped.

`ngettext` and `{% trans %}` stay with Jinja's i18n extension. Either way `%%` reads as `%`, as in gettext's
formatting, and the text is what Jinja's i18n extension would give.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

NAMES = ("_", "gettext")


def label_in_html(text: str, **values: Any) -> Markup:
    """A translated label with its placeholders filled, each value escaped (in an HTML template)."""
    return Markup(text) % values


def label_in_text(text: str, **values: Any) -> str:
    """A translated label with its placeholders filled (in a Markdown or other text template)."""
    return text % values


class CompiledLabels(Extension):
    """`_("literal")` becomes its translation at compile time; the environment's `labels` translate it."""

    def __init__(self, environment) -> None:
        super().__init__(environment)
        environment.globals.update(_label_in_html=label_in_html, _label_in_text=label_in_text)

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        html = self.environment.autoescape(stream.name) if callable(self.environment.autoescape) else \
            bool(self.environment.autoescape)
        fill = "_label_in_html" if html else "_label_in_text"
        return _translated(iter(stream), self.environment.labels.gettext, fill)


def _translated(tokens: Iterator[Token], gettext, fill: str) -> Iterator[Token]:
    window: list[Token] = []
    previous = None
    for token in tokens:
        window.append(token)
        if len(window) < 4:
            continue
        name, opening, text, after = window
        if name.type == "name" and name.value in NAMES and opening.type == "lparen" and text.type == "string" \
                and after.type in ("rparen", "comma") and (previous is None or previous.type != "dot"):
            translated = gettext(text.value)
            if after.type == "rparen":
                yield Token(name.lineno, "string", translated % {})
            else:
                yield from (Token(name.lineno, "name", fill), opening, Token(text.lineno, "string", translated),
                            after)
            previous, window = after, []
            continue
        previous = window.pop(0)
        yield previous
    yield from window
