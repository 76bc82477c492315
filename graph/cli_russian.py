"""Click's own words in Russian: "Usage:", "Options", the help option, its error messages.

The `ties` command speaks Russian whatever the user's locale, as the workspace does. Click takes these
words from gettext, whose catalogue follows the locale's environment (LANGUAGE, LANG) and ships no Russian
one; so each of click's modules is given a function that looks its words up here. A word not found stays
as click says it.
"""

from __future__ import annotations

import importlib

from graph.russian import plural

# click's message -> ours; the same {fields}, any of which ours may leave out
WORDS = {
    "Usage:": "Запуск:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Positional arguments": "Аргументы",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "default: {default}": "по умолчанию: {default}",
    "required": "обязательно",
    "env var: {var}": "переменная окружения: {var}",
    "Aborted!": "Прервано.",
    "Missing command.": "Не указана команда.",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Справка: {command} {option}",
    "Missing argument": "Не указан аргумент",
    "Missing option": "Не указан параметр",
    "Missing parameter": "Не указан параметр",
    "Missing {param_type}": "Не указан {param_type}",
    "Missing parameter: {param_name}": "Не указан параметр {param_name}",
    "No such option {name!r}.": "Нет параметра {name}.",
    "No such command {name!r}.": "Нет команды {name}.",
    "Invalid value: {message}": "Неверное значение: {message}",
    "Invalid value for {param_hint}: {message}": "Неверное значение {param_hint}: {message}",
    "Could not open file {filename!r}: {message}": "Файл «{filename}» не открывается: {message}",
    "Choose from:\n\t{choices}": "Выберите одно из:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} — вне промежутка {range}.",
    "{value!r} is not a valid {number_type}.": "«{value}» — не число.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "«{value}» — не да и не нет: {states}",
    "{name} {filename!r} does not exist.": "Нет такого пути: «{filename}».",
    "{name} {filename!r} is a file.": "«{filename}» — файл, а нужна папка.",
    "{name} {filename!r} is a directory.": "«{filename}» — папка, а нужен файл.",
    "{name} {filename!r} is not readable.": "«{filename}» не читается.",
    "{name} {filename!r} is not writable.": "В «{filename}» нельзя писать.",
    "Option {name!r} does not take a value.": "У параметра {name} не бывает значения.",
    "Argument {name!r} takes {nargs} values.": "Аргументу {name} нужно значений: {nargs}.",
}

# click's singular message -> ours for one thing, and for more as Russian counts them (2–4, 5…); click's two
# forms say different things (one choice named, or the list), so one is one only
COUNTED = {
    "Got unexpected extra argument ({args})": (
        "Лишний аргумент ({args})", "Лишние аргументы ({args})", "Лишние аргументы ({args})"),
    "Did you mean {possibility}?": (
        "Может быть, {possibility}?", "(Может быть, одно из: {possibilities}?)",
        "(Может быть, одно из: {possibilities}?)"),
    "Option {name!r} requires an argument.": (
        "У параметра {name} должно быть значение.", "У параметра {name} должно быть {nargs} значения.",
        "У параметра {name} должно быть {nargs} значений."),
    "{value!r} is not {choice}.": ("«{value}» — не {choice}.", "«{value}» — не из: {choices}.",
                                   "«{value}» — не из: {choices}."),
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def word(message: str) -> str:
    """Click's message in Russian, or as click says it where there is none."""
    return WORDS.get(message, message)


def counted_word(singular: str, plural_form: str, count: int) -> str:
    """Click's message about `count` things in Russian (its form for that count), or as click says it."""
    forms = COUNTED.get(singular)
    if forms is None:
        return singular if count == 1 else plural_form
    one, few, many = forms
    return one if count == 1 else plural(count, many, few, many)


def speak_russian() -> None:
    """Make click say its words in Russian in this process (once is enough; again does no harm)."""
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = word  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = counted_word  # type: ignore[attr-defined]
