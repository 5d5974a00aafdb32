"""Images named by content (Markdown `![alt](path)` and the logo): missing, not an image, outside the project."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.checks.images import markdown_images
from generator.pipeline import load_content
from generator.report import format_text

Edit = Callable[[Path, str, str], None]

PRACTICE = "content/practices/prepare-patient-advisors.yaml"
# The end of line 8 of the practice, inside its `description: |` block.
LINE_8 = "ask for first."
PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)


def _report(project: Path) -> list[str]:
    return [format_text(issue) for issue in load_content(project).issues]


def _show(project: Path, edit: Edit, markdown: str) -> None:
    edit(project / PRACTICE, LINE_8, f"{LINE_8} {markdown}")


def test_a_missing_image_is_located_at_its_path(mini_copy: Path, edit: Edit) -> None:
    _show(mini_copy, edit, "![The team](images/team.png)")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:8:83: error: description: image 'images/team.png' not found "
        "(give its path from the project folder (the one holding content/), e.g. 'images/team.png')"
    ]


def test_a_path_written_from_content_names_the_path_from_the_project(mini_copy: Path, edit: Edit) -> None:
    (mini_copy / "content/images").mkdir()
    (mini_copy / "content/images/team.png").write_bytes(PNG)
    _show(mini_copy, edit, "![x](images/team.png)")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:8:76: error: description: image 'images/team.png' not found "
        "(did you mean 'content/images/team.png'? paths start at the project folder, not at content/)"
    ]


@pytest.mark.parametrize("src", ["../../etc/passwd", "/etc/passwd", "content/../../secret.png"])
def test_an_image_outside_the_project_is_refused(mini_copy: Path, edit: Edit, src: str) -> None:
    _show(mini_copy, edit, f"![x]({src})")
    assert _report(mini_copy) == [
        f"content/practices/prepare-patient-advisors.yaml:8:76: error: description: image '{src}' is outside the "
        "project (copy the file into the project and give its path from the project folder (the one holding "
        "content/), e.g. 'images/team.png')"
    ]


def test_a_link_that_leads_out_of_the_project_is_outside(mini_copy: Path, edit: Edit, tmp_path: Path) -> None:
    (tmp_path / "secret.png").write_bytes(PNG)
    (mini_copy / "images").mkdir()
    (mini_copy / "images/team.png").symlink_to(tmp_path / "secret.png")
    _show(mini_copy, edit, "![x](images/team.png)")
    assert [line.split(": ", 3)[3] for line in _report(mini_copy)] == [
        "image 'images/team.png' is outside the project (copy the file into the project and give its path from the "
        "project folder (the one holding content/), e.g. 'images/team.png')"
    ]


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(mini_copy: Path, edit: Edit) -> None:
    (mini_copy / "images").mkdir()
    (mini_copy / "images/team.png").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    _show(mini_copy, edit, "![x](images/team.png)")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:8:76: error: description: image 'images/team.png' is not an "
        "image (use a PNG, JPEG, GIF, WebP or SVG file)"
    ]


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("a.png", PNG),
        ("a.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
        ("a.gif", b"GIF89a\x01\x00"),
        ("a.webp", b"RIFF\x24\x00\x00\x00WEBPVP8 "),
        ("a.svg", b'<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ],
)
def test_every_image_format_is_recognised_by_its_bytes(mini_copy: Path, edit: Edit, name: str, head: bytes) -> None:
    (mini_copy / name).write_bytes(head)
    _show(mini_copy, edit, f"![x]({name})")
    edit(mini_copy / "content/site.yaml", "languages: [en]", f"languages: [en]\nlogo: {name}")
    assert _report(mini_copy) == []


def test_a_name_that_says_another_format_is_a_warning(mini_copy: Path, edit: Edit) -> None:
    (mini_copy / "team.png").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    _show(mini_copy, edit, "![x](team.png)")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:8:76: warning: description: image 'team.png' holds a JPEG "
        "image (rename the file to end in .jpg or .jpeg)"
    ]


def test_a_remote_image_is_a_warning(mini_copy: Path, edit: Edit) -> None:
    _show(mini_copy, edit, '![x](https://example.org/team.png "Team")')
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:8:76: warning: description: image "
        "'https://example.org/team.png' is not a file of the project; it is shown as its alternative text (save the "
        "image in the project folder and give its path from there (the site makes no request to other hosts))"
    ]


def test_a_reference_image_is_checked_at_its_definition(mini_copy: Path, edit: Edit) -> None:
    _show(mini_copy, edit, "![x][team]\n\n  [team]: ../../etc/passwd")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:10:11: error: description: image '../../etc/passwd' is "
        "outside the project (copy the file into the project and give its path from the project folder (the one "
        "holding content/), e.g. 'images/team.png')"
    ]


def test_images_in_code_and_links_are_not_images() -> None:
    text = "Write `![x](a.png)` for an image; [not an image](b.png). ![y](<c d.png> 'T') ![z]"
    assert [(image.src, image.start) for image in markdown_images(text)] == [("c d.png", 63)]


def test_the_logo_is_checked_too(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/site.yaml", "languages: [en]", "languages: [en]\nlogo: ../logo.svg")
    assert _report(mini_copy) == [
        "content/site.yaml:5:7: error: logo: logo '../logo.svg' is outside the project (copy the file into the project "
        "and give its path from the project folder (the one holding content/), e.g. 'images/team.png')"
    ]


def test_a_missing_logo_is_reported_even_when_site_yaml_has_other_errors(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/site.yaml", "languages: [en]", "languages: [en]\nlogo: logo.png\ncolor: red")
    assert _report(mini_copy) == [
        "content/site.yaml:5:7: error: logo: logo 'logo.png' not found (give its path from the project folder (the "
        "one holding content/), e.g. 'images/team.png')",
        "content/site.yaml:6:1: error: color: unknown key 'color' (did you mean 'colours'?)",
    ]
