"""Material for MkDocs' own interface strings that partnerkit words, from the message catalog.

Material ships a French translation written for France; where Quebec usage (OQLF) differs —
« presse-papiers », « Modifier cette page », inclusive « Contributrices et contributeurs » —
the catalog's `theme_*` keys say it, and a project may reword any of them in
strings/<lang>.yaml. The override of Material's `partials/language.html` reads this mapping
before Material's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from generator.messages.catalog import Overrides, message

# Material's key -> the catalog key that words it.
MATERIAL_KEYS: Mapping[str, str] = MappingProxyType({
    "action.edit": "theme_edit_page",
    "clipboard.copy": "theme_copy",
    "clipboard.copied": "theme_copied",
    "blog.meta": "theme_metadata",
    "search.result.placeholder": "theme_search_prompt",
    "search.result.none": "theme_no_results",
    "source.file.contributors": "theme_contributors",
    "consent.manage": "theme_manage_consent",
    "select.language": "theme_choose_language",
    "blog.archive": "theme_archive",
})


def theme_strings(lang: str, overrides: Overrides) -> dict[str, str]:
    """Material key -> text in `lang`, for the theme's `partials/language.html`."""
    return {material: message(lang, key, overrides) for material, key in MATERIAL_KEYS.items()}
