"""HTML as text only: the blocks of a fragment (headings, paragraphs, list items) and the JSON-LD scripts of a page.

Built on the standard library's forgiving HTML parser: nothing is fetched, scripts, styles and embedded objects
are dropped with their content, and only text comes out, so markup in a posting never reaches a role file.
"""
from __future__ import annotations

from html.parser import HTMLParser

from .draft import clean
from .sections import Block

_DROPPED = {"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math", "head", "select",
            "textarea", "button"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BREAKS = {"p", "div", "section", "article", "header", "footer", "main", "blockquote", "table", "tr", "dl", "dt",
           "dd", "ul", "ol", "br", "hr", "pre", "address", "figure", "figcaption", "details", "summary"}
_BOLD = {"strong", "b"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr", "source", "track", "param"}


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.bold_text: list[str] = []
        self.kind = "text"
        self.dropped = 0
        self.bold = 0
        self.lead_open = True  # no text yet outside bold in this block: bold text so far is its lead-in

    def flush(self, next_kind: str = "text") -> None:
        text = clean("".join(self.text))
        if text:
            lead = clean("".join(self.bold_text)) or None
            whole_bold = lead is not None and lead.rstrip(":") == text.rstrip(":")
            self.blocks.append(Block(self.kind, text, None if whole_bold else lead, whole_bold))
        self.text, self.bold_text, self.kind, self.lead_open = [], [], next_kind, True

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _DROPPED:
            if tag not in _VOID:
                self.dropped += 1
            return
        if self.dropped:
            return
        if tag in _HEADINGS:
            self.flush("heading")
        elif tag == "li":
            self.flush("item")
        elif tag in _BREAKS:
            self.flush(self.kind if tag == "br" else "text")
        elif tag in _BOLD:
            self.bold += 1
        elif tag in ("td", "th"):
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropped = max(0, self.dropped - 1)
            return
        if self.dropped:
            return
        if tag in _HEADINGS or tag == "li" or tag in _BREAKS:
            self.flush()
        elif tag in _BOLD:
            self.bold = max(0, self.bold - 1)

    def handle_data(self, data: str) -> None:
        if self.dropped:
            return
        self.text.append(data)
        if self.bold and self.lead_open:
            self.bold_text.append(data)
        elif data.strip():
            self.lead_open = False


def html_blocks(html: str) -> list[Block]:
    """The blocks of an HTML fragment: `heading`, `text` (paragraphs; a fully bold one is marked bold) and
    `item` (list items, with their bold lead-in)."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.blocks


def html_text(html: str) -> str:
    """An HTML fragment (or plain text) as one line of text."""
    return clean(" ".join(block.text for block in html_blocks(html)))


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if tag == "script" and kind == "application/ld+json":
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.current is not None:
            self.scripts.append("".join(self.current))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)


def jsonld_scripts(html: str) -> list[str]:
    """The text of every `<script type="application/ld+json">` of an HTML page, in order."""
    parser = _Scripts()
    parser.feed(html)
    parser.close()
    return parser.scripts
