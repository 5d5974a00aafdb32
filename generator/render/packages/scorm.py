"""A learning path as a SCORM 1.2 package: its manifest, its launch page and its script.

A package holds one language's site whole (`site/`), so every link of a module (to a
practice, a case, the glossary, a PDF) works inside the LMS, and one SCO: the path. One
SCO per path rather than per module, because
- the learner moves through the path with the site's own navigation, from module to
  module; a SCORM 1.2 SCO cannot hand its session to another, so per-module SCOs would
  send the learner back to the LMS's table of contents between modules;
- what a hospital tracks is the path it assigns ("mandatory training for mid-level
  managers"): one status and one score, which every LMS shows and grades the same way,
  where multi-SCO packages are rolled up differently by each LMS (Moodle alone offers
  four grading methods);
- its progress fits the 4,096 characters of cmi.suspend_data (checked beforehand,
  `checks.packages`), and a module's progress is recorded all the same.

The launch page (`index.html`, the SCO) runs `scorm.js`; the launch data (which modules
and checks count, where the path's page is) is JSON in the page, escaped as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape, quoteattr

from generator.checks.packages import FORMAT_VERSION, SUSPEND_DATA_LIMIT

SITE_FOLDER = "site/"
"""Where the site lies in the package, beside the manifest and the launch page."""
LAUNCH_PAGE = "index.html"
SCRIPT = "scorm.js"
MANIFEST = "imsmanifest.xml"
# The schemas of SCORM 1.2's manifest, as every SCORM 1.2 package names them.
_SCHEMA_LOCATION = ("http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
                    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                    "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd")


@dataclass(frozen=True)
class ScormModule:
    """A module of the path and the ids of its knowledge checks."""

    id: str
    checks: tuple[str, ...]


@dataclass(frozen=True)
class ScormPath:
    """What a package needs of a learning path, in one language."""

    id: str
    lang: str
    title: str
    """The path's title in the package's language, as plain text."""
    start: str
    """The path's page, relative to the site's root (`training/paths/x.html`)."""
    modules: tuple[ScormModule, ...]
    mastery_score: int | None = None
    identifier: str = ""
    """The manifest's identifier: unique per site, path and language."""


def manifest(path: ScormPath, files: Iterable[str]) -> str:
    """imsmanifest.xml (IMS Content Packaging 1.1.2, ADL SCORM 1.2): one organization, one
    item, one SCO resource listing every file of the package."""
    mastery = (f"\n        <adlcp:masteryscore>{path.mastery_score}</adlcp:masteryscore>"
               if path.mastery_score is not None else "")
    listed = "".join(f"\n      <file href={quoteattr(name)}/>" for name in sorted(files))
    title = escape(path.title)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier={quoteattr(path.identifier)} version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="{_SCHEMA_LOCATION}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-{escape(path.id)}">
    <organization identifier="org-{escape(path.id)}">
      <title>{title}</title>
      <item identifier="item-{escape(path.id)}" identifierref="sco-{escape(path.id)}" isvisible="true">
        <title>{title}</title>{mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-{escape(path.id)}" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH_PAGE}">{listed}
    </resource>
  </resources>
</manifest>
"""


def launch_data(path: ScormPath) -> dict[str, object]:
    """What scorm.js reads: where the site and the path's page are, which modules and checks count."""
    return {
        "version": FORMAT_VERSION,
        "limit": SUSPEND_DATA_LIMIT,
        "path": path.id,
        "site": SITE_FOLDER,
        "start": path.start,
        "modules": [{"id": module.id, "checks": list(module.checks)} for module in path.modules],
    }


def _script_json(data: dict[str, object]) -> str:
    # JSON inside <script>: "<", ">" and "&" escaped so no text can close the element.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def launch_page(path: ScormPath, *, noscript: str, open_site: str) -> str:
    """index.html: the frame the site opens in, the launch data and the script."""
    return f"""<!doctype html>
<html lang={quoteattr(path.lang)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(path.title)}</title>
<style>html,body{{margin:0;height:100%;overflow:hidden}}iframe{{display:block;border:0;width:100%;height:100%}}
noscript p{{font-family:sans-serif;margin:1rem}}</style>
</head>
<body>
<noscript><p>{escape(noscript)} <a href={quoteattr(SITE_FOLDER + path.start)}>{escape(open_site)}</a></p></noscript>
<iframe id="pk-content" title={quoteattr(path.title)}></iframe>
<script type="application/json" id="pk-scorm">{_script_json(launch_data(path))}</script>
<script src="{SCRIPT}"></script>
</body>
</html>
"""


def launch_script() -> bytes:
    """scorm.js, the launch page's script."""
    return (resources.files("generator.render.packages") / "assets" / "scorm.js").read_bytes()
