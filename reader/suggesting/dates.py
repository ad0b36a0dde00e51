"""Dates by yargy rules and a few regular expressions, each with its governing temporal
preposition ("с 2023 года", "в 2017–2019 годы", "в январе прошлого года", "в 19:00")."""

from __future__ import annotations

import re
from types import SimpleNamespace
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
PERIODS |= {"весна", "осень", "зима", "сезон", "полугодие", "полгода", "полчаса", "полвека", "полмесяца", "полдня"}
# Periods only after "в течение", "на протяжении" or "долгий" ("в течение длительного периода").
LONG_PERIODS = {"период", "время", "срок"}
LONG_ADJECTIVES = {"долгий", "многий", "длительный", "продолжительный", "некоторый"}
SEASONS = {"весна", "лето", "осень", "зима"}
PART_NOUNS = {"конец", "начало", "середина", "половина", "исход", "окончание"}
NIGHT_PARTS = {"ночь", "утро", "вечер"}
LIMITS = {"раньше", "ранее", "позже", "позднее"}
NOT_A_DATE = "not a date"
NUMBER_WORDS = {"один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять"}
NUMBER_WORDS |= {"несколько", "пара", "двадцать", "тридцать", "сорок", "пятьдесят", "сто", "полтора", "много"}
ORDINALS = {"первый", "второй", "третий", "четвёртый", "пятый", "шестой", "седьмой", "восьмой", "девятый"}
ORDINALS |= {"десятый", "последний", "одиннадцатый", "двенадцатый", "двадцатый", "тридцатый", "сотый"}
COUNTED_ORDINALS = ORDINALS - {"первый", "последний"}  # "вторые сутки" counts; "первый день" names a day
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
    r"|последн|скором|сих пор|то время|за \w+|протяжени|продолжени|пол(?:год|час|век|месяц|дня)|через|спустя"
    r"|пока|конц|начал|середин|половин|ноч|утр|вечер|весн|лет|осен|зим|сезон|позже|позднее|\bгод|месяц|недел"
    r"|\bдн[еияю]|\bдень|\bчас|время|период)",
    re.IGNORECASE,
)
CONTEXT_WORDS = 4
# "пока" meaning "for now" ("пока не установлены"), not the conjunction ("ждали, пока не приедет").
FOR_NOW = re.compile(r"(?<!, )(?<!\w)пока(?= (?:не|нет|что|ещё|еще)\b)", re.IGNORECASE)
URL = re.compile(r"\S*(?:https?://|www\.)\S*")


def date_rules() -> list[tuple[str, Any]]:
    """(kind, yargy rule) pairs; built on first use, since yargy imports pymorphy. A rule of
    kind NOT_A_DATE claims its words, so that a shorter date inside them is not suggested."""
    from yargy import rule
    from yargy.predicates import caseless, dictionary

    words = _words()
    return [
        ("absolute", _absolute(words)),
        ("relative", _relative(words)),
        ("vague", _vague(words)),
        ("duration", _duration(words)),
        ("set", _set(words)),
        (NOT_A_DATE, rule(caseless("на"), dictionary(ORDINALS), words.period)),  # "на второй день визита"
    ]


def _words() -> SimpleNamespace:
    """The predicates and small rules that the date rules share."""
    from yargy import and_, not_, or_, rule
    from yargy.predicates import caseless, dictionary, eq, gram, gte, in_caseless, length_eq, lte, normalized
    from yargy.predicates import type as token_type

    integer = token_type("INT")
    governing = or_(
        rule(in_caseless(PREPOSITIONS)),
        rule(caseless("не"), in_caseless(LIMITS)),  # "не раньше весны", "не позднее 1 марта"
        rule(caseless("вплоть"), caseless("до")),
        rule(caseless("начиная"), in_caseless({"с", "со"})),
    )
    year = and_(integer, length_eq(4), gte(1000), lte(2100))
    year_word = or_(rule(normalized("год")), rule(caseless("г"), eq(".").optional()))
    dated_year = rule(year, year_word.optional())
    day, month = and_(integer, gte(1), lte(31)), dictionary(MONTHS)
    period = dictionary(PERIODS)
    adjective = and_(gram("ADJF"), not_(dictionary(ORDINALS)))
    return SimpleNamespace(
        governing=governing,
        preposition=governing.optional(),
        year=year,
        year_word=year_word,
        dated_year=dated_year,
        day=day,
        month=month,
        calendar=or_(rule(day, month, dated_year.optional()), rule(month, dated_year.optional()), dated_year),
        weekday=dictionary(WEEKDAYS),
        period=period,
        long_period=dictionary(PERIODS | LONG_PERIODS),
        adjective=adjective,
        # "прошлого года", "в прошлом отопительном сезоне"
        relative=rule(dictionary(RELATIVE_ADJECTIVES), adjective.optional(), period),
        number=or_(rule(integer), rule(dictionary(NUMBER_WORDS))),
        count=or_(rule(and_(integer, lte(999))), rule(dictionary(NUMBER_WORDS))),  # of periods, never a year
        approximately=dictionary(APPROXIMATELY).optional(),
        # "к концу 2026 года", "до конца года", "в первой половине марта"
        part_of=rule(dictionary(ORDINALS).optional(), dictionary(PART_NOUNS)),
        # "в ночь на воскресенье", "в ночь с субботы на воскресенье", "до утра вторника"
        night_of=rule(
            dictionary(NIGHT_PARTS),
            rule(in_caseless({"с"}), dictionary(WEEKDAYS)).optional(),
            caseless("на").optional(),
        ),
        season=dictionary(SEASONS),
        in_season=and_(dictionary(SEASONS), gram("ablt")),  # "весной"
        accusative=or_(gram("nomn"), gram("accs")),
    )


def _absolute(w: SimpleNamespace) -> Any:
    from yargy import or_, rule
    from yargy.predicates import in_

    return or_(
        rule(w.preposition, w.year, rule(in_({"-", "–", "—"}), w.year).optional(), w.year_word),
        rule(w.preposition, w.day, w.month, w.dated_year.optional()),
        rule(w.preposition, w.month, w.dated_year.optional()),
        rule(w.preposition, w.part_of, w.calendar),
        rule(w.preposition, w.night_of, w.day, w.month, w.dated_year.optional()),
        rule(w.governing, w.season, w.dated_year),
        rule(w.in_season, w.dated_year),
    )


def _relative(w: SimpleNamespace) -> Any:
    from yargy import or_, rule
    from yargy.predicates import caseless, in_caseless

    return or_(
        rule(w.preposition, w.month, w.relative),
        rule(w.approximately, w.number, w.period, caseless("назад")),
        rule(w.preposition, w.weekday, in_caseless(DAY_PARTS).optional()),
        rule(in_caseless(DEICTIC_DAYS), in_caseless(DAY_PARTS).optional()),
        rule(w.preposition, w.relative),
        rule(w.preposition, w.part_of, or_(w.relative, rule(w.period))),
        rule(w.preposition, w.night_of, w.weekday),
        rule(in_caseless({"через", "спустя"}), w.approximately, w.count.optional(), w.period),
        rule(w.governing, w.season),  # "не раньше весны"
        rule(w.in_season),
    )


def _duration(w: SimpleNamespace) -> Any:
    """ "в течение суток", "на протяжении нескольких лет", "за полгода", "до 15 лет", "годами",
    "вторые сутки", "шестой месяц подряд", "за первые шесть месяцев года"."""
    from yargy import and_, or_, rule
    from yargy.predicates import caseless, dictionary, gram, in_caseless

    throughout = or_(
        rule(caseless("в"), in_caseless({"течение", "продолжение"})), rule(caseless("на"), caseless("протяжении"))
    )
    ordinal, period, count = dictionary(ORDINALS), w.period, w.count
    of_year = or_(rule(and_(period, gram("gent"))), w.dated_year)
    return or_(
        rule(throughout, w.adjective.repeatable(max=2).optional(), w.number.optional(), w.long_period),
        rule(throughout, w.dated_year),
        rule(in_caseless({"за", "на", "до", "от", "свыше"}), w.approximately, count, period),
        rule(caseless("от"), count, caseless("до"), count, period),
        rule(caseless("за"), dictionary({"этот", "прошлый", "последний", "минувший"}).optional(), period),
        rule(caseless("за"), ordinal, count.optional(), period, of_year.optional()),
        rule(ordinal, period, caseless("подряд")),
        rule(and_(dictionary(COUNTED_ORDINALS), w.accusative), and_(period, w.accusative)),  # "вторые сутки"
        rule(count, period, caseless("подряд")),
        rule(and_(w.adjective, gram("ablt")).optional(), and_(period, gram("ablt"), gram("plur"))),  # "годами"
        rule(dictionary(LONG_ADJECTIVES), and_(w.long_period, w.accusative)),  # "долгие годы"
    )


def _vague(w: SimpleNamespace) -> Any:
    from yargy import or_, rule
    from yargy.pipelines import caseless_pipeline
    from yargy.predicates import dictionary, in_caseless

    coming = dictionary({"ближайший", "последний", "предстоящий", "прошедший"})
    return or_(
        rule(in_caseless(VAGUE_WORDS)),
        rule(caseless_pipeline(VAGUE_PHRASES)),
        rule(in_caseless({"в", "за"}), coming, w.number.optional(), w.period),
    )


def _set(w: SimpleNamespace) -> Any:
    from yargy import or_, rule
    from yargy.predicates import caseless, dictionary, in_caseless

    return or_(
        rule(dictionary({"каждый", "всякий"}), w.period),
        rule(caseless("в"), in_caseless({"сутки", "день", "год", "месяц", "неделю", "час"})),
        rule(in_caseless(SET_WORDS)),
    )


def regex_dates(text: str) -> list[tuple[int, int, str]]:
    """Numeric dates ("03.12.2025"), abbreviated ones ("2 фев"), clock times ("в 19:00") and "пока"."""
    found = [(m.start(), m.end(), "absolute") for m in NUMERIC_DATE.finditer(text)]
    found += [(m.start(), m.end(), "absolute") for m in SHORT_DATE.finditer(text)]
    found += [(m.start(), m.end(), "time") for m in CLOCK.finditer(text)]
    found += [(m.start(), m.end(), "vague") for m in FOR_NOW.finditer(text)]
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
