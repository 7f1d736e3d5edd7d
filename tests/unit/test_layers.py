"""The package's layers point one way: each imports only from the layers below it.

The order is the one in docs/architecture.md. The check reads every module's imports (also the
ones inside functions) with ``ast``, so a lazy import that runs the wrong way is caught as well.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "workbook"

# From the bottom up; parts on one line form one layer and may import each other.
LAYERS: list[set[str]] = [
    {"language", "resources", "settings"},
    {"errors"},
    {"model"},
    {"instruments"},
    {"files"},
    {"versions"},
    {"project"},
    {"importer", "analysis", "portfolio"},
    {"charts"},
    {"report"},
    {"exchange"},
    {"forms"},
    {"steps"},
    {"workshop", "build"},
    {"cli"},
]
LEVEL = {part: level for level, parts in enumerate(LAYERS) for part in parts}
NOT_LAYERS = {"__init__", "__main__", "demo", "labextensions"}  # data folders and the package's own entry


def part_of(path: Path, package: Path = PACKAGE) -> str:
    """The layer part a module belongs to: its top-level package or root module under workbook/."""
    relative = path.relative_to(package)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported_parts(source: str) -> set[str]:
    """The workbook parts that a module's source imports, at any depth of the code."""
    parts = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = node.module.split(".")
            if names[0] == "workbook":
                parts.add(names[1] if len(names) > 1 else node.names[0].name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names = alias.name.split(".")
                if names[0] == "workbook" and len(names) > 1:
                    parts.add(names[1])
    return parts


def upward_imports(package: Path) -> list[str]:
    """Every import in `package` from a layer above the importing module's own."""
    wrong = []
    for path in sorted(package.rglob("*.py")):
        own = part_of(path, package)
        if own in NOT_LAYERS:
            continue
        for part in imported_parts(path.read_text(encoding="utf-8")):
            if part in NOT_LAYERS or part == own:
                continue
            if LEVEL[part] > LEVEL[own]:
                wrong.append(f"{path.relative_to(package.parent)}: {own} imports {part}")
    return wrong


def test_every_part_of_the_package_has_a_layer():
    parts = {part_of(path) for path in PACKAGE.rglob("*.py")} - NOT_LAYERS
    assert parts <= set(LEVEL), f"give these a layer in LAYERS: {sorted(parts - set(LEVEL))}"


def test_the_package_root_holds_a_handful_of_modules():
    root_modules = [path.name for path in PACKAGE.glob("*.py") if path.stem not in NOT_LAYERS]
    assert len(root_modules) <= 6, root_modules


def test_no_layer_imports_one_above_it():
    assert upward_imports(PACKAGE) == []


def module_imports(package: Path) -> dict[str, set[str]]:
    """Each module of `package` (dotted name) with the package's modules it imports."""

    def dotted(path: Path) -> str:
        parts = path.relative_to(package.parent).with_suffix("").parts
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    modules = {dotted(path): path for path in package.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = {f"{node.module}.{alias.name}" for alias in node.names}
                targets |= names if names & modules.keys() else {node.module}
            elif isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of `graph`: modules that reach themselves again (one list per cycle found)."""
    found, done = [], set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            found.append(trail[trail.index(name) :])
            return
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    return found


def test_no_module_imports_itself_round_about():
    assert cycles(module_imports(PACKAGE)) == []


def test_the_cycle_check_finds_two_modules_that_import_each_other(tmp_path: Path):
    package = tmp_path / "workbook"
    (package / "forms").mkdir(parents=True)
    (package / "forms" / "inputs.py").write_text("def later():\n    from workbook.forms.records import Table\n")
    (package / "forms" / "records.py").write_text("from workbook.forms.inputs import later\n")
    (package / "forms" / "form.py").write_text("from workbook.forms import records\n")
    assert [sorted(cycle) for cycle in cycles(module_imports(package))] == [
        ["workbook.forms.inputs", "workbook.forms.records"]
    ]


def test_analysis_imports_nothing_of_jupyter():
    jupyter = {"ipywidgets", "IPython", "ipykernel", "voila", "nbformat", "nbclient", "nbconvert", "papermill"}
    found = []
    for path in sorted((PACKAGE / "analysis").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.name}: {name}" for name in names if name.split(".")[0] in jupyter]
    assert found == []


@pytest.mark.parametrize(
    ("layer", "source", "higher"),
    [
        ("model", "from workbook.project.store import Project\n", "project"),
        ("analysis", "import workbook.steps.catalogue\n", "steps"),
        ("language", "def later():\n    from workbook.model import Plan\n    return Plan\n", "model"),
    ],
)
def test_the_check_finds_a_lower_layer_importing_a_higher_one(tmp_path: Path, layer: str, source: str, higher: str):
    package = tmp_path / "workbook"
    (package / layer).mkdir(parents=True)
    (package / layer / "wrong.py").write_text(source, encoding="utf-8")
    (package / layer / "right.py").write_text("from workbook.language import i18n\n", encoding="utf-8")
    assert upward_imports(package) == [f"workbook/{layer}/wrong.py: {layer} imports {higher}"]
