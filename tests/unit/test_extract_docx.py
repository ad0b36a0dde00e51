"""The DOCX extractor on files made by LibreOffice (from tests/data/documents/odt/report.fodt)
and by python-docx, and on encrypted, old, damaged and hostile input."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.domain import extracting
from reader.domain.extracting import docx
from reader.domain.extracting.model import Extracted, ExtractOptions, UnreadableFile

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "documents" / "docx"
ODT_FIXTURES = FIXTURES.parent / "odt"

# The body of report.fodt, paragraph by paragraph, as a reader sees it.
REPORT_BODY = [
    "Городской транспорт в мае",
    "Департамент транспорта опубликовал отчёт о работе общественного транспорта в мае 2024 года."
    " Пассажиропоток вырос на 4,2\u00a0% по сравнению с апрелем.",
    "Заместитель руководителя департамента Анна Петрова сказала:\n"
    "«Мы довольны результатами 🙂 и продолжим обновлять парк».",
    "Сводка:\tпоездки за май,  млн.",
    "Вид транспорта\tПоездок, млн\tРост, %\nАвтобус\t12,4\t3,1\nМетро\t20,7\t5,0",
    "Маршрут № 5 продлён до вокзала.",
    "Маршрут № 12 закрыт на ремонт до августа.",
    "Новые автобусы выйдут на маршруты в июле.",
]
REPORT_NOTES = [
    ("[1] Отчёт размещён на сайте департамента 3 июня.", 2),
    ("[2] По данным пресс-службы мэрии.", 8),
    ("[i] Ремонт ведёт подрядчик «Дорстрой».", 7),
]


def read(name: str) -> Extracted:
    return docx.extract((FIXTURES / name).read_bytes(), ExtractOptions())


def block_texts(extracted: Extracted) -> list[tuple[str, int | None]]:
    return [(extracted.text[b.start : b.end], b.paragraph) for b in extracted.blocks]


def refusal(data: bytes) -> str:
    with pytest.raises(UnreadableFile) as caught:
        docx.extract(data, ExtractOptions())
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_libreoffice_docx_gives_body_in_order_then_the_notes() -> None:
    extracted = read("report.docx")
    body = [(text, number) for number, text in enumerate(REPORT_BODY, start=1)]
    assert block_texts(extracted) == body + REPORT_NOTES
    assert extracted.text == "\n\n".join(REPORT_BODY + [note for note, _ in REPORT_NOTES])


def test_each_sentence_once_and_the_footnote_mark_not_in_the_body() -> None:
    text = read("report.docx").text
    for sentence in ("2024 года. Пассажиропоток", "Отчёт размещён на сайте", "в июле.\n\n[1]"):
        assert text.count(sentence) == 1
    assert text.index("Новые автобусы") < text.index("[1] Отчёт") < text.index("[2] По данным")


def test_offsets_are_code_points_after_an_emoji_outside_the_bmp() -> None:
    extracted = read("report.docx")
    table = extracted.blocks[4]
    assert extracted.text.index("🙂") < table.start
    assert extracted.text.index("Вид транспорта") == table.start


def test_metadata_of_the_libreoffice_docx() -> None:
    extracted = read("report.docx")
    assert (extracted.source_type, extracted.title, extracted.published) == (
        "docx",
        "Транспорт в мае: отчёт департамента",
        "2024-06-03",
    )


def test_python_docx_file_merged_cells_once_and_empty_paragraph_not_counted() -> None:
    extracted = read("python_docx.docx")
    assert block_texts(extracted) == [
        ("Погода на выходные", 1),
        ("В субботу в Казани ожидается до +27 °C ☀️, в воскресенье — дожди.", 2),
        ("Синоптики советуют:\nвзять зонт\tи не планировать пикник 🙂.", 3),
        ("День (дата)\tДнём\tНочью\nСуббота\t+27\t+16\nВоскресенье\t+21\nОсадки: дожди в воскресенье.", 4),
        ("Подробный прогноз — в пятницу.", 5),
    ]
    assert (extracted.title, extracted.published) == ("Погода на выходные", "2024-07-12")


def test_through_the_package_entry_point() -> None:
    extracted = extracting.extract(".DOCX", (FIXTURES / "report.docx").read_bytes(), ExtractOptions())
    assert extracted.text.startswith("Городской транспорт в мае\n\n")


def test_encrypted_docx_is_refused_as_encrypted() -> None:
    data = (FIXTURES / "encrypted.docx").read_bytes()
    assert data.startswith(docx.OLE_MAGIC)
    assert refusal(data) == "encrypted (password-protected) Word document; not imported"


def test_old_binary_doc_is_refused_as_such() -> None:
    assert refusal((FIXTURES / "old_word.doc").read_bytes()) == "old binary Word file (.doc), not DOCX; not imported"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        (FIXTURES / "report.docx").read_bytes()[:3000],
        random.Random(16).randbytes(5000),
        b"PK\x03\x04" + random.Random(17).randbytes(5000),
        (ODT_FIXTURES / "report.odt").read_bytes(),
    ],
    ids=["empty", "truncated", "random", "random-after-zip-magic", "an-odt"],
)
def test_damaged_input_is_refused_in_one_line(data: bytes) -> None:
    message = refusal(data)
    assert message.startswith("damaged or not a valid DOCX file (")
    assert message.endswith("); not imported")
