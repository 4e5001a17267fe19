"""The package's layout holds: Streamlit only in dashboard/app, dependencies one way, small modules."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dashboard"
FEATURES = ("salaries", "survey", "skills", "careers")


def modules(package: str | None = None) -> list[str]:
    where = PACKAGE / package if package else PACKAGE
    return sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in where.rglob("*.py")
        if p.stem != "__init__"
    )


def imported_packages(module: str) -> set[str]:
    """The dashboard subpackages a module imports (dashboard.core, dashboard.salaries, …)."""
    tree = ast.parse((ROOT / Path(*module.split("."))).with_suffix(".py").read_text())
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        found |= {".".join(n.split(".")[:2]) for n in names if n.startswith("dashboard.")}
    return found - {module.rsplit(".", 1)[0]}


def test_only_dashboard_app_loads_streamlit():
    """Every module outside dashboard/app loads in a fresh interpreter without Streamlit."""
    outside = [m for m in modules() if not m.startswith("dashboard.app.")]
    assert {"dashboard.core.money", "dashboard.salaries.gaps", "dashboard.survey.reader"} <= set(outside)
    code = (
        "import importlib, sys\n"
        f"for name in {outside!r}:\n"
        "    importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", (
        f"a module outside dashboard/app loaded Streamlit: {result.stdout[:300]}"
    )


def test_dependencies_run_one_way():
    """core <- feature packages <- app <- pages: core imports no feature, no feature imports app, and the
    features' imports of one another form no circle."""
    for module in modules("core"):
        assert imported_packages(module) <= {"dashboard.core"}, module
    uses: dict[str, set[str]] = {f: set() for f in FEATURES}
    for feature in FEATURES:
        for module in modules(feature):
            imported = imported_packages(module)
            assert "dashboard.app" not in imported, module
            uses[feature] |= {p.split(".")[1] for p in imported if p.split(".")[1] in FEATURES} - {feature}

    def reaches(start: str, goal: str, seen: frozenset = frozenset()) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in uses[start])

    circles = [f for f in FEATURES if reaches(f, f)]
    assert not circles, f"features importing each other in a circle: {uses}"


def test_modules_and_pages_stay_small():
    long_modules = {
        m: n
        for m in modules()
        if (n := len(Path(ROOT, *m.split(".")).with_suffix(".py").read_text().splitlines())) > 300
    }
    long_pages = {
        p.name: n for p in (ROOT / "pages").glob("*.py") if (n := len(p.read_text().splitlines())) > 100
    }
    assert not long_modules and not long_pages, (long_modules, long_pages)


def readme_map() -> dict[str, set[str]]:
    """The README's map of the code: the files it names under each dashboard package, and the pages."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("One package per concern", 1)[1].split("```", 2)[1]
    named: dict[str, set[str]] = {}
    section = ""
    for line in block.splitlines():
        if m := re.match(r"^(?:  )?(\w+)/", line):
            section = m.group(1)
        named.setdefault(section, set()).update(re.findall(r"\b(\w+\.(?:py|js|css))\b", line))
    return named


def test_the_readme_map_names_every_module_and_page():
    named = readme_map()
    for package in ("core", *FEATURES, "app"):
        files = {p.name for p in (PACKAGE / package).iterdir() if p.suffix in {".py", ".js", ".css"}}
        missing = files - {"__init__.py"} - named.get(package, set())
        assert not missing, f"README's map leaves out dashboard/{package}/{sorted(missing)}"
    pages = {p.name for p in (ROOT / "pages").glob("*.py")}
    assert pages <= named.get("pages", set()), pages - named.get("pages", set())
