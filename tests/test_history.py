"""The What changed page from real git histories made here (fixed commit dates): the commits
newest first, their dates in the page's language, their subjects as text, the entities they
touched linked (a deleted file named plainly); empty and quiet outside git, with a broken or
shallow repository, without git; the same page for the same history."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.loading import history as git_history
from generator.loading.history import entity_at, read_history
from generator.messages import has
from generator.model import registry
from generator.model.history import Absence, History
from generator.pipeline import load_content
from generator.render.site.tree import render_site

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
PEDIATRIC = ROOT / "tests" / "fixtures" / "pediatric-fr"
NB = "\u00a0"


def _git(repo: Path, *args: str, when: str = "2026-01-05T10:00:00+00:00") -> str:
    """git in `repo` with a fixed identity and date, and no configuration of the machine's."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    done = subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args], cwd=repo,
                          env=env, capture_output=True, text=True, check=True)
    return done.stdout


def _commit(repo: Path, message: str, when: str) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", message, when=when)


def _history_project(target: Path, source: Path = MINI) -> Path:
    """A copy of `source` in a new repository, with four commits (one outside content/)."""
    shutil.copytree(source, target)
    _git(target, "init", "-q")
    _commit(target, "Start the project", "2026-01-05T10:00:00+00:00")
    practice = next((target / "content/practices").glob("*.yaml"))
    role = next((target / "content/roles").glob("*.yaml"))
    practice.write_text(practice.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    shutil.copy(role, target / "content/roles/old-role.yaml")
    _commit(target, "Add a *step* <script>alert(1)</script> & [link](http://x)", "2026-02-10T16:30:00+00:00")
    (target / "notes.txt").write_text("outside content/\n", encoding="utf-8")
    _commit(target, "Notes, not content", "2026-02-20T09:00:00+00:00")
    (target / "content/roles/old-role.yaml").unlink()
    glossary = target / "content/glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    _commit(target, "Remove the old role", "2026-03-01T22:00:00-05:00")  # 2 March in UTC: the committer's day counts
    return target


def _changes(project: Path, lang: str | None = None, history: History | None = None) -> str:
    loaded = load_content(project)
    assert loaded.content is not None, loaded.issues
    tree = render_site(loaded.content, lang, history=history or read_history(project))
    return next(page.markdown for page in tree.pages if page.src == "changes.md")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _history_project(tmp_path_factory.mktemp("history") / "project")


def test_paths_name_the_entities_stored_there() -> None:
    assert entity_at("content/practices/secure-funds.yaml") == ("practice", "secure-funds")
    assert entity_at("content/program/processes/five-steps.yml") == ("process", "five-steps")
    assert entity_at("content/program/partners.yaml") == ("program", "partners")
    assert entity_at("content/training/paths.yaml") == ("paths", None)
    assert entity_at("content/framework.yaml") == ("framework", None)
    assert entity_at("content/practices/Not An Id.yaml") == (None, None)
    assert entity_at("content/images/team.png") == (None, None)
    assert entity_at("content/practices/drafts/x.yaml") == (None, None)


def test_every_kind_and_every_absence_has_its_words() -> None:
    assert [kind.name for kind in registry.KINDS if not has(f"changes_kind_{kind.name}")] == []
    assert [absence for absence in Absence if not has(f"changes_{absence.value}")] == []


def test_the_history_lists_commits_touching_content_newest_first(repo: Path) -> None:
    history = read_history(repo)
    assert history.absent is None and not history.truncated
    assert [(c.day.isoformat(), c.summary) for c in history.commits] == [
        ("2026-03-01", "Remove the old role"),
        ("2026-02-10", "Add a *step* <script>alert(1)</script> & [link](http://x)"),
        ("2026-01-05", "Start the project"),
    ]
    latest, middle, first = history.commits
    assert [(t.path, t.kind, t.id, t.deleted) for t in latest.touched] == [
        ("content/glossary.yaml", "glossary", None, False),
        ("content/roles/old-role.yaml", "role", "old-role", True),
    ]
    assert [(t.kind, t.id) for t in middle.touched] == [("practice", "prepare-patient-advisors"), ("role", "old-role")]
    assert len(first.touched) == 17 and not any(t.deleted for t in first.touched)


def test_the_page_shows_dates_summaries_and_links(repo: Path) -> None:
    page = _changes(repo)
    assert "# What changed" in page
    entries = page.split('<li class="pk-change">')[1:]
    assert len(entries) == 3
    latest, middle, first = entries
    assert ('<time datetime="2026-03-01">1 March 2026</time> · '
            '<span class="pk-change__summary">Remove the old role</span>') in latest
    assert "<li>Role: old-role (file deleted)</li>" in latest  # deleted: named plainly
    assert ('<li>Glossary: <a href="../glossary/" class="pk-ref"><code>content/glossary.yaml</code></a></li>'
            in latest)
    # Text is text: the subject is escaped, never read as Markdown or HTML.
    assert ('<span class="pk-change__summary">Add a *step* &lt;script&gt;alert(1)&lt;/script&gt; &amp; '
            "[link](http://x)</span>") in middle
    assert ('<li>Practice: <a href="../practices/prepare-patient-advisors/" class="pk-ref">Prepare patient advisors '
            "before they start</a></li>") in middle
    assert "<li>Role: old-role</li>" in middle  # gone since: no link to a page that is not there
    assert '<time datetime="2026-01-05">5 January 2026</time>' in first
    assert '<li>Session: <a href="../training/sessions/team-kickoff/" class="pk-ref">' in first
    assert '<li>Quote: <a href="../quotes/#quote-preparation-is-a-must" class="pk-ref">' in first
    assert "<li>Site settings: <code>content/site.yaml</code></li>" in first  # no page shows it
    assert "Notes, not content" not in page and "notes.txt" not in page
    assert "Only the latest" not in page


def test_the_page_is_in_french_for_a_french_site(tmp_path: Path) -> None:
    project = _history_project(tmp_path / "project", PEDIATRIC)
    page = _changes(project)
    assert "# Ce qui a changé" in page
    assert '<time datetime="2026-03-01">1er mars 2026</time>' in page
    assert f"<li>Rôle{NB}: old-role (fichier supprimé)</li>" in page
    assert '<time datetime="2026-02-10">10 février 2026</time>' in page


def test_only_the_latest_commits_are_listed(repo: Path) -> None:
    history = read_history(repo, limit=2)
    assert history.truncated and [c.summary for c in history.commits] == ["Remove the old role",
                                                                         "Add a *step* <script>alert(1)</script> & "
                                                                         "[link](http://x)"]
    assert "Only the latest 2 changes are listed." in _changes(repo, history=history)


def test_a_commit_touching_many_files_lists_the_first_and_counts_the_rest(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI, project)
    for number in range(35):
        (project / "content/quotes" / f"extra-{number:02}.txt").write_text("x", encoding="utf-8")
    _git(project, "init", "-q")
    _commit(project, "Many files", "2026-01-05T10:00:00+00:00")
    page = _changes(project)
    assert page.count("<li>") == 30 + 1
    assert "<li>and 22 more files</li>" in page


def test_the_same_history_gives_the_same_page(repo: Path, tmp_path: Path) -> None:
    first = _changes(repo)
    assert _changes(repo) == first
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True, capture_output=True)
    assert _changes(clone) == first  # the same commits in another folder, on another day


def test_a_project_inside_a_repository_reads_its_own_content(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "site-a")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "other.yaml").write_text("x: 1\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _commit(tmp_path, "Both", "2026-01-05T10:00:00+00:00")
    history = read_history(tmp_path / "site-a")
    [commit] = history.commits
    assert all(t.path.startswith("content/") and t.path != "content/other.yaml" for t in commit.touched)
    assert ("practice", "prepare-patient-advisors") in {(t.kind, t.id) for t in commit.touched}


# No history: a calm sentence, no warning, never a failed build.


def _no_history(project: Path, absence: Absence | None, sentence: str) -> None:
    history = read_history(project)
    assert history.commits == () and history.absent is absence
    page = _changes(project, history=history)
    assert f'<p class="pk-lead">{sentence}</p>' in page
    assert 'class="pk-changes"' not in page


def test_outside_git_the_page_says_so(mini_copy: Path) -> None:
    _no_history(mini_copy, Absence.NOT_A_REPOSITORY, "No history: this project is not in a git repository.")


def test_a_repository_without_commits_has_no_change_yet(mini_copy: Path) -> None:
    _git(mini_copy, "init", "-q")
    _no_history(mini_copy, None, "No change to the content is recorded in the project&#39;s git history yet.")


def test_a_broken_git_folder_is_unreadable_history(mini_copy: Path) -> None:
    (mini_copy / ".git").mkdir()
    (mini_copy / ".git" / "HEAD").write_text("garbage\n", encoding="utf-8")
    _no_history(mini_copy, Absence.UNREADABLE, "No history: the project&#39;s git history could not be read.")


def test_a_git_file_pointing_nowhere_is_unreadable_history(mini_copy: Path) -> None:
    (mini_copy / ".git").write_text("gitdir: /nowhere/at/all\n", encoding="utf-8")
    _no_history(mini_copy, Absence.UNREADABLE, "No history: the project&#39;s git history could not be read.")


def test_missing_objects_are_unreadable_history(tmp_path: Path) -> None:
    project = _history_project(tmp_path / "project")
    for folder in (project / ".git" / "objects").iterdir():
        if folder.name not in ("info", "pack"):
            shutil.rmtree(folder)
    _no_history(project, Absence.UNREADABLE, "No history: the project&#39;s git history could not be read.")


def test_a_shallow_clone_has_no_history(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True,
                   capture_output=True)
    _no_history(clone, Absence.SHALLOW,
                "No history: this copy of the project holds only part of its git history (a shallow clone).")


def test_without_git_the_page_says_so(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on it
    _no_history(repo, Absence.NO_GIT, "No history: git is not installed where this site was built.")


def _fake_git(folder: Path, script: str) -> None:
    folder.mkdir()
    git = folder / "git"
    git.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    git.chmod(0o755)


def test_a_git_that_hangs_or_babbles_is_unreadable_history(repo: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_git(tmp_path / "slow", "sleep 5")
    monkeypatch.setenv("PATH", str(tmp_path / "slow"))
    monkeypatch.setattr(git_history, "TIMEOUT_SECONDS", 0.3)
    assert read_history(repo).absent is Absence.UNREADABLE
    _fake_git(tmp_path / "babble", 'case "$*" in *is-shallow*) echo true; echo false;; '
                                   "*verify*) echo 0123abc;; *) printf 'not a log';; esac")
    monkeypatch.setenv("PATH", str(tmp_path / "babble"))
    assert read_history(repo).absent is Absence.UNREADABLE


def _build_out(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.adapters.cli", "build", "--strict", "--project",
                           str(project), "--out", str(out)], capture_output=True, text=True, cwd=ROOT, check=False)


def test_builds_read_the_history_and_never_fail_on_it(repo: Path, tmp_path: Path) -> None:
    first, second = _build_out(repo, tmp_path / "one"), _build_out(repo, tmp_path / "two")
    assert first.returncode == 0 and second.returncode == 0, first.stderr
    page = (tmp_path / "one" / "changes.md").read_bytes()
    assert b"Remove the old role" in page
    assert (tmp_path / "two" / "changes.md").read_bytes() == page  # byte-identical rebuilds
    assert "changes.md" in (tmp_path / "one" / "nav.yml").read_text(encoding="utf-8")
    broken = tmp_path / "broken"
    shutil.copytree(MINI, broken)
    (broken / ".git").write_text("not a gitfile\n", encoding="utf-8")
    result = _build_out(broken, tmp_path / "three")
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower()
    assert "could not be read" in (tmp_path / "three" / "changes.md").read_text(encoding="utf-8")
