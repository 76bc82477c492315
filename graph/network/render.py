"""The interactive map of partners: a pyvis page that works offline, with filters and a time window."""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

from pyvis.network import Network as PyvisNetwork

from graph.network.analytics import Network, co_attendance
from graph.russian import quarter

TYPE_COLOURS = {"PER": "#e07a5f", "ORG": "#3d85c6", "LOC": "#81b29a"}
SMOLENSK_COLOUR = "#f2cc8f"
TYPE_LABELS = {"PER": "персоны", "ORG": "организации", "LOC": "места"}
MAX_NODES = 300  # beyond this the page prunes to the strongest partners so it stays responsive
CONTROLS = Path(__file__).resolve().parents[1] / "web" / "static" / "network.js"


def country_colour(code: str | None) -> str:
    """A ring colour per state, the same on every run: fill says the type, the ring the country."""
    if not code:
        return "#999999"
    hue = sum(ord(c) * 37 ** i for i, c in enumerate(code)) % 360
    return f"hsl({hue}, 65%, 40%)"


def _tooltip(network: Network, iri: str, events: list[str]) -> str:
    """An entity's events, dates and roles, HTML-escaped: pyvis puts a title with "href" in it into
    innerHTML, so a hostile name must arrive as text."""
    entity = network.entities[iri]
    lines = [entity.label + (f" ({entity.country})" if entity.country else "")]
    for event in sorted(events, key=lambda e: network.events[e].start or network.events[e].period)[:12]:
        info = network.events[event]
        roles = "; ".join(sorted(entity.roles.get(event, ())))
        lines.append(f"{info.start or info.period}: {info.title[:90]}" + (f" — {roles}" if roles else ""))
    if len(events) > 12:
        lines.append(f"… and {len(events) - 12} more")
    return html.escape("\n".join(lines), quote=False)


def network_page(network: Network, out: Path, *, min_events: int = 1, max_nodes: int = MAX_NODES) -> dict:
    """Write the map to `out`; returns what it drew (nodes, edges, pruned) for callers and tests."""
    graph = co_attendance(network)
    events_of: dict[str, list[str]] = defaultdict(list)
    for event, agent in network.links:
        events_of[agent].append(event)
    keep = [n for n in graph if len(events_of[n]) >= min_events]
    keep = sorted(keep, key=lambda n: (-len(events_of[n]), n))[:max_nodes]
    pruned = len(graph) - len(keep)
    sub = graph.subgraph(keep)
    page = PyvisNetwork(height="780px", width="100%", cdn_resources="in_line", bgcolor="#ffffff")
    periods = sorted({e.period for e in network.events.values()})
    spheres = sorted({e.sphere for e in network.events.values()})
    for node in sub:
        entity = network.entities[node]
        mine = events_of[node]
        fill = SMOLENSK_COLOUR if entity.smolensk else TYPE_COLOURS[entity.type]
        page.add_node(node, label=entity.label[:40], title=_tooltip(network, node, mine),
                      color={"background": fill, "border": country_colour(entity.country)}, borderWidth=3,
                      shape="dot", size=8 + 4 * min(len(mine), 20) ** 0.75,
                      country=entity.country or "", type=entity.type,
                      periods=sorted({network.events[e].period for e in mine}),
                      spheres=sorted({network.events[e].sphere for e in mine}), smolensk=entity.smolensk)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_event: dict[str, list[str]] = defaultdict(list)
    for event, agent in network.links:
        if agent in sub:
            by_event[event].append(agent)
    for event, agents in by_event.items():
        for a in agents:
            for b in agents:
                if a < b:
                    shared[(a, b)].append(event)
    for (a, b), events in shared.items():
        page.add_edge(a, b, value=len(events), title=f"{len(events)} shared event(s)",
                      periods=sorted({network.events[e].period for e in events}))
    page.set_options(json.dumps({
        "physics": {"stabilization": {"iterations": 300}, "barnesHut": {"springLength": 120}},
        "interaction": {"hover": True, "tooltipDelay": 150}, "edges": {"color": {"opacity": 0.4}}}))
    page.write_html(str(out), notebook=False, open_browser=False)
    countries = sorted({country for n in sub if (country := network.entities[n].country)})
    controls = _controls(periods, spheres, countries, len(sub), pruned)
    text = out.read_text(encoding="utf-8").replace("</body>", controls + "\n</body>", 1)
    # pyvis's template also points at a node_modules copy of vis and at bootstrap on a CDN; vis is
    # inlined and the page needs no bootstrap, so no outside resource is left (it works offline)
    text = re.sub(r'<link[^>]*href="(?:https?:|\.\./node_modules)[^>]*>|'
                  r'<script[^>]*src="(?:https?:|\.\./node_modules)[^>]*>\s*</script>', "", text)
    out.write_text(text, encoding="utf-8")
    return {"nodes": sub.number_of_nodes(), "edges": len(shared), "pruned": pruned, "periods": periods}


def _controls(periods: list[str], spheres: list[str], countries: list[str], nodes: int, pruned: int) -> str:
    def options(values: list[str], empty: str | None = None, labels: dict[str, str] | None = None) -> str:
        first = f'<option value="">{html.escape(empty)}</option>' if empty else ""
        return first + "".join(f'<option value="{html.escape(v)}">{html.escape((labels or {}).get(v, v))}</option>'
                               for v in values)
    legend = "".join(f'<span class="swatch" style="background:{c}"></span>{t} '
                     for t, c in (("персона", TYPE_COLOURS["PER"]), ("организация", TYPE_COLOURS["ORG"]),
                                  ("место", TYPE_COLOURS["LOC"]), ("Смоленская сторона", SMOLENSK_COLOUR)))
    legend += "<br>кольцо — государство: " + "".join(
        f'<span class="swatch" style="background:{country_colour(c)}"></span>{c} ' for c in countries[:12])
    note = f" · не показаны {pruned} менее связанных" if pruned else ""
    quarters = {period: quarter(period) for period in periods}
    return f"""<div id="ties-controls" data-nodes="{nodes}">
<style>#ties-controls{{position:fixed;top:8px;left:8px;background:#fffe;padding:8px 10px;border:1px solid #ccd;
font:13px system-ui,sans-serif;max-width:360px;z-index:10}}#ties-controls label{{display:block;margin:3px 0}}
.swatch{{display:inline-block;width:10px;height:10px;border-radius:5px;margin:0 3px 0 6px}}</style>
<b>Партнёры Смоленской области</b><div class="legend">{legend}</div>
<label>Найти <input id="ties-search" list="ties-names" placeholder="название"></label>
<datalist id="ties-names"></datalist>
<label>Тип <select id="ties-type">{options(["PER", "ORG", "LOC"], "все", TYPE_LABELS)}</select></label>
<label>Государство <select id="ties-country">{options(countries, "все")}</select></label>
<label>Сфера <select id="ties-sphere">{options(spheres, "все")}</select></label>
<label>С <select id="ties-from">{options(periods, labels=quarters)}</select> по
<select id="ties-to">{options(periods, labels=quarters)}</select></label>
<div id="ties-count" class="meta"></div><div class="meta">на карте {nodes} партнёров{note}</div>
</div>
<script>{CONTROLS.read_text(encoding="utf-8")}</script>"""
