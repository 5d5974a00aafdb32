"""`partnerkit stats`: entity counts and link counts, as text or JSON."""

from __future__ import annotations

import argparse
import json

from generator.adapters.commands.common import add_project_option, report
from generator.errors import ContentError
from generator.pipeline import load_content
from generator.stats import count_entities


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    parser = subparsers.add_parser(
        "stats", help="count entities and links", description="Count entities per kind and links between them."
    )
    add_project_option(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print counts."""
    loaded = load_content(args.project)
    if loaded.content is None:
        raise ContentError(loaded.issues)
    report([i for i in loaded.issues], "text")
    counts = count_entities(loaded.content)
    counts["links"] = sum(len(targets) for targets in loaded.content.links.outgoing.values())
    if args.json:
        print(json.dumps(counts, indent=2))
    else:
        for kind, count in counts.items():
            print(f"{kind}: {count}")
    return 0
