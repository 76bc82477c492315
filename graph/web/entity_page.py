"""The page of one entity: what it is, its roles over time, its events and the sentence each fact came from."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from razdel import sentenize
from rdflib.namespace import FOAF, ORG, SDO

from graph.query import internal_query
from graph.stores import Readable
from nlp import render_mentions
from nlp.records import EntityType, Mention

TYPES = {str(FOAF.Person): ("PER", "person"), str(ORG.Organization): ("ORG", "organisation"),
         str(SDO.Place): ("LOC", "place")}


def _value(row: dict, name: str) -> str:
    term = row.get(name)
    return term["value"] if term else ""


def _sentence(text: str, start: int, stop: int) -> tuple[str, int]:
    """The sentence of `text` holding [start, stop), and its offset."""
    for sentence in sentenize(text):
        if sentence.start <= start < sentence.stop:
            return text[sentence.start:max(sentence.stop, stop)], sentence.start
    return text, 0


def entity_html(store: Readable, iri: str) -> str | None:
    """The entity page as HTML (every value escaped), or None if the store knows nothing of `iri`."""
    about = store.results(internal_query("entity-about").bind({"entity": iri}), 1000).rows
    if not about:
        return None
    label = _value(about[0], "label")
    kinds = {_value(r, "type") for r in about}
    kind = next((TYPES[t] for t in kinds if t in TYPES), ("LOC", "entity"))
    country = next((_value(r, "country") for r in about if _value(r, "country")), "")
    events = store.results(internal_query("entity-events").bind({"entity": iri}), 5000).rows
    parts = [f"<h1>{escape(label)}</h1>",
             f"<p class='meta'>{escape(kind[1])}" + (f" · {escape(country)}" if country else "") +
             f" · <code>{escape(iri)}</code></p>"]
    roles = sorted({(_value(r, "start") or _value(r, "period"), _value(r, "stated")) for r in events
                    if _value(r, "stated")})
    if roles:
        parts.append("<h2>Roles over time</h2><ul class='roles'>")
        parts += [f"<li><time>{escape(when)}</time> {escape(role)}</li>" for when, role in roles]
        parts.append("</ul>")
    parts.append(f"<h2>Events ({len({_value(r, 'event') for r in events})})</h2><ol class='events'>")
    seen: set[str] = set()
    for row in events:
        event = _value(row, "event")
        if event in seen:
            continue
        seen.add(event)
        when = _value(row, "start") + (f" – {_value(row, 'end')}" if _value(row, "end") != _value(row, "start")
                                       else "")
        source = ""
        if _value(row, "text"):
            start, stop = int(_value(row, "s")), int(_value(row, "x"))
            sentence, offset = _sentence(_value(row, "text"), start, stop)
            first, last = start - offset, stop - offset
            mention = Mention(first, last, EntityType(kind[0]), sentence[first:last], label)
            source = f"<blockquote class='source'>{render_mentions(sentence, [mention])}</blockquote>"
        parts.append(f"<li><a href='/entity?iri={quote(event, safe='')}'>{escape(_value(row, 'title'))}</a>"
                     f" <span class='meta'>{escape(when)} · {escape(_value(row, 'period'))}, row "
                     f"{escape(_value(row, 'row'))}</span>{source}</li>")
    parts.append("</ol>")
    body = "\n".join(parts)
    return f"""<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>{escape(label)} — smolensk-ties</title><link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="data:,"></head>
<body><nav><a href="/">← query page</a></nav><main class="entity">{body}</main></body></html>"""
