"""Actors from natasha's named entities, by the labelling rules: persons and organisations as
found, places only where they stand for the polity, names and abbreviations split or merged."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from reader.suggesting.model import trimmed

KINDS = {"PER": "per", "ORG": "org", "LOC": "state"}
# A place after these is territory ("в Москве", "на Украине", "об Украине"), not the polity.
LOCATIVE = {"в", "во", "на", "из", "изо", "через", "об", "обо", "о", "по", "под", "над", "около", "возле", "вокруг"}
LOCATIVE |= {"до", "от", "ото", "вдоль", "близ", "внутри", "вне", "сквозь", "посреди", "среди"}
# A place after one of these is part of another place ("в приграничных областях России").
PLACE_NOUNS = {"область", "район", "край", "регион", "город", "село", "деревня", "посёлок", "территория"}
PLACE_NOUNS |= {"граница", "столица", "провинция", "штат", "округ", "побережье", "окрестность", "пригород"}
PLACE_NOUNS |= {"юг", "север", "запад", "восток", "центр", "улица", "площадь", "часть", "зона", "рубеж"}
PLACE_NOUNS |= {"микрорайон", "квартал", "река", "озеро", "море", "остров", "полуостров", "залив", "гора", "долина"}
# "Кубка России", "чемпионата Европы": a place inside an event's name, as inside a currency's.
EVENT_NOUNS = {"кубок", "чемпионат", "первенство", "турнир", "олимпиада", "спартакиада", "фестиваль", "биеннале"}
# "ст. 290 УК РФ", "Конституции России": a place inside a law's name.
LAW_NAMES = {"ук", "гк", "коап", "нк", "тк", "упк", "гпк", "апк", "жк", "кодекс", "конституция"}
# "свяжет Самару и Тольятти": places connected are territory.
CONNECTING_VERBS = {"связать", "связывать", "соединить", "соединять"}
# "между Самарой и Тольятти" is territory, unless what lies between is a relation ("переговоры между").
BETWEEN = {"между", "меж"}
RELATION_NOUNS = {"переговоры", "отношение", "соглашение", "договор", "конфликт", "война", "сотрудничество"}
RELATION_NOUNS |= {"диалог", "спор", "противостояние", "торговля", "встреча", "контакт", "напряжённость", "обмен"}
# "в 43 школах Новосибирска": a place after a noun in the locative only locates it, unless the noun
# is the place's body or a stance the place takes ("в интересах России", "в заявлении Китая").
STANCE_NOUNS = {"интерес", "сторона", "лицо", "заявление", "ответ", "позиция", "решение", "предложение"}
STANCE_NOUNS |= {"требование", "просьба", "представительство"}
IN_ON = {"в", "во", "на"}
# A venue is a place, not an organisation: "в кинотеатре «Заря»".
VENUE_NOUNS = {"кинотеатр", "кинозал", "стадион", "арена", "ресторан", "кафе", "бар", "отель", "гостиница"}
VENUE_NOUNS |= {"парк", "сквер", "спорткомплекс", "санаторий", "курорт", "хостел"}
# "доллара США": a place inside a currency's name.
CURRENCIES = {"доллар", "евро", "рубль", "фунт", "юань", "франк", "иена", "гривна", "тенге", "лира", "крона"}
NOT_POLITY_BEFORE = PLACE_NOUNS | CURRENCIES | EVENT_NOUNS | LAW_NAMES
# The head noun of an organisation's name, kept with it ("секретариат ОДКБ", "посольство США").
ORGANISATION_HEADS = {"секретариат", "посольство", "министерство", "правительство", "парламент", "генштаб"}
ORGANISATION_HEADS |= {"штаб", "аппарат", "администрация", "комитет", "совет", "консульство", "минобороны"}
ORGANISATION_HEADS |= {"прокуратура", "суд", "мэрия", "дума", "управление", "департамент", "полиция"}
# Abbreviations natasha takes for organisations that name no one ("российские СМИ").
COMMON_ABBREVIATIONS = {"СМИ", "СВО", "ДТП", "ЧП", "ЧС", "НКО", "ВВП", "ИИ"}
ABBREVIATION = re.compile(r"[A-ZА-ЯЁ]{2,6}")
# The short name in brackets: "ОДКБ", "Минэкономразвития".
NAME_AND_ABBREVIATION = re.compile(r"(?P<name>[^()]+?)\s*\((?P<abbr>[A-ZА-ЯЁ][\w-]{1,30})\)?")
WORD = re.compile(r"[\w-]+")
CREDIT = re.compile(r"©\s*([A-ZА-ЯЁ][\w-]*(?: [A-ZА-ЯЁ][\w-]*){0,2})")
SKIPPED_BEFORE_PLACE = {"ADJF", "PRTF", "NUMR", "ADVB"}
CAPITALISED_WORD = re.compile(r"\b[A-ZА-ЯЁ][а-яё-]{2,}\b")
COORDINATION = re.compile(r",? (?:и|или) |, ")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str  # natasha's PER, ORG or LOC

    @property
    def kind(self) -> str:
        return KINDS[self.type]


Lemma = Callable[[str], tuple[str, str]]  # word -> (normal form, part of speech)
Cases = Callable[[str], frozenset[str]]  # word -> the cases its parses may have ("gent", "loct", ...)


def actor_mentions(text: str, entities: Iterable[tuple[int, int, str]], lemma: Lemma, cases: Cases) -> list[Mention]:
    """The actor mentions among natasha's (start, end, type) entities of ``text``."""
    mentions = _split_at_lines(text, [Mention(s, e, t) for s, e, t in entities])
    mentions = _split_abbreviations(text, mentions)
    mentions = [Mention(*trimmed(text, m.start, m.end), m.type) for m in mentions]
    mentions = [m for m in mentions if m.end > m.start and not _names_no_one(text, m)]
    mentions = [m for m in mentions if not (m.type == "ORG" and _at_venue(text, m, lemma))]
    mentions += _credits(text, mentions)
    mentions += _repeated_surnames(text, mentions, lemma)
    mentions = _merged(text, mentions, lemma, cases)
    mentions = [_with_head_noun(text, m, lemma, cases) for m in mentions]
    kept, previous_place = [], None
    for mention in mentions:
        if mention.type == "LOC":
            polity = _is_polity(text, mention, lemma, cases)
            if previous_place is not None and COORDINATION.fullmatch(text, previous_place[0].end, mention.start):
                polity = previous_place[1]  # "в России и Беларуси": both territory
            previous_place = mention, polity
            if not polity:
                continue
        kept.append(mention)
    return kept


def _split_at_lines(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name never crosses a line end: "... — ФГСР" in a headline and the name that opens the next
    line. A person's one-word piece is dropped ("... — Петрова\n\nТренер"): a repeated surname is
    found again by _repeated_surnames, a capitalised role noun is no name."""
    split = []
    for mention in mentions:
        lines = text[mention.start : mention.end].split("\n")
        start = mention.start
        for line in lines:
            piece = replace(mention, start=start, end=start + len(line))
            start += len(line) + 1
            if line.strip() and not (len(lines) > 1 and mention.type == "PER" and len(WORD.findall(line)) < 2):
                split.append(piece)
    return split


def _split_abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Организацию Договора ... (ОДКБ)" is two mentions: the name and its abbreviation."""
    split = []
    for mention in mentions:
        match = NAME_AND_ABBREVIATION.fullmatch(text, mention.start, mention.end)
        if match is None:
            split.append(mention)
            continue
        split.append(replace(mention, end=match.end("name")))
        split.append(replace(mention, start=match.start("abbr"), end=match.end("abbr")))
    return split


def _credits(text: str, mentions: list[Mention]) -> list[Mention]:
    """The agency of a photo credit ("Фото: © Sputnik / ..."), which natasha may miss."""
    found = []
    for match in CREDIT.finditer(text):
        if not any(m.start < match.end(1) and match.start(1) < m.end for m in mentions):
            found.append(Mention(match.start(1), match.end(1), "ORG"))
    return found


def _repeated_surnames(text: str, mentions: list[Mention], lemma: Lemma) -> list[Mention]:
    """The surname of a person named in full, alone elsewhere in any of its forms, where natasha
    missed it (a headline's "... — Петрова")."""
    surnames = set()
    for mention in mentions:
        words = WORD.findall(text, mention.start, mention.end)
        if mention.type == "PER" and len(words) >= 2 and words[-1][0].isupper():
            surnames.add(lemma(words[-1])[0])
    found = []
    for match in CAPITALISED_WORD.finditer(text) if surnames else ():
        if lemma(match.group())[0] in surnames and not any(
            m.start < match.end() and match.start() < m.end for m in mentions
        ):
            found.append(Mention(match.start(), match.end(), "PER"))
    return found


def _names_no_one(text: str, mention: Mention) -> bool:
    """A dateline ("БИШКЕК, 2 фев"), a heading alone on its line, or a common abbreviation."""
    words = text[mention.start : mention.end]
    if words in COMMON_ABBREVIATIONS:
        return True
    line_start = text.rfind("\n", 0, mention.start) + 1
    at_line_start = not text[line_start : mention.start].strip()
    return at_line_start and words.isupper() and len(words) > 3 and text.startswith(",", mention.end)


def _at_venue(text: str, mention: Mention, lemma: Lemma) -> bool:
    """ "в кинотеатре «Заря»": the name of a venue, a place."""
    before = _word_before(text, len(text[: mention.start].rstrip(' «"„“')))
    return before is not None and text[before[0]].islower() and lemma(text[before[0] : before[1]])[0] in VENUE_NOUNS


def _merged(text: str, mentions: list[Mention], lemma: Lemma, cases: Cases) -> list[Mention]:
    """Adjacent organisation names are one ("Совета Безопасности" "ООН", "МИД" "РФ"), and so is
    an organisation with its place in the genitive ("Минэнерго" "России")."""
    merged: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        previous = merged[-1] if merged else None
        if previous is not None and previous.type == "ORG" and _continues(text, previous, mention, lemma, cases):
            merged[-1] = replace(previous, end=mention.end)
        else:
            merged.append(mention)
    return merged


def _continues(text: str, organisation: Mention, mention: Mention, lemma: Lemma, cases: Cases) -> bool:
    if text[organisation.end : mention.start] != " ":
        return False
    if mention.type == "LOC":
        return _in_genitive(text, mention, cases) and _names_an_organisation(text, organisation, lemma)
    return mention.type == "ORG" or ABBREVIATION.fullmatch(text, mention.start, mention.end) is not None


def _names_an_organisation(text: str, organisation: Mention, lemma: Lemma) -> bool:
    """ "Минэнерго", "Следственного комитета", "районный суд": one word, a capital past the first, or
    an organisation's head noun; not a capitalised common phrase ("Силы безопасности" России)."""
    words = WORD.findall(text, organisation.start, organisation.end)
    return (
        len(words) == 1
        or any(word[0].isupper() for word in words[1:])
        or any(lemma(word)[0] in ORGANISATION_HEADS for word in words)
    )


def _in_genitive(text: str, mention: Mention, cases: Cases) -> bool:
    """Whether the mention's head (its last word: "Хабаровского края") may be in the genitive."""
    words = WORD.findall(text, mention.start, mention.end)
    return bool(words) and "gent" in cases(words[-1])


def _with_head_noun(text: str, mention: Mention, lemma: Lemma, cases: Cases) -> Mention:
    """ "секретариат ОДКБ", "совета директоров ЦБ", and a place in the genitive after a capitalised
    head noun, which names the place's organisation ("Прокуратура Хабаровского края"). After a
    lower-case body ("правительство Калининградской области") the place stands alone, as the polity."""
    before = _word_before(text, mention.start)
    if before is None:
        return mention
    word = text[before[0] : before[1]]
    if mention.type == "ORG" and word.islower():
        if lemma(word)[0] in ORGANISATION_HEADS:
            return replace(mention, start=before[0])
        head = _word_before(text, before[0])
        of_whom = lemma(word)[1] == "NOUN" and "gent" in cases(word)  # "совета директоров"
        if head is not None and of_whom and lemma(text[head[0] : head[1]])[0] in ORGANISATION_HEADS:
            return replace(mention, start=head[0])
    capitalised_head = word[0].isupper() and lemma(word)[0] in ORGANISATION_HEADS
    if mention.type == "LOC" and capitalised_head and _in_genitive(text, mention, cases):
        return Mention(before[0], mention.end, "ORG")
    return mention


def _is_polity(text: str, place: Mention, lemma: Lemma, cases: Cases) -> bool:
    """A place is an actor unless it is territory: after a locative preposition (past its
    adjectives), after a place noun or inside the name of a currency, an event or a law, connected ("свяжет", "между"),
    locating something ("в школах Новосибирска"), or a heading alone on its line."""
    if _alone_on_line(text, place):
        return False
    position, skipped = place.start, 0
    while (before := _word_before(text, position)) is not None:
        word = text[before[0] : before[1]]
        normal, part = lemma(word)
        if word.lower() in LOCATIVE:
            return False
        if word.lower() in BETWEEN:
            return _between_relation(text, before[0], lemma)
        if skipped == 0 and (normal in NOT_POLITY_BEFORE or word.lower() in LAW_NAMES):
            return False
        if skipped == 0 and normal in CONNECTING_VERBS:
            return False
        if skipped == 0 and _locating(text, place, before, lemma, cases):
            return False
        if part not in SKIPPED_BEFORE_PLACE or skipped == 2:
            return True
        position, skipped = before[0], skipped + 1
    return True


def _between_relation(text: str, position: int, lemma: Lemma) -> bool:
    before = _word_before(text, position)
    return before is not None and lemma(text[before[0] : before[1]])[0] in RELATION_NOUNS


def _locating(text: str, place: Mention, noun: tuple[int, int], lemma: Lemma, cases: Cases) -> bool:
    """ "в 43 школах Новосибирска": a place in the genitive after a noun in the locative that
    follows в or на (past its numbers and adjectives)."""
    word = text[noun[0] : noun[1]]
    normal, part = lemma(word)
    if part != "NOUN" or normal in ORGANISATION_HEADS or normal in STANCE_NOUNS or word[0].isupper():
        return False
    if not ({"loct", "loc2"} & cases(word)) or not _in_genitive(text, place, cases):
        return False
    position = noun[0]
    for _ in range(3):
        before = _word_before(text, position)
        if before is None:
            return False
        previous = text[before[0] : before[1]]
        if previous.lower() in IN_ON:
            return True
        if lemma(previous)[1] not in SKIPPED_BEFORE_PLACE and not previous.isdigit():
            return False
        position = before[0]
    return False


def _alone_on_line(text: str, mention: Mention) -> bool:
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : mention.start].strip() and not text[mention.end : line_end].strip()


def _word_before(text: str, position: int) -> tuple[int, int] | None:
    """The word right before ``position`` on its line, with only spaces between."""
    end = position
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        start -= 1
    return (start, end) if start < end else None
