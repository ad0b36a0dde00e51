"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a
void method, and the process dies ("deallocating None") after a few thousand.
This test fails if the installed PySide6 has that bug."""

import sys

from PySide6.QtCore import QObject


def test_void_method_calls_keep_none_alive():
    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(10_000):
        holder.setObjectName("x")  # a void method
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references over 10,000 void calls"
