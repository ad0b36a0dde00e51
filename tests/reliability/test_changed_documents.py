"""A document's file changed and is imported again: its annotations are re-anchored, and
those that cannot be placed for certain are orphaned, listed and kept, never moved silently."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_support import run_cli

from reader.domain.anchoring import Reanchoring
from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.store import Store

OLD = (
    "Министр 📢 обещал рост экономики в мае.\n"
    "Эксперты 👩🏽‍💼 ждут рост цен и спорят.\n"
    "В конце года подведут итоги 🎉.\n"
)


def annotate(store: Store, document_id: int, quote: str, occurrence: int = 0, tag: str = "claim") -> Annotation:
    text = store.document(document_id).text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return store.add_annotation(
        Annotation(document_id=document_id, start=start, end=start + len(quote), text=quote, tag=tag)
    )


def reimport(store: Store, text: str, name: str = "news.txt"):
    return store.import_source(SourceText(name, "", text, "utf-8"))


def placed(store: Store, annotation: Annotation) -> tuple[int, int, bool]:
    row = store.db.execute('SELECT start, "end", orphaned FROM annotations WHERE id = ?', [annotation.id]).fetchone()
    return row[0], row[1], bool(row[2])


@pytest.fixture
def news(store: Store) -> int:
    return reimport(store, OLD).document_id


def test_edit_before_the_spans_shifts_them_by_code_points(store, news):
    first, second = annotate(store, news, "Эксперты"), annotate(store, news, "итоги")
    new = OLD.replace("Министр 📢", "Вчера министр 📢🎉")  # one more emoji: 1 code point, 2 in UTF-16

    outcome = reimport(store, new)

    shift = len("Вчера министр 📢🎉") - len("Министр 📢")
    assert (outcome.action, outcome.moved, outcome.orphaned) == ("updated", 2, 0)
    for annotation in (first, second):
        start, end, orphaned = placed(store, annotation)
        assert (start, end, orphaned) == (annotation.start + shift, annotation.end + shift, False)
        assert new[start:end] == annotation.text


def test_edit_after_the_spans_leaves_them_where_they_are(store, news):
    annotation = annotate(store, news, "рост экономики")

    outcome = reimport(store, OLD.replace("подведут итоги", "подведут первые итоги"))

    assert (outcome.moved, outcome.orphaned) == (0, 0)
    assert placed(store, annotation) == (annotation.start, annotation.end, False)


def test_edit_inside_a_span_orphans_it_and_keeps_it(store, news):
    hit, untouched = annotate(store, news, "рост цен"), annotate(store, news, "итоги")
    new = OLD.replace("рост цен", "рост тарифов")

    outcome = reimport(store, new)

    assert (outcome.orphaned, outcome.orphaned_ids) == (1, (hit.id,))
    assert placed(store, hit) == (hit.start, hit.end, True)  # kept where it was, with its text
    assert store.annotation(hit.id).text == "рост цен"
    assert [a.id for a in store.orphaned_annotations()] == [hit.id]
    start, end, orphaned = placed(store, untouched)
    assert new[start:end] == "итоги" and not orphaned


def test_a_repeated_quote_is_told_apart_by_its_context(store, news):
    second = annotate(store, news, "рост", occurrence=1)  # "ждут рост цен", not "обещал рост"
    # Edited before and after it, so its place is looked up by quote and context.
    new = "Сводка. " + OLD.replace("Эксперты", "Эксперты, однако,").replace("🎉.", "🎉!")

    outcome = reimport(store, new)

    start, end, orphaned = placed(store, second)
    assert not orphaned and outcome.moved == 1
    assert new[start:end] == "рост" and new[start - 5 : end + 4] == "ждут рост цен"


def test_a_quote_that_fits_two_places_equally_is_orphaned_not_guessed(store):
    body = "Сорок символов контекста перед цитатой: рост. И сорок после неё, чтобы было поровну.\n"
    document = reimport(store, "Вступление. " + body + "Конец.\n", "twice.txt").document_id
    annotation = annotate(store, document, "рост")
    # The paragraph now appears twice, and the text around both copies changed.
    new = "Предисловие! " + body + body + "Финал!\n"

    outcome = reimport(store, new, "twice.txt")

    assert outcome.orphaned_ids == (annotation.id,)
    assert placed(store, annotation) == (annotation.start, annotation.end, True)


def test_repeated_text_far_from_the_edit_keeps_its_place(store):
    refrain = "Спасибо, господин председатель. 🙏\n"
    text = refrain * 4
    document = reimport(store, text, "refrain.txt").document_id
    annotations = [annotate(store, document, "председатель", occurrence=n) for n in range(4)]

    reimport(store, "Заседание открыто.\n" + text, "refrain.txt")  # before all of them
    reimport(store, "Заседание открыто.\n" + text + "Заседание закрыто.\n", "refrain.txt")  # after

    shift = len("Заседание открыто.\n")
    for annotation in annotations:
        assert placed(store, annotation) == (annotation.start + shift, annotation.end + shift, False)


def test_cli_import_lists_the_orphaned_annotations(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "project.sqlite"
    corpus.mkdir()
    (corpus / "news.txt").write_text(OLD, encoding="utf-8")
    assert run_cli("import", corpus, "--db", db).returncode == 0
    start = OLD.index("рост цен")
    orphan_id = run_cli(
        "annotate",
        "--db",
        db,
        "--doc",
        "news.txt",
        "--start",
        start,
        "--end",
        start + len("рост цен"),
        "--tag",
        "claim",
    ).stdout.strip()
    start = OLD.index("итоги")
    kept_id = run_cli(
        "annotate", "--db", db, "--doc", "news.txt", "--start", start, "--end", start + len("итоги"), "--tag", "date"
    ).stdout.strip()
    (corpus / "news.txt").write_text("Новое начало.\n" + OLD.replace("рост цен", "рост тарифов"), encoding="utf-8")

    result = run_cli("import", corpus, "--db", db)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "updated news.txt: 1 annotation(s) moved, 1 orphaned"
    assert lines[1].split()[:3] == ["orphaned", orphan_id, "claim"] and "'рост цен'" in lines[1]
    assert kept_id not in result.stdout and len(lines) == 2


edits = st.tuples(st.integers(0, 60), st.integers(0, 8), st.text("abc 🎉\n", max_size=8))


@settings(max_examples=300, deadline=None)
@given(
    old=st.text("abc 🎉\n", min_size=1, max_size=60),
    spans=st.lists(st.tuples(st.integers(0, 59), st.integers(1, 6)), min_size=1, max_size=5),
    edit=edits,
)
def test_no_annotation_is_ever_moved_onto_other_text(old, spans, edit):
    """Over random single edits of texts full of repeats: an annotation before the edit
    stays, one after it is kept, and every kept one is on exactly its quote."""
    at, removed, inserted = edit
    at = min(at, len(old))
    new = old[:at] + inserted + old[at + removed :]
    anchoring = Reanchoring(old, new)
    for start, length in spans:
        start = min(start, len(old) - 1)
        end = min(start + length, len(old))
        place = anchoring.place(start, end)
        if end <= at:
            assert place == (start, end)
        elif start >= at + removed:
            # Shifted by the edit, or by an edit that gives the same text ("a" -> "aa"
            # inserted an "a" before or after the first): either way on its own quote.
            assert place is not None
        if place is not None:
            assert new[place[0] : place[1]] == old[start:end]
