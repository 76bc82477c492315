"""A synthetic corpus of reports made from the samples: varied persons, towns, organisations, periods.

Copies of the two sample reports whose quarter and year change (so dates and periods vary), whose
surnames and initials, Belarusian and Russian towns and quoted organisation names are replaced
deterministically per copy (so resolution and the store see new entities, not the same ones again).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
SYLLABLES = ["Ба", "Ве", "Го", "Да", "Жу", "Зо", "Ка", "Ле", "Ми", "Но", "Пу", "Ре", "Са", "То", "Фе", "Ше"]
# towns whose name is their stem (no final vowel), so every case ending stays right after a swap
TOWNS = ["Минск", "Витебск", "Могилев", "Брест", "Полоцк", "Гомель", "Бобруйск", "Борисов", "Пинск", "Слуцк",
         "Новополоцк", "Кричев", "Браслав", "Лепель", "Рославль", "Дорогобуж", "Ельск", "Мстиславль"]
_PERSON = re.compile(r"\b([А-ЯЁ])\.\s?([А-ЯЁ])\.\s?([А-ЯЁ][а-яё]{3,})")
_PERIOD = re.compile(r"\b(I{1,3}|IV)(\s+квартал\w*\s+)(\d{4})")
_QUOTED = re.compile(r"«([А-ЯЁA-Z][^«»\n]{2,40})»")


def _variant(word: str, copy: int, salt: str) -> str:
    rng = random.Random(f"{salt}:{copy}:{word}")
    return rng.choice(SYLLABLES) + word[2:]


def make_copy(text: str, copy: int) -> str:
    """The report text as copy number `copy` (0 is the original)."""
    if copy == 0:
        return text
    match = _PERIOD.search(text)
    quarter = {"I": 1, "II": 2, "III": 3, "IV": 4}[match.group(1)] if match else 1
    year = int(match.group(3)) if match else 2025
    index = (year * 4 + quarter - 1) - copy
    new_year, new_quarter = index // 4, index % 4 + 1
    text = re.sub(rf"\b{year}\b", str(new_year), text)
    text = re.sub(rf"\b{year - 1}\b", str(new_year - 1), text)
    text = _PERIOD.sub(lambda m: f"{ROMAN[new_quarter]}{m.group(2)}{new_year}", text, count=1)
    text = _PERSON.sub(lambda m: f"{_variant(m.group(1) + m.group(2), copy, 'i')[0]}.{m.group(2)}. "
                                 f"{_variant(m.group(3), copy, 'p')}", text)
    rng = random.Random(copy)
    towns = TOWNS[:]
    rng.shuffle(towns)
    swap = dict(zip(TOWNS[:8], towns[:8], strict=True))
    text = re.sub(r"\b(" + "|".join(swap) + r")(?=[а-я]{0,3}\b)", lambda m: swap[m.group(1)], text)
    return _QUOTED.sub(lambda m: f"«{m.group(1)} {copy}»" if not m.group(1).startswith("Смолен") else m.group(0),
                      text)


def write_corpus(samples: list[Path], scale: int, out: Path) -> list[Path]:
    """`scale` copies of each sample report in `out`, named by their periods."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in samples:
        text = sample.read_text(encoding="utf-8")
        for copy in range(scale):
            path = out / f"{sample.stem}-copy{copy:03d}.txt"
            # copies step two quarters back, so the two samples never land on one period
            path.write_text(make_copy(text, copy * len(samples)), encoding="utf-8")
            written.append(path)
    return written


def write_new_report(sample: Path, scale: int, out: Path) -> Path:
    """A report for a quarter no copy has (2026, after the samples' latest), made from `sample` with persons,
    towns and organisations renamed as a copy the corpus of `scale` does not hold: the next quarter an
    analyst adds to a store of `scale` times the samples."""
    text = make_copy(sample.read_text(encoding="utf-8"), 2 * scale + 1)
    match = _PERIOD.search(text)
    year = int(match.group(3)) if match else 2025
    text = re.sub(rf"\b{year - 1}\b", "2025", re.sub(rf"\b{year}\b", "2026", text))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return out
