"""The web-page extractor on saved pages (tests/data/documents/html, see its README.md)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.domain.extracting import html
from reader.domain.extracting.model import BLOCK_SEPARATOR, Extracted, ExtractOptions, UnreadableFile

PAGES = Path(__file__).resolve().parents[1] / "data" / "documents" / "html"
WMF = PAGES / "wikimediafoundation.org.turkey.html"
RU = PAGES / "news_ru.utf8.html"
WHOLE = ExtractOptions(keep_boilerplate=True)

WMF_ARTICLE = (
    "Today, on Wikipedia’s 19th birthday, the Wikimedia Foundation has received reports",
    "We are thrilled that the people of Turkey will once again be able to participate",
    "“We are thrilled to be reunited with the people of Turkey,” said Katherine Maher",
    "More than 85 percent of the articles on Wikipedia are in languages other than English",
    "With the decision today, our editors in Turkey will once again be able to fully participate",
    "* We have received reports that several internet service providers in Turkey",
)
WMF_BOILERPLATE = (
    "Skip to content",  # header
    "Support Wikipedia",  # navigation
    "Our legal case against Turkey’s block of Wikipedia has been expedited.",  # a teaser
    "Read further in the pursuit of knowledge",  # the teasers' heading
    "Subscribe to news about ongoing projects and initiatives.",  # the newsletter box
    "This mailing list is powered by MailChimp.",  # footer
)
RU_ARTICLE = (
    "В Заречье открыли библиотеку в бывшем депо",
    "В пятницу в Заречье открылась городская библиотека",
    "«Мы хотели, чтобы сюда приходили не только за книгами",
    "Что будет дальше",
    "Депо построили в 1937 году",
)
RU_BOILERPLATE = (
    "Статьи",  # menu
    "Поддержать",  # menu and footer
    "Ледоход ожидают раньше срока",  # teaser
    "13 марта",  # a teaser's date
    "Краеведческий музей получил грант",  # related link
    "Наконец-то! Приду с детьми в субботу.",  # comment
    "Перепечатка материалов",  # footer
)


def read(path: Path, options: ExtractOptions | None = None) -> Extracted:
    return html.extract(path.read_bytes(), options or ExtractOptions())


def assert_once_in_order(text: str, snippets: tuple[str, ...]) -> None:
    positions = []
    for snippet in snippets:
        assert text.count(snippet) == 1, snippet
        positions.append(text.index(snippet))
    assert positions == sorted(positions)


@pytest.mark.parametrize(("path", "article"), [(WMF, WMF_ARTICLE), (RU, RU_ARTICLE)])
def test_the_article_s_paragraphs_come_out_once_and_in_order(path, article):
    assert_once_in_order(read(path).text, article)


@pytest.mark.parametrize(("path", "boilerplate"), [(WMF, WMF_BOILERPLATE), (RU, RU_BOILERPLATE)])
def test_navigation_teasers_comments_and_footer_are_left_out_by_default(path, boilerplate):
    text = read(path).text

    assert [snippet for snippet in boilerplate if snippet in text] == []


@pytest.mark.parametrize(
    ("path", "article", "boilerplate"), [(WMF, WMF_ARTICLE, WMF_BOILERPLATE), (RU, RU_ARTICLE, RU_BOILERPLATE)]
)
def test_keep_boilerplate_gives_the_whole_page(path, article, boilerplate):
    text = read(path, WHOLE).text

    assert [snippet for snippet in (*article, *boilerplate) if snippet not in text] == []
    assert text.index("Статьи" if path == RU else "Skip to content") < text.index(article[1])
    assert text.rindex(boilerplate[-1]) > text.index(article[-1])


def test_the_whole_page_has_no_script_style_or_title_element():
    text = read(RU, WHOLE).text
    source = RU.read_text(encoding="utf-8")
    assert "Скрипт не текст" in source and "font-family" in source

    assert "Скрипт не текст" not in text
    assert "font-family" not in text
    assert "— Вести Заречья" not in text  # the <title>'s site name, shown only in a tab


@pytest.mark.parametrize("options", [ExtractOptions(), WHOLE])
def test_metadata_comes_from_the_page_in_either_mode(options):
    wmf, ru = read(WMF, options), read(RU, options)

    assert wmf.title == "Access to Wikipedia restored in Turkey after more than two and a half years"
    assert wmf.published == "2020-01-15"
    assert wmf.url == (
        "https://wikimediafoundation.org/news/2020/01/15/"
        "access-to-wikipedia-restored-in-turkey-after-more-than-two-and-a-half-years/"
    )
    assert (ru.title, ru.published) == ("В Заречье открыли библиотеку в бывшем депо", "2024-03-15")
    assert ru.url == "https://vesti-zarechya.example/articles/2024/03/15/biblioteka-v-depo"
    assert wmf.source_type == ru.source_type == "html"


@pytest.mark.parametrize("path", [WMF, RU])
@pytest.mark.parametrize("options", [ExtractOptions(), WHOLE])
def test_each_paragraph_is_a_block_numbered_from_one(path, options):
    extracted = read(path, options)
    paragraphs = extracted.text.split(BLOCK_SEPARATOR)

    assert [extracted.text[block.start : block.end] for block in extracted.blocks] == paragraphs
    assert [block.paragraph for block in extracted.blocks] == list(range(1, len(paragraphs) + 1))
    assert all(block.page is None for block in extracted.blocks)


def test_entities_nbsp_and_characters_outside_the_bmp_are_what_the_reader_sees():
    text = read(RU).text
    assert "48&nbsp;млн" in RU.read_text(encoding="utf-8")

    assert "48\u00a0млн рублей" in text  # kept, though trafilatura's own text makes it a space
    assert "поработать 🙂»" in text  # &#x1F642;, one code point
    assert "&" not in text and "<" not in text


@pytest.mark.parametrize("name", ["news_ru.cp1251.html", "news_ru.cp1251-undeclared.html"])
def test_a_windows_1251_page_reads_as_its_utf8_original(name):
    data = (PAGES / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")

    for options in (ExtractOptions(), WHOLE):
        assert html.extract(data, options) == read(RU, options)


def test_a_page_where_trafilatura_finds_no_article_gives_its_whole_text():
    import trafilatura

    page = "<html><body><div class='comments'><p>Первый комментарий</p><p>Второй</p></div></body></html>"
    assert trafilatura.bare_extraction(page, include_comments=False) is None

    assert html.extract(page.encode(), ExtractOptions()).text == "Первый комментарий\n\nВторой"


def test_the_whole_page_keeps_lines_and_cells():
    page = "<p>первая<br>вторая <b>строка</b></p><table><tr><td>а</td><td> б </td></tr></table><div>в</div>"

    assert html.extract(page.encode(), WHOLE).text == "первая\nвторая строка\n\nа\tб\n\nв"


def test_a_truncated_page_gives_what_it_still_has():
    data = WMF.read_bytes()
    cut = data.index(b"With the decision today")

    text = html.extract(data[:cut], ExtractOptions()).text

    assert WMF_ARTICLE[0] in text
    assert "With the decision today" not in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "no text in the page; not imported"),
        (
            b"<html><head><title>T</title></head><body> \n <script>x()</script></body></html>",
            "no text in the page; not imported",
        ),
        (random.Random(16).randbytes(4096), "binary file (contains NUL bytes); not imported"),
    ],
    ids=["empty", "no text", "random bytes"],
)
def test_a_file_with_no_page_in_it_is_refused_in_one_line(data, message):
    with pytest.raises(UnreadableFile) as refused:
        html.extract(data, ExtractOptions())

    assert str(refused.value) == message
