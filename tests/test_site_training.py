"""The training pages without a browser: what the script needs is in the HTML, every word
it writes comes from the message catalog, and progress is namespaced per site."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

from test_site_support import MINI, ROOT

from generator import messages
from generator.model.training import Module
from generator.pipeline import load_content
from generator.render.site.context import SiteContext
from generator.render.site.training_ui import JS_STRINGS, legacy_store_key, store_key
from generator.render.site.tree import render_site


def _pages(project: object) -> dict[str, str]:
    loaded = load_content(project)  # type: ignore[arg-type]
    assert loaded.content is not None, loaded.issues
    return {p.src: p.markdown for p in render_site(loaded.content).pages}


def test_checks_have_a_form_beside_the_readable_list() -> None:
    loaded = load_content(ROOT)
    assert loaded.content is not None
    pages = _pages(ROOT)
    for module in loaded.content.all(Module).values():
        page = pages[f"training/modules/{module.id}.md"]
        for check in module.checks:
            kind = "radio" if check.kind == "single" else "checkbox"
            inputs = re.findall(rf'<input type="{kind}" name="check-{check.id}"', page)
            assert len(inputs) == len(check.choices), (module.id, check.id)
            rights = re.findall(r'data-pk-correct="true"', page.split(f'id="check-{check.id}"')[1]
                                .split('class="pk-quiz"')[0])
            assert len(rights) == sum(c.correct for c in check.choices)
        assert f'data-pk-module="{module.id}"' in page and "Mark as done" in page


def test_every_word_of_the_script_comes_from_the_catalog() -> None:
    assert all(messages.has(key) for key in JS_STRINGS)
    page = _pages(MINI)["training/modules/welcome.md"]
    data = json.loads(html.unescape(re.search(r'data-pk-training="([^"]*)"', page).group(1)))  # type: ignore[union-attr]
    assert data["store"] == "partnerkit:site:training"  # the fixture sets no id: the default
    assert data["legacy"] == "partnerkit:partnering-with-patients-test:training"  # moved by the script
    assert set(data["strings"]) == set(JS_STRINGS)
    script = (ROOT / "generator/render/site/assets/training.js").read_text(encoding="utf-8")
    used = set(re.findall(r"\bS\.(\w+)", script))
    assert used <= set(JS_STRINGS), used - set(JS_STRINGS)


def test_store_key_is_named_by_the_site_id_not_the_title() -> None:
    loaded = load_content(MINI)
    assert loaded.content is not None
    site = loaded.content.site
    ctx = SiteContext.create(loaded.content, "en")
    assert store_key(ctx) == "partnerkit:site:training"
    renamed = replace(loaded.content, site=site.model_copy(update={"id": "north-clinic"}))
    retitled = replace(renamed, site=renamed.site.model_copy(update={"title": site.description}))
    assert store_key(SiteContext.create(renamed, "en")) == "partnerkit:north-clinic:training"
    assert store_key(SiteContext.create(retitled, "en")) == "partnerkit:north-clinic:training"
    assert legacy_store_key(ctx) == "partnerkit:partnering-with-patients-test:training"


def test_summary_page_is_in_the_navigation_and_linked_from_paths() -> None:
    pages = _pages(MINI)
    assert "training/summary.md" in pages
    assert 'href="../../summary/"' in pages["training/paths/patient-advisors.md"]
    assert 'href="training/summary/"' in pages["index.md"]
