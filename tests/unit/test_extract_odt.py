"""The ODT extractor on LibreOffice's ODT of tests/data/documents/odt/report.fodt, on an ODT
zipped from hand-written XML, and on encrypted, damaged and hostile input; and the DOCX and ODT
LibreOffice makes of the same source give the same extracted text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.domain.extracting import docx, odt
from reader.domain.extracting.model import Extracted, ExtractOptions, UnreadableFile

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "documents" / "odt"
DOCX_FIXTURES = FIXTURES.parent / "docx"


def read(name: str) -> Extracted:
    return odt.extract((FIXTURES / name).read_bytes(), ExtractOptions())


def block_texts(extracted: Extracted) -> list[tuple[str, int | None]]:
    return [(extracted.text[b.start : b.end], b.paragraph) for b in extracted.blocks]


def refusal(data: bytes) -> str:
    with pytest.raises(UnreadableFile) as caught:
        odt.extract(data, ExtractOptions())
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_body_in_order_including_list_and_section_then_the_notes() -> None:
    blocks = block_texts(read("report.odt"))
    assert blocks[0] == ("Городской транспорт в мае", 1)
    assert blocks[2] == (
        "Заместитель руководителя департамента Анна Петрова сказала:\n"
        "«Мы довольны результатами 🙂 и продолжим обновлять парк».",
        3,
    )
    assert blocks[3] == ("Сводка:\tпоездки за май,  млн.", 4)  # text:tab and text:s c="2"
    assert blocks[4] == ("Вид транспорта\tПоездок, млн\tРост, %\nАвтобус\t12,4\t3,1\nМетро\t20,7\t5,0", 5)
    assert blocks[5:8] == [
        ("Маршрут № 5 продлён до вокзала.", 6),
        ("Маршрут № 12 закрыт на ремонт до августа.", 7),  # in a text:list, its endnote moved out
        ("Новые автобусы выйдут на маршруты в июле.", 8),  # in a text:section
    ]
    assert blocks[8:] == [
        ("[1] Отчёт размещён на сайте департамента 3 июня.", 2),
        ("[2] По данным пресс-службы мэрии.", 8),
        ("[i] Ремонт ведёт подрядчик «Дорстрой».", 7),
    ]


def test_note_citation_not_glued_into_the_body_and_nbsp_kept() -> None:
    text = read("report.odt").text
    assert "в мае 2024 года. Пассажиропоток вырос на 4,2\u00a0% по сравнению с апрелем." in text
    assert text.count("Отчёт размещён") == 1


def test_emoji_offsets_are_code_points() -> None:
    extracted = read("report.odt")
    assert extracted.text.count("🙂") == 1
    assert [extracted.text.index("Вид транспорта")] == [b.start for b in extracted.blocks if b.paragraph == 5]


def test_metadata() -> None:
    extracted = read("report.odt")
    assert (extracted.source_type, extracted.title, extracted.published) == (
        "odt",
        "Транспорт в мае: отчёт департамента",
        "2024-06-03",
    )


def test_docx_and_odt_of_the_same_source_extract_alike() -> None:
    from_odt = read("report.odt")
    from_docx = docx.extract((DOCX_FIXTURES / "report.docx").read_bytes(), ExtractOptions())
    assert from_odt.text == from_docx.text
    assert from_odt.blocks == from_docx.blocks
    assert (from_odt.title, from_odt.published) == (from_docx.title, from_docx.published)


def test_hand_made_odt_white_space_comments_deletions_frames_and_merged_cells() -> None:
    extracted = read("hand_made.odt")
    assert block_texts(extracted) == [
        ("Первый абзац, записанный с переносами строк.", 1),  # XML white space collapsed
        ("Комментарий не попадает в текст.", 2),  # office:annotation and text:change left out
        ("Пробелы:   три, и рядом два пробела в XML.", 3),
        ("Огромный пробел:" + " " * odt._MAX_SPACES + "конец.", 4),  # c="999999999" capped
        ("Врезка в абзаце.", 5),  # the frame's text box left out
        ("Шапка на две колонки\nА и Б\tВ Г", 6),  # header row, covered cell and empty row left out
    ]
    assert "Удалённый" not in extracted.text
    assert (extracted.title, extracted.published) == ("", "")


def test_encrypted_odt_is_refused_as_encrypted() -> None:
    assert refusal((FIXTURES / "encrypted.odt").read_bytes()) == "encrypted (password-protected) ODT; not imported"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        (FIXTURES / "report.odt").read_bytes()[:4000],
        random.Random(26).randbytes(5000),
        (FIXTURES / "report.fodt").read_bytes(),
        (DOCX_FIXTURES / "report.docx").read_bytes(),
    ],
    ids=["empty", "truncated", "random", "flat-odt-xml", "a-docx"],
)
def test_damaged_input_is_refused_in_one_line(data: bytes) -> None:
    message = refusal(data)
    assert message.startswith("damaged or not a valid ODT file (")
    assert message.endswith("); not imported")
