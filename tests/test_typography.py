"""French spacing, rule by rule: what `generator.typography.typeset` changes, and what it never touches."""

from __future__ import annotations

import pytest

from generator.typography import NBSP, NNBSP, SPACINGS, is_french, typeset, typesetter


def quebec(text: str, **kwargs: bool) -> str:
    return typeset(text, "fr", "quebec", **kwargs)


def france(text: str, **kwargs: bool) -> str:
    return typeset(text, "fr", "france", **kwargs)


# -- the colon -----------------------------------------------------------------------------


@pytest.mark.parametrize("spacing", SPACINGS)
@pytest.mark.parametrize(("typed", "set_"), [
    ("Licence: CC BY", f"Licence{NBSP}: CC BY"),  # missing: added
    ("Licence : CC BY", f"Licence{NBSP}: CC BY"),  # an ordinary space: replaced
    ("Licence\t: CC BY", f"Licence{NBSP}: CC BY"),
    (f"Licence{NNBSP}: CC BY", f"Licence{NBSP}: CC BY"),
    (f"Licence{NBSP}: CC BY", f"Licence{NBSP}: CC BY"),  # already right
    ("Voir aussi:", f"Voir aussi{NBSP}:"),  # at the end (a label before a link)
    ("Étape 1: Demande", f"Étape 1{NBSP}: Demande"),
    ("(p. 5): suite", f"(p. 5){NBSP}: suite"),
])
def test_a_no_break_space_goes_before_a_colon(spacing: str, typed: str, set_: str) -> None:
    assert typeset(typed, "fr", spacing) == set_  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["Il est 10:30.", "Un ratio de 1:2.", "De 9:00 à 17:45", "x::y"])
def test_times_and_ratios_keep_their_colon(text: str) -> None:
    assert quebec(text) == text
    assert france(text) == text


# -- guillemets ----------------------------------------------------------------------------


@pytest.mark.parametrize("spacing", SPACINGS)
@pytest.mark.parametrize(("typed", "set_"), [
    ("« Marquer comme terminé »", f"«{NBSP}Marquer comme terminé{NBSP}»"),
    ("«Marquer»", f"«{NBSP}Marquer{NBSP}»"),
    (f"«{NNBSP}Marquer{NNBSP}»", f"«{NBSP}Marquer{NBSP}»"),
    ("il dit «  oui  » et part", f"il dit «{NBSP}oui{NBSP}» et part"),
])
def test_no_break_spaces_go_inside_guillemets(spacing: str, typed: str, set_: str) -> None:
    assert typeset(typed, "fr", spacing) == set_  # type: ignore[arg-type]


# -- ; ! ? -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "set_"), [
    ("Prêt ?", "Prêt?"),
    ("Prêt?", "Prêt?"),
    ("Bravo !", "Bravo!"),
    (f"Bravo{NBSP}!", "Bravo!"),
    (f"Bravo{NNBSP}!", "Bravo!"),
    ("un ; deux", "un; deux"),
    ("Vraiment ?!", "Vraiment?!"),
    ("« Prêt ? »", f"«{NBSP}Prêt?{NBSP}»"),
])
def test_quebec_puts_no_space_before_semicolons_exclamation_and_question_marks(typed: str, set_: str) -> None:
    assert quebec(typed) == set_


@pytest.mark.parametrize(("typed", "set_"), [
    ("Prêt ?", f"Prêt{NNBSP}?"),
    ("Prêt?", f"Prêt{NNBSP}?"),
    (f"Bravo{NBSP}!", f"Bravo{NNBSP}!"),
    ("un; deux", f"un{NNBSP}; deux"),
    ("Vraiment?!", f"Vraiment{NNBSP}?!"),  # before the first of a run only
    ("« Prêt ? »", f"«{NBSP}Prêt{NNBSP}?{NBSP}»"),
    ("Licence : CC BY", f"Licence{NBSP}: CC BY"),  # the colon keeps its full no-break space
])
def test_france_puts_a_narrow_no_break_space_before_them(typed: str, set_: str) -> None:
    assert france(typed) == set_


@pytest.mark.parametrize("text", ["(?)", "? en début", "color !important", "a?b", "(!)"])
def test_a_mark_that_ends_no_word_is_left_alone(text: str) -> None:
    assert quebec(text) == text
    assert france(text) == text


# -- what it never touches ------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "https://example.org:8080/a?b=1;c=2",
    "mailto:bureau@example.org?subject=Oui:non!",
    "bureau@example.org",
    "[[practice:secure-funds|Financer : comment ?]]",
    "[lien](https://example.org/?q=a : b)",
    "`a : b ; c ?`",
    '<a href="x" title="a : b">',
    "R&amp;D",
    "{n:>3}{label!r}",
])
def test_addresses_references_link_targets_code_markup_and_placeholders_are_untouched(text: str) -> None:
    assert quebec(text) == text
    assert france(text) == text


def test_what_surrounds_them_is_still_set() -> None:
    assert quebec("Site : https://example.org/a?b=1 ; voir !") == f"Site{NBSP}: https://example.org/a?b=1; voir!"
    assert france("Écrivez à bureau@example.org ?") == f"Écrivez à bureau@example.org{NNBSP}?"
    assert quebec("Voir [[case:a]] : ceci") == f"Voir [[case:a]]{NBSP}: ceci"
    assert quebec("{n} sur {total} :") == f"{{n}} sur {{total}}{NBSP}:"


@pytest.mark.parametrize("lang", ["en", "en-CA", "es", "de"])
def test_other_languages_are_unchanged(lang: str) -> None:
    for text in ("Licence: CC BY", "Ready ?", "« Oui »", "a ; b"):
        assert typeset(text, lang, "france") == text
        assert typesetter(lang, "quebec")(text) == text


def test_french_in_any_region() -> None:
    assert [is_french(code) for code in ("fr", "fr-CA", "fr_FR", "FR", "en", "frr")] == [
        True, True, True, True, False, False]
    assert typeset("Oui ?", "fr-CA") == "Oui?"


def test_it_is_idempotent() -> None:
    texts = ["Licence : CC BY ; « Prêt ? » Bravo !", "«»", "Voir:", "a ?! b", "Il est 10:30 : fin"]
    for text in texts:
        for spacing in SPACINGS:
            once = typeset(text, "fr", spacing)  # type: ignore[arg-type]
            assert typeset(once, "fr", spacing) == once  # type: ignore[arg-type]


def test_a_piece_that_continues_a_line_gets_its_leading_space() -> None:
    # The text after an inline element (a link, emphasis): "[[case:a]]: ..." reads "Cas A : ...".
    assert quebec(": la suite", continues=True) == f"{NBSP}: la suite"
    assert quebec(" » et", continues=True) == f"{NBSP}» et"
    assert quebec(" ?", continues=True) == "?"
    assert france("?", continues=True) == f"{NNBSP}?"
    assert france("; ", continues=True) == f"{NNBSP}; "
    # Alone, a text that starts with a mark has nothing before it to space from.
    assert quebec(": la suite") == ": la suite"
    assert france("?") == "?"


def test_text_stays_text() -> None:
    # Plain text in, plain text out: nothing is escaped here, and markup-like text is left as it is.
    assert quebec("<script>alert(1)</script> : oui") == f"<script>alert(1)</script>{NBSP}: oui"
    assert quebec("Guillemets \"droits\" : oui") == f"Guillemets \"droits\"{NBSP}: oui"


def test_typesetter_is_typeset_for_one_language() -> None:
    french = typesetter("fr", "france")
    assert french("Prêt ? Licence: oui") == typeset("Prêt ? Licence: oui", "fr", "france")
    assert french("sans ponctuation") == "sans ponctuation"
