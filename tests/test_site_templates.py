"""Page templates a project overrides from its templates/ folder, and the `templates` command.

Each test copies a fixture project, puts templates in its templates/ (with `partnerkit
templates copy`, as an author would), and builds it for real: `partnerkit build --out`
for the Markdown tree, `partnerkit build` and `serve` through MkDocs where the path
through the plugin matters.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from test_site_support import MINI, ROOT, build_site, hostile_project, site_project

from generator.adapters.cli import main
from generator.model.training import Module
from generator.pipeline import load_content
from generator.render.site.context import SiteContext
from generator.render.site.template_failures import TemplateFailure
from generator.render.site.templating import package_source, package_templates

MARKER = "PK-OVERRIDE-MARKER"
EVERY_REFERENCE = ROOT / "tests" / "fixtures" / "every-reference"
ENTITY_TEMPLATES = ["practice", "role", "case", "tool", "program", "process", "module", "session", "path"]
SINGLE_PAGES = {
    "home.md": "index.md", "framework.md": "framework/index.md", "practices-index.md": "practices/index.md",
    "roles-index.md": "roles/index.md", "cases-index.md": "cases/index.md", "tools-index.md": "tools/index.md",
    "program-index.md": "program/index.md", "training-index.md": "training/index.md",
    "sessions-index.md": "training/sessions/index.md", "quotes.md": "quotes.md",
    "glossary.md": "glossary.md", "references.md": "references.md", "about.md": "about.md",
    "downloads.md": "downloads.md", "training-summary.md": "training/summary.md", "evidence.md": "evidence.md",
    "changes.md": "changes.md",
}


def _project(tmp_path: Path, source: Path = MINI) -> Path:
    project = tmp_path / "project"
    shutil.copytree(source, project)
    return project


def _copy(project: Path, name: str) -> Path:
    assert main(["templates", "copy", name, "--project", str(project)]) == 0
    return project / "templates" / name


def _mark(project: Path, name: str, old: str, new: str) -> None:
    """Copy partnerkit's template `name` into the project and replace `old` in it by `new`."""
    path = _copy(project, name)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _pages(project: Path, out: Path) -> dict[str, str]:
    """`partnerkit build --out`: every generated page, by its source path."""
    assert main(["build", "--project", str(project), "--out", str(out)]) == 0
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.md"))}


def _kind(markdown: str) -> str:
    match = re.search(r"^pk_kind: (\S+)$", markdown, re.MULTILINE)
    assert match, markdown[:200]
    return match.group(1)


def _cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=False, timeout=timeout)


@pytest.mark.parametrize("kind", ENTITY_TEMPLATES)
def test_an_override_changes_every_page_of_its_kind_and_no_other(tmp_path: Path, kind: str) -> None:
    project = _project(tmp_path)
    _mark(project, f"{kind}.md", "{% block body %}\n", f"{{% block body %}}\n{MARKER} {{{{ page.title }}}}\n")
    pages = _pages(project, tmp_path / "out")
    marked = {src for src, text in pages.items() if MARKER in text}
    of_kind = {src for src, text in pages.items() if _kind(text) == kind}
    assert of_kind and marked == of_kind
    for src in of_kind:  # the override sees the page's own values
        title = re.search(r'^title: "(.*)"$', pages[src], re.MULTILINE)
        assert title and f"{MARKER} {title.group(1)}" in pages[src]


@pytest.mark.parametrize(("template", "src"), sorted(SINGLE_PAGES.items()))
def test_an_override_of_a_single_page_changes_that_page_only(tmp_path: Path, template: str, src: str) -> None:
    project = _project(tmp_path)
    _mark(project, template, "{% block body %}\n", f"{{% block body %}}\n{MARKER}\n")
    pages = _pages(project, tmp_path / "out")
    assert {s for s, text in pages.items() if MARKER in text} == {src}


def test_every_page_template_is_covered() -> None:
    pages = {info.name for info in package_templates() if "/" not in info.name and info.name.endswith(".md")}
    assert pages == {f"{kind}.md" for kind in ENTITY_TEMPLATES} | set(SINGLE_PAGES) | {"base.md"}


def test_a_fragment_override_changes_every_page_that_uses_it(tmp_path: Path) -> None:
    # The every-reference fixture shows quotes on their page, as evidence, and embedded where
    # a Markdown text cites one alone on its line (a module, the framework, a tool, a practice).
    project = _project(tmp_path, EVERY_REFERENCE)
    _mark(project, "fragments/quote.html", '<figure class="pk-quote"', f'<figure class="pk-quote" data-x="{MARKER}"')
    pages = _pages(project, tmp_path / "out")
    shown = {src: text.count('<figure class="pk-quote"') for src, text in pages.items()}
    assert {src: text.count(MARKER) for src, text in pages.items()} == shown
    assert {"quotes.md", "training/modules/welcome.md", "framework/index.md",
            "tools/preparation-checklist.md", "practices/prepare-patient-advisors.md"} <= {
        src for src, count in shown.items() if count}


def test_a_base_override_changes_every_page(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _mark(project, "base.md", "pk_kind: {{ page.kind }}\n", f"pk_kind: {{{{ page.kind }}}}\nmarker: {MARKER}\n")
    pages = _pages(project, tmp_path / "out")
    assert pages and all(f"marker: {MARKER}" in text for text in pages.values())


def test_a_deck_override_changes_every_deck(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _mark(project, "deck.html", "<body>", f"<body data-x='{MARKER}'>")
    main(["build", "--project", str(project), "--out", str(tmp_path / "out")])
    decks = list((tmp_path / "out").rglob("*deck.html"))
    assert decks and all(MARKER in deck.read_text(encoding="utf-8") for deck in decks)


def test_copies_of_every_template_change_nothing(tmp_path: Path) -> None:
    project = _project(tmp_path)
    before = _pages(project, tmp_path / "before")
    for info in package_templates():
        _copy(project, info.name)
    after = _pages(project, tmp_path / "after")
    assert after == before
    decks = sorted((tmp_path / "after").rglob("*deck.html"))
    assert decks and [d.read_bytes() for d in decks] == [
        (tmp_path / "before" / d.relative_to(tmp_path / "after")).read_bytes() for d in decks]


def test_an_override_prints_text_as_text(tmp_path: Path) -> None:
    project = hostile_project(tmp_path / "project")
    _mark(project, "practice.md", "{% block body %}\n",
          "{% block body %}\n<p>{{ practice.title.get('en', 'en') }} {{ page.title }} {{ page.lead }}</p>\n")
    page = _pages(project, tmp_path / "out")["practices/prepare-patient-advisors.md"]
    assert "<script>" not in page and "<b>bold</b>" not in page
    # The title three times (as the model holds it, as the page's title, in the lead's summary's
    # stead: the summary holds the payload too), escaped once each.
    assert page.count("PKX&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;&amp;amp;") >= 3


def test_an_edited_override_is_used_at_the_next_build(tmp_path: Path) -> None:
    # As `serve` rebuilds in one process: a new or changed file in templates/ is seen.
    project = _project(tmp_path)
    first = _pages(project, tmp_path / "first")
    _mark(project, "role.md", "{% block body %}\n", "{% block body %}\nFIRST\n")
    second = _pages(project, tmp_path / "second")
    path = project / "templates" / "role.md"
    path.write_text(path.read_text(encoding="utf-8").replace("FIRST", "SECOND-EDIT"), encoding="utf-8")
    third = _pages(project, tmp_path / "third")
    src = "roles/patient-advisor.md"
    assert "FIRST" not in first[src] and "FIRST" in second[src] and "SECOND-EDIT" in third[src]


BROKEN = {
    # An unclosed {{ on line 6: Jinja stops at the next tag, on line 7.
    "syntax": ("{{ practice.title \n", 7, "expected token 'end of print statement', got '{'"),
    "undefined name": ("{{ practise.title }}\n", 6, "'practise' is undefined (did you mean 'practice'?)"),
    "undefined attribute": ("{{ practice.titel }}\n", 6, "Practice has no attribute 'titel' (did you mean 'title'?)"),
    "missing include": ('{% include "fragments/qoute.html" %}\n', 6,
                        "no template 'fragments/qoute.html' (did you mean 'fragments/quote.html'?)"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_override_is_a_located_error_and_nothing_is_written(tmp_path: Path, case: str) -> None:
    line, number, message = BROKEN[case]
    project = _project(tmp_path)
    (project / "templates").mkdir()
    (project / "templates" / "practice.md").write_text(
        '{#- A practice page of our own. -#}\n{% extends "base.md" %}\n\n{% block body %}\nOur practice:\n'
        + line + "{% endblock %}\n", encoding="utf-8")
    result = _cli("build", "--project", str(project), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"templates/practice.md:{number}:1: error: {message}" in result.stderr, result.stderr
    assert "delete templates/practice.md to use partnerkit's own" in result.stderr or case == "missing include"
    assert "partnerkit: 1 error in templates" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("fragment", ["fragments/quote.html", "fragments/link-list.html"])
def test_a_fragment_without_its_macro_is_located(tmp_path: Path, fragment: str) -> None:
    project = _project(tmp_path, EVERY_REFERENCE)
    macro = Path(fragment).stem.replace("-", "_")
    macro = "quote_figure" if macro == "quote" else macro
    (project / "templates" / "fragments").mkdir(parents=True)
    (project / "templates" / fragment).write_text(f"{{% macro {macro}s(ctx) %}}{{% endmacro %}}\n", encoding="utf-8")
    result = _cli("build", "--project", str(project), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(rf"^templates/{fragment}:1:1: error: no macro '{macro}' here, which \S+ imports "
                     rf"\(did you mean '{macro}s'\?\)", result.stderr, re.M), result.stderr


def test_a_quote_fragment_without_its_macro_is_located_when_markdown_embeds_a_quote(tmp_path: Path) -> None:
    # The renderer calls the fragment's macro itself for a [[quote:id]] alone on its line.
    project = _project(tmp_path, EVERY_REFERENCE)
    (project / "templates" / "fragments").mkdir(parents=True)
    (project / "templates" / "fragments" / "quote.html").write_text("{% macro other() %}{% endmacro %}\n")
    loaded = load_content(project)
    assert loaded.content is not None
    with pytest.raises(TemplateFailure) as failure:
        SiteContext.create(loaded.content, "en", project=project).md(
            loaded.content.all(Module)["welcome"].sections[0].body)
    assert [(i.file, i.line) for i in failure.value.issues] == [("templates/fragments/quote.html", 1)]
    assert "no macro 'quote_figure' here, which partnerkit imports" in failure.value.issues[0].message


def test_every_syntax_error_of_every_override_at_once(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / "templates" / "fragments").mkdir(parents=True)
    (project / "templates" / "role.md").write_text("{% if %}\n", encoding="utf-8")
    (project / "templates" / "fragments" / "quote.html").write_text("\n\n{% endfor %}\n", encoding="utf-8")
    result = _cli("build", "--project", str(project), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "templates/role.md:1:1: error: " in result.stderr
    assert "templates/fragments/quote.html:3:1: error: " in result.stderr
    assert "partnerkit: 2 errors in templates" in result.stderr


def test_a_broken_override_stops_the_site_build_and_keeps_the_previous_site(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    (project / "templates").mkdir()
    (project / "templates" / "tool.md").write_text('{% extends "base.md" %}\n{% block body %}{{ tool.nope }}'
                                                   "{% endblock %}\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    (site / ".partnerkit-output").write_text("a previous build", encoding="utf-8")
    result = build_site(project, site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "templates/tool.md:2:1: error: Tool has no attribute 'nope'" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"


def test_a_broken_override_stops_serve_with_the_located_error(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project")
    (project / "templates").mkdir()
    (project / "templates" / "home.md").write_text('{% extends "base.md" %}\n\n{% block body %}{{ nope }}'
                                                   "{% endblock %}\n", encoding="utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = _cli("serve", "--project", str(project), "--dev-addr", f"127.0.0.1:{port}", timeout=120)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "templates/home.md:3:1: error: 'nope' is undefined" in result.stderr


def test_templates_list_names_every_template_with_what_it_renders(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    _copy(project, "fragments/quote.html")
    (project / "templates" / "fragments" / "ours.html").write_text("{% macro ours() %}{% endmacro %}\n")
    capsys.readouterr()
    assert main(["templates", "list", "--project", str(project)]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split()[0] for line in lines]
    shipped = [info.name for info in package_templates()]
    assert names == [*shipped, "fragments/ours.html"]
    assert all(info.description for info in package_templates())
    assert re.fullmatch(r"practice\.md +one page per practice", lines[names.index("practice.md")])
    assert lines[names.index("fragments/quote.html")].endswith("[overridden in templates/]")
    assert "[overridden" not in lines[names.index("practice.md")]
    assert "the project's own" in lines[-1]


def test_templates_copy_starts_an_override_and_keeps_an_existing_one(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    assert main(["templates", "copy", "practice", "--project", str(project)]) == 0  # the .md may be left out
    target = project / "templates" / "practice.md"
    assert target.read_text(encoding="utf-8") == package_source("practice.md")
    target.write_text("ours", encoding="utf-8")
    capsys.readouterr()
    assert main(["templates", "copy", "practice.md", "--project", str(project)]) == 1
    assert "exists" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "ours"
    assert main(["templates", "copy", "practice.md", "--force", "--project", str(project)]) == 0
    assert target.read_text(encoding="utf-8") == package_source("practice.md")
    assert _copy(project, "fragments/section.md").read_text(encoding="utf-8") == package_source("fragments/section.md")


@pytest.mark.parametrize(("name", "suggestion"), [("practise.md", "practice.md"), ("qoute", "fragments/quote.html"),
                                                   ("nothing-like-it", None)])
def test_templates_copy_of_an_unknown_name(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
                                           suggestion: str | None) -> None:
    project = _project(tmp_path)
    assert main(["templates", "copy", name, "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert f"partnerkit has no template '{name}'" in err and "'partnerkit templates list' names them" in err
    assert (f"did you mean '{suggestion}'?" in err) if suggestion else "did you mean" not in err
    assert not (project / "templates").exists()


def test_templates_copy_needs_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "copy", "practice.md", "--project", str(tmp_path)]) == 1
    assert "no content/ folder" in capsys.readouterr().err
    assert not (tmp_path / "templates").exists()


def test_the_package_ships_every_page_template() -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["generator"]
    folder = ROOT / "generator" / "render" / "site" / "templates"
    shipped = [p.relative_to(ROOT / "generator").as_posix() for p in folder.rglob("*") if p.is_file()]
    assert len(shipped) == len(package_templates())
    for relative in shipped:
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in globs), relative
