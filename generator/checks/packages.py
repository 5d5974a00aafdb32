"""Whether a learning path's progress fits an LMS: SCORM 1.2 keeps it in `cmi.suspend_data`.

A SCORM package's launch page (`render/packages/assets/scorm.js`) writes the progress of
the path's modules as compact JSON, the same whatever the learner did, in this shape:

    {"v":1,"m":{"<module id>":{"d":"YYYY-MM-DD","c":{"<check id>":"FL"}}}}

`d` is the day the module was marked done; `c` holds each knowledge check answered, F
and L being 1 or 0 for right or wrong at the first try and the latest. A module appears
once something is recorded in it. Every part has a fixed width once the ids are known, so
the longest the value can be (every module done, every check answered) is known before
any learner starts: `progress_size`. SCORM 1.2 caps suspend_data at 4,096 characters, and
LMSs such as Moodle refuse more; a path that could pass it is reported here.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from generator.issues import Issue, Severity
from generator.loading.project import LoadedFiles
from generator.model.training import LearningPath, Module

SUSPEND_DATA_LIMIT = 4096
"""The most characters SCORM 1.2 allows in cmi.suspend_data (CMIString4096)."""
FORMAT_VERSION = 1


def progress_size(module_ids: Sequence[str], modules: Mapping[str, Module]) -> int:
    """The length of the path's suspend_data when every module is done and every check answered."""
    recorded = {
        module_id: {"d": "YYYY-MM-DD", "c": {check.id: "11" for check in modules[module_id].checks}}
        for module_id in dict.fromkeys(module_ids) if module_id in modules
    }
    return len(json.dumps({"v": FORMAT_VERSION, "m": recorded}, separators=(",", ":"), ensure_ascii=False))


def check_packages(loaded: LoadedFiles, severity: Severity = Severity.WARNING) -> list[Issue]:
    """An issue at `modules` of every path whose progress could not fit in suspend_data: a
    warning for `check` (the site is unaffected), an error when packaging for an LMS."""
    modules = {key: value for key, value in loaded.entities.get("module", {}).items() if isinstance(value, Module)}
    issues = []
    for path_id, path in loaded.entities.get("path", {}).items():
        if not isinstance(path, LearningPath):
            continue
        size = progress_size(path.modules, modules)
        if size <= SUSPEND_DATA_LIMIT:
            continue
        origin = loaded.origins[("path", path_id)]
        issues.append(origin.issue(
            (*origin.prefix, "modules"), severity,
            f"this path's progress would take {size:,} characters in an LMS, over the {SUSPEND_DATA_LIMIT:,} "
            "that SCORM 1.2 allows in cmi.suspend_data, so `partnerkit scorm` cannot package it",
            hint="split it into shorter paths, or give its modules and knowledge checks shorter ids"))
    return issues
