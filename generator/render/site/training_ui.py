"""What the training pages give the browser (where progress is kept, the words the script writes),
and the completion summary page (template `training-summary.md`).

Progress lives in the learner's browser only (localStorage, read and written by
`assets/training.js`); the pages carry what the script needs as data attributes and
every word it writes as one JSON attribute (`data-pk-training`, written by the fragment
`fragments/training-data.html` from `training_data`), from the message catalog
(`generator.messages`, with the project's own wording), placeholders left for the script.
Everything the script fills in is `hidden` in the HTML, so without JavaScript a page
shows only what works without it, and says so.
"""

from __future__ import annotations

import re

from generator.messages import template
from generator.model.training import LearningPath, Module
from generator.render.site.context import SiteContext
from generator.render.site.page import Page, render_page

# UI strings the script writes, passed to it through data-pk-training.
JS_STRINGS = (
    "check_answer", "try_again", "choose_first", "you_chose", "correct", "not_quite", "all_right",
    "some_wrong", "some_missing", "mark_done", "mark_not_done", "done_on", "not_done", "progress_text",
    "path_complete", "next_module", "score", "no_checks", "not_done_yet", "reset_confirm", "reset_done",
    "summary", "made_on", "name", "learning_paths", "modules_done", "total_done", "minutes", "first_try",
    "latest", "checks_short", "duration", "answered", "modules_count", "modules_one", "label_value",
    "summary_file", "progress_lms",
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


def training_data(ctx: SiteContext) -> dict[str, object]:
    """What the script needs: where to keep progress (and where it was kept before), what to write."""
    data: dict[str, object] = {
        "store": store_key(ctx),
        "lang": ctx.lang,
        "site": ctx.plain(ctx.content.site.title),
        # In the page's typography (French spacing), `{placeholders}` left as they are for the script.
        "strings": {key: ctx.typeset(template(ctx.lang, key, ctx.content.messages)) for key in JS_STRINGS},
    }
    if legacy_store_key(ctx) != data["store"]:
        data["legacy"] = legacy_store_key(ctx)
    return data


def render_summary(ctx: SiteContext) -> Page:
    """The completion summary: paths, modules done with dates and scores; print, download, reset."""
    c = ctx.content
    order = list(dict.fromkeys([*(m for p in c.all(LearningPath).values() for m in p.modules), *c.all(Module)]))
    return render_page(ctx, "training-summary.md", "summary", ctx.raw("summary"), lead=ctx.s("summary_intro"),
                       hide=("toc",), paths=list(c.all(LearningPath).values()),
                       modules=[c.all(Module)[m] for m in order],
                       training=training_data(ctx))
