"""What renderers share while writing one PDF's Typst source: language, anchors, figures.

A PDF's source is written twice (see `jobs.render_twice`): the first pass learns which
entities the PDF prints (each gets a label where it is printed first), the second
writes every inline reference to one of them as a cross-reference with its page
number, and every other reference as emphasised text. Texts read through `t` are traced
(see `sourcemap`) when the context has the content's field index.

Every text the context gives (`t`, `w`, `name_of`, a reference's label) is set in the PDF
language's typography (`generator.typography`: French spacing around `: ; ! ? « »`, as
`french_spacing` in site.yaml says), before `typst_code` writes it as a string literal. A
Markdown value is read through `source` instead, as written: the Markdown writer sets its
text, never its code or link targets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.messages import message
from generator.model.content import Content
from generator.model.provenance import SourcedText
from generator.model.quote import Quote
from generator.model.text import LocalizedText
from generator.render.images import local_image, project_path
from generator.render.present import display_name, quote_by_words
from generator.render.print.sourcemap import PART, Traced, opening_of
from generator.render.print.typst_code import Code, call, text
from generator.typography import typeset

# A quote named in print is cut after a few words: it sits in narrow columns and cross-references.
_SHORT_QUOTE = quote_by_words(9)


@dataclass
class RenderContext:
    """State of one PDF being written."""

    content: Content
    lang: str
    targets: frozenset[str] = frozenset()  # "kind:id" printed in this PDF (from the first pass)
    placed: dict[str, None] = field(default_factory=dict)  # "kind:id" given a label so far
    figures: dict[str, bytes] = field(default_factory=dict)  # file name in the compile root -> bytes
    project: Path | None = None  # where local images and the logo are read from (None: not printed)
    # Where each text of the content is (by object identity), to trace what is printed from
    # it; empty when not tracing (see `sourcemap`).
    fields: Mapping[int, str] = field(default_factory=dict)

    def t(self, value: LocalizedText | SourcedText | None) -> str:
        """Localized text in this PDF's language (falling back to the default language) and its
        typography; a text with its own source gives its text."""
        return self.typeset(self.source(value))

    def source(self, value: LocalizedText | SourcedText | None) -> str:
        """A localized value as written, before typography: the source of a Markdown value."""
        if value is None:
            return ""
        if isinstance(value, SourcedText):
            value = value.text
        chosen = value.get(self.lang, self.content.default_language)
        return self.trace(value, chosen) if self.fields else chosen

    def typeset(self, text: str, continues: bool = False, *, lang: str | None = None) -> str:
        """Plain text in this PDF's typography (French spacing; any other language as it is), or
        in that of `lang` for words in another language; a traced text stays traced.
        `continues`: it follows other text on its line."""
        done = typeset(text, lang or self.lang, self.content.site.french_spacing, continues=continues)
        if done == text:
            return text
        opening = opening_of(text)
        return done if opening is None else Traced(done, opening)

    def trace(self, value: LocalizedText, chosen: str) -> str:
        """`chosen`, one of the texts of `value`, knowing the field (and language) it is from."""
        opening = self.fields.get(id(value))
        if opening is None:
            return chosen
        key = next((k for k, v in value.root.items() if v is chosen), None) if isinstance(value.root, dict) else None
        return Traced(chosen, f"{opening}{PART}{key}" if key else opening)

    def w(self, key: str, **values: object) -> str:
        """One of the generator's own words in this language and its typography."""
        return self.typeset(message(self.lang, key, self.content.messages, **values))

    def label(self, key: str, **values: object) -> str:
        """One of the generator's words as the label of what follows it: "Level:" ("Niveau :")."""
        return self.w("label_colon", label=message(self.lang, key, self.content.messages, **values))

    def anchor(self, kind: str, entity_id: str) -> str | None:
        """The label for the entity's first printing here; None when it is already placed."""
        key = f"{kind}:{entity_id}"
        if key in self.placed:
            return None
        self.placed[key] = None
        return label_name(kind, entity_id)

    def ref(self, kind: str, entity_id: str, label: str | None) -> Code:
        """An inline reference: a cross-reference with page when printed here, else emphasis."""
        body = text(self.typeset(label) if label else self.name_of(kind, entity_id))
        if kind == "quote" and not label and self.content.all(Quote)[entity_id].language != self.lang:
            body = call("text", body, lang=self.content.all(Quote)[entity_id].language)  # the words as said
        if f"{kind}:{entity_id}" in self.targets:
            return call("pk-xref", label_name(kind, entity_id), body, self.w("page_word"))
        return call("emph", body)

    def name_of(self, kind: str, entity_id: str) -> str:
        """A readable name of any entity (its title, name or term), as the site names it."""
        return self.typeset(display_name(self.content, self.lang, kind, entity_id, no_date=self.w("no_date"),
                                         shorten_quote=_SHORT_QUOTE, localize=self.source, quoted=self._quoted))

    def _quoted(self, words: str) -> str:
        # Quotation marks of this PDF's language around a quote's words ("…", « … »).
        return message(self.lang, "quoted", self.content.messages, words=words)

    def add_figure(self, stem: str, svg: str) -> str:
        """Store an SVG in the compile root; returns its path for `image()`."""
        name = f"figures/{re.sub(r'[^a-z0-9-]+', '-', stem)}.svg"
        self.figures[name] = svg.encode("utf-8")
        return name


    def add_asset(self, src: str) -> str | None:
        """Copy a local image of the project into the compile root; None when it cannot be used
        (the rule of `generator.render.images`, shared with the site)."""
        if self.project is None:
            return None
        path = local_image(self.project, src)
        if path is None:
            return None
        name = f"assets/{re.sub(r'[^A-Za-z0-9.-]+', '-', project_path(self.project, path))}"
        self.figures[name] = path.read_bytes()
        return name


def label_name(kind: str, entity_id: str) -> str:
    """The Typst label of an entity's printing: ids are kebab-case, so this is safe."""
    return f"pk-{kind}-{entity_id}"
