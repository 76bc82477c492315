"""SPARQL results, whichever store answered: one shape, written as SPARQL JSON, XML, CSV or TSV."""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from rdflib.namespace import XSD

from graph.query import Table

Term = dict[str, str]  # SPARQL JSON term: {"type": "uri"|"literal"|"bnode", "value": …, "xml:lang"/"datatype"}

SELECT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "records": "application/json",  # rows as objects with typed values: what a spreadsheet or script reads
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}


class TooManyRows(Exception):
    """A result larger than the server's cap."""


@dataclass(slots=True)
class ResultSet:
    kind: str  # "bindings", "boolean" or "triples"
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool = False
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)

    def plain(self) -> list[dict[str, str]]:
        """The rows as plain values by variable (a literal's text, an IRI), an unbound one absent."""
        return [{key: term["value"] for key, term in row.items()} for row in self.rows]

    def table(self) -> Table:
        if self.kind == "boolean":
            return Table(("result",), ((str(self.boolean).lower(),),))
        if self.kind == "triples":
            return Table(("subject", "predicate", "object"),
                         tuple(tuple(t["value"] for t in triple) for triple in self.triples))
        return Table(tuple(self.variables),
                     tuple(tuple(row[v]["value"] if v in row else None for v in self.variables) for row in self.rows),
                     tuple(tuple(typed(row.get(v)) for v in self.variables) for row in self.rows))


_XSD_STRING = str(XSD.string)
# one string object per common datatype: a query process's answer pickles it once, not once per cell (a fixed
# set: a query can make up any number of datatypes)
_DATATYPES = {str(datatype): str(datatype) for datatype in (XSD.integer, XSD.decimal, XSD.double, XSD.boolean,
                                                             XSD.date, XSD.dateTime, XSD.gYear)}


def term_of(term) -> Term:
    """A pyoxigraph term in SPARQL JSON form."""
    kind = type(term)
    if kind is ox.NamedNode:
        return {"type": "uri", "value": term.value}
    if kind is ox.BlankNode:
        return {"type": "bnode", "value": term.value}
    out: Term = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    else:
        datatype = term.datatype.value
        if datatype != _XSD_STRING:
            out["datatype"] = _DATATYPES.get(datatype, datatype)
    return out


def from_oxigraph(results, max_rows: int | None = None) -> ResultSet:
    """Read a pyoxigraph result, refusing one longer than `max_rows`."""
    def check(count: int) -> None:
        if max_rows is not None and count > max_rows:
            raise TooManyRows(f"в результате больше {max_rows} строк; добавьте LIMIT или сузьте запрос")
    if isinstance(results, ox.QueryBoolean):
        return ResultSet("boolean", boolean=bool(results))
    if isinstance(results, ox.QuerySolutions):
        variables = [v.value for v in results.variables]
        if max_rows is None:
            # written as SPARQL JSON by Oxigraph and read by the json module, the rows cost about half
            # of reading them term by term here; with a cap, rows are read one by one so that reading
            # stops at the cap
            data = json.loads(results.serialize(format=ox.QueryResultsFormat.JSON) or b"{}")
            return ResultSet("bindings", variables, data["results"]["bindings"])
        rows = []
        for solution in results:  # a solution's terms in the order of the variables: no lookup by name
            rows.append({name: term_of(term) for name, term in zip(variables, solution, strict=True)
                         if term is not None})
            check(len(rows))
        return ResultSet("bindings", variables, rows)
    triples = []
    for triple in results:
        triples.append((term_of(triple.subject), term_of(triple.predicate), term_of(triple.object)))
        check(len(triples))
    return ResultSet("triples", triples=triples)


def table_of_solutions(solutions: ox.QuerySolutions, limit: int | None = None) -> Table:
    """SELECT rows as plain values, up to `limit`. Without a limit they are read from Oxigraph's TSV: making
    a Python term of every cell cost 40% of the time of a large query (8,500 rows at 100× the samples);
    numbers and booleans are typed only when asked for."""
    columns = tuple(variable.value for variable in solutions.variables)
    if limit is not None:  # read term by term, so that reading stops at the limit
        read = [tuple(solution) for solution in itertools.islice(solutions, limit)]
        plain = tuple(tuple(None if term is None else term.value for term in solution) for solution in read)
        return Table(columns, plain, tuple(tuple(_typed_term(term) for term in solution) for solution in read))
    # a header, then a line per row, each ended by a newline (a row of one unbound value is an empty line)
    lines = (solutions.serialize(format=ox.QueryResultsFormat.TSV) or b"").decode("utf-8").split("\n")[1:-1]
    cells = [line.split("\t") for line in lines]
    if not columns:
        cells = [[] for _ in cells]
    rows = _tsv_rows(cells)

    @functools.cache
    def typed() -> tuple[tuple[str | int | float | bool | None, ...], ...]:
        return tuple(tuple(_tsv_typed(cell, value) for cell, value in zip(row, values, strict=True))
                     for row, values in zip(cells, rows, strict=True))
    return Table(columns, rows, typed)


_ECHAR = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_ECHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ECHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if m.group(3) is None
                      else _ECHARS.get(m.group(3), m.group(3)), text)


def _typed_term(term) -> str | int | float | bool | None:
    """A pyoxigraph term as a JSON value (numbers and booleans typed); a literal's datatype read only then."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value != str(XSD.string):
        return typed(term_of(term))
    return term.value


def _tsv_rows(cells: list[list[str]]) -> tuple[tuple[str | None, ...], ...]:
    """The rows' values, as `_tsv_value` reads a cell, with the common cells read in the loop: a call per
    cell was a fifth of the time of a large query (8,000 rows of five columns at 100× the samples)."""
    rows = []
    for row in cells:
        values: list[str | None] = []
        for cell in row:
            if cell and cell[0] == "<":
                values.append(cell[1:-1])
            elif cell and cell[0] == '"' and "\\" not in cell:
                values.append(cell[1:cell.rindex('"')])
            else:
                values.append(_tsv_value(cell))
        rows.append(tuple(values))
    return tuple(rows)


def _tsv_value(cell: str) -> str | None:
    """A TSV cell's value (as pyoxigraph's `term.value`): an IRI without its brackets, a blank node's id, a
    literal's text, a bare number or boolean as written; None for an empty (unbound) cell."""
    if not cell:
        return None
    first = cell[0]
    if first == "<":
        return cell[1:-1]
    if first == '"':
        return _unescape(cell[1:cell.rindex('"')])
    if first == "_" and cell.startswith("_:"):
        return cell[2:]
    return cell


def _tsv_typed(cell: str, value: str | None) -> str | int | float | bool | None:
    """A TSV cell as a JSON value: numbers and booleans typed (bare, or with their datatype)."""
    if value is None or not cell or cell[0] == "<" or cell[0] == "_":
        return value
    if cell[0] == '"':
        suffix = cell[cell.rindex('"') + 1:]
        if not suffix.startswith("^^<") or suffix == f"^^<{XSD.string}>":
            return value
        return typed({"type": "literal", "value": value, "datatype": suffix[3:-1]})
    if cell in ("true", "false"):
        return cell == "true"
    datatype = XSD.double if "e" in cell.lower() else XSD.decimal if "." in cell else XSD.integer
    return typed({"type": "literal", "value": value, "datatype": str(datatype)})


def from_json(data: dict, max_rows: int | None = None) -> ResultSet:
    """Read SPARQL JSON results (from a remote endpoint)."""
    if "boolean" in data:
        return ResultSet("boolean", boolean=bool(data["boolean"]))
    rows = [{k: dict(v) for k, v in row.items()} for row in data["results"]["bindings"]]
    if max_rows is not None and len(rows) > max_rows:
        raise TooManyRows(f"в результате больше {max_rows} строк; добавьте LIMIT или сузьте запрос")
    for row in rows:
        for term in row.values():
            if term.get("type") == "typed-literal":  # SPARQL JSON of some older servers (Virtuoso)
                term["type"] = "literal"
    return ResultSet("bindings", list(data["head"].get("vars", [])), rows)


def write_select(results: ResultSet, fmt: str) -> bytes:
    """SELECT or ASK results in one of SELECT_TYPES."""
    if fmt == "json":
        if results.kind == "boolean":
            return json.dumps({"head": {}, "boolean": results.boolean}).encode()
        body = {"head": {"vars": results.variables}, "results": {"bindings": results.rows}}
        return json.dumps(body, ensure_ascii=False).encode("utf-8")
    if fmt == "records":
        if results.kind == "boolean":
            return json.dumps([{"answer": results.boolean}]).encode()
        records = [{v: typed(row.get(v)) for v in results.variables} for row in results.rows]
        return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "xml":
        return _xml(results).encode("utf-8")
    delimiter = "," if fmt == "csv" else "\t"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n" if fmt == "csv" else "\n")
    if results.kind == "boolean":
        writer.writerow(["_askResult"])
        writer.writerow([str(results.boolean).lower()])
    else:
        writer.writerow(results.variables if fmt == "csv" else [f"?{v}" for v in results.variables])
        for row in results.rows:
            writer.writerow([_plain(row.get(v)) if fmt == "csv" else _tsv(row.get(v)) for v in results.variables])
    return buffer.getvalue().encode("utf-8")


_INTEGERS = {str(XSD[name]) for name in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                          "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                          "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_NUMBERS = {str(XSD[name]) for name in ("decimal", "double", "float")}


def typed(term: Term | None) -> str | int | float | bool | None:
    """A term as a JSON value: numbers as numbers, booleans as booleans, anything else as its text.

    >>> typed({"type": "literal", "value": "7", "datatype": str(XSD.integer)}), typed(None)
    (7, None)
    >>> typed({"type": "literal", "value": "true", "datatype": str(XSD.boolean)})
    True
    """
    if term is None:
        return None
    datatype, value = term.get("datatype"), term["value"]
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _NUMBERS:
            return float(value)
    except ValueError:
        return value
    if datatype == str(XSD.boolean):
        return is_true(value)
    return value


def is_true(value: str | None) -> bool:
    """An xsd:boolean's text as a boolean: "true" or "1" (Virtuoso writes 1 and 0).

    >>> is_true("true"), is_true("1"), is_true("false"), is_true(None)
    (True, True, False, False)
    """
    return value in ("true", "1")


def _plain(term: Term | None) -> str:
    return "" if term is None else term["value"]


def _tsv(term: Term | None) -> str:
    if term is None:
        return ""
    if term["type"] == "uri":
        return f"<{term['value']}>"
    if term["type"] == "bnode":
        return f"_:{term['value']}"
    value = term["value"].replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    if "xml:lang" in term:
        return f'"{value}"@{term["xml:lang"]}'
    if "datatype" in term:
        return f'"{value}"^^<{term["datatype"]}>'
    return f'"{value}"'


def _xml(results: ResultSet) -> str:
    lines = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    if results.kind == "boolean":
        lines += ["</head>", f"<boolean>{str(results.boolean).lower()}</boolean>", "</sparql>"]
        return "\n".join(lines)
    lines += [f"<variable name={quoteattr(v)}/>" for v in results.variables] + ["</head>", "<results>"]
    for row in results.rows:
        lines.append("<result>")
        for name, term in row.items():
            if term["type"] == "uri":
                inner = f"<uri>{escape(term['value'])}</uri>"
            elif term["type"] == "bnode":
                inner = f"<bnode>{escape(term['value'])}</bnode>"
            else:
                attrs = f" xml:lang={quoteattr(term['xml:lang'])}" if "xml:lang" in term else \
                    f" datatype={quoteattr(term['datatype'])}" if "datatype" in term else ""
                inner = f"<literal{attrs}>{escape(term['value'])}</literal>"
            lines.append(f"<binding name={quoteattr(name)}>{inner}</binding>")
        lines.append("</result>")
    lines += ["</results>", "</sparql>"]
    return "\n".join(lines)


def oxigraph_term(term: Term):
    """A SPARQL JSON term as a pyoxigraph term (the converse of `term_of`)."""
    if term["type"] == "uri":
        return ox.NamedNode(term["value"])
    if term["type"] == "bnode":
        return ox.BlankNode(term["value"])
    if "xml:lang" in term:
        return ox.Literal(term["value"], language=term["xml:lang"])
    if "datatype" in term:
        return ox.Literal(term["value"], datatype=ox.NamedNode(term["datatype"]))
    return ox.Literal(term["value"])


def write_graph(results: ResultSet, fmt: str) -> bytes:
    """CONSTRUCT or DESCRIBE results as Turtle, N-Triples or JSON-LD."""
    node = oxigraph_term
    triples = [ox.Triple(node(s), node(p), node(o)) for s, p, o in results.triples]
    format = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    return ox.serialize(triples, format=format) or b""
