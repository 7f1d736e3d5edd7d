"""One progress bar over the whole build, on stderr; quiet when stdout is not a terminal."""

from __future__ import annotations

import sys

from tqdm import tqdm

from workbook.language.i18n import Messages

msg = Messages({"reports": ("rapporten", "reports")})


class Progress:
    """Counts finished targets; shows the last one's name."""

    def __init__(self, total: int, enabled: bool | None = None):
        if enabled is None:
            enabled = sys.stdout.isatty()
        self.bar = tqdm(total=total, unit="", desc=msg("reports"), disable=not enabled or total == 0, leave=False)

    def advance(self, name: str) -> None:
        self.bar.set_postfix_str(name, refresh=False)
        self.bar.update()

    def close(self) -> None:
        self.bar.close()
