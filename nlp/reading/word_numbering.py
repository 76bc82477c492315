"""The numbers Word draws before a numbered paragraph («1.», «а)», «•»), which are no text of the paragraph.

A report's «№ п/п» column is often Word's list numbering: the cell holds no text, and its number is worked out
from the document's numbering definitions, counting the list's paragraphs in document order. Only the parts a
report uses are read: levels with their start, format and text, a list's restart, numbering given by a style.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": W}
LEVELS = 9
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"  # Word's «russianLower» letters: no ё, й, ъ, ы, ь
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
BULLET = "•"


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list: the number it starts at, how numbers are written, and the text around them."""

    start: int = 1
    format: str = "decimal"
    text: str = "%1."


@cache
def _path(path: str) -> etree.XPath:
    # compiled with its prefixes: python-docx's own elements refuse xpath()'s `namespaces`, lxml's need it
    return etree.XPath(path, namespaces=_NS)


def _all(element: Any, path: str) -> list[Any]:
    return list(_path(path)(element))


def _attribute(element: Any, path: str) -> str | None:
    found = _all(element, f"{path}/@w:val")
    return str(found[0]) if found else None


def _whole(text: str | None, default: int = 0) -> int:
    """A number of the numbering's XML; a value Word would not write is the default, not a refused document."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _letters(number: int, alphabet: str) -> str:
    """Word's letter numbering: a…z, then aa…zz (the letter repeated)."""
    return alphabet[(number - 1) % len(alphabet)] * ((number - 1) // len(alphabet) + 1)


def _roman(number: int) -> str:
    digits = []
    for value, letters in _ROMAN:
        while number >= value:
            digits.append(letters)
            number -= value
    return "".join(digits)


def written(number: int, format: str) -> str:
    """A list number as a level's format writes it.

    >>> written(3, "decimal"), written(3, "russianLower"), written(4, "upperRoman"), written(27, "lowerLetter")
    ('3', 'в', 'IV', 'aa')
    """
    if number < 1:
        return str(number)
    match format:
        case "decimalZero":
            return f"{number:02d}"
        case "lowerLetter" | "upperLetter":
            letters = _letters(number, "abcdefghijklmnopqrstuvwxyz")
            return letters.upper() if format == "upperLetter" else letters
        case "russianLower" | "russianUpper":
            letters = _letters(number, _RUSSIAN)
            return letters.upper() if format == "russianUpper" else letters
        case "lowerRoman" | "upperRoman":
            return _roman(number).upper() if format == "upperRoman" else _roman(number)
        case "none":
            return ""
    return str(number)


class ListNumbers:
    """Labels of a document's numbered paragraphs, asked for in document order (each call counts one)."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self._levels: dict[str, dict[int, Level]] = {}
        self._abstract: dict[str, str] = {}
        self._restarts: dict[str, dict[int, int]] = {}
        if numbering is not None:
            for abstract in _all(numbering, "w:abstractNum"):
                self._levels[abstract.get(f"{{{W}}}abstractNumId")] = {
                    _whole(level.get(f"{{{W}}}ilvl")): Level(
                        _whole(_attribute(level, "w:start"), 1), _attribute(level, "w:numFmt") or "decimal",
                        _attribute(level, "w:lvlText") or "")
                    for level in _all(abstract, "w:lvl")}
            for num in _all(numbering, "w:num"):
                num_id = num.get(f"{{{W}}}numId")
                self._abstract[num_id] = _attribute(num, "w:abstractNumId") or ""
                self._restarts[num_id] = {
                    _whole(override.get(f"{{{W}}}ilvl")): _whole(start, 1)
                    for override in _all(num, "w:lvlOverride")
                    if (start := _attribute(override, "w:startOverride")) is not None}
        self._style_lists: dict[str, tuple[str | None, str | None, str | None]] = {}
        if styles is not None:
            for style in _all(styles, "w:style"):
                self._style_lists[style.get(f"{{{W}}}styleId")] = (
                    _attribute(style, "w:pPr/w:numPr/w:numId"), _attribute(style, "w:pPr/w:numPr/w:ilvl"),
                    _attribute(style, "w:basedOn"))
        self._counts: dict[str, list[int | None]] = {}
        self._begun: set[str] = set()
        self._labels: dict[Any, str] = {}  # by element: a cell merged down a column is met in each of its rows

    def _list_of(self, paragraph: Any) -> tuple[str, int] | None:
        """The list (numId) and level a paragraph is numbered in: its own, else its style's (or a base style's)."""
        num_id, level = _attribute(paragraph, "w:pPr/w:numPr/w:numId"), _attribute(paragraph, "w:pPr/w:numPr/w:ilvl")
        style = _attribute(paragraph, "w:pPr/w:pStyle")
        for _ in range(LEVELS):  # a chain of base styles, cut short should it loop
            if num_id is not None or style is None or style not in self._style_lists:
                break
            num_id, style_level, style = self._style_lists[style]
            level = level or style_level
        if num_id is None or num_id == "0" or num_id not in self._abstract:
            return None
        return num_id, min(max(_whole(level), 0), LEVELS - 1)

    def label(self, paragraph: Any) -> str:
        """What Word draws before the paragraph (a `w:p` element): «1.», «а)», «•», or nothing."""
        if paragraph not in self._labels:
            self._labels[paragraph] = self._count(paragraph)
        return self._labels[paragraph]

    def _count(self, paragraph: Any) -> str:
        found = self._list_of(paragraph)
        if found is None:
            return ""
        num_id, index = found
        abstract = self._abstract[num_id]
        levels = self._levels.get(abstract, {})
        counts = self._counts.setdefault(abstract, [None] * LEVELS)
        if num_id not in self._begun:  # a list that restarts its numbering does so at its first paragraph
            self._begun.add(num_id)
            for restarted, start in self._restarts[num_id].items():
                if restarted < LEVELS:
                    counts[restarted] = start - 1
        level = levels.get(index, Level())
        current = counts[index]
        counts[index] = (level.start - 1 if current is None else current) + 1
        counts[index + 1:] = [None] * (LEVELS - index - 1)
        if level.format == "bullet":
            return level.text if level.text.isprintable() and level.text not in ("", "o", "§") else BULLET
        text = level.text
        for shown in range(1, LEVELS + 1):  # «%1.%2.»: each level's number where its mark stands
            if f"%{shown}" in text:
                count = counts[shown - 1]
                at = levels.get(shown - 1, Level())
                text = text.replace(f"%{shown}", written(at.start if count is None else count, at.format))
        return text
