"""Page weight in Chromium: bytes transferred and requests for a page, 360-px viewport, cold cache.

    .venv/bin/python bench/page_weight.py http://127.0.0.1:8000 /catalogue/ [/other/path/ …]

(bench/run.sh runs it against its gunicorn for the all-products page and a category page.) Each page
is loaded in a new browser context (an empty cache, no cookies) of Debian's Chromium through
Playwright, as a phone: 360 × 780 CSS pixels, device scale factor 2, touch, a mobile user agent.
Transferred bytes are Chromium's own count (``Network.loadingFinished`` → ``encodedDataLength``:
headers and the body as sent, compressed when it was), per request, grouped by resource type. Two
figures per page: at ``load`` + network idle (what the first screen costs), and after scrolling to the
bottom (lazy images loaded too).
"""

import json
import sys
from collections import defaultdict

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 360, "height": 780}
MOBILE_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Mobile Safari/537.36"
)


class _Recorder:
    def __init__(self):
        self.requests = {}
        self.bytes = {}
        self.failed = []

    def on_request(self, event):
        if event["request"]["url"].startswith("data:"):
            return
        self.requests[event["requestId"]] = {"url": event["request"]["url"], "type": event.get("type", "Other")}

    def on_response(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["status"] = event["response"]["status"]
            entry["type"] = event.get("type", entry["type"])

    def on_finished(self, event):
        if event["requestId"] in self.requests:
            self.bytes[event["requestId"]] = event["encodedDataLength"]

    def on_failed(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            self.failed.append(entry["url"])

    def snapshot(self):
        by_type = defaultdict(lambda: {"requests": 0, "bytes": 0})
        for request_id, entry in self.requests.items():
            kind = entry["type"].lower()
            by_type[kind]["requests"] += 1
            by_type[kind]["bytes"] += self.bytes.get(request_id, 0)
        bad = [entry["url"] for entry in self.requests.values() if entry.get("status", 200) >= 400]
        largest = sorted(
            ((self.bytes.get(request_id, 0), entry["url"]) for request_id, entry in self.requests.items()), reverse=True
        )[:6]
        return {
            "requests": len(self.requests),
            "bytes": sum(self.bytes.values()),
            "by_type": dict(by_type),
            "errors": bad + self.failed,
            "largest": largest,
        }


def measure(base_url, paths):
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for path in paths:
                context = browser.new_context(
                    viewport=VIEWPORT,
                    device_scale_factor=2,
                    is_mobile=True,
                    has_touch=True,
                    user_agent=MOBILE_UA,
                    locale="vi-VN",
                )
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                recorder = _Recorder()
                cdp.on("Network.requestWillBeSent", recorder.on_request)
                cdp.on("Network.responseReceived", recorder.on_response)
                cdp.on("Network.loadingFinished", recorder.on_finished)
                cdp.on("Network.loadingFailed", recorder.on_failed)
                cdp.send("Network.enable")
                cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
                page.goto(base_url + path, wait_until="load")
                page.wait_for_load_state("networkidle")
                first = recorder.snapshot()
                height = page.evaluate("document.body.scrollHeight")
                for y in range(0, height + VIEWPORT["height"], VIEWPORT["height"]):
                    page.evaluate(f"window.scrollTo(0, {y})")
                    page.wait_for_timeout(150)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
                results[path] = {"first_screen": first, "scrolled": recorder.snapshot(), "page_height_px": height}
                context.close()
        finally:
            browser.close()
    return results


def print_results(results):
    print(f"{'page (360 px, cold cache)':<44} {'requests':>8} {'KB':>8}   by type (requests/KB)")
    for path, result in results.items():
        for label in ("first_screen", "scrolled"):
            figures = result[label]
            kinds = ", ".join(
                f"{kind} {value['requests']}/{value['bytes'] / 1024:.0f}"
                for kind, value in sorted(figures["by_type"].items(), key=lambda kv: -kv[1]["bytes"])
            )
            name = f"{path} ({'load + idle' if label == 'first_screen' else 'scrolled to the end'})"
            print(f"{name:<44} {figures['requests']:>8} {figures['bytes'] / 1024:>8.1f}   {kinds}")
            if label == "first_screen":
                print(
                    "    largest: "
                    + ", ".join(
                        f"{url.split('/', 3)[-1][:60]} {size / 1024:.0f} KB" for size, url in figures["largest"]
                    )
                )
            if figures["errors"]:
                print(f"    failed or ≥ 400: {figures['errors'][:10]}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    measured = measure(sys.argv[1].rstrip("/"), sys.argv[2:])
    print_results(measured)
    print("BENCH-JSON " + json.dumps(measured))
