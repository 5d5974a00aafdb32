"""What the training pages give the browser: progress bars, "mark as done", the summary page.

Progress lives in the learner's browser only (localStorage, read and written by
`assets/training.js`); the pages carry what the script needs as data attributes and
every word it writes as one JSON attribute (`data-pk-training`), from the message catalog
(`generator.messages`, with the project's own wording), placeholders left for the script.
Everything the script fills in is `hidden` in the HTML, so without JavaScript a page
shows only what works without it, and says so.
"""

from __future__ import annotations

import json
import re

from generator.messages import template
from generator.model.training import LearningPath, Module
from generator.render.site import urls
from generator.render.site.context import SiteContext
from generator.render.site.html import esc
from generator.render.site.page import Page, block, heading, make_page

# UI strings the script writes, passed to it through data-pk-training.
JS_STRINGS = (
    "check_answer", "try_again", "choose_first", "you_chose", "correct", "not_quite", "all_right",
    "some_wrong", "some_missing", "mark_done", "mark_not_done", "done_on", "not_done", "progress_text",
    "path_complete", "next_module", "score", "no_checks", "not_done_yet", "reset_confirm", "reset_done",
    "summary", "made_on", "name", "learning_paths", "modules_done", "total_done", "minutes", "first_try",
    "latest", "checks_short", "duration", "answered", "modules_count", "modules_one", "label_value",
    "summary_file",
)


def store_key(ctx: SiteContext) -> str:
    """The localStorage key of this site's progress: named by the site's stable `id` (site.yaml),
    so it survives a new title; one key per site, shared by its languages."""
    return f"partnerkit:{ctx.content.site.id}:training"


def legacy_store_key(ctx: SiteContext) -> str:
    """The key earlier versions used, named by the default-language title; the script moves
    progress found there to `store_key` once (see assets/training.js)."""
    title = ctx.content.site.title.get(ctx.content.default_language, ctx.content.default_language)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "site"
    return f"partnerkit:{slug}:training"


def training_data(ctx: SiteContext) -> str:
    """The hidden element that tells the script where to keep progress and what to write."""
    data = {
        "store": store_key(ctx),
        "lang": ctx.lang,
        "site": ctx.plain(ctx.content.site.title),
        "strings": {key: template(ctx.lang, key, ctx.content.messages) for key in JS_STRINGS},
    }
    if legacy_store_key(ctx) != data["store"]:
        data["legacy"] = legacy_store_key(ctx)
    return f'<div hidden data-pk-training="{esc(json.dumps(data, ensure_ascii=False, sort_keys=True))}"></div>'


def _minutes_of(ctx: SiteContext, module_ids: list[str]) -> str:
    return " ".join(str(ctx.content.modules[m].duration_minutes) for m in module_ids)


def progress_widget(ctx: SiteContext, path: LearningPath, *, next_link: bool = False) -> str:
    """A progress bar and "n of N modules done · m of M min" for a path (filled by the script).

    With `next_link`, the script also names the first module not done yet, linked.
    """
    title = ctx.plain(path.title)
    nexts = ""
    if next_link:
        links = "".join(
            f'<a hidden data-pk-next="{esc(m)}" href="{esc(ctx.href("module", m) or "")}">'
            f'{ctx.s("next_module", title=ctx.title_of("module", m))}</a>'
            for m in path.modules
        )
        nexts = f'<span class="pk-progress__next">{links}</span>'
    return (f'<div class="pk-progress" hidden data-pk-path="{esc(path.id)}" data-pk-title="{esc(title)}" '
            f'data-pk-modules="{esc(" ".join(path.modules))}" data-pk-minutes="{_minutes_of(ctx, path.modules)}">'
            f'<progress max="{len(path.modules)}" value="0" aria-label="{ctx.s("progress_label", title=title)}">'
            f"</progress> <span data-pk-progress-text></span>{nexts}</div>")


def summary_link(ctx: SiteContext) -> str:
    """A link to the completion summary, shown only when the script runs."""
    return (f'<p class="pk-summary-link" hidden data-pk-js><a href="{esc(ctx.href_page(urls.TRAINING_SUMMARY))}">'
            f'{ctx.s("summary_link")}</a></p>')


def done_box(ctx: SiteContext, module: Module) -> str:
    """The end of a module page: its status and the "Mark as done" button (or why not, without JS)."""
    checks = " ".join(check.id for check in module.checks)
    return (f'<p class="pk-nojs" data-pk-nojs>{ctx.s("progress_nojs")}</p>'
            f'<p class="pk-notice" hidden data-pk-storage-off>{ctx.s("storage_off")}</p>'
            f'<div class="pk-done" hidden data-pk-module="{esc(module.id)}" '
            f'data-pk-minutes="{module.duration_minutes}" data-pk-checks="{esc(checks)}">'
            f'<p class="pk-done__status" role="status" data-pk-module-status>{ctx.s("not_done")}</p>'
            f'<p><button type="button" class="md-button md-button--primary" data-pk-mark-done>'
            f'{ctx.s("mark_done")}</button></p>'
            f'<p class="pk-muted">{ctx.s("progress_private")}</p></div>'
            + summary_link(ctx))


def _summary_rows(ctx: SiteContext) -> str:
    c = ctx.content
    order = list(dict.fromkeys([*(m for p in c.paths.values() for m in p.modules), *c.modules]))
    rows = []
    for module_id in order:
        module = c.modules[module_id]
        checks = " ".join(check.id for check in module.checks)
        rows.append(
            f'<tr hidden data-pk-row="{esc(module_id)}" data-pk-minutes="{module.duration_minutes}" '
            f'data-pk-checks="{esc(checks)}"><th scope="row">{ctx.link("module", module_id)}</th>'
            f"<td data-pk-cell=\"done\"></td><td>{ctx.s('minutes', n=module.duration_minutes)}</td>"
            f'<td data-pk-cell="first"></td><td data-pk-cell="latest"></td></tr>')
    head = "".join(f'<th scope="col">{ctx.s(k)}</th>'
                   for k in ("module", "done_on_col", "duration", "first_try", "latest"))
    return (f'<div class="pk-table-wrap"><table class="pk-matrix pk-summary-table" data-pk-summary-table '
            f'aria-labelledby="modules-done"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def render_summary(ctx: SiteContext) -> Page:
    """The completion summary: paths, modules done with dates and scores; print, download, reset."""
    c = ctx.content
    paths = "".join(f"<li><strong>{ctx.link('path', p.id)}</strong> {progress_widget(ctx, p)}</li>"
                    for p in c.paths.values())
    actions = (
        f'<div class="pk-summary-actions" hidden data-pk-js>'
        f'<button type="button" class="md-button md-button--primary" data-pk-print>{ctx.s("print")}</button> '
        f'<button type="button" class="md-button" data-pk-download="text">{ctx.s("download_text")}</button> '
        f'<button type="button" class="md-button" data-pk-download="json">{ctx.s("download_json")}</button> '
        f'<button type="button" class="md-button pk-button--danger" data-pk-reset>{ctx.s("reset_progress")}</button>'
        f'<p class="pk-summary-actions__status" role="status" data-pk-summary-status></p></div>')
    body = (
        f'<p class="pk-nojs" data-pk-nojs>{ctx.s("summary_nojs")}</p>'
        f'<p class="pk-notice" hidden data-pk-storage-off>{ctx.s("storage_off")}</p>'
        f'<div class="pk-summary" hidden data-pk-summary>'
        f'<p class="pk-summary__name pk-screen-only"><label for="pk-learner-name">{ctx.s("learner_name")}</label>'
        f'<input type="text" id="pk-learner-name" autocomplete="name" data-pk-learner></p>'
        f'<p class="pk-print-only"><strong>{esc(ctx.plain(c.site.title))}</strong></p>'
        f'<p class="pk-print-only" data-pk-name-print></p>'
        f'<p data-pk-made-on></p>'
        f'<h2 id="learning-paths">{ctx.s("learning_paths")}</h2>'
        f'<ul class="pk-summary-paths">{paths}</ul>'
        f'<h2 id="modules-done">{ctx.s("modules_done")}</h2>'
        f'<p data-pk-summary-empty>{ctx.s("nothing_done")}</p>'
        + _summary_rows(ctx)
        + '<p data-pk-summary-total></p></div>'
        + actions
        + training_data(ctx)
    )
    return make_page(ctx, "summary", ctx.raw("summary"), [block(body)], lead=ctx.s("summary_intro"),
                     hide=("toc",))


def training_heading(ctx: SiteContext) -> str:
    """The "Your progress" heading at the end of a module page."""
    return heading(ctx.raw("your_progress"), "your-progress")
