"""network/importing holds only the pipeline: it imports no admin, views, management or API code."""

import ast
from pathlib import Path

import network.importing

LAYERS = ("admin", "views", "management", "api", "forms")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
            names.update(f"{'.' * node.level}{node.module or ''}.{alias.name}" for alias in node.names)
    return names


def test_the_pipeline_imports_no_admin_views_management_or_api_code():
    package = Path(network.importing.__file__).parent
    offending = {
        f"{path.name}: {name}"
        for path in package.rglob("*.py")
        for name in imported_modules(path)
        if any(part in LAYERS or part.startswith("import_export") for part in name.strip(".").split("."))
    }
    assert offending == set()
