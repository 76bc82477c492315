"""Extraction: a row's cells -> mentions of organisations, officials and places, natasha's NER inside a spaCy
pipeline refined by rules and bounded by syntax, with canonical names in the nominative (`extract.extract`)."""
