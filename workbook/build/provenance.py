"""What an executed notebook records about how it was made (``metadata.workbook``).

Parameters, the input files with their hashes and the digest over them, the versions of the
software that made it, the report language and the timings of this run.
"""

from __future__ import annotations

import platform
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from nbformat import NotebookNode

from workbook.build.inputs import code_fingerprint
from workbook.build.targets import Target

PACKAGES = ("workbook", "papermill", "nbclient", "nbconvert", "jupyter_client", "ipykernel", "matplotlib", "pydantic")


@cache
def versions() -> dict[str, str]:
    """The Python version and the versions of the packages that make a report."""
    found = {"python": platform.python_version(), "workbook-code": code_fingerprint()}
    for package in PACKAGES:
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "?"
    return found


def record(nb: NotebookNode, target: Target, lang: str, timings: dict[str, float | str]) -> None:
    """Write the provenance of `target`'s run into the notebook's metadata."""
    nb.metadata["workbook"] = {
        "parameters": dict(target.parameters),
        "inputs": {
            "digest": target.inputs.digest,
            "files": dict(target.inputs.files),
            "settings": dict(target.inputs.settings),
        },
        "language": lang,
        "versions": versions(),
        "timings": timings,
    }
