"""The Word export opens in a real word processor: LibreOffice converts it to PDF without error."""

from __future__ import annotations

import shutil
import subprocess

import pypdf
import pytest

from workbook.exchange.docx_export import export_docx

from .read_back import page_text

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
PDFTOPPM = shutil.which("pdftoppm")
TIMEOUT = 240


@pytest.mark.skipif(not LIBREOFFICE, reason="LibreOffice is not installed (apt-get install libreoffice-writer)")
def test_docx_converts_to_pdf_with_libreoffice(demo_project, tmp_path, artifacts):
    location = demo_project.load_location(demo_project.location_slugs()[0])
    docx_path = export_docx(demo_project, location=location.slug, lang="nl")
    result = subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    pdf = tmp_path / docx_path.with_suffix(".pdf").name
    assert result.returncode == 0, result.stderr
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
