"""Code that runs inside a build kernel: warm it up once, then give every notebook a fresh start.

A warm kernel has the report modules (and matplotlib, pydantic, …) imported already, so a location
costs only its own work. Between notebooks everything a notebook can change is put back: the
user namespace and execution counter, the language, matplotlib's settings and open figures, the
working directory and the environment. A location's report therefore never depends on which
location ran before it on the same kernel.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings

_baseline: dict = {}


def warm_up(modules: list[str]) -> None:
    """Import `modules` (those that exist) and remember the state every notebook starts from."""
    import importlib
    import importlib.util

    import matplotlib

    for name in modules:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
    _baseline["rc"] = matplotlib.rcParams.copy()
    _baseline["cwd"] = os.getcwd()
    _baseline["env"] = dict(os.environ)
    _baseline["warnings"] = list(warnings.filters)
    # Everything imported so far lives as long as the kernel: keep it out of every later garbage
    # collection, so the collection in each fresh start only looks at what a notebook made.
    gc.collect()
    gc.freeze()


def fresh_start() -> None:
    """Forget everything the previous notebook did (the shell's reset also collects garbage)."""
    import matplotlib
    from IPython import get_ipython

    from workbook.language.i18n import set_language

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    get_ipython().reset(new_session=True)
    os.chdir(_baseline["cwd"])
    os.environ.clear()
    os.environ.update(_baseline["env"])
    # typeshed types warnings.filters as a read-only Sequence; it is the module's own list
    warnings.filters[:] = _baseline["warnings"]  # type: ignore[index]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matplotlib.rcParams.update(_baseline["rc"])
    set_language(None)
