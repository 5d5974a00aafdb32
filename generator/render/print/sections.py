"""Section renderers: one entity (role, program, process, practice, family, case, module)
as a list of Typst blocks, starting with a heading at a given level.
"""

from __future__ import annotations

from generator.model.case import Case
from generator.model.framework import Family
from generator.model.practice import Practice
from generator.model.program import Process, Program
from generator.model.role import Role
from generator.model.training import Module
from generator.render.palette import palette
from generator.render.print.blocks import (
    bullets,
    compact,
    facts,
    heading,
    lead,
    numbered,
    quote,
    refs,
    table,
)
from generator.render.print.context import RenderContext
from generator.render.print.figures import process_figure, timeline_figure
from generator.render.print.markdown import MarkdownWriter
from generator.render.print.provenance import source_line, source_line_if, with_source
from generator.render.print.typst_code import Code, call, seq, text

# A role card says "Patient role" where the site's lists say "Patient"; the other types read the same.
_ROLE_TYPES = {"patient": "cat_patient_role"}


def render_role(ctx: RenderContext, role_id: str, level: int = 1, *, card: bool = False) -> list[Code]:
    """A role: who, responsibilities, who it works with, day one (tick boxes on a card)."""
    role: Role = ctx.content.all(Role)[role_id]
    md = MarkdownWriter(ctx)
    name = ctx.t(role.name)
    if ctx.t(role.abbreviation):
        name = f"{name} ({ctx.t(role.abbreviation)})"
    meta = [(ctx.w("role_type"), text(ctx.w(_ROLE_TYPES.get(role.category, f"cat_{role.category}"))))]
    if role.level is not None:
        meta.append((ctx.w("level"), text(ctx.name_of("level", role.level))))
    own = role.provenance
    duties = role.source_of("responsibilities")
    out: list[Code | None] = [
        heading(level, name, ctx.anchor("role", role_id)),
        lead(text(ctx.t(role.summary))),
        facts(meta),
        source_line(ctx, own),
        heading(level + 1, ctx.w("who_holds_role")),
        source_line_if(ctx, role.source_of("who"), own),
        md.content(ctx.t(role.who), level + 1),
        heading(level + 1, ctx.w("responsibilities")),
        source_line_if(ctx, duties, own),
        bullets(with_source(ctx, md.inline(ctx.t(item)), role.source_of("responsibilities", item), duties)
                for item in role.responsibilities),
    ]
    if role.works_with and card:
        out.append(heading(level + 1, ctx.w("works_with")))
        out.append(call("pk-p", refs(ctx, "role", role.works_with)))
    elif role.works_with:
        out.append(heading(level + 1, ctx.w("works_with")))
        out.append(bullets(
            seq([ctx.ref("role", other, None), text(" — " + ctx.t(ctx.content.all(Role)[other].summary))])
            for other in role.works_with))
    if role.day_one:
        first_day = role.source_of("day_one")
        out += [heading(level + 1, ctx.w("day_one")), source_line_if(ctx, first_day, own)]
        out.extend(call("pk-check", with_source(ctx, md.inline(ctx.t(item)), role.source_of("day_one", item),
                                                first_day), None) for item in role.day_one)
    if card:
        practices = ctx.content.related("role", role_id, "practice")
        if practices:
            out.append(heading(level + 1, ctx.w("role_takes_part_in")))
            items = [ctx.ref("practice", pid, None) for pid in practices]
            half = (len(items) + 1) // 2
            out.append(call("pk-two-lists", items[:half], items[half:]))
    return compact(out)


def render_program(ctx: RenderContext, program_id: str, level: int = 1) -> list[Code]:
    """A program: description, objectives, committee, cycle, supervision, rules, skills."""
    program: Program = ctx.content.all(Program)[program_id]
    md = MarkdownWriter(ctx)
    name = ctx.t(program.name)
    if ctx.t(program.abbreviation):
        name = f"{name} ({ctx.t(program.abbreviation)})"
    out: list[Code | None] = [
        heading(level, name, ctx.anchor("program", program_id)),
        lead(text(ctx.t(program.summary))),
        md.content(ctx.t(program.description), level),
        heading(level + 1, ctx.w("objectives")),
        bullets(text(ctx.t(item)) for item in program.objectives),
    ]
    if program.committee:
        out.append(heading(level + 1, ctx.w("committee_composition")))
        out.append(table("(1.2fr, 0.8fr, 2fr)", [ctx.w("role"), ctx.w("how_many"), ctx.w("notes")], (
            [ctx.ref("role", seat.role, None), text(ctx.t(seat.count)),
             md.inline(ctx.t(seat.note)) if seat.note else text("")]
            for seat in program.committee)))
    if program.cycle is not None:
        out += [heading(level + 1, ctx.w("cycle")), md.content(ctx.t(program.cycle), level + 1)]
    if program.supervision is not None:
        out += [heading(level + 1, ctx.w("supervision")), md.content(ctx.t(program.supervision), level + 1)]
    if program.first_year_support is not None:
        out += [heading(level + 1, ctx.w("first_year")),
                md.content(ctx.t(program.first_year_support), level + 1)]
    if program.rules:
        out += [heading(level + 1, ctx.w("rules")),
                bullets(md.inline(ctx.t(rule)) for rule in program.rules)]
    if program.core_skills:
        out.append(heading(level + 1, ctx.w("core_skills")))
        out.append(table("(1fr, 2fr)", [ctx.w("skill"), ctx.w("meaning")], (
            [text(ctx.t(skill.name)), md.inline(ctx.t(skill.description))]
            for skill in program.core_skills)))
    if program.processes:
        out += [heading(level + 1, ctx.w("processes")),
                bullets(ctx.ref("process", pid, None) for pid in program.processes)]
    return compact(out)


def render_process(ctx: RenderContext, process_id: str, level: int = 1) -> list[Code]:
    """A process: its flow diagram, then each step with actors, inputs, outputs and tools."""
    process: Process = ctx.content.all(Process)[process_id]
    md = MarkdownWriter(ctx)
    out: list[Code | None] = [
        heading(level, ctx.t(process.name), ctx.anchor("process", process_id)),
        lead(text(ctx.t(process.summary))),
        process_figure(ctx, process_id),
    ]
    if process.description is not None:
        out.append(md.content(ctx.t(process.description), level))
    out.append(heading(level + 1, ctx.w("steps")))
    for number, step in enumerate(process.steps, start=1):
        out.append(heading(level + 2, f"{number}. {ctx.t(step.title)}"))
        pairs = [(ctx.w("actors"), refs(ctx, "role", step.actors))]
        if step.inputs:
            pairs.append((ctx.w("inputs"), text("; ".join(ctx.t(i) for i in step.inputs))))
        if step.outputs:
            pairs.append((ctx.w("outputs"), text("; ".join(ctx.t(o) for o in step.outputs))))
        if step.tools:
            pairs.append((ctx.w("tools_support"), refs(ctx, "tool", step.tools)))
        out.append(facts(pairs))
        out.append(md.content(ctx.t(step.description), level + 2))
    return compact(out)


def _beyond_study(ctx: RenderContext, practice: Practice) -> bool:
    """True when the site's other practices come from a study and this one does not (as on the site)."""
    return practice.provenance.type != "study" and any(
        p.provenance.type == "study" for p in ctx.content.all(Practice).values())


def render_practice(ctx: RenderContext, practice_id: str, level: int = 1) -> list[Code]:
    """A practice: what, why, how, pitfalls, what the cases did, quotes, roles and tools, each
    labelled with its source where that changes."""
    practice: Practice = ctx.content.all(Practice)[practice_id]
    own = practice.provenance
    md = MarkdownWriter(ctx)
    meta = [
        (ctx.w("family"), text(ctx.name_of("family", practice.family))),
        (ctx.w("levels"), text(", ".join(ctx.name_of("level", x) for x in practice.levels))),
        (ctx.w("phases"), text(", ".join(ctx.name_of("phase", x) for x in practice.phases))),
    ]
    out: list[Code | None] = [
        heading(level, ctx.t(practice.title), ctx.anchor("practice", practice_id)),
        lead(text(ctx.t(practice.summary))),
        facts(meta),
        source_line(ctx, own, "source_beyond_study" if _beyond_study(ctx, practice) else None),
    ]
    if practice.status == "open-challenge":
        out.append(call("pk-callout", "warning", None, text(ctx.w("open_challenge_note")),
                        palette(ctx.content.site.colours).callout("open-challenge")))
    out += [source_line_if(ctx, practice.source_of("description"), own),
            md.content(ctx.t(practice.description), level)]
    out += [heading(level + 1, ctx.w("why")), source_line_if(ctx, practice.source_of("why"), own),
            md.content(ctx.t(practice.why), level + 1)]
    out += _sourced_list(ctx, md, practice, "how_to", "how_to", level, ordered=True)
    out += _sourced_list(ctx, md, practice, "pitfalls", "pitfalls", level)
    if practice.observed_in:
        out.append(heading(level + 1, ctx.w("observed_in")))
        out.append(bullets(
            with_source(ctx, seq([call("strong", ctx.ref("case", obs.case, ctx.name_of("case", obs.case))),
                                  text(": "), md.inline(ctx.t(obs.what))]),
                        practice.source_of("observed_in", obs), own)
            for obs in practice.observed_in))
    out += _sourced_list(ctx, md, practice, "toolkits_add", "published_toolkits_add", level)
    quotes = list(dict.fromkeys([*practice.evidence, *ctx.content.related("practice", practice_id, "quote")]))
    if quotes:
        out.append(heading(level + 1, ctx.w("evidence")))
        out.extend(quote(ctx, qid) for qid in quotes)
    tail = []
    if practice.roles:
        tail.append((ctx.w("roles_involved"), refs(ctx, "role", practice.roles)))
    if practice.tools:
        tail.append((ctx.w("tools_support"), refs(ctx, "tool", practice.tools)))
    if practice.related:
        tail.append((ctx.w("related_practices"), refs(ctx, "practice", practice.related)))
    out.append(facts(tail))
    return compact(out)


def _sourced_list(ctx: RenderContext, md: MarkdownWriter, practice: Practice, part: str, title: str,
                  level: int, *, ordered: bool = False) -> list[Code | None]:
    """A practice's list (how_to, pitfalls, toolkits_add) under its heading, labelled where its
    source is not the practice's, each item where its source is not the list's."""
    items = getattr(practice, part)
    if not items:
        return []
    around = practice.source_of(part)
    listed = (with_source(ctx, md.inline(ctx.t(item)), practice.source_of(part, item), around,
                          by_type=part == "toolkits_add") for item in items)
    return [heading(level + 1, ctx.w(title)), source_line_if(ctx, around, practice.provenance),
            numbered(listed) if ordered else bullets(listed)]


def render_family(ctx: RenderContext, family_id: str, level: int = 1) -> list[Code]:
    """A practice family and every practice in it, one level down."""
    family = ctx.content.all(Family)[family_id]
    md = MarkdownWriter(ctx)
    out: list[Code | None] = [
        heading(level, f"{family.number}. {ctx.t(family.name)}", ctx.anchor("family", family_id)),
        lead(text(ctx.t(family.short))),
        facts([(ctx.w("approach"), text(ctx.w(f"approach_{family.approach}")))] if family.approach else []),
    ]
    if family.description is not None:
        out.append(md.content(ctx.t(family.description), level))
    for practice in ctx.content.practices_in_family(family_id):
        out.extend(render_practice(ctx, practice.id, level + 1))
    return compact(out)


def render_case(ctx: RenderContext, case_id: str, level: int = 1) -> list[Code]:
    """A case: profile, timeline, story by phase, activities, outcomes, challenges, quotes."""
    case: Case = ctx.content.all(Case)[case_id]
    md = MarkdownWriter(ctx)
    profile = case.profile
    rows = [(ctx.w("organization"), profile.organization_type), (ctx.w("setting"), profile.setting),
            (ctx.w("clinical_area"), profile.clinical_area), (ctx.w("unit"), profile.unit),
            (ctx.w("coordination"), profile.coordination)]
    # Every profile field is optional: a row only for what the case tells, no heading over nothing.
    cells = [[text(k), text(ctx.t(v))] for k, v in rows if v is not None]
    cells += [[text(ctx.t(f.label)), text(ctx.t(f.value))] for f in profile.facts]
    if profile.qi_team:
        team = seq([seq([text(f"{ctx.t(seat.count)} × "), ctx.ref("role", seat.role, None)])
                    for seat in profile.qi_team], Code("linebreak()"))
        cells.append([text(ctx.w("qi_team")), team])
    out: list[Code | None] = [
        heading(level, ctx.t(case.title), ctx.anchor("case", case_id)),
        lead(text(ctx.t(case.summary))),
        heading(level + 1, ctx.w("profile")) if cells else None,
        call("pk-pairs", cells) if cells else None,
        heading(level + 1, ctx.w("story_short")),
        timeline_figure(ctx, case_id),
    ]
    for chapter in case.story:
        out.append(heading(level + 2, ctx.name_of("phase", chapter.phase)))
        out.append(md.content(ctx.t(chapter.summary), level + 2))
        out.append(bullets(
            seq([call("strong", text(event.date)), text(" — "), text(ctx.t(event.title))]
                + ([text(". "), md.inline(ctx.t(event.description))] if event.description else []))
            for event in chapter.events))
    activities = case.activities
    if activities.team_level or activities.other_levels:
        out.append(heading(level + 1, ctx.w("activities")))
        if activities.team_level:
            out += [heading(level + 2, ctx.w("team_level")),
                    bullets(md.inline(ctx.t(x)) for x in activities.team_level)]
        if activities.other_levels:
            out += [heading(level + 2, ctx.w("other_levels_of_organization")),
                    bullets(md.inline(ctx.t(x)) for x in activities.other_levels)]
    if case.outcomes:
        out.append(heading(level + 1, ctx.w("outcomes")))
        out.append(table("(2fr, 1fr, 0.7fr)", [ctx.w("result"), ctx.w("figure"), ctx.w("when")], (
            [seq([text(ctx.t(o.label))] + ([Code("linebreak()"), call("text", md.inline(
                ctx.t(o.description)), size=Code("0.9em"))] if o.description else [])),
             call("strong", text(ctx.t(o.figure) if o.figure else "—")), text(o.date or "—")]
            for o in case.outcomes)))
    if case.challenges:
        out += [heading(level + 1, ctx.w("challenges")),
                bullets(md.inline(ctx.t(x)) for x in case.challenges)]
    if case.practices:
        out += [heading(level + 1, ctx.w("practices_observed")),
                bullets(ctx.ref("practice", pid, None) for pid in case.practices)]
    quotes = ctx.content.related("case", case_id, "quote")
    if quotes:
        out.append(heading(level + 1, ctx.w("quotes")))
        out.extend(quote(ctx, qid) for qid in quotes)
    return compact(out)


def render_module(ctx: RenderContext, module_id: str, level: int = 1) -> list[Code]:
    """A training module: objectives, sections, knowledge checks with answers, reflection."""
    module: Module = ctx.content.all(Module)[module_id]
    md = MarkdownWriter(ctx)
    meta = [(ctx.w("duration"), text(ctx.w("minutes", n=module.duration_minutes))),
            (ctx.w("intended_audience"), text(", ".join(ctx.name_of("audience", a) for a in module.audience)))]
    if module.prerequisites:
        meta.append((ctx.w("before_this_module"), refs(ctx, "module", module.prerequisites)))
    out: list[Code | None] = [
        heading(level, ctx.t(module.title), ctx.anchor("module", module_id)),
        lead(text(ctx.t(module.summary))),
        facts(meta),
        heading(level + 1, ctx.w("objectives")),
        bullets(text(ctx.t(o.text)) for o in module.objectives),
    ]
    for section in module.sections:
        out.append(heading(level + 1, ctx.t(section.title)))
        out.append(md.content(ctx.t(section.body), level + 1))
    if module.key_points:
        out.append(call("pk-callout", "tip", text(ctx.w("key_points")),
                        call("list", *[text(ctx.t(p)) for p in module.key_points]),
                        palette(ctx.content.site.colours).callout("key-points")))
    if module.checks:
        out.append(heading(level + 1, ctx.w("check_your_knowledge")))
        for number, check in enumerate(module.checks, start=1):
            out.append(call("pk-question", text(f"{number}. {ctx.t(check.question)}")))
            out.extend(call("pk-check", text(ctx.t(choice.text)), None) for choice in check.displayed_choices())
        out.append(heading(level + 2, ctx.w("answers")))
        out.append(numbered(
            seq([call("strong", text(" · ".join(ctx.t(c.text) for c in check.displayed_choices() if c.correct))),
                 text(" — "),
                 seq([md.inline(ctx.t(c.feedback)) for c in check.displayed_choices() if c.correct], Code('" "'))])
            for check in module.checks))
    if module.reflection:
        out.append(heading(level + 1, ctx.w("reflection_heading")))
        out.extend(call("pk-lines", text(ctx.t(prompt)), 3, None) for prompt in module.reflection)
    return compact(out)
