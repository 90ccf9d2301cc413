"""The rule engine: which rules run at which level (`lint:`), one-file rules right after loading, cross-file rules
on the whole catalogue, suppressions applied to what they find."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from ..findings import Finding, Severity
from ..rules import RULES
from ..rules.registry import Problem, Rule
from ..source.document import Document
from ..source.language import base, of_role
from ..source.suppressions import suppressed


def level_of(current: Rule, severities: dict[str, str]) -> str:
    """The level a rule runs at: its own `lint:` entry, else its group's, else its default."""
    if current.id in severities:
        return severities[current.id]
    if current.default_off:
        return "off"
    return severities.get(current.group, current.severity.value) if current.group else current.severity.value


def _enabled(severities: dict[str, str]) -> tuple:
    """The rules to run with the severity each gets from the `lint:` settings (off ones left out)."""
    return _enabled_for(tuple(sorted(severities.items())))


@lru_cache(maxsize=64)
def _enabled_for(lint_items: tuple) -> tuple:
    """Worked out once per distinct `lint:` setting, not once per file (the registry is complete after import)."""
    severities = dict(lint_items)
    return tuple((current, Severity(level)) for current in RULES.values()
                 if (level := level_of(current, severities)) != "off")


def _findings(current: Rule, severity: Severity, problems: Iterable[Problem]) -> list[Finding]:
    return [p.document.finding(p.location, severity, current.id, p.message, at_key=p.at_key) for p in problems
            if not suppressed(p.document.data, p.location, current.id)]


@lru_cache(maxsize=64)
def _file_rules_for(lint_items: tuple, kind: str, language: str | None = None) -> tuple:
    """The one-file rules enabled for a kind of file, those that read one language only only for text in it (None:
    whatever language they read)."""
    return tuple((current, severity) for current, severity in _enabled_for(lint_items)
                 if current.scope in (kind, "file") and not current.after_loading
                 and (language is None or current.language in (None, language)))


def text_language(document: Document, catalogue) -> str:
    """The language (without region) a file's text is in: a role's own `language`, else the catalogue's."""
    tag = of_role(document.data, catalogue.config) if document.kind == "role" else catalogue.config.language
    return base(tag)


def skipped(catalogue, paths: set[str] | None = None) -> tuple[set[str], dict[str, int]]:
    """The rules that read text in one language only (their word lists) and are enabled, and how many roles (of
    `paths`, None: all), by language, they were not run on because those roles are written in another."""
    enabled = [current for current, _ in _enabled(catalogue.config.lint) if current.language is not None]
    counts: dict[str, int] = {}
    for document in catalogue.roles_checked:
        if paths is not None and document.path not in paths:
            continue
        language = text_language(document, catalogue)
        if any(current.language != language for current in enabled):
            counts[language] = counts.get(language, 0) + 1
    names = {current.id for current in enabled if any(current.language != lang for lang in counts)}
    return names, counts


def skipped_note(names: set[str], counts: dict[str, int]) -> str | None:
    """What validate says once when rules were skipped on text in another language (None when none were)."""
    if not names:
        return None
    roles = sum(counts.values())
    languages = ", ".join(f"{count} in {language}" for language, count in sorted(counts.items()))
    return (f"{roles} role{'s' if roles != 1 else ''} ({languages}) not checked by the rules that read English words "
            f"only: {', '.join(sorted(names))}")


def file_check_fields(lint: dict[str, str]) -> tuple[str, ...]:
    """The config fields the one-file rules that run at these `lint:` settings read: `lint`, `quality`, the
    languages (the files' own, which rules reading English words depend on, and those published, which loading
    checks translation blocks for) and what each of them declares (`@rule(settings=...)`). A file's own findings
    depend on these and nothing else of the config."""
    lint_items = tuple(sorted(lint.items()))
    fields = {"lint", "quality", "language", "languages"}.union(*(current.settings for kind in ("role", "team")
                                         for current, _ in _file_rules_for(lint_items, kind)))
    return tuple(sorted(fields))


def run_file_rules(document: Document, catalogue, only: frozenset[str] | None = None) -> list[Finding]:
    """The rules that need only this one file (and the config), or those of them named in `only`; run right after
    loading, in worker processes. Rules that read one language's words skip text in another (see skipped)."""
    findings: list[Finding] = []
    lint = tuple(sorted(catalogue.config.lint.items()))
    for current, severity in _file_rules_for(lint, document.kind, text_language(document, catalogue)):
        if only is not None and current.id not in only:
            continue
        problems = list(current.check(document, catalogue))
        if problems:
            findings.extend(_findings(current, severity, problems))
    return findings


def run_catalogue_rules(catalogue) -> list[Finding]:
    """The rules that look across files, once the catalogue is loaded: those that need it are skipped when a file
    is checked without its catalogue. A file that failed its schema only in keys a rule does not read is checked by
    that rule too (see registry.rule's `reads`)."""
    findings: list[Finding] = []
    for current, severity in _enabled(catalogue.config.lint):
        if not current.after_loading or (not catalogue.complete and not current.uses_catalogue):
            continue
        if current.scope == "catalogue":
            problems = current.check(catalogue)
        else:
            documents = [*{"role": catalogue.roles_checked, "team": catalogue.teams_checked,
                           "file": catalogue.roles_checked + catalogue.teams_checked}[current.scope],
                         *_readable_in_part(catalogue, current)]
            problems = (p for document in documents for p in current.check(document, catalogue))
        findings.extend(_findings(current, severity, problems))
    return findings


def _readable_in_part(catalogue, current: Rule) -> list[Document]:
    """The files of the rule's scope whose schema errors all lie outside the keys it reads."""
    if not current.reads:
        return []
    return [part.document for part in catalogue.partial
            if current.scope in (part.document.kind, "file") and part.broken.isdisjoint(current.reads)]
