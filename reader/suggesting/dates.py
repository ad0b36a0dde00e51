"""Dates by yargy rules and a few regular expressions, each with its governing temporal
preposition ("с 2023 года", "в 2017–2019 годы", "в январе прошлого года", "в 19:00")."""

from __future__ import annotations

import re
from typing import Any

# kind -> the rule's matches are of that kind (see LABELLING_RULES.md).
KINDS = ("absolute", "relative", "time", "vague", "duration", "set")

PREPOSITIONS = {"в", "во", "с", "со", "до", "по", "к", "ко", "на", "от", "около", "после", "перед", "за", "между"}
MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь"}
MONTHS |= {"декабрь"}
WEEKDAYS = {"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"}
DEICTIC_DAYS = {"сегодня", "вчера", "завтра", "позавчера", "послезавтра"}
DAY_PARTS = {"утро", "утром", "вечер", "вечером", "днём", "днем", "ночь", "ночью"}
RELATIVE_ADJECTIVES = {"прошлый", "этот", "текущий", "следующий", "будущий", "позапрошлый", "нынешний", "минувший"}
PERIODS = {"год", "месяц", "неделя", "день", "сутки", "час", "минута", "квартал", "десятилетие", "век", "лето"}
PERIODS |= {"весна", "осень", "зима"}
NUMBER_WORDS = {"один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"}
NUMBER_WORDS |= {"несколько", "пара", "двадцать", "тридцать", "сорок", "пятьдесят", "сто", "полтора", "много"}
ORDINALS = {"первый", "второй", "третий", "четвёртый", "пятый", "шестой", "седьмой", "восьмой", "девятый"}
ORDINALS |= {"десятый", "последний"}
APPROXIMATELY = {"более", "около", "почти", "менее", "свыше", "примерно", "больше", "меньше", "порядка"}
VAGUE_WORDS = {"сейчас", "раньше", "ранее", "теперь", "недавно", "вскоре", "нынче", "давно"}
VAGUE_PHRASES = [
    "к настоящему моменту",
    "к настоящему времени",
    "в настоящее время",
    "на данный момент",
    "на сегодняшний день",
    "в будущем",
    "в прошлом",
    "на днях",
    "в ближайшее время",
    "в последнее время",
    "в скором времени",
    "в ближайшем будущем",
    "до сих пор",
    "в то время",
]
SET_WORDS = {"ежедневно", "еженедельно", "ежемесячно", "ежегодно"}
MONTH_ABBREVIATIONS = "янв|фев|февр|мар|апр|июн|июл|авг|сен|сент|окт|ноя|нояб|дек"

NUMERIC_DATE = re.compile(r"(?<![\w./])\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\w/]|\.\d)")
SHORT_DATE = re.compile(rf"(?<![\w.])\d{{1,2}} (?:{MONTH_ABBREVIATIONS})\.?(?!\w)", re.IGNORECASE)
CLOCK = re.compile(r"(?<![\w:.])(?:(?:в|с|до|к|около) )?(?:[01]?\d|2[0-3]):[0-5]\d(?![\w:])", re.IGNORECASE)
# A word that can start or end a date: sentences without one are not parsed.
TRIGGER = re.compile(
    r"\d|\b(?:янв|фев|мар|апр|ма[йяе]|июн|июл|авг|сен|окт|ноя|дек|понедельн|вторник|сред[ауы]|четверг|пятниц"
    r"|суббот|воскресен|сегодня|вчера|завтра|позавчера|послезавтра|назад|течени|подряд|кажд|всяк|ежедн|ежене"
    r"|ежеме|ежего|сутк|суток|прошл|текущ|следующ|будущ|нынешн|минувш|позапрошл|эт\w+ (?:год|месяц|недел)"
    r"|сейчас|раньше|ранее|теперь|недавно|вскоре|нынче|давно|настоящ|данный момент|сегодняшн|днях|ближайш"
    r"|последн|скором|сих пор|то время|за \w+)",
    re.IGNORECASE,
)
CONTEXT_WORDS = 4
URL = re.compile(r"\S*(?:https?://|www\.)\S*")


def date_rules() -> list[tuple[str, Any]]:
    """(kind, yargy rule) pairs; built on first use, since yargy imports pymorphy."""
    from yargy import and_, or_, rule
    from yargy.pipelines import caseless_pipeline
    from yargy.predicates import caseless, dictionary, eq, gte, in_, in_caseless, length_eq, lte, normalized
    from yargy.predicates import type as token_type

    integer = token_type("INT")
    preposition = in_caseless(PREPOSITIONS).optional()
    year = and_(integer, length_eq(4), gte(1000), lte(2100))
    year_word = or_(rule(normalized("год")), rule(caseless("г"), eq(".").optional()))
    dash = in_({"-", "–", "—"})
    month = dictionary(MONTHS)
    day = and_(integer, gte(1), lte(31))
    relative = rule(dictionary(RELATIVE_ADJECTIVES), dictionary(PERIODS))
    number = or_(rule(integer), rule(dictionary(NUMBER_WORDS)))
    period = dictionary(PERIODS)
    dated_year = rule(year, year_word.optional())
    absolute = or_(
        rule(preposition, year, rule(dash, year).optional(), year_word),
        rule(preposition, day, month, dated_year.optional()),
        rule(preposition, month, dated_year.optional()),
    )
    relative_date = or_(
        rule(preposition, month, relative),
        rule(dictionary(APPROXIMATELY).optional(), number, period, caseless("назад")),
        rule(preposition, dictionary(WEEKDAYS), in_caseless(DAY_PARTS).optional()),
        rule(in_caseless(DEICTIC_DAYS), in_caseless(DAY_PARTS).optional()),
        rule(preposition, relative),
    )
    duration = or_(
        rule(caseless("в"), caseless("течение"), number.optional(), period),
        rule(in_caseless({"за", "на"}), number, period),
        rule(caseless("за"), dictionary({"этот", "прошлый", "последний", "минувший"}).optional(), period),
        rule(dictionary(ORDINALS), period, caseless("подряд")),
        rule(number, period, caseless("подряд")),
    )
    every = or_(
        rule(dictionary({"каждый", "всякий"}), period),
        rule(caseless("в"), in_caseless({"сутки", "день", "год", "месяц", "неделю", "час"})),
        rule(in_caseless(SET_WORDS)),
    )
    coming = dictionary({"ближайший", "последний", "предстоящий", "прошедший"})
    vague = or_(
        rule(in_caseless(VAGUE_WORDS)),
        rule(caseless_pipeline(VAGUE_PHRASES)),
        rule(in_caseless({"в", "за"}), coming, number.optional(), period),
    )
    return [
        ("absolute", absolute),
        ("relative", relative_date),
        ("vague", vague),
        ("duration", duration),
        ("set", every),
    ]


def regex_dates(text: str) -> list[tuple[int, int, str]]:
    """Numeric dates ("03.12.2025"), abbreviated ones ("2 фев") and clock times ("в 19:00")."""
    found = [(m.start(), m.end(), "absolute") for m in NUMERIC_DATE.finditer(text)]
    found += [(m.start(), m.end(), "absolute") for m in SHORT_DATE.finditer(text)]
    found += [(m.start(), m.end(), "time") for m in CLOCK.finditer(text)]
    return found


def windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of text[start:end] around each word that can make a date, four words
    either side (a date is at most that long: "в январе прошлого года", "более 30 лет назад"),
    merged where they meet."""
    merged: list[tuple[int, int]] = []
    for trigger in TRIGGER.finditer(text, start, end):
        window = (_words_back(text, trigger.start(), start), _words_on(text, trigger.end(), end))
        if merged and window[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], window[1]))
        else:
            merged.append(window)
    return merged


def _words_back(text: str, position: int, limit: int) -> int:
    for _ in range(CONTEXT_WORDS + 1):
        found = text.rfind(" ", limit, position)
        if found < 0:
            return limit
        position = found
    return position + 1


def _words_on(text: str, position: int, limit: int) -> int:
    for _ in range(CONTEXT_WORDS + 1):
        found = text.find(" ", position + 1, limit)
        if found < 0:
            return limit
        position = found
    return position


def in_urls(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in URL.finditer(text)]
