"""Page templates: one Jinja environment per project, the project's `templates/` first.

Every generated page, and every HTML deck, is rendered by a template of
`generator/render/site/templates/` (`practice.md`, `home.md`, `deck.html`, ...), which
includes shared fragments (`fragments/section.md`, `fragments/quote.html`, ...). A
project overrides any of them by putting a file of the same name in its own `templates/`
folder, as Material sites override partials through `custom_dir`.

Text stays text: autoescape is on for every template, Markdown values arrive already
rendered through the one safe path (`SiteContext.md`) as `Markup`, and an undefined name
is an error, never an empty string. A project template that breaks (bad syntax, an
undefined name, an include of a template that does not exist) raises `TemplateFailure`
located at its file and line, like a content error; a broken package template is a bug
and raises as it is.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from types import BuiltinMethodType, MethodType
from typing import Any, NoReturn

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateRuntimeError,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context, Macro
from jinja2.utils import internalcode, missing
from markupsafe import Markup, escape

from generator import __version__
from generator.errors import ContentError
from generator.issues import Issue, Severity
from generator.render.site import urls
from generator.render.site.html import esc, md_escape
from generator.report import counted

PACKAGE = "generator.render.site"
PACKAGE_FOLDER = "templates"
PROJECT_FOLDER = "templates"  # beside content/
SUFFIXES = (".md", ".html")

# How to fix each kind of failure of a project's template; {file} is the template's path in
# the project, {name} its name, {theirs} what partnerkit's own template of that name says.
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


class _Context(Context):
    """Jinja's template context, calling plain callables (`ctx.link(...)`, macros) straight away.

    For every call a template makes, Jinja looks for `pass_context` and its kin on the
    callable. Macros, built-in methods and the methods templates call most (those of
    `SiteContext` and of the models) have none, so once a method's function is known to
    have none, they are called directly; anything else is called as Jinja calls it.
    (`context_class` is Jinja's own hook for this.)
    """

    @internalcode
    def call(__self, __obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        kind = type(__obj)
        if kind is MethodType:
            plain = _PLAIN.get(__obj.__func__)  # type: ignore[attr-defined]
            if plain is None:
                plain = _PLAIN[__obj.__func__] = not hasattr(__obj, "jinja_pass_arg")  # type: ignore[attr-defined]
        else:
            plain = kind is Macro or kind is BuiltinMethodType
        if not plain:
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_loop_vars", None)
            kwargs.pop("_block_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined("value was undefined because a callable raised a "
                                                "StopIteration exception")


# Functions of the methods templates call, and whether they are plain (no `pass_context` or kin).
_PLAIN: dict[Callable[..., Any], bool] = {}


class _NoMacro(UndefinedError):
    """A template the renderer calls a macro of does not define it."""


class _UndefinedName(UndefinedError):
    """An undefined name or attribute, with what it was looked up on (for a did-you-mean)."""

    def __init__(self, message: str | None = None, *, name: str | None = None, owner: object = missing) -> None:
        super().__init__(message)
        self.name = name
        self.owner = owner


class _Undefined(StrictUndefined):
    """StrictUndefined whose error says which name was missing, and on what."""

    __slots__ = ()

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None,
                 exc: type[TemplateRuntimeError] = UndefinedError) -> None:
        if exc is UndefinedError:
            exc = partial(_UndefinedName, name=name, owner=obj)  # type: ignore[assignment]
        super().__init__(hint, obj, name, exc)


def _nonblank(value: object) -> Markup:
    """HTML without its blank lines (a blank line would end a Markdown HTML block)."""
    return Markup("\n".join(line for line in str(escape(value)).split("\n") if line.strip()))


def _md_escape(value: object) -> Markup:
    """Plain text safe on a Markdown line (headings): HTML-escaped, Markdown syntax as entities."""
    return Markup(md_escape(str(value)))


def _yaml_string(value: object) -> Markup:
    """Plain text as a YAML string of the front matter (escaped for the HTML it ends up in)."""
    return Markup(json.dumps(esc(str(value)), ensure_ascii=False))


def _size(n: int) -> str:
    """1 234 567 -> '1.2 MB'."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{max(1, round(n / 1000))} kB"


def _json_attribute(value: object) -> str:
    """A value as JSON for a data attribute (autoescape makes it safe in the attribute)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# Every template is compiled with these: escaped by default, an undefined name is an error,
# a block tag alone on its line leaves no blank line behind.
SETTINGS: dict[str, Any] = {
    "autoescape": True,
    "undefined": _Undefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
    "auto_reload": False,  # a project's templates/ that changes gets a new environment (`templates_for`)
    "cache_size": -1,
}

FILTERS: dict[str, Callable[..., object]] = {
    "nonblank": _nonblank,
    "md_escape": _md_escape,
    "yaml_string": _yaml_string,
    "size": _size,
    "json": _json_attribute,
}


@dataclass(frozen=True)
class TemplateInfo:
    """A template of the package: its name and what it renders."""

    name: str
    description: str


_DESCRIPTION = re.compile(r"\A\{#-?\s*(?:[\w./-]+:\s*)?(.*?)(?:\n|-?#\})", re.DOTALL)


def package_templates() -> list[TemplateInfo]:
    """Every template partnerkit ships, with the first line of its leading comment."""
    infos = []
    for name in _package_names():
        match = _DESCRIPTION.match(package_source(name))
        infos.append(TemplateInfo(name, match.group(1).strip().rstrip(".") if match else ""))
    return infos


@lru_cache(maxsize=1)
def _package_names() -> tuple[str, ...]:
    """Names of the package's templates: pages, then fragments, each in name order."""
    root = resources.files(PACKAGE) / PACKAGE_FOLDER

    def walk(folder: Any, prefix: str) -> Iterator[str]:
        for entry in folder.iterdir():
            if entry.is_dir():
                yield from walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(SUFFIXES):
                yield prefix + entry.name

    return tuple(sorted(walk(root, ""), key=lambda name: (name.count("/"), name)))


def package_source(name: str) -> str:
    """The text of a package template (KeyError when there is none of that name)."""
    if name not in _package_names():
        raise KeyError(name)
    path = resources.files(PACKAGE) / PACKAGE_FOLDER
    for part in name.split("/"):
        path = path / part
    return path.read_text(encoding="utf-8")


class _PackageBytecode(FileSystemBytecodeCache):
    """The package's templates, compiled once per machine, not once per run.

    Jinja's own cache of compiled templates, in its default folder (a folder of the
    user's own in the system's temporary folder): an entry is used only for the same
    source, the same partnerkit and Jinja settings, and the same Jinja and Python. A
    project's own templates are never kept (they are compiled once per run), and a cache
    that cannot be written only means compiling again.
    """

    def __init__(self, settings: str) -> None:
        super().__init__()
        self.folder = Path(str(resources.files(PACKAGE) / PACKAGE_FOLDER)).resolve()
        self.settings = settings

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{self.settings}|{name}", filename)

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        if filename is None or not Path(filename).resolve().is_relative_to(self.folder):
            return Bucket(environment, "", "")  # a project's template: compiled, not kept
        return super().get_bucket(environment, name, filename, source)

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key:
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.key:
            with suppress(OSError):  # read-only: compiled again next time
                super().dump_bytecode(bucket)


def suggest(name: str, names: list[str]) -> str:
    """' (did you mean 'x'?)', or '' when nothing is close."""
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Templates:
    """The templates of one project (or of the package alone, without a project)."""

    def __init__(self, project: Path | None) -> None:
        self.project = project
        folder = project / PROJECT_FOLDER if project is not None else None
        self.folder = folder if folder is not None and folder.is_dir() else None
        loaders: list[Any] = [FileSystemLoader(self.folder)] if self.folder is not None else []
        loaders.append(PackageLoader(PACKAGE, PACKAGE_FOLDER))
        self.environment = Environment(loader=ChoiceLoader(loaders), bytecode_cache=_bytecode(), **SETTINGS)
        self.environment.context_class = _Context
        self.environment.filters.update(FILTERS)
        self.environment.globals["urls"] = urls  # where the site's pages are, e.g. urls.DOWNLOADS

    def overrides(self) -> list[str]:
        """Names of the templates the project's folder holds."""
        if self.folder is None:
            return []
        return sorted(p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*")
                      if p.is_file() and p.name.endswith(SUFFIXES))

    def check(self) -> None:
        """Compile every template the project overrides: all syntax errors at once."""
        issues: list[Issue] = []
        for name in self.overrides():
            try:
                self.environment.get_template(name)
            except TemplateSyntaxError as exc:
                issue = self._issue(exc)
                if issue is None:  # an error in a package template the override includes: a bug
                    raise
                issues.append(issue)
        if issues:
            raise TemplateFailure(issues)

    def render(self, name: str, values: Mapping[str, object]) -> str:
        """The template `name` rendered with `values`."""
        try:
            return self.environment.get_template(name).render(values)
        except Exception as exc:
            self._fail(exc, values)

    def macro(self, name: str, macro: str) -> Callable[..., Markup]:
        """The macro `macro` of template `name`, callable from Python."""

        def call(*args: object, **kwargs: object) -> Markup:
            module = self.environment.get_template(name).module
            if not hasattr(module, macro):
                self._fail(_NoMacro(f"the template '{name}' (called by partnerkit's renderer) does not export "
                                    f"the requested name '{macro}'"), {})
            try:
                try:
                    return Markup(getattr(module, macro)(*args, **kwargs))
                except Exception:
                    self.environment.handle_exception()  # re-raised at the template's lines
            except Exception as exc:
                self._fail(exc, {})

        return call

    def _fail(self, exc: BaseException, values: Mapping[str, object]) -> NoReturn:
        """Raise `exc` as a TemplateFailure when a project template is to blame; else as it is."""
        if self.folder is not None and not isinstance(exc, TemplateFailure):
            issue = self._issue(exc, values)
            if issue is not None:
                raise TemplateFailure([issue]) from None
        raise exc

    def _in_project(self, filename: str | None) -> bool:
        if self.folder is None or not filename:
            return False
        return Path(filename).resolve().is_relative_to(self.folder.resolve())

    def _where(self, exc: BaseException) -> tuple[str, int] | None:
        """The innermost project template in the traceback, and its line (for a fragment that
        lacks a macro partnerkit's templates import, its first line)."""
        if isinstance(exc, TemplateSyntaxError) and self._in_project(exc.filename):
            return exc.filename or "", exc.lineno
        lacking = _NOT_EXPORTED.search(str(exc)) if isinstance(exc, UndefinedError) else None
        if lacking is not None and self.folder is not None and lacking["template"] in self.overrides():
            return str(self.folder / lacking["template"]), 1
        found = None
        tb = exc.__traceback__
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if self._in_project(filename):
                found = (filename, tb.tb_lineno)
            tb = tb.tb_next
        return found

    def _issue(self, exc: BaseException, values: Mapping[str, object] | None = None) -> Issue | None:
        where = self._where(exc)
        if where is None or self.project is None or self.folder is None:
            return None
        filename, line = where
        path = Path(filename).resolve()
        file = path.relative_to(self.project.resolve()).as_posix()
        name = path.relative_to(self.folder.resolve()).as_posix()
        theirs = (f"partnerkit's {name} lists the names it receives in its first comment"
                  if name in _package_names() else "set the name in this template, or pass it to the macro")
        if isinstance(exc, TemplateSyntaxError):
            message, kind = exc.message or "syntax error", "syntax"
        elif (lacking := _NOT_EXPORTED.search(str(exc))) is not None:
            defined = [n for n in vars(self.environment.get_template(name).module) if not n.startswith("_")]
            message = (f"no macro '{lacking['name']}' here, which {lacking['importer'] or 'partnerkit'} imports"
                       + suggest(lacking["name"], defined))
            kind = "macro"
        elif isinstance(exc, UndefinedError):
            message, kind = (exc.message or "undefined name"), "undefined"
            if isinstance(exc, _UndefinedName) and exc.name is not None and exc.owner is not missing:
                message = f"{type(exc.owner).__name__} has no attribute '{exc.name}'"  # not its module's path
            message += self._did_you_mean(exc, values or {})
        elif isinstance(exc, TemplateNotFound):
            names = sorted({*self.overrides(), *_package_names()})
            message, kind = f"no template '{exc.name}'{suggest(str(exc.name), names)}", "missing"
        else:
            message, kind = f"{type(exc).__name__}: {exc}", "other"
        return Issue(file, line, 1, Severity.ERROR, message, hint=_HINTS[kind].format(file=file, theirs=theirs))

    def _did_you_mean(self, exc: UndefinedError, values: Mapping[str, object]) -> str:
        """Among the names the template has, or the attributes of the object it read from."""
        if not isinstance(exc, _UndefinedName) or exc.name is None:
            return ""
        if exc.owner is missing:
            names = [*values, *self.environment.globals]
        else:
            names = [n for n in dir(exc.owner) if not n.startswith("_")]
            if isinstance(exc.owner, Mapping):
                names += [str(k) for k in exc.owner]
        return suggest(exc.name, names)


@lru_cache(maxsize=1)
def _bytecode() -> _PackageBytecode | None:
    try:
        return _PackageBytecode(f"partnerkit {__version__} {sorted(SETTINGS.items())!r}")
    except (OSError, RuntimeError):  # no private temporary folder: compile every run
        return None


def _signature(project: Path | None) -> tuple[tuple[str, int, int], ...]:
    """What the project's templates are now (names, times, sizes): a new one means a new environment."""
    if project is None or not (project / PROJECT_FOLDER).is_dir():
        return ()
    folder = project / PROJECT_FOLDER
    return tuple(sorted((p.relative_to(folder).as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.rglob("*") if p.is_file()))


@lru_cache(maxsize=8)
def _templates(project: Path | None, signature: tuple[tuple[str, int, int], ...]) -> Templates:
    templates = Templates(project)
    templates.check()
    return templates


def templates_for(project: Path | None) -> Templates:
    """The templates of `project` (compiled once, and again only when its templates/ changes)."""
    resolved = project.resolve() if project is not None else None
    return _templates(resolved, _signature(resolved))
