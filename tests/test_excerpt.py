"""Card descriptions: whole sentences of the first paragraph, references read as their labels."""

from __future__ import annotations

from generator.render.site.excerpt import excerpt, first_sentences


def _label(kind: str, entity_id: str, label: str | None) -> str:
    return label or f"the {entity_id.replace('-', ' ')} {kind}"


def test_short_text_is_kept_whole() -> None:
    assert first_sentences("One. Two.", 20) == "One. Two."


def test_long_text_ends_after_the_last_whole_sentence_that_fits() -> None:
    text = "First sentence here. Second one, a little longer. Third sentence goes past the limit."
    assert first_sentences(text, 50) == "First sentence here. Second one, a little longer."
    assert first_sentences(text, 30) == "First sentence here."


def test_the_first_sentence_is_never_cut() -> None:
    long = "A single sentence that runs well past the limit of the card, with no end in sight"
    assert first_sentences(long, 20) == long
    assert first_sentences(long + ". Then more.", 20) == long + "."


def test_abbreviations_and_quotes_do_not_end_a_sentence_early() -> None:
    text = 'Ask, e.g. the coach, then say "yes." Then go on. ' + "More words" * 6
    assert first_sentences(text, 50) == 'Ask, e.g. the coach, then say "yes." Then go on.'


def test_markdown_becomes_plain_text_with_reference_labels() -> None:
    markdown = ("Use the *form* at step 1 of the [[process:five-step]]; ask [[role:coach|your coach]].\n"
                "More words.\n\nA second paragraph.")
    assert excerpt(markdown, _label) == ("Use the form at step 1 of the the five step process; ask your coach. "
                                         "More words.")
