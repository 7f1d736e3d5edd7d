"""Benchmark: reading a measurements CSV in each encoding people send, and how sure the reading is.

    python benchmarks/bench_import.py                 # 20 000 rows
    python benchmarks/bench_import.py --rows 2000

Prints, per encoding, the file size, the time ``workbook.importer.encoding.decode`` takes (UTF-8
is decoded directly; old code pages go through charset-normalizer and the plausibility check) and
whether the text came back exactly; then the whole import (``import_measurements --check``) of the
Windows file, parsing every date and number through ``workbook.language.locale``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from workbook.errors import WorkbookError
from workbook.importer import import_measurements
from workbook.importer.encoding import decode
from workbook.model import Goal
from workbook.project.store import Project

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "iso8859_15", "mac_roman", "cp437")


def table(rows: int) -> str:
    """`rows` measurements on different days, values such as 12,5 and 1.234,5, notes with ë, é, ï."""
    first = dt.date(2024, 1, 1)
    lines = [
        f"{(first + dt.timedelta(days=n)):%d-%m-%Y};D{n % 3 + 1};{n // 1000}.{n % 1000:03d},5;Tweeëiken, café in 't Holt"
        if n >= 1000
        else f"{(first + dt.timedelta(days=n)):%d-%m-%Y};D{n % 3 + 1};{n},5;naïef"
        for n in range(rows)
    ]
    return "Datum;Doel;Waarde;Toelichting\n" + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    text = table(args.rows)
    print(f"{args.rows} rows")
    for encoding in ENCODINGS:
        data = text.encode(encoding)
        start = time.perf_counter()
        try:
            outcome = "exact" if decode(data, "x.csv") == text else "GARBLED"
        except WorkbookError:
            outcome = "refused"
        print(f"  {encoding:<10} {len(data) / 1024:8.0f} KB  {time.perf_counter() - start:6.2f} s  {outcome}")
    with tempfile.TemporaryDirectory() as folder:
        project = Project.create(Path(folder) / "werkboek", "Bench", "Zorggroep Test")
        project.update_plan("goals", [Goal(id=f"D{n}", text=f"doel {n}") for n in (1, 2, 3)])
        project.add_location("De Linde")
        file = Path(folder) / "metingen.csv"
        file.write_bytes(text.encode("cp1252"))
        start = time.perf_counter()
        try:
            result = import_measurements(project, file, "de-linde", save=False)
            outcome = f"{result.read} rows read"
        except WorkbookError as error:
            outcome = f"refused: {error.problems[0].message}"
        print(f"  import --check (cp1252): {time.perf_counter() - start:.2f} s, {outcome}")


if __name__ == "__main__":
    main()
