"""The build skips jsonschema's IRI grammar (seconds of start-up) and notebooks are still validated."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import sys
from workbook.build.lean import skip_unused_imports
skip_unused_imports()
import nbformat
from nbformat.validator import ValidationError

good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
nbformat.validate(good)
bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
bad.cells[0]["cell_type"] = "spreadsheet"
try:
    nbformat.validate(bad)
    print("bad notebook accepted")
except ValidationError:
    print("bad notebook refused")
print("grammar imported" if sys.modules.get("rfc3987_syntax") else "grammar skipped")
"""


def test_notebooks_are_validated_without_the_iri_grammar():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[:2] == ["bad notebook refused", "grammar skipped"]
