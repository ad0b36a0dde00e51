"""Claims: what the text attributes to a speaker, found by the frames of reported speech
(LABELLING_RULES.md). The span is the asserted content without the frame, without quotation
marks around all of it and without the final full stop."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.suggesting.actors import Lemma, Mention
from reader.suggesting.model import trimmed

SPEECH_VERBS = {"заявить", "заявлять", "сообщить", "сообщать", "отметить", "отмечать", "напомнить", "напоминать"}
SPEECH_VERBS |= {"подчеркнуть", "подчеркивать", "добавить", "добавлять", "сказать", "говорить", "рассказать"}
SPEECH_VERBS |= {"рассказывать", "уточнить", "уточнять", "пояснить", "пояснять", "ответить", "отвечать"}
SPEECH_VERBS |= {"заключить", "считать", "полагать", "признать", "признавать", "указать", "указывать", "написать"}
SPEECH_VERBS |= {"писать", "утверждать", "объявить", "объяснить", "подтвердить", "подтверждать", "заверить"}
SPEECH_VERBS |= {"предупредить", "констатировать", "резюмировать", "заметить", "сообщаться", "отмечаться"}
SPEECH_VERBS |= {"говориться", "подчеркиваться", "указываться", "утверждаться", "говорится", "отмечается"}
SPEECH_VERBS |= {"сообщается", "заявиться", "напомниться", "добавиться", "передать", "процитировать"}
SPEECH_VERBS |= {"рассчитывать", "ожидать", "надеяться"}  # "X рассчитывают, что ..."
# "вопрос:" and "заявление:" introduce a quotation as a verb does.
SPEECH_NOUNS = {"вопрос", "ответ", "заявление", "слово", "мнение", "сообщение", "комментарий"}
OPENING, CLOSING = '«"„“', '»"“”'
QUOTE_THEN_FRAME = re.compile(r"(?P<body>[«\"„“].*[»\"“”])\s*[,.]?\s+[—–-]\s+(?P<frame>[^.!?\n]+)")
FRAME_THEN_QUOTE = re.compile(r"(?P<frame>[^.!?:\n]+):\s*(?P<body>[«\"„“].*[»\"“”])\.?\s*$")
# A digest's headline: «quotation». Its source ("Западные медиа об Украине"), no full stop.
SENTENCE_END = re.compile(r"[.!?…] ")
QUOTED_HEADLINE = re.compile(r"(?P<body>[«\"„“][^\n]*[»\"“”])\.?\s+(?P<source>[^.!?«»\"\n]+)")
HEADLINE_SOURCE_WORDS = 6
ACCORDING_TO = re.compile(
    r"(?P<frame>По\s+(?:[\w-]+\s+)?(?:словам|мнению|данным|сообщению|сообщениям|информации|оценке|оценкам"
    r"|утверждению|утверждениям|версии|сведениям|заявлению|подсчетам|подсчётам|прогнозу|прогнозам)"
    r"\b[^,]*),\s*(?P<body>.+)",
    re.DOTALL,
)
THAT = re.compile(r",\s+что\s+")
ABOUT = re.compile(r"\s(?:о|об|обо)\s")
TRAILING_FRAME = re.compile(r",\s+(?:[—–-]\s+)?(?P<verb>[\w-]+)(?P<rest>[^,]*)$")
# "Это сообщил X", and "Об этом (в четверг) сообщили в X" with up to three words before the verb.
THIS = re.compile(r"\s*(?:(?P<about>Об этом)|Это)\s+(?P<verb>[\w-]+)")
WORDS_BEFORE_THIS_VERB = 3
# "..., как утверждают в министерстве, ..." and "..., как сообщили в полиции."
AS_INSIDE = re.compile(r",\s+(?P<frame>как\s+(?P<verb>[\w-]+)[^,.!?]*)(?P<after>,|[.!?…]*$)")
# "... задержан и, как утверждают в СК, дает показания": the frame speaks for the second clause only.
CONJUNCTION_BEFORE = re.compile(r"\s(?:и|а|но)$")
QUOTED = re.compile(r"«[^«»\n]+»")
NAMING_VERBS = {"назвать", "называть"}  # "X назвала его «...»"
AS = re.compile(r"\s*(?P<frame>Как\s+(?P<verb>[\w-]+)[^,]*),\s*(?P<body>.+)", re.DOTALL)
HEADLINE = re.compile(r"(?P<body>.+?)\s+[—–]\s+(?P<source>[^—–.!?]+)")
WORDS = re.compile(r"[\w-]+")
DIALOGUE = re.compile(r"[—–]\s+")  # a line of an interview: "— Что изменилось?"
CLAIM_EDGE = " \t\n.;:"
PRONOUNS = {"он", "она", "они", "его", "ее", "её", "их"}


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    speaker: tuple[int, int] | None  # the actor mention that speaks it
    frame: tuple[int, int] | None  # the reporting frame ("заявил министр ... Сергей Лавров")
    kind: str = "explicit"  # or "implicit": no frame of its own (an interview's answer)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    frame: tuple[int, int] | None  # where the speaker is named; None: no speaker (an unnamed source)
    kind: str = "explicit"


Sentences = Sequence[tuple[int, int]]


def find_claims(text: str, sentences: Sentences, actors: Sequence[Mention], lemma: Lemma) -> list[Claim]:
    """The claims of ``text``, each with the actor mention that speaks it when one is found."""
    is_speech = _speech_test(lemma)
    found: list[_Found] = []
    for line_start, line_end in _lines(text):
        found += _quotations(text, line_start, line_end, is_speech)
    for start, end in sentences:
        if not any(f.start < end and start < f.end for f in found):
            found += _framed_sentence(text, start, end, sentences, is_speech, lemma)
    found += _headlines(text, actors, found)
    answers = _answers(text, actors)
    found = [f for f in found if not any(a.start <= f.start and f.end <= a.end for a in answers)] + answers
    return _with_speakers(text, sorted(found, key=lambda f: f.start), actors, is_speech)


def _answers(text: str, actors: Sequence[Mention]) -> list[_Found]:
    """An interview's answers: each "— ..." paragraph after a "— ...?" question is one implicit
    claim, spoken by the person named last before the first question."""
    lines = [(start, end) for start, end in _lines(text) if text[start:end].strip()]
    answers: list[_Found] = []
    interviewee: tuple[int, int] | None = None
    for question, (start, end) in itertools.pairwise(lines):
        dash = DIALOGUE.match(text, start, end)
        if dash is None or not _is_question(text, *question) or text[start:end].rstrip().endswith("?"):
            continue
        if not answers:
            persons = [a for a in actors if a.type == "PER" and a.end <= question[0]]
            interviewee = (persons[-1].start, persons[-1].end) if persons else None
        start, end = _unquoted(text, dash.end(), end)
        if end > start:
            answers.append(_Found(start, end, interviewee, "implicit"))
    return answers


def _is_question(text: str, start: int, end: int) -> bool:
    return DIALOGUE.match(text, start, end) is not None and text[start:end].rstrip().endswith("?")


def _speech_test(lemma: Lemma) -> Callable[[str], bool]:
    def is_speech(word: str) -> bool:
        normal, part = lemma(word)
        return normal.replace("ё", "е") in SPEECH_VERBS and part in {"VERB", "INFN", "PRTS", None, ""}

    return is_speech


def _lines(text: str) -> list[tuple[int, int]]:
    lines, start = [], 0
    for line in text.split("\n"):
        lines.append((start, start + len(line)))
        start += len(line) + 1
    return lines


def _quotations(text: str, start: int, end: int, is_speech: Callable[[str], bool]) -> list[_Found]:
    """«...», — сказал X;  X сказал: «...»;  and a headline «...». X"""
    for opening in _sentence_openings(text, start, end):
        match = QUOTE_THEN_FRAME.match(text, opening, end)
        if match and _starts_with_speech(match.group("frame"), is_speech):
            body = _declarative(text, *match.span("body"))
            return [_Found(*body, match.span("frame"))] if body else []
    match = FRAME_THEN_QUOTE.search(text, start, end)
    if match and any(is_speech(w) or w.lower() in SPEECH_NOUNS for w in WORDS.findall(match.group("frame"))):
        body = _declarative(text, *match.span("body"))
        frame_start = max(text.rfind(". ", start, match.start("body")) + 2, match.start("frame"))
        return [_Found(*body, (frame_start, match.end("frame")))] if body else []
    match = QUOTED_HEADLINE.fullmatch(text, start, end)
    if match and len(WORDS.findall(match.group("source"))) <= HEADLINE_SOURCE_WORDS:
        body = _declarative(text, *match.span("body"))
        return [_Found(*body, match.span("source"))] if body else []
    return []


def _sentence_openings(text: str, start: int, end: int) -> list[int]:
    """Where a quotation opens a sentence of the line: at its start or after a full stop."""
    return [
        position
        for position in range(start, end)
        if text[position] in OPENING and (position == start or SENTENCE_END.fullmatch(text, position - 2, position))
    ]


def _starts_with_speech(frame: str, is_speech: Callable[[str], bool]) -> bool:
    words = WORDS.findall(frame)
    return bool(words) and is_speech(words[0])


def _declarative(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quotation without its enclosing marks and its closing questions ("...?»")."""
    start, end = _unquoted(text, start, end)
    while end > start and text[end - 1] == "?":
        question = max(text.rfind(mark, start, end - 1) for mark in (". ", "! ", "? ", ": "))
        end = question + 1 if question >= start else start
        start, end = trimmed(text, start, end, CLAIM_EDGE)
    return (start, end) if end > start else None


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = trimmed(text, start, end, CLAIM_EDGE)
    inner = text[start + 1 : end - 1]
    if end - start > 2 and text[start] in OPENING and text[end - 1] in CLOSING and not _closes_early(inner):
        start, end = trimmed(text, start + 1, end - 1, CLAIM_EDGE)
    elif end > start and text[end - 1] in "»“”" and not any(mark in text[start:end] for mark in "«„"):
        end = trimmed(text, start, end - 1, CLAIM_EDGE)[1]  # the quotation's last sentence: «... a. b»
    return start, end


def _closes_early(inner: str) -> bool:
    """«a» и «b»: the marks at the edges enclose two quotations, not one."""
    depth = 0
    for character in inner:
        if character == "«":
            depth += 1
        elif character == "»":
            depth -= 1
            if depth < 0:
                return True
    return False


def _framed_sentence(
    text: str, start: int, end: int, sentences: Sentences, is_speech: Callable[[str], bool], lemma: Lemma
) -> list[_Found]:
    """One sentence's claim: "По словам X, ...", "X заявил, что ...", "X сообщил о ...",
    "Как сообщил X, ...", "..., заявил X", "..., как утверждают в X, ...", "X назвал его «...»",
    or the sentence before "Об этом говорится в ответе X"."""
    sentence = text[start:end]
    if match := ACCORDING_TO.match(sentence):
        return _found(text, start + match.start("body"), end, (start, start + match.end("frame")))
    if (match := AS.match(sentence)) and is_speech(match.group("verb")):
        return _found(text, start + match.start("body"), end, (start, start + match.end("frame")))
    if (match := THIS.match(sentence)) and _reports_this(sentence, match, is_speech):
        before = [s for s in sentences if s[1] <= start]
        return _found(text, *before[-1], (start, end)) if before else []
    for that in THAT.finditer(sentence):
        if any(is_speech(w) for w in WORDS.findall(sentence[: that.start()])[-4:]):
            return _found(text, start + that.end(), end, (start, start + that.start()))
    for about in ABOUT.finditer(sentence):
        words = WORDS.findall(sentence[: about.start()])[-2:]
        if words and any(is_speech(w) for w in words):
            return _found(text, start + about.start() + 1, end, (start, start + about.start()))
    match = TRAILING_FRAME.search(sentence)
    if match and is_speech(match.group("verb")):
        return _found(text, start, start + match.start(), (start + match.start("verb"), end))
    if (match := AS_INSIDE.search(sentence)) and is_speech(match.group("verb")):
        frame = (start + match.start("frame"), start + match.end("frame"))
        if match.group("after") == "," and CONJUNCTION_BEFORE.search(sentence, 0, match.start()):
            return _found(text, start + match.end(), end, frame)
        return _found(text, start, end if match.group("after") == "," else start + match.start(), frame)
    return _named(text, start, end, lemma)


def _reports_this(sentence: str, match: re.Match[str], is_speech: Callable[[str], bool]) -> bool:
    words = WORDS.findall(sentence, match.start("verb"))[: WORDS_BEFORE_THIS_VERB + 1 if match.group("about") else 1]
    return any(is_speech(word) for word in words)


def _named(text: str, start: int, end: int, lemma: Lemma) -> list[_Found]:
    """ "X назвал решение «ошибкой»": what is named and the quotation ("решение «ошибкой»"), when a
    naming verb is among the four words before the quotation."""
    for quoted in QUOTED.finditer(text, start, end):
        before = list(WORDS.finditer(text, start, quoted.start()))[-4:]
        verbs = [word for word in before if lemma(word.group())[0] in NAMING_VERBS]
        if verbs:
            return _found(text, verbs[-1].end(), quoted.end(), (start, verbs[-1].end()))
    return []


def _found(text: str, start: int, end: int, frame: tuple[int, int]) -> list[_Found]:
    start, end = _unquoted(text, start, end)
    return [_Found(start, end, frame)] if end > start else []


def _headlines(text: str, actors: Sequence[Mention], found: list[_Found]) -> list[_Found]:
    """A line with no full stop, "... — Лавров": the speaker is the actor after the dash."""
    headlines = []
    for start, end in _lines(text):
        match = HEADLINE.fullmatch(text, start, end)
        if not match or any(f.start < end and start < f.end for f in found):
            continue
        source = trimmed(text, *match.span("source"))
        if any((a.start, a.end) == source for a in actors):
            headlines += _found(text, *match.span("body"), source)
    return headlines


def _with_speakers(
    text: str, found: list[_Found], actors: Sequence[Mention], is_speech: Callable[[str], bool]
) -> list[Claim]:
    """Each claim's speaker: the actor named in its frame (a person first); for "он" or a role
    noun ("заключил министр"), the last person who spoke; for an impersonal frame
    ("Отмечается, что"), the last speaker."""
    claims: list[Claim] = []
    last: tuple[int, int] | None = None
    last_person: tuple[int, int] | None = None
    for claim in found:
        speaker = _named_speaker(claim.frame, actors) if claim.frame else None
        if speaker is None and claim.frame is not None:
            others = [w for w in WORDS.findall(text[slice(*claim.frame)]) if not is_speech(w)]
            if not others:
                speaker = last
            elif any(w.lower() in PRONOUNS for w in others) or (len(others) <= 2 and any(w.islower() for w in others)):
                speaker = last_person
        if speaker is not None:
            last = speaker
            if any((a.start, a.end) == speaker and a.type == "PER" for a in actors):
                last_person = speaker
        claims.append(Claim(claim.start, claim.end, speaker, claim.frame, claim.kind))
    return claims


def _named_speaker(frame: tuple[int, int], actors: Sequence[Mention]) -> tuple[int, int] | None:
    inside = [a for a in actors if frame[0] <= a.start and a.end <= frame[1]]
    for wanted in ("PER", "ORG", "LOC"):
        for actor in inside:
            if actor.type == wanted:
                return actor.start, actor.end
    return None
