"""Facts read off the cells of a row: participant count, remote format; the report's summary."""

from __future__ import annotations

import re

from nlp.records import Summary

# «1 200», «4 тысячи», «1,5 тыс.», «9-ти» (the case ending written after the figure)
_FIGURE = (r"(?:\d+[.,]\d+\s*тыс(?:\.|яч[а-яё]*)|(?:\d{1,3}(?:[ \xa0]\d{3})+|\d+)(?:\s*тыс(?:\.|яч[а-яё]*))?)"
           r"(?:-?(?:ти|ми|х|и))?")
# a count, or a range of counts whose lower bound is taken («100-150 человек»)
_NUMBER = r"(" + _FIGURE + r")(?:\s*[-–]\s*" + _FIGURE + r")?"
_PEOPLE = r"(?:человек\w*|чел\.|участник\w*|посетител\w*|гост\w*)"
# who they are, when a row counts people by what they do («180 солистов», «(15 ветеранов …, 10 ветеранов …)»);
# counted only where no count of «человек» or «участников» is given, which such counts often break down
_MEMBERS = (r"(?:(?:школьник|студент|спортсмен|солист|артист|музыкант|танцор|делегат|эксперт|специалист|волонт[её]р"
            r"|ветеран|турист|журналист|паломник|экскурсант|воспитанник|ученик)(?:а|ов|ы|ам|и)?"
            r"|(?:исполнител|преподавател|представител|зрител|слушател|учител|предпринимател)(?:ь|я|ей|и|ям)"
            r"|(?:педагог|член)(?:а|ов|и)?|(?:учащ|обучающ)(?:ийся|ихся|иеся|егося)|детей|ребят)\b")
_TOTAL = re.compile(
    r"(?:общее\s+)?количество\s+(?:участников|посетителей|человек)[^–—\-:\d]{0,40}[–—\-:]?\s*"
    r"(?:более|около|свыше|порядка)?\s*" + _NUMBER,
    re.IGNORECASE,
)
_ABOUT = r"(?:(?:более|около|свыше|порядка|в\s+количестве)\s+)?"
_COUNT = re.compile(_ABOUT + _NUMBER + r"\s+" + _PEOPLE, re.IGNORECASE)
_MEMBER_COUNT = re.compile(_ABOUT + _NUMBER + r"\s+" + _MEMBERS, re.IGNORECASE)
_LEADING = re.compile(r"^\s*(?:более|около|свыше)?\s*" + _NUMBER + r"\s+(?:" + _PEOPLE + "|" + _MEMBERS + ")",
                      re.IGNORECASE)
_REMOTE = re.compile(
    r"дистанционн\w+\s+формат|дистанционно|удал[её]нн\w+\s+формат|онлайн|online|видео-?\s?конферен|видеосвяз|ВКС|"
    r"телемост|вебинар|webinar|\bzoom\b|trueconf|\bteams\b|сферум|skype|скайп|webex|контур\.?\s?толк|vk\s+звонк"
    r"|https?://|www\.|\bсайт\w*|в\s+режиме\s+видео",
    re.IGNORECASE,
)
_MEETINGS = re.compile(r"состоял\w*\s+(\d+)\s+(?:встреч|прием|переговор)", re.IGNORECASE)
_PLACE_AFTER_DASH = re.compile(r"\d+\s+\w+\s*[–—-]\s*((?:в|на)\s+[^,;]+?(?:\([^)]*\))?)(?=,\s*\d|\.?$|;)")
_PLACE = re.compile(r"\b((?:в|на)\s+(?:здании|помещении|территории|зале|центре|офисе)[^,;.(]*(?:\([^)]*\))?)")


def _number(text: str) -> int:
    """A count as written: «1 200» 1200, «4 тысячи» 4000, «1,5 тыс.» 1500."""
    figure, thousands, _ = text.lower().partition("тыс")
    if thousands and (decimal := re.search(r"\d+[.,]\d+", figure)):
        return round(float(decimal.group().replace(",", ".")) * 1000)
    return int(re.sub(r"\D", "", figure)) * (1000 if thousands else 1)


def participant_count(participants: str, description: str = "") -> int | None:
    """The announced number of participants, or None when the row gives none.

    A stated total wins; else a count opening the participants cell; else the
    sum of the group counts in the participants cell (of people or participants, else of
    soloists, students and the like); else the largest count of people in the description, else of
    soloists, students and the like there. A range ("100-150 человек") gives its lower bound, "более 1200" gives 1200.

    >>> participant_count("Общее количество участников – 261 человек")
    261
    >>> participant_count("Студенты (7 участников), преподаватели (4 участника)")
    11
    >>> participant_count("", "приняли участие более 1 200 человек")
    1200
    >>> participant_count("Более 4 тысяч представителей органов власти"), participant_count("180 солистов")
    (4000, 180)
    >>> participant_count("Представители бизнеса") is None
    True
    >>> participant_count("", "В турнире приняли участие более 300 спортсменов, из них 50 спортсменов из Беларуси")
    300
    """
    for text in (participants, description):
        if match := _TOTAL.search(text):
            return _number(match.group(1))
    if match := _LEADING.match(participants):
        return _number(match.group(1))
    for counted in (_COUNT, _MEMBER_COUNT):
        if groups := [_number(m.group(1)) for m in counted.finditer(participants)]:
            return sum(groups)
    for counted in (_COUNT, _MEMBER_COUNT):
        if counts := [_number(m.group(1)) for m in counted.finditer(description)]:
            return max(counts)
    return None


def is_remote(title: str, place: str, description: str = "") -> bool:
    """Whether the event was held remotely: online, by video link, on a website.

    >>> is_remote("Телемост «День единения»", "г. Смоленск")
    True
    >>> is_remote("Визит делегации", "г. Минск", "проведена онлайн-трансляция")
    False
    """
    if _REMOTE.search(title) or _REMOTE.search(place):
        return True
    return bool(re.search(r"(?:в|во)\s+(?:дистанционном|онлайн-?)\s*формате|в\s+режиме\s+(?:видео|онлайн)"
                          r"|посредством\s+(?:ВКС|видео)", description, re.IGNORECASE)) and not place.strip()


def read_summary(text: str) -> Summary | None:
    """The closing paragraph of a report, when the text is one.

    >>> s = read_summary("Во II квартале 2025 года состоялось 9 встреч (приемов, переговоров) "
    ...                  "с иностранными делегациями: 7 приемов – в здании Дома Советов, "
    ...                  "1 встреча – в центре «Мой бизнес»")
    >>> s.meetings, s.places
    (9, ('в здании Дома Советов', 'в центре «Мой бизнес»'))
    """
    match = _MEETINGS.search(text)
    if not match:
        return None
    rest = text[match.end():]
    places = [m.group(1).strip() for m in _PLACE_AFTER_DASH.finditer(rest)]
    places = places or [m.group(1).strip() for m in _PLACE.finditer(rest)]
    return Summary(text=text, meetings=int(match.group(1)), places=tuple(places))
