"""Page templates: one Jinja environment per project, the project's `templates/` first.

Every generated page, and every HTML deck, is rendered by a template of
`generator/render/site/templates/` (`practice.md`, `home.md`, `deck.html`, ...), which
includes shared fragments (`fragments/section.md`, `fragments/quote.html`, ...). A
project overrides any of them by putting a file of the same name in its own `templates/`
folder, as Material sites override partials through `custom_dir`.

Text stays text: autoescape is on for every template, Markdown values arrive already
rendered through the one safe path (`SiteContext.md`) as `Markup`, and an undefined name
is an error, never an empty string. A project template that breaks raises
`TemplateFailure`, located at its file and line like a content error
(`template_failures.py`); a broken package template is a bug and raises as it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
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
    TemplateSyntaxError,
    pass_context,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context, Macro
from jinja2.utils import internalcode
from markupsafe import Markup, escape

from generator import __version__
from generator.issues import Issue
from generator.render.site import urls
from generator.render.site.html import esc, md_escape
from generator.render.site.template_failures import NoMacro, TemplateFailure, Undefined, failure_issue

PACKAGE = "generator.render.site"
PACKAGE_FOLDER = "templates"
PROJECT_FOLDER = "templates"  # beside content/
SUFFIXES = (".md", ".html")

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


def _nonblank(value: object) -> Markup:
    """HTML without its blank lines (a blank line would end a Markdown HTML block)."""
    return Markup("\n".join(line for line in str(escape(value)).split("\n") if line.strip()))


def _md_escape(value: object) -> Markup:
    """Plain text safe on a Markdown line (headings): HTML-escaped, Markdown syntax as entities."""
    return Markup(md_escape(str(value)))


def _yaml_string(value: object) -> Markup:
    """Plain text as a YAML string of the front matter (escaped for the HTML it ends up in)."""
    return Markup(json.dumps(esc(str(value)), ensure_ascii=False))


@pass_context
def _size(context: Context, n: int) -> str:
    """1 234 567 -> '1.2 MB' ('1,2 Mo' in French): `ctx.size`, for templates that use the filter."""
    ctx = context.get("ctx")
    if hasattr(ctx, "size"):
        return str(ctx.size(n))
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
    "undefined": Undefined,
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

# Tests templates may use beside Jinja's own: `d.file is pdf` (a deck's .pdfpc notes are not).
TESTS: dict[str, Callable[..., bool]] = {
    "pdf": lambda name: str(name).lower().endswith(".pdf"),
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
        self.environment.tests.update(TESTS)
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
                issue = failure_issue(exc, self.project, self.folder, self.environment, {}, _package_names()) \
                    if self.project is not None and self.folder is not None else None
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
                self._fail(NoMacro(f"the template '{name}' (called by partnerkit's renderer) does not export "
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
        if self.folder is not None and self.project is not None and not isinstance(exc, TemplateFailure):
            issue = failure_issue(exc, self.project, self.folder, self.environment, values, _package_names())
            if issue is not None:
                raise TemplateFailure([issue]) from None
        raise exc


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
