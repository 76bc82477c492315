"""The checksum of what makes a report's graph (graph.rdf.version): it follows the files' contents and the
packages' versions, wherever the files lie."""

from __future__ import annotations

import shutil

from graph.rdf.version import checksum_of, code_checksum


def _tree(root):
    (root / "lexicon").mkdir(parents=True)
    (root / "rules.py").write_text("PATTERN = 'ОАО'\n", encoding="utf-8")
    (root / "lexicon" / "places.tsv").write_text("Минск\tBY\n", encoding="utf-8")
    return root


def test_the_checksum_follows_the_files_not_where_they_lie(tmp_path):
    code = _tree(tmp_path / "a" / "nlp")
    first = checksum_of([code], [])
    installed = tmp_path / "site-packages" / "nlp"
    shutil.copytree(code, installed)
    assert checksum_of([installed], []) == first  # a checkout and an installed copy of the same files
    (code / "__pycache__").mkdir()
    (code / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\x00compiled")
    assert checksum_of([code], []) == first  # byte-code caches come and go with no change of code
    (code / "lexicon" / "places.tsv").write_text("Минск\tBY\nБрест\tBY\n", encoding="utf-8")
    assert checksum_of([code], []) != first  # a word list changed
    (code / "lexicon" / "places.tsv").write_text("Минск\tBY\n", encoding="utf-8")
    assert checksum_of([code], []) == first
    (code / "lexicon" / "places.tsv").rename(code / "places.tsv")
    assert checksum_of([code], []) != first  # the same bytes, another file


def test_the_checksum_follows_the_packages_versions(tmp_path):
    code = _tree(tmp_path / "nlp")
    assert checksum_of([code], ["natasha"]) != checksum_of([code], [])
    assert checksum_of([code], ["no-such-package-here"]) != checksum_of([code], ["natasha"])


def test_this_installation_has_one_checksum():
    assert code_checksum() == code_checksum.__wrapped__()  # worked out again from the files: the same
    assert len(code_checksum()) == 16
