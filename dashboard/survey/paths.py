"""Which survey file the server shows, and what is wrong with a path it was given, in words for visitors.

No Streamlit here. A visitor reads these messages, so they name the file and never its folder: the
server's directory layout is not theirs to see (the server's log keeps the full path).
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

from dashboard.core.datafile import data_dir
from dashboard.core.validation import DataFileError, Problem
from dashboard.survey.schema import SHIPPED_SURVEY, SHIPPED_SURVEY_NAME, SURVEY_PATH_ENV

_LOG = logging.getLogger(__name__)
_NAME_IT = f"Name the survey's CSV file with --survey or {SURVEY_PATH_ENV}."


def configured_survey_path(
    argv: list[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path | None:
    """The survey file an analyst named at start-up: `streamlit run serve.py -- --survey PATH` (or
    app.py) or the CAREERS_SURVEY_PATH environment variable (the option wins); None when neither is given."""
    argv = sys.argv[1:] if argv is None else argv
    environ = os.environ if environ is None else environ
    for i, arg in enumerate(argv):
        if arg == "--survey" and i + 1 < len(argv):
            return Path(argv[i + 1])
        if arg.startswith("--survey="):
            return Path(arg.split("=", 1)[1])
    value = environ.get(SURVEY_PATH_ENV, "").strip()
    return Path(value) if value else None


def server_survey() -> tuple[Path, str]:
    """The survey the server shows when a visitor has uploaded none, and the name pages give it: the
    one named at start-up, else the one the app ships in data/."""
    path = configured_survey_path()
    if path is not None:
        return path, path.name
    return data_dir() / SHIPPED_SURVEY, SHIPPED_SURVEY_NAME


def check_survey_path(path: Path, label: str | None = None) -> int:
    """The size of the survey file at `path`, or a DataFileError saying what is there instead.

    Only a regular file passes: a folder, a device such as /dev/zero or a pipe is refused before a
    byte is read (reading /dev/zero would never end, a pipe would block the page).
    """
    label = label or path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise path_error(path, label, f"there is no such file. {_NAME_IT}") from None
    except OSError as err:
        raise path_error(path, label, f"the server may not read it ({err.strerror}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise path_error(path, label, f"this is a folder, not a file. {_NAME_IT}")
    if not stat.S_ISREG(info.st_mode):
        raise path_error(path, label, f"this is not a regular file (a device, pipe or socket). {_NAME_IT}")
    return info.st_size


def path_error(path: Path, label: str, problem: str) -> DataFileError:
    """The visitor's message names `label`; the full path goes only to the server's log."""
    _LOG.warning("survey file %s cannot be used: %s", path, problem)
    return DataFileError(label, [Problem(problem)])
