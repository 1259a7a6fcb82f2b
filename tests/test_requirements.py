"""Requirements: every third-party package the runtime code imports (shop/, cms/, catalogue/, payments/,
manage.py) is declared with a pin in requirements.in and locked with hashes in requirements.txt, and
no test package (pytest, time_machine, hypothesis, playwright, pypdf) is imported by it, so `make run`
works from the runtime lock alone. Imports are read with ``ast``; modules are mapped to distributions
with ``importlib.metadata.packages_distributions()``."""

import ast
import importlib.metadata
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_CODE = ("shop", "cms", "catalogue", "payments", "manage.py")
TEST_CODE = ("tests", "bench")
# Modules of the test and benchmark packages (requirements-test.in), never imported by the runtime.
TEST_ONLY_MODULES = {"pytest", "pytest_django", "_pytest", "time_machine", "hypothesis", "playwright", "pypdf"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def local_modules(root=ROOT):
    return {
        path.stem
        for path in root.iterdir()
        if (path.is_dir() and (path / "__init__.py").exists()) or path.suffix == ".py"
    }


def third_party_imports(paths, root=ROOT):
    """{top-level module: sorted files importing it} for the absolute imports of ``paths`` (files or
    folders under ``root``) that are neither the standard library nor the project's own packages."""
    skip = set(sys.stdlib_module_names) | local_modules(root) | {"__future__"}
    found = {}
    for name in paths:
        start = root / name
        for path in [start] if start.is_file() else sorted(start.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top not in skip:
                        found.setdefault(top, set()).add(str(path.relative_to(root)))
    return {module: sorted(files) for module, files in found.items()}


def pins(text):
    """{normalised distribution name: version} of the ``name==version`` lines of a requirements file."""
    return {normalise(match[1]): match[2] for line in text.splitlines() if (match := PIN.match(line.strip()))}


def hashed_pins(text):
    """The pinned distributions of a lock that carry at least one ``--hash``."""
    hashed, current = set(), None
    for line in text.splitlines():
        stripped = line.strip()
        if match := PIN.match(stripped):
            current = normalise(match[1])
        elif current and stripped.startswith("--hash=sha256:"):
            hashed.add(current)
        elif not stripped.startswith("#") and stripped:
            current = None
    return hashed


def unpinned(imports, pinned):
    """Messages for the imported modules whose distribution is not among ``pinned``."""
    distributions = importlib.metadata.packages_distributions()
    problems = []
    for module, files in sorted(imports.items()):
        names = distributions.get(module)
        if not names:
            problems.append(f"{module} (imported by {files[0]}) belongs to no installed distribution")
        elif not any(normalise(name) in pinned for name in names):
            problems.append(f"{module} (imported by {files[0]}): {', '.join(names)} is not pinned")
    return problems


def read(name):
    return (ROOT / name).read_text(encoding="utf-8")


def test_every_package_the_runtime_imports_is_pinned_in_requirements_in():
    assert unpinned(third_party_imports(RUNTIME_CODE), pins(read("requirements.in"))) == []


def test_every_package_the_runtime_imports_is_locked_with_hashes_in_requirements_txt():
    assert unpinned(third_party_imports(RUNTIME_CODE), hashed_pins(read("requirements.txt"))) == []


def test_the_runtime_code_imports_no_test_package():
    imports = third_party_imports(RUNTIME_CODE)
    assert {module: files for module, files in imports.items() if module in TEST_ONLY_MODULES} == {}


def test_the_runtime_lock_holds_no_test_package():
    test_only = {"pytest", "pytest-django", "time-machine", "hypothesis", "playwright", "pypdf"}
    assert test_only & set(pins(read("requirements.txt"))) == set()
    assert test_only <= hashed_pins(read("requirements-test.txt"))


def test_every_package_the_tests_and_benchmarks_import_is_locked_in_requirements_test_txt():
    assert unpinned(third_party_imports(TEST_CODE), hashed_pins(read("requirements-test.txt"))) == []


def test_every_lock_entry_has_a_hash():
    for lock in ("requirements.txt", "requirements-test.txt"):
        text = read(lock)
        assert set(pins(text)) == hashed_pins(text), lock


def test_an_unpinned_or_test_import_is_reported(tmp_path):
    """The checks above can fail: a runtime module importing an unpinned package and a test package."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "views.py").write_text(
        "import os\nfrom app import views\nimport phonenumbers\nfrom django.db import models\nimport time_machine\n"
    )
    imports = third_party_imports(["app"], root=tmp_path)
    assert sorted(imports) == ["django", "phonenumbers", "time_machine"]
    problems = unpinned(imports, pins("Django==5.2.19\n"))
    assert [problem.split(" ")[0] for problem in problems] == ["phonenumbers", "time_machine"]
    assert hashed_pins("phonenumbers==9.0.43 \\\n    --hash=sha256:abc\ndjango==5.2.19\n") == {"phonenumbers"}


@pytest.mark.parametrize("lock", ["requirements.txt", "requirements-test.txt"])
def test_each_lock_says_how_to_regenerate_it(lock):
    assert "make lock" in read(lock)[:400]
