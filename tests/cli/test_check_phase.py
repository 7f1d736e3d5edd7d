"""``workbook check`` names a location whose phase its dates contradict, in that location's file."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil

from workbook.cli import main
from workbook.language.locale import format_date
from workbook.resources import demo_dir


def test_check_flags_a_running_location_past_its_end_date(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBOOK_LANG", "nl")
    project = tmp_path / "werkboek"
    shutil.copytree(demo_dir(), project, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    end = dt.date.today() - dt.timedelta(days=3)
    path = project / "locaties" / "de-kolk.yaml"
    text = path.read_text(encoding="utf-8").replace("phase: starting", "phase: running")
    lines = [f"end: '{end.isoformat()}'" if line.startswith("end:") else line for line in text.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", str(project)])
    output = out.getvalue()
    assert code == 0, output  # advice never blocks
    section = output[output.index("locaties/de-kolk.yaml") :]
    # the date as a Dutch sentence says it ("28 februari 2026"), never as 2026-02-28
    assert f"De fase 'Loopt' klopt niet met de data: de einddatum {format_date(end, 'nl')} is al voorbij." in section
    assert end.isoformat() not in section
