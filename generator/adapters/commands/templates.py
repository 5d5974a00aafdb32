"""`partnerkit templates list` and `partnerkit templates copy NAME`: the page templates a project overrides.

The app layer (`generator.app.templates`) finds the templates and copies the file; this
module parses and prints.
"""

from __future__ import annotations

import argparse

from generator.adapters.commands.common import add_project_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command and its two subcommands."""
    parser = subparsers.add_parser(
        "templates", help="list the page templates, or copy one into templates/ to change a page",
        description="Every page of the site is written by a Jinja template; a file of the same name in the "
        "project's templates/ folder (beside content/) is used instead of partnerkit's. 'list' names them "
        "with what each renders; 'copy NAME' puts partnerkit's own into templates/ to start from.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="name every template and what it renders",
                                 description="Name every template partnerkit ships, with what it renders, "
                                 "and mark those the project's templates/ overrides.")
    add_project_option(listing)
    listing.set_defaults(run=run_list)
    copy = actions.add_parser("copy", help="copy a template into templates/ to start an override",
                              description="Copy partnerkit's template NAME (as 'templates list' names it) into "
                              "the project's templates/ folder, where it replaces partnerkit's own; an "
                              "existing file there is kept unless --force.")
    copy.add_argument("name", metavar="NAME", help="the template, e.g. practice.md or fragments/quote.html")
    copy.add_argument("--force", action="store_true", help="replace the project's file of that name")
    add_project_option(copy)
    copy.set_defaults(run=run_copy)


def run_list(args: argparse.Namespace) -> int:
    """One line per template: its name, what it renders, and whether the project overrides it."""
    from generator.app.templates import list_templates

    listed = list_templates(args.project)
    width = max(len(t.name) for t in listed) + 2
    for template in listed:
        description = "the project's own (partnerkit has none of this name)" if template.own else template.description
        mark = "  [overridden in templates/]" if template.overridden and not template.own else ""
        print(f"{template.name:<{width}}{description}{mark}")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    """Copy, and say where to edit."""
    from generator.app.templates import copy_template

    target = copy_template(args.project, args.name, force=args.force)
    print(f"copied to {target}: edit it there; the site uses it instead of partnerkit's own")
    return 0
