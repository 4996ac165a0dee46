"""The package's shape: every module imports on its own, the graph of its
intra-package imports (function-level lazy imports included) has no cycle,
and the per-document orchestration stays short and free of cache keys."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "syllabus_audit"
NAME = PACKAGE.name


def _modules() -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package's __init__)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _imported(module: str, is_package: bool, node: ast.AST, known: set[str]) -> list[str]:
    """The package's modules one import statement names (a ``from X import y``
    names ``X.y`` when that is a module, else ``X``)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".")[: None if is_package else -1]
            base = base[: len(base) - node.level + 1]
            source = ".".join(base + ([node.module] if node.module else []))
        else:
            source = node.module or ""
        names = [f"{source}.{a.name}" if f"{source}.{a.name}" in known else source for a in node.names]
    else:
        return []
    out = []
    for name in names:
        while name and name not in known:  # ``import a.b.c`` where only a.b is a module, etc.
            name = name.rpartition(".")[0]
        if name and (name == NAME or name.startswith(NAME + ".")):
            out.append(name)
    return out


def import_graph() -> dict[str, set[str]]:
    """Every module -> the package's modules it imports anywhere in its body."""
    modules = _modules()
    known = set(modules)
    graph = {}
    for module, (path, is_package) in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        graph[module] = {m for node in ast.walk(tree) for m in _imported(module, is_package, node, known)} - {module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (its modules in order, the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_graph_builder_sees_relative_lazy_and_absolute_imports():
    graph = import_graph()
    assert "syllabus_audit.pipeline.stages" in graph["syllabus_audit.pipeline.auditor"]  # from . import stages
    assert "syllabus_audit.pipeline.api" in graph["syllabus_audit"]  # lazy, inside __getattr__
    assert "syllabus_audit.rules.lexicon" in graph["syllabus_audit.pipeline.decisions"]  # from ..rules.lexicon
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_the_package_has_no_import_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_review_and_the_pipeline_do_not_import_each_other():
    graph = import_graph()
    pipeline = {m for m in graph if m.startswith(f"{NAME}.pipeline")}
    review = {m for m in graph if m.startswith(f"{NAME}.review.") and m != f"{NAME}.review.cli"}
    assert not {d for m in pipeline for d in graph[m]} & (review | {f"{NAME}.review"})
    # review may build an Auditor when it samples negatives, but only lazily (inside a function)
    for module in review:
        tree = ast.parse(_modules()[module][0].read_text(encoding="utf-8"))
        top = {m for node in tree.body for m in _imported(module, False, node, set(graph))}
        assert not {m for m in top if m.startswith(f"{NAME}.pipeline.") and m != f"{NAME}.pipeline.decisions"}, module


def test_every_module_imports_on_its_own():
    """Each module imported first, in a fresh interpreter state for the
    package (its modules cleared from ``sys.modules`` between imports);
    ``__main__`` is left out (importing it runs the command line)."""
    names = sorted(m for m in _modules() if not m.endswith(".__main__"))
    script = f"""
import importlib, json, sys, traceback
failed = {{}}
for name in {names!r}:
    for loaded in [m for m in sys.modules if m == {NAME!r} or m.startswith({NAME!r} + ".")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        failed[name] = traceback.format_exc(limit=3)
print(json.dumps(failed))
"""
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600,
                         cwd=PACKAGE.parent)
    assert run.returncode == 0, run.stderr
    failed = json.loads(run.stdout.strip().splitlines()[-1])
    assert failed == {}, "\n".join(failed.values())


# What deriving a cache key looks like: hashing, the extractor version, the
# pre-filter's signatures, the cache's tables.
KEY_LOGIC = ("hashlib", "EXTRACTOR_VERSION", "keys_signature", "dependency(", "global_digest", "settings_digest",
             "code_digest", "get_result", "put_result", "get_keys", "put_keys", "ExtractionCache")


def test_the_chain_and_the_auditor_are_short_and_hold_no_cache_key_logic():
    for name in ("auditor.py", "stages.py"):
        text = (PACKAGE / "pipeline" / name).read_text(encoding="utf-8")
        assert len(text.splitlines()) < 250, name
        assert [k for k in KEY_LOGIC if k in text] == [], name
    cache = (PACKAGE / "pipeline" / "cache.py").read_text(encoding="utf-8")
    assert all(k in cache for k in ("EXTRACTOR_VERSION", "keys_signature", "dependency(", "global_digest",
                                    "settings_digest", "code_digest"))
