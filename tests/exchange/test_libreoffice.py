"""The exports open in real office programs: LibreOffice converts the Word export to PDF without
error, and LibreOffice Calc computes the Excel export's totals."""

from __future__ import annotations

import shutil
import subprocess

import pypdf
import pytest

from workbook.exchange.docx_export import export_docx
from workbook.exchange.xlsx_export import export_xlsx

from .calc import LIBREOFFICE, NEEDS_CALC, calc_sheets, convert
from .read_back import page_text

PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.skipif(not LIBREOFFICE, reason="LibreOffice is not installed (apt-get install libreoffice-writer)")
def test_docx_converts_to_pdf_with_libreoffice(demo_project, tmp_path, artifacts):
    location = demo_project.load_location(demo_project.location_slugs()[0])
    docx_path = export_docx(demo_project, location=location.slug, lang="nl")
    result = convert(docx_path, "pdf", tmp_path, tmp_path)
    pdf = tmp_path / docx_path.with_suffix(".pdf").name
    assert pdf.is_file(), result.stdout + result.stderr
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) > 1
    text = "".join(page_text(page) for page in reader.pages)
    assert "Implementatieplan" in text and location.name in text
    shutil.copy(pdf, artifacts / "exchange-plan-libreoffice.pdf")
    if not PDFTOPPM:
        pytest.skip("converted fine; pdftoppm is missing for the page image (apt-get install poppler-utils)")
    page = artifacts / "exchange-plan-page1"
    subprocess.run([PDFTOPPM, "-png", "-r", "60", "-singlefile", str(pdf), str(page)], check=True, timeout=60)
    assert page.with_suffix(".png").stat().st_size > 0


@NEEDS_CALC
def test_calc_computes_the_totals_of_the_costs_and_runbook_sheets(demo_project, tmp_path):
    xlsx = export_xlsx(demo_project, out=tmp_path / "werkboek.xlsx", lang="nl")
    sheets = calc_sheets(xlsx, tmp_path)
    money = {
        "Kosten": ["Eenmalig gepland", "Eenmalig gemaakt", "Per jaar gepland", "Per jaar lopend"],
        "Draaiboeken": ["Eenmalige kosten (€)", "Structurele kosten per jaar (€)"],
    }
    for sheet, headers in money.items():
        rows = sheets[sheet]
        total = next(row for row in rows if row[0] == "Totaal")
        data = rows[1 : rows.index([""] * len(rows[0]))]  # the table, above the empty row and the total
        for header in headers:
            column = rows[0].index(header)
            expected = sum(float(row[column] or 0) for row in data)
            assert expected > 0, (sheet, header)
            assert float(total[column]) == pytest.approx(expected), (sheet, header, total[column])
