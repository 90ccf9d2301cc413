"""`roledocs build --language de,en` (or a config list): one site per language side by side, linked with hreflang,
rebuilt incrementally, a language dropped is removed; each page in the language its text is in."""
from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.support import REPO, run_cli

I18N = REPO / "tests" / "fixtures" / "i18n" / "catalogue"
EN = {"title": "Lorem Leader", "summary": "Leads the lorem work.",
      "duties": {"ducere": {"title": "Lead the work", "description": "Lead it."}}}


@pytest.fixture
def lorem(tmp_path) -> Path:
    target = tmp_path / "lorem"
    shutil.copytree(I18N, target)
    (target / "roledocs.yaml").write_text("roledocs: 1\norganization: Acme\nlanguage: de\n", encoding="utf-8")
    role = target / "roles" / "lorem-lead.yaml"
    data = yaml.safe_load(role.read_text(encoding="utf-8"))
    role.write_text(yaml.safe_dump({**data, "x-en": EN}, sort_keys=False), encoding="utf-8")
    return target


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang, self.alternates, self.menu, self.h1 = None, {}, [], ""
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "a" and attrs.get("hreflang"):
            self.menu.append((attrs["hreflang"], attrs["href"]))
        self._in_h1 = tag == "h1"

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data

    def handle_endtag(self, tag):
        self._in_h1 = False


def _read(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_one_site_per_language_side_by_side_linked_with_hreflang(lorem, isolated):
    run = run_cli("build", lorem, "-o", "site", "--language", "de,en")
    assert run.code == 0, run.err
    site = isolated / "site"
    pages = {"index.html", "lorem-lead.html", "lorem-lead.jsonld", "lorem-head.html", "lorem-head.jsonld",
             "lorem-team.html", "lorem-team-raci.html"}
    assert _files(site) == {"index.html", ".roledocs-build.json"} | {f"{tag}/{page}" for tag in ("de", "en")
                                                                      for page in pages}
    assert run.out == "built 15 files (0 unchanged, 0 removed) in site/\n"
    for tag in ("de", "en"):
        for page in pages - {"lorem-lead.jsonld", "lorem-head.jsonld"}:
            links = _read(site / tag / page)
            assert links.alternates == {"de": f"../de/{page}", "en": f"../en/{page}"}, page
            for target in links.alternates.values():
                assert (site / tag / target).resolve().is_file()
    english, german = _read(site / "en" / "lorem-lead.html"), _read(site / "de" / "lorem-lead.html")
    assert (english.lang, english.h1, german.lang, german.h1) == ("en", "Lorem Leader", "de", "Lorem Ductor")
    untranslated = _read(site / "en" / "lorem-head.html")  # no x-en: shown in its own language, and said so
    assert (untranslated.lang, untranslated.h1) == ("de", "Dolor Magister")
    assert "warning translation-missing: this role has no text in 'en'" in run.err
    assert _read(site / "de" / "index.html").lang == "de" and _read(site / "en" / "index.html").lang == "en"
    front = _read(site / "index.html")
    assert front.lang == "de" and front.menu == [("de", "de/index.html"), ("en", "en/index.html")]
    assert front.alternates == {"de": "de/index.html", "en": "en/index.html", "x-default": "de/index.html"}
    posting = json.loads((site / "en" / "lorem-lead.jsonld").read_text(encoding="utf-8"))
    assert posting["title"] == "Lorem Leader" and posting["mainEntityOfPage"]["inLanguage"] == "en"


def test_the_config_list_publishes_the_same_and_a_rebuild_changes_only_what_changed(lorem, isolated):
    (lorem / "roledocs.yaml").write_text("roledocs: 1\norganization: Acme\nlanguage: [de, en]\n", encoding="utf-8")
    assert run_cli("build", lorem, "-o", "one").code == 0
    assert run_cli("build", lorem, "-o", "two", "--language", "de,en").code == 0
    assert all((isolated / "one" / name).read_bytes() == (isolated / "two" / name).read_bytes()
               for name in _files(isolated / "one"))
    assert run_cli("build", lorem, "-o", "one").out == "built 0 files (15 unchanged, 0 removed) in one/\n"
    role = lorem / "roles" / "lorem-lead.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace("Lorem Leader", "Lorem Lead"), encoding="utf-8")
    # the role's pages, charters and matrices in both languages (its file changed), the English front page only
    assert run_cli("build", lorem, "-o", "one").out == "built 9 files (6 unchanged, 0 removed) in one/\n"
    assert _read(isolated / "one" / "en" / "lorem-lead.html").h1 == "Lorem Lead"


def test_a_language_no_longer_published_is_removed_and_one_language_is_flat(lorem, isolated):
    assert run_cli("build", lorem, "-o", "site", "--language", "de,en,fr").code == 0
    # every page again: its links to the other languages changed
    assert run_cli("build", lorem, "-o", "site", "--language", "de,en").out == \
        "built 15 files (0 unchanged, 7 removed) in site/\n"
    assert not (isolated / "site" / "fr").exists()
    (isolated / "site" / "de" / "notes.txt").write_text("ours", encoding="utf-8")
    run = run_cli("build", lorem, "-o", "site")
    assert run.out == "built 7 files (0 unchanged, 14 removed) in site/\n"
    assert _files(isolated / "site") == {".roledocs-build.json", "de/notes.txt", "index.html", "lorem-lead.html",
                                          "lorem-lead.jsonld", "lorem-head.html", "lorem-head.jsonld",
                                          "lorem-team.html", "lorem-team-raci.html"}
    flat = _read(isolated / "site" / "lorem-lead.html")
    assert flat.lang == "de" and flat.alternates == {} and flat.menu == []


def test_a_single_language_other_than_the_files_is_flat_and_in_that_language(lorem, isolated):
    assert run_cli("build", lorem, "-o", "site", "--language", "en").code == 0
    assert _read(isolated / "site" / "lorem-lead.html").h1 == "Lorem Leader"
    assert _read(isolated / "site" / "index.html").lang == "en"


@pytest.mark.parametrize(("value", "said"), [("xx", "'xx' is not a language roledocs can write"),
                                             ("de,en_GB", "'en_GB' is not a language tag"),
                                             (",", "give at least one language tag")])
def test_a_bad_language_is_a_usage_error_and_nothing_is_built(lorem, isolated, value, said):
    run = run_cli("build", lorem, "-o", "site", "--language", value)
    assert run.code == 2 and said in run.err
    assert not (isolated / "site").exists()


def test_the_library_builds_in_languages_too(lorem, isolated):
    import roledocs

    result = roledocs.build(lorem, isolated / "site", languages=["de", "en"])
    assert result.built == 15 and (isolated / "site" / "en" / "index.html").is_file()
    with pytest.raises(roledocs.UsageError, match="'xx' is not a language"):
        roledocs.build(lorem, isolated / "site", languages=["xx"])
