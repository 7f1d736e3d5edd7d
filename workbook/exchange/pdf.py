"""Print HTML reports to A4 PDF with headless Chromium (Debian's package, driven by playwright).

Each report is opened from disk with every network request blocked, so a PDF holds exactly
what the self-contained HTML holds. The print CSS of the report template decides the page breaks
and the page of each part: A4 portrait, or A4 landscape for a wide table (the named page ``wide``,
honoured through ``prefer_css_page_size``).
Every page carries the report's title at the top and its page number at the bottom; the PDF is
tagged and has bookmarks. A link to another report (``de-kolk.html``) becomes a link to that
report's PDF beside it (``de-kolk.pdf``), relative, so the folder of PDFs can be moved or mailed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from html import escape
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.exchange.files import write_whole
from workbook.language.i18n import Messages
from workbook.settings import CHROMIUM_ENV, Settings

DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOAD_TIMEOUT_MS = 60_000
MARGIN = {"top": "15mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}
HEADER = (
    '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif">'
    '<span class="title"></span></div>'
)
PRINT_READY = """() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    const madeBy = document.querySelector("footer.made-by");
    const text = madeBy ? madeBy.textContent.trim() : "";
    if (madeBy) madeBy.remove();
    return text;
}"""
"""Open every folded part (``<details>``): on paper nothing can be unfolded. The line that says what
made the report moves from the end of the text into the footer of every page (returned here), so that
it never takes a last page of its own."""
FOOTER = (
    '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif">'
    '<div><span class="pageNumber"></span> / <span class="totalPages"></span></div>'
    '<div style="font-size:7px">{made_by}</div></div>'
)

msg = Messages(
    {
        "no_chromium": (
            "Geen PDF gemaakt: de browser Chromium is niet gevonden ({path}). Installeer hem "
            "(Debian/Ubuntu: apt-get install chromium) of zet {env} op het pad van een Chromium-browser.",
            "No PDF made: the Chromium browser was not found ({path}). Install it "
            "(Debian/Ubuntu: apt-get install chromium) or set {env} to the path of a Chromium browser.",
        ),
        "no_playwright": (
            "Geen PDF gemaakt: het Python-pakket playwright ontbreekt (pip install 'workbook[pdf]').",
            "No PDF made: the Python package playwright is missing (pip install 'workbook[pdf]').",
        ),
        "failed": (
            "Geen PDF gemaakt van {file}: Chromium gaf een fout ({error}).",
            "No PDF made of {file}: Chromium reported an error ({error}).",
        ),
    }
)


class PdfUnavailable(WorkbookError):
    """PDF printing cannot run on this machine (no Chromium, no playwright)."""


def chromium_path() -> Path:
    """Chromium's executable: ``$WORKBOOK_CHROMIUM``, Debian's /usr/bin/chromium, or on the PATH."""
    configured = Settings.current().chromium
    if configured:
        candidate = Path(configured)
    elif DEFAULT_CHROMIUM.exists():
        candidate = DEFAULT_CHROMIUM
    else:
        found = shutil.which("chromium") or shutil.which("chromium-browser")
        candidate = Path(found) if found else DEFAULT_CHROMIUM
    if not (candidate.is_file() and os.access(candidate, os.X_OK)):
        raise PdfUnavailable(msg("no_chromium", path=candidate, env=CHROMIUM_ENV))
    return candidate


def pdf_path(html: Path) -> Path:
    """Where the PDF of report `html` goes: beside it, with the same name."""
    return html.with_suffix(".pdf")


def outdated(paths: Iterable[Path]) -> list[Path]:
    """The reports among `paths` whose PDF is missing or older than the report itself."""
    paths = [Path(p) for p in paths]
    return [p for p in paths if not pdf_path(p).is_file() or pdf_path(p).stat().st_mtime < p.stat().st_mtime]


def print_reports(paths: Iterable[Path]) -> list[Path]:
    """Print each HTML file to a PDF beside it (same name, ``.pdf``); returns the PDF paths.

    Raises PdfUnavailable before anything is written when Chromium or playwright is missing.
    """
    paths = [Path(p) for p in paths]
    executable = chromium_path()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise PdfUnavailable(msg("no_playwright")) from None
    # playwright's sync API refuses a thread whose asyncio loop runs (Jupyter, a test's browser):
    # print from a thread of our own.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(_print_all, executable, paths).result()


def _print_all(executable: Path, paths: list[Path]) -> list[Path]:
    """Print every report with one Chromium; the first failure stops with a clear message."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    printed = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True, java_script_enabled=True)
            context.route("**/*", _local_files_only)
            page = context.new_page()
            for html in paths:
                try:
                    printed.append(_print_one(page, html))
                except PlaywrightError as error:
                    first_line = str(error).strip().splitlines()[0]
                    raise WorkbookError(msg("failed", file=html, error=first_line)) from None
        finally:
            browser.close()
    return printed


def _print_one(page, html: Path) -> Path:
    """Open `html` from disk, wait until it is loaded, and print it to A4."""
    page.goto(html.resolve().as_uri(), wait_until="load", timeout=LOAD_TIMEOUT_MS)
    page.emulate_media(media="print")
    made_by = page.evaluate(PRINT_READY)
    options = {
        "format": "A4",
        "prefer_css_page_size": True,
        "print_background": True,
        "margin": MARGIN,
        "display_header_footer": True,
        "header_template": HEADER,
        "footer_template": FOOTER.format(made_by=escape(made_by)),
        "tagged": True,
        "outline": True,
    }

    def write(tmp: Path) -> None:
        page.pdf(path=str(tmp), **options)
        relative_links(tmp, html.parent)

    return write_whole(pdf_path(html), write)


def relative_links(pdf: Path, folder: Path) -> None:
    """Turn links to reports in `folder` (absolute ``file:`` addresses of ``.html`` files, as Chromium
    writes them) into relative links to their PDFs; other links stay as they are."""
    from urllib.parse import unquote, urlparse

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(pdf))
    changed = False
    for page in writer.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            address = urlparse(uri)
            target = Path(unquote(address.path))
            if address.scheme != "file" or target.suffix != ".html" or target.parent != folder.resolve():
                continue
            annotation.get_object()[NameObject("/A")] = DictionaryObject(
                {
                    NameObject("/S"): NameObject("/GoToR"),
                    NameObject("/F"): TextStringObject(target.with_suffix(".pdf").name),
                    NameObject("/D"): ArrayObject([NumberObject(0), NameObject("/Fit")]),
                }
            )
            changed = True
    if changed:
        with pdf.open("wb") as out:
            writer.write(out)


def _local_files_only(route) -> None:
    """Let files from disk and inline data through; refuse everything from a network."""
    if route.request.url.startswith(("file:", "data:", "blob:")):
        route.continue_()
    else:
        route.abort("blockedbyclient")
