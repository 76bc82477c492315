"""The SPARQL query library (ontology/queries/*.rq): headers, parameters bound as RDF terms, results."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graph.rdf.vocab import PREFIXES, sparql_prefixes
from graph.russian import counted
from ontology import ENTITY_BASE, HERE

QUERIES = HERE / "queries"
INTERNAL = QUERIES / "internal"  # the queries the code runs itself: not in the library's list
PARAMS_MARK = "#PARAMS"
_HEADER = re.compile(r"^#\s*(title|question|question-ru|param|example):\s*(.*)$")
_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", re.IGNORECASE)
_SHORT_ID = re.compile(r"^/?(?:org|person|place|event|report|agreement)/[^\s<>\"{}|\\^`]+$")
_PERIOD = re.compile(r"\d{4}-Q[1-4]")


class QueryError(Exception):
    """A query that cannot be found, or a parameter that cannot be bound; the message says which."""


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    type: str  # iri, iris (several, space-separated), literal, integer, date, country (a code or a name), period
    default: str | None

    def term(self, value: str) -> str:
        """The value as an RDF term in SPARQL syntax: typed and escaped, never pasted as text.

        An entity may be given by its short id as its page's path writes it (`org/olsa`), a state by its code
        or its Russian name (`BY`, `Беларусь`), a quarter as `2025-Q2`; a value of the wrong kind is an error
        that says what is expected.

        >>> Param("entity", "iri", None).term("org/olsa"), Param("country", "country", None).term("Беларусь")
        ('<https://w3id.org/smolensk-ties/id/org/olsa>', '"BY"')
        """
        if self.type == "iri":
            if _SHORT_ID.match(value.strip()):
                value = ENTITY_BASE + value.strip().lstrip("/")
            if not _IRI.match(value):
                raise QueryError(f"параметр {self.name}: «{value}» — не IRI и не краткий идентификатор "
                                 "(org/…, person/…, place/…)")
            return URIRef(value).n3()
        if self.type == "country":
            from nlp import state_code

            code = state_code(value)
            if code is None:
                raise QueryError(f"параметр {self.name}: «{value}» — не государство; укажите его код ISO (BY) "
                                 "или название (Беларусь)")
            return Literal(code).n3()
        if self.type == "period":
            if not _PERIOD.fullmatch(value.strip()):
                raise QueryError(f"параметр {self.name}: «{value}» — не квартал; пишите так: 2025-Q2")
            return Literal(value.strip()).n3()
        if self.type == "integer":
            if not re.fullmatch(r"-?\d+", value.strip()):
                raise QueryError(f"параметр {self.name}: «{value}» — не целое число")
            return Literal(int(value), datatype=XSD.integer).n3()
        if self.type == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                raise QueryError(f"параметр {self.name}: «{value}» — не дата (ГГГГ-ММ-ДД)")
            return Literal(value.strip(), datatype=XSD.date).n3()
        return Literal(value).n3()


@dataclass(frozen=True, slots=True)
class Query:
    name: str
    text: str
    title: str = ""
    question: str = ""
    example: str = ""
    params: tuple[Param, ...] = field(default=())
    question_ru: str = ""

    @property
    def title_ru(self) -> str:
        """The Russian half of a "Русское название | English title"."""
        return self.title.split(" | ", 1)[0]

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query text with its parameters bound by a VALUES block at each #PARAMS mark, and
        written as constants where the text names them `$name`.

        `$name` is SPARQL for the variable `?name`; bound, it becomes the escaped RDF term itself.
        A constant is what an engine can use early: Oxigraph applies `FILTER (?n >= 2)` as it scans,
        but `FILTER (?n >= ?min)` with ?min from VALUES only after every join. A parameter with no
        value and no default stays unbound (matches anything).
        """
        values = dict(values or {})
        known = {p.name for p in self.params}
        text = self.text
        # several IRIs: a VALUES block of their own at the mark, each a row (only there: appended after the
        # query, Oxigraph would apply it once all else was read)
        for param in self.params:
            if param.type == "iris" and values.get(param.name):
                iris = values.pop(param.name).split()
                terms = " ".join(Param(param.name, "iri", None).term(value) for value in iris)
                if PARAMS_MARK not in text:
                    raise QueryError(f"{self.name}: несколько IRI в {param.name} ставятся только на место метки "
                                     f"{PARAMS_MARK}")
                text = text.replace(PARAMS_MARK, f"VALUES ?{param.name} {{ {terms} }}\n  {PARAMS_MARK}", 1)
        unknown = sorted(set(values) - known)
        if unknown:
            have = ", ".join(sorted(known)) or "нет"
            raise QueryError(f"{self.name}: нет параметра {', '.join(unknown)} (его параметры: {have})")
        bound: list[tuple[Param, str]] = []
        for param in self.params:
            value = values.get(param.name, param.default)
            if value and param.type != "iris":
                bound.append((param, value))
        for param, value in bound:
            text = re.sub(rf"\${param.name}\b", _literally(param.term(value)), text)
        # a parameter the text names only as `$name` is all written in: a VALUES block naming a variable the
        # query no longer has is refused by some servers (Virtuoso: "No column")
        bound = [(p, v) for p, v in bound if re.search(rf"\?{p.name}\b", text)]
        if not bound:
            return text
        block = "VALUES (" + " ".join(f"?{p.name}" for p, _ in bound) + ") { (" + \
            " ".join(p.term(v) for p, v in bound) + ") }"
        if PARAMS_MARK in text:
            return text.replace(PARAMS_MARK, block)
        return text.rstrip() + "\n" + block + "\n"


def _literally(replacement: str) -> Callable[[re.Match[str]], str]:
    """A replacement for `re.sub` taken as it is: a term's backslashes are not group references."""
    return lambda _: replacement


def parse_query(name: str, text: str) -> Query:
    """A query file: its comment header (title, question, params, example) and its text."""
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if match:
            header.setdefault(match.group(1), []).append(match.group(2).strip())
    params = []
    for spec in header.get("param", []):
        match = re.match(r"(\w+)\s+(iris|iri|literal|integer|date|country|period)\s*=\s*(.*)$", spec)
        if not match:
            raise QueryError(f"{name}: строка параметра «{spec}» не читается (нужно: ИМЯ ТИП = ПО_УМОЛЧАНИЮ)")
        params.append(Param(match.group(1), match.group(2), match.group(3).strip() or None))
    first = lambda key: header.get(key, [""])[0]  # noqa: E731
    return Query(name, text, first("title"), first("question"), first("example"), tuple(params),
                 first("question-ru"))


def library(folder: Path = QUERIES) -> dict[str, Query]:
    """Every query of the library, by name (the file stem)."""
    return {path.stem: parse_query(path.stem, path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.rq"))}


@cache
def internal_query(name: str) -> Query:
    """One of the queries the code runs itself (ontology/queries/internal/NAME.rq), the project's prefixes
    put before it; bind its parameters with `Query.bind`, as the library's."""
    return parse_query(name, sparql_prefixes() + (INTERNAL / f"{name}.rq").read_text(encoding="utf-8"))


def load_query(spec: str) -> Query:
    """A library query by name, a .rq file by path, or the text of a query itself."""
    queries = library()
    if spec in queries:
        return queries[spec]
    path = Path(spec)
    if spec.endswith(".rq"):
        if not path.exists():
            raise QueryError(f"{spec}: нет такого файла")
        return parse_query(path.stem, path.read_text(encoding="utf-8"))
    if re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", spec, re.IGNORECASE):
        return parse_query("inline", spec)
    raise QueryError(f"{spec}: не запрос библиотеки ({', '.join(queries)}), не файл .rq и не текст запроса")


TypedRows = tuple[tuple[str | int | float | bool | None, ...], ...]


@dataclass(frozen=True, slots=True, eq=False)
class Table:
    """SELECT results: variables and rows of plain values (None where unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    # the same rows with numbers and booleans as such, where the store said their datatypes (for JSON); or
    # what works them out when asked: reading every literal's datatype cost a third of a large query's time
    typed: TypedRows | Callable[[], TypedRows] | None = None

    def __eq__(self, other: object) -> bool:
        """The same columns, rows and typed rows (however the typed ones are worked out)."""
        if not isinstance(other, Table):
            return NotImplemented
        return (self.columns, self.rows, self.typed_rows()) == (other.columns, other.rows, other.typed_rows())

    __hash__ = None  # type: ignore[assignment]  # equal tables may hold their typed rows differently

    def typed_rows(self) -> TypedRows:
        """The rows with numbers and booleans typed (the plain rows where the results did not say)."""
        if callable(self.typed):
            return self.typed()
        return self.typed if self.typed is not None else self.rows

    def to_json(self) -> str:
        """Rows as objects; numbers and booleans typed where the results said so ("events": 6, not "6")."""
        return json.dumps([dict(zip(self.columns, row, strict=True)) for row in self.typed_rows()],
                          ensure_ascii=False, indent=1)

    def head(self, limit: int | None) -> Table:
        """The first `limit` rows (all with None)."""
        if limit is None:
            return self
        typed = self.typed
        if callable(typed):
            return Table(self.columns, self.rows[:limit], lambda: self.typed_rows()[:limit])
        return Table(self.columns, self.rows[:limit], None if typed is None else typed[:limit])

    def to_delimited(self, delimiter: str) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows([["" if v is None else v for v in row] for row in self.rows])
        return buffer.getvalue()

    def to_text(self, width: int = 60, total: int | None = None, wrap: bool = False) -> str:
        """A fixed-width table for people that fits the terminal (`total` columns; the terminal's, 80 to 200):
        the project's IRIs as short ids (`place/country-by`, what `--param` takes), the vocabularies' as
        `ties:…`, cells cut with an ellipsis at `width` (or, with `wrap`, broken over lines at that width) and
        the widest columns narrowed until the table fits. The full values are in `--format csv|json`. A wrapped
        table too wide for the terminal with its words whole is written a row to a block instead: the first column's
        value, then each other column's name and value on lines of their own (`as_blocks`).

        >>> table = Table(("partner", "events"), (("https://w3id.org/smolensk-ties/id/org/olsa", "3"),))
        >>> print(table.to_text(total=80))
        partner   events
        --------  ------
        org/olsa  3
        (1 строка)
        >>> olsa = ("https://w3id.org/smolensk-ties/id/org/olsa", "ОАО «Ольса»")
        >>> print(Table(("partner", "label"), (olsa,)).to_text())
        label
        -----------
        ОАО «Ольса»
        (1 строка)
        """
        if total is None:
            total = min(200, max(80, shutil.get_terminal_size((120, 24)).columns))

        def shown(value: str | None) -> str:
            return "" if value is None else short_iri(value).replace("\n", " ")
        keep = [i for i in range(len(self.columns)) if not self._labelled(i)]
        columns = [self.columns[i] for i in keep]
        cells = [[shown(row[i]) for i in keep] for row in self.rows]
        widths = [min(width, max([len(c)] + [len(row[i]) for row in cells])) for i, c in enumerate(columns)]
        # wrapped columns keep their longest word (the first, which names the row, whatever its length; others up
        # to 16 characters) while they can, so that words stay whole; then any column keeps 6
        words = [min(w, width if i == 0 else 16, max(6, *(len(word) for text in [c, *(row[i] for row in cells)]
                                                          for word in text.split(" ")))) if wrap else 6
                 for i, (c, w) in enumerate(zip(columns, widths, strict=True))]
        if wrap and sum(words) + 2 * (len(words) - 1) > total:
            return self.as_blocks(columns, cells, total)
        for floors in (words, [6] * len(widths)):
            while sum(widths) + 2 * (len(widths) - 1) > total:
                narrowed = [i for i, (w, floor) in enumerate(zip(widths, floors, strict=True)) if w > floor]
                if not narrowed:
                    break
                # the widest first (wrapped: the first column, which names the row, only when no other can go); of
                # equals the last
                widths[max(narrowed, key=lambda i: (not wrap or i > 0 or len(narrowed) == 1, widths[i], i))] -= 1

        def cut(text: str, room: int) -> str:
            return text if len(text) <= room else text[: room - 1] + "…"

        def lines_of(values: list[str]) -> list[str]:
            """A row's lines: each cell cut to its column, or with `wrap` broken over as many lines as it takes."""
            if not wrap:
                return ["  ".join(cut(v, w).ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()]
            broken = [textwrap.wrap(v, w, break_on_hyphens=False) or [""] for v, w in zip(values, widths, strict=True)]
            return ["  ".join((cell[i] if i < len(cell) else "").ljust(w) for cell, w in zip(broken, widths,
                                                                                            strict=True)).rstrip()
                    for i in range(max(len(cell) for cell in broken))]
        lines = lines_of(columns) + ["  ".join("-" * w for w in widths)]
        body = [lines_of(row) for row in cells]
        spaced = wrap and any(len(row) > 1 for row in body)  # rows over several lines, a blank line between them
        for row in body:
            lines += row + ([""] if spaced else [])
        lines.append(self._count_line())
        return "\n".join(lines)

    def as_blocks(self, columns: list[str], cells: list[list[str]], total: int) -> str:
        """A table for people as blocks, one a row: the first column's value on a line, then «Column: value» for
        each other column that has one, wrapped at `total` with words whole; a blank line between rows.

        >>> print(Table(("Партнёр", "Государство", "Сферы"), (("ОАО «Ольса»", "Беларусь", "Культура и туризм; "
        ...       "Промышленность и торговля"),)).to_text(wrap=True, total=30))
        ОАО «Ольса»
          Государство: Беларусь
          Сферы: Культура и туризм;
            Промышленность и торговля
        (1 строка)
        """
        lines: list[str] = []
        for row in cells:
            if lines:
                lines.append("")
            lines += textwrap.wrap(row[0], total, break_on_hyphens=False) or [""]
            for column, value in zip(columns[1:], row[1:], strict=True):
                if value:
                    lines += textwrap.wrap(f"{column}: {value}", total, initial_indent="  ", subsequent_indent="    ",
                                           break_on_hyphens=False)
        lines.append(self._count_line())
        return "\n".join(lines)

    def _count_line(self) -> str:
        return f"({counted(len(self.rows), 'строка', 'строки', 'строк')})"

    def _labelled(self, index: int) -> bool:
        """Whether a column of IRIs has its labels in the next one (`partner`, `label`; `a`, `a_label`; `person`,
        `name`): a person reads the label, the IRI stays in CSV and JSON."""
        following = self.columns[index + 1] if index + 1 < len(self.columns) else ""
        return bool(self.rows) and following.endswith(("label", "name")) and \
            all(_is_iri(row[index]) for row in self.rows)


def _is_iri(value: str | None) -> bool:
    return value is None or value.startswith(("http://", "https://", "urn:"))


def short_iri(value: str) -> str:
    """An IRI as a person reads it: the project's entities by their short id, the vocabularies' terms by prefix.

    >>> short_iri("https://w3id.org/smolensk-ties/id/place/country-by"), short_iri("https://schema.org/Place")
    ('place/country-by', 'schema:Place')
    """
    if value.startswith(ENTITY_BASE):
        return value[len(ENTITY_BASE):]
    for prefix, namespace in PREFIXES.items():
        if value.startswith(str(namespace)) and len(value) > len(str(namespace)):
            return f"{prefix}:{value[len(str(namespace)):]}"
    return value
