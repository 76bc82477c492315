"""A brief as Markdown, HTML (the workspace's templates) or a Word document in the reports' house style."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby

from graph.briefs.compose import SIDES, Brief, BriefEvent, Source
from graph.briefs.russian import period_phrase, quarter_words
from graph.russian import counted, days, quarter

EVENTS = ("мероприятие", "мероприятия", "мероприятий")
FORMATS = ("docx", "html", "md")
QUARTERS = "Мероприятия по кварталам"


def cite_groups(sources: Iterable[Source]) -> list[tuple[str, list[tuple[Source, Source]]]]:
    """Sources by report, consecutive rows as runs (first, last): what a citation lists."""
    groups = []
    for period, group in groupby(sorted(set(sources)), key=lambda s: s.period):
        runs: list[tuple[Source, Source]] = []
        for source in group:
            if runs and source.row == runs[-1][1].row + 1:
                runs[-1] = (runs[-1][0], source)
            else:
                runs.append((source, source))
        groups.append((period, runs))
    return groups


def cite(sources: Iterable[Source]) -> str:
    """The rows a statement comes from: "[2024-Q1, № 2; 2025-Q2, № 3, 5–7]" (no line break after "№").

    >>> rows = [Source("2025-Q2", n, "") for n in (5, 3, 6, 7)] + [Source("2024-Q1", 2, "")]
    >>> cite(rows), cite([])
    ('[2024-Q1, №\xa02; 2025-Q2, №\xa03, 5–7]', '')
    """
    parts = [f"{period}, №\u00a0" + ", ".join(str(a.row) if a is b else f"{a.row}–{b.row}" for a, b in runs)
             for period, runs in cite_groups(sources)]
    return f"[{'; '.join(parts)}]" if parts else ""


def events(count: int) -> str:
    """ "1 мероприятие", "2 мероприятия", "5 мероприятий"."""
    return counted(count, *EVENTS)


def change(now: int, before: int) -> str:
    """How the count moved against the previous period, in words.

    >>> change(5, 3), change(2, 4), change(3, 3), change(1, 0)
    ('рост на 2', 'снижение на 2', 'на том же уровне', 'рост на 1')
    """
    if now == before:
        return "на том же уровне"
    return f"{'рост' if now > before else 'снижение'} на {abs(now - before)}"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One statement of a brief: its text and the rows it cites."""

    text: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    paragraphs: tuple[Paragraph, ...]


def _when(event: BriefEvent) -> str:
    """The event's days, or its quarter where the row gives none."""
    return days(event.start, event.end) if event.start else quarter(event.period)


def sections(brief: Brief) -> list[Section]:
    """The brief's statements, in order, each with its sources: what every format renders."""
    found = [Section("Общие сведения", _overview(brief))]
    if len(brief.quarters) >= 3:
        found.append(Section(QUARTERS, tuple(
            Paragraph(f"{quarter(c.label)} — {c.count}" if c.label in brief.reported
                      else f"{quarter(c.label)} — отчёта в графе нет", c.sources) for c in brief.quarters)))
    if brief.key_events:
        found.append(Section("Основные мероприятия", tuple(
            Paragraph(f"{_when(e)} — {e.title}" + (f" ({e.venue})" if e.venue else ""),
                      (e.source,)) for e in brief.key_events)))
    if brief.officials:
        lines = []
        for side, group in groupby(brief.officials, key=lambda o: o.side):
            lines.append(Paragraph(SIDES[side]))
            lines += [Paragraph(o.label + (f" — {'; '.join(o.posts)}" if o.posts else ""), o.sources) for o in group]
        found.append(Section("Участники", tuple(lines)))
    if brief.agreements:
        found.append(Section("Соглашения", tuple(
            Paragraph(f"{'Подписан' if a.signed else 'Обсуждался'} документ: {a.label}"
                      + (f" ({a.kind.lower()})" if a.kind and not a.label.lower().startswith(a.kind.lower()) else "")
                      + (f"; стороны: {', '.join(a.parties)}" if a.parties else ""), a.sources)
            for a in brief.agreements)))
    if partners := _partners(brief):
        found.append(Section("Смоленские участники" if brief.kind == "partner" else "Партнёры", partners))
    return found


def _overview(brief: Brief) -> tuple[Paragraph, ...]:
    """How many events, against the period before, by type, sphere and direction."""
    total, before = len(brief.events), len(brief.previous_events)
    when = period_phrase(brief.first, brief.last)
    earlier = period_phrase(*brief.previous).removeprefix("за ").removeprefix("период ")
    missing = [quarter(c.label) for c in brief.quarters if c.label not in brief.reported]
    lines = [Paragraph(f"{when[:1].upper()}{when[1:]} состоялось {events(total)}"
                       + (f" (отчётов за {', '.join(missing)} в графе нет)." if missing else "."), brief.sources),
             Paragraph(f"В предыдущем периоде ({earlier}) — {events(before)}; {change(total, before)}."
                       if brief.previous_known else f"Отчётов за предыдущий период ({earlier}) в графе нет.",
                       brief.previous_events)]
    for heading, counts in (("По видам", brief.by_type), ("По сферам", brief.by_sphere),
                            ("По направлению", brief.by_direction)):
        if counts:
            lines.append(Paragraph(f"{heading}:"))
            lines += [Paragraph(f"{c.label} — {c.count}", c.sources) for c in counts]
    return tuple(lines)


def _partners(brief: Brief) -> tuple[Paragraph, ...]:
    """The new partners, the recurring ones (with their events in the period) and those gone quiet (with the
    quarter they were last seen)."""
    lines: list[Paragraph] = []
    # with no report before the period, every partner of it is new to the graph, not known to be new
    new = "Новые" if brief.earliest < brief.first else \
        f"Впервые в графе (отчётов до {quarter_words(brief.earliest, 'gent')} в нём нет)"
    for label, partners, quiet in ((new, brief.new, False), ("Постоянные (участвовали и раньше)", brief.recurring,
                                   False), ("Не участвовавшие в периоде (последний раз)", brief.dormant, True)):
        if partners:
            lines.append(Paragraph(f"{label}:"))
            lines += [Paragraph(f"{p.label} — {quarter(p.last) if quiet else events(len(p.sources))}", p.sources)
                      for p in partners]
    return tuple(lines)


def event_rows(brief: Brief) -> Iterator[tuple[str, str, str, str, str]]:
    """The table of all events: №, when, what, type, source."""
    for number, event in enumerate(brief.events, 1):
        yield (str(number), _when(event), event.title, event.event_type,
               cite((event.source,)))


def markdown(brief: Brief) -> str:
    lines = [f"# {brief.title}", ""]
    for section in sections(brief):
        lines += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            text = f"{paragraph.text} {cite(paragraph.sources)}".rstrip()
            lines.append(f"- {text}" if not paragraph.text.endswith(":") else f"\n{text}\n")
        lines.append("")
    lines += ["## Перечень мероприятий", "", "| № | Дата | Мероприятие | Вид | Источник |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in event_rows(brief)]
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def docx(brief: Brief) -> bytes:
    """A Word document as the region writes its reports: A4, Times New Roman 14, headings, a table of events
    and a table of the sources every statement cites."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Cm(3), Cm(1.5), Cm(2), Cm(2)
    for name in ("Normal", "Heading 1", "Heading 2", "Table Grid", "List Bullet"):
        style = document.styles[name]
        style.font.name = "Times New Roman"
        fonts = style.element.rPr.rFonts
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)  # a theme font would win over the named one
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attribute), "Times New Roman")
        if name == "Normal":
            style.font.size = Pt(14)
    for name, size in (("Heading 1", 16), ("Heading 2", 14)):
        document.styles[name].font.size = Pt(size)
        document.styles[name].font.bold = True
        document.styles[name].font.color.rgb = None
    heading = document.add_heading(brief.title, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in sections(brief):
        document.add_heading(part.heading, level=2)
        if part.heading == QUARTERS:  # the chart: a bar of blocks per quarter
            _table(document, ("Квартал", "Мероприятий", ""),
                   [(label, "нет отчёта" if count is None else str(count), "█" * round(20 * share))
                    for label, count, share in chart_bars(brief)],
                   widths=(3.5, 3.5, 9.5))
        for paragraph in part.paragraphs:
            document.add_paragraph(f"{paragraph.text} {cite(paragraph.sources)}".rstrip(),
                                   style=None if paragraph.text.endswith(":") or not paragraph.sources
                                   else "List Bullet")
    document.add_heading("Перечень мероприятий", level=2)
    _table(document, ("№", "Дата", "Мероприятие", "Вид", "Источник"), list(event_rows(brief)))
    document.add_heading("Источники", level=2)
    document.add_paragraph("Отчёты о мероприятиях в международной сфере; строка таблицы отчёта — номер в ссылке.")
    _table(document, ("Ссылка", "Отчёт", "Строка", "Мероприятие"),
           [(cite((e.source,)), quarter(e.period), str(e.row), e.title) for e in brief.events])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, header: tuple[str, ...], rows: list[tuple[str, ...]],
           widths: tuple[float, ...] = ()) -> None:
    from docx.shared import Cm, Pt

    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    if widths:  # LibreOffice reads the grid's widths, Word the cells'
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].font.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            if widths:
                cell.width = Cm(widths[index])
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(11)


def html_context(brief: Brief, href) -> dict:
    """What the HTML templates (brief_body.html) need: the statements, the chart, links to the events."""
    return {"b": brief, "parts": sections(brief), "bars": chart_bars(brief), "href": href,
            "cite_groups": cite_groups, "quarters_heading": QUARTERS,
            "when": _when}


def chart_bars(brief: Brief) -> list[tuple[str, int | None, float]]:
    """(quarter, count, share of the highest) for the chart of events per quarter; the count None for a
    quarter the graph holds no report of (unknown, not zero)."""
    top = max((c.count for c in brief.quarters), default=0) or 1
    return [(quarter(c.label), c.count if c.label in brief.reported else None, c.count / top) for c in brief.quarters]
