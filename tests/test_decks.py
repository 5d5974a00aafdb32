"""The HTML deck of a session, as written: one slide per slide with its minutes for pacing,
the block and its leads in the footer, notes only in the deck, every text escaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from generator.pipeline import load_content
from generator.render.site.decks import deck_path
from generator.render.site.tree import render_site

Edit = Callable[[Path, str, str], None]
SESSION = "content/training/sessions/team-kickoff.yaml"


def _site(project: Path, directory_urls: bool = True) -> tuple[dict[str, str], str]:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    tree = render_site(loaded.content, directory_urls=directory_urls)
    deck = tree.assets[deck_path("team-kickoff", directory_urls)].decode("utf-8")
    return {page.src: page.markdown for page in tree.pages}, deck


def test_one_slide_per_slide_with_its_minutes_block_and_leads(mini_copy: Path) -> None:
    _, deck = _site(mini_copy)
    timings = re.findall(r'<section data-timing="(\d+)" data-pk-clock="([\d:]+)">', deck)
    assert timings == [("1200", "0:00"), ("2400", "0:20")]
    assert 'data-pk-total-seconds="3600"' in deck
    footers = re.findall(r'<footer class="pk-deck-footer">(.*?)</footer>', deck, re.S)
    assert "Welcome" in footers[0] and "Program manager" in footers[0] and "Patient advisor" in footers[0]
    assert "The process" in footers[1] and "Patient advisor" not in footers[1]


def test_the_deck_sits_beside_its_page_and_links_the_kept_reveal(mini_copy: Path) -> None:
    _, deck = _site(mini_copy, directory_urls=True)
    assert 'src="../../../assets/vendor/reveal/reveal.js"' in deck
    _, flat = _site(mini_copy, directory_urls=False)
    assert 'src="../../assets/vendor/reveal/reveal.js"' in flat
    assert not re.search(r'(src|href)="(https?:)?//', flat)


def test_trainer_notes_never_reach_learner_pages(mini_copy: Path) -> None:
    pages, deck = _site(mini_copy)
    assert "Tell your story." in deck
    assert not [src for src, markdown in pages.items() if "Tell your story." in markdown]


def test_session_text_is_text_in_the_deck(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / SESSION, "      - title: Why partner with patients\n",
         "      - title: \"<script>alert(1)</script>{{ 7*7 }}\"\n")
    edit(mini_copy / SESSION, "            text: Tell your story.\n",
         "            text: \"<img src=x onerror=alert(2)> [[practice:prepare-patient-advisors]]\"\n")
    _, deck = _site(mini_copy)
    assert "<script>alert" not in deck and "&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}" in deck
    assert "<img src=x" not in deck and "&lt;img src=x onerror=alert(2)&gt;" in deck
    assert 'href="../../../practices/prepare-patient-advisors/"' in deck
