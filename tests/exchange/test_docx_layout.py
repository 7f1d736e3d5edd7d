"""The Word export as a reader sees it: LibreOffice → PDF → PNG, on the whole demo plan with a location.

No word inside a table cell is broken over two lines, every page has its number, every picture has
alternative text, and money reads the same as in the HTML reports.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import docx
import pypdf
import pytest

from workbook.exchange.docx_export import export_docx
from workbook.project.store import Project
from workbook.resources import demo_dir

pytestmark = pytest.mark.slow

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
PDFTOPPM = shutil.which("pdftoppm")
WORD = re.compile(r"[\w'’-]+")


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    if not LIBREOFFICE:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer)")
    folder = tmp_path_factory.mktemp("docx-layout")
    demo = folder / "demo"
    shutil.copytree(demo_dir(), demo, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    path = export_docx(Project.open(demo), out=folder / "plan.docx", location="tweeeiken", lang="nl")
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(path),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    return path, folder / "plan.pdf"


def words(text: str) -> set[str]:
    return set(WORD.findall(unicodedata.normalize("NFKC", text)))


def test_no_word_in_a_table_cell_is_broken_over_two_lines(converted, artifacts):
    path, pdf = converted
    document = docx.Document(str(path))
    cell_words = {w for table in document.tables for cell in table._cells for w in words(cell.text) if len(w) > 3}
    everything = words("\n".join(p.text for p in document.paragraphs)) | {
        w for table in document.tables for cell in table._cells for w in words(cell.text)
    }
    broken = []
    for page in pypdf.PdfReader(pdf).pages:
        lines = [line.split() for line in unicodedata.normalize("NFKC", page.extract_text()).splitlines()]
        for line, following in zip(lines, lines[1:], strict=False):
            if not line or not following:
                continue
            head, tail = line[-1], following[0]
            joined = (head + tail).strip(".,;:()")
            if head.endswith("-"):
                continue  # a line may end at the hyphen a word already has ("Wzd-|functionaris")
            if joined in cell_words and head.strip(".,;:()") not in everything:
                broken.append(f"{head}|{tail}")
    assert broken == [], broken
    if PDFTOPPM:
        page = artifacts / "exchange-docx-tables"
        subprocess.run([PDFTOPPM, "-png", "-r", "60", "-f", "3", "-singlefile", str(pdf), str(page)], check=True)


def test_every_page_has_its_number_and_every_picture_alt_text(converted):
    path, pdf = converted
    reader = pypdf.PdfReader(pdf)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Pagina {number} van {total}" in page.extract_text(), number
    document = docx.Document(str(path))
    descriptions = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert descriptions and all(descriptions), descriptions


def test_money_and_dates_read_as_in_the_html_reports(converted):
    path, _ = converted
    text = "\n".join(cell.text for table in docx.Document(str(path)).tables for cell in table._cells)
    assert "€\u00a03.100" in text  # the wifi work at Tweeëiken, as the HTML report writes it
    assert "3.100,00" not in text
    assert "1 jun 2026" in text and "01-06-2026" not in text
