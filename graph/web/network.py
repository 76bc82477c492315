"""The map's side of the server: reading a view request from a URL, keeping the network and its
layouts per published state, and writing a view as GEXF or GraphML."""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from werkzeug.datastructures import MultiDict

from graph.network.analytics import Network
from graph.network.view import DEFAULT_KINDS, KINDS, LIMIT_NODES, MAX_NODES, Filters, View, ViewRequest
from graph.web.paths import entity_iri

MAX_ADDED = 60  # nodes a URL may expand or add: a permalink stays a link, not a data dump
KEPT_LAYOUTS = 64


def view_request(args: MultiDict[str, str]) -> ViewRequest:
    """The view a URL asks for; what is not understood is left at its default (never an error)."""
    kinds = (frozenset(k for k in args["kinds"].split(",") if k in KINDS) if "kinds" in args else DEFAULT_KINDS)
    filters = Filters(kinds=kinds, smolensk=args.get("smolensk", "1") != "0",
                      country=args.get("country", "")[:8], sphere=args.get("sphere", "")[:200],
                      event_type=args.get("type", "")[:20], direction=args.get("direction", "")[:20],
                      since=args.get("since", "")[:7], until=args.get("until", "")[:7])
    try:
        max_nodes = max(10, min(int(args.get("max", MAX_NODES)), LIMIT_NODES))
    except ValueError:
        max_nodes = MAX_NODES
    return ViewRequest(filters, entity_iri(args.get("focus", "")), 2 if args.get("depth") == "2" else 1,
                       tuple(dict.fromkeys(entity_iri(v) for v in args.getlist("expand")))[:MAX_ADDED],
                       tuple(dict.fromkeys(entity_iri(v) for v in args.getlist("add")))[:MAX_ADDED], max_nodes)


class Layouts(OrderedDict):
    """Base layouts by request, forgetting the oldest past KEPT_LAYOUTS."""

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        while len(self) > KEPT_LAYOUTS:
            self.popitem(last=False)


class NetworkCache:
    """The network of the state the pages show, read once per state, with the base layouts worked out
    for it, so that expanding a node moves nothing already drawn."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: object = None
        self.network: Network | None = None
        self.layouts = Layouts()

    def get(self, key: object, load: Callable[[], Network], wait: float) -> Network:
        """The network of state `key`, loaded by one caller while the others wait up to `wait` seconds
        (TimeoutError past it)."""
        network = self.network
        if network is not None and self.key == key:
            return network
        if not self.lock.acquire(timeout=wait):
            raise TimeoutError
        try:
            if self.network is None or self.key != key:
                self.network = load()
                self.key = key
                self.layouts = Layouts()
            return self.network
        finally:
            self.lock.release()


def standalone_html(view: View, choices: dict) -> str:
    """The map as one HTML file that works offline: the view, Cytoscape, the page's script and style
    inlined. Filters, expanding and paths need the server; the file offers the card, the colourings,
    sizes, the search on the map and PNG/SVG export. Nodes link to their IRIs."""
    from markupsafe import Markup

    from graph.web.templating import STATIC, VENDOR, templates

    library = VENDOR / "cytoscape" / "dist" / "cytoscape.min.js"
    if not library.is_file():
        raise FileNotFoundError(f"{library}: Cytoscape не установлен (его ставит из npm scripts/setup.sh)")
    body = view.to_dict()
    for node in body["nodes"]:
        node["page"] = node["id"] if node["id"].startswith(("http://", "https://")) else None

    def inline(path: Path) -> Markup:
        # trusted files of the project and of npm; a closing tag inside one would end its element early
        return Markup(path.read_text(encoding="utf-8").replace("</", "<\\/"))
    return templates().get_template("network_file.html").render(
        view=body, choices=choices, standalone=True, ready=True, css=inline(STATIC / "style.css"),
        russian_js=inline(STATIC / "russian.js"), cytoscape_js=inline(library),
        network_js=inline(STATIC / "network.js"))


def export(graph: nx.Graph, fmt: str) -> bytes:
    """GEXF 1.2 (Gephi) or GraphML (Cytoscape, yEd), UTF-8."""
    out = io.BytesIO()
    if fmt == "gexf":
        nx.write_gexf(graph, out)
    else:
        nx.write_graphml(graph, out)
    return out.getvalue()
