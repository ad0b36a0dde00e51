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
        <source>&amp;Link…</source>
        <translation>&amp;Связать…</translation>
    </message>
    <message>
        <source>Link the selected claim to an actor or a date: Tab goes through them nearest first, Enter links</source>
        <translation>Связать выделенное утверждение с актором или датой: Tab перебирает их от ближайших, Enter связывает</translation>
    </message>
    <message>
        <source>Next Lin&amp;k</source>
        <translation>Следующая св&amp;язь</translation>
    </message>
    <message>
        <source>Walk the links of the selected highlight (Delete removes the one reached)</source>
        <translation>Перебрать связи выделенной пометки (Delete удаляет текущую)</translation>
    </message>
    <message>
        <source>Previous Link</source>
        <translation>Предыдущая связь</translation>
    </message>
    <message>
        <source>Walk the links of the selected highlight backwards</source>
        <translation>Перебрать связи выделенной пометки в обратном порядке</translation>
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
        <source>Edit &amp;Relation Types…</source>
        <translation>Изменить &amp;типы связей…</translation>
    </message>
    <message>
        <source>Add, rename or delete relation types: the tags each links, its key (Alt while linking), its colour</source>
        <translation>Добавить, переименовать или удалить типы связей: какие метки каждый связывает, его клавиша (с Alt при связывании), его цвет</translation>
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
        <source>Everything in the window larger</source>
        <translation>Всё в окне крупнее</translation>
    </message>
    <message>
        <source>Everything in the window smaller</source>
        <translation>Всё в окне мельче</translation>
    </message>
    <message>
        <source>Everything in the window at its normal size</source>
        <translation>Всё в окне обычного размера</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Мельче</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Обычный размер</translation>
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
    <message>
        <source>S&amp;uggest…</source>
        <translation>&amp;Предложить…</translation>
    </message>
    <message>
        <source>Suggest actors, dates and claims, and more of what is tagged, in this document or in all of them</source>
        <translation>Предложить акторов, даты и утверждения, а также другие места уже размеченного, в этом документе или во всех</translation>
    </message>
    <message>
        <source>Accept Su&amp;ggestion</source>
        <translation>Принять пре&amp;дложение</translation>
    </message>
    <message>
        <source>The suggestion at the caret becomes your annotation, pending review</source>
        <translation>Предложение у курсора становится вашей пометкой, ожидающей проверки</translation>
    </message>
    <message>
        <source>Reject Suggestion</source>
        <translation>Отклонить предложение</translation>
    </message>
    <message>
        <source>Drop the suggestion at the caret: that span is never suggested again</source>
        <translation>Отбросить предложение у курсора: этот фрагмент больше не будет предложен</translation>
    </message>
    <message>
        <source>Accept All Suggestions of This Tag</source>
        <translation>Принять все предложения этой метки</translation>
    </message>
    <message>
        <source>Every suggestion of the tag at the caret in this document becomes your annotation, in one step</source>
        <translation>Все предложения метки у курсора в этом документе становятся вашими пометками, одним шагом</translation>
    </message>
    <message>
        <source>Next Suggestion</source>
        <translation>Следующее предложение</translation>
    </message>
    <message>
        <source>Move the caret to the next suggestion in the text</source>
        <translation>Перевести курсор к следующему предложению в тексте</translation>
    </message>
    <message>
        <source>Previous Suggestion</source>
        <translation>Предыдущее предложение</translation>
    </message>
    <message>
        <source>Move the caret to the previous suggestion in the text</source>
        <translation>Перевести курсор к предыдущему предложению в тексте</translation>
    </message>
</context>
<context>
    <name>Annotating</name>
    <message>
        <source>Accepted by {reviewer}, {time}</source>
        <translation>Принята {time}, рецензент: {reviewer}</translation>
    </message>
    <message>
        <source>Rejected by {reviewer}, {time}</source>
        <translation>Отклонена {time}, рецензент: {reviewer}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Разметчик</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>code points {start}–{end}, by {annotator}</source>
        <translation>позиции {start}–{end}, разметчик: {annotator}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Заметка: {note}</translation>
    </message>
    <message>
        <source>Pending; reviewed by {reviewer}</source>
        <translation>Не проверена; рецензент: {reviewer}</translation>
    </message>
    <message>
        <source>Review note: {note}</source>
        <translation>Замечание рецензента: {note}</translation>
    </message>
    <message>
        <source>No note</source>
        <translation>Заметки нет</translation>
    </message>
    <message>
        <source>Press Enter or double-click to edit the note</source>
        <translation>Нажмите Enter или дважды щёлкните, чтобы изменить заметку</translation>
    </message>
    <message>
        <source>Status: · pending, ✓ accepted, ✗ rejected (click to sort)</source>
        <translation>Статус: · не проверена, ✓ принята, ✗ отклонена (щёлкните, чтобы отсортировать)</translation>
    </message>
    <message>
        <source>{column} (click to sort; a third click goes back to text order)</source>
        <translation>{column} (щёлкните, чтобы отсортировать; третий щелчок возвращает порядок текста)</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Пометки</translation>
    </message>
    <message>
        <source>Annotations in this document</source>
        <translation>Пометки в этом документе</translation>
    </message>
    <message numerus="yes">
        <source>Annotations (%n)</source>
        <translation>
            <numerusform>Пометки (%n)</numerusform>
            <numerusform>Пометки (%n)</numerusform>
            <numerusform>Пометки (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Annotations ({listed} of %n shown)</source>
        <translation>
            <numerusform>Пометки (показано {listed} из %n)</numerusform>
            <numerusform>Пометки (показано {listed} из %n)</numerusform>
            <numerusform>Пометки (показано {listed} из %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept {tag} “{text}”</source>
        <translation>Принять {tag} «{text}»</translation>
    </message>
    <message>
        <source>Reject {tag} “{text}”</source>
        <translation>Отклонить {tag} «{text}»</translation>
    </message>
    <message>
        <source>Reopen {tag} “{text}”</source>
        <translation>Вернуть на проверку {tag} «{text}»</translation>
    </message>
    <message>
        <source>Tag “{text}” as {tag}</source>
        <translation>Пометить «{text}» как {tag}</translation>
    </message>
    <message>
        <source>Delete {tag} “{text}”</source>
        <translation>Удалить {tag} «{text}»</translation>
    </message>
    <message>
        <source>Retag “{text}” as {tag}</source>
        <translation>Сменить метку «{text}» на {tag}</translation>
    </message>
    <message>
        <source>Note on “{text}”</source>
        <translation>Заметка к «{text}»</translation>
    </message>
    <message>
        <source>Move the edges of “{text}”</source>
        <translation>Сдвинуть границы «{text}»</translation>
    </message>
    <message>
        <source>Review note on “{text}”</source>
        <translation>Замечание рецензента к «{text}»</translation>
    </message>
    <message>
        <source>Add tag {name}</source>
        <translation>Добавить метку {name}</translation>
    </message>
    <message>
        <source>Change tag {name}</source>
        <translation>Изменить метку {name}</translation>
    </message>
    <message>
        <source>Delete tag {name}</source>
        <translation>Удалить метку {name}</translation>
    </message>
    <message>
        <source>Delete tag {name}, its annotations now {tag}</source>
        <translation>Удалить метку {name} и перенести её пометки на {tag}</translation>
    </message>
    <message>
        <source>Open a document first</source>
        <translation>Сначала откройте документ</translation>
    </message>
    <message>
        <source>The selection is only white space; nothing was tagged</source>
        <translation>В выделении одни пробелы; ничего не помечено</translation>
    </message>
    <message>
        <source>Select some text (or click a highlight), then press a tag key</source>
        <translation>Выделите текст (или щёлкните пометку) и нажмите клавишу метки</translation>
    </message>
    <message>
        <source>That highlight is already tagged {tag}</source>
        <translation>У этой пометки уже стоит метка {tag}</translation>
    </message>
    <message>
        <source>Click a highlight first, then press Delete</source>
        <translation>Сначала щёлкните пометку, затем нажмите Delete</translation>
    </message>
    <message>
        <source>Click a highlight first, then edit its note</source>
        <translation>Сначала щёлкните пометку, затем измените её заметку</translation>
    </message>
    <message>
        <source>Your note on {annotation}:</source>
        <translation>Ваша заметка к пометке {annotation}:</translation>
    </message>
    <message>
        <source>That annotation is no longer in the open document; the note was not stored</source>
        <translation>Этой пометки больше нет в открытом документе; заметка не сохранена</translation>
    </message>
    <message>
        <source>That edge cannot move further</source>
        <translation>Дальше эту границу не сдвинуть</translation>
    </message>
    <message>
        <source>This document has no annotations yet</source>
        <translation>В этом документе ещё нет пометок</translation>
    </message>
    <message>
        <source>The filters hide every annotation of this document</source>
        <translation>Фильтры скрывают все пометки этого документа</translation>
    </message>
    <message>
        <source>Tag as</source>
        <translation>Пометить как</translation>
    </message>
    <message>
        <source>Show annotations of this tag</source>
        <translation>Показывать пометки с этой меткой</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Все метки</translation>
    </message>
    <message>
        <source>Show annotations with this status</source>
        <translation>Показывать пометки с этим статусом</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Show annotations by this annotator</source>
        <translation>Показывать пометки этого разметчика</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все разметчики</translation>
    </message>
    <message>
        <source>{tag} “{text}”</source>
        <translation>{tag} «{text}»</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves the note, Esc closes without saving; Ctrl+Z undoes a saved note.</source>
        <translation>Ctrl+Enter сохраняет заметку, Esc закрывает без сохранения; Ctrl+Z отменяет сохранённую заметку.</translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Tag name</source>
        <translation>Название метки</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <source>Colour (#rrggbb)</source>
        <translation>Цвет (#rrggbb)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Выбрать цвет</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>&amp;New Tag</source>
        <translation>&amp;Новая метка</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Delete Tag</source>
        <translation>&amp;Удалить метку</translation>
    </message>
    <message>
        <source>Move its annotations to</source>
        <translation>Перенести её пометки на метку</translation>
    </message>
    <message>
        <source>&amp;Move its annotations to:</source>
        <translation>&amp;Перенести её пометки на:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>На&amp;звание:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Клавиша:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Цвет:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
    <message>
        <source>Renaming a tag keeps its annotations; Ctrl+Z undoes a change or a deletion.</source>
        <translation>При переименовании метки её пометки сохраняются; Ctrl+Z отменяет изменение или удаление.</translation>
    </message>
    <message>
        <source>Choose the tag to delete in the list first</source>
        <translation>Сначала выберите в списке метку, которую нужно удалить</translation>
    </message>
    <message>
        <source>new tag</source>
        <translation>новая метка</translation>
    </message>
    <message>
        <source>Tag colour</source>
        <translation>Цвет метки</translation>
    </message>
    <message>
        <source>tag {tag} has no key here: its key is that of {owner}</source>
        <translation>у метки {tag} здесь нет клавиши: её клавиша занята командой {owner}</translation>
    </message>
    <message>
        <source>key {key} is already {owner}; choose another</source>
        <translation>клавиша {key} уже занята командой {owner}; выберите другую</translation>
    </message>
    <message>
        <source>Tag {name} saved</source>
        <translation>Метка {name} сохранена</translation>
    </message>
    <message numerus="yes">
        <source>Tag {name} is used by %n annotation(s): choose a tag to move them to, then Delete Tag again</source>
        <translation>
            <numerusform>Метка {name} используется в %n пометке: выберите, на какую метку перенести её пометки, и снова нажмите «Удалить метку»</numerusform>
            <numerusform>Метка {name} используется в %n пометках: выберите, на какую метку перенести её пометки, и снова нажмите «Удалить метку»</numerusform>
            <numerusform>Метка {name} используется в %n пометках: выберите, на какую метку перенести её пометки, и снова нажмите «Удалить метку»</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag {name} deleted; Ctrl+Z brings it back</source>
        <translation>Метка {name} удалена; Ctrl+Z вернёт её</translation>
    </message>
    <message>
        <source>Tag {name} deleted, its annotations moved to {tag}; Ctrl+Z undoes both</source>
        <translation>Метка {name} удалена, её пометки перенесены на {tag}; Ctrl+Z отменит и то и другое</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>That is this database: choose another, or an annotator of this one</source>
        <translation>Это и есть текущая база: выберите другую или разметчика этой</translation>
    </message>
    <message>
        <source>A: here</source>
        <translation>A: здесь</translation>
    </message>
    <message>
        <source>A: {annotator}</source>
        <translation>A: {annotator}</translation>
    </message>
    <message>
        <source>B: {annotator}</source>
        <translation>B: {annotator}</translation>
    </message>
    <message>
        <source>B: {file}</source>
        <translation>B: {file}</translation>
    </message>
    <message>
        <source>B: {file}, {annotator}</source>
        <translation>B: {file}, {annotator}</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>все</translation>
    </message>
    <message>
        <source>{file} changed: the comparison is paired anew</source>
        <translation>Файл {file} изменился: сравнение сопоставлено заново</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Документ не открыт</translation>
    </message>
    <message>
        <source>{title}: A {a} here, B {b} in this database.</source>
        <translation>{title}: A — {a} (здесь), B — {b} (в этой базе).</translation>
    </message>
    <message>
        <source>{title}: A {a} here, B {b} in {file}.</source>
        <translation>{title}: A — {a} (здесь), B — {b} (в {file}).</translation>
    </message>
    <message>
        <source>{file} has no document with this text.</source>
        <translation>В {file} нет документа с этим текстом.</translation>
    </message>
    <message>
        <source>{rows}: {agree}, {disagree}; {settled}, {to_settle}.</source>
        <translation>{rows}: {agree}, {disagree}; {settled}, {to_settle}.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n строка</numerusform>
            <numerusform>%n строки</numerusform>
            <numerusform>%n строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agree</source>
        <translation>
            <numerusform>%n совпадает</numerusform>
            <numerusform>%n совпадают</numerusform>
            <numerusform>%n совпадают</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disagree</source>
        <translation>
            <numerusform>%n расходится</numerusform>
            <numerusform>%n расходятся</numerusform>
            <numerusform>%n расходятся</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settled</source>
        <translation>
            <numerusform>%n решена</numerusform>
            <numerusform>%n решены</numerusform>
            <numerusform>%n решены</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to settle</source>
        <translation>
            <numerusform>%n ждёт решения</numerusform>
            <numerusform>%n ждут решения</numerusform>
            <numerusform>%n ждут решения</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) made since are not in it: View ▸ Compare With pairs anew.</source>
        <translation>
            <numerusform>%n пометка, сделанная позже, в сравнение не вошла: Вид ▸ Сравнить с… сопоставит заново.</numerusform>
            <numerusform>%n пометки, сделанные позже, в сравнение не вошли: Вид ▸ Сравнить с… сопоставит заново.</numerusform>
            <numerusform>%n пометок, сделанных позже, в сравнение не вошли: Вид ▸ Сравнить с… сопоставит заново.</numerusform>
        </translation>
    </message>
    <message>
        <source>Take theirs of “{text}”</source>
        <translation>Взять их версию «{text}»</translation>
    </message>
    <message numerus="yes">
        <source>Take theirs: %n annotation(s) changed (Ctrl+Z undoes)</source>
        <translation>
            <numerusform>Взять их версию: изменена %n пометка (Ctrl+Z отменяет)</numerusform>
            <numerusform>Взять их версию: изменены %n пометки (Ctrl+Z отменяет)</numerusform>
            <numerusform>Взять их версию: изменено %n пометок (Ctrl+Z отменяет)</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep ours of “{text}”</source>
        <translation>Оставить нашу версию «{text}»</translation>
    </message>
    <message numerus="yes">
        <source>Keep ours: %n annotation(s) changed (Ctrl+Z undoes)</source>
        <translation>
            <numerusform>Оставить нашу: изменена %n пометка (Ctrl+Z отменяет)</numerusform>
            <numerusform>Оставить нашу: изменены %n пометки (Ctrl+Z отменяет)</numerusform>
            <numerusform>Оставить нашу: изменено %n пометок (Ctrl+Z отменяет)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a row in the comparison first (View ▸ Compare With…)</source>
        <translation>Сначала выберите строку в сравнении (Вид ▸ Сравнить с…)</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>Сравнить с</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>&amp;Another database:</source>
        <translation>&amp;Другая база:</translation>
    </message>
    <message>
        <source>&amp;This database, annotator:</source>
        <translation>&amp;Эта база, разметчик:</translation>
    </message>
    <message>
        <source>The other database</source>
        <translation>Другая база</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Annotator in the other database (empty: everyone)</source>
        <translation>Разметчик в другой базе (пусто — все)</translation>
    </message>
    <message>
        <source>A — this database, annotator:</source>
        <translation>A — эта база, разметчик:</translation>
    </message>
    <message>
        <source>B:</source>
        <translation>B:</translation>
    </message>
    <message>
        <source>annotator there:</source>
        <translation>разметчик в ней:</translation>
    </message>
    <message>
        <source>Reader databases (*.sqlite *.db *.sqlite3);;All files (*)</source>
        <translation>Базы Reader (*.sqlite *.db *.sqlite3);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose the other database (Browse…), or an annotator of this one</source>
        <translation>Выберите другую базу (Обзор…) или разметчика этой</translation>
    </message>
    <message>
        <source>Nobody has annotated in this database yet</source>
        <translation>В этой базе ещё никто ничего не разметил</translation>
    </message>
    <message>
        <source>Choose two different annotators</source>
        <translation>Выберите двух разных разметчиков</translation>
    </message>
    <message>
        <source>same</source>
        <translation>совпадают</translation>
    </message>
    <message>
        <source>different tag</source>
        <translation>разные метки</translation>
    </message>
    <message>
        <source>different extent</source>
        <translation>разные границы</translation>
    </message>
    <message>
        <source>different tag and extent</source>
        <translation>разные метки и границы</translation>
    </message>
    <message>
        <source>only A</source>
        <translation>только A</translation>
    </message>
    <message>
        <source>only B</source>
        <translation>только B</translation>
    </message>
    <message>
        <source>✓ taken theirs</source>
        <translation>✓ взята их</translation>
    </message>
    <message>
        <source>✓ kept ours</source>
        <translation>✓ оставлена наша</translation>
    </message>
    <message>
        <source>to settle</source>
        <translation>ждёт решения</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>от {start} до {end}</translation>
    </message>
    <message>
        <source>{side}: nothing here</source>
        <translation>{side}: здесь ничего нет</translation>
    </message>
    <message>
        <source>replaced here by the other side&apos;s version</source>
        <translation>здесь заменена версией другой стороны</translation>
    </message>
    <message>
        <source>deleted here since the comparison opened</source>
        <translation>удалена здесь после открытия сравнения</translation>
    </message>
    <message>
        <source>{status}, not in this database</source>
        <translation>{status}, в этой базе её нет</translation>
    </message>
    <message>
        <source>{side}: {tag} {span} “{text}”, {status}, by {annotator}</source>
        <translation>{side}: {tag} {span} «{text}», {status}, разметчик {annotator}</translation>
    </message>
    <message>
        <source>A span</source>
        <translation>Позиции A</translation>
    </message>
    <message>
        <source>A text</source>
        <translation>Текст A</translation>
    </message>
    <message>
        <source>B span</source>
        <translation>Позиции B</translation>
    </message>
    <message>
        <source>B text</source>
        <translation>Текст B</translation>
    </message>
    <message>
        <source>{source} to {target}, {status}</source>
        <translation>{source} с {target}, {status}</translation>
    </message>
    <message>
        <source>{side}: {type} {link}, {status}, by {annotator}</source>
        <translation>{side}: {type} {link}, {status}, разметчик {annotator}</translation>
    </message>
    <message>
        <source>Link type</source>
        <translation>Тип связи</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Различие</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <source>Code points, 0-based, end excluded</source>
        <translation>В кодовых точках, отсчёт с 0, конец не включается</translation>
    </message>
    <message>
        <source>Their version is here and accepted already</source>
        <translation>Их версия уже есть здесь и принята</translation>
    </message>
    <message>
        <source>Ours is kept already</source>
        <translation>Наша версия уже оставлена</translation>
    </message>
    <message>
        <source>Nothing compared yet: View ▸ Compare With…</source>
        <translation>Пока ничего не сравнивается: Вид ▸ Сравнить с…</translation>
    </message>
    <message>
        <source>&amp;Hide settled rows</source>
        <translation>&amp;Скрыть решённые строки</translation>
    </message>
    <message>
        <source>Show only the rows still to settle and those that agree</source>
        <translation>Показывать только строки, которые ждут решения, и совпадающие</translation>
    </message>
    <message>
        <source>Comparison of two annotators&apos; spans</source>
        <translation>Сравнение пометок двух разметчиков</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Comparison of two annotators&apos; links</source>
        <translation>Сравнение связей двух разметчиков</translation>
    </message>
    <message>
        <source>T takes theirs (accepted; ours rejected) · O keeps ours (accepted; theirs rejected here), of the span or the link selected · Tab goes to the links · settled rows stay, marked ✓ · Ctrl+Z undoes</source>
        <translation>T — взять их версию (она принята, наша отклонена) · O — оставить нашу (она принята, их отклонена здесь), для выбранного фрагмента или связи · Tab — к связям · решённые строки остаются на месте с отметкой ✓ · Ctrl+Z отменяет</translation>
    </message>
    <message>
        <source>{links}, {differ}; {to_settle}.</source>
        <translation>{links}, {differ}; {to_settle}.</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>%n связь</numerusform>
            <numerusform>%n связи</numerusform>
            <numerusform>%n связей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n differ</source>
        <translation>
            <numerusform>%n расходится</numerusform>
            <numerusform>%n расходятся</numerusform>
            <numerusform>%n расходятся</numerusform>
        </translation>
    </message>
    <message>
        <source>Take their link {type}</source>
        <translation>Взять их связь {type}</translation>
    </message>
    <message numerus="yes">
        <source>Take theirs: %n link(s) changed (Ctrl+Z undoes)</source>
        <translation>
            <numerusform>Взята их версия: изменена %n связь (Ctrl+Z отменит)</numerusform>
            <numerusform>Взята их версия: изменены %n связи (Ctrl+Z отменит)</numerusform>
            <numerusform>Взята их версия: изменено %n связей (Ctrl+Z отменит)</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep our link {type}</source>
        <translation>Оставить нашу связь {type}</translation>
    </message>
    <message numerus="yes">
        <source>Keep ours: %n link(s) changed (Ctrl+Z undoes)</source>
        <translation>
            <numerusform>Оставлена наша версия: изменена %n связь (Ctrl+Z отменит)</numerusform>
            <numerusform>Оставлена наша версия: изменены %n связи (Ctrl+Z отменит)</numerusform>
            <numerusform>Оставлена наша версия: изменено %n связей (Ctrl+Z отменит)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick a link in the comparison first (Tab goes to the links)</source>
        <translation>Сначала выберите связь в сравнении (Tab — к связям)</translation>
    </message>
    <message>
        <source>Their link is ours here, and accepted already</source>
        <translation>Их связь здесь совпадает с нашей и уже принята</translation>
    </message>
    <message>
        <source>Their link is here and accepted already</source>
        <translation>Их связь уже здесь и принята</translation>
    </message>
    <message>
        <source>Our link is kept already</source>
        <translation>Наша связь уже оставлена</translation>
    </message>
    <message>
        <source>Take the span “{text}” first (T on its row): their link&apos;s end is not here yet</source>
        <translation>Сначала возьмите фрагмент «{text}» (T на его строке): конца их связи здесь ещё нет</translation>
    </message>
    <message>
        <source>Settle the span “{text}” first (T or O on its row): their link&apos;s end is not here</source>
        <translation>Сначала решите фрагмент «{text}» (T или O на его строке): конца их связи здесь нет</translation>
    </message>
    <message>
        <source>These two spans are linked as {type} here already</source>
        <translation>Эти два фрагмента здесь уже связаны как {type}</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Reader databases (*.sqlite *.db *.sqlite3);;All files (*)</source>
        <translation>Базы Reader (*.sqlite *.db *.sqlite3);;Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n document(s)</source>
        <translation>
            <numerusform>Импортирован %n документ</numerusform>
            <numerusform>Импортировано %n документа</numerusform>
            <numerusform>Импортировано %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n обновлён</numerusform>
            <numerusform>%n обновлено</numerusform>
            <numerusform>%n обновлено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n уже был в базе</numerusform>
            <numerusform>%n уже было в базе</numerusform>
            <numerusform>%n уже было в базе</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped ({first})</source>
        <translation>
            <numerusform>%n пропущен ({first})</numerusform>
            <numerusform>%n пропущено ({first})</numerusform>
            <numerusform>%n пропущено ({first})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other file(s) left out ({first})</source>
        <translation>
            <numerusform>%n другой файл не импортирован ({first})</numerusform>
            <numerusform>%n других файла не импортированы ({first})</numerusform>
            <numerusform>%n других файлов не импортировано ({first})</numerusform>
        </translation>
    </message>
    <message>
        <source>Reader — {name}</source>
        <translation>Reader — {name}</translation>
    </message>
    <message>
        <source>{path} is read-only: you can read and export, not annotate</source>
        <translation>{path} открыта только для чтения: можно читать и экспортировать, но не размечать</translation>
    </message>
    <message>
        <source>Opened read-only, to read and export, not to annotate: {reason}</source>
        <translation>Открыто только для чтения — читать и экспортировать, но не размечать: {reason}</translation>
    </message>
    <message>
        <source>Warning: {reason}</source>
        <translation>Предупреждение: {reason}</translation>
    </message>
    <message>
        <source>The database was replaced by another program (a restore?); this is what it holds now, and undo starts afresh</source>
        <translation>Базу заменила другая программа (восстановление из копии?); показано то, что в ней теперь, а история отмены начата заново</translation>
    </message>
    <message>
        <source>Open Corpus Folder</source>
        <translation>Открыть папку корпуса</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Открыть базу</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>Документы ({patterns});;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation>Экспорт отменён; ничего не записано</translation>
    </message>
    <message>
        <source>Could not export to {path}: {reason}</source>
        <translation>Не удалось экспортировать в {path}: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotation(s) to {path}; warning: {warning}</source>
        <translation>
            <numerusform>Экспортирована %n пометка в {path}; предупреждение: {warning}</numerusform>
            <numerusform>Экспортировано %n пометки в {path}; предупреждение: {warning}</numerusform>
            <numerusform>Экспортировано %n пометок в {path}; предупреждение: {warning}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n annotation(s) to {path}</source>
        <translation>
            <numerusform>Экспортирована %n пометка в {path}</numerusform>
            <numerusform>Экспортировано %n пометки в {path}</numerusform>
            <numerusform>Экспортировано %n пометок в {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>From now on your annotations and reviews are stored as {name}</source>
        <translation>Теперь ваши пометки и рецензии сохраняются под именем {name}</translation>
    </message>
    <message>
        <source>Annotator: {name}</source>
        <translation>Разметчик: {name}</translation>
    </message>
    <message>
        <source>CSV for spreadsheets (Excel, LibreOffice)</source>
        <translation>CSV для электронных таблиц (Excel, LibreOffice)</translation>
    </message>
    <message>
        <source>CSV for scripts (pandas; no BOM, cells as they are)</source>
        <translation>CSV для скриптов (pandas; без BOM, ячейки как есть)</translation>
    </message>
    <message>
        <source>Workbook for spreadsheets (XLSX: Excel, LibreOffice; every cell as it is), with sheets of annotations, relations, claims with their actors and dates, and documents</source>
        <translation>Книга для электронных таблиц (XLSX: Excel, LibreOffice; каждая ячейка как есть) с листами пометок, связей, утверждений с их акторами и датами и документов</translation>
    </message>
    <message>
        <source>JSON Lines (one annotation per line, then one relation per line)</source>
        <translation>JSON Lines (по одной пометке в строке, затем по одной связи в строке)</translation>
    </message>
    <message>
        <source>Offsets are code points of the document text: text == document[start:end]. The workbook keeps every cell as it is, as text, and offsets as numbers. In the spreadsheet CSV a cell that starts with =, +, -, @, a tab, a carriage return or &apos; gets one more &apos; in front, so a spreadsheet shows it as text and never runs it as a formula; without that one &apos; the text is document[start:end] again (import-annotations removes it).</source>
        <translation>Смещения отсчитываются в кодовых точках текста документа: text == document[start:end]. Книга хранит каждую ячейку как есть, текстом, а смещения — числами. В CSV для электронных таблиц перед ячейкой, которая начинается с =, +, -, @, табуляции, возврата каретки или &apos;, ставится ещё один &apos;, чтобы таблица показала её как текст и никогда не выполнила как формулу; без этого &apos; текст снова равен document[start:end] (import-annotations его убирает).</translation>
    </message>
    <message>
        <source>Exporting annotations…</source>
        <translation>Экспорт разметки…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Export Annotations</source>
        <translation>Экспорт разметки</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Файл для записи</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Выбрать файл</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>{kind} files (*{suffix});;All files (*)</source>
        <translation>Файлы {kind} (*{suffix});;Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Выберите файл для записи.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name.</source>
        <translation>{path} — это папка; выберите имя файла.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Папки {folder} не существует.</translation>
    </message>
    <message>
        <source>Type a name: it is stored on every annotation and review you make</source>
        <translation>Введите имя: оно сохраняется в каждой вашей пометке и рецензии</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s)</source>
        <translation>
            <numerusform>Не больше %n символа</numerusform>
            <numerusform>Не больше %n символов</numerusform>
            <numerusform>Не больше %n символов</numerusform>
        </translation>
    </message>
    <message>
        <source>No control characters</source>
        <translation>Управляющие символы недопустимы</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>Stored as the annotator of every annotation you make and as the reviewer of every one you accept or reject. Until you change it, it is your login name ({default}).</source>
        <translation>Сохраняется как разметчик каждой вашей пометки и как рецензент каждой, которую вы принимаете или отклоняете. Пока вы его не измените, это ваше имя пользователя в системе ({default}).</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ваше &amp;имя:</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <source>Accept the link {type}</source>
        <translation>Принять связь {type}</translation>
    </message>
    <message>
        <source>Reject the link {type}</source>
        <translation>Отклонить связь {type}</translation>
    </message>
    <message>
        <source>Reopen the link {type}</source>
        <translation>Вернуть связь {type} на проверку</translation>
    </message>
    <message>
        <source>Link as {type}</source>
        <translation>Связать как {type}</translation>
    </message>
    <message>
        <source>Delete the link {type}</source>
        <translation>Удалить связь {type}</translation>
    </message>
    <message>
        <source>Add relation type {name}</source>
        <translation>Добавить тип связи {name}</translation>
    </message>
    <message>
        <source>Change relation type {name}</source>
        <translation>Изменить тип связи {name}</translation>
    </message>
    <message>
        <source>Delete relation type {name}</source>
        <translation>Удалить тип связи {name}</translation>
    </message>
    <message>
        <source>No links yet: Ctrl+K links it</source>
        <translation>Связей пока нет: Ctrl+K свяжет</translation>
    </message>
    <message>
        <source>Ctrl+K links it again, Ctrl+J walks its links</source>
        <translation>Ctrl+K — ещё одна связь, Ctrl+J — перебрать связи</translation>
    </message>
    <message>
        <source>Select a claim (click it, or F8), then press Ctrl+K to link it</source>
        <translation>Выделите утверждение (щелчком или F8), затем нажмите Ctrl+K, чтобы связать его</translation>
    </message>
    <message>
        <source>No relation type links a {tag}; add one with: reader relation-types add</source>
        <translation>Ни один тип связи не связывает {tag}; добавьте его командой: reader relation-types add</translation>
    </message>
    <message>
        <source>Nothing in this document can be linked to it yet</source>
        <translation>В этом документе пока не с чем это связать</translation>
    </message>
    <message>
        <source>Linking: nothing matches “{typed}”; Backspace, or Esc to cancel</source>
        <translation>Связывание: ничего не подходит под «{typed}»; Backspace или Esc для отмены</translation>
    </message>
    <message>
        <source>Link {link} ({number} of {count}): Tab next, Shift+Tab previous, type to narrow, Alt+key a type, Enter link, Esc cancel</source>
        <translation>Связать {link} ({number} из {count}): Tab — следующий, Shift+Tab — предыдущий, ввод текста сужает, Alt+клавиша — тип, Enter — связать, Esc — отмена</translation>
    </message>
    <message>
        <source>Linked: {link} (Ctrl+Z undoes it)</source>
        <translation>Связано: {link} (Ctrl+Z отменит)</translation>
    </message>
    <message>
        <source>Linking cancelled</source>
        <translation>Связывание отменено</translation>
    </message>
    <message>
        <source>The selected annotation has no links</source>
        <translation>У выделенной пометки нет связей</translation>
    </message>
    <message>
        <source>{link} ({number} of {count}): Ctrl+J next, Enter goes there, Delete removes it, Esc stops</source>
        <translation>{link} ({number} из {count}): Ctrl+J — следующая, Enter — перейти, Delete — удалить, Esc — закончить</translation>
    </message>
    <message>
        <source>Link deleted (Ctrl+Z brings it back)</source>
        <translation>Связь удалена (Ctrl+Z вернёт её)</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Связи</translation>
    </message>
    <message>
        <source>Links of the selected annotation</source>
        <translation>Связи выделенной пометки</translation>
    </message>
    <message numerus="yes">
        <source>Links (%n)</source>
        <translation>
            <numerusform>Связи (%n)</numerusform>
            <numerusform>Связи (%n)</numerusform>
            <numerusform>Связи (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n связь</numerusform>
            <numerusform>%n связи</numerusform>
            <numerusform>%n связей</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit Relation Types</source>
        <translation>Типы связей</translation>
    </message>
    <message>
        <source>Relation types</source>
        <translation>Типы связей</translation>
    </message>
    <message>
        <source>Relation type name</source>
        <translation>Название типа связи</translation>
    </message>
    <message>
        <source>From tag</source>
        <translation>От метки</translation>
    </message>
    <message>
        <source>To tag</source>
        <translation>К метке</translation>
    </message>
    <message>
        <source>Key (with Alt while linking)</source>
        <translation>Клавиша (с Alt при связывании)</translation>
    </message>
    <message>
        <source>Colour (#rrggbb)</source>
        <translation>Цвет (#rrggbb)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Выбрать цвет</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Ne&amp;w Type</source>
        <translation>Но&amp;вый тип</translation>
    </message>
    <message>
        <source>&amp;Delete Type</source>
        <translation>&amp;Удалить тип</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>На&amp;звание:</translation>
    </message>
    <message>
        <source>&amp;From tag:</source>
        <translation>&amp;От метки:</translation>
    </message>
    <message>
        <source>&amp;To tag:</source>
        <translation>&amp;К метке:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>К&amp;лавиша:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Цвет:</translation>
    </message>
    <message>
        <source>Desc&amp;ription:</source>
        <translation>О&amp;писание:</translation>
    </message>
    <message>
        <source>Alt+key picks the type while linking. A renamed type keeps its links; the tags of a type in use cannot change. Ctrl+Z in the window undoes a change or a deletion.</source>
        <translation>Alt+клавиша выбирает тип при связывании. Переименованный тип сохраняет свои связи; метки используемого типа менять нельзя. Ctrl+Z в окне отменяет изменение или удаление.</translation>
    </message>
    <message>
        <source>new_type</source>
        <translation>new_type</translation>
    </message>
    <message>
        <source>The colour must look like #rrggbb</source>
        <translation>Цвет должен иметь вид #rrggbb</translation>
    </message>
    <message>
        <source>Choose the relation type to delete in the list first</source>
        <translation>Сначала выберите в списке тип связи, который нужно удалить</translation>
    </message>
    <message>
        <source>Relation type colour</source>
        <translation>Цвет типа связи</translation>
    </message>
    <message>
        <source>Relation type {name} saved</source>
        <translation>Тип связи {name} сохранён</translation>
    </message>
    <message>
        <source>Relation type {name} deleted; Ctrl+Z brings it back</source>
        <translation>Тип связи {name} удалён; Ctrl+Z вернёт его</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Merge Into This Database</source>
        <translation>Влить в эту базу</translation>
    </message>
    <message>
        <source>Nothing was merged: {reason}</source>
        <translation>Ничего не объединено: {reason}</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединение</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>предупреждение: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n file(s)</source>
        <translation>
            <numerusform>Объединён %n файл</numerusform>
            <numerusform>Объединены %n файла</numerusform>
            <numerusform>Объединено %n файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n документ</numerusform>
            <numerusform>%n документа</numerusform>
            <numerusform>%n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n пометка</numerusform>
            <numerusform>%n пометки</numerusform>
            <numerusform>%n пометок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n конфликт</numerusform>
            <numerusform>%n конфликта</numerusform>
            <numerusform>%n конфликтов</numerusform>
        </translation>
    </message>
    <message>
        <source>{files}: {documents} and {annotations} added, {updated} updated, {conflicts}</source>
        <translation>{files}: добавлено {documents} и {annotations}, обновлено {updated}, {conflicts}</translation>
    </message>
    <message>
        <source>; links: {added} added, {updated} updated, {refused} refused</source>
        <translation>; связи: добавлено {added}, обновлено {updated}, отклонено {refused}</translation>
    </message>
    <message>
        <source>; nothing new</source>
        <translation>; ничего нового</translation>
    </message>
    <message>
        <source>{path} is read-only: nothing can be merged into it</source>
        <translation>{path} открыта только для чтения: в неё ничего нельзя влить</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <source>Tags shown in the text</source>
        <translation>Метки, показанные в тексте</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message numerus="yes">
        <source>“{name}”: %n in this document. Click to hide them.</source>
        <translation>
            <numerusform>«{name}»: в этом документе %n пометка. Щёлкните, чтобы скрыть её.</numerusform>
            <numerusform>«{name}»: в этом документе %n пометки. Щёлкните, чтобы скрыть их.</numerusform>
            <numerusform>«{name}»: в этом документе %n пометок. Щёлкните, чтобы скрыть их.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{name}”: %n in this document. Click to show them.</source>
        <translation>
            <numerusform>«{name}»: в этом документе %n пометка. Щёлкните, чтобы показать её.</numerusform>
            <numerusform>«{name}»: в этом документе %n пометки. Щёлкните, чтобы показать их.</numerusform>
            <numerusform>«{name}»: в этом документе %n пометок. Щёлкните, чтобы показать их.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show “{name}”</source>
        <translation>Показать «{name}»</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Текст документа</translation>
    </message>
    <message numerus="yes">
        <source>+%n</source>
        <comment>the mark of spans in lanes below the line</comment>
        <translation>
            <numerusform>+%n</numerusform>
            <numerusform>+%n</numerusform>
            <numerusform>+%n</numerusform>
        </translation>
    </message>
    <message>
        <source>Review note by {reviewer}: {note}</source>
        <translation>Замечание рецензента {reviewer}: {note}</translation>
    </message>
    <message>
        <source>Review note: {note}</source>
        <translation>Замечание рецензента: {note}</translation>
    </message>
    <message>
        <source>Reviewed by {reviewer}</source>
        <translation>Рецензент: {reviewer}</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>не проверена</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принята</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонена</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>не указан</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s) of this document no longer fit its text (orphaned by a re-import); they are kept in the database</source>
        <translation>
            <numerusform>%n пометка этого документа больше не совпадает с его текстом (после повторного импорта); она сохранена в базе</numerusform>
            <numerusform>%n пометки этого документа больше не совпадают с его текстом (после повторного импорта); они сохранены в базе</numerusform>
            <numerusform>%n пометок этого документа больше не совпадают с его текстом (после повторного импорта); они сохранены в базе</numerusform>
        </translation>
    </message>
    <message>
        <source>“{query}” is not in this document</source>
        <translation>«{query}» в этом документе нет</translation>
    </message>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln документ</numerusform>
            <numerusform>%Ln документа</numerusform>
            <numerusform>%Ln документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>%Ln пометка</numerusform>
            <numerusform>%Ln пометки</numerusform>
            <numerusform>%Ln пометок</numerusform>
        </translation>
    </message>
    <message>
        <source>{path} · {documents} · {annotations} · read-only</source>
        <translation>{path} · {documents} · {annotations} · только чтение</translation>
    </message>
    <message numerus="yes">
        <source>{name} · %Ln character(s)</source>
        <translation>
            <numerusform>{name} · %Ln символ</numerusform>
            <numerusform>{name} · %Ln символа</numerusform>
            <numerusform>{name} · %Ln символов</numerusform>
        </translation>
    </message>
    <message>
        <source>not annotated yet</source>
        <translation>ещё не размечен</translation>
    </message>
    <message>
        <source>{annotations}: {reviewed} reviewed, {pending} pending</source>
        <translation>{annotations}: проверено {reviewed}, не проверено {pending}</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Пометки</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>● marks a document nobody has annotated yet</source>
        <translation>● отмечает документ, который ещё никто не размечал</translation>
    </message>
    <message>
        <source>The document&apos;s first line</source>
        <translation>Первая строка документа</translation>
    </message>
    <message>
        <source>The document&apos;s file name</source>
        <translation>Имя файла документа</translation>
    </message>
    <message>
        <source>How many annotations the document has</source>
        <translation>Сколько в документе пометок</translation>
    </message>
    <message>
        <source>How many of its annotations were accepted or rejected, of all</source>
        <translation>Сколько его пометок принято или отклонено, из всех</translation>
    </message>
    <message>
        <source>annotated</source>
        <translation>размечен</translation>
    </message>
    <message>
        <source>{reviewed} of {total} reviewed</source>
        <translation>проверено {reviewed} из {total}</translation>
    </message>
    <message>
        <source>Untouched</source>
        <translation>Не размечен</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Фильтр документов</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Непроверенные</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation>Найти в документе</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Предыдущее совпадение (Shift+Enter)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Следующее совпадение (Enter)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Закрыть панель поиска</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <source>Search all documents</source>
        <translation>Искать во всех документах</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>No document contains “{query}”</source>
        <translation>Ни в одном документе нет «{query}»</translation>
    </message>
    <message>
        <source>web page</source>
        <translation>веб-страница</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>документ Word</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>e-book</source>
        <translation>электронная книга</translation>
    </message>
    <message>
        <source>OpenDocument text</source>
        <translation>текст OpenDocument</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>страница {page} из {pages}</translation>
    </message>
    <message>
        <source>paragraph {paragraph}</source>
        <translation>абзац {paragraph}</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Review mode: A accept, R reject, N / P next / previous pending, Shift+N review note</source>
        <translation>Режим рецензии: A — принять, R — отклонить, N / P — следующая / предыдущая непроверенная, Shift+N — замечание рецензента</translation>
    </message>
    <message>
        <source>Review mode is off</source>
        <translation>Режим рецензии выключен</translation>
    </message>
    <message>
        <source>Already accepted</source>
        <translation>Уже принята</translation>
    </message>
    <message>
        <source>Already rejected</source>
        <translation>Уже отклонена</translation>
    </message>
    <message>
        <source>Review Note</source>
        <translation>Замечание рецензента</translation>
    </message>
    <message>
        <source>Your note on {annotation}, stored with your name ({name}):</source>
        <translation>Ваше замечание к пометке {annotation} (сохранится с вашим именем: {name}):</translation>
    </message>
    <message>
        <source>That annotation is no longer in the open document; the note was not stored</source>
        <translation>Этой пометки больше нет в открытом документе; замечание не сохранено</translation>
    </message>
    <message>
        <source>Select a highlight first: click it, or press N for the next pending one</source>
        <translation>Сначала выберите пометку: щёлкните её или нажмите N, чтобы перейти к следующей непроверенной</translation>
    </message>
    <message>
        <source>The status filter hides pending annotations</source>
        <translation>Фильтр по статусу скрывает непроверенные пометки</translation>
    </message>
    <message>
        <source>No pending annotations left</source>
        <translation>Непроверенных пометок не осталось</translation>
    </message>
    <message>
        <source>No pending annotations left that the filters show</source>
        <translation>Среди пометок, которые показывают фильтры, непроверенных не осталось</translation>
    </message>
    <message>
        <source>This is the only pending annotation left</source>
        <translation>Это последняя непроверенная пометка</translation>
    </message>
    <message>
        <source>This is the only pending annotation left that the filters show</source>
        <translation>Это последняя непроверенная пометка среди тех, что показывают фильтры</translation>
    </message>
    <message>
        <source>Nothing pending is left here; N opens the next document that has some</source>
        <translation>Здесь непроверенных пометок не осталось; N откроет следующий документ, где они есть</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Something went wrong: {what}; details in {path}</source>
        <translation>Что-то пошло не так: {what}; подробности в {path}</translation>
    </message>
    <message>
        <source>Something went wrong: {what}; it could not be logged in {path}: {problem}</source>
        <translation>Что-то пошло не так: {what}; записать подробности в {path} не удалось: {problem}</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Tag the selection:</source>
        <translation>Пометить выделение:</translation>
    </message>
    <message>
        <source>Click to see the recent messages</source>
        <translation>Щёлкните, чтобы увидеть последние сообщения</translation>
    </message>
</context>
<context>
    <name>Suggesting</name>
    <message>
        <source>Accept the suggestion {tag} “{text}”</source>
        <translation>Принять предложение {tag} «{text}»</translation>
    </message>
    <message>
        <source>Accept %n suggestion(s) of the tag {tag}</source>
        <translation>Принять предложения метки {tag}: %n</translation>
    </message>
    <message>
        <source>Reject the suggestion {tag} “{text}”</source>
        <translation>Отклонить предложение {tag} «{text}»</translation>
    </message>
    <message>
        <source>Reject %n suggestion(s) of the tag {tag}</source>
        <translation>Отклонить предложения метки {tag}: %n</translation>
    </message>
    <message>
        <source>No suggestion at the caret: F9 goes to the next one</source>
        <translation>У курсора нет предложения: F9 переходит к следующему</translation>
    </message>
    <message>
        <source>Rejected {suggestion}: never suggested again (Ctrl+Z undoes it)</source>
        <translation>Отклонено {suggestion}: больше не будет предложено (Ctrl+Z отменит)</translation>
    </message>
    <message>
        <source>This document has no suggestions; Suggest… makes some</source>
        <translation>В этом документе нет предложений; их сделает «Предложить…»</translation>
    </message>
    <message>
        <source>Accept All Suggestions of a Tag</source>
        <translation>Принять все предложения метки</translation>
    </message>
    <message>
        <source>Accept every suggestion in this document of the tag:</source>
        <translation>Принять все предложения в этом документе с меткой:</translation>
    </message>
    <message>
        <source>Accepted {suggestion}, pending review (Ctrl+Z undoes it)</source>
        <translation>Принято {suggestion}, ожидает проверки (Ctrl+Z отменит)</translation>
    </message>
    <message numerus="yes">
        <source>Accepted %n suggestion(s) of the tag {tag}, pending review (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Принято %n предложение метки {tag}, ожидает проверки (Ctrl+Z отменит)</numerusform>
            <numerusform>Принято %n предложения метки {tag}, ожидают проверки (Ctrl+Z отменит)</numerusform>
            <numerusform>Принято %n предложений метки {tag}, ожидают проверки (Ctrl+Z отменит)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) made</source>
        <translation>
            <numerusform>создана %n связь</numerusform>
            <numerusform>создано %n связи</numerusform>
            <numerusform>создано %n связей</numerusform>
        </translation>
    </message>
    <message>
        <source>An annotation of that tag already covers it</source>
        <translation>Это место уже покрыто пометкой той же метки</translation>
    </message>
    <message>
        <source>{suggestion} ({number} of {count}): Ctrl+Return accepts, Ctrl+Backspace rejects</source>
        <translation>{suggestion} ({number} из {count}): Ctrl+Return принимает, Ctrl+Backspace отклоняет</translation>
    </message>
    <message>
        <source>Suggesting is under way; its progress shows how far</source>
        <translation>Предложения уже готовятся; ход работы показан</translation>
    </message>
    <message>
        <source>No documents yet: import some first</source>
        <translation>Документов пока нет: сначала импортируйте их</translation>
    </message>
    <message>
        <source>Stopping after this document…</source>
        <translation>Остановка после этого документа…</translation>
    </message>
    <message>
        <source>Loading the suggester…</source>
        <translation>Загрузка модели предложений…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Предложить</translation>
    </message>
    <message>
        <source>Document {number} of {count}: {name}</source>
        <translation>Документ {number} из {count}: {name}</translation>
    </message>
    <message numerus="yes">
        <source>%n new suggestion(s)</source>
        <translation>
            <numerusform>%n новое предложение</numerusform>
            <numerusform>%n новых предложения</numerusform>
            <numerusform>%n новых предложений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in {done} of %n document(s)</source>
        <translation>
            <numerusform>в {done} из %n документа</numerusform>
            <numerusform>в {done} из %n документов</numerusform>
            <numerusform>в {done} из %n документов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n уже было</numerusform>
            <numerusform>%n уже было</numerusform>
            <numerusform>%n уже было</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggest actors, dates and claims, and more of what is tagged, in:</source>
        <translation>Предложить акторов, даты и утверждения, а также другие места уже размеченного, в:</translation>
    </message>
    <message>
        <source>This document ({name})</source>
        <translation>Этом документе ({name})</translation>
    </message>
    <message numerus="yes">
        <source>All %n document(s)</source>
        <translation>
            <numerusform>Всём %n документе</numerusform>
            <numerusform>Всех %n документах</numerusform>
            <numerusform>Всех %n документах</numerusform>
        </translation>
    </message>
    <message>
        <source>{tag} “{text}”? ({source})</source>
        <translation>{tag} «{text}»? ({source})</translation>
    </message>
    <message>
        <source>Suggested &lt;b&gt;{tag}&lt;/b&gt; — {source}</source>
        <translation>Предложено: &lt;b&gt;{tag}&lt;/b&gt; — {source}</translation>
    </message>
    <message>
        <source>said by</source>
        <translation>сказал</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>дата</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Comparison</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <source>&apos;reader {command}&apos; is a command, not a window</source>
        <translation>«reader {command}» — это команда, а не окно</translation>
    </message>
    <message>
        <source>{folder}: no such folder</source>
        <translation>{folder}: нет такой папки</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Your name, stored on every annotation you make and every review; Edit ▸ Preferences changes it</source>
        <translation>Ваше имя: сохраняется в каждой вашей пометке и каждой рецензии; изменить его можно в меню Правка ▸ Настройки</translation>
    </message>
    <message>
        <source>No document open</source>
        <translation>Документ не открыт</translation>
    </message>
    <message>
        <source>Pick a document on the left.</source>
        <translation>Выберите документ слева.</translation>
    </message>
    <message>
        <source>Recent Messages</source>
        <translation>Последние сообщения</translation>
    </message>
    <message>
        <source>The window&apos;s recent messages, newest first:</source>
        <translation>Последние сообщения окна, сначала новые:</translation>
    </message>
</context>
</TS>
