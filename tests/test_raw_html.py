"""Generated pages' HTML blocks are published without a second Markdown parse, and the site is
the same, byte for byte, as when Markdown parses them (the plugin's `raw_html: false`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_site_support import MINI, ROOT, site_project

from generator.render.site.raw_blocks import anchor_ids, join_raw_blocks, split_raw_blocks

TOKEN = "pkrawtest"
BLOCK = '<div class="pk-block" markdown="0">\n<p id="a">One</p><div id="b">Two</div>\n</div>'


def test_blocks_leave_for_placeholders_and_come_back_as_md_in_html_writes_them() -> None:
    markdown = f"# Title\n\n{BLOCK}\n\n## Part {{ #part }}\n\n{BLOCK}\n"
    split = split_raw_blocks(markdown, TOKEN)
    assert split is not None
    kept, blocks = split
    assert kept == f"# Title\n\n{TOKEN}-0\n\n## Part {{ #part }}\n\n{TOKEN}-1\n"
    html = f'<h1 id="title">Title</h1>\n<p>{TOKEN}-0</p>\n<h2 id="part">Part</h2>\n<p>{TOKEN}-1</p>'
    assert join_raw_blocks(html, blocks, TOKEN) == (f'<h1 id="title">Title</h1>\n{BLOCK}\n\n'
                                                    f'<h2 id="part">Part</h2>\n{BLOCK}')
    assert anchor_ids(blocks) == {"a", "b"}


@pytest.mark.parametrize("markdown", [
    "# Only Markdown\n\nA paragraph.\n",
    f"Text before\n{BLOCK}\n",  # a block that is not a paragraph of its own
    '<div class="pk-block" markdown="0">\n<div>unclosed\n</div>\n',
    '<div class="pk-block" markdown="0">\n<p>no closing line</p></div>\n',
])
def test_a_page_of_another_shape_is_left_whole(markdown: str) -> None:
    assert split_raw_blocks(markdown, TOKEN) is None


def test_a_placeholder_that_did_not_come_through_is_noticed() -> None:
    blocks = [BLOCK, BLOCK]
    assert join_raw_blocks(f"<p>{TOKEN}-0</p>", blocks, TOKEN) is None  # one missing
    assert join_raw_blocks(f"<p>{TOKEN}-1</p><p>{TOKEN}-0</p>", blocks, TOKEN) is None  # out of order
    assert join_raw_blocks(f"<p>{TOKEN}-0 changed</p><p>{TOKEN}-1</p>", blocks, TOKEN) is None


def _build(project: Path, site: Path, config: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "build", "--project", str(project), "--no-pdf",
         "--strict", "--config-file", str(config), "--site-dir", str(site),
         "--downloads", str(site.parent / "downloads")],
        capture_output=True, text=True, check=False, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name not in ("sitemap.xml.gz", ".partnerkit-output")}


def _copy_of_default(target: Path) -> Path:
    for part in ("content", "docs"):
        shutil.copytree(ROOT / part, target / part)
    for part in ("mkdocs.yml", "translations.lock"):
        shutil.copy(ROOT / part, target / part)
    return target


@pytest.mark.parametrize("source", ["mini", "default"])
def test_the_site_is_the_same_as_when_markdown_parses_the_blocks(tmp_path: Path, source: str) -> None:
    project = (site_project(tmp_path / "project", MINI) if source == "mini"
               else _copy_of_default(tmp_path / "project"))
    config = project / "mkdocs.yml"
    parsed = project / "parsed.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - partnerkit\n" in text
    parsed.write_text(text.replace("\n  - partnerkit\n", "\n  - partnerkit:\n      raw_html: false\n"),
                      encoding="utf-8")
    _build(project, tmp_path / "fast" / "site", config)
    _build(project, tmp_path / "parsed" / "site", parsed)
    fast, slow = _files(tmp_path / "fast" / "site"), _files(tmp_path / "parsed" / "site")
    assert len(fast) > 50
    assert fast.keys() == slow.keys()
    assert [name for name in fast if fast[name] != slow[name]] == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_generated_page_of_the_default_content_has_the_shape(lang: str) -> None:
    from generator.pipeline import load_content
    from generator.render.site.tree import render_site

    loaded = load_content(ROOT)
    assert loaded.content is not None
    pages = render_site(loaded.content, lang, directory_urls=False).pages
    bodies = {page.src: page.markdown.split("\n---\n", 1)[1] for page in pages}
    assert [src for src, body in bodies.items() if split_raw_blocks(body, TOKEN) is None] == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_headings_are_written_as_markdown_writes_them(lang: str) -> None:
    import markdown

    from generator.pipeline import load_content
    from generator.render.site.raw_blocks import render_headings
    from generator.render.site.tree import render_site

    loaded = load_content(ROOT)
    assert loaded.content is not None
    tree = render_site(loaded.content, lang, directory_urls=False)
    glossary = dict(tree.abbreviations)
    engine = markdown.Markdown(extensions=["toc", "tables", "fenced_code", "abbr", "admonition", "attr_list",
                                           "md_in_html"],
                               extension_configs={"toc": {"permalink": False}, "abbr": {"glossary": glossary}})
    written = 0
    for page in tree.pages:
        split = split_raw_blocks(page.markdown.split("\n---\n", 1)[1], TOKEN)
        assert split is not None
        rendered = render_headings(split[0], TOKEN, glossary)
        if rendered is None:
            continue  # headings Markdown must parse (an abbreviation in one, say)
        engine.reset()
        assert rendered.html == engine.convert(split[0]), page.src
        assert rendered.toc_tokens == engine.toc_tokens, page.src  # type: ignore[attr-defined]
        written += 1
    assert written > len(tree.pages) / 2  # most pages take the short way


def test_headings_with_markdown_or_an_abbreviation_are_left_to_markdown() -> None:
    from generator.render.site.raw_blocks import render_headings

    assert render_headings(f"# Plain\n\n{TOKEN}-0\n", TOKEN) is not None
    for heading in ("# With *emphasis*", "# With a [link](x.md)", "# Tom &amp; Jerry", "# With `code`"):
        assert render_headings(f"{heading}\n\n{TOKEN}-0\n", TOKEN) is None, heading
    assert render_headings("# Preparing PA\n", TOKEN, ["PA"]) is None
    assert render_headings("# Preparing PAs\n", TOKEN, ["PA"]) is not None  # not the word
    assert render_headings("A paragraph of Markdown\n", TOKEN) is None
