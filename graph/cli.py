"""The `ties` command: a thin wrapper over the library's stages."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import click
import pyoxigraph as ox

from graph.cli_russian import speak_russian
from graph.query import QueryError, Table, library, load_query
from graph.russian import counted, number, quarter
from graph.stores import EmbeddedStore, StoreError, open_store
from graph.stores.snapshots import current_snapshot
from graph.stores.summaries import summary
from graph.web.workers import MEMORY_MIB
from nlp.errors import ReportError, printable
from nlp.records import Report, ReportFile
from ontology import ENTITY_BASE

if TYPE_CHECKING:
    from nlp import Models


def _say(message: str) -> None:
    """A message on standard error; control characters but the message's own line breaks shown escaped."""
    click.echo("\n".join(printable(line) for line in message.split("\n")), err=True)


speak_russian()

EXCEL_OPTION = click.option("--excel", is_flag=True,
                            help="CSV так, как его открывает Excel: с меткой порядка байтов и «;» между ячейками.")


def _delimited(table, delimiter: str, excel: bool) -> None:
    """A table as CSV or TSV on standard output; for Excel with a byte-order mark and ';'."""
    text = table.to_delimited(";" if excel else delimiter)
    click.echo(("\ufeff" + text) if excel else text, nl=False)


def _records(records: list[dict], table: Callable[[], Table], output: str, width: int, excel: bool = False) -> None:
    """What a report command found: JSON records, or the table as CSV (for Excel too) or for people."""
    if output == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    elif output == "csv" or excel:
        _delimited(table(), ",", excel)
    else:
        click.echo(table().to_text(width=width))


def _query_error(message: str, prologue: str = "") -> str:
    """A query's error on one line: an undeclared prefix named as such, a parse error at the line and column
    of the query as written (the prefixes put before it not counted), the parser's list of what it expected
    left out."""
    from graph.rdf.vocab import PREFIXES

    if "Prefix not found" in message:
        return (f"в запросе префикс, который он не объявляет; без объявления известны: {', '.join(PREFIXES)}; "
                "другие объявите так: PREFIX имя: <…>")
    skipped = prologue.count("\n")
    message = re.sub(r"error at (\d+):(\d+)",
                     lambda m: f"ошибка в строке {int(m.group(1)) - skipped}, знак {m.group(2)}", message)
    return re.split(r":? expected one of", message)[0].split("\n")[0][:300]


def read_reports(paths: tuple[Path, ...]) -> tuple[list[Report], int]:
    """Reports read from PATHS, and how many files or rows failed; problems are printed one a line."""
    files = _report_files(paths)
    if not files:
        _say_no_reports(paths)
        return [], 1
    reader = ReportReader()
    reports = [report for report in reader(files) if report is not None]
    return reports, reader.failed


def _report_files(paths: tuple[Path, ...]) -> list[Path]:
    """The report files among PATHS (folders expanded); a folder's documents of a format not read are said."""
    from nlp import report_files, unread_files  # here, not above: commands that only query start faster

    for path in unread_files(list(paths)):
        _say(f"предупреждение: {printable(str(path))}: пропущен, такой формат не читается; сохраните отчёт как "
             ".docx или как текст")
    return list(report_files(list(paths)))


def _say_no_reports(paths: tuple[Path, ...]) -> None:
    _say(f"ошибка: нет файлов отчётов (.txt, .docx) в {', '.join(map(str, paths))}")


class ReportReader:
    """Reads report files, printing each one's problems a line each and counting the files that had any;
    the events of the reports read make the length of the build's progress bar."""

    def __init__(self) -> None:
        self.failed = 0
        self.events = 0

    def __call__(self, files: Sequence[Path | ReportFile]) -> list[Report | None]:
        """The files' reports in their order (None for a file that cannot be read), read side by side
        (`nlp.read_reports`)."""
        from nlp import read_reports

        return [self._taken(outcome)
                for outcome in read_reports([file.path if isinstance(file, ReportFile) else file for file in files])]

    def _taken(self, report: Report | ReportError) -> Report | None:
        if isinstance(report, ReportError):
            _say(f"ошибка: {report}")
            self.failed += 1
            return None
        for message in report.warnings:
            _say(f"предупреждение: {message}")
        for message in report.errors:
            _say(f"ошибка: {message}")
        self.failed += bool(report.errors)
        self.events += len(report.events)
        return report


class BuildBar:
    """The build's progress bar over the events it extracts, drawn at the first of them: the build reads
    only the reports the store lacks, so their events are counted by then (`ReportReader.events`)."""

    def __init__(self, reader: ReportReader) -> None:
        self.reader = reader
        self.drawn = ExitStack()
        self.update: Callable[[int], None] | None = None

    def __call__(self, done: int) -> None:
        if self.update is None:
            self.update = self.drawn.enter_context(click.progressbar(
                length=self.reader.events, label="сборка", file=sys.stderr, show_pos=True)).update
        self.update(done)


REPORTS_ARGUMENT = click.argument("paths", nargs=-1, required=True, metavar="ОТЧЁТЫ...",
                                  type=click.Path(exists=True, path_type=Path))
PARAM_TYPES = {"iri": "IRI", "iris": "IRI через пробел", "country": "государство", "period": "квартал",
               "integer": "целое", "date": "дата", "literal": "текст"}


def _say_problems(problems: list[str]) -> int:
    """Print the rows that could not be extracted; 1 if there were any (the run exits 1), else 0."""
    for problem in problems:
        _say(f"ошибка: {problem}")
    return bool(problems)


class Command(click.Command):
    """A command whose usage line names its options in Russian."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[ПАРАМЕТРЫ]")
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """A group of commands, its own and theirs usage lines in Russian."""

    command_class = Command
    group_class = type

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[ПАРАМЕТРЫ]")
        kwargs.setdefault("subcommand_metavar", "КОМАНДА [АРГУМЕНТЫ]...")
        super().__init__(*args, **kwargs)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Граф международных связей Смоленской области: из квартальных отчётов — мероприятия, партнёры,
    должностные лица и места."""


@main.command(short_help="Мероприятия отчётов строками JSON, без хранилища.")
@REPORTS_ARGUMENT
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="ФАЙЛ",
              help="Файл JSON Lines (по умолчанию — стандартный вывод).")
def extract(paths: tuple[Path, ...], out: Path | None) -> None:
    """Прочитать отчёты (файлы или папки) и записать по строке JSON на мероприятие."""
    from nlp import extract_events

    reports, failed = read_reports(paths)
    lines: list[str] = []
    if reports:
        total = sum(len(report.events) for report in reports)
        with click.progressbar(length=total, label="извлечение", file=sys.stderr, show_pos=True) as bar:
            events = extract_events(reports, None, progress=bar.update)  # models loaded where they extract
        lines = [json.dumps(extracted.to_dict(), ensure_ascii=False) for extracted in events]
        failed += _say_problems([problem for extracted in events for problem in extracted.problems])
    text = "\n".join(lines) + ("\n" if lines else "")
    if out is None:
        click.echo(text, nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        _say(f"{out}: {counted(len(lines), 'мероприятие', 'мероприятия', 'мероприятий')} из "
             f"{counted(len(reports), 'отчёта', 'отчётов', 'отчётов')}")
    if failed:
        _say(f"с ошибками: {counted(failed, 'файл', 'файла', 'файлов')}")
        sys.exit(1)


STORE_OPTION = click.option("--store", "store", default=None, metavar="ПАПКА|URL",
                            help="Папка хранилища или адрес запросов сервера SPARQL (по умолчанию $TIES_STORE, "
                                 "иначе data/store).")
FORMAT_OPTION = click.option("--format", "output", type=click.Choice(["table", "json", "csv"]), default="table",
                             show_default=True, help="Вывод для людей (table) или для программ (json, csv).")
OUT_OPTION = click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), required=True,
                          metavar="ФАЙЛ", help="Файл, куда писать.")


STEP_NAMES = {"models": "модели", "extraction": "извлечение", "graphs and writing": "графы и запись",
              "summaries": "сводки", "compaction": "сжатие", "publishing": "публикация"}
SUMMARY_NAMES = {"reports": "отчётов", "events": "мероприятий", "persons": "персон", "organisations": "организаций",
                 "places": "мест", "countries": "государств", "agreements": "соглашений и документов"}


def _print_summary(facts: dict, output: str, seconds: dict[str, float] | None = None) -> None:
    if output == "json":
        timed = {"seconds": {step: round(value, 2) for step, value in seconds.items()}} if seconds else {}
        click.echo(json.dumps({**facts, "top_partners": [{"name": n, "events": c} for n, c in facts["top_partners"]],
                               **timed}, ensure_ascii=False, indent=1))
        return
    if output == "csv":
        rows = [(key, str(value)) for key, value in facts.items() if key != "top_partners"]
        rows += [(f"partner: {name}", str(events)) for name, events in facts["top_partners"]]
        click.echo("what,count")
        for key, value in rows:
            click.echo(f'"{key}",{value}')
        return
    # for people: in Russian, the counts as Russian writes them (12 345)
    rows = [(SUMMARY_NAMES.get(key, key), number(value)) for key, value in facts.items() if key != "top_partners"]
    rows += [(f"партнёр: {name}", number(events)) for name, events in facts["top_partners"]]
    width = max(len(key) for key, _ in [("в графе", ""), *rows])
    click.echo(f"{'в графе':<{width}}  сколько")
    click.echo(f"{'-' * width}  -------")
    for key, value in rows:
        click.echo(f"{key:<{width}}  {value:>7}")


def _load_models() -> Models:
    """The models, imported only when a build extracts: spaCy and natasha take a second or two to import,
    which a build that finds nothing new to read does not wait for."""
    from nlp import load_models

    return load_models()


@main.command("build", short_help="Собрать граф из отчётов.")
@REPORTS_ARGUMENT
@STORE_OPTION
@click.option("--no-validate", is_flag=True, help="Не проверять новые графы по SHACL.")
@click.option("--ttl", "ttl", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="ФАЙЛ",
              help="Записать ещё и весь граф в этот файл (Turtle).")
@FORMAT_OPTION
def build_command(paths: tuple[Path, ...], store: str | None, no_validate: bool, ttl: Path | None,
                  output: str) -> None:
    """Собрать граф из отчётов (файлов или папок): новые добавляются, изменённые заменяются, прежние
    остаются как есть."""
    from graph.pipeline import BuildError, build
    from nlp import report_file

    files = [report_file(path) for path in _report_files(paths)]
    if not files:
        _say_no_reports(paths)
        sys.exit(1)
    reader = ReportReader()
    bar = BuildBar(reader)
    try:
        with bar.drawn:
            result = build(files, store, _load_models, read=reader, validate=not no_validate, progress=bar)
        failed = reader.failed
        built = open_store(store, read_only=False)
        facts = summary(built)
        if ttl is not None:
            ttl.parent.mkdir(parents=True, exist_ok=True)
            built.dump(ttl, _FORMATS["ttl"])
    except (BuildError, StoreError) as error:
        _say(f"ошибка: {error}")
        sys.exit(1)
    except OSError as error:  # the store was written; reading it back or writing --ttl failed
        _say(f"ошибка: {printable(str(ttl or store or ''))}: {printable(error.strerror or str(error))}")
        sys.exit(1)
    for message in result.refused:
        _say(f"ошибка: {message}")
    failed += len(result.refused)
    failed += _say_problems(result.problems)
    for label, ids in (("добавлены", result.added), ("заменены", result.replaced), ("без изменений", result.skipped)):
        if ids:
            _say(f"{label}: {', '.join(quarter(period) for period in ids)}")
    if result.seconds:
        _say("заняло: " + ", ".join(f"{STEP_NAMES.get(step, step)} {number(round(seconds, 1))} с"
                                    for step, seconds in result.seconds.items()))
    _print_summary(facts, output, result.seconds)
    if failed:
        _say(f"с ошибками: {counted(failed, 'файл', 'файла', 'файлов')}")
        sys.exit(1)


_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
            "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS}


@main.command("export", short_help="Записать граф в файл RDF.")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(sorted(_FORMATS)), default="ttl", show_default=True,
              help="Формат RDF; в ttl, nt и jsonld — графы всех отчётов вместе, в trig и nq — каждый свой.")
@OUT_OPTION
def export_command(store: str | None, fmt: str, out: Path) -> None:
    """Записать граф в файл."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        open_store(store).dump(out, _FORMATS[fmt])
    except StoreError as error:
        _say(f"ошибка: {error}")
        sys.exit(1)
    _say(f"{out}")


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param «{pair}»: нужно ИМЯ=ЗНАЧЕНИЕ")
        values[key.strip()] = value
    return values


@main.command("queries", short_help="Запросы библиотеки и их параметры.")
@FORMAT_OPTION
def queries_command(output: str) -> None:
    """Запросы библиотеки: имя, название, параметры."""
    rows = [{"name": q.name, "title": q.title, "parameters": ", ".join(
        f"{p.name} ({p.type}{', default ' + p.default if p.default else ''})" for p in q.params)}
        for q in library().values()]
    if output == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return

    if output == "csv":
        table = Table(("name", "title", "parameters"), tuple((r["name"], r["title"], r["parameters"]) for r in rows))
        click.echo(table.to_delimited(","))
        return
    # for people: the Russian title, each parameter with what it takes and its default
    people = Table(("Запрос", "Название", "Параметры"), tuple(
        (q.name, q.title.split(" | ")[0], ", ".join(
            f"{p.name} ({PARAM_TYPES.get(p.type, p.type)}"
            f"{', по умолчанию ' + p.default.removeprefix(ENTITY_BASE) if p.default else ''})"
            for p in q.params)) for q in library().values()))
    click.echo(people.to_text(width=60, wrap=True))


@main.command("query", short_help="Выполнить запрос библиотеки или SPARQL.")
@click.argument("query", metavar="ЗАПРОС")
@click.option("--param", "params", multiple=True, metavar="ИМЯ=ЗНАЧЕНИЕ",
              help="Значение параметра запроса (можно несколько раз).")
@STORE_OPTION
@click.option("--format", "output", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Вывод для людей (table) или для программ.")
@click.option("--limit", type=int, default=None, metavar="ЧИСЛО", help="Вывести не больше стольких строк.")
@EXCEL_OPTION
def query_command(query: str, params: tuple[str, ...], store: str | None, output: str, limit: int | None,
                  excel: bool) -> None:
    """Выполнить запрос: из библиотеки (по имени, см. `ties queries`), из файла .rq или текст запроса SPARQL
    (префиксы проекта — ties:, schema:, sem:, org:… — известны без объявления, как в рабочем месте)."""
    from graph.rdf.vocab import sparql_prefixes

    prologue = "" if query in library() else sparql_prefixes()
    try:
        text = prologue + load_query(query).bind(parse_params(params))
        table = open_store(store).select(text, limit)
    except (QueryError, StoreError) as error:
        _say(f"ошибка: {_query_error(str(error), prologue)}")
        sys.exit(1)
    if output == "json":
        click.echo(table.to_json())
    elif output in ("csv", "tsv") or excel:
        _delimited(table, "\t" if output == "tsv" else ",", excel)
    else:
        click.echo(table.to_text())


@main.command("serve", short_help="Рабочее место аналитика в браузере и SPARQL.")
@STORE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, metavar="АДРЕС",
              help="Адрес, на котором слушать (по умолчанию — только этот компьютер).")
@click.option("--port", default=8080, show_default=True, type=int, metavar="ПОРТ", help="Порт.")
@click.option("--timeout", default=20.0, show_default=True, type=float, metavar="СЕКУНДЫ",
              help="Сколько секунд может идти запрос.")
@click.option("--max-rows", default=10_000, show_default=True, type=int, metavar="ЧИСЛО",
              help="Больше скольких строк в ответе не бывает.")
@click.option("--max-memory", default=MEMORY_MIB, show_default=True, type=int, metavar="МИБ",
              help="Сколько МиБ может занять процесс одного запроса (встроенное хранилище); больше — ответ 503.")
@click.option("--review", is_flag=True,
              help="Страница проверки (/review) записывает решения: для пользователя этого компьютера, "
                   "только на его собственном адресе.")
def serve_command(store: str | None, host: str, port: int, timeout: float, max_rows: int, max_memory: int,
                  review: bool) -> None:
    """Открыть рабочее место аналитика (/: поиск, страницы, партнёры, карта, /query) и точку доступа SPARQL
    (/sparql)."""
    from graph.web.server import Limits, create_app, serve

    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s", stream=sys.stderr)
    try:
        opened = open_store(store)
        if review and host not in ("127.0.0.1", "localhost", "::1"):
            _say("ошибка: --review записывает решения пользователя этого компьютера: запускайте его на "
                 "127.0.0.1 (--host 127.0.0.1)")
            sys.exit(2)
        app = create_app(opened, Limits(timeout=timeout, max_rows=max_rows, memory_mib=max_memory), review)
    except StoreError as error:
        _say(f"ошибка: {error}")
        sys.exit(1)
    if isinstance(opened, EmbeddedStore) and current_snapshot(opened.path) is None:
        _say(f"предупреждение: у {opened.path} нет опубликованного состояния (хранилище старше них): открыто как "
             "есть; выполните на нём `ties build` один раз, чтобы следующие сборки появлялись целиком и сразу")
    _say(f"рабочее место: http://{host}:{port}/ (SPARQL: /sparql); остановить — Ctrl-C")
    serve(app, host=host, port=port)


@main.command("partners", short_help="Повторяющиеся партнёры и их собеседники.")
@STORE_OPTION
@click.option("--min-events", default=2, show_default=True, type=int, metavar="ЧИСЛО",
              help="Не меньше стольких мероприятий.")
@click.option("--country", default=None, metavar="ГОСУДАРСТВО",
              help="Только партнёры этого государства (код ISO или название: BY, Беларусь).")
@click.option("--type", "entity_type", type=click.Choice(["PER", "ORG", "LOC"]), default=None,
              help="Только персоны (PER), организации (ORG) или места (LOC).")
@click.option("--since", default=None, metavar="ГГГГ-QN", help="Только партнёры, замеченные в этом квартале и позже.")
@click.option("--format", "output", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="Вывод для людей (table) или для программ.")
@EXCEL_OPTION
def partners_command(store: str | None, min_events: int, country: str | None, entity_type: str | None,
                     since: str | None, output: str, excel: bool) -> None:
    """Повторяющиеся партнёры: зарубежные партнёры по числу мероприятий, с их смоленскими собеседниками.

    Читается из профилей партнёров, которые хранит сборка; взвешенная степень, посредничество и сообщество
    считаются по парам, встречавшимся больше одного раза."""
    from graph.network.partners import people_table, read_partners

    if since is not None and not re.fullmatch(r"\d{4}-Q[1-4]", since):
        _say(f"ошибка: --since: «{since}» — не квартал; пишите так: 2025-Q2")
        sys.exit(2)
    if country:
        from nlp import state_code

        code = state_code(country)
        if code is None:
            _say(f"ошибка: --country: «{country}» — не государство; укажите его код ISO (BY) или название "
                 "(Беларусь)")
            sys.exit(2)
        country = code
    try:
        rows = read_partners(open_store(store), min_events, country, entity_type, since)
    except StoreError as error:
        _say(f"ошибка: {error}")
        sys.exit(1)
    if output == "table" and not excel:
        click.echo(people_table(rows).to_text(width=40, wrap=True))
        return
    _records([r.to_dict() for r in rows], lambda: Table(
        ("partner", "type", "country", "events", "quarters", "first", "last", "spheres", "smolensk_counterparts"),
        tuple((r.label, r.type, r.country, str(r.events), ", ".join(r.quarters), r.first or "", r.last or "",
               "; ".join(r.spheres), "; ".join(r.counterparts)) for r in rows)), output, 60, excel)


@main.command("network", short_help="Сеть партнёров: HTML, GEXF или GraphML.")
@STORE_OPTION
@OUT_OPTION
@click.option("--format", "output", type=click.Choice(["html", "gexf", "graphml"]), default="html", show_default=True,
              help="html — карта одним файлом, работает без сети; gexf (Gephi) или graphml (Cytoscape, yEd).")
@click.option("--focus", default="", metavar="IRI|ПУТЬ",
              help="В центре — этот участник (его IRI или путь страницы: /org/…).")
@click.option("--depth", type=click.IntRange(1, 2), default=1, show_default=True, help="Сколько шагов от центра.")
@click.option("--kinds", default="ORG,PER", show_default=True, help="Какие участники: ORG, PER, LOC.")
@click.option("--country", default="", metavar="КОД", help="Только партнёры этого государства (код ISO: BY).")
@click.option("--since", default="", metavar="ГГГГ-QN", help="Только мероприятия с этого квартала.")
@click.option("--until", default="", metavar="ГГГГ-QN", help="Только мероприятия по этот квартал.")
@click.option("--no-smolensk", is_flag=True, help="Без смоленской стороны.")
@click.option("--max-nodes", default=150, show_default=True, type=click.IntRange(10, 600), metavar="ЧИСЛО",
              help="Не больше стольких участников (у кого больше мероприятий).")
def network_command(store: str | None, out: Path, output: str, focus: str, depth: int, kinds: str, country: str,
                    since: str, until: str, no_smolensk: bool, max_nodes: int) -> None:
    """Записать сеть партнёров (разложенную, по цветам государств, с найденными сообществами) в HTML, GEXF
    или GraphML."""
    from graph.network.analytics import load_network
    from graph.network.view import KINDS, Filters, ViewRequest, choices, network_view
    from graph.web.network import export, standalone_html
    from graph.web.paths import entity_iri

    wanted = frozenset(k.strip().upper() for k in kinds.split(","))
    if not wanted <= set(KINDS):
        _say(f"ошибка: --kinds: «{kinds}»: бывают ORG, PER и LOC")
        sys.exit(2)
    try:
        network = load_network(open_store(store))
    except StoreError as error:
        _say(f"ошибка: {error}")
        sys.exit(1)
    request = ViewRequest(Filters(wanted, not no_smolensk, country.upper(), since=since, until=until),
                          entity_iri(focus), depth, max_nodes=max_nodes)
    view = network_view(network, request)
    if focus and not view.focus:
        _say(f"ошибка: --focus: {focus} нет в сети с этими условиями")
        sys.exit(1)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        if output == "html":
            out.write_text(standalone_html(view, choices(network)), encoding="utf-8")
        else:
            out.write_bytes(export(view.to_networkx(viz=output == "gexf"), output))
    except (OSError, FileNotFoundError) as error:
        _say(f"ошибка: {error}")
        sys.exit(1)
    left_out = view.total - len(view.nodes)
    _say(f"{out}: {counted(len(view.nodes), 'участник', 'участника', 'участников')}, "
         f"{counted(len(view.edges), 'связь', 'связи', 'связей')}, "
         f"{counted(len(view.communities), 'сообщество', 'сообщества', 'сообществ')}"
         + (f"; не показаны {number(left_out)} менее активных (--max-nodes)" if left_out else ""))


@main.command("brief", short_help="Справка о государстве, партнёре или области.")
@STORE_OPTION
@click.option("--country", default="", metavar="КОД", help="Государство, по коду ISO (BY, CN…).")
@click.option("--partner", "--region", "partner", default="", metavar="УЧАСТНИК",
              help="Организация, персона или место: IRI, путь страницы (/org/…) или краткий идентификатор (org/…).")
@click.option("--period", default="", metavar="ГГГГ-QN", help="Один квартал (по умолчанию — последний в графе).")
@click.option("--from", "first", default="", metavar="ГГГГ-QN", help="Первый квартал более долгого периода.")
@click.option("--to", "last", default="", metavar="ГГГГ-QN", help="Последний квартал более долгого периода.")
@click.option("--format", "fmt", type=click.Choice(["docx", "html", "md"]), default=None,
              help="docx (Word, как сами отчёты), html или md (по умолчанию — по расширению --out).")
@OUT_OPTION
def brief_command(store: str | None, country: str, partner: str, period: str, first: str, last: str,
                  fmt: str | None, out: Path) -> None:
    """Составить справку о государстве, партнёре или всей области за период, со ссылками на строки отчётов."""
    from graph.briefs import BriefError, make_brief, read_material, render

    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in ("docx", "html", "md"):
        _say(f"ошибка: --format: укажите docx, html или md (по расширению {out} не понять)")
        sys.exit(2)
    try:
        material = read_material(open_store(store))
        newest = material.periods()[-1] if material.periods() else ""
        begin, end = (period, period) if period else (first or last or newest, last or first or newest)
        brief = make_brief(material, begin, end, country=country, partner=partner)
    except (StoreError, BriefError) as error:
        _say(f"ошибка: {error}")
        sys.exit(1)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(render(brief, fmt))
    _say(f"{out}: {brief.title} ({counted(len(brief.events), 'мероприятие', 'мероприятия', 'мероприятий')}, "
         f"{counted(len(brief.officials), 'должностное лицо', 'должностных лица', 'должностных лиц')}, "
         f"{counted(len(brief.agreements), 'соглашение', 'соглашения', 'соглашений')})")


@main.group("review", invoke_without_command=True, short_help="Что проверить в графе; решения.")
@STORE_OPTION
@click.option("--format", "output", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="Вывод для людей (table) или для программ.")
@click.option("--kind", type=click.Choice(["merge", "forms", "no-point", "natasha-only"]), default=None,
              help="Только сомнения этого рода: merge — возможно, одно и то же; forms — записано по-разному; "
                   "no-point — место без координат; natasha-only — организация, которую нашла только natasha.")
@click.pass_context
def review_command(context: click.Context, store: str | None, output: str, kind: str | None) -> None:
    """Что проверить в графе, и решения, которые остаются в силе.

    Без команды: сомнительные участники, у каждого — команда, которая решает сомнение. Решение (same,
    different, not-entity, type, country, name, point) записывается в ontology/aliases.csv или
    ontology/corrections.csv (другая папка — $TIES_DECISIONS), и следующая `ties build` применяет его,
    прочитав все отчёты заново."""
    context.ensure_object(dict)
    context.obj["store"] = store
    if context.invoked_subcommand is not None:
        return
    from graph.review import KINDS, as_text, doubts

    try:
        found = [d for d in doubts(open_store(store)) if kind is None or d.kind == kind]
    except StoreError as error:
        _say(f"ошибка: {error}")
        sys.exit(1)
    if output == "table":  # blocks, not a table: the command that decides a doubt is shown whole, to copy
        click.echo(as_text(found, min(100, max(60, shutil.get_terminal_size((100, 24)).columns - 2))))
        return
    _records([d.to_dict() for d in found], lambda: Table(
        ("Сомнение", "Участники", "Основания", "Как решить"),
        tuple((KINDS[d.kind], " / ".join(d.labels), d.evidence, d.hint) for d in found)), output, 70)


def _decide(context: click.Context, decision: str, entity: str, value: str = "", other: str = "") -> None:
    from graph.review import decide

    try:
        said = decide(open_store(context.obj["store"]), decision, entity, value, other)
    except (StoreError, ValueError) as error:
        _say(f"ошибка: {error}")
        sys.exit(1)
    _say(f"записано: {said.russian()}; применит следующая `ties build` (все отчёты будут прочитаны заново)")


def _pair_decision(decision: str, help_text: str) -> None:
    """`ties review same|different ENTITY OTHER`: an identity decision about two entities (aliases.csv)."""
    @review_command.command(decision, help=help_text)
    @click.argument("entity", metavar="УЧАСТНИК")
    @click.argument("other", metavar="ДРУГОЙ")
    @click.pass_context
    def command(context: click.Context, entity: str, other: str) -> None:
        _decide(context, decision, entity, other=other)


_pair_decision("same", "Два участника — один и тот же (aliases.csv).")
_pair_decision("different", "Два участника — никогда не один, что бы ни говорили правила (aliases.csv).")


@review_command.command("not-entity")
@click.argument("entity", metavar="УЧАСТНИК")
@click.pass_context
def review_not_entity(context: click.Context, entity: str) -> None:
    """Это имя — не персона, не организация и не место: убрать его из всех мероприятий (corrections.csv)."""
    _decide(context, "not-entity", entity)


def _value_decision(decision: str, value: click.ParamType | None, metavar: str, help_text: str) -> None:
    """`ties review type|country|name ENTITY VALUE`: a correction of one entity (corrections.csv)."""
    @review_command.command(decision, help=help_text)
    @click.argument("entity", metavar="УЧАСТНИК")
    @click.argument("value", type=value, metavar=metavar)
    @click.pass_context
    def command(context: click.Context, entity: str, value: str) -> None:
        _decide(context, decision, entity, value)


_value_decision("type", click.Choice(["PER", "ORG", "LOC"], case_sensitive=False), "[PER|ORG|LOC]",
                "Участник другого типа (corrections.csv).")
_value_decision("country", None, "КОД", "Участник другого государства (corrections.csv).")
_value_decision("name", None, "НАЗВАНИЕ", "Как писать имя участника (corrections.csv).")


@review_command.command("point", context_settings={"ignore_unknown_options": True})  # a longitude west: «-66,9»
@click.argument("entity", metavar="МЕСТО")
@click.argument("latitude", metavar="ШИРОТА")
@click.argument("longitude", metavar="ДОЛГОТА")
@click.pass_context
def review_point(context: click.Context, entity: str, latitude: str, longitude: str) -> None:
    """Где место на карте: широта и долгота в градусах, «54,9312 33,306» (corrections.csv)."""
    _decide(context, "point", entity, f"{latitude} {longitude}")


if __name__ == "__main__":
    main()
