"""Validation across files: every mistake reported, located, with a fix, in one run."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.adapters.mkdocs_plugin import load_for_mkdocs
from generator.app.options import Options
from generator.errors import ContentError
from generator.model.text import LocalizedText
from generator.pipeline import load_content
from generator.report import format_text
from generator.schemas import schema_targets

Edit = Callable[[Path, str, str], None]


def _report(project: Path) -> list[str]:
    return [format_text(issue) for issue in load_content(project).issues]


def test_fixture_is_clean(mini_copy: Path) -> None:
    loaded = load_content(mini_copy)
    assert loaded.issues == []
    assert loaded.content is not None


def test_unknown_key_suggests_the_close_one(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/practices/prepare-patient-advisors.yaml", "pitfalls:", "pitfals:")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:13:1: error: pitfals: unknown key 'pitfals' "
        "(did you mean 'pitfalls'?)"
    ]


def test_unknown_reference_suggests_the_close_id(mini_copy: Path, edit: Edit) -> None:
    edit(
        mini_copy / "content/practices/prepare-patient-advisors.yaml",
        "roles: [patient-advisor, program-manager]",
        "roles: [patient-advisor, program-manger]",
    )
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:18:26: error: roles[1]: unknown role "
        "'program-manger' (did you mean 'program-manager'?)"
    ]


def test_reference_to_the_wrong_kind_says_which_kind_it_is(mini_copy: Path, edit: Edit) -> None:
    edit(
        mini_copy / "content/practices/prepare-patient-advisors.yaml",
        "tools: [preparation-checklist]",
        "tools: [patient-advisor]",
    )
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:19:9: error: tools[0]: unknown tool "
        "'patient-advisor' ('patient-advisor' is a role, not a tool)"
    ]


def test_family_level_phase_must_be_in_the_framework(mini_copy: Path, edit: Edit) -> None:
    path = mini_copy / "content/practices/prepare-patient-advisors.yaml"
    edit(path, "family: managing-integration", "family: evaluating")
    edit(path, "levels: [mid]", "levels: [middle]")
    edit(path, "phases: [deployment]", "phases: [sustainability]")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:2:9: error: family: unknown family 'evaluating' "
        "(no family has this id; check content/ for the right one)",
        "content/practices/prepare-patient-advisors.yaml:3:10: error: levels[0]: unknown level 'middle' "
        "(did you mean 'mid'?)",
        "content/practices/prepare-patient-advisors.yaml:4:10: error: phases[0]: unknown phase "
        "'sustainability' (no phase has this id; check content/ for the right one)",
    ]


def test_id_must_match_file_name(mini_copy: Path) -> None:
    path = mini_copy / "content/roles/program-manager.yaml"
    path.write_text("id: manager\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert _report(mini_copy) == [
        "content/roles/program-manager.yaml:1:5: error: id: id 'manager' does not match the file name "
        "'program-manager.yaml' (rename the file to 'manager.yaml' or remove the 'id' line)"
    ]


def test_file_name_must_be_an_id(mini_copy: Path) -> None:
    source = mini_copy / "content/tools/preparation-checklist.yaml"
    source.rename(source.with_name("Preparation Checklist.yaml"))
    # Reported once: the tool is checked under the id its name was meant to be, so the
    # files that name it are not told it does not exist.
    assert _report(mini_copy) == [
        "content/tools/Preparation Checklist.yaml:1:1: error: file name 'Preparation Checklist.yaml' is not a valid "
        "id (rename it to 'preparation-checklist.yaml')"
    ]


def test_file_name_with_accents_suggests_the_name_without_them(mini_copy: Path) -> None:
    roles = mini_copy / "content/roles"
    (roles / "infirmière-clinicienne.yaml").write_text(
        (roles / "program-manager.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert _report(mini_copy) == [
        "content/roles/infirmière-clinicienne.yaml:1:1: error: file name 'infirmière-clinicienne.yaml' is not a valid "
        "id (rename it to 'infirmiere-clinicienne.yaml')"
    ]


def test_file_name_with_nothing_to_keep_gets_no_example_id(mini_copy: Path) -> None:
    (mini_copy / "content/roles/患者.yaml").write_text("name: x\n", encoding="utf-8")
    assert _report(mini_copy) == [
        "content/roles/患者.yaml:1:1: error: file name '患者.yaml' is not a valid id "
        "(rename it with lowercase letters a-z, digits and single hyphens)"
    ]


def test_a_file_that_failed_to_load_is_reported_once(mini_copy: Path, edit: Edit) -> None:
    # Six files name this role; only its own file is reported.
    edit(mini_copy / "content/roles/patient-advisor.yaml", "category: patient", "category: [patient")
    (mini_copy / "content/tools/preparation-checklist.yaml").write_text("- a list\n", encoding="utf-8")
    assert _report(mini_copy) == [
        "content/roles/patient-advisor.yaml:4:8: error: YAML syntax: did not find expected ',' or ']' "
        "(check indentation, colons and quotes on this line or the one before)",
        "content/tools/preparation-checklist.yaml:1:1: error: the file must be a mapping of keys "
        "(start with 'key: value' lines, not a list or a single value)",
    ]


def test_related_ids_one_character_off_get_did_you_mean(mini_copy: Path, edit: Edit) -> None:
    practice = mini_copy / "content/practices/prepare-patient-advisors.yaml"
    related = "related: [prepare-patient-advisor, Prepare-patient-advisors, prepare_patient-advisors]"
    edit(practice, "tags: [", f"{related}\ntags: [")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:21:11: error: related[0]: unknown practice "
        "'prepare-patient-advisor' (did you mean 'prepare-patient-advisors'?)",
        "content/practices/prepare-patient-advisors.yaml:21:36: error: related[1]: 'Prepare-patient-advisors' is not "
        "a valid id (did you mean 'prepare-patient-advisors'?)",
        "content/practices/prepare-patient-advisors.yaml:21:62: error: related[2]: 'prepare_patient-advisors' is not "
        "a valid id (did you mean 'prepare-patient-advisors'?)",
    ]


def test_a_reference_one_character_off_a_file_that_failed_gets_did_you_mean(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/roles/patient-advisor.yaml", "category: patient", "category: volunteer")
    manager = mini_copy / "content/roles/program-manager.yaml"
    edit(manager, "works_with: [patient-advisor]", "works_with: [patient-advisr]")
    assert [line for line in _report(mini_copy) if "program-manager" in line] == [
        "content/roles/program-manager.yaml:8:14: error: works_with[0]: unknown role 'patient-advisr' "
        "(did you mean 'patient-advisor'?)"
    ]


def test_duplicate_ids_in_a_catalog(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/glossary.yaml", "  - id: qi\n", "  - id: pa\n")
    assert _report(mini_copy) == [
        "content/glossary.yaml:6:9: error: terms[1].id: duplicate term id 'pa' (first at line 2) "
        "(give each one its own id)"
    ]


def test_inline_references_in_markdown_are_checked(mini_copy: Path, edit: Edit) -> None:
    path = mini_copy / "content/practices/prepare-patient-advisors.yaml"
    edit(path, "[[role:patient-advisor|patient advisors]]", "[[role:patient-adviser|patient advisors]]")
    edit(path, "with the [[tool:preparation-checklist]]", "with the [[toll:preparation-checklist]]")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:8:14: error: description: unknown role "
        "'patient-adviser' in [[role:patient-adviser]] (did you mean 'patient-advisor'?)",
        "content/practices/prepare-patient-advisors.yaml:12:47: error: how_to[1]: unknown kind 'toll' in "
        "[[toll:preparation-checklist]] (did you mean 'tool'?)",
    ]


def test_missing_required_field_and_wrong_type(mini_copy: Path, edit: Edit) -> None:
    path = mini_copy / "content/roles/patient-advisor.yaml"
    edit(path, "summary: A volunteer with lived experience of care who joins a QI committee.\n", "")
    edit(path, "works_with: [program-manager]", "works_with: program-manager")
    assert _report(mini_copy) == [
        "content/roles/patient-advisor.yaml:1:1: error: summary: required field 'summary' is missing (add it)",
        "content/roles/patient-advisor.yaml:7:13: error: works_with: expected a list, got 'program-manager' "
        "(write items as '- item' lines or [a, b])",
    ]


def test_module_and_session_rules(mini_copy: Path, edit: Edit) -> None:
    edit(
        mini_copy / "content/training/modules/welcome.yaml",
        "      - text: One\n",
        "      - text: One\n        correct: true\n",
    )
    edit(mini_copy / "content/training/modules/welcome.yaml", "duration_minutes: 15", "duration_minutes: 0")
    edit(mini_copy / "content/training/sessions/team-kickoff.yaml", "    minutes: 40", "    minutes: 30")
    assert _report(mini_copy) == [
        "content/training/modules/welcome.yaml:3:19: error: duration_minutes: Input should be greater than 0",
        "content/training/modules/welcome.yaml:12:5: error: checks[0]: a 'single' check has 2 correct choices; "
        "use 'kind: multiple' or keep one",
        "content/training/sessions/team-kickoff.yaml:3:19: error: duration_minutes: the blocks add up to 50 minutes "
        "but duration_minutes is 60 (change a block's minutes or the duration so they agree)",
        "content/training/sessions/team-kickoff.yaml:38:14: error: blocks[1].minutes: the block's slides add up to "
        "40 minutes but the block has 30 (change a slide's minutes or the block's so they agree)",
    ]


def test_knowledge_checks_of_a_module_need_their_own_ids(mini_copy: Path) -> None:
    module = mini_copy / "content/training/modules/welcome.yaml"
    text = module.read_text(encoding="utf-8")
    check = text[text.index("  - id: how-many") : text.index("reflection:")]
    module.write_text(text.replace(check, check + check), encoding="utf-8")
    assert _report(mini_copy) == [
        "content/training/modules/welcome.yaml:20:9: error: checks[1].id: duplicate knowledge check id 'how-many' "
        "(first at line 12) (give each check of the module its own id)"
    ]


def test_missing_translation_is_a_warning_with_the_fallback(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/site.yaml", "languages: [en]", "languages: [en, fr]")
    edit(
        mini_copy / "content/site.yaml",
        "title: Partnering with patients (test)",
        "title: {en: Partnering with patients, fr: Partenariat avec les patients}",
    )
    loaded = load_content(mini_copy)
    assert loaded.content is not None  # warnings do not stop the build
    report = [format_text(i) for i in loaded.issues]
    assert (
        "content/site.yaml:2:14: warning: description: missing 'fr' translation; the 'en' text is used "
        "(write it as {en: ..., fr: ...}, or as {any: ...} if it needs no translation)" in report
    )
    assert not any(line.startswith("content/site.yaml:1:") for line in report)
    assert all(" warning: " in line for line in report)


def test_missing_translation_hint_names_the_languages_in_the_sites_order(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/site.yaml", "languages: [en]", "languages: [fr, en]")
    edit(mini_copy / "content/site.yaml", "organization: Test Health Centre", "organization: {en: Test Health Centre}")
    report = _report(mini_copy)
    assert (
        "content/site.yaml:3:15: warning: organization: missing 'fr' translation; the 'en' text is used "
        "(write it as {fr: ..., en: ...}, or as {any: ...} if it needs no translation)"
    ) in report


def test_language_neutral_text_needs_no_translation(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/site.yaml", "languages: [en]", "languages: [fr, en]")
    edit(mini_copy / "content/site.yaml", "organization: Test Health Centre", "organization: {any: CHU Test}")
    edit(mini_copy / "content/glossary.yaml", "abbreviation: PA", "abbreviation: {any: PA}")
    edit(mini_copy / "content/glossary.yaml", "abbreviation: QI", "abbreviation: {any: QI, fr: AQ}")
    edit(mini_copy / "content/glossary.yaml", "term: Patient advisor", "term: {anglais: Patient advisor}")
    loaded = load_content(mini_copy)
    report = [format_text(issue) for issue in loaded.issues]
    # Neutral text and text without letters (case counts "1", "2") are never asked for a translation.
    assert not [line for line in report if "site.yaml:3:" in line or "glossary.yaml:4:" in line]
    assert not [line for line in report if "cases/oncology.yaml:12:" in line or "cases/oncology.yaml:14:" in line]
    assert [line for line in report if "glossary.yaml" in line and " error: " in line] == [
        "content/glossary.yaml:3:12: error: terms[0].term.anglais: 'anglais' is not a language code (use two "
        "lowercase letters such as 'en' or 'fr', or 'any' for text that needs no translation)",
        "content/glossary.yaml:8:19: error: terms[1].abbreviation: 'any' means the text is the same in every "
        "language; keep either 'any' or the languages",
    ]
    assert LocalizedText.model_validate({"any": "CHU Test"}).get("en", "fr") == "CHU Test"
    # Editors accept it too: the schema's text offers exactly {any: ...} beside a string and a language map.
    [site_schema] = [schema for kind, _, schema in schema_targets() if kind == "site"]
    shapes = site_schema["$defs"]["LocalizedText"]["anyOf"]
    assert {"type": "object", "required": ["any"], "additionalProperties": False}.items() <= shapes[2].items()


def test_yaml_error_in_text_with_a_colon_hints_quotes(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/roles/patient-advisor.yaml", "name: Patient advisor", "name: Patient advisor: PA")
    assert [line for line in _report(mini_copy) if line.startswith("content/roles/patient-advisor")] == [
        "content/roles/patient-advisor.yaml:1:22: error: YAML syntax: mapping values are not allowed in this context "
        "(if ': ' or ' #' belongs to the text, put it in quotes: name: \"Patient advisor: PA\")"
    ]


def test_yaml_error_in_text_with_a_hash_hints_quotes(mini_copy: Path, edit: Edit) -> None:
    # ' #' starts a comment, so the text's next line no longer belongs to any key.
    path = mini_copy / "content/practices/prepare-patient-advisors.yaml"
    edit(path, "why: Patients arrive", "why: Patients #1\n  arrive")
    assert [line for line in _report(mini_copy) if line.startswith("content/practices/")] == [
        "content/practices/prepare-patient-advisors.yaml:10:3: error: YAML syntax: did not find expected key "
        "(if ': ' or ' #' belongs to the text, put the whole text in quotes)"
    ]


def test_list_item_with_a_colon_hints_quotes(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/practices/prepare-patient-advisors.yaml", "  - Meet each new", "  - First: meet each new")
    assert _report(mini_copy) == [
        "content/practices/prepare-patient-advisors.yaml:11:5: error: how_to[0]: 'First: meet each new advisor before "
        "the first committee meeting.' was read as a key and a value, not as text (if ': ' belongs to the text, put it "
        "in quotes: - \"First: meet each new advisor before the first committee meeting.\")"
    ]


def test_a_dozen_mistakes_in_several_files_in_one_run(mini_copy: Path, edit: Edit) -> None:
    c = mini_copy / "content"
    edit(c / "practices/prepare-patient-advisors.yaml", "pitfalls:", "pitfals:")
    edit(c / "practices/prepare-patient-advisors.yaml", "levels: [mid]", "levels: [middle]")
    edit(c / "practices/prepare-patient-advisors.yaml", "[[tool:preparation-checklist]]", "[[tool:prep]]")
    edit(c / "roles/patient-advisor.yaml", "category: patient", "category: volunteer")
    edit(c / "roles/program-manager.yaml", "works_with: [patient-advisor]", "works_with: [patient-advisr]")
    edit(c / "cases/oncology.yaml", "date: 2013", "date: 2013-13")
    edit(c / "quotes/preparation-is-a-must.yaml", "case: oncology", "case: oncolgy")
    edit(c / "tools/preparation-checklist.yaml", "type: signature", "type: signatur")
    edit(c / "glossary.yaml", "see_also: [pa]", "see_also: [pa, qa]")
    edit(c / "program/partners-in-care.yaml", "minimum: 2", "minimum: -2")
    edit(c / "documents/pa-onboarding.yaml", "ref: welcome", "ref: welcom")
    edit(c / "training/paths.yaml", "audience: patient-advisors", "audience: patients")
    (c / "cases/bad.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "check", "--project", str(mini_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    files = {line.split(":")[0] for line in lines}
    assert len(lines) == 13, result.stderr
    assert len(files) == 11
    assert all(line.split(":")[1].isdigit() and line.split(":")[2].isdigit() for line in lines)
    assert "Traceback" not in result.stderr


def test_identifying_details_in_published_text_are_flagged(mini_copy: Path, edit: Edit) -> None:
    quote = mini_copy / "content/quotes/preparation-is-a-must.yaml"
    edit(quote, "it's a must.", "it's a must. Call me at 514-555-0199.")
    edit(mini_copy / "content/cases/oncology.yaml", "- Funding to compensate patient advisors ran dry.",
         "- Funding ran dry, wrote jane.doe@hospital.example (card TREM 1234 5678).")
    assert _report(mini_copy) == [
        "content/cases/oncology.yaml:31:28: warning: challenges[0]: text contains what looks like an email address; "
        "it would be published (remove it, or replace it with a role (e.g. 'the partnership office'))",
        "content/cases/oncology.yaml:31:60: warning: challenges[0]: text contains what looks like a health-card "
        "number; it would be published (remove it, or replace it with a role (e.g. 'the partnership office'))",
        "content/quotes/preparation-is-a-must.yaml:1:73: warning: text: text contains what looks like a phone "
        "number; it would be published (remove it, or replace it with a role (e.g. 'the partnership office'))",
    ]


def test_prerequisite_cycles_and_path_order(mini_copy: Path, edit: Edit) -> None:
    modules = mini_copy / "content/training/modules"
    second = (modules / "welcome.yaml").read_text(encoding="utf-8").replace("title: Welcome to the QI committee",
                                                                           "title: Second steps")
    (modules / "second.yaml").write_text(second.replace("objectives:", "prerequisites: [welcome]\nobjectives:"),
                                         encoding="utf-8")
    edit(modules / "welcome.yaml", "objectives:", "prerequisites: [second]\nobjectives:")
    edit(mini_copy / "content/training/paths.yaml", "modules: [welcome]", "modules: [second, welcome, welcome]")
    edit(modules / "second.yaml", "audience: [patient-advisors]", "audience: [top-managers]")
    assert _report(mini_copy) == [
        "content/training/modules/welcome.yaml:5:16: error: prerequisites: prerequisites go round in a circle: "
        "second → welcome → second (remove one of these prerequisites)",
        "content/training/paths.yaml:6:15: warning: paths[0].modules[0]: module 'second' comes before its "
        "prerequisite 'welcome' (move 'welcome' earlier in the path)",
        "content/training/paths.yaml:6:15: warning: paths[0].modules[0]: module 'second' is not written for this "
        "path's audience 'patient-advisors' (add 'patient-advisors' to the module's audience, or remove it from "
        "the path)",
        "content/training/paths.yaml:6:32: error: paths[0].modules[2]: module 'welcome' is listed twice in this "
        "path (keep it once)",
    ]


def test_counts_are_singular_for_one(mini_copy: Path, edit: Edit) -> None:
    edit(mini_copy / "content/roles/program-manager.yaml", "level: mid", "level: middle")
    (mini_copy / "content/practices/notes.txt").write_text("scratch", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "check", "--project", str(mini_copy)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr.splitlines()[-1].endswith(" s: 1 error, 1 warning"), result.stderr
    issues = load_content(mini_copy).issues
    assert str(ContentError(issues)) == "1 error in content"
    with pytest.raises(PluginError, match=r"^partnerkit: 1 error in content:\n"):
        load_for_mkdocs(Options(project=mini_copy))
