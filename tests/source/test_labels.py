"""The label catalogues: the template (roledocs.pot) holds exactly the labels of the templates and code, every
built-in language translates every one with the same placeholders, and a catalogue's own locale/ fixes or adds
languages."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from tests.support import REPO, run_cli
from roledocs.rendering.language import Language
from roledocs.source import labels
from roledocs.source.language import builtin_languages

BUILTIN = sorted(builtin_languages() - {"en"})
PLACES = re.compile(r"%\((\w+)\)[sd]")


def _catalog(name: str):
    return read_po(io.BytesIO(resources.files("roledocs.locale").joinpath(name).read_bytes()))


def _extracted() -> set:
    """Every label the templates and the code mark, as pybabel extracts them with locale/babel.cfg."""
    method_map = [("src/roledocs/**.py", "python"), ("templates/**.j2", "jinja2"), ("templates/**.css", "jinja2")]
    options = {"templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"},
               "templates/**.css": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(REPO), method_map, options):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def test_the_template_holds_exactly_the_labels_of_the_templates_and_code():
    """After changing a label, run the extraction of docs/render.md ('Changing roledocs' own labels')."""
    template = {m.id for m in _catalog(labels.TEMPLATE) if m.id}
    assert template == _extracted()
    assert len(template) > 200


def test_at_least_the_issues_languages_are_built_in():
    assert {"de", "fr", "es", "nl", "nb", "sv", "da", "pl", "it", "pt"} <= set(BUILTIN)


@pytest.mark.parametrize("language", BUILTIN)
def test_every_built_in_language_translates_every_label(language):
    catalog = _catalog(f"{language}.po")
    template = {m.id for m in _catalog(labels.TEMPLATE) if m.id}
    translated = {m.id: m.string for m in catalog if m.id and not m.fuzzy and m.string}
    if language == "de-CH":  # only what Swiss German spells otherwise: ss for ß
        german = {m.id: m.string for m in _catalog("de.po") if m.id}
        assert translated and all(german[key].replace("ß", "ss") == text and "ß" in german[key]
                                  for key, text in translated.items())
        return
    assert set(translated) == template
    for key, text in translated.items():
        forms = [text] if isinstance(text, str) else list(text)
        assert all(form.strip() for form in forms), key
        wanted = set(PLACES.findall(key if isinstance(key, str) else key[1])) - {"num"}
        for form in forms:
            assert set(PLACES.findall(form)) - {"num"} == wanted, (key, form)
    assert not list(catalog.check()), "placeholders and plural forms as Babel checks them"


def test_missing_labels_are_those_no_catalogue_translates(tmp_path):
    folder = tmp_path / "locale"
    folder.mkdir()
    (folder / "ga.po").write_text('msgid ""\nmsgstr ""\n"Language: ga\\n"\n\nmsgid "Pay"\nmsgstr "Pá"\n',
                                  encoding="utf-8")
    missing = labels.missing("ga", folder)
    assert "Pay" not in missing and "Purpose of the role" in missing
    assert len(missing) == len(labels.messages()) - 1
    assert labels.missing("ga", None) is None  # no catalogue at all
    assert labels.missing("de", None) == []
    assert labels.missing("en-GB", None) == []  # the templates' own language


def _with_labels(example: Path, name: str, text: str) -> Path:
    folder = example / "locale"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return example


def test_a_catalogues_own_po_fixes_a_built_in_label(example, isolated):
    config = example / "roledocs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "language: de\n", encoding="utf-8")
    _with_labels(example, "de.po", '# our words\nmsgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
                                   'msgid "Pay"\nmsgstr "Gehalt"\n\nmsgid "Skills"\nmsgstr ""\n')
    run = run_cli("render", example / "it-project-manager.yaml", "--to", "md", "-o", "-")
    assert run.code == 0, run.err
    assert "## Gehalt\n" in run.out and "## Vergütung" not in run.out
    assert "## Kompetenzen\n" in run.out  # an empty msgstr falls back to the built-in translation
    assert run_cli("validate", "--strict", example).code == 0  # the built-in catalogue still gives every label


def test_a_catalogues_own_po_adds_a_language_and_validate_names_what_it_lacks(example, isolated):
    config = example / "roledocs.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "language: ga\n", encoding="utf-8")
    run = run_cli("validate", example)
    assert run.code == 0
    warnings = [line for line in run.out.splitlines() if "translation-missing" in line]
    assert len(warnings) == 1 and "roledocs has no labels in 'ga'" in warnings[0]
    line = text.count("\n") + 1
    assert f"roledocs.yaml:{line}:11: warning" in warnings[0]  # at the tag that asks for the language
    _with_labels(example, "ga.po", 'msgid ""\nmsgstr ""\n"Language: ga\\n"\n"Plural-Forms: nplurals=5; '
                 'plural=(n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4);\\n"\n\n'
                 'msgid "Pay"\nmsgstr "Pá"\n\nmsgid "Purpose of the role"\nmsgstr "Cuspóir an róil"\n')
    run = run_cli("validate", example)
    missing = [line for line in run.out.splitlines() if "translation-missing" in line]
    assert len(missing) == len(labels.messages()) - 2  # once per label, not once per document
    assert any("the label 'Reports to' has no 'ga' translation" in line for line in missing)
    assert not any("'Pay'" in line for line in missing)
    page = run_cli("render", example / "it-project-manager.yaml", "--to", "md", "-o", "-").out
    assert "## Cuspóir an róil\n" in page and "## Pá\n" in page
    assert "## Key performance indicators" in page  # what it lacks stays English
    irish = Language("ga")
    assert f"{irish.money(72000, 'EUR', False)}–{irish.money(92000, 'EUR', False)}" in page  # Babel's Irish money


def test_a_po_file_that_cannot_be_read_is_a_clear_error(example, isolated):
    config = example / "roledocs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "language: de\n", encoding="utf-8")
    _with_labels(example, "de.po", 'msgid "Pay"\nmsgstr "Gehalt"\nmsgid broken\n')
    run = run_cli("render", example / "it-project-manager.yaml", "--to", "md", "-o", "-")
    assert run.code == 1
    assert "locale/de.po: not a gettext catalogue (.po) roledocs can read" in run.err


def _documented(section: str) -> list[str]:
    """The commands of a sh block under a heading of docs/render.md."""
    text = (REPO / "docs" / "render.md").read_text(encoding="utf-8")
    part = text[text.index(section):]
    block = re.search(r"```sh\n(.*?)```", part, re.S).group(1)
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def test_the_documented_commands_fix_a_label_and_start_a_language(example, isolated):
    """docs/render.md, 'Fixing a label or adding a language': the commands as written, in the catalogue folder."""
    config = example / "roledocs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "language: de\n", encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for command in _documented("To fix a label"):
        subprocess.run(command, shell=True, check=True, cwd=example, env=env)
    page = run_cli("render", example / "it-project-manager.yaml", "--to", "md", "-o", "-").out
    assert "## Gehalt\n" in page and "## Kompetenzen\n" in page
    config.write_text(config.read_text(encoding="utf-8").replace("language: de", "language: ga"), encoding="utf-8")
    new, check = _documented("To add a language")
    subprocess.run(new, shell=True, check=True, cwd=example, env=env)
    assert (example / "locale" / "ga.po").read_bytes() == \
        resources.files("roledocs.locale").joinpath("roledocs.pot").read_bytes()
    done = subprocess.run(check, shell=True, cwd=example, env=env, capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.count("translation-missing") == len(labels.messages())


@pytest.mark.parametrize(("name", "expected"), [
    ("job-description.html.j2", "Vergütung|Stellenbeschreibung: A &lt;b&gt; &amp; *B*|50 %|Seite 1 von 2"),
    ("job-description.md.j2", "Vergütung|Stellenbeschreibung: A &lt;b> & \\*B\\*|50 %|Seite 1 von 2"),
])
def test_labels_in_a_catalogues_own_template_are_translated_and_escaped_like_its_text(example, name, expected):
    """Labels are translated when the template is compiled (rendering/compiled_labels.py): what a template's `_()`
    gives is still the language's label, and a value filled into it is escaped as the template escapes text."""
    config = example / "roledocs.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "language: de\n", encoding="utf-8")
    (example / "templates").mkdir()
    (example / "templates" / name).write_text(
        '{{ _("Pay") }}|{{ _("Job description: %(title)s", title="A <b> & *B*") }}|{{ 50 | percent }}|'
        '{{ gettext("Page %(page)s of %(pages)s", page=1, pages=2) }}\n', encoding="utf-8")
    run = run_cli("render", example / "it-project-manager.yaml", "--to", name.split(".")[1], "-o", "-")
    assert run.code == 0, run.err
    assert run.out == expected.replace(" %", "\xa0%") + "\n"
