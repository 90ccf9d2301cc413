"""Text analysis shared by the quality rules: a text's words, sentences and syllables, each worked out once.

A word is a run of letters and digits ("one-to-one" is three words, "team's" two). Splitting at punctuation with
str.translate and str.split does that in C for ordinary text, several times faster than a regular expression;
text with unusual characters falls back to the regular expression, which gives the same words.
"""
from __future__ import annotations

import re
import string
from functools import cache, lru_cache, wraps
from itertools import chain

from ...source.schema import PLACEHOLDER
from ..registry import option_defaults

_RUN = re.compile(r"[^\W_]+")
_PUNCTUATION = str.maketrans(dict.fromkeys(string.punctuation + "".join(map(chr, range(32))) + "\x7f"
                                            "’‘“”„‚–—―…«»‹›·•§°", " "))
_ASCII_PUNCTUATION = bytes(32 if chr(b) in string.punctuation or b < 32 or b == 127 else b for b in range(256))
_BREAK = re.compile(r"[.!?][\"'’”)\]]*\s+(?=\S)")
_ABBREVIATIONS = frozenset("e.g i.e etc vs approx incl cf no nr".split())
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_SILENT_ENDING = ("es", "ed")
_SOUNDED_ENDING = ("ted", "ded", "ses", "zes", "ces", "ges", "xes", "shes", "ches", "ies")
_SUFFIXES = ("ational", "ations", "ation", "ings", "ing", "ions", "ion", "ies", "ers", "er", "es", "ed", "al", "s")
_BRITISH = re.compile(r"is(e|ed|es|ing|ation|ations|ational)$")

FIELD_KINDS = ("title", "summary", "duty-title", "duty-description", "skill", "kpi-name", "kpi-measure",
               "qualification")


def words(text: str) -> list[str]:
    """The words of a text, as written: runs of letters and digits."""
    if text.isascii():
        return text.encode().translate(_ASCII_PUNCTUATION).decode().split()
    split = text.translate(_PUNCTUATION).split()
    if "".join(split).isalnum():  # no mark the table misses (letters of any script are alphanumeric)
        return split
    return _RUN.findall(text)


class Text:
    """One analysed string: its lower-cased words; the words as written, sentences, syllables and the phrase form
    are worked out on first use."""

    __slots__ = ("text", "lower", "_words", "_breaks", "_sentences", "_syllables", "_phrase")

    def __init__(self, text: str) -> None:
        self.text = text
        if text.isascii():  # lower-casing ASCII moves no word boundary: split the lower-cased text, once
            self._words: tuple[str, ...] | None = None
            self.lower = tuple(words(text.lower()))
        else:  # elsewhere lower() may ("İ" becomes "i" and a combining dot): split as written
            self._words = tuple(words(text))
            self.lower = tuple(map(str.lower, self._words))
        self._breaks: list[int] | None = None
        self._sentences: tuple[int, ...] | None = None
        self._syllables: int | None = None
        self._phrase: str | None = None

    @property
    def words(self) -> tuple[str, ...]:
        """The words as written (for messages)."""
        if self._words is None:
            self._words = tuple(words(self.text))
        return self._words

    @property
    def count(self) -> int:
        """How many words the text has."""
        return len(self.lower)

    @property
    def sentence_count(self) -> int:
        if self._breaks is None:
            self._breaks = _breaks(self.text)
        return len(self._breaks) + 1

    @property
    def sentences(self) -> tuple[int, ...]:
        """Words per sentence."""
        if self._sentences is None:
            self.sentence_count
            edges = [0, *self._breaks, len(self.text)]
            self._sentences = tuple(len(words(self.text[a:b])) for a, b in zip(edges, edges[1:]))
        return self._sentences

    @property
    def syllables(self) -> int:
        if self._syllables is None:
            self._syllables = sum(map(_SYLLABLES.__getitem__, self.lower))  # a dict lookup per word, in C
        return self._syllables

    @property
    def phrase(self) -> str:
        """The lower-cased words joined by single spaces, with a space before and after."""
        if self._phrase is None:
            self._phrase = " " + " ".join(self.lower) + " "
        return self._phrase

    @property
    def first(self) -> str:
        """The first word as written, joiners kept ("Co-ordinate"), without the punctuation around it."""
        chunk = self.text.split(maxsplit=1)[0] if self.text.strip() else ""
        return chunk.strip(string.punctuation + "’‘“”")


class _Syllables(dict):
    """Syllables per lower-case word, worked out on first sight."""

    def __missing__(self, word: str) -> int:
        self[word] = count = syllables(word)
        return count


_SYLLABLES = _Syllables()


def syllables(word: str) -> int:
    """Syllables of a lower-case English word by vowel groups, less a silent final e or -es/-ed; a number is one."""
    count = len(_VOWEL_GROUPS.findall(word))
    if count > 1 and word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1
    elif count > 1 and word.endswith(_SILENT_ENDING) and not word.endswith(_SOUNDED_ENDING):
        count -= 1
    return max(1, count)


def familiar_syllables(words, stems: frozenset) -> int:
    """How many syllables lie beyond the first of each word whose stem is in `stems`: words a reader knows read as
    one syllable."""
    return sum(_SYLLABLES[w] - 1 for w in words if stem(w) in stems)


@cache
def stem(word: str) -> str:
    """A crude stem, enough to match 'Automated testing' with 'test automation' and British with US spelling."""
    word = _BRITISH.sub(r"iz\1", word.lower())
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _breaks(text: str) -> list[int]:
    """Where sentences start: after . ! or ? and a space, before a capital letter or a digit, and not after an
    abbreviation or an initial ("e.g. SQL" and "J. Smith" do not end a sentence)."""
    found = []
    for match in _BREAK.finditer(text):
        after = text[match.end()]
        if not (after.isupper() or after.isdigit()):
            continue
        stop = match.start()
        if text[stop] == ".":
            word = text[text.rfind(" ", 0, stop) + 1:stop].lstrip("([\"'“‘").lower()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        found.append(match.end())
    return found


@lru_cache(maxsize=256)
def analyse(text: str) -> Text:
    """The analysis of a text, shared by every rule that reads it."""
    return Text(text)


def placeholder(value: object) -> bool:
    """Whether a value is an unfilled `roledocs new` placeholder (the upper-case word TODO)."""
    return isinstance(value, str) and "TODO" in value and PLACEHOLDER.search(value) is not None


def per_document(func):
    """Remember a function's result for the last document it was given: a file's rules run one after another
    and several need the same derived data. The document is held, so its identity cannot be reused meanwhile."""
    last: list = [None, None]

    @wraps(func)
    def remembered(document):
        if last[0] is not document:
            last[:] = [document, func(document)]
        return last[1]

    return remembered


@per_document
def prose(document) -> list[tuple[tuple, str, str]]:
    """Every free-text field of a role as (data path, field kind, text), leaving out unfilled placeholders
    (placeholder-text reports those, and nothing else should)."""
    data = document.data
    fields = [(("title",), "title", data["title"]), (("summary",), "summary", data["summary"])]
    for i, duty in enumerate(data["duties"]):
        fields += [(("duties", i, "title"), "duty-title", duty["title"]),
                   (("duties", i, "description"), "duty-description", duty["description"])]
    fields += [(("skills", i, "name"), "skill", skill["name"]) for i, skill in enumerate(data["skills"])]
    for i, kpi in enumerate(data["kpis"]):
        fields += [(("kpis", i, "name"), "kpi-name", kpi["name"]),
                   (("kpis", i, "measure"), "kpi-measure", kpi["measure"])]
    for section, lines in (data.get("qualifications") or {}).items():
        if not section.startswith("x-") and isinstance(lines, list):
            fields += [(("qualifications", section, i), "qualification", line) for i, line in enumerate(lines)]
    if document.text is not None and "TODO" not in document.text:
        return fields  # right after loading the file's text is at hand: no placeholder anywhere
    return [field for field in fields if isinstance(field[2], str) and not placeholder(field[2])]


def recurring_fields(document) -> list[str]:
    """The role's KPI names and measures, skill names and qualification lines (placeholders too): the fields that
    recur across a catalogue's roles, as its roles share skills, KPIs and qualifications."""
    data = document.data
    parts = [skill["name"] for skill in data["skills"]]
    for kpi in data["kpis"]:
        parts += (kpi["name"], kpi["measure"])
    for section, lines in (data.get("qualifications") or {}).items():
        if not section.startswith("x-") and isinstance(lines, list):
            parts += [line for line in lines if isinstance(line, str)]
    return parts


_WATCHED: set[str] = set()


def watch(words) -> frozenset:
    """Register lower-case words that a rule looks for in a role's text (see role_words); returns them frozen."""
    _WATCHED.update(words)
    return frozenset(words)


@per_document
def role_words(document) -> frozenset:
    """The watched words (see watch) that occur in a role's text fields, in one pass over all its words: a rule
    whose words are absent knows at once that the role has nothing for it, as most roles have not. The summary and
    descriptions come split already (readable), so no text is split twice."""
    data = document.data
    titles = "\n".join([data["title"], *(duty["title"] for duty in data["duties"])]).lower()
    present = _WATCHED.intersection(chain(words(titles), *(text.lower for _, text in readable(document))))
    return present.union(*map(_watched_in, recurring_fields(document)))


@lru_cache(maxsize=4096)
def _watched_in(text: str) -> frozenset:
    """The watched words of one recurring field, worked out once for all the roles that share it."""
    return frozenset(_WATCHED.intersection(words(text.lower())))


@per_document
def descriptions(document) -> list[tuple[int, dict, Text]]:
    """Each duty whose description is filled in, with its index and the analysed description."""
    return [(i, duty, analyse(duty["description"])) for i, duty in enumerate(document.data["duties"])
            if not placeholder(duty["description"])]


@per_document
def readable(document) -> list[tuple[tuple, Text]]:
    """The texts the readability rules read, analysed, with their data paths: the summary and the descriptions."""
    summary = document.data["summary"]
    fields = [] if placeholder(summary) else [(("summary",), analyse(summary))]
    return fields + [(("duties", i, "description"), text) for i, _, text in descriptions(document)]


_settings: list = [None, {}]


def setting(catalogue, key: str):
    """A threshold of the config's `quality:` section (the default its rule declares when unset), looked up once
    per config: every file of a run shares one."""
    config = catalogue.config
    if _settings[0] is not config:
        _settings[:] = [config, {}]
    values = _settings[1]
    if key not in values:
        values[key] = config.setting("quality", key, option_defaults()[key])
    return values[key]


def words_of(names) -> str:
    """Quoted, comma-separated words for a message: 'a', 'b' and 'c'."""
    quoted = [f"'{n}'" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
