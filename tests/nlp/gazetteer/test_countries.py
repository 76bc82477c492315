"""The country table: a state's names and the label the graph gives it."""

from __future__ import annotations

import re

from nlp.gazetteer.countries import load_countries, state_code, state_name
from nlp.resources import lexicon


def test_a_state_is_labelled_as_a_russian_reader_calls_it():
    """pycountry's Russian names include official forms that file a state under another letter and translations cut
    short; the graph labels those states by `state_labels.tsv`, and every label is a name of its own state."""
    labels = dict(lexicon("state_labels"))
    assert labels and all(state_name(code) == label and state_code(label) == code for code, label in labels.items())
    assert (state_name("US"), state_name("VE"), state_name("GB")) == ("США", "Венесуэла", "Великобритания")
    # their pycountry names still name them: a row writing «Соединенные Штаты Америки» is the USA's
    assert state_code("Соединенные Штаты Америки") == "US" and state_code("Боливарианская Республика Венесуэла") == "VE"


def test_no_state_s_label_is_a_translation_cut_short_or_spelt_in_lower_case():
    """A label of several words capitalises its nouns as Russian spelling does («Доминиканская Республика», not
    «…республика»; «Соединенные Штаты», never «…штаты»): a lowercase «республика» or «штаты» is pycountry's."""
    table = load_countries()
    wrong = {code: label for code, label in table.preferred.items()
             if re.search(r"\s(республика|штаты)\b", label)}
    assert not wrong, wrong


def test_every_state_s_label_names_that_state():
    """A label read back gives its own state: «Конго» alone is the Democratic Republic's in the rows, so the Republic
    of the Congo is labelled «Республика Конго»."""
    table = load_countries()
    wrong = {code: label for code, label in table.preferred.items() if table.code(label) != code}
    assert not wrong, wrong
    assert state_name("CG") == "Республика Конго" and state_code("Конго") == "CD"
