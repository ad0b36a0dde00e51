<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Annotate</source>
        <translation>&amp;Разметка</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Р&amp;ецензия</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Open Corpus &amp;Folder…</source>
        <translation>Открыть &amp;папку корпуса…</translation>
    </message>
    <message>
        <source>Import a folder of .txt and .md files into its own database and open it</source>
        <translation>Импортировать папку с файлами .txt и .md в отдельную базу и открыть её</translation>
    </message>
    <message>
        <source>Open &amp;Database…</source>
        <translation>Открыть &amp;базу…</translation>
    </message>
    <message>
        <source>Open another Reader database</source>
        <translation>Открыть другую базу Reader</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>&amp;Импортировать файлы…</translation>
    </message>
    <message>
        <source>Add .txt and .md files to this database (or drop them on the document list)</source>
        <translation>Добавить файлы .txt и .md в эту базу (или перетащить их на список документов)</translation>
    </message>
    <message>
        <source>&amp;Export Annotations…</source>
        <translation>&amp;Экспортировать разметку…</translation>
    </message>
    <message>
        <source>Write every annotation to CSV (for spreadsheets or scripts) or JSONL</source>
        <translation>Записать всю разметку в CSV (для таблиц и скриптов) или JSONL</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Объединить…</translation>
    </message>
    <message>
        <source>Bring other annotators&apos; databases into this one: documents by their text, annotations by id, the newest change wins</source>
        <translation>Влить базы других разметчиков в эту: документы по тексту, разметку по id, побеждает самое новое изменение</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Close Reader (everything is already saved)</source>
        <translation>Закрыть Reader (всё уже сохранено)</translation>
    </message>
    <message>
        <source>&amp;Find in Document…</source>
        <translation>&amp;Найти в документе…</translation>
    </message>
    <message>
        <source>Find text in the open document</source>
        <translation>Найти текст в открытом документе</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Найти &amp;далее</translation>
    </message>
    <message>
        <source>Find the next match in the document</source>
        <translation>Найти следующее совпадение в документе</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Найти &amp;ранее</translation>
    </message>
    <message>
        <source>Find the previous match in the document</source>
        <translation>Найти предыдущее совпадение в документе</translation>
    </message>
    <message>
        <source>&amp;Search All Documents…</source>
        <translation>&amp;Искать во всех документах…</translation>
    </message>
    <message>
        <source>Full-text search across every document</source>
        <translation>Полнотекстовый поиск по всем документам</translation>
    </message>
    <message>
        <source>Filter &amp;Documents…</source>
        <translation>&amp;Фильтр документов…</translation>
    </message>
    <message>
        <source>Type to narrow the document list</source>
        <translation>Введите текст, чтобы сузить список документов</translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Your name, stored on every annotation you make and every review</source>
        <translation>Ваше имя: сохраняется в каждой вашей пометке и каждой рецензии</translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation>&amp;Удалить пометку</translation>
    </message>
    <message>
        <source>Delete the selected highlight</source>
        <translation>Удалить выбранную пометку</translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation>&amp;Заметка…</translation>
    </message>
    <message>
        <source>Write a note on the selected highlight</source>
        <translation>Написать заметку к выбранной пометке</translation>
    </message>
    <message>
        <source>Ne&amp;xt Annotation</source>
        <translation>&amp;Следующая пометка</translation>
    </message>
    <message>
        <source>Select the next highlight in the text</source>
        <translation>Выбрать следующую пометку в тексте</translation>
    </message>
    <message>
        <source>Pre&amp;vious Annotation</source>
        <translation>&amp;Предыдущая пометка</translation>
    </message>
    <message>
        <source>Select the previous highlight in the text</source>
        <translation>Выбрать предыдущую пометку в тексте</translation>
    </message>
    <message>
        <source>E&amp;xact Characters</source>
        <translation>&amp;Точно по символам</translation>
    </message>
    <message>
        <source>Tag exactly the selected characters instead of whole words</source>
        <translation>Размечать ровно выделенные символы, а не целые слова</translation>
    </message>
    <message>
        <source>Edit &amp;Tags…</source>
        <translation>&amp;Метки…</translation>
    </message>
    <message>
        <source>Add, rename, recolour tags or change their keys</source>
        <translation>Добавить, переименовать, перекрасить метки или сменить их клавиши</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Принять</translation>
    </message>
    <message>
        <source>Accept the selected highlight, then go to the next pending one</source>
        <translation>Принять выбранную пометку и перейти к следующей непроверенной</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <source>Reject the selected highlight (it is kept, struck through), then go to the next pending one</source>
        <translation>Отклонить выбранную пометку (она остаётся, зачёркнутой) и перейти к следующей непроверенной</translation>
    </message>
    <message>
        <source>Review N&amp;ote…</source>
        <translation>&amp;Замечание рецензента…</translation>
    </message>
    <message>
        <source>Write a reviewer&apos;s note on the selected highlight</source>
        <translation>Написать замечание рецензента к выбранной пометке</translation>
    </message>
    <message>
        <source>&amp;Next Pending</source>
        <translation>&amp;Следующая непроверенная</translation>
    </message>
    <message>
        <source>Select the next pending highlight, opening the next document that has one</source>
        <translation>Выбрать следующую непроверенную пометку, открыв следующий документ, где она есть</translation>
    </message>
    <message>
        <source>&amp;Previous Pending</source>
        <translation>П&amp;редыдущая непроверенная</translation>
    </message>
    <message>
        <source>Select the previous pending highlight, opening the previous document that has one</source>
        <translation>Выбрать предыдущую непроверенную пометку, открыв предыдущий документ, где она есть</translation>
    </message>
    <message>
        <source>&amp;Take Theirs</source>
        <translation>&amp;Взять их версию</translation>
    </message>
    <message>
        <source>Comparison: their version of the selected row goes into this database, accepted; ours is rejected</source>
        <translation>Сравнение: их версия выбранной строки попадает в эту базу принятой, наша отклоняется</translation>
    </message>
    <message>
        <source>&amp;Keep Ours</source>
        <translation>Оставить &amp;нашу</translation>
    </message>
    <message>
        <source>Comparison: our version of the selected row is accepted; theirs, when it is in this database, rejected</source>
        <translation>Сравнение: наша версия выбранной строки принимается, их версия (если она есть в этой базе) отклоняется</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Крупнее</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Крупнее</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Мельче</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Мельче</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Обычный размер</translation>
    </message>
    <message>
        <source>Text at its normal size</source>
        <translation>Обычный размер</translation>
    </message>
    <message>
        <source>Go to &amp;Document List</source>
        <translation>К &amp;списку документов</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the list</source>
        <translation>Перевести фокус клавиатуры на список</translation>
    </message>
    <message>
        <source>Go to &amp;Reader</source>
        <translation>К &amp;тексту</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the text</source>
        <translation>Перевести фокус клавиатуры на текст</translation>
    </message>
    <message>
        <source>Go to &amp;Annotations</source>
        <translation>К &amp;пометкам</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the annotation list</source>
        <translation>Перевести фокус клавиатуры на список пометок</translation>
    </message>
    <message>
        <source>Re&amp;view Mode</source>
        <translation>Режим &amp;рецензии</translation>
    </message>
    <message>
        <source>Review keys (A, R, N, P), filters over the annotations and review progress in the document list</source>
        <translation>Клавиши рецензии (A, R, N, P), фильтры пометок и ход проверки в списке документов</translation>
    </message>
    <message>
        <source>Show Re&amp;jected</source>
        <translation>Показывать &amp;отклонённые</translation>
    </message>
    <message>
        <source>Show rejected highlights, struck through</source>
        <translation>Показывать отклонённые пометки зачёркнутыми</translation>
    </message>
    <message>
        <source>Only Documents with &amp;Pending</source>
        <translation>Только документы с &amp;непроверенными</translation>
    </message>
    <message>
        <source>List only the documents that still have pending annotations</source>
        <translation>Показывать только документы, где ещё есть непроверенные пометки</translation>
    </message>
    <message>
        <source>&amp;Compare With…</source>
        <translation>&amp;Сравнить с…</translation>
    </message>
    <message>
        <source>Another annotator&apos;s spans beside this database&apos;s, for the open document</source>
        <translation>Пометки другого разметчика рядом с пометками этой базы, для открытого документа</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>Every shortcut on one page</source>
        <translation>Все сочетания клавиш на одной странице</translation>
    </message>
    <message>
        <source>Move the caret</source>
        <translation>Передвинуть курсор</translation>
    </message>
    <message>
        <source>Arrows, Home, End, Page Up, Page Down</source>
        <translation>Стрелки, Home, End, Page Up, Page Down</translation>
    </message>
    <message>
        <source>Select text</source>
        <translation>Выделить текст</translation>
    </message>
    <message>
        <source>Shift+Arrows, Ctrl+Shift+Left/Right (by word)</source>
        <translation>Shift+стрелки, Ctrl+Shift+влево/вправо (по словам)</translation>
    </message>
    <message>
        <source>Move the selected highlight&apos;s end</source>
        <translation>Сдвинуть конец выбранной пометки</translation>
    </message>
    <message>
        <source>Move the selected highlight&apos;s start</source>
        <translation>Сдвинуть начало выбранной пометки</translation>
    </message>
    <message>
        <source>Deselect the highlight</source>
        <translation>Снять выбор с пометки</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Отменить последнее изменение</translation>
    </message>
    <message>
        <source>Redo what was undone</source>
        <translation>Повторить отменённое</translation>
    </message>
    <message>
        <source>Tag the selection (or retag the selected highlight) as {tag}</source>
        <translation>Пометить выделение (или перемаркировать выбранную пометку) как {tag}</translation>
    </message>
    <message>
        <source>Tag as {tag}</source>
        <translation>Пометить как {tag}</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Меню</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
</context>
</TS>
