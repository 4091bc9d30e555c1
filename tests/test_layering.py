"""Package layering, read from the source: training and evaluation never import each other
(what both need lives in factcheck.nli.datasets, factcheck.nli.scoring and factcheck.metrics)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "factcheck"


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it (function-level imports included), absolute."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def imports_of(subpackage: str) -> dict[str, set[str]]:
    files = sorted((PACKAGE / subpackage).rglob("*.py"))
    assert files, f"no sources under factcheck/{subpackage}"
    return {str(f.relative_to(PACKAGE.parent)): imported_modules(f) for f in files}


def test_the_scanner_sees_function_level_imports():
    assert "factcheck.nli.scoring" in imported_modules(PACKAGE / "training" / "train_nli.py")  # inside main()


@pytest.mark.parametrize("source, forbidden", [("training", "evaluation"), ("evaluation", "training")])
def test_training_and_evaluation_do_not_import_each_other(source, forbidden):
    banned = f"factcheck.{forbidden}"
    offenders = {
        path: sorted(m for m in modules if m == banned or m.startswith(banned + "."))
        for path, modules in imports_of(source).items()
    }
    assert not {path: mods for path, mods in offenders.items() if mods}
