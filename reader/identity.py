"""Who is annotating when nobody said: the login name, for the window and the command line."""

from __future__ import annotations

import getpass


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors where no user name is set
        return "annotator"
