"""Short citations: people by family name, organizations whole, the same helper for site and print."""

from __future__ import annotations

import pytest

from generator.model.catalog import Reference
from generator.render.citation import citation, citation_in_parentheses, cited_name, is_organization


def _ref(authors: list[str], year: int | None = 2017) -> Reference:
    return Reference(id="r", type="report", authors=authors, title="A title", year=year)


@pytest.mark.parametrize(("author", "organization", "cited"), [
    ("Clavel N", False, "Clavel"),
    ("Pomey M-P", False, "Pomey"),
    ("Macaulay AC", False, "Macaulay"),
    ("L'Espérance A", False, "L'Espérance"),
    ("van der Berg J", False, "van der Berg"),
    ("Tremblay J.-F.", False, "Tremblay"),
    ("Côté É", False, "Côté"),
    ("Health Quality Ontario", True, "Health Quality Ontario"),
    ("NHS England", True, "NHS England"),
    ("Agency for Healthcare Research and Quality (AHRQ)", True,
     "Agency for Healthcare Research and Quality (AHRQ)"),
    ("Université de Montréal, Direction collaboration et partenariat patient", True,
     "Université de Montréal, Direction collaboration et partenariat patient"),
    ("UNESCO", True, "UNESCO"),
])
def test_people_are_cited_by_family_name_and_organizations_whole(author: str, organization: bool,
                                                                  cited: str) -> None:
    assert is_organization(author) is organization
    assert cited_name(author) == cited


def test_citation_forms() -> None:
    assert citation(_ref(["Health Quality Ontario"]), "n.d.") == "Health Quality Ontario (2017)"
    assert citation(_ref(["Clavel N", "Pomey M-P", "Ghadiri DP"], 2019), "n.d.") == "Clavel et al. (2019)"
    assert citation(_ref(["Clavel N", "Pomey M-P"], 2019), "n.d.") == "Clavel et al. (2019)"
    assert citation(_ref(["Pomey M-P", "et al."], 2015), "n.d.") == "Pomey et al. (2015)"
    assert citation(_ref(["Healthcare Excellence Canada"], None), "s. d.") == "Healthcare Excellence Canada (s. d.)"
    assert citation(_ref([], None), "n.d.") == "A title (n.d.)"
    assert citation_in_parentheses(_ref(["Clavel N", "Pomey M-P"], 2019), "n.d.") == "Clavel et al., 2019"
