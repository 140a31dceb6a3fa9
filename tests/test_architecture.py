"""The house stays as DESIGN.md §3 draws it, checked from the source (ast), not from a picture:

config < classifiers, store < indexers < claims (use cases) < workers < api. Imports point down only,
classifiers and store never import each other, no import cycle, few imports hidden in functions,
no sys.path edits, and product code never imports samples/ or bench/ (only the CLI's demo, train and
eval commands may).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"config": 0, "classifiers": 1, "store": 1, "indexers": 2, "claims": 3, "workers": 4, "api": 5}
PRODUCT = tuple(LAYERS)
# The CLI commands that may read the generated corpora and the evaluations.
MAY_IMPORT_SAMPLES_OR_BENCH = {"api/cli/processing.py", "api/cli/training.py", "api/cli/evals.py"}
MAX_FUNCTION_LEVEL_IMPORTS = 10


@dataclass(frozen=True)
class Import:
    source: str  # file, relative to the repository
    module: str  # the project module imported (dotted)
    line: int
    in_function: bool


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _files(*packages: str) -> list[Path]:
    return sorted(p for pkg in packages for p in (ROOT / pkg).rglob("*.py"))


def _imports(path: Path) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = str(path.relative_to(ROOT))

    def visit(node: ast.AST, in_function: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            names: list[str] = []
            if isinstance(child, ast.Import):
                names = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                names = [child.module] + [f"{child.module}.{a.name}" for a in child.names]
            for name in names:
                if name.split(".")[0] in (*PRODUCT, "samples", "bench"):
                    yield Import(rel, name, child.lineno, inside)
            yield from visit(child, inside)

    yield from visit(tree, False)


def _top(module: str) -> str:
    return module.split(".")[0]


def _existing_module(name: str) -> str | None:
    """The project module a dotted name refers to (a name imported from a module is that module)."""
    parts = name.split(".")
    while parts:
        candidate = ROOT.joinpath(*parts)
        if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
            return ".".join(parts)
        parts.pop()
    return None


def test_imports_point_down_and_classifiers_and_store_stay_apart() -> None:
    wrong = []
    for path in _files(*PRODUCT):
        here = _top(_module_of(path))
        for imp in _imports(path):
            there = _top(imp.module)
            if there not in LAYERS:
                continue
            if LAYERS[there] > LAYERS[here] or {here, there} == {"classifiers", "store"}:
                wrong.append(f"{imp.source}:{imp.line} imports {imp.module}")
    assert not wrong, "imports that point up a level (or join classifiers and store):\n" + "\n".join(wrong)


def test_product_code_never_imports_samples_or_bench() -> None:
    wrong = [f"{imp.source}:{imp.line} imports {imp.module}" for path in _files(*PRODUCT) for imp in _imports(path)
             if _top(imp.module) in ("samples", "bench") and imp.source not in MAY_IMPORT_SAMPLES_OR_BENCH]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for path in _files(*PRODUCT):
        here = _module_of(path)
        graph.setdefault(here, set())
        for imp in _imports(path):
            target = _existing_module(imp.module)
            if target and target != here and _top(target) in LAYERS and not here.startswith(target + "."):
                graph[here].add(target)
    state: dict[str, int] = {}
    cycle: list[str] = []

    def dfs(node: str, stack: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle.extend(stack[stack.index(nxt):] + [node, nxt] if nxt in stack else [node, nxt])
                return True
            if state.get(nxt) is None and dfs(nxt, stack + [node]):
                return True
        state[node] = 2
        return False

    for node in sorted(graph):
        if state.get(node) is None and dfs(node, []):
            break
    assert not cycle, "import cycle: " + " -> ".join(cycle)


def test_few_imports_hidden_in_functions_outside_the_cli() -> None:
    statements = sorted({f"{imp.source}:{imp.line}" for path in _files(*PRODUCT) for imp in _imports(path)
                         if imp.in_function and not imp.source.startswith("api/cli/")})
    assert len(statements) <= MAX_FUNCTION_LEVEL_IMPORTS, "\n".join(statements)


def test_no_sys_path_edits() -> None:
    # samples/data holds labelled data sets with their annotators' one-off scripts, kept verbatim as the record of
    # how the labels were built; nothing imports them (ruff leaves them alone too)
    data = ROOT / "samples" / "data"
    wrong = [str(p.relative_to(ROOT)) for p in _files(*PRODUCT, "bench", "samples", "tests")
             if "sys.path.insert" in p.read_text(encoding="utf-8") and p.name != "test_architecture.py"
             and data not in p.parents]
    assert not wrong, wrong
