"""Checks on the course: knowledge-check ids, prerequisites with no cycle, coming first in each path.

Most need several files at once (paths.yaml and the modules), so they run after the
reference check, on entities that are known to exist.
"""

from __future__ import annotations

from generator.checks.assessment import check_assessment
from generator.issues import Issue, Severity
from generator.loading.project import LoadedFiles
from generator.model.training import LearningPath, Module


def check_training(loaded: LoadedFiles) -> list[Issue]:
    """Prerequisite cycles (errors), and paths that order modules against prerequisites (warnings)."""
    modules: dict[str, Module] = {
        key: value for key, value in loaded.entities.get("module", {}).items() if isinstance(value, Module)
    }
    issues = [issue for module_id, module in modules.items() for issue in _check_ids(loaded, module_id, module)]
    for module_id, module in modules.items():
        issues += check_assessment(loaded.origins[("module", module_id)], module)
    issues += _cycles(loaded, modules)
    for path_id, path in loaded.entities.get("path", {}).items():
        if isinstance(path, LearningPath):
            issues += _path_order(loaded, path_id, path, modules)
    return issues


def _check_ids(loaded: LoadedFiles, module_id: str, module: Module) -> list[Issue]:
    """Two knowledge checks with one id would share one radio group and one anchor on the page."""
    issues: list[Issue] = []
    origin = loaded.origins[("module", module_id)]
    first: dict[str, int] = {}
    for index, check in enumerate(module.checks):
        if check.id not in first:
            first[check.id] = index
            continue
        line = origin.located.position(("checks", first[check.id], "id")).line
        issues.append(
            origin.issue(
                ("checks", index, "id"),
                Severity.ERROR,
                f"duplicate knowledge check id '{check.id}' (first at line {line})",
                hint="give each check of the module its own id",
            )
        )
    return issues


def _cycles(loaded: LoadedFiles, modules: dict[str, Module]) -> list[Issue]:
    issues: list[Issue] = []
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done

    def visit(module_id: str, trail: list[str]) -> None:
        state[module_id] = 1
        for prerequisite in modules[module_id].prerequisites:
            if prerequisite not in modules:
                continue  # reported as an unknown module
            if state.get(prerequisite) == 1:
                cycle = [*trail[trail.index(prerequisite) :], prerequisite] if prerequisite in trail else [prerequisite]
                issues.append(
                    loaded.origins[("module", module_id)].issue(
                        ("prerequisites",),
                        Severity.ERROR,
                        f"prerequisites go round in a circle: {' → '.join(cycle)}",
                        hint="remove one of these prerequisites",
                    )
                )
            elif prerequisite not in state:
                visit(prerequisite, [*trail, prerequisite])
        state[module_id] = 2

    for module_id in modules:
        if module_id not in state:
            visit(module_id, [module_id])
    return issues


def _path_order(loaded: LoadedFiles, path_id: str, path: LearningPath, modules: dict[str, Module]) -> list[Issue]:
    issues: list[Issue] = []
    origin = loaded.origins[("path", path_id)]
    seen: set[str] = set()
    for index, module_id in enumerate(path.modules):
        module = modules.get(module_id)
        if module is None:
            continue
        where = (*origin.prefix, "modules", index)
        if module_id in seen:
            issues.append(
                origin.issue(
                    where, Severity.ERROR, f"module '{module_id}' is listed twice in this path", hint="keep it once"
                )
            )
        for prerequisite in module.prerequisites:
            if prerequisite in path.modules and prerequisite not in seen:
                issues.append(
                    origin.issue(
                        where,
                        Severity.WARNING,
                        f"module '{module_id}' comes before its prerequisite '{prerequisite}'",
                        hint=f"move '{prerequisite}' earlier in the path",
                    )
                )
        if path.audience not in module.audience:
            issues.append(
                origin.issue(
                    where,
                    Severity.WARNING,
                    f"module '{module_id}' is not written for this path's audience '{path.audience}'",
                    hint=f"add '{path.audience}' to the module's audience, or remove it from the path",
                )
            )
        seen.add(module_id)
    return issues
