"""Keep the build process from importing what it never uses.

nbformat validates notebooks with jsonschema, and jsonschema imports ``rfc3987_syntax`` (when
installed) to check IRI formats: that module compiles a grammar at import, about 1.8 s of CPU.
Notebook validation never checks formats (nbformat, nbclient, papermill and nbconvert pass no
format checker), so the build tells Python the module is absent before anything imports
jsonschema; jsonschema then simply has no IRI check. A process that imported it already keeps it.
"""

from __future__ import annotations

import sys

UNUSED = ("rfc3987_syntax",)


def skip_unused_imports() -> None:
    """Mark the modules in ``UNUSED`` as absent, unless this process imported them already."""
    for name in UNUSED:
        # None is Python's documented mark for "not importable"; typeshed allows only modules here
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]
