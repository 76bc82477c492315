"""The search index: an entity is found by its label, its alternative labels and every form the rows write it in."""

from __future__ import annotations

from graph.web.search import Entry, SearchIndex


def test_an_entity_is_found_by_the_forms_the_rows_write_and_its_alternative_labels(embedded):
    index = SearchIndex.load(embedded)
    # a case form only a row writes ("…области"), not the label
    (first, *_) = index.search("Могилевской")
    assert (first.entry.label, first.name) == ("Могилевская область", "Могилевской области")
    # a state's other name, its alternative label (skos:altLabel)
    (state,) = index.search("Кыргызстан")
    assert state.entry.label == "Киргизия" and state.name == "Кыргызстан"
    assert state.entry.page == "/country/KG"


def test_an_entry_says_its_side():
    """Smolensk's side over its state; a foreign state's partner; a body of several states (or its official) where
    no state is given; and one of no state, not taken for Russian."""
    def side(smolensk: bool, country: str | None, interstate: bool = False) -> str:
        return Entry("https://example.org/x", "/org/x", "X", "org", smolensk, country, None, 1, interstate).side
    assert side(True, "RU") == "Смоленская сторона"
    assert side(False, "RU") == "Российская сторона"
    assert side(False, "BY") == side(False, "BY", True) == "Зарубежный партнёр"
    assert side(False, None, True) == "Орган нескольких государств"
    assert side(False, None) == "Государство не указано"
