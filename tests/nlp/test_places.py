"""The gazetteer: every state, the regions of Russia and Belarus, settlements with ids and coordinates."""

from __future__ import annotations

from collections import Counter

import pytest

from nlp.places import load_gazetteer
from nlp.resources import lexicon


@pytest.fixture(scope="module")
def rows():
    return lexicon("places")


def test_every_state_and_region_is_there(rows):
    kinds = Counter((row[2], row[3]) for row in rows if row[2] in ("country", "region"))
    assert sum(n for (kind, _), n in kinds.items() if kind == "country") >= 190
    assert sum(row[7].startswith("iso3166-2:RU-") for row in rows) >= 83  # with Moscow and St Petersburg
    assert kinds[("region", "BY")] == 6


@pytest.mark.parametrize(("name", "kind", "country", "smolensk"), [
    ("Смоленская область", "region", "RU", True),
    ("Витебская область", "region", "BY", False),
    ("Липецкая область", "region", "RU", False),
    ("Гагарин", "city", "RU", True),
    ("Орша", "city", "BY", False),
    ("Беларусь", "country", "BY", False),
])
def test_lookup(name, kind, country, smolensk):
    place = load_gazetteer().lookup(name)
    assert (place.kind, place.country, place.smolensk) == (kind, country, smolensk)


def test_settlements_have_ids_and_coordinates():
    vitebsk = load_gazetteer().lookup("Витебск")
    assert vitebsk.geonames and vitebsk.latitude == pytest.approx(55.19, abs=0.1)
    assert load_gazetteer().lookup("Смоленская область").ref == "iso3166-2:RU-SMO"


def test_regions_of_russia_and_belarus_have_coordinates_inside_them(rows):
    regions = [row for row in rows if row[7].startswith(("iso3166-2:RU-", "iso3166-2:BY-"))]
    assert regions and all(row[5] and row[6] for row in regions)
    smolensk = load_gazetteer().lookup("Смоленская область")  # the oblast spans 53.0–56.0 N, 30.7–35.4 E
    assert 53.0 < smolensk.latitude < 56.0 and 30.7 < smolensk.longitude < 35.4
    mogilev = load_gazetteer().lookup("Могилевская область")
    assert 52.5 < mogilev.latitude < 54.6 and 28.0 < mogilev.longitude < 32.8


def test_guidelines_override_the_data():
    assert load_gazetteer().lookup("Севастополь").country == "RU"
