"""The workspace's templates and the files its pages and standalone files inline: kept apart from the server
so that `ties network` and the briefs render HTML without loading the server's search, briefs and routes."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from graph.russian import coordinates, day, days, number, plural, quarter, unbroken_initials

STATIC = Path(str(resources.files("graph.web") / "static"))
VENDOR = Path(str(resources.files("graph.web") / "node_modules"))  # `npm ci` in graph/web (scripts/setup.sh)


def templates() -> Environment:
    """The pages' templates, every value escaped, with the Russian formats as filters."""
    environment = Environment(loader=PackageLoader("graph.web", "templates"), autoescape=select_autoescape(["html"]),
                              undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    environment.globals.update(coordinates=coordinates)
    # a table's cell shows a date or a quarter so, and sorts by the value itself (its `data-sort`)
    environment.filters.update(quarter=quarter, days=days, day=day, number=number, initials=unbroken_initials,
                               plural=lambda count, one, few, many: plural(int(count), one, few, many))
    return environment
