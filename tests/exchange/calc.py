"""LibreOffice as an outside judge of the exports: Calc opens an Excel export, computes every formula
and writes each sheet as CSV, so a test reads the values a person would see in a spreadsheet; Writer
converts a Word export to PDF."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
TIMEOUT = 240
NEEDS_CALC = pytest.mark.skipif(
    not LIBREOFFICE, reason="LibreOffice is not installed (apt-get install libreoffice-calc)"
)

# Comma-separated, UTF-8, values as numbers (not as shown), formulas computed, every sheet a file.
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1"


def convert(document: Path, target: str, out: Path, workdir: Path) -> subprocess.CompletedProcess:
    """LibreOffice, headless with its own profile under `workdir`, converts `document` to `target`
    (a format such as "pdf" or a filter string) in the folder `out`; fails the test when it fails."""
    assert LIBREOFFICE, "LibreOffice is not installed"
    result = subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation={(workdir / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def calc_sheets(xlsx: Path, workdir: Path) -> dict[str, list[list[str]]]:
    """Every sheet of `xlsx` as Calc computed it: rows of cell texts, by sheet name.

    Skips the test when LibreOffice has no Calc; fails it when the conversion fails.
    """
    out = workdir / "csv"
    result = convert(xlsx, CSV_ALL_SHEETS, out, workdir)
    if "could not be loaded" in result.stderr:
        pytest.skip("LibreOffice Calc is not installed (apt-get install libreoffice-calc)")
    prefix = f"{xlsx.stem}-"
    sheets = {
        path.stem[len(prefix) :]: list(csv.reader(path.open(encoding="utf-8"))) for path in out.glob(f"{prefix}*.csv")
    }
    assert sheets, result.stdout + result.stderr
    return sheets
