"""What a query is, read from its parse tree: its form, and whether it may run on a read-only endpoint.

The endpoint and the remote store both ask `inspect_query`. A query is judged on the tree a SPARQL
parser makes of it (after SPARQL's `\\uXXXX` escapes are expanded, as the engine expands them), never
by matching its text: a keyword that a text reading mistakes for a comment or a string is still a
node of the tree. Before anything parses deeply, the text's size and nesting are bounded, so that a
query of thousands of nested groups is refused in microseconds instead of exhausting a parser's stack.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import expandUnicodeEscapes, parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from graph.russian import number

_PARSER = threading.Lock()
Form = Literal["select", "ask", "construct", "describe"]
MAX_QUERY_CHARS = 200_000  # the library's longest query has about 2,100
MAX_NESTING = 24  # groups, brackets and parentheses inside each other; the library's deepest is under 10,
# and the parser's stack holds about 30
_FORMS: dict[str, Form] = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct",
                           "DescribeQuery": "describe"}
READ_ONLY = "изменять данные здесь нельзя: точка доступа только читает"
_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix : (\S*)")  # rdflib's words for it
# what the nesting count skips: strings, IRIs and comments (an IRI is `<` then no space up to `>`)
_SKIPPED = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                      r"|<[^<>\s\"{}|^`\\]*>|#[^\n]*")


class QueryRefused(Exception):
    """A query that must not run here; `status` is its HTTP status (400 unreadable, 403 forbidden)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class QueryShape:
    """A query that parsed: its form and whether it calls other endpoints (SERVICE)."""

    form: Form
    federated: bool

    @property
    def graph_result(self) -> bool:
        return self.form in ("construct", "describe")


def nesting_depth(text: str) -> int:
    """How deeply groups, brackets and parentheses nest, strings, IRIs and comments aside.

    >>> nesting_depth('SELECT * { { ?s ?p "{{{" } FILTER((1)) }')
    3
    """
    depth = deepest = 0
    for char in _SKIPPED.sub(" ", text):
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth = max(depth - 1, 0)
    return deepest


def _nodes(tree: object) -> Iterator[CompValue]:
    """Every node of a parse tree or algebra, iteratively (a tree may be deep; no recursion)."""
    stack = [tree]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list | tuple):
            stack.extend(node)


def _position(text: str, error: ParseBaseException, skipped: int = 0) -> str:
    """Where a parse failed, as line and column of the text a person wrote (`skipped`: lines put before it)."""
    line = text.count("\n", 0, error.loc) + 1 - skipped
    column = error.loc - (text.rfind("\n", 0, error.loc) + 1) + 1
    return f"строка {line}, столбец {column}"


def inspect_query(text: str, prologue: str = "") -> QueryShape:
    """The query's form (from its parse tree) and whether it is federated (a SERVICE anywhere in its
    algebra, inside expressions such as FILTER EXISTS too).

    Raises:
        QueryRefused: 400 if it is too large, too deeply nested or does not parse (the message
            names the line and column), 403 if it is an update.

    `prologue` (PREFIX lines the server puts before what a person wrote) is read with the text; positions
    in messages count the text's own lines.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRefused(400, f"в запросе {number(len(text))} знаков, больше {number(MAX_QUERY_CHARS)}")
    return _inspect(text, prologue)


@lru_cache(maxsize=512)
def _inspect(text: str, prologue: str) -> QueryShape:
    # pyparsing's grammar objects are shared and not safe to use from two threads at once (the
    # first parses prepare the grammar in place: two at once leave it broken for good)
    with _PARSER:
        return _inspect_alone(prologue + text, prologue.count("\n"))


def _inspect_alone(text: str, skipped: int = 0) -> QueryShape:
    try:
        expanded = expandUnicodeEscapes(text)
    except ValueError as error:
        raise QueryRefused(400, f"запрос не читается: {error}") from error
    depth = nesting_depth(expanded)
    if depth > MAX_NESTING:
        raise QueryRefused(400, f"в запросе {depth} уровней вложенности, больше {MAX_NESTING}")
    try:
        parsed = parseQuery(expanded)
    except RecursionError as error:
        raise QueryRefused(400, "запрос вложен слишком глубоко, чтобы его прочесть") from error
    except ParseBaseException as error:
        if _is_update(expanded):
            raise QueryRefused(403, READ_ONLY) from error
        raise QueryRefused(400, f"запрос не читается ({_position(expanded, error, skipped)}): "
                                f"{error.msg}") from error
    try:
        algebra = translateQuery(parsed)
    except RecursionError as error:
        raise QueryRefused(400, "запрос вложен слишком глубоко, чтобы его прочесть") from error
    except Exception as error:  # rdflib raises plain Exceptions for an unknown prefix and the like
        message = " ".join(str(error).split())[:200]
        if unknown := _UNKNOWN_PREFIX.search(message):
            prefix = unknown.group(1)
            raise QueryRefused(400, f"неизвестный префикс {prefix}: — объявите его строкой "
                                    f"PREFIX {prefix}: <…> перед SELECT") from error
        raise QueryRefused(400, f"запрос не читается: {message}") from error
    federated = any(node.name == "ServiceGraphPattern" for node in _nodes(algebra.algebra))
    form = _FORMS.get(parsed[1].name)
    if form is None:
        raise QueryRefused(400, f"такую форму запроса здесь не выполняют ({parsed[1].name})")
    return QueryShape(form, federated)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except (ParseBaseException, RecursionError):
        return False
    return True


def check_read_only(text: str, prologue: str = "") -> QueryShape:
    """The query's shape, if it only reads this store; refused (403) if it updates or federates."""
    shape = inspect_query(text, prologue)
    if shape.federated:
        raise QueryRefused(403, "SERVICE (федеративные запросы) здесь нельзя")
    return shape
