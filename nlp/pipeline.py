"""The extraction stage: from a Report to the event records of the export schema."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from nlp.countries import fold
from nlp.extract import Models, extract_doc, load_models
from nlp.records import FIELDS, Entity, EntityType, Event, Mention, Report

__all__ = ["Models", "event_records", "load_models", "event_entities"]


def mention_key(mention: Mention) -> tuple[str, ...]:
    """What makes two mentions of one event the same entity."""
    if mention.type is EntityType.PER:
        surname = re.findall(r"[А-ЯЁA-Zа-яёa-z-]{2,}", mention.normal)
        initial = re.match(r"([А-ЯЁA-Z])\.", mention.normal)
        return ("PER", fold(surname[-1]) if surname else fold(mention.normal), initial.group(1) if initial else "")
    if mention.type is EntityType.LOC and mention.kind == "country" and mention.country:
        return ("LOC", "country", mention.country)
    return (mention.type.value, fold(mention.normal.replace("«", '"').replace("»", '"')))


def provisional_id(mention: Mention) -> str:
    return ":".join(mention_key(mention)).lower()


def event_entities(mentions: list[Mention]) -> list[Entity]:
    """One entity per distinct thing the event's mentions name, in order of first mention."""
    entities: dict[tuple[str, ...], Entity] = {}
    for mention in mentions:
        key = mention_key(mention)
        roles = (mention.role,) if mention.role else ()
        known = entities.get(key)
        if known is None:
            entities[key] = Entity(id=provisional_id(mention), type=mention.type, name=mention.normal,
                                   country=mention.country, smolensk=mention.smolensk, kind=mention.kind,
                                   roles=roles, mentions=(mention,))
        else:
            merged_roles = known.roles + tuple(r for r in roles if fold(r) not in map(fold, known.roles))
            entities[key] = Entity(known.id, known.type, known.name, known.country or mention.country,
                                   known.smolensk or mention.smolensk, known.kind, merged_roles,
                                   known.mentions + (mention,))
    return list(entities.values())


def event_mentions(event: Event, models: Models) -> tuple[list[Mention], set[str]]:
    """Mentions in every cell of the row, and the states named by adjective ("белорусских")."""
    mentions: list[Mention] = []
    adjectives: set[str] = set()
    for field, cell in zip(FIELDS, event.cells, strict=True):
        if not cell.text:
            continue
        doc = models.nlp(cell.text)
        for mention in extract_doc(doc, cell.text, models):
            if mention.within != "role":  # positions add no place (GUIDELINES: what counts as an entity)
                mentions.append(replace(mention, field=field))
        for token in doc:
            code = models.countries.adjective_code(token.text) if token.pos_ in ("ADJ", "PROPN", "NOUN") else None
            if code:
                adjectives.add(code)
    return mentions, adjectives


def event_countries(entities: list[Entity], adjectives: set[str]) -> list[str]:
    """Foreign states taking part: from the entities' states and adjectives; never Russia."""
    codes = {e.country for e in entities if e.country} | adjectives
    return sorted(code for code in codes if code != "RU")


def event_records(report: Report, models: Models | None) -> Iterator[dict[str, Any]]:
    """One export record per event of the report (SCHEMA.md), with entities and countries."""
    for event in report.events:
        record = event.to_dict()
        if models is None:
            record["countries"], record["entities"] = [], []
        else:
            mentions, adjectives = event_mentions(event, models)
            entities = event_entities(mentions)
            record["countries"] = event_countries(entities, adjectives)
            record["entities"] = [entity.to_dict() for entity in entities]
        yield record
