"""The PO workflow: export what to translate, a translator fills it in, import writes it back and confirms it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po
from translation_support import BOARD_FILE, bilingual

from generator.adapters.cli import main
from generator.loading.lock import LOCK_FILE, source_hash
from generator.model.provenance import text_of
from generator.model.role import Role
from generator.pipeline import load_content

FIXTURES = Path(__file__).parent / "fixtures"
TRICKY = "Demander ce qu’ont dit les [[role:patient-advisor|patients partenaires]] : « #1 » * [sic]"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _export(capsys: pytest.CaptureFixture[str], project: Path, *extra: str, lang: str = "fr") -> Catalog:
    po = project.parent / f"{lang}.po"
    status, out, err = _run(capsys, "translations", "export", "--lang", lang, "--out", str(po),
                            "--project", str(project), *extra)
    assert status == 0, err
    assert out.startswith(f"wrote {po}: ")
    with po.open("rb") as handle:
        return read_po(handle)


def _save(catalog: Catalog, path: Path) -> Path:
    with path.open("wb") as handle:
        write_po(handle, catalog)
    return path


def _line_of(po: Path, context: str) -> int:
    """The line of an entry's msgid (where Babel says an entry is)."""
    lines = po.read_text(encoding="utf-8").splitlines()
    start = lines.index(f'msgctxt "{context}"')
    return next(number for number, line in enumerate(lines, start=1) if number > start and line.startswith("msgid"))


def _entry(catalog: Catalog, context: str) -> Message:
    return next(message for message in catalog if message.context == context)


def _board_messages(catalog: Catalog) -> dict[str, Message]:
    return {str(m.context).split(":", 1)[1]: m for m in catalog if m.context and m.context.startswith(BOARD_FILE)}


def test_export_holds_the_missing_and_the_outdated_flagged_fuzzy(mini_copy: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    _run(capsys, "translations", "confirm", "--project", str(project))
    board = project / BOARD_FILE
    board.write_text(board.read_text(encoding="utf-8").replace("speaks for patients", "speaks for families"),
                     encoding="utf-8")
    messages = _board_messages(_export(capsys, project))
    assert list(messages) == ["summary", "who", "responsibilities[1]"]
    summary, who, item = messages.values()
    assert (summary.id, summary.string, summary.fuzzy) == (
        "Sits on the board and speaks for families.", "Siège au conseil et parle au nom des patients.", True)
    assert summary.locations == [(BOARD_FILE, 6)]
    assert summary.auto_comments == ["Plain text (no Markdown)."]
    notes = " ".join(item.auto_comments)  # Babel reads each wrapped line as a comment of its own
    assert (who.id, who.string, who.fuzzy, who.locations) == (
        "A member of the board.", "", False, [(BOARD_FILE, 8)])
    assert notes.startswith("Markdown: keep the formatting, and every [[kind:id]] reference exactly as it is")
    assert notes.endswith("References: [[role:patient-advisor]]")
    assert "msgctxt \"content/roles/board.yaml:summary\"" in (project.parent / "fr.po").read_text(encoding="utf-8")
    every = _board_messages(_export(capsys, project, "--all"))
    assert list(every) == ["name", "summary", "who", "responsibilities[0]", "responsibilities[1]"]


def test_export_then_import_writes_the_yaml_keeps_comments_and_confirms(mini_copy: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    catalog = _export(capsys, project)
    messages = _board_messages(catalog)
    messages["who"].string = "Un membre du conseil d’administration: « oui »"
    messages["responsibilities[1]"].string = TRICKY
    status, out, err = _run(capsys, "translations", "import", str(_save(catalog, project.parent / "fr.po")),
                            "--project", str(project))
    assert status == 0, err
    assert out.startswith("imported 2 translations into 'fr', 1 file changed (content/roles/board.yaml)")
    text = (project / BOARD_FILE).read_text(encoding="utf-8")
    assert text.startswith("# The board member, in both languages.\nname: {en: Board member, fr: Membre du conseil}\n")
    assert "who:\n  en: A member of the board.  # the French is to come\n  fr: " in text
    assert "  - en: Ask what [[role:patient-advisor|patient advisors]] said.\n    fr: " in text
    loaded = load_content(project)
    assert loaded.content is not None
    role = loaded.content.entity(Role, "board")
    assert role.who.get("fr", "en") == "Un membre du conseil d’administration: « oui »"
    assert text_of(role.responsibilities[1]).get("fr", "en") == TRICKY
    assert role.summary.get("fr", "en") == "Siège au conseil et parle au nom des patients."
    stamps = json.loads((project / LOCK_FILE).read_text(encoding="utf-8"))["files"][BOARD_FILE]
    assert stamps == {"who": {"fr": source_hash("A member of the board.")},
                      "responsibilities[1]": {"fr": source_hash(
                          "Ask what [[role:patient-advisor|patient advisors]] said.")}}
    assert not [i for i in loaded.issues if i.file == BOARD_FILE and "missing 'fr'" in i.message]


def test_import_skips_a_changed_source_and_an_unknown_field(mini_copy: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    catalog = _export(capsys, project)
    messages = _board_messages(catalog)
    messages["who"].string = "Un membre du conseil."
    catalog.add("Gone", "Parti", context=f"{BOARD_FILE}:pitfalls[3]")
    po = _save(catalog, project.parent / "fr.po")
    board = project / BOARD_FILE
    board.write_text(board.read_text(encoding="utf-8").replace("A member of the board.", "A board member."),
                     encoding="utf-8")
    before = board.read_bytes()
    status, out, err = _run(capsys, "translations", "import", str(po), "--project", str(project))
    assert status == 0
    lines = err.splitlines()
    who_line = _line_of(po, f"{BOARD_FILE}:who")
    assert f"{po.as_posix()}:{who_line}:1: warning: the 'en' text of '{BOARD_FILE}:who' changed since this file was " \
           "exported; this entry was not imported (export again ('partnerkit translations export --lang fr') and " \
           "translate the new file)" in lines
    assert any(line.endswith(f"warning: no field '{BOARD_FILE}:pitfalls[3]' in the content; this entry was not "
                             "imported (the field was moved or removed since the export: export again "
                             "('partnerkit translations export --lang fr') and translate the new file)")
               for line in lines)
    assert "imported 0 translations into 'fr', 0 files changed; 2 skipped" in out
    assert board.read_bytes() == before


def test_import_refuses_a_dropped_reference_and_writes_nothing(mini_copy: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    catalog = _export(capsys, project)
    messages = _board_messages(catalog)
    messages["who"].string = "Un membre du conseil."
    messages["responsibilities[1]"].string = "Demander ce qu’ont dit les patients partenaires."
    po = _save(catalog, project.parent / "fr.po")
    before = (project / BOARD_FILE).read_bytes()
    status, _, err = _run(capsys, "translations", "import", str(po), "--project", str(project))
    assert status == 1
    line = _line_of(po, f"{BOARD_FILE}:responsibilities[1]")
    assert err.splitlines() == [
        f"{po.as_posix()}:{line}:1: error: the translation of '{BOARD_FILE}:responsibilities[1]' drops "
        "[[role:patient-advisor]], which the source text has (keep every [[kind:id]] reference and image as it "
        "is; only a label after '|' and an image's alternative text are translated)",
        "partnerkit: 1 error; nothing was written",
    ]
    assert (project / BOARD_FILE).read_bytes() == before
    assert not (project / LOCK_FILE).exists()


def test_import_that_breaks_the_content_puts_every_file_back(mini_copy: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    catalog = _export(capsys, project)
    messages = _board_messages(catalog)
    messages["who"].string = "Un membre du conseil, voir [[role:nobody]]."
    po = _save(catalog, project.parent / "fr.po")
    before = (project / BOARD_FILE).read_bytes()
    status, _, err = _run(capsys, "translations", "import", str(po), "--project", str(project))
    assert status == 1
    assert "content/roles/board.yaml:10:34: error: who: unknown role 'nobody' in [[role:nobody]]" in err
    assert "the imported translations leave the content with errors; every file was put back as it was" in err
    assert (project / BOARD_FILE).read_bytes() == before
    assert not (project / LOCK_FILE).exists()


def test_a_damaged_po_file_is_a_located_error(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    po = project.parent / "fr.po"
    po.write_text('msgid ""\nmsgstr "Language: fr\\n"\n\nmsgctxt "x"\nnonsense here\n', encoding="utf-8")
    status, _, err = _run(capsys, "translations", "import", str(po), "--project", str(project))
    assert status == 1
    assert err.startswith(f"{po.as_posix()}:5:1: error: not a valid PO file")
    assert "(open it in a PO editor" in err


def test_a_french_first_project_exports_and_imports_its_english(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "pediatric-fr", project)
    catalog = _export(capsys, project, "--all", lang="en")
    role = "content/roles/parent-partenaire.yaml"
    entry = _entry(catalog, f"{role}:responsibilities[0]")
    assert entry.id == "Faire valoir le point de vue des familles dans chaque décision du comité."
    entry.string = "Speak for families in every decision the committee makes."
    # A quote said in French is translated from its words, whatever the default language.
    quote = _entry(catalog, "content/quotes/q-jeune-ecoute.yaml:text")
    assert quote.id.startswith("Quand ils m'ont demandé")
    status, out, err = _run(capsys, "translations", "import", str(_save(catalog, tmp_path / "en.po")),
                            "--project", str(project))
    assert status == 0, err
    assert f"1 file changed ({role})" in out
    text = (project / role).read_text(encoding="utf-8")
    assert "    en: Speak for families in every decision the committee makes.\n" in text
    status, out, _ = _run(capsys, "translations", "--project", str(project), "--format", "json")
    totals = json.loads(out)["totals"]["en"]
    assert totals["current"] == totals["fields"] - totals["missing"]


def test_export_refuses_to_write_into_content(mini_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = bilingual(mini_copy)
    status, _, err = _run(capsys, "translations", "export", "--lang", "fr", "--out",
                          str(project / "content/fr.po"), "--project", str(project))
    assert status == 1
    assert "where every file is read as content (write it beside content/" in err
    assert not (project / "content/fr.po").exists()
