"""Helpers for the analyst notebooks: the store of the sample reports, built on first use."""

from __future__ import annotations

from pathlib import Path

from graph.pipeline import build
from graph.stores import open_store, store_path
from nlp import load_models, read_report, report_files

ROOT = Path(__file__).resolve().parent.parent


def sample_store(reports: Path = ROOT / "data" / "reports"):
    """The store ($TIES_STORE, else data/store), built from the sample reports if they are not in it yet."""
    folder = store_path(None)
    if not folder.is_absolute():
        folder = ROOT / folder
    build([read_report(p) for p in report_files([reports])], folder, load_models)
    return open_store(str(folder))


def frame(store, query: str):
    """A query's results as a pandas DataFrame, each value typed (integers as numbers, IRIs as text)."""
    import pandas as pd

    from graph.stores.results import typed

    results = store.results(query)
    return pd.DataFrame([[typed(row.get(name)) for name in results.variables] for row in results.rows],
                        columns=list(results.variables))


def draw_view(view, ax, colour: str = "community", labels: int = 12) -> None:
    """A map view (graph.network.view) with matplotlib: positions from the server's layout, colours by
    community or state, sizes by events, the names of the `labels` most active nodes."""
    import networkx as nx

    graph = view.to_networkx()
    position = {n["id"]: (n["x"], -n["y"]) for n in view.nodes}
    key = "community_colour" if colour == "community" else "colour"
    nx.draw_networkx_edges(graph, position, ax=ax, alpha=0.25, width=[0.4 + d["weight"] * 0.4
                                                                      for _, _, d in graph.edges(data=True)])
    nx.draw_networkx_nodes(graph, position, ax=ax, nodelist=[n["id"] for n in view.nodes],
                           node_color=[n[key] for n in view.nodes],
                           node_size=[25 + 18 * n["events"] for n in view.nodes], edgecolors="#555555", linewidths=0.5)
    busiest = sorted(view.nodes, key=lambda n: -n["events"])[:labels]
    nx.draw_networkx_labels(graph, position, ax=ax, font_size=7, labels={n["id"]: n["label"] for n in busiest})
    ax.set_axis_off()
