"""The benchmark scripts (bench/*.py) are run by hand or by bench/run.sh, never by the test suite: a helper they
import that moved away breaks them silently until the next load run (bench/scale_catalogue.py, which prepares
every load run, failed on a demo helper's new home). The scripts are imported in a fresh interpreter (they set
Django up and patch clients at import, which must not leak into this session), under the test settings, each on
its own so that one failure does not hide another."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Not scripts: the settings and URLs the benchmarks' gunicorn loads (production checks, apps loaded first).
NOT_SCRIPTS = {"__init__", "settings", "urls"}
SCRIPTS = sorted(path.stem for path in (ROOT / "bench").glob("*.py") if path.stem not in NOT_SCRIPTS)


def test_every_benchmark_script_is_checked():
    assert {"scale_catalogue", "load", "profile_pages", "national_scale"} <= set(SCRIPTS)


IMPORT_EACH = """
import importlib, json, sys, traceback
failed = {}
for name in sys.argv[1:]:
    try:
        importlib.import_module("bench." + name)
    except Exception:
        failed[name] = traceback.format_exc(limit=3)
print(json.dumps(failed))
"""


def test_every_benchmark_script_imports():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "shop.settings.test"}
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_EACH, *SCRIPTS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    failed = json.loads(done.stdout.strip().splitlines()[-1])
    assert failed == {}, "\n".join(f"bench/{name}.py: {error}" for name, error in failed.items())
