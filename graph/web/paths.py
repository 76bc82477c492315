"""The workspace's page for each IRI, and the IRI of each page: the IRI's path is the page's path.

`https://w3id.org/smolensk-ties/id/org/olsa` is `/org/olsa`, `…/id/event/2025-Q2/5` is `/event/2025-Q2/5`,
`…/id/report/2025-Q2` is `/report/2025-Q2`; a state (`…/id/place/country-by`) is `/country/BY`.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from ontology import ENTITY_BASE

PAGE_KINDS = ("org", "person", "place", "event", "report")
_COUNTRY = re.compile(r"^place/country-([a-z]{2})$")
_PATH = re.compile(r"^[a-z0-9][a-z0-9._~-]*(?:/[A-Za-z0-9._~-]+)*$")


def page_of(iri: str) -> str | None:
    """The page of an IRI the project minted; None for any other IRI.

    >>> page_of("https://w3id.org/smolensk-ties/id/place/country-by"), page_of("https://example.org/x")
    ('/country/BY', None)
    >>> page_of("https://w3id.org/smolensk-ties/id/event/2025-Q2/5")
    '/event/2025-Q2/5'
    """
    if not iri.startswith(ENTITY_BASE):
        return None
    path = iri[len(ENTITY_BASE):]
    if match := _COUNTRY.match(path):
        return f"/country/{match.group(1).upper()}"
    kind = path.split("/", 1)[0]
    if kind not in PAGE_KINDS or "#" in path or not _PATH.match(path):
        return None
    return "/" + quote(path, safe="/")


def iri_of(kind: str, rest: str) -> str | None:
    """The IRI a page shows, from its kind and the rest of its path; None where no IRI can be.

    >>> iri_of("country", "BY"), iri_of("org", "olsa")
    ('https://w3id.org/smolensk-ties/id/place/country-by', 'https://w3id.org/smolensk-ties/id/org/olsa')
    >>> iri_of("org", "../../etc") is None, iri_of("admin", "x") is None
    (True, True)
    """
    rest = unquote(rest)
    if kind == "country":
        return f"{ENTITY_BASE}place/country-{rest.lower()}" if re.fullmatch(r"[A-Za-z]{2}", rest) else None
    path = f"{kind}/{rest}"
    if kind not in PAGE_KINDS or not _PATH.match(path) or ".." in path.split("/"):
        return None
    return ENTITY_BASE + path


def entity_iri(value: str) -> str:
    """An entity named by its IRI, its page's path (`/org/olsa`, `/country/BY`) or its short id (`org/olsa`).

    >>> entity_iri("/country/BY"), entity_iri("/org/olsa"), entity_iri("https://w3id.org/smolensk-ties/id/org/x")
    ('https://w3id.org/smolensk-ties/id/place/country-by', 'https://w3id.org/smolensk-ties/id/org/olsa', \
'https://w3id.org/smolensk-ties/id/org/x')
    >>> entity_iri("person/subbotin-a-m")
    'https://w3id.org/smolensk-ties/id/person/subbotin-a-m'
    """
    value = value.strip()
    if value and not value.startswith(("/", "http://", "https://")):
        value = "/" + value
    if value.startswith("/"):
        kind, _, rest = value[1:].partition("/")
        found = iri_of(kind, rest) if kind == "country" else f"{ENTITY_BASE}{value[1:]}"
        return found or ""
    return value
