"""How project.sqlite3 was made: with Taguette 1.5.2's own code (pip install taguette==1.5.2),
following its web handlers step by step. Not run by the tests; kept to show where the file came from.

Documents go in as DocumentAdd does it (convert.to_html on an .html file: html5lib, then bleach),
highlights as HighlightAdd does it (extract.extract makes the snippet; a highlight_add command
records who made it), with offsets counted as taguette.js's describePos counts them: UTF-8 bytes
of the text nodes, tags not counted. The project is then exported as ExportSqlite exports it
(copy_project into a fresh database): the file a Taguette user downloads, where every command
is the exporting "admin"'s. The database worked in is kept too, as the workspace file of a
Taguette run on a desktop holds it, with who added each highlight.

    /tmp/tgvenv/bin/python tests/data/peers/taguette/make_project.py tests/data/peers/taguette
"""

import asyncio
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from taguette import convert, database, extract

DOCUMENTS = {
    "Заявление ОДКБ": (
        "odkb.html",
        "<html><head><title>x</title><style>p{}</style></head><body>"
        "<h1>Москва не обращалась к ОДКБ</h1>\n"
        "<p>Москва официально не обращалась за помощью в Организацию Договора о коллективной "
        "безопасности (ОДКБ). Об этом говорится в ответе Секретариата ОДКБ на запрос бюро "
        "&laquo;Радио Свобода&raquo; 7 августа.</p>\n"
        "<p>«Такого обращения со стороны <b>Российской Федерации</b> не было», — говорится в ответе.</p>"
        "</body></html>",
    ),
    "Emoji & lists": (
        "notes.html",
        '<meta charset="utf-8">'
        "<p>Rosalind 👩‍🔬 Franklin said <em>“photo 51”</em> was clear.<br>Next line &amp; more.</p>\n"
        "<ul><li>first 🧬 item</li><li>second item</li></ul>\n"
        "<table><tr><td>Date</td><td>25 April 1953</td></tr></table>",
    ),
}
# (document, text the highlight covers, tags, user): the text's first occurrence is highlighted.
HIGHLIGHTS = [
    ("Заявление ОДКБ", "Москва", ["actor"], "anna"),
    ("Заявление ОДКБ", "Москва официально не обращалась за помощью", ["claim"], "anna"),
    ("Заявление ОДКБ", "Секретариата ОДКБ", ["actor", "organisation"], "boris"),
    ("Заявление ОДКБ", "7 августа", ["date"], "boris"),
    ("Заявление ОДКБ", "«Такого обращения со стороны Российской Федерации не было»", ["claim"], "anna"),
    ("Заявление ОДКБ", "Радио Свобода", [], "anna"),
    ("Emoji & lists", "Rosalind 👩‍🔬 Franklin", ["actor"], "anna"),
    ("Emoji & lists", "“photo 51” was clear.Next line", ["claim"], "anna"),
    ("Emoji & lists", "first 🧬 item", ["interesting quote"], "boris"),
    ("Emoji & lists", "25 April 1953", ["date"], "boris"),
]


def text_content(html: str) -> str:
    return "".join(BeautifulSoup(html, "html5lib").strings)


def main(folder: Path) -> None:
    work = database.connect(f"sqlite:///{folder}/workspace.sqlite3")()
    users = {login: database.User(login=login) for login in ("admin", "anna", "boris")}
    work.add_all(users.values())
    project = database.Project(name="Reader sample", description="Made with Taguette 1.5.2's code")
    work.add(project)
    work.flush()
    documents = {}
    for name, (filename, body) in DOCUMENTS.items():
        contents = asyncio.run(convert.to_html_chunks(body.encode(), "text/html", filename, None))
        document = database.Document(
            name=name,
            description="",
            filename=filename,
            project=project,
            text_direction=database.TextDirection.LEFT_TO_RIGHT,
            contents=contents,
        )
        work.add(document)
        work.flush()
        work.add(database.Command.document_add("admin", document))
        documents[name] = document
    tags = {}
    for _, _, names, _ in HIGHLIGHTS:
        for tag_name in names:
            if tag_name not in tags:
                tags[tag_name] = database.Tag(project=project, path=tag_name, description="")
                work.add(tags[tag_name])
                work.flush()
                work.add(database.Command.tag_add("admin", tags[tag_name]))
    for name, covered, names, user in HIGHLIGHTS:
        document = documents[name]
        content = text_content(document.contents)
        at = content.index(covered)
        start = len(content[:at].encode())
        end = start + len(covered.encode())
        snippet = extract.extract(document.contents, start, end)
        assert text_content(snippet) == covered, (text_content(snippet), covered)
        highlight = database.Highlight(document=document, start_offset=start, end_offset=end, snippet=snippet)
        work.add(highlight)
        work.flush()
        for tag_name in names:
            work.execute(database.highlight_tags.insert(), {"highlight_id": highlight.id, "tag_id": tags[tag_name].id})
        work.add(database.Command.highlight_add(user, document, highlight, [tags[t].id for t in names]))
    work.commit()
    exported = database.connect(f"sqlite:///{folder}/project.sqlite3")()
    exported.add(database.User(login="admin"))
    exported.commit()
    database.copy_project(work, exported, project.id, "admin")
    exported.commit()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
