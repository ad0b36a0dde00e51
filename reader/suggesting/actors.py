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
# "доллара США": a place inside a currency's name.
CURRENCIES = {"доллар", "евро", "рубль", "фунт", "юань", "франк", "иена", "гривна", "тенге", "лира", "крона"}
# The head noun of an organisation's name, kept with it ("секретариат ОДКБ", "посольство США").
ORGANISATION_HEADS = {"секретариат", "посольство", "министерство", "правительство", "парламент", "генштаб"}
ORGANISATION_HEADS |= {"штаб", "аппарат", "администрация", "комитет", "совет", "консульство", "минобороны"}
ORGANISATION_HEADS |= {"прокуратура", "суд", "мэрия", "дума", "управление", "департамент", "полиция"}
# Abbreviations natasha takes for organisations that name no one ("российские СМИ").
COMMON_ABBREVIATIONS = {"СМИ", "СВО", "ДТП", "ЧП", "ЧС", "НКО", "ВВП", "ИИ"}
ABBREVIATION = re.compile(r"[A-ZА-ЯЁ]{2,6}")
NAME_AND_ABBREVIATION = re.compile(r"(?P<name>.+?)\s*\((?P<abbr>[A-ZА-ЯЁ]{2,8})\)")
WORD = re.compile(r"[\w-]+")
CREDIT = re.compile(r"©\s*([A-ZА-ЯЁ][\w-]*(?: [A-ZА-ЯЁ][\w-]*){0,2})")
SKIPPED_BEFORE_PLACE = {"ADJF", "PRTF", "NUMR", "ADVB"}
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
Genitive = Callable[[str], bool]  # word -> may it be in the genitive


def actor_mentions(
    text: str, entities: Iterable[tuple[int, int, str]], lemma: Lemma, genitive: Genitive
) -> list[Mention]:
    """The actor mentions among natasha's (start, end, type) entities of ``text``."""
    mentions = _split_abbreviations(text, [Mention(s, e, t) for s, e, t in entities])
    mentions = [Mention(*trimmed(text, m.start, m.end), m.type) for m in mentions]
    mentions = [m for m in mentions if m.end > m.start and not _names_no_one(text, m)]
    mentions += _credits(text, mentions)
    mentions = _merged(text, mentions, lemma, genitive)
    mentions = [_with_head_noun(text, m, lemma, genitive) for m in mentions]
    kept, previous_place = [], None
    for mention in mentions:
        if mention.type == "LOC":
            polity = _is_polity(text, mention, lemma)
            if previous_place is not None and COORDINATION.fullmatch(text, previous_place[0].end, mention.start):
                polity = previous_place[1]  # "в России и Беларуси": both territory
            previous_place = mention, polity
            if not polity:
                continue
        kept.append(mention)
    return kept


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


def _names_no_one(text: str, mention: Mention) -> bool:
    """A dateline ("БИШКЕК, 2 фев"), a heading alone on its line, or a common abbreviation."""
    words = text[mention.start : mention.end]
    if words in COMMON_ABBREVIATIONS:
        return True
    line_start = text.rfind("\n", 0, mention.start) + 1
    at_line_start = not text[line_start : mention.start].strip()
    return at_line_start and words.isupper() and len(words) > 3 and text.startswith(",", mention.end)


def _merged(text: str, mentions: list[Mention], lemma: Lemma, genitive: Genitive) -> list[Mention]:
    """Adjacent organisation names are one ("Совета Безопасности" "ООН", "МИД" "РФ"), and so is
    an organisation with its place in the genitive ("Минэнерго" "России")."""
    merged: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        previous = merged[-1] if merged else None
        if previous is not None and previous.type == "ORG" and _continues(text, previous, mention, lemma, genitive):
            merged[-1] = replace(previous, end=mention.end)
        else:
            merged.append(mention)
    return merged


def _continues(text: str, organisation: Mention, mention: Mention, lemma: Lemma, genitive: Genitive) -> bool:
    if text[organisation.end : mention.start] != " ":
        return False
    if mention.type == "LOC":
        return _in_genitive(text, mention, genitive) and _names_an_organisation(text, organisation, lemma)
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


def _in_genitive(text: str, mention: Mention, genitive: Genitive) -> bool:
    """Whether the mention's head (its last word: "Хабаровского края") may be in the genitive."""
    words = WORD.findall(text, mention.start, mention.end)
    return bool(words) and genitive(words[-1])


def _with_head_noun(text: str, mention: Mention, lemma: Lemma, genitive: Genitive) -> Mention:
    """ "секретариат ОДКБ", and a place in the genitive after a head noun, which names the
    place's organisation ("Прокуратура Хабаровского края", "правительства Москвы")."""
    before = _word_before(text, mention.start)
    if before is None or lemma(text[before[0] : before[1]])[0] not in ORGANISATION_HEADS:
        return mention
    if mention.type == "ORG" and text[before[0]].islower():
        return replace(mention, start=before[0])
    if mention.type == "LOC" and _in_genitive(text, mention, genitive):
        return Mention(before[0], mention.end, "ORG")
    return mention


def _is_polity(text: str, place: Mention, lemma: Lemma) -> bool:
    """A place is an actor unless it is territory: after a locative preposition (past its
    adjectives), after a place noun or a currency, or a heading alone on its line."""
    if _alone_on_line(text, place):
        return False
    position, skipped = place.start, 0
    while (before := _word_before(text, position)) is not None:
        word = text[before[0] : before[1]]
        normal, part = lemma(word)
        if word.lower() in LOCATIVE:
            return False
        if skipped == 0 and (normal in PLACE_NOUNS or normal in CURRENCIES):
            return False
        if part not in SKIPPED_BEFORE_PLACE or skipped == 2:
            return True
        position, skipped = before[0], skipped + 1
    return True


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
