"""Quotes in another language than the page: the words as said, tagged, a translation beside them.

tests/fixtures/foreign-quotes is French first (`[fr, en]`) and every quote was published in
English, two with a French translation that is the project's own and one translated by
someone the quote names. French pages and PDFs must show the English words as written,
tagged as English, with the French translation under them, labelled as a translation (and
by whom): never as the speaker's words. English pages show the words alone.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from second_language import build_in_language
from test_site_support import ROOT, broken_links, build_site, site_project

from generator.model.quote import Quote
from generator.pipeline import load_content

FIXTURE = ROOT / "tests" / "fixtures" / "foreign-quotes"
WORDS = {"q-preparation": "Preparation is provided to new patients; it&#39;s a must.",
         "q-traduite": "The tandem is a must.",
         "q-fonds": "We lack the structure and funding to compensate them."}
OWN = "Notre traduction libre de l’original en anglais\u00a0:"
BY = "Traduction de l’original en anglais par une traductrice professionnelle\u00a0:"
FRENCH = {"q-preparation": (OWN, "On offre une préparation aux nouveaux patients; c&#39;est incontournable."),
          "q-traduite": (BY, "Le tandem est essentiel."),
          "q-fonds": (OWN, "Il nous manque la structure et le financement pour les rémunérer.")}
_FIGURE = re.compile(r'<figure class="pk-quote"[^>]*>.*?</figure>', re.DOTALL)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, check=False)


def _figures(page: Path) -> dict[str, str]:
    """Each quotation on a page, by the quote whose English words it shows."""
    found: dict[str, str] = {}
    for figure in _FIGURE.findall(page.read_text(encoding="utf-8")):
        quote_id = next(q for q, words in WORDS.items() if words in figure)
        found[quote_id] = figure
    return found


def _copy(target: Path) -> Path:
    shutil.copytree(FIXTURE, target)
    return target


def test_every_quote_is_in_another_language_than_the_site() -> None:
    loaded = load_content(FIXTURE)
    assert loaded.content is not None, loaded.issues
    assert loaded.content.default_language == "fr"
    assert {quote.language for quote in loaded.content.all(Quote).values()} == {"en"}


def test_check_is_clean() -> None:
    result = _cli("check", "--strict", "--project", str(FIXTURE))
    assert result.returncode == 0, result.stderr
    assert "0 errors, 0 warnings" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site_project(tmp_path_factory.mktemp("foreign-quotes") / "project", FIXTURE)


@pytest.fixture(scope="module")
def french_site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The French site of the build (one site per language: site/fr/, site/en/)."""
    site = tmp_path_factory.mktemp("foreign-quotes-fr") / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert broken_links(site) == []
    return site / "fr"


def test_french_pages_show_the_english_words_tagged_and_the_translation_labelled_beside(french_site: Path) -> None:
    pages = {"practices/preparer.html": set(WORDS), "quotes.html": set(WORDS),
             "roles/gestionnaire.html": {"q-preparation", "q-fonds"},
             "training/modules/accueil.html": {"q-traduite"}}
    for page, quotes in pages.items():
        figures = _figures(french_site / page)
        assert set(figures) == quotes, page
        for quote_id, figure in figures.items():
            quotation = figure[figure.index("<blockquote"):figure.index("</blockquote>")]
            assert quotation == f'<blockquote lang="en"><p>{WORDS[quote_id]}</p>', (page, quote_id)
            label, translation = FRENCH[quote_id]
            assert (f'<span class="pk-quote__translation"><span class="pk-quote__translation-label">{label}</span> '
                    f"{translation}</span>") in figure, (page, quote_id)


def test_english_pages_show_the_words_alone(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_in_language(project, "en", site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    figures = _figures(site / "practices/preparer.html")
    assert set(figures) == set(WORDS)
    for quote_id, figure in figures.items():
        assert f"<blockquote><p>{WORDS[quote_id]}</p></blockquote>" in figure
        assert "pk-quote__translation" not in figure and FRENCH[quote_id][1] not in figure


@pytest.fixture(scope="module")
def pdfs(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("foreign-quotes-pdf") / "out"
    result = _cli("pdf", "--project", str(project), "--out", str(out), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return out


def _text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def _languages(path: Path) -> set[str]:
    """Every /Lang of the PDF's structure tree."""
    found: set[str] = set()
    stack: list[object] = [PdfReader(path).trailer["/Root"]["/StructTreeRoot"]]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        number = getattr(item, "idnum", None)
        if number is not None:
            if number in seen:
                continue
            seen.add(number)
        item = getattr(item, "get_object", lambda item=item: item)()
        if isinstance(item, dict):
            if "/Lang" in item:
                found.add(str(item["/Lang"]))
            stack += [value for key, value in item.items() if key not in ("/P", "/Pg", "/Parent")]
        elif isinstance(item, list):
            stack += item
    return found


@pytest.mark.slow
def test_french_pdfs_print_the_english_words_tagged_and_the_translation_labelled(pdfs: Path) -> None:
    for name in ("documents/trousse.pdf", "workbooks/patients-partenaires.pdf"):
        reader = PdfReader(pdfs / "fr" / name)
        assert reader.trailer["/Root"]["/Lang"] == "fr"
        assert "en" in _languages(pdfs / "fr" / name), name
    pack = _text(pdfs / "fr/documents/trousse.pdf")
    assert ("Preparation is provided to new patients; it's a must. — Gestionnaire de programme, cas 2 "
            "(Clavel et al., 2019, Results) Notre traduction libre de l'original en anglais : "
            "On offre une préparation aux nouveaux patients; c'est incontournable.") in pack
    assert ("The tandem is a must. — Conseillère en qualité, cas 1 (Clavel et al., 2019) Traduction de l'original "
            "en anglais par une traductrice professionnelle : Le tandem est essentiel.") in pack
    # Cited in a sentence, a quote reads as its words as said, in the quotation marks of the
    # sentence's language.
    assert "Lisez « We lack the structure and funding to compensate them. » (p." in pack


@pytest.mark.slow
def test_english_pdfs_print_the_words_alone(pdfs: Path) -> None:
    pack = _text(pdfs / "en/documents/trousse.pdf")
    assert "The tandem is a must. — Quality advisor, case 1 (Clavel et al., 2019)" in pack
    assert "translation" not in pack.lower() and "Le tandem" not in pack


def test_a_quote_with_no_translation_for_the_page_says_which_language_it_is_in(tmp_path: Path) -> None:
    project = site_project(_copy(tmp_path / "project"))
    quote = project / "content/quotes/q-fonds.yaml"
    text = quote.read_text(encoding="utf-8")
    quote.write_text(text.replace('  fr: "Il nous manque la structure et le financement pour les rémunérer."\n', ""),
                     encoding="utf-8")
    result = build_site(project, tmp_path / "site", strict=False, pdf=True)
    assert result.returncode == 0, result.stderr
    assert "missing 'fr' translation" in result.stderr and "Traceback" not in result.stderr
    figure = _figures(tmp_path / "site/fr/practices/preparer.html")["q-fonds"]
    assert f'<blockquote lang="en"><p>{WORDS["q-fonds"]}</p></blockquote>' in figure
    assert '<span class="pk-quote__lang">(original en anglais)</span>' in figure
    assert "pk-quote__translation" not in figure
    pack = _text(project / "build/downloads/fr/documents/trousse.pdf")
    assert "We lack the structure and funding to compensate them. — Cadre intermédiaire, cas 2 " \
           "(Clavel et al., 2019) (original en anglais)" in pack


def test_a_quote_whose_text_lacks_its_own_language_is_an_error_at_language(tmp_path: Path) -> None:
    project = _copy(tmp_path / "project")
    quote = project / "content/quotes/q-fonds.yaml"
    quote.write_text(quote.read_text(encoding="utf-8").replace("language: en", "language: es"), encoding="utf-8")
    result = _cli("check", "--project", str(project))
    assert result.returncode == 1
    line = next(n for n, text in enumerate(quote.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("language:"))
    assert (f"content/quotes/q-fonds.yaml:{line}:11: error: language: the text gives no 'es' words "
            "(it has: en, fr)") in result.stderr
