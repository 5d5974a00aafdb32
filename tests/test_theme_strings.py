"""Material's own interface strings in Quebec French, from the message catalog, on a built site."""

from __future__ import annotations

from pathlib import Path

from test_site_support import build_site, site_project

PEDIATRIC = Path(__file__).resolve().parent / "fixtures" / "pediatric-fr"


def test_material_says_it_the_quebec_way_and_a_project_may_reword_it(tmp_path: Path) -> None:
    project = site_project(tmp_path / "project", PEDIATRIC)
    strings = project / "strings"
    strings.mkdir()
    (strings / "fr.yaml").write_text("theme_no_results: Rien trouvé\n", encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "fr" / "index.html").read_text(encoding="utf-8")  # a site per language
    assert 'lang="fr"' in html
    assert "Copier dans le presse-papiers" in html and "presse-papier\"" not in html  # Material: presse-papier
    assert "Saisissez un mot pour lancer la recherche" in html  # Material: Taper pour démarrer la recherche
    # Search strings reach the page as JSON (non-ASCII letters escaped).
    assert "Rien trouv\\u00e9" in html and "Aucun document" not in html  # the project's own wording wins
