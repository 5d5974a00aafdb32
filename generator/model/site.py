"""Site settings: organization, languages, colours, licence, contact."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from generator.model.base import Closed
from generator.model.text import Id, LanguageCode, LocalizedText
from generator.typography import DEFAULT_SPACING, Spacing


class Licence(Closed):
    """The licence the content is published under."""

    name: str = Field(description="Licence name, e.g. 'CC BY 4.0'.")
    url: str = Field(pattern=r"^https?://\S+$", description="Licence text.")


class Contact(Closed):
    """Who to contact about the content."""

    name: LocalizedText = Field(description="Office or person, e.g. 'Partnership office'.")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+$", description="Email address.")


class Colours(Closed):
    """Brand colours as hex codes."""

    primary: str = Field(default="#1f5f8b", pattern=r"^#[0-9a-fA-F]{6}$", description="Primary colour.")
    accent: str = Field(default="#b8420f", pattern=r"^#[0-9a-fA-F]{6}$", description="Accent colour.")


class Site(Closed):
    """content/site.yaml."""

    id: Id = Field(
        default="site",
        description="Stable id of the site, kept when its title changes: learners' progress is stored "
        "in their browser under 'partnerkit:<id>:training'. Give each site its own id when several "
        "are served from one web address.",
    )
    title: LocalizedText = Field(description="Site title.")
    description: LocalizedText = Field(description="One sentence for search engines and the home page.")
    organization: LocalizedText = Field(description="Organization publishing the site.")
    languages: list[LanguageCode] = Field(min_length=1, description="Languages, the default first.")
    logo: str | None = Field(default=None, description="Path of a logo (SVG or PNG), relative to the project.")
    colours: Colours = Field(default_factory=Colours, description="Brand colours.")
    licence: Licence = Field(description="Licence of the content.")
    contact: Contact = Field(description="Contact for questions about the content.")
    version: str = Field(default="1.0", description="Content version printed on document covers.")
    pdf_a: bool = Field(default=False, description="Also conform PDFs to PDF/A-2b for archiving.")
    # A4 by default: the ISO size most of the world prints on, and what earlier versions printed.
    paper: Literal["a4", "us-letter"] = Field(
        default="a4",
        description="Paper size of every PDF: 'a4' (default) or 'us-letter' (North America, Quebec included).",
    )
    french_spacing: Spacing = Field(
        default=DEFAULT_SPACING,
        description="Spaces around punctuation in French text, on the site and in print: 'quebec' "
        "(default, as the OQLF recommends: a no-break space before ':' and inside « », none before "
        "';', '!' and '?') or 'france' (the same, and a narrow no-break space before ';', '!' and '?').",
    )

    @model_validator(mode="after")
    def _languages_unique(self) -> Site:
        if len(set(self.languages)) != len(self.languages):
            raise ValueError("a language is listed twice in 'languages'")
        return self

    @property
    def default_language(self) -> str:
        """The first language listed."""
        return self.languages[0]
