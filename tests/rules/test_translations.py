"""Languages in the files: tags in roledocs.yaml and role files checked at their line, translations (x-<tag>
blocks) checked against what they translate, translation-missing, and the English-only rules skipped, with a note."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from tests.support import REPO, run_cli
from roledocs.source.language import normal, parse_list

I18N = REPO / "tests" / "fixtures" / "i18n" / "catalogue"


@pytest.fixture
def lorem(tmp_path) -> Path:
    """A copy of the catalogue whose own text is nonsense words (tests/fixtures/i18n)."""
    target = tmp_path / "lorem"
    shutil.copytree(I18N, target)
    return target


def _config(root: Path, language) -> None:
    """roledocs.yaml with `language` on line 3, written in flow style (a list as [de, en])."""
    (root / "roledocs.yaml").write_text(f"roledocs: 1\norganization: Acme\nlanguage: {json.dumps(language)}\n",
                                        encoding="utf-8")


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _lines(run) -> list[str]:
    return [line for line in run.out.splitlines() if ": error " in line or ": warning " in line]


@pytest.mark.parametrize(("tag", "spelt"), [("de", "de"), ("DE-ch", "de-CH"), ("sr-latn-rs", "sr-Latn-RS"),
                                            ("es-419", "es-419"), ("pt-br", "pt-BR")])
def test_tags_are_spelt_as_bcp_47_recommends(tag, spelt):
    assert normal(tag) == spelt


def test_a_language_list_is_read_and_refused_as_the_cli_needs():
    assert parse_list("de, en,de") == ("de", "en")
    for text, said in (("de,xx", "'xx' is not a language roledocs can write"), ("en_US", "not a language tag"),
                       (" , ", "give at least one language tag")):
        with pytest.raises(ValueError, match=said):
            parse_list(text)


@pytest.mark.parametrize(("value", "rule", "column", "said"), [
    ("xx", "invalid-value", 11, "'xx' is not a language roledocs can write"),
    ("de_DE", "invalid-format", 11, "use a BCP 47 language tag"),
    ("German", "invalid-format", 11, "use a BCP 47 language tag"),
    (["de", "zz-ZZ"], "invalid-value", 18, "'zz-ZZ' is not a language roledocs can write"),
    (["de", "de"], "invalid-value", 11, "language lists the same entry twice"),
    (5, "wrong-type", 11, "language should be text or a list"),
])
def test_an_unknown_or_malformed_language_is_a_config_error_at_its_place(lorem, value, rule, column, said):
    _config(lorem, value)
    run = run_cli("validate", lorem)
    assert run.code == 1
    [line] = [line for line in _lines(run) if f"error {rule}" in line]
    assert f"roledocs.yaml:3:{column}: error {rule}: " in line and said in line, line


def test_a_roles_own_language_is_checked_too(lorem):
    _edit(lorem / "roles" / "lorem-lead.yaml", lambda data: data.update(language="qq"))
    run = run_cli("validate", lorem)
    assert run.code == 1
    assert any("lorem-lead.yaml:" in line and "error invalid-value: 'qq' is not a language" in line
               for line in _lines(run))


def test_a_region_of_a_built_in_language_is_known_and_a_rare_language_too(lorem):
    for language in ("de-AT", "ga", ["fr-CH", "it-CH"]):
        _config(lorem, language)
        assert not any(" error " in line for line in _lines(run_cli("validate", lorem))), language


def _translate(path: Path, tag: str, block: dict) -> None:
    _edit(path, lambda data: data.update({f"x-{tag}": block}))


LEAD_EN = {"title": "Lorem Leader", "summary": "Leads the lorem work.",
           "duties": {"ducere": {"title": "Lead the work", "description": "Lead it."},
                      "scribere": {"title": "Write", "description": "Write it."},
                      "iuvare": {"title": "Help", "description": "Help them."}},
           "kpis": {k: {"name": k.title(), "measure": f"{k} per month"}
                    for k in ("tempus", "numerus", "gaudium", "pars", "summa")},
           "qualifications": {"education": ["A degree"], "experience": ["Five years"]}}


def test_translation_mismatch_bad_and_good(lorem):
    """The rule's documented Bad draws it; its Good draws no finding of any rule."""
    _config(lorem, ["de", "en"])
    role = lorem / "roles" / "lorem-lead.yaml"
    _translate(role, "en", {**LEAD_EN, "duties": {**LEAD_EN["duties"], "plan": {"title": "Plan the project"}}})
    run = run_cli("validate", lorem)
    [line] = [line for line in _lines(run) if "translation-mismatch" in line]
    assert "lorem-lead.yaml:" in line and "error translation-mismatch: x-en translates the duty 'plan'" in line
    assert run.code == 1
    _translate(role, "en", LEAD_EN)
    assert not any("lorem-lead.yaml" in line and "translation" in line for line in _lines(run_cli("validate", lorem)))


@pytest.mark.parametrize(("block", "said"), [
    ({"skills": {"Ordinacio": "Planning"}}, "x-en translates the skill 'Ordinacio', but this role has no skill of that "
                                            "name; did you mean 'Ordinatio'?"),
    ({"kpis": {"tempus": {"target": ">= 95%"}}}, "the translated target '>= 95%' does not say the same as the target "
                                                "'>= 99.5%'"),
    ({"kpis": {"numerus": {"target": "< 3 errors"}}}, None),  # the unit may be translated
])
def test_a_translation_names_what_exists_and_keeps_its_targets(lorem, block, said):
    _config(lorem, ["de", "en"])
    _translate(lorem / "roles" / "lorem-lead.yaml", "en", {**LEAD_EN, **{k: {**LEAD_EN.get(k, {}), **v}
                                                                       for k, v in block.items()}})
    found = [line for line in _lines(run_cli("validate", lorem)) if "translation-mismatch" in line]
    assert [said in line for line in found] == ([True] if said else [])


def test_a_teams_translation_names_its_activities_parties_and_phases(lorem):
    _config(lorem, ["de", "en"])
    _translate(lorem / "teams" / "lorem-team.yaml", "en", {"name": "Lorem Team", "mission": "To lorem.",
               "activities": {"consilium": {"name": "Decide"}, "opus": {"name": "Work"}, "finis": {"name": "End"},
                              "ghost": {"name": "Haunt"}},
               "parties": {"senatus": {"name": "Senate"}}, "phases": {"Initium": "Start", "Medium": "Middle"}})
    found = [line for line in _lines(run_cli("validate", lorem)) if "translation-mismatch-team" in line]
    assert len(found) == 2
    assert "translates the activity 'ghost'" in found[0] and "translates the phase 'Medium'" in found[1]


def test_the_form_of_a_translation_is_checked_like_the_schema(lorem):
    _config(lorem, ["de", "en"])
    _translate(lorem / "roles" / "lorem-lead.yaml", "en", {"titel": "Lorem Leader", "duties": {"ducere": "Lead"}})
    lines = _lines(run_cli("validate", lorem))
    assert any("error unknown-key: 'titel' is not a known key in x-en (did you mean 'title'?)" in l for l in lines)
    assert any("error wrong-type: x-en.duties.ducere should be a block" in l for l in lines)


def test_an_x_block_of_a_language_not_published_is_the_users_own_extension(lorem):
    _translate(lorem / "roles" / "lorem-lead.yaml", "fr", {"anything": ["goes"]})
    assert run_cli("validate", lorem).code == 0


def test_translation_missing_bad_and_good(lorem):
    """Bad: a published language without the role's text; Good: the block that gives it."""
    _config(lorem, ["de", "en"])
    run = run_cli("validate", lorem)
    missing = [line for line in _lines(run) if "translation-missing" in line]
    assert run.code == 0 and len(missing) == 3  # both roles and the team; warnings only
    assert any("lorem-lead.yaml:3:5: warning translation-missing: this role has no text in 'en'" in line
               for line in missing)
    _translate(lorem / "roles" / "lorem-lead.yaml", "en", {k: v for k, v in LEAD_EN.items() if k != "kpis"})
    missing = [line for line in _lines(run_cli("validate", lorem)) if "lorem-lead.yaml" in line
               and "translation-missing" in line]
    assert len(missing) == 10  # each KPI's name and measure, each once, at the text it leaves out
    assert all("x-en does not translate the" in line for line in missing)
    _translate(lorem / "roles" / "lorem-lead.yaml", "en", LEAD_EN)
    assert not any("lorem-lead.yaml" in line and "translation-missing" in line
                   for line in _lines(run_cli("validate", lorem)))


def test_a_region_of_the_files_language_needs_no_translation(lorem):
    _config(lorem, ["de", "de-CH"])
    assert not any("translation-missing" in line for line in _lines(run_cli("validate", lorem)))


def test_english_word_lists_run_on_english_text_only_and_validate_says_which_it_skipped(lorem):
    english = run_cli("validate", lorem)
    assert any("duty-action-verb" in line for line in _lines(english)) and "not checked by the rules" not in english.err
    _config(lorem, "de")
    german = run_cli("validate", lorem)
    assert not any(rule in line for line in _lines(german)
                   for rule in ("readability", "duty-action-verb", "qualification-for-advanced-skill"))
    assert german.err.count("roledocs: ") == 1
    assert "roledocs: 2 roles (2 in de) not checked by the rules that read English words only: age-coded-language, " \
           "duty-action-verb" in german.err
    _edit(lorem / "roles" / "lorem-lead.yaml", lambda data: data["kpis"][0].update(target="<= 150%"))
    assert any("kpi-target-percentage" in line for line in _lines(run_cli("validate", lorem)))  # any language
    _edit(lorem / "roles" / "lorem-head.yaml", lambda data: data.update(language="en"))
    mixed = run_cli("validate", lorem)
    assert "1 role (1 in de)" in mixed.err
    assert any("lorem-head.yaml" in line and "duty-action-verb" in line for line in _lines(mixed))


def test_the_documented_translation_is_valid_and_complete(tmp_path):
    """docs/render.md, 'Translated text': the example role file, in a catalogue published in German and English."""
    text = (REPO / "docs" / "render.md").read_text(encoding="utf-8")
    part = text[text.index("### Translated text"):]
    example = re.search(r"```yaml\n(.*?)```", part, re.S).group(1)
    (tmp_path / "roles").mkdir()
    (tmp_path / "roledocs.yaml").write_text("roledocs: 1\nlanguage: [de, en]\n", encoding="utf-8")
    (tmp_path / "roles" / "softwareentwickler.yaml").write_text(example, encoding="utf-8")
    run = run_cli("validate", tmp_path)
    assert run.code == 0 and not any("translation" in line or " error " in line for line in _lines(run)), run.out
    page = run_cli("build", tmp_path, "-o", tmp_path / "site")
    assert page.code == 0, page.err
    english = (tmp_path / "site" / "en" / "softwareentwickler.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english and "Software Developer" in english and "≤ 2 defects" in english
