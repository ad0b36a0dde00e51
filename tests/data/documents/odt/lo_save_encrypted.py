"""Saves a document with LibreOffice under an open password, through UNO (LibreOffice 7.4's
--convert-to ignores filter options for its Writer filters, so it cannot do this itself).

Run with the system Python that has LibreOffice's ``uno`` module (Debian: python3-uno):

    /usr/bin/python3 lo_save_encrypted.py SOURCE TARGET FILTER PASSWORD

FILTER is a LibreOffice filter name: "writer8" gives an encrypted ODT, "MS Word 2007 XML" an
encrypted DOCX (an OLE compound file holding the encrypted package)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import NamedValue, PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _encryption(filter_name: str, password: str) -> PropertyValue:
    """ODF filters take the password itself; the OOXML filter ignores a plain Password and
    wants EncryptionData with OOXPassword and CryptoType (without CryptoType it fails to write)."""
    if filter_name == "writer8":
        return _property("Password", password)
    values = []
    for name, value in (("OOXPassword", password), ("CryptoType", "Standard")):
        named = NamedValue()
        named.Name = name
        named.Value = value
        values.append(named)
    return _property("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue", tuple(values)))


def main(source: str, target: str, filter_name: str, password: str) -> None:
    pipe = f"reader_fixture_{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen(  # its own session: on a hang, the whole group is ended
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                f"--accept=pipe,name={pipe};urp;",
            ],
            start_new_session=True,
        )
        try:
            resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
                "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext()
            )
            for _ in range(100):
                try:
                    context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except NoConnectException:
                    time.sleep(0.2)
            else:
                raise SystemExit("LibreOffice did not answer")
            desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
            document = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(str(Path(source).resolve())),
                "_blank",
                0,
                (_property("Hidden", True), _property("ReadOnly", True)),
            )
            try:
                document.storeToURL(
                    uno.systemPathToFileUrl(str(Path(target).resolve())),
                    (_property("FilterName", filter_name), _encryption(filter_name, password)),
                )
            finally:
                document.close(True)
            with contextlib.suppress(Exception):  # the bridge drops as LibreOffice quits
                desktop.terminate()
        finally:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(office.pid, signal.SIGKILL)


if __name__ == "__main__":
    main(*sys.argv[1:5])
