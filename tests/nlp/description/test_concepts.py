"""Concepts by the ontology's trigger stems: one pattern per concept finds what a search per stem finds."""

from __future__ import annotations

import re

import pytest

from nlp.description.concepts import organisation_kind_of, scheme
from nlp.reading.report import read_report


def _first_by_stems(name: str, text: str) -> str | None:
    """The first concept one of whose stems starts a word of the text, stem by stem (the reference)."""
    lowered = text.lower().replace("ё", "е")
    for concept, stems in scheme(name).concepts:
        if any(re.search(rf"(?<![а-яa-z]){re.escape(stem)}", lowered) for stem in stems):
            return concept
    return None


@pytest.mark.parametrize("name", ["Spheres", "EventTypes", "OrganisationKinds"])
def test_a_scheme_s_patterns_find_the_concept_its_stems_find(name, sample_paths):
    texts = [cell.text for path in sample_paths.values() for event in read_report(path).events for cell in event.cells]
    texts += [stem for _, stems in scheme(name).concepts for stem in stems]  # each stem on its own
    texts += ["пред" + stem for _, stems in scheme(name).concepts for stem in stems]  # inside a word: no match
    found = [scheme(name).first_match(text) for text in texts]
    assert found == [_first_by_stems(name, text) for text in texts]
    assert len({concept for concept in found if concept}) > 2


@pytest.mark.parametrize(("title", "event_type"), [
    ("Подписание соглашения о сотрудничестве между Правительством Смоленской области и Минским облисполкомом",
     "type-agreement"),
    ("Заключение соглашения о побратимстве", "type-agreement"),
    # what else the title names first goes first; carrying an agreement out is no signing
    ("Визит делегации и подписание соглашения", "type-visit"),
    ("Реализация соглашения о сотрудничестве", "type-other"),
])
def test_an_event_that_signs_an_agreement_is_of_its_type(title, event_type):
    from nlp.description.concepts import event_type_of

    assert event_type_of(title) == event_type


@pytest.mark.parametrize("name", [
    "Совет руководителей субъектов Российской Федерации и областей Республики Беларусь",
    "Форум регионов России и Беларуси",
    "Парламентское Собрание Союза Беларуси и России",
])
def test_a_body_of_russia_and_belarus_together_is_interstate(name):
    assert organisation_kind_of(name) == "org-international"
