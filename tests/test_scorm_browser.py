"""A SCORM package in Chromium with a real SCORM 1.2 runtime as the LMS: scorm-again.

The test LMS (tests/lms/lms.html) puts scorm-again's API in window.API and launches the
package's launch page in a frame, as an LMS does. The learner answers knowledge checks and
marks modules done in the site inside it; the test reads what the runtime recorded:
lesson_status, score.raw (first tries), session_time, exit, lesson_location, suspend_data.
Then it launches the package again from those values, as an LMS resumes a suspended
attempt, and finishes the path. Without an LMS the package's site keeps progress in the
browser as the site always does.

scorm-again comes from npm (tests/lms/package.json and its lock; scripts/test.sh runs
`npm ci` there). Run with `pytest -m browser`; Chromium comes from /usr/bin/chromium.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from test_site_browser import CHROMIUM, _answer, _choices, chromium, serving
from test_site_support import ROOT

from generator.model.content import Content
from generator.model.training import LearningPath, Module
from generator.pipeline import load_content

pytestmark = pytest.mark.browser
RUNTIME = ROOT / "tests" / "lms" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
PATH = "top-managers-path"
TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = load_content(ROOT)
    assert loaded.content is not None
    return loaded.content


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test LMS at /lms/ and the English package of the top managers' path unzipped at /package/."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    if not RUNTIME.is_file():
        pytest.skip("scorm-again is not installed (npm ci --prefix tests/lms)")
    work = tmp_path_factory.mktemp("scorm")
    done = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "scorm", "--project", str(ROOT), "--lang", "en",
         "--path", PATH, "--no-pdf", "--downloads", str(work / "downloads"), "--out", str(work / "scorm")],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    root = work / "web"
    (root / "lms").mkdir(parents=True)
    shutil.copyfile(ROOT / "tests" / "lms" / "lms.html", root / "lms" / "index.html")
    shutil.copyfile(RUNTIME, root / "lms" / "scorm12.js")
    with zipfile.ZipFile(work / "scorm" / f"{PATH}-en.zip") as archive:
        archive.extractall(root / "package")
    with serving(root) as origin:
        yield origin


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as launched:
        yield launched


def _lms(browser: Any, origin: str) -> tuple[Any, list[str]]:
    """The test LMS's page, recording page errors and any request that leaves the origin."""
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    # The launch page warns on the console when the runtime refuses a value or a commit.
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type in ("warning", "error") else None)

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(origin + "/") or url.startswith(("data:", "blob:", "about:")):
            request_route.continue_()
        else:
            problems.append(f"request to another host: {url}")
            request_route.abort()

    context.route("**/*", route)
    page.goto(f"{origin}/lms/index.html")
    return page, problems


def _site_frame(page: Any, ending: str) -> Any:
    """The frame of the package's site, once it has loaded a page whose address ends with `ending`."""
    for _ in range(300):
        frame = next((f for f in page.frames if f.url.endswith(ending) and "/package/site/" in f.url), None)
        if frame is not None:
            frame.wait_for_load_state("load")
            frame.wait_for_selector("[data-pk-training]", state="attached")
            return frame
        page.wait_for_timeout(50)
    raise AssertionError(f"the package's site never showed {ending}: {[f.url for f in page.frames]}")


def _open(page: Any, site: Any, path: str) -> Any:
    """Follow the learner to `path` of the site inside the package (as a link would)."""
    site.evaluate("path => { window.location.href = new URL(path, document.baseURI"
                  " .replace(/site\\/.*$/, 'site/')).href; }", path)
    return _site_frame(page, path)


def _recorded(page: Any, element: str) -> str:
    """A value as the runtime committed it last: what an LMS would have stored."""
    return str(page.evaluate("element => element.split('.').reduce((o, k) => o[k],"
                             " window.commits[window.commits.length - 1])", element))


def _seconds(timespan: str) -> float:
    hours, minutes, seconds = timespan.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _path_checks(content: Content) -> dict[str, list[str]]:
    path = content.all(LearningPath)[PATH]
    return {module_id: [check.id for check in content.all(Module)[module_id].checks] for module_id in path.modules}


def test_progress_reaches_the_lms_and_resumes_from_suspend_data(served: str, browser: Any,
                                                                content: Content) -> None:
    checks = _path_checks(content)
    modules = list(checks)
    total = sum(len(ids) for ids in checks.values())
    first = modules[0]

    # A first attempt: the launch starts the session on the path's page, incomplete.
    page, problems = _lms(browser, served)
    page.evaluate("startLms({core: {student_id: 'u-17', student_name: 'Tremblay, Julie'}})")
    site = _site_frame(page, f"training/paths/{PATH}.html")
    assert page.evaluate("window.calls[0]") == "LMSInitialize"
    assert _recorded(page, "cmi.core.lesson_status") == "incomplete"

    # In the first module: the first check right at the first try, the second wrong then right.
    site = _open(page, site, f"training/modules/{first}.html")
    assert site.locator("[data-pk-private]").inner_text().startswith("Your progress is recorded by your")
    one, two = (site.locator(f'[data-pk-check="{check_id}"]') for check_id in checks[first][:2])
    _answer(one, [i for i, right in enumerate(_choices(one)) if right])
    right_two = [i for i, right in enumerate(_choices(two)) if right]
    _answer(two, [_choices(two).index(False)])
    two.locator("[data-pk-retry]").click()
    _answer(two, right_two)
    site.click("[data-pk-mark-done]")
    assert site.locator("[data-pk-mark-done]").inner_text() == "Mark as not done"

    suspend = json.loads(_recorded(page, "cmi.suspend_data"))
    assert suspend["v"] == 1 and list(suspend["m"]) == [first]
    assert suspend["m"][first]["c"] == {checks[first][0]: "11", checks[first][1]: "01"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", suspend["m"][first]["d"])
    assert _recorded(page, "cmi.core.score.raw") == str(round(100 / total))  # one right at the first try
    assert _recorded(page, "cmi.core.lesson_status") == "incomplete"  # the path has more modules
    assert _recorded(page, "cmi.core.exit") == "suspend"
    # The session's time as the launch page reported it, and as the runtime took it.
    reported = page.evaluate("window.sets['cmi.core.session_time']")
    assert TIMESPAN.match(reported) and TIMESPAN.match(_recorded(page, "cmi.core.session_time"))
    assert _seconds(reported) > 0
    assert int(_seconds(_recorded(page, "cmi.core.session_time"))) == int(_seconds(reported))
    assert _recorded(page, "cmi.core.lesson_location") == f"training/modules/{first}.html"
    # Nothing was kept in the browser: the LMS holds the record.
    assert site.evaluate("window.localStorage.length") == 0

    # Leaving the course ends the session; the LMS keeps what the last commit said.
    page.evaluate("stopLms()")
    page.wait_for_function("window.calls.indexOf('LMSFinish') >= 0")
    saved = page.evaluate("window.commits[window.commits.length - 1].cmi")
    assert saved["core"]["lesson_status"] == "incomplete" and saved["core"]["exit"] == "suspend"
    assert json.loads(saved["suspend_data"]) == suspend
    assert problems == []
    page.context.close()

    # The LMS resumes the attempt: the learner is back on the module, which shows as done.
    page, problems = _lms(browser, served)
    resumed = {"core": {"student_id": "u-17", "entry": "resume", "lesson_status": "incomplete",
                        "lesson_location": saved["core"]["lesson_location"]},
               "suspend_data": saved["suspend_data"]}
    page.evaluate("cmi => startLms(cmi)", resumed)
    site = _site_frame(page, f"training/modules/{first}.html")
    assert site.locator("[data-pk-mark-done]").inner_text() == "Mark as not done"
    # The summary shows the first-try result the LMS held.
    site = _open(page, site, "training/summary.html")
    row = site.locator(f'[data-pk-row="{first}"]')
    assert row.is_visible() and "1 of" in row.locator('[data-pk-cell="first"]').inner_text()

    # Every other module of the path done: completed (no mastery score), exit normal.
    for module_id in modules[1:]:
        site = _open(page, site, f"training/modules/{module_id}.html")
        site.click("[data-pk-mark-done]")
        site.locator("[data-pk-mark-done]", has_text="Mark as not done").wait_for()
    assert _recorded(page, "cmi.core.lesson_status") == "completed"
    assert _recorded(page, "cmi.core.exit") == ""
    assert _recorded(page, "cmi.core.score.raw") == str(round(100 / total))
    final = _recorded(page, "cmi.suspend_data")
    assert len(final) <= 4096
    page.evaluate("stopLms()")
    page.wait_for_function("window.calls.indexOf('LMSFinish') >= 0")
    assert problems == []
    page.context.close()

    # With a mastery score from the LMS (the manifest's adlcp:masteryscore): passed when the
    # first-try score reaches it, completed when it does not.
    for mastery, status in ((round(100 / total), "passed"), (100, "completed")):
        page, problems = _lms(browser, served)
        page.evaluate("cmi => startLms(cmi)", {"core": {"entry": "resume", "lesson_status": "completed"},
                                               "suspend_data": final,
                                               "student_data": {"mastery_score": str(mastery)}})
        _site_frame(page, f"training/paths/{PATH}.html")
        assert _recorded(page, "cmi.core.lesson_status") == status
        assert problems == []
        page.context.close()


def test_suspend_data_takes_what_the_build_said_at_most(served: str, browser: Any, content: Content) -> None:
    from generator.checks.packages import progress_size

    checks = _path_checks(content)
    page, problems = _lms(browser, served)
    page.evaluate("startLms(null)")
    site = _site_frame(page, f"training/paths/{PATH}.html")
    for module_id, ids in checks.items():
        site = _open(page, site, f"training/modules/{module_id}.html")
        for check_id in ids:
            check = site.locator(f'[data-pk-check="{check_id}"]')
            _answer(check, [i for i, right in enumerate(_choices(check)) if right])
        site.click("[data-pk-mark-done]")
        site.locator("[data-pk-mark-done]", has_text="Mark as not done").wait_for()
    # Everything answered and done: exactly the longest the build computed for this path.
    data = _recorded(page, "cmi.suspend_data")
    assert len(data) == progress_size(list(checks), content.all(Module)) <= 4096
    assert _recorded(page, "cmi.core.score.raw") == "100"
    assert _recorded(page, "cmi.core.lesson_status") == "completed"
    assert problems == []
    page.context.close()


def test_without_an_lms_the_package_keeps_progress_in_the_browser(served: str, browser: Any,
                                                                   content: Content) -> None:
    first = content.all(LearningPath)[PATH].modules[0]
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{served}/package/index.html")  # no window.API anywhere
    site = _site_frame(page, f"training/paths/{PATH}.html")
    site = _open(page, site, f"training/modules/{first}.html")
    assert site.locator("[data-pk-private]").inner_text().startswith("Your progress is kept in this browser")
    site.click("[data-pk-mark-done]")
    assert site.evaluate("window.localStorage.length") == 1
    page.reload()
    site = _site_frame(page, f"training/paths/{PATH}.html")
    site = _open(page, site, f"training/modules/{first}.html")
    assert site.locator("[data-pk-mark-done]").inner_text() == "Mark as not done"
    assert errors == []
    context.close()
