"""What every page renderer receives: the content, the language, and link helpers.

`SiteContext.at(page)` binds the context to the page being written, so links are
relative to it and a renderer never computes a URL itself. Local images met while
rendering are collected in `images` (shared by every page of one build), so the site
publishes exactly the images its pages show.

What is HTML is typed so: `s`, `text`, `md`, `md_inline`, `link` and `abbr` return
`Markup` (escaped, or rendered through the one safe Markdown path), which templates print
as it is; `raw`, `plain`, `long_date`, `excerpt` and `title_of` return plain text, which templates
escape. The templates (`templates`) are the project's, compiled once per project.

Every text these methods give, the content's and the catalog's, is set in the language's
typography first (`generator.typography`: French spacing around `: ; ! ? « »`, as
`french_spacing` in site.yaml says), then escaped; Markdown gets it on its text, never on
its code, link targets or attributes. Numbers, sizes and dates are the language's
(`number`, `size`, `date`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup, escape

from generator.downloads import Download
from generator.messages import format_number, has, long_date, message
from generator.model.catalog import GlossaryTerm
from generator.model.content import Content
from generator.model.program import Program
from generator.model.provenance import SourcedText
from generator.model.quote import Quote
from generator.model.role import Role
from generator.model.text import LocalizedText
from generator.render.images import local_image, project_path
from generator.render.markup import parse_markdown, plain_segments
from generator.render.present import display_name, quote_by_characters
from generator.render.site import urls
from generator.render.site.excerpt import excerpt
from generator.render.site.html import Abbreviations, element_html, esc, paragraph_html
from generator.render.site.templating import Templates, templates_for
from generator.typography import typeset

IMAGE_DIR = "assets/images"
# A quote named in running text (a link, a card) is cut at a whole character count.
_SHORT_QUOTE = quote_by_characters(60)


@dataclass(frozen=True)
class SiteContext:
    """The content and settings shared by every page; `page` is the page being written."""

    content: Content
    lang: str
    directory_urls: bool = True
    downloads: tuple[Download, ...] = ()  # in the page's language
    page: str = urls.HOME
    abbreviations: Abbreviations = field(default_factory=lambda: Abbreviations({}))
    project: Path | None = None  # where local images are read from (None: images show their alt text)
    # Site path -> bytes of every local image the pages show (filled while rendering).
    images: dict[str, bytes] = field(default_factory=dict, compare=False, hash=False)
    # Display names by (kind, id), found once per build (links name the same entities on many pages).
    titles: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, hash=False)
    # The PDFs in the site's other languages, in the order of site.yaml (the downloads page lists them after).
    other_downloads: tuple[Download, ...] = ()
    # The page templates: the project's templates/ first, then the package's.
    templates: Templates = field(default_factory=lambda: templates_for(None), compare=False, hash=False)

    @classmethod
    def create(cls, content: Content, lang: str, *, directory_urls: bool = True,
               downloads: list[Download] | None = None,
               project: Path | None = None) -> SiteContext:
        """A context with the glossary's abbreviations ready."""
        default = content.default_language
        expansions: dict[str, str] = {}
        for term in content.all(GlossaryTerm).values():
            # An abbreviation exists only in the languages it is given in.
            if term.abbreviation is not None and term.abbreviation.get(lang, default):
                expansions[term.abbreviation.get(lang, default)] = term.term.get(lang, default)
        named: list[Role | Program] = [*content.all(Role).values(), *content.all(Program).values()]
        for entity in named:
            if entity.abbreviation is not None and entity.abbreviation.get(lang, default):
                expansions.setdefault(entity.abbreviation.get(lang, default), entity.name.get(lang, default))
        order = {code: n for n, code in enumerate(content.languages)}
        others = sorted((d for d in (downloads or []) if d.language != lang and d.language in order),
                        key=lambda d: order.get(d.language, len(order)))
        return cls(content, lang, directory_urls,
                   tuple(d for d in (downloads or []) if d.language == lang),
                   urls.HOME, Abbreviations(expansions), project, templates=templates_for(project),
                   other_downloads=tuple(others))

    def at(self, page: str) -> SiteContext:
        """This context, writing `page`."""
        return replace(self, page=page)

    # Text
    def typeset(self, text: str, continues: bool = False, *, lang: str | None = None) -> str:
        """Plain text in the page's typography (French spacing; any other language as it is), or
        in that of `lang` for words in another language (a quote as said). `continues`: the text
        follows other text on its line (see `generator.typography`)."""
        return typeset(text, lang or self.lang, self.content.site.french_spacing, continues=continues)

    def s(self, key: str, **values: object) -> Markup:
        """A UI string, escaped for HTML."""
        return escape(self.raw(key, **values))

    def raw(self, key: str, **values: object) -> str:
        """A UI string, unescaped (for Markdown headings use md_escape)."""
        return self.typeset(message(self.lang, key, self.content.messages, **values))

    def label(self, key: str, **values: object) -> Markup:
        """A UI string as the label of what follows it, "Licence:" ("Licence :" in French), escaped."""
        return self.s("label_colon", label=message(self.lang, key, self.content.messages, **values))

    def punct(self, mark: str) -> Markup:
        """Punctuation written after a text, such as the separator "; " between items, in the page's
        typography (in French as `french_spacing` says: "; " or " ; "), escaped."""
        return escape(self.typeset(mark, continues=True))

    def long_date(self, moment: date) -> str:
        """A day as the page's language writes it ('17 May 2027', '17 mai 2027'), unescaped."""
        return long_date(moment, self.lang, self.content.messages)

    def plain(self, text: LocalizedText | None) -> str:
        """A localized value as plain text (unescaped)."""
        return self.typeset(self.source(text))

    def source(self, text: LocalizedText | None) -> str:
        """A localized value as written, before typography: the source of a Markdown value."""
        return "" if text is None else text.get(self.lang, self.content.default_language)

    def text(self, text: LocalizedText | None) -> Markup:
        """A localized value, escaped, abbreviations marked up."""
        return self.abbr(self.plain(text))

    def abbr(self, text: str) -> Markup:
        """Plain text, escaped, abbreviations marked up."""
        return self.abbreviations.html(self.typeset(text))

    def md(self, text: LocalizedText | SourcedText | None, heading_base: int = 3) -> Markup:
        """A Markdown value (or a text with its own source) rendered to HTML, block level."""
        if text is None:
            return Markup("")
        if isinstance(text, SourcedText):
            text = text.text
        source = self.source(text)
        segments = plain_segments(source)
        if segments is not None:  # one line of text and references: the same HTML, without the parse
            return Markup(paragraph_html(segments, self._resolve, self.abbreviations, self.typeset))
        return Markup(element_html(parse_markdown(source), self._resolve, self.abbreviations,
                                   heading_base, embed=self._embed, image=self._image, typeset=self.typeset))

    def md_inline(self, text: LocalizedText | SourcedText | None) -> Markup:
        """A short Markdown value rendered without its paragraph wrapper."""
        html = self.md(text)
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            return html[3:-4]
        return html

    def excerpt(self, text: LocalizedText | None) -> str:
        """The start of a Markdown value as plain text for a card: whole sentences, references
        read as their labels (unescaped)."""
        if text is None:
            return ""
        return self.typeset(excerpt(self.source(text),
                                    lambda kind, entity_id, label: self._resolve(kind, entity_id, label)[1]))

    # Numbers and dates
    def number(self, value: int | float) -> str:
        """A number as the page's language writes it: 1,234.5 in English, 1 234,5 in French."""
        return format_number(self.lang, value)

    def size(self, size_bytes: int) -> str:
        """A file's size in the page's language: '1.2 MB', '1,2 Mo'; '85 kB', '85 ko'."""
        if size_bytes >= 1_000_000:
            return self.raw("size_mb", n=format_number(self.lang, size_bytes / 1_000_000, decimals=1))
        return self.raw("size_kb", n=max(1, round(size_bytes / 1000)))

    def date(self, moment: date) -> str:
        """A date written out in the page's language: '17 May 2021', '17 mai 2021'."""
        return long_date(moment, self.lang, self.content.messages)

    # Links
    def href_page(self, src: str, anchor: str = "") -> str:
        """Relative link to a page of the site."""
        return urls.href(self.page, src, anchor, self.directory_urls)

    def href_static(self, path: str) -> str:
        """Relative link to a file of the site, e.g. 'downloads/en/pack.pdf'."""
        return urls.href_static(self.page, path, self.directory_urls)

    def href(self, kind: str, entity_id: str) -> str | None:
        """Relative link to where an entity is shown, or None when the site has no place for it."""
        where = urls.target(kind, entity_id)
        if where is None:
            return None
        return urls.href(self.page, where[0], where[1], self.directory_urls)

    def title_of(self, kind: str, entity_id: str) -> str:
        """Plain display name of any entity (title, name, term, short quote)."""
        key = (kind, entity_id)
        title = self.titles.get(key)
        if title is None:
            title = self.titles[key] = self._title_of(kind, entity_id)
        return title

    def _title_of(self, kind: str, entity_id: str) -> str:
        return self.typeset(display_name(self.content, self.lang, kind, entity_id, no_date=self.raw("no_date"),
                                         shorten_quote=_SHORT_QUOTE, quoted=self._quoted))

    def _quoted(self, words: str) -> str:
        # Quotation marks of the page's language around a quote's words ("…", « … »).
        return message(self.lang, "quoted", self.content.messages, words=words)

    def language_name(self, code: str) -> str:
        """A language's name in the page's language ('English', 'anglais'); else its code."""
        return self.raw(f"lang_{code}") if has(f"lang_{code}") else code

    def link(self, kind: str, entity_id: str, label: str | None = None) -> Markup:
        """An <a> to an entity (a <span> when the site has no place for it)."""
        text = self.abbr(label if label is not None else self.title_of(kind, entity_id))
        target = self.href(kind, entity_id)
        if target is None:
            return Markup(f'<span class="pk-ref">{text}</span>')
        return Markup(f'<a href="{esc(target)}" class="pk-ref pk-ref--{esc(kind)}">{text}</a>')

    def _embed(self, kind: str, entity_id: str) -> str | None:
        # A quote cited on its own line is shown whole, attributed, where it is cited.
        if kind != "quote" or entity_id not in self.content.all(Quote):
            return None
        return self.templates.macro("fragments/quote.html", "quote_figure")(self, self.content.all(Quote)[entity_id])

    def _image(self, src: str) -> str | None:
        # Published under assets/images/ by its path in the project, as print finds it.
        path = local_image(self.project, src)
        if path is None or self.project is None:
            return None
        site_path = f"{IMAGE_DIR}/{project_path(self.project, path)}"
        if site_path not in self.images:
            self.images[site_path] = path.read_bytes()
        return quote(self.href_static(site_path))

    def _resolve(self, kind: str, entity_id: str, label: str | None) -> tuple[str | None, str]:
        return self.href(kind, entity_id), self.typeset(label) if label else self.title_of(kind, entity_id)

    # Downloads
    def downloads_of(self, kind: str, entity_id: str) -> list[Download]:
        """Printable files that contain the entity (or print it)."""
        key = f"{kind}:{entity_id}"
        return [d for d in self.downloads
                if (d.source_kind == kind and d.source_id == entity_id) or key in d.contains]
