"""LibreOffice Calc as an outside judge of an Excel export: it opens the file, computes every formula
and writes each sheet as CSV, so a test reads the values a person would see in a spreadsheet."""

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


def calc_sheets(xlsx: Path, workdir: Path) -> dict[str, list[list[str]]]:
    """Every sheet of `xlsx` as Calc computed it: rows of cell texts, by sheet name.

    Skips the test when LibreOffice has no Calc; fails it when the conversion fails.
    """
    assert LIBREOFFICE, "LibreOffice is not installed"
    out = workdir / "csv"
    result = subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation={(workdir / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            CSV_ALL_SHEETS,
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    if "could not be loaded" in result.stderr:
        pytest.skip("LibreOffice Calc is not installed (apt-get install libreoffice-calc)")
    prefix = f"{xlsx.stem}-"
    sheets = {
        path.stem[len(prefix) :]: list(csv.reader(path.open(encoding="utf-8"))) for path in out.glob(f"{prefix}*.csv")
    }
    assert sheets, result.stdout + result.stderr
    return sheets
