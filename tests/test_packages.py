"""`partnerkit scorm` and `partnerkit bundle` from the command line: what the zips hold, the
SCORM 1.2 manifest, the same bytes from the same input, and bad input (a path with no
modules, progress that could not fit in suspend_data, no path at all, an unknown path, an
unreadable git history, no offline search) met with a located message and nothing written.
Chromium tests of the packages: test_scorm_browser.py, test_bundle_browser.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from test_site_support import ROOT, broken_links, site_project

from generator.checks.packages import SUSPEND_DATA_LIMIT, progress_size
from generator.model.training import Module
from generator.pipeline import load_content

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


def _run(command: str, project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """A packaging command in a fresh process, with no PDFs (they are tested elsewhere)."""
    return subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", command, "--project", str(project), "--no-pdf",
         "--downloads", str(out.parent / "downloads"), "--out", str(out), *extra],
        capture_output=True, text=True, check=False, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return site_project(tmp_path / "project")


@pytest.fixture
def packaged(project: Path, tmp_path: Path) -> Path:
    """The fixture's SCORM package of its one path, unzipped."""
    result = _run("scorm", project, tmp_path / "scorm")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "scorm").iterdir()) == [".partnerkit-output", "patient-advisors-en.zip"]
    with zipfile.ZipFile(tmp_path / "scorm" / "patient-advisors-en.zip") as archive:
        archive.extractall(tmp_path / "unzipped")
    return tmp_path / "unzipped"


def test_a_scorm_package_is_a_scorm_1_2_manifest_over_the_whole_site(packaged: Path) -> None:
    manifest = ET.parse(packaged / "imsmanifest.xml").getroot()
    assert manifest.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organizations = manifest.find(f"{CP}organizations")
    assert organizations is not None
    organization = organizations.find(f"{CP}organization")
    assert organization is not None and organizations.get("default") == organization.get("identifier")
    assert organization.findtext(f"{CP}title") == "Joining a QI team as a patient advisor"
    items = organization.findall(f"{CP}item")
    assert len(items) == 1  # one SCO: the path
    assert items[0].find(f"{ADLCP}masteryscore") is None  # the path sets none
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    assert [r.get("identifier") for r in resources] == [items[0].get("identifierref")]
    sco = resources[0]
    assert sco.get(f"{ADLCP}scormtype") == "sco" and sco.get("href") == "index.html"
    # Every file is listed and every listed file is there.
    listed = {file.get("href") for file in sco.findall(f"{CP}file")}
    on_disk = {p.relative_to(packaged).as_posix() for p in packaged.rglob("*") if p.is_file()}
    assert listed == on_disk - {"imsmanifest.xml"}
    assert {"index.html", "scorm.js", "site/index.html", "site/search/search_index.json",
            "site/assets/training.js", "site/assets/fonts/AtkinsonHyperlegible-Regular.ttf",
            "site/training/paths/patient-advisors.html"} <= listed
    # The site inside links only to itself: nothing missing, no switcher to another language.
    assert broken_links(packaged / "site") == []
    launch = (packaged / "index.html").read_text(encoding="utf-8")
    assert '"start":"training/paths/patient-advisors.html"' in launch and 'src="scorm.js"' in launch


def test_a_path_s_mastery_score_goes_into_its_manifest(project: Path, tmp_path: Path, edit: object) -> None:
    paths = project / "content" / "training" / "paths.yaml"
    paths.write_text(paths.read_text(encoding="utf-8") + "    mastery_score: 80\n", encoding="utf-8")
    assert _run("scorm", project, tmp_path / "scorm").returncode == 0
    with zipfile.ZipFile(tmp_path / "scorm" / "patient-advisors-en.zip") as archive:
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.findtext(f"{CP}organizations/{CP}organization/{CP}item/{ADLCP}masteryscore") == "80"


def test_the_same_content_makes_the_same_zips(project: Path, tmp_path: Path) -> None:
    for command, name in (("scorm", "patient-advisors-en.zip"), ("bundle", "site-en.zip")):
        one, two = tmp_path / f"{command}-1", tmp_path / f"{command}-2"
        assert _run(command, project, one).returncode == 0
        assert _run(command, project, two).returncode == 0
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_every_path_and_language_of_the_default_content_gets_a_package(tmp_path: Path) -> None:
    result = _run("scorm", ROOT, tmp_path / "scorm")
    assert result.returncode == 0, result.stderr
    loaded = load_content(ROOT)
    assert loaded.content is not None
    paths = loaded.content.all("path")
    expected = {f"{path}-{lang}.zip" for path in paths for lang in ("en", "fr")}
    assert {p.name for p in (tmp_path / "scorm").glob("*.zip")} == expected
    assert f"{len(expected)} SCORM packages" in result.stdout
    with zipfile.ZipFile(tmp_path / "scorm" / "mid-managers-path-fr.zip") as archive:
        title = ET.fromstring(archive.read("imsmanifest.xml")).findtext(f"{CP}organizations/{CP}organization/{CP}title")
        launch = archive.read("index.html").decode("utf-8")
    assert title == "Gestionnaires intermédiaires\u00a0: de la vision à la pratique quotidienne"
    assert '<html lang="fr">' in launch and "Ouvrir le cours" in launch
    # Every path of the default content fits in suspend_data, with room to spare.
    modules = loaded.content.all(Module)
    assert max(progress_size(p.modules, modules) for p in paths.values()) < SUSPEND_DATA_LIMIT / 2


def test_a_bundle_is_one_folder_holding_the_site(project: Path, tmp_path: Path) -> None:
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text(encoding="utf-8")
                                        + "site_url: https://intranet.example.org/training/\n", encoding="utf-8")
    result = _run("bundle", project, tmp_path / "bundles")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "bundles" / "site-en.zip") as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "unzipped")
    assert {name.split("/")[0] for name in names} == {"site-en"}
    root = tmp_path / "unzipped" / "site-en"
    assert (root / "index.html").is_file() and (root / "search" / "search_index.json").is_file()
    assert broken_links(root) == []
    # No address of its own: a page opened from a USB key does not point at the intranet.
    home = (root / "index.html").read_text(encoding="utf-8")
    assert "intranet.example.org" not in home and 'rel="canonical"' not in home


def test_a_path_with_no_modules_is_located_and_nothing_is_written(project: Path, tmp_path: Path) -> None:
    paths = project / "content" / "training" / "paths.yaml"
    paths.write_text(paths.read_text(encoding="utf-8").replace("modules: [welcome]", "modules: []"), encoding="utf-8")
    result = _run("scorm", project, tmp_path / "scorm")
    assert result.returncode == 1
    assert "content/training/paths.yaml:6:" in result.stderr
    assert "paths[0].modules: needs at least 1 item" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "scorm").exists()


def test_progress_too_long_for_suspend_data_is_a_warning_to_check_and_an_error_to_scorm(
        project: Path, tmp_path: Path) -> None:
    module = project / "content" / "training" / "modules" / "welcome.yaml"
    check = ("  - id: a-knowledge-check-with-a-very-long-identifier-number-{n}\n"
             "    question: Is this long?\n    choices:\n"
             "      - {{text: 'Yes', correct: true, feedback: Right.}}\n"
             "      - {{text: 'No', feedback: Wrong.}}\n")
    text = module.read_text(encoding="utf-8")
    assert "\nchecks:\n" in text
    module.write_text(text.replace("\nchecks:\n", "\nchecks:\n" + "".join(check.format(n=n) for n in range(70)), 1),
                      encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "generator.adapters.cli", "check", "--project", str(project)],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    assert "content/training/paths.yaml:6:" in checked.stderr and "warning: paths[0].modules" in checked.stderr
    assert "over the 4,096 that SCORM 1.2 allows in cmi.suspend_data" in checked.stderr
    previous = tmp_path / "scorm"
    assert _run("scorm", site_project(tmp_path / "clean"), previous).returncode == 0
    before = {p.name: p.read_bytes() for p in previous.iterdir()}
    result = _run("scorm", project, previous)
    assert result.returncode == 1
    assert "content/training/paths.yaml:6:" in result.stderr and "error: paths[0].modules" in result.stderr
    assert "(split it into shorter paths, or give its modules and knowledge checks shorter ids)" in result.stderr
    assert "warning: paths[0].modules" not in result.stderr  # the error replaces the warning
    assert "no SCORM package was written" in result.stderr and "Traceback" not in result.stderr
    assert {p.name: p.read_bytes() for p in previous.iterdir()} == before  # the previous packages stay


def test_no_path_or_an_unknown_one_is_refused(project: Path, tmp_path: Path) -> None:
    unknown = _run("scorm", project, tmp_path / "scorm", "--path", "patient-advisor")
    assert unknown.returncode == 1
    assert "no learning path 'patient-advisor' in content/training/paths.yaml (the paths are: patient-advisors)" \
        in unknown.stderr
    (project / "content" / "training" / "paths.yaml").unlink()
    none = _run("scorm", project, tmp_path / "scorm")
    assert none.returncode == 1 and "Traceback" not in none.stderr
    assert "there is no learning path to package" in none.stderr
    assert not (tmp_path / "scorm").exists()


def test_an_unreadable_git_history_does_not_stop_a_package(project: Path, tmp_path: Path) -> None:
    (project / ".git").write_text("gitdir: /nowhere/at/all\n", encoding="utf-8")
    result = _run("bundle", project, tmp_path / "bundles")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "bundles" / "site-en.zip") as archive:
        page = archive.read("site-en/changes.html").decode("utf-8")
    assert "could not be read" in page


def test_packages_need_offline_search(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - offline", ""), encoding="utf-8")
    result = _run("bundle", project, tmp_path / "bundles")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "a package must work with no server, and search then needs Material's offline plugin" in result.stderr
    assert not (tmp_path / "bundles").exists()
