"""Where exports go, and writing them whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from workbook.errors import Problem, WorkbookError
from workbook.language.i18n import Messages
from workbook.portfolio.store import PortfolioFolder
from workbook.project.store import Project

EXPORT_DIR = "build/export"

msg = Messages(
    {
        "unwritable": (
            "kan hier niet schrijven ({error}); kies met --out een map waarin je mag schrijven",
            "cannot write here ({error}); choose a folder you may write to with --out",
        ),
        "is_dir": (
            "dit is een map; geef een bestandsnaam die eindigt op {suffix}",
            "this is a folder; give a file name ending in {suffix}",
        ),
        "suffix": ("de bestandsnaam moet eindigen op {suffix}", "the file name must end in {suffix}"),
    }
)


def output_path(folder: Project | PortfolioFolder, out: str | Path | None, default_name: str, suffix: str) -> Path:
    """The file to write: `out` as given, else ``build/export/<default_name>`` in the project or portfolio."""
    path = Path(out) if out else folder.root / EXPORT_DIR / default_name
    if path.is_dir():
        raise WorkbookError(Problem(file=str(path), message=msg("is_dir", suffix=suffix)))
    if path.suffix.lower() != suffix:
        raise WorkbookError(Problem(file=str(path), message=msg("suffix", suffix=suffix)))
    return path


def write_whole(path: Path, write: Callable[[Path], None]) -> Path:
    """Let `write` fill a temporary file beside `path`, then rename it into place.

    A reader never sees half a file, and a failure leaves an existing file untouched.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    except OSError as error:
        raise WorkbookError(Problem(file=str(path), message=msg("unwritable", error=error.strerror))) from None
    os.close(fd)
    try:
        os.chmod(tmp, 0o644)
        write(Path(tmp))
        os.replace(tmp, path)
    except OSError as error:
        raise WorkbookError(Problem(file=str(path), message=msg("unwritable", error=error.strerror))) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path
