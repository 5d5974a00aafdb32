"""Outputs never touch sources: every output folder is checked before anything is written.

Each case runs the `partnerkit` command line in the project folder (as an author would;
in this process, to keep the suite fast) and asserts exit 1, the message naming the
folder and why, and that not a byte of the project or around it changed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_site_support import site_project

from generator.adapters.cli import main
from generator.app.outputs import Output, staged
from generator.writing import write_bytes_atomic

MARKER = ".partnerkit-output"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (links not followed) with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and not path.is_symlink()}


class Cli:
    """`partnerkit ARGS...` run in a folder, as an author runs it there."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        self.monkeypatch, self.capsys = monkeypatch, capsys

    def run(self, cwd: Path, *args: str) -> Result:
        self.monkeypatch.chdir(cwd)
        self.capsys.readouterr()
        status = main(list(args))
        printed = self.capsys.readouterr()
        return Result(status, printed.out, printed.err)

    def refused(self, project: Path, *args: str) -> str:
        """Run a command that must be refused; its stderr, once nothing around the project changed."""
        around = project.parent
        before = _snapshot(around)
        result = self.run(project, *args)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "nothing was written or deleted" in result.stderr
        assert _snapshot(around) == before, "a file was written or deleted"
        assert (project / "content/site.yaml").is_file()
        return result.stderr


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(monkeypatch, capsys)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The fixture with mkdocs.yml, a hand-written page in docs/, and a file beside it."""
    project = site_project(tmp_path / "project")
    (project / "docs" / "notes.md").write_text("# Notes\n\nWritten by hand.\n", encoding="utf-8")
    (tmp_path / "beside.txt").write_text("a file next to the project", encoding="utf-8")
    return project


def test_site_dir_dot_is_the_project(cli: Cli, project: Path) -> None:
    stderr = cli.refused(project, "build", "--no-pdf", "--site-dir", ".")
    assert f"site folder {project}: it is the project folder, which holds content/" in stderr


def test_site_dir_dotdot_contains_the_project(cli: Cli, project: Path) -> None:
    stderr = cli.refused(project, "build", "--no-pdf", "--site-dir", "..")
    assert f"site folder {project.parent}: it contains the project folder {project}" in stderr


def test_out_dot_is_the_project(cli: Cli, project: Path) -> None:
    stderr = cli.refused(project, "build", "--out", ".")
    assert f"Markdown folder {project}: it is the project folder" in stderr


def test_site_dir_inside_content(cli: Cli, project: Path) -> None:
    stderr = cli.refused(project, "build", "--no-pdf", "--site-dir", "content/x")
    assert f"site folder {project / 'content/x'}: it is inside content/, which holds sources" in stderr


def test_downloads_in_docs(cli: Cli, project: Path) -> None:
    stderr = cli.refused(project, "build", "--downloads", "docs")
    assert f"downloads folder {project / 'docs'}: it is docs/, which holds sources" in stderr
    # Only read (--no-pdf), it is refused all the same: the site would publish docs/.
    assert "it is docs/" in cli.refused(project, "build", "--no-pdf", "--downloads", "docs")


def test_cache_dot_is_the_project(cli: Cli, project: Path) -> None:
    stderr = cli.refused(project, "build", "--cache", ".")
    assert f"PDF cache {project}: it is the project folder" in stderr
    assert f"PDF cache {project}: it is the project folder" in cli.refused(project, "pdf", "--cache", ".")


def test_pdf_out_dot_and_dotdot(cli: Cli, project: Path) -> None:
    assert f"downloads folder {project}: it is the project folder" in cli.refused(project, "pdf", "--out", ".")
    assert f"downloads folder {project.parent}: it contains the project" in cli.refused(project, "pdf", "--out", "..")


def test_docs_dir_of_mkdocs_yml_is_a_source(cli: Cli, project: Path) -> None:
    (project / "docs").rename(project / "pages")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: docs", "docs_dir: pages"),
                      encoding="utf-8")
    stderr = cli.refused(project, "build", "--no-pdf", "--site-dir", "pages/site")
    assert f"site folder {project / 'pages/site'}: it is inside pages/, which holds sources" in stderr
    assert "it is pages/" in cli.refused(project, "pdf", "--out", "pages")


def test_symlinks_and_dotdot_are_resolved_first(cli: Cli, project: Path) -> None:
    (project / "published").symlink_to(project / "content", target_is_directory=True)
    stderr = cli.refused(project, "build", "--no-pdf", "--site-dir", "published")
    assert f"site folder {project / 'content'}: it is content/, which holds sources" in stderr
    stderr = cli.refused(project, "build", "--no-pdf", "--site-dir", "site/../docs/../content/../..")
    assert f"site folder {project.parent}: it contains the project folder" in stderr


def test_every_refused_folder_is_named_at_once(cli: Cli, project: Path) -> None:
    stderr = cli.refused(project, "build", "--site-dir", "content/site", "--downloads", "docs", "--cache", "..")
    assert "site folder" in stderr and "downloads folder" in stderr and "PDF cache" in stderr


def test_outputs_inside_one_another_are_refused(cli: Cli, project: Path) -> None:
    stderr = cli.refused(project, "build", "--site-dir", "out", "--downloads", "out/downloads")
    assert (f"downloads folder {project / 'out/downloads'}: it is inside the site folder {project / 'out'}"
            in stderr)
    stderr = cli.refused(project, "pdf", "--out", "pdfs", "--cache", "pdfs")
    assert f"PDF cache {project / 'pdfs'}: it is also the downloads folder" in stderr


def test_a_non_empty_folder_partnerkit_did_not_make_is_kept(cli: Cli, project: Path) -> None:
    foreign = project.parent / "mine"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("my own file", encoding="utf-8")
    for args in (("build", "--no-pdf", "--site-dir", str(foreign)), ("build", "--out", str(foreign)),
                 ("pdf", "--out", str(foreign)), ("pdf", "--cache", str(foreign))):
        stderr = cli.refused(project, *args)
        assert f"{foreign}: it is not empty and partnerkit did not make it (no {MARKER} file" in stderr
        assert "empty it or delete it yourself, or choose another folder" in stderr
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "my own file"


def test_a_folder_partnerkit_made_is_replaced_and_marked(cli: Cli, project: Path) -> None:
    out = project.parent / "md"
    out.mkdir()  # an empty folder is anyone's to fill
    first = cli.run(project, "build", "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert "made by partnerkit" in (out / MARKER).read_text(encoding="utf-8").lower()
    (out / "stale.md").write_text("from an older build", encoding="utf-8")
    second = cli.run(project, "build", "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert not (out / "stale.md").exists() and (out / "index.md").is_file() and (out / MARKER).is_file()
    assert [p.name for p in project.parent.iterdir() if p.name.startswith(".md.")] == []  # no staging left


def test_pdf_folders_are_marked_and_written_again(cli: Cli, project: Path) -> None:
    first = cli.run(project, "pdf", "--out", "pdfs", "--cache", "cache", "--jobs", "1")
    assert first.returncode == 0, first.stderr
    assert (project / "pdfs" / MARKER).is_file() and (project / "cache" / MARKER).is_file()
    again = cli.run(project, "pdf", "--out", "pdfs", "--cache", "cache", "--jobs", "1")
    assert again.returncode == 0, again.stderr
    assert "0 built" in again.stdout


def test_outputs_are_readable_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    """A web server or a colleague must be able to read the site and the PDFs: not mkstemp's 0600."""
    previous = os.umask(0o022)
    try:
        with staged(Output.at("site folder", tmp_path / "site", replaced=True)) as staging:
            write_bytes_atomic(staging / "downloads" / "pack.pdf", b"%PDF-1.7")
        assert (tmp_path / "site").stat().st_mode & 0o777 == 0o755
        assert (tmp_path / "site" / "downloads" / "pack.pdf").stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(previous)
