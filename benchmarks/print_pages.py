"""Benchmark: the demo's reports on paper — pages per report and per audience, squeezed pages, broken words.

    python benchmarks/print_pages.py                   # set up the demo, `workbook build --pdf`, measure
    python benchmarks/print_pages.py --reports DIR     # measure the PDFs already in DIR (build/reports)
    python benchmarks/print_pages.py --keep DIR        # build in DIR and keep it, to look at the PDFs

Prints one line per PDF (pages, pages in landscape, squeezed pages, words broken over two lines),
then the pages per audience (the full reports, bestuur, team, clientenraad), the location reports'
range, and the total. A squeezed page is one where text runs down a single narrow column, a word
or two a line (``workbook.exchange.print_layout.squeezed_pages``, on ``pdftotext -layout``); a
broken word is a word of the report split over two lines ("contro|lerondes").
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from workbook.exchange.print_layout import page_count, split_words, squeezed_pages, words_of
from workbook.report.audience import Audience

FULL = "(alle)"


@dataclass
class Printed:
    """What one PDF measures."""

    name: str
    audience: str
    pages: int
    landscape: int
    squeezed: list[int]
    broken: list[str]

    @property
    def location(self) -> bool:
        return Path(self.name).stem not in ("index", "plan")


def workbook_command() -> str:
    """The ``workbook`` command next to this Python (the project's virtual environment)."""
    beside = Path(sys.executable).with_name("workbook")
    return str(beside) if beside.exists() else "workbook"


def build(folder: Path) -> Path:
    """Set up the demo in `folder` and print every report (and every audience's) to PDF."""
    command = workbook_command()
    subprocess.run([command, "demo", str(folder)], check=True, stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    subprocess.run([command, "build", str(folder), "--pdf"], check=True, stdout=subprocess.DEVNULL)
    print(f"workbook build --pdf: {time.perf_counter() - started:.1f} s")
    return folder / "build" / "reports"


def landscape_pages(pdf: Path) -> int:
    """Pages of `pdf` that are wider than they are tall."""
    from pypdf import PdfReader

    return sum(1 for page in PdfReader(pdf).pages if page.mediabox.width > page.mediabox.height)


def vocabulary(report: Path) -> set[str]:
    """The words of the HTML report a PDF was printed from (images left out)."""
    source = re.sub(r'src="data:[^"]*"', "", report.read_text(encoding="utf-8"))
    return words_of(html.unescape(re.sub(r"<[^>]+>", " ", source)))


def measure(reports: Path) -> list[Printed]:
    folders = {audience.folder: audience.folder for audience in Audience}
    found = []
    for pdf in sorted(reports.glob("*.pdf")) + sorted(reports.glob("*/*.pdf")):
        audience = folders.get(pdf.parent.name, FULL) if pdf.parent != reports else FULL
        report = pdf.with_suffix(".html")
        found.append(
            Printed(
                name=pdf.relative_to(reports).as_posix(),
                audience=audience,
                pages=page_count(pdf),
                landscape=landscape_pages(pdf),
                squeezed=squeezed_pages(pdf),
                broken=split_words(pdf, vocabulary(report)) if report.is_file() else [],
            )
        )
    return found


def show(found: list[Printed]) -> None:
    print(f"{'report':40} {'pages':>5} {'landscape':>9} {'squeezed':>8} {'broken':>6}")
    for item in found:
        print(
            f"{item.name:40} {item.pages:5} {item.landscape:9} {len(item.squeezed):8} {len(item.broken):6}"
            + (f"  squeezed on {item.squeezed}" if item.squeezed else "")
            + (f"  broken: {', '.join(item.broken[:5])}" if item.broken else "")
        )
    print()
    print(f"{'audience':14} {'PDFs':>4} {'pages':>5} {'plan':>4} {'overview':>8} {'locations':>9} {'per location':>12}")
    for audience in dict.fromkeys(item.audience for item in found):
        mine = [item for item in found if item.audience == audience]
        places = [item.pages for item in mine if item.location]
        plan = sum(item.pages for item in mine if Path(item.name).stem == "plan")
        overview = sum(item.pages for item in mine if Path(item.name).stem == "index")
        span = f"{min(places)}-{max(places)}" if places else "-"
        print(
            f"{audience:14} {len(mine):4} {sum(i.pages for i in mine):5} {plan:4} {overview:8} {sum(places):9} {span:>12}"
        )
    print()
    total = sum(item.pages for item in found)
    squeezed = sum(len(item.squeezed) for item in found)
    broken = sum(len(item.broken) for item in found)
    landscape = sum(item.landscape for item in found)
    print(
        f"total: {len(found)} PDFs, {total} pages ({landscape} landscape), {squeezed} squeezed, {broken} broken words"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, help="measure the PDFs in this folder (build/reports) instead")
    parser.add_argument("--keep", type=Path, help="build the demo in this folder and keep it")
    args = parser.parse_args()
    if not shutil.which("pdftotext"):
        print("pdftotext is missing: apt-get install poppler-utils", file=sys.stderr)
        return 2
    if args.reports:
        show(measure(args.reports))
        return 0
    if args.keep:
        show(measure(build(args.keep)))
        return 0
    with tempfile.TemporaryDirectory(prefix="print-pages-") as folder:
        show(measure(build(Path(folder) / "demo")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
