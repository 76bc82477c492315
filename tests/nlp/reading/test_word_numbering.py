"""Word's list numbering read as the numbers Word draws: in Word files python-docx writes, as Word keeps them."""

from __future__ import annotations

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from nlp.reading.word_numbering import ListNumbers


def _definition(document, levels: list[tuple[str, str]]) -> int:
    """A list definition in the document's numbering, of `levels` (format, text): its abstractNumId."""
    numbering = document.part.numbering_part.element
    abstract_id = 100 + len(numbering.xpath("w:abstractNum"))
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        + "".join(f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                  f'<w:lvlText w:val="{text}"/></w:lvl>' for index, (fmt, text) in enumerate(levels))
        + "</w:abstractNum>"))
    return abstract_id


def _list(document, abstract_id: int, restarts: dict[int, int] | None = None) -> int:
    """A list of a definition, restarting its levels at `restarts`: its numId."""
    numbering = document.part.numbering_part.element
    num_id = 100 + len(numbering.xpath("w:num"))
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        + "".join(f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                  for level, start in (restarts or {}).items())
        + "</w:num>"))
    return num_id


def _numbered(document, text: str, num_id: int, level: int = 0):
    paragraph = document.add_paragraph(text)
    numbers = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbers.get_or_add_ilvl().val = level
    numbers.get_or_add_numId().val = num_id
    return paragraph._p


def _labels(document, paragraphs) -> list[str]:
    numbers = ListNumbers(document.part.numbering_part.element, document.styles.element)
    return [numbers.label(paragraph) for paragraph in paragraphs]


def test_levels_count_in_document_order_and_a_level_restarts_under_its_parent() -> None:
    document = Document()
    levels = [("decimal", "%1."), ("decimal", "%1.%2."), ("russianLower", "%3)")]
    outline = _list(document, _definition(document, levels))
    paragraphs = [_numbered(document, "", outline, level) for level in (0, 1, 2, 2, 1, 0, 1)]
    plain = document.add_paragraph("без номера")._p
    assert _labels(document, [*paragraphs, plain]) == ["1.", "1.1.", "а)", "б)", "1.2.", "2.", "2.1.", ""]


def test_a_list_of_the_same_definition_goes_on_unless_it_restarts() -> None:
    document = Document()
    definition = _definition(document, [("decimal", "%1.")])
    first, going_on = _list(document, definition), _list(document, definition)
    restarted = _list(document, definition, {0: 7})
    paragraphs = [_numbered(document, "", num_id) for num_id in (first, first, going_on, restarted, restarted)]
    assert _labels(document, paragraphs) == ["1.", "2.", "3.", "7.", "8."]


def test_a_style_numbers_its_paragraphs_and_a_symbol_font_bullet_is_a_bullet() -> None:
    document = Document()
    bullets = _list(document, _definition(document, [("bullet", "\uf0b7")]))
    styled = [document.add_paragraph("пункт", style="List Number")._p for _ in range(2)]
    assert _labels(document, [*styled, _numbered(document, "пункт", bullets)]) == ["1.", "2.", "•"]


def test_a_paragraph_met_again_keeps_its_number() -> None:
    """A cell merged down a column is met in each of its rows: its paragraph is counted once."""
    document = Document()
    outline = _list(document, _definition(document, [("decimal", "%1.")]))
    first, second = _numbered(document, "", outline), _numbered(document, "", outline)
    numbers = ListNumbers(document.part.numbering_part.element, document.styles.element)
    assert [numbers.label(p) for p in (first, first, second)] == ["1.", "1.", "2."]
