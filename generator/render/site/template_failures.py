"""A project's template that breaks, reported where it breaks: file, line, did-you-mean, hint.

An override with bad syntax, an undefined name or attribute, an include of a template
that does not exist, a fragment without the macro partnerkit's templates import, or any
other error raised while it renders, is the author's to fix: `failure_issue` locates it
(the innermost project template in Jinja's traceback, whose frames Jinja rewrites to the
templates' own lines) and says how to fix it, and `TemplateFailure` carries it to the
adapters like a content error. A failure with no project template to blame is
partnerkit's own, and `failure_issue` returns None for it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    StrictUndefined,
    TemplateNotFound,
    TemplateRuntimeError,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.utils import missing

from generator.errors import ContentError
from generator.issues import Issue, Severity
from generator.report import counted

# How to fix each kind of failure of a project's template; {file} is the template's path in
# the project, {theirs} what to do about the names partnerkit's own template of that name receives.
_HINTS = {
    "syntax": "fix the Jinja syntax here or just before ({{{{ value }}}}, {{% if %}}...{{% endif %}}), "
              "or delete {file} to use partnerkit's own",
    "undefined": "{theirs}; or delete {file} to use partnerkit's own",
    "missing": "include or import only templates that exist: 'partnerkit templates list' names partnerkit's",
    "macro": "a fragment defines the macros partnerkit's own defines, with the same parameters; or delete {file} "
             "to use partnerkit's own",
    "other": "fix the template here, or delete {file} to use partnerkit's own",
}

# Jinja's message when `{% from "x" import y %}` finds no `y` in x (and ours, for the renderer's calls).
_NOT_EXPORTED = re.compile(r"the template '(?P<template>[^']+)' \((?:imported on line \d+ in '(?P<importer>[^']+)'"
                           r"|called by partnerkit's renderer)\) does not export the requested name '(?P<name>[^']+)'")


class TemplateFailure(ContentError):
    """A project template that does not render; `issues` locate each failure in its file."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(issues)
        self.args = (f"{counted(len(issues), 'error')} in templates",)


class NoMacro(UndefinedError):
    """A template the renderer calls a macro of does not define it."""


class UndefinedName(UndefinedError):
    """An undefined name or attribute, with what it was looked up on (for a did-you-mean)."""

    def __init__(self, message: str | None = None, *, name: str | None = None, owner: object = missing) -> None:
        super().__init__(message)
        self.name = name
        self.owner = owner


class Undefined(StrictUndefined):
    """StrictUndefined whose error says which name was missing, and on what."""

    __slots__ = ()

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None,
                 exc: type[TemplateRuntimeError] = UndefinedError) -> None:
        if exc is UndefinedError:
            exc = partial(UndefinedName, name=name, owner=obj)  # type: ignore[assignment]
        super().__init__(hint, obj, name, exc)


def suggest(name: str, names: list[str]) -> str:
    """' (did you mean 'x'?)', or '' when nothing is close."""
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def failure_issue(exc: BaseException, project: Path, folder: Path, environment: Environment,
                  values: Mapping[str, object], shipped: tuple[str, ...]) -> Issue | None:
    """The issue of a failure that a template of the project's `folder` is to blame for
    (`values`: the names the page had; `shipped`: partnerkit's templates); None when none
    is, for a failure of partnerkit's own templates is a bug."""
    overrides = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    where = _where(exc, folder, overrides)
    if where is None:
        return None
    filename, line = where
    path = Path(filename).resolve()
    file = path.relative_to(project.resolve()).as_posix()
    name = path.relative_to(folder.resolve()).as_posix()
    theirs = (f"partnerkit's {name} lists the names it receives in its first comment"
              if name in shipped else "set the name in this template, or pass it to the macro")
    if isinstance(exc, TemplateSyntaxError):
        message, kind = exc.message or "syntax error", "syntax"
    elif (lacking := _NOT_EXPORTED.search(str(exc))) is not None:
        defined = [n for n in vars(environment.get_template(name).module) if not n.startswith("_")]
        message = (f"no macro '{lacking['name']}' here, which {lacking['importer'] or 'partnerkit'} imports"
                   + suggest(lacking["name"], defined))
        kind = "macro"
    elif isinstance(exc, UndefinedError):
        message, kind = (exc.message or "undefined name"), "undefined"
        if isinstance(exc, UndefinedName) and exc.name is not None and exc.owner is not missing:
            message = f"{type(exc.owner).__name__} has no attribute '{exc.name}'"  # not its module's path
        message += _did_you_mean(exc, [*values, *environment.globals])
    elif isinstance(exc, TemplateNotFound):
        names = sorted({*overrides, *shipped})
        message, kind = f"no template '{exc.name}'{suggest(str(exc.name), names)}", "missing"
    else:
        message, kind = f"{type(exc).__name__}: {exc}", "other"
    return Issue(file, line, 1, Severity.ERROR, message, hint=_HINTS[kind].format(file=file, theirs=theirs))


def _where(exc: BaseException, folder: Path, overrides: list[str]) -> tuple[str, int] | None:
    """The innermost project template in the traceback, and its line (for a fragment that
    lacks a macro partnerkit's templates import, its first line)."""
    root = folder.resolve()

    def in_project(filename: str | None) -> bool:
        return bool(filename) and Path(filename or "").resolve().is_relative_to(root)

    if isinstance(exc, TemplateSyntaxError):
        return (exc.filename or "", exc.lineno) if in_project(exc.filename) else None
    lacking = _NOT_EXPORTED.search(str(exc)) if isinstance(exc, UndefinedError) else None
    if lacking is not None and lacking["template"] in overrides:
        return str(folder / lacking["template"]), 1
    found = None
    tb = exc.__traceback__
    while tb is not None:
        if in_project(tb.tb_frame.f_code.co_filename):
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _did_you_mean(exc: UndefinedError, names: list[str]) -> str:
    """Among `names` (what the template has), or the attributes of the object it read from."""
    if not isinstance(exc, UndefinedName) or exc.name is None:
        return ""
    if exc.owner is not missing:
        names = [n for n in dir(exc.owner) if not n.startswith("_")]
        if isinstance(exc.owner, Mapping):
            names += [str(k) for k in exc.owner]
    return suggest(exc.name, names)
