"""The shape of the code, checked statically: the model never imports Qt (not even lazily), and no two
modules of the app import each other in a circle."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import app
import app.model

ROOT = Path(__file__).resolve().parents[1]
QT_PACKAGES = ("PySide6", "pyqtgraph", "shiboken6", "app.ui")


def module_path(name: str) -> Path:
    parts = name.split(".")
    package = ROOT.joinpath(*parts)
    return package / "__init__.py" if package.is_dir() else package.with_suffix(".py")


def app_modules() -> list[str]:
    names = ["app"]
    names += [info.name for info in pkgutil.walk_packages(app.__path__, "app.")]
    return sorted(names)


def _type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports_of(name: str) -> set[str]:
    """Every module ``name`` imports at run time, at the top or inside functions (lazy imports count;
    imports only for the type checker do not)."""
    tree = ast.parse(module_path(name).read_text(encoding="utf-8"))
    found: set[str] = set()
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if _type_checking_block(node):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{name}: the app uses absolute imports only"
            base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        stack.extend(ast.iter_child_nodes(node))
    return found


def test_every_model_module_is_free_of_qt() -> None:
    model = [m for m in app_modules() if m == "app.model" or m.startswith("app.model.")]
    assert len(model) > 10, model  # the walk found the package, not nothing
    offenders = {
        module: sorted(i for i in imports_of(module) if i.startswith(QT_PACKAGES))
        for module in model
        if any(i.startswith(QT_PACKAGES) for i in imports_of(module))
    }
    assert offenders == {}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first walk of ``graph`` meets, as the path that closes it."""
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_no_import_cycles() -> None:
    modules = set(app_modules())
    graph = {m: {i for i in imports_of(m) if i in modules and i != m} for m in modules}
    assert find_cycles(graph) == []


def test_the_checks_see_what_they_look_for() -> None:
    """The scan finds a lazy import and skips type-checking-only ones; the walk finds a cycle."""
    assert "app.model.loader" in imports_of("app.model.cache")  # imported inside a function
    assert "app.model.content" not in imports_of("app.model.findings")  # only for the type checker
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []


BLOCKED_IMPORT = """
import importlib, importlib.abc, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6"):
            raise ImportError("Qt is blocked in this test")
sys.meta_path.insert(0, Block())
import app.model
names = [i.name for i in pkgutil.walk_packages(app.model.__path__, "app.model.")]
for name in names:
    importlib.import_module(name)
assert not any(m.split(".")[0] in ("PySide6", "pyqtgraph") for m in sys.modules)
print(len(names))
"""


def test_every_model_module_imports_with_qt_unimportable() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED_IMPORT],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) == len(list(pkgutil.walk_packages(app.model.__path__)))
