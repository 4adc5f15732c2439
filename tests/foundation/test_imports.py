"""Imports run one way: content apps build on kkn_portal, never the other way round.

Read from the source with ``ast`` (module-level and function-level imports
alike), so a lazy import inside a function cannot hide a dependency.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("kkn_portal", "news", "events", "feedback")
CONTENT_APPS = ("news", "events", "feedback")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path, *, module_level_only=False):
    """Every module ``path`` imports, relative imports resolved.

    With ``module_level_only``, only the imports that run when the module
    is imported (not those inside functions): the ones that can form a cycle.
    """
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    nodes = tree.body if module_level_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def project_modules():
    """``{module: path}`` of the project's code, migrations left out (they name apps by string)."""
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                modules[module_name(path)] = path
    return modules


def graph(**options):
    """``{module: modules of the project it imports}``."""
    modules = project_modules()
    return {
        name: {i for i in imported_modules(path, **options) if i in modules}
        for name, path in modules.items()
    }


def find_cycle(edges):
    """A cycle in ``edges`` as a list of nodes, or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for following in sorted(edges[node]):
            if state.get(following) == "open":
                return stack[stack.index(following) :] + [following]
            if following not in state and (cycle := visit(following)):
                return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_kkn_portal_imports_no_content_app():
    """kkn_portal learns about news, events and feedback only through its registries."""
    offenders = {
        name: sorted(i for i in imports if i.split(".")[0] in CONTENT_APPS)
        for name, imports in graph().items()
        if name.split(".")[0] == "kkn_portal"
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_no_import_cycle_between_modules():
    """No chain of module-level imports leads back to where it started."""
    cycle = find_cycle(graph(module_level_only=True))
    assert cycle is None, " -> ".join(cycle)


def test_no_cycle_between_apps_even_through_lazy_imports():
    """Between apps, not even an import inside a function goes back (events -> news, never back)."""
    apps = {package: set() for package in PACKAGES}
    for name, imports in graph().items():
        apps[name.split(".")[0]].update(i.split(".")[0] for i in imports)
    for package, used in apps.items():
        used.discard(package)
    cycle = find_cycle(apps)
    assert cycle is None, " -> ".join(cycle)


def test_the_check_sees_lazy_imports():
    """Guard the guard: an import inside a function is found too."""
    source = ROOT / "tests" / "foundation" / "_lazy_import_probe.py"
    source.write_text("def f():\n    from news.models import Article\n")
    try:
        assert "news.models" in imported_modules(source)
    finally:
        source.unlink()
