"""French typography and formats from the locale, in real builds of the French-first fixture.

tests/fixtures/pediatric-fr is copied and given a few texts typed carelessly, as authors do
("Prêt ? Oui ! Un ; deux", "« Bienvenue » : ...", "Licence:"); the site pages and the PDFs
must then read in Quebec typography (or France's with `french_spacing: france`), English
pages and PDFs as typed, and text must stay text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.downloads import read_manifest
from generator.messages import long_date
from generator.model.content import Content
from generator.pipeline import load_content
from generator.render.print import build_pdfs
from generator.render.print.jobs import PrintOptions, plan_jobs
from generator.render.site.context import SiteContext
from generator.render.site.training_ui import training_data
from generator.render.site.tree import SiteTree, render_site
from generator.typography import NBSP, NNBSP

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "pediatric-fr"
STAMP = datetime(2021, 5, 17, 9, 30, tzinfo=UTC)
PRACTICE = "practices/preparer-les-parents.md"
DOCUMENT = "documents/trousse-parents.pdf"

# A plain field (a practice's summary, a document's summary) and a Markdown one, as typed.
SUMMARY_FR = "Prêt ? Oui ! Un ; deux. « Bienvenue » : la rencontre commence à 10:30 <script>alert(1)</script>"
SUMMARY_EN = "Ready ? Yes ! One ; two. Welcome: the meeting starts at 10:30 <script>alert(1)</script>"
BODY_FR = ("Voir [[role:chef-de-service]] : la suite ; `code : ici ?` et "
           "[le bilan](https://example.org/bilan?annee=2024) ! Écrivez-nous:")
BODY_EN = ("See [[role:chef-de-service]] : next ; `code : here ?` and "
           "[the report](https://example.org/bilan?annee=2024) !")


def _set(path: Path, key: str, fr: str, en: str, indent: str = "") -> None:
    """Replace the `key:` block (its `fr:` and `en:` lines) at `indent` in a YAML file."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{indent}{key}:\n(?:{indent}  .*\n)+", re.MULTILINE)
    block = f"{indent}{key}:\n{indent}  fr: {_yaml(fr)}\n{indent}  en: {_yaml(en)}\n"
    assert pattern.search(text), f"{key} not in {path}"
    path.write_text(pattern.sub(lambda _: block, text, count=1), encoding="utf-8")


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _project(target: Path, spacing: str | None = None) -> Path:
    shutil.copytree(FIXTURE, target)
    content = target / "content"
    _set(content / "practices/preparer-les-parents.yaml", "summary", SUMMARY_FR, SUMMARY_EN)
    _set(content / "practices/preparer-les-parents.yaml", "description", BODY_FR, BODY_EN)
    _set(content / "documents/trousse-parents.yaml", "summary", SUMMARY_FR, SUMMARY_EN)
    _set(content / "documents/trousse-parents.yaml", "body", BODY_FR, BODY_EN, indent="    ")
    if spacing is not None:
        site = content / "site.yaml"
        site.write_text(site.read_text(encoding="utf-8") + f"french_spacing: {spacing}\n", encoding="utf-8")
    return target


def _content(project: Path) -> Content:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    return loaded.content


@pytest.fixture(scope="module")
def quebec(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return _content(_project(tmp_path_factory.mktemp("quebec") / "project"))


@pytest.fixture(scope="module")
def france(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return _content(_project(tmp_path_factory.mktemp("france") / "project", "france"))


def _page(tree: SiteTree, src: str) -> str:
    return next(page.markdown for page in tree.pages if page.src == src)


def _lead(markdown: str) -> str:
    found = re.search(r'<p class="pk-lead">(.*?)</p>', markdown)
    assert found is not None
    return found.group(1)


# -- the site ------------------------------------------------------------------------------


def test_french_pages_have_quebec_spacing(quebec: Content) -> None:
    page = _page(render_site(quebec, "fr"), PRACTICE)
    assert _lead(page) == (f"Prêt? Oui! Un; deux. «{NBSP}Bienvenue{NBSP}»{NBSP}: la rencontre commence à 10:30 "
                           "&lt;script&gt;alert(1)&lt;/script&gt;")
    # Markdown: the text around a reference, code and a link is set; the code and the link target are not.
    assert (f'Chef de service</a>{NBSP}: la suite; <code>code : ici ?</code> et '
            f'<a href="https://example.org/bilan?annee=2024">le bilan</a>! Écrivez-nous{NBSP}:') in page
    # The front matter's description, which search engines and the page's cards read.
    assert f'description: "Prêt? Oui! Un; deux. «{NBSP}Bienvenue{NBSP}»{NBSP}: la rencontre' in page


def test_french_labels_from_templates_and_the_footer(quebec: Content) -> None:
    tree = render_site(quebec, "fr")
    assert f"Licence{NBSP}: <a href=" in tree.copyright
    assert f"Voir aussi{NBSP}: " in _page(tree, "glossary.md")
    assert f"<caption>Profil{NBSP}: " in _page(tree, "cases/neonatalogie.md")
    steps = _page(tree, "program/processes/accueil-des-familles.md")
    assert f"### Étape 1{NBSP}: " in steps
    assert not re.search(r"[^\u00a0][:»]|«[^\u00a0]", _visible_text(steps)), "a colon or a guillemet without its space"


def _visible_text(markdown: str) -> str:
    """The words of a page (no tags, attributes, front matter, URLs or times), to look for stray punctuation."""
    body = markdown.split("\n---\n", 1)[1]
    words = re.sub(r"<(svg|code)\b.*?</\1>|<[^>]*>|\{ #[^}]*\}|https?://\S+|\d+:\d+", " ", body, flags=re.DOTALL)
    return re.sub(r"&[a-z]+;|&#\d+;", "x", words)


def test_france_spacing_puts_narrow_no_break_spaces_before_semicolons_exclamation_and_question_marks(
        france: Content) -> None:
    page = _page(render_site(france, "fr"), PRACTICE)
    assert _lead(page).startswith(f"Prêt{NNBSP}? Oui{NNBSP}! Un{NNBSP}; deux. «{NBSP}Bienvenue{NBSP}»{NBSP}: la")
    assert f"la suite{NNBSP}; <code>code : ici ?</code>" in page
    assert f"le bilan</a>{NNBSP}!" in page


def test_english_pages_are_as_typed(quebec: Content) -> None:
    tree = render_site(quebec, "en")
    page = _page(tree, PRACTICE)
    assert _lead(page) == ("Ready ? Yes ! One ; two. Welcome: the meeting starts at 10:30 "
                           "&lt;script&gt;alert(1)&lt;/script&gt;")
    assert "Unit head</a> : next ; <code>code : here ?</code> and" in page
    assert "Licence: <a href=" in tree.copyright
    assert all(NNBSP not in p.markdown for p in tree.pages)


def test_text_stays_text(quebec: Content) -> None:
    for lang in ("fr", "en"):
        page = _page(render_site(quebec, lang), PRACTICE)
        assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_browser_scripts_get_their_words_set(quebec: Content) -> None:
    strings = training_data(SiteContext.create(quebec, "fr"))["strings"]
    assert isinstance(strings, dict)
    assert strings["label_value"] == f"{{label}}{NBSP}: {{value}}"
    assert all(not re.search(r" [:;!?»]|« ", text) for text in strings.values())


def test_sizes_numbers_and_dates_are_the_languages(quebec: Content) -> None:
    french, english = SiteContext.create(quebec, "fr"), SiteContext.create(quebec, "en")
    assert french.size(1_234_567) == f"1,2{NBSP}Mo" and english.size(1_234_567) == "1.2 MB"
    assert french.size(85_000) == f"85{NBSP}ko" and english.size(85_000) == "85 kB"
    assert french.number(12_345.5) == "12\u202f345,5" and english.number(12_345.5) == "12,345.5"
    assert french.date(date(2021, 5, 17)) == "17 mai 2021"
    assert english.date(date(2021, 5, 17)) == "17 May 2021"
    assert long_date(date(2021, 5, 1), "fr") == "1er mai 2021"


def test_an_unknown_spacing_is_a_located_error(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", "belgique")
    result = subprocess.run([sys.executable, "-m", "generator.adapters.cli", "check", "--project", str(project)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "content/site.yaml:" in result.stderr and "french_spacing" in result.stderr
    assert "quebec" in result.stderr and "Traceback" not in result.stderr


# -- print ---------------------------------------------------------------------------------


def _source(content: Content, file: str) -> str:
    jobs = {job.file: job for job in plan_jobs(content, PrintOptions(timestamp=STAMP))}
    return jobs[file].source


def test_french_typst_source_is_set_and_code_is_not(quebec: Content, france: Content) -> None:
    source = _source(quebec, f"fr/{DOCUMENT}")
    assert f'"Prêt? Oui! Un; deux. «{NBSP}Bienvenue{NBSP}»{NBSP}: la rencontre commence à 10:30 <script>' in source
    assert f'"{NBSP}: la suite; "' in source  # after the cross-reference to the role
    assert 'raw("code : ici ?")' in source
    assert 'link("https://example.org/bilan?annee=2024", "le bilan")' in source
    assert f'"Écrivez-nous{NBSP}:"' in source or f"Écrivez-nous{NBSP}:" in source
    assert f'"Type de rôle{NBSP}:"' in _source(quebec, "fr/roles/parent-partenaire.pdf")
    assert "show regex" not in source  # no second set of rules in Typst
    assert f'"Prêt{NNBSP}? Oui{NNBSP}! Un{NNBSP}; deux.' in _source(france, f"fr/{DOCUMENT}")


def test_english_typst_source_is_as_typed(quebec: Content) -> None:
    source = _source(quebec, f"en/{DOCUMENT}")
    assert '"Ready ? Yes ! One ; two. Welcome: the meeting starts at 10:30 <script>' in source
    assert NBSP not in source and NNBSP not in source


@pytest.fixture(scope="module")
def printed(quebec: Content, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    build_pdfs(quebec, out, jobs=2, timestamp=STAMP)
    return out


def _pdf_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


@pytest.mark.slow
def test_a_french_pdf_reads_in_quebec_typography_with_a_french_date(printed: Path) -> None:
    text = _pdf_text(printed / "fr" / DOCUMENT)
    assert "Date 17 mai 2021" in text  # the cover's date
    assert f"Prêt? Oui! Un; deux. «{NBSP}Bienvenue{NBSP}»{NBSP}: la rencontre commence à 10:30" in text
    assert f"Chef de service{NBSP}: la suite; code : ici ? et le bilan! Écrivez-nous{NBSP}:" in text
    assert "<script>alert(1)</script>" in text  # printed as text
    assert f"Type de rôle{NBSP}: Rôle patient" in _pdf_text(printed / "fr/roles/parent-partenaire.pdf")


@pytest.mark.slow
def test_a_french_pdf_in_france_spacing(france: Content, tmp_path: Path) -> None:
    build_pdfs(france, tmp_path, jobs=2, timestamp=STAMP)
    text = _pdf_text(tmp_path / "fr" / DOCUMENT)
    # pypdf reads the narrow no-break space back as a space (the Typst source holds U+202F, above).
    narrow = f"[ {NNBSP}]"
    assert re.search(f"Prêt{narrow}\\? Oui{narrow}! Un{narrow}; deux. «{NBSP}Bienvenue{NBSP}»{NBSP}: la", text)


@pytest.mark.slow
def test_the_downloads_say_their_size_the_languages_way(quebec: Content, printed: Path) -> None:
    downloads = read_manifest(printed)
    french = _page(render_site(quebec, "fr", downloads=downloads), "downloads.md")
    english = _page(render_site(quebec, "en", downloads=downloads), "downloads.md")
    assert re.search(f"<td>\\d+{NBSP}ko</td>", french) and not re.search(r"<td>\d+ kB</td>", french)
    assert re.search(r"<td>\d+ kB</td>", english)


@pytest.mark.slow
def test_an_english_pdf_reads_as_typed(printed: Path) -> None:
    text = _pdf_text(printed / "en" / DOCUMENT)
    assert "Date 17 May 2021" in text
    assert "Ready ? Yes ! One ; two. Welcome: the meeting starts at 10:30" in text
    assert "See Unit head : next ; code : here ? and the report !" in text
    assert not re.search(f"[{NBSP}{NNBSP}][:;!?»]|«[{NBSP}{NNBSP}]", text)
