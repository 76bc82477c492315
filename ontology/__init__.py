"""The ontology's files, and the namespace our entities' IRIs are minted in."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

HERE = Path(str(resources.files("ontology")))
SUMMARIES_PROFILES = HERE / "summaries-profiles.ru"  # the SPARQL Update every build runs after writing: profiles
SUMMARIES_PARTNERS = HERE / "summaries-partners.ru"  # run after it: each profile's class and point
SUMMARIES = HERE / "summaries.ru"  # the other summaries, which read no profile
SUMMARIES_FORGET = HERE / "summaries-forget.ru"  # what a build of a few reports removes before it
ONTOLOGY = HERE / "ties.ttl"
# The ontology's terms (classes, properties, SKOS concepts) are in this namespace.
ONTOLOGY_BASE = "https://w3id.org/smolensk-ties/ontology#"
# Entities (persons, organisations, places, events) are minted under this base (nlp.resolution.resolve).
ENTITY_BASE = "https://w3id.org/smolensk-ties/id/"
