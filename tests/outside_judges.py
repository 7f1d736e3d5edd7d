"""The outside judges of accessibility and valid HTML, from the npm registry (``.ci/run`` installs
them globally): axe-core, run in the page by playwright, and the Nu Html Checker (``vnu-jar``), run
with Java. A test that needs one skips with the reason when it is missing."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""WCAG 2.0 and 2.1, levels A and AA."""
SERIOUS = ("serious", "critical")
INSTALL = "npm install -g axe-core vnu-jar (as .ci/run does)"


@functools.cache
def npm_root() -> Path | None:
    """Where ``npm install -g`` puts packages (``$WORKBOOK_NPM_ROOT`` first), or None without npm."""
    if configured := os.environ.get("WORKBOOK_NPM_ROOT"):
        return Path(configured)
    npm = shutil.which("npm")
    if npm is None:
        return None
    result = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, timeout=60, check=False)
    return Path(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else None


def axe_script() -> Path:
    """axe-core's ``axe.min.js``; skips the test when it is not installed."""
    root = npm_root()
    script = root / "axe-core" / "axe.min.js" if root else None
    if script is None or not script.is_file():
        pytest.skip(f"axe-core is not installed ({script or 'no npm'}): {INSTALL}")
    return script


def vnu_command() -> list[str]:
    """``java -jar vnu.jar``; skips the test when Java or the jar is missing."""
    root = npm_root()
    jar = root / "vnu-jar" / "build" / "dist" / "vnu.jar" if root else None
    if jar is None or not jar.is_file():
        pytest.skip(f"the Nu Html Checker is not installed ({jar or 'no npm'}): {INSTALL}")
    java = shutil.which("java")
    if java is None:
        pytest.skip("the Nu Html Checker needs Java (apt-get install default-jre-headless)")
    return [java, "-jar", str(jar)]


def axe_violations(page, script: Path) -> tuple[list[dict], int]:
    """Run axe over the page as it is now: its serious and critical violations (rule, impact, number of
    elements, the first element), and how many rules passed (so a test sees that axe looked)."""
    page.add_script_tag(path=str(script))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    serious = [
        {"rule": v["id"], "impact": v["impact"], "elements": len(v["nodes"]), "first": v["nodes"][0]["html"][:160]}
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]
    return serious, len(result["passes"])
