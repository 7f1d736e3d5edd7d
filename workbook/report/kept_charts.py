"""Charts drawn once: a report chart's SVG kept under the hash of everything it shows, so that a
rebuild of unchanged data draws nothing again.

The cache is off unless a build turns it on for its own process and its kernels
(``WORKBOOK_CHART_CACHE``: a folder; see ``workbook.settings``). The key covers the chart function,
its arguments (the data), the language, the workbook's code and data files and matplotlib's version:
a change to any of them draws the chart anew. The reports draw every chart through ``drawn``; a kept chart comes
back as a ``KeptChart``, which ``svg_data`` shows as it would the figure.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec

from workbook.files.atomic import atomic_write_bytes
from workbook.language.i18n import language
from workbook.settings import CHART_CACHE_ENV, Settings

if TYPE_CHECKING:
    from matplotlib.figure import Figure

P = ParamSpec("P")
CACHE_FILE = "workbook_cache_file"
"""The attribute of a freshly drawn Figure that says where its SVG is to be kept."""


@dataclass(frozen=True)
class KeptChart:
    """A chart's SVG as kept by an earlier build, base64-encoded."""

    svg: str


@functools.cache
def _code_version() -> str:
    """The fingerprint of everything a chart's drawing depends on besides its arguments: the
    workbook's code and data files (charts, formats, labels, instruments) and matplotlib's version."""
    import matplotlib

    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(matplotlib.__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml") and "demo" not in path.relative_to(package).parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()


def chart_key(draw: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The name a chart is kept under: a hash of the function, the data, the language and the code."""
    text = f"{draw.__module__}.{draw.__qualname__}|{language()}|{_code_version()}|{args!r}|{sorted(kwargs.items())!r}"
    return hashlib.sha256(text.encode()).hexdigest()


def drawn(draw: Callable[P, Figure], *args: P.args, **kwargs: P.kwargs) -> Figure | KeptChart:
    """``draw(*args, **kwargs)``, or the same chart kept by an earlier build when a build turned the
    cache on."""
    folder = Settings.current().chart_cache
    if not folder:
        return draw(*args, **kwargs)
    path = Path(folder) / f"{chart_key(draw, args, kwargs)}.svg"
    try:
        data = path.read_bytes()
    except OSError:
        figure = draw(*args, **kwargs)
        setattr(figure, CACHE_FILE, path)
        return figure
    os.utime(path)  # in use: kept when the build clears the charts nobody used
    return KeptChart(base64.b64encode(data).decode("ascii"))


def keep(figure: Figure, svg: bytes) -> None:
    """Keep `figure`'s SVG where the cache asked for it (nothing when it was not asked)."""
    path = getattr(figure, CACHE_FILE, None)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, svg)


@contextmanager
def chart_cache(folder: Path) -> Iterator[None]:
    """Keep charts in `folder` in this process (and the kernels it starts) while in this block."""
    before = os.environ.get(CHART_CACHE_ENV)
    os.environ[CHART_CACHE_ENV] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(CHART_CACHE_ENV, None)
        else:
            os.environ[CHART_CACHE_ENV] = before


def clear_unused(folder: Path, since: float) -> int:
    """Remove the charts in `folder` that no build used since `since` (a time stamp); returns how many."""
    removed = 0
    for path in folder.glob("*.svg"):
        if path.stat().st_mtime < since:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
