"""The search index: an entity is found by its label, its alternative labels and every form the rows write it in."""

from __future__ import annotations

from graph.web.search import SearchIndex


def test_an_entity_is_found_by_the_forms_the_rows_write_and_its_alternative_labels(embedded):
    index = SearchIndex.load(embedded)
    # a case form only a row writes ("…области"), not the label
    (first, *_) = index.search("Могилевской")
    assert (first.entry.label, first.name) == ("Могилевская область", "Могилевской области")
    # a state's short name, its alternative label (skos:altLabel)
    (state,) = index.search("Молдова")
    assert state.entry.label == "Республика Молдова" and state.name == "Молдова"
    assert state.entry.page == "/country/MD"
