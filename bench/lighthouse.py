"""Lighthouse on the storefront as a phone sees it: home, catalogue, a product page and a search page, in Vietnamese.

    bash bench/lighthouse.sh                 # throwaway PostgreSQL + Elasticsearch, demo data, gunicorn, this
    BENCH_LIGHTHOUSE_URL=http://127.0.0.1:8000 .venv/bin/python bench/lighthouse.py   # a site already running

Expects the environment of bench/common.sh (a prepared database, bench.settings) unless BENCH_LIGHTHOUSE_URL
names a running site (its database must then be the one DATABASE_URL names, to pick the product). Lighthouse
12.2.3 is installed once with npm into var/lighthouse (the machine's Node.js 20); it drives Debian's Chromium
(/usr/bin/chromium, headless, no sandbox), mobile form factor and simulated throttling (its defaults: a
Moto G Power on slow 4G). Each page is audited BENCH_LIGHTHOUSE_RUNS times (1) and the median performance run is
kept. Then the first screen's transferred bytes come from bench/page_weight.py (Chromium, 360 px, cold cache).
Prints a table, the failing audits of every category under its target, and a ``BENCH-JSON`` line.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_DIR = Path(os.environ.get("BENCH_LIGHTHOUSE_DIR", ROOT / "var" / "lighthouse"))
LIGHTHOUSE_BIN = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", 1))
SEARCH_QUERY = "chè shan tuyết"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Issue 21's targets, in Lighthouse's 0–100 scores, and the first screen's weight in KB.
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FIRST_SCREEN_KB = 250


def install():
    """Lighthouse at the pinned version in var/lighthouse, installed by npm once."""
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    if package.exists() and json.loads(package.read_text()).get("version") == LIGHTHOUSE_VERSION:
        return
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    manifest = LIGHTHOUSE_DIR / "package.json"
    if not manifest.exists():
        manifest.write_text('{"private": true}\n')
    print(f"Installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR}…", flush=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        cwd=LIGHTHOUSE_DIR,
        check=True,
    )


def pick_pages():
    """The four pages: home, the all-products list, a listed demo product with a picture, a search."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from catalogue.listing import for_sale

    listed = for_sale().filter(images__isnull=False).distinct()
    product = listed.exclude(upc__startswith="BENCH-").order_by("pk").first() or listed.order_by("pk").first()
    return {
        "home": "/",
        "catalogue": "/catalogue/",
        "product": product.get_absolute_url(),
        "search": "/search/?" + urlencode({"q": SEARCH_QUERY}),
    }


def audit(url, attempts=3):
    """One Lighthouse run (mobile, its default throttling) of ``url``: the parsed JSON report. Lighthouse sometimes
    loses its own trace of the load ("NO_NAVSTART … Please run Lighthouse again"): such a run is run again."""
    for attempt in range(1, attempts + 1):
        try:
            return _audit_once(url)
        except LighthouseAskedForARerun as error:
            if attempt == attempts:
                raise
            print(f"    lighthouse asked for another run of {url}: {error}", flush=True)


class LighthouseAskedForARerun(RuntimeError):
    pass


def _audit_once(url):
    from bench.page_weight import CHROMIUM, CHROMIUM_ARGS

    profile = tempfile.mkdtemp(prefix="lighthouse-chrome-")
    try:
        flags = " ".join([*CHROMIUM_ARGS, f"--user-data-dir={profile}"])
        completed = subprocess.run(
            [
                str(LIGHTHOUSE_BIN),
                url,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-path={CHROMIUM}",
                f"--chrome-flags={flags}",
                "--extra-headers=" + json.dumps({"Accept-Language": "vi-VN,vi;q=0.9"}),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if completed.returncode != 0:
        error = LighthouseAskedForARerun if "Please run Lighthouse again" in completed.stderr else RuntimeError
        raise error(f"lighthouse failed on {url}:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout)


def summarise(report):
    """Scores (0–100), the audits that cost points in a category under its target, and the byte weight."""
    scores, failing = {}, {}
    for name in CATEGORIES:
        category = report["categories"][name]
        scores[name] = round((category["score"] or 0) * 100)
        if scores[name] >= TARGETS[name]:
            continue
        lost = []
        for ref in category["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and result.get("score") is not None and result["score"] < 1:
                shown = f", {result['displayValue']}" if result.get("displayValue") else ""
                where = "; ".join(_nodes(result)[:3]) if name != "performance" else ""
                lost.append(f"{ref['id']} ({round(result['score'] * 100)}{shown}){' at ' + where if where else ''}")
        failing[name] = lost
    opportunities = [
        f"{audit_id} ({result.get('displayValue', '')})"
        for audit_id, result in report["audits"].items()
        if result.get("details", {}).get("type") == "opportunity"
        and result.get("score") is not None
        and result["score"] < 0.9
    ]
    metrics = {
        key: report["audits"][key].get("displayValue", "")
        for key in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
            "speed-index",
        )
    }
    total_kb = report["audits"]["total-byte-weight"]["numericValue"] / 1024
    return {
        "scores": scores,
        "failing": failing,
        "opportunities": opportunities,
        "metrics": metrics,
        "lighthouse_total_kb": round(total_kb, 1),
        "lcp_element": _lcp_element(report),
    }


def _nodes(result):
    """The elements an audit names: their CSS path in the page, for the report."""
    items = result.get("details", {}).get("items", [])
    return [item["node"].get("selector", "")[-80:] for item in items if isinstance(item.get("node"), dict)]


def _lcp_element(report):
    items = report["audits"].get("largest-contentful-paint-element", {}).get("details", {}).get("items", [])
    for item in items:
        for sub in item.get("items", []):
            node = sub.get("node")
            if node:
                return node.get("snippet", "")[:120]
    return ""


def run(base_url, pages):
    install()
    results = {}
    for name, path in pages.items():
        runs = [summarise(audit(base_url + path)) for _ in range(RUNS)]
        runs.sort(key=lambda result: result["scores"]["performance"])
        results[name] = {"path": path, **runs[len(runs) // 2]}
        print(f"  {name}: {results[name]['scores']}", flush=True)
    from bench import page_weight

    weights = page_weight.measure(base_url, list(pages.values()))
    for name, path in pages.items():
        results[name]["first_screen_kb"] = round(weights[path]["first_screen"]["bytes"] / 1024, 1)
        results[name]["first_screen_requests"] = weights[path]["first_screen"]["requests"]
        results[name]["scrolled_kb"] = round(weights[path]["scrolled"]["bytes"] / 1024, 1)
        results[name]["largest"] = [
            f"{url.split('/', 3)[-1][:60]} {size / 1024:.0f} KB"
            for size, url in weights[path]["first_screen"]["largest"]
        ]
    return results


def print_table(results):
    header = "| page | performance | accessibility | best practices | SEO | first screen KB (requests) | scrolled KB |"
    lines = [header, "|" + "---|" * 7]
    for name, result in results.items():
        scores = result["scores"]
        lines.append(
            f"| {name} | {scores['performance']} | {scores['accessibility']} | {scores['best-practices']} | "
            f"{scores['seo']} | {result['first_screen_kb']:.0f} ({result['first_screen_requests']}) | "
            f"{result['scrolled_kb']:.0f} |"
        )
    print("\n".join(lines))
    print()
    met = True
    for name, result in results.items():
        print(f"{name} {result['path']}: {', '.join(f'{k} {v}' for k, v in result['metrics'].items())}")
        if result["lcp_element"]:
            print(f"    LCP element: {result['lcp_element']}")
        print(f"    first screen largest: {', '.join(result['largest'])}")
        for category, audits in result["failing"].items():
            met = False
            print(f"    {category} {result['scores'][category]} < {TARGETS[category]}: {', '.join(audits) or '-'}")
        if result["opportunities"]:
            print(f"    opportunities: {', '.join(result['opportunities'])}")
        if result["first_screen_kb"] > FIRST_SCREEN_KB:
            met = False
            print(f"    first screen {result['first_screen_kb']:.0f} KB > {FIRST_SCREEN_KB} KB")
    print("All targets met." if met else "Some targets are not met (above).")
    return met


def main():
    pages = pick_pages()
    base_url = os.environ.get("BENCH_LIGHTHOUSE_URL", "").rstrip("/")
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile, {RUNS} run(s) per page (median performance kept):", flush=True)
    if base_url:
        results = run(base_url, pages)
    else:
        from bench.harness import Gunicorn

        # As in production: the page cache on (a first-time visitor's pages come from it once warmed).
        with Gunicorn(workers=int(os.environ.get("BENCH_WORKERS", 0)) or None) as server:
            for path in pages.values():
                requests.get(server.url + path, timeout=60)
            results = run(server.url, pages)
    print()
    print_table(results)
    print("BENCH-JSON " + json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
