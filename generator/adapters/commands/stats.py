"""`partnerkit stats`: entity counts, link counts and overdue reviews by owner, as text or JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date

from generator.adapters.commands.common import add_project_option, add_today_option, report
from generator.errors import ContentError
from generator.pipeline import load_content
from generator.stats import OwnerReviews, count_entities, overdue_by_owner


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "stats", help="count entities and links; list overdue reviews",
        description="Count entities per kind and links between them, and list the entities whose "
        "review date (review_by) has passed, by owner.",
    )
    add_project_option(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_today_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print counts, then overdue reviews."""
    today: date = args.today or date.today()
    loaded = load_content(args.project, today=today)
    if loaded.content is None:
        raise ContentError(loaded.issues)
    report([i for i in loaded.issues], "text")
    counts = count_entities(loaded.content)
    counts["links"] = sum(len(targets) for targets in loaded.content.links.outgoing.values())
    overdue = overdue_by_owner(loaded.content, today)
    if args.json:
        print(json.dumps({**counts, "today": today.isoformat(), "overdue_by_owner": _as_json(overdue)},
                         indent=2, ensure_ascii=False))
    else:
        for kind, count in counts.items():
            print(f"{kind}: {count}")
        _print_overdue(overdue, today)
    return 0


def _as_json(groups: list[OwnerReviews]) -> list[dict[str, object]]:
    return [{"owner": group.owner or None,
             "overdue": [{"kind": o.kind, "id": o.id, "review_by": o.review_by.isoformat()} for o in group.overdue]}
            for group in groups]


def _print_overdue(groups: list[OwnerReviews], today: date) -> None:
    total = sum(len(group.overdue) for group in groups)
    print(f"overdue reviews on {today.isoformat()}: {total or 'none'}")
    for group in groups:
        print(f"  {group.owner or '(no owner)'}: {len(group.overdue)}")
        for overdue in group.overdue:
            print(f"    {overdue.kind} {overdue.id} (review by {overdue.review_by.isoformat()})")
