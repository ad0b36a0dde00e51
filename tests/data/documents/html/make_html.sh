#!/bin/sh
# Regenerates the cp1251 pages from news_ru.utf8.html (written by hand for Reader's tests).
# wikimediafoundation.org.turkey.html is not made here: it is copied from trafilatura (see README.md).
set -eu
cd "$(dirname "$0")"
sed 's/<meta charset="utf-8">/<meta charset="windows-1251">/' news_ru.utf8.html | iconv -f UTF-8 -t CP1251 > news_ru.cp1251.html
sed '/<meta charset="utf-8">/d' news_ru.utf8.html | iconv -f UTF-8 -t CP1251 > news_ru.cp1251-undeclared.html
