"""Jinja's immutable sandbox with bounds on what a template may make: a template (perhaps from a pull request)
must not fill the memory of the machine that renders it, or keep it busy for hours. `*` and `**`, padding and
format widths are refused past a million characters or items, and the `range()` calls of one render share a budget
of a million numbers; `lipsum` is left out. (render_template adds a time limit: see timelimit.)"""
from __future__ import annotations

import re
from string import Formatter
from typing import Any

from jinja2.filters import FILTERS as DEFAULT_FILTERS
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_REPEAT = 1_000_000  # characters or items a `*`, a padding or a format width may make
MAX_RANGE_TOTAL = 1_000_000  # items all `range()` calls of one render may give together (nested loops add up)

_PADDERS = frozenset(["center", "ljust", "rjust", "zfill", "expandtabs"])  # str methods whose numbers are widths
_FORMATTERS = frozenset(["format", "format_map"])
_BOUNDED_FILTERS = ("center", "indent", "format")  # filters bypass the sandbox's `call`
_PRINTF_SIZES = re.compile(r"%[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?")
_NUMBERS = re.compile(r"\d+")


def _check_sizes(values) -> None:
    """Refuse a width, padding or precision beyond MAX_REPEAT: `'x'|center(10**9)` is a gigabyte of spaces."""
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and value > MAX_REPEAT:
            raise SecurityError(f"a template may pad or indent text to at most {MAX_REPEAT:,} characters")


def _check_format(text: str, values, printf: bool) -> None:
    """The widths of a format string: written in it (`'%1000000000s'`, `'{:>1000000000}'`), or taken from the
    values when it asks for them (`'%*s'`, `'{:>{}}'`); values that are only printed may be any size."""
    if printf:
        sizes = [size for match in _PRINTF_SIZES.finditer(text) for size in match.groups() if size]
    else:
        sizes = [size for _, _, spec, _ in Formatter().parse(text) if spec
                 for size in (["*"] if "{" in spec else _NUMBERS.findall(spec))]
    _check_sizes(int(size) for size in sizes if size != "*")
    if "*" in sizes:
        _check_sizes(values)


def _bounded_filter(name: str):
    """A built-in filter that pads or formats, with its sizes checked first."""
    builtin = DEFAULT_FILTERS[name]

    def bounded(value: Any = "", *args: Any, **kwargs: Any) -> Any:
        if name == "format":
            _check_format(str(value), [*args, *kwargs.values()], printf=True)
        else:
            _check_sizes([*args, *kwargs.values()])
        width = kwargs.get("width", args[0] if args else None)
        if name == "indent" and isinstance(width, str) and len(width) * (str(value).count("\n") + 1) > MAX_REPEAT:
            raise SecurityError(f"a template may pad or indent text to at most {MAX_REPEAT:,} characters")
        return builtin(value, *args, **kwargs)

    return bounded


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with the bounds above; call new_render() before each render (renders run one at a
    time per environment and process), which starts the range budget afresh."""

    intercepted_binops = frozenset(["*", "**", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters.update({name: _bounded_filter(name) for name in _BOUNDED_FILTERS})
        self.globals["range"] = self._bounded_range
        del self.globals["lipsum"]  # placeholder prose, unbounded in size: no use in a document
        self._ranged = 0

    def new_render(self) -> None:
        self._ranged = 0

    def _bounded_range(self, *args: int) -> range:
        """Jinja's `range`, within the render's budget: two nested `range(100000)` loops would run for hours."""
        numbers = range(*args)
        self._ranged += len(numbers)
        if self._ranged > MAX_RANGE_TOTAL:
            raise SecurityError(f"a template may loop over at most {MAX_RANGE_TOTAL:,} numbers in all (range)")
        return numbers

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's own signature)
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format in its own function
        owner, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
        if isinstance(owner, str) and name in _PADDERS:
            _check_sizes([*args, *kwargs.values()])
        elif isinstance(owner, str) and name in _FORMATTERS:
            values = [*args, *kwargs.values()]
            _check_format(owner, [*values, *(values[0].values() if name == "format_map" and values and
                                             isinstance(values[0], dict) else [])], printf=False)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "%" and isinstance(left, str):
            _check_format(left, right if isinstance(right, tuple) else [right], printf=True)
        elif operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(times, int) and \
                        len(sequence) * times > MAX_REPEAT:
                    raise SecurityError(f"a template may repeat text or lists to at most {MAX_REPEAT:,} items")
        elif operator == "**" and isinstance(right, (int, float)) and abs(right) > 100 and \
                isinstance(left, (int, float)) and abs(left) > 1:
            raise SecurityError("a template may raise numbers to powers of at most 100")
        return super().call_binop(context, operator, left, right)
