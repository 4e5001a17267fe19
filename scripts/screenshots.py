"""Screenshot every page at desktop and phone width, in the light and the dark theme, in Debian's Chromium.

Usage: python scripts/screenshots.py [OUT_DIR] [--only NAME ...] [--light-only]
(starts its own server on a free port)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dashboard.app.shell import PAGES as APP_PAGES
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, running_app, wait_for_app

# Every page, plus views a page only shows with a parameter.
PAGES = {spec.url_path or "overview": spec.url_path for spec in APP_PAGES} | {
    "salaries-usd": "salaries?unit=usd",
    "salaries-ppp-gb-in": "salaries?unit=ppp&region=GB&region=IN",
}
WIDTHS = {"desktop": (1440, 900), "phone": (390, 844)}


def main(out: Path, only: list[str], themes: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with running_app() as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for theme in themes:
            for size_name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=theme)
                for name, path in PAGES.items():
                    if only and name not in only:
                        continue
                    page.goto(f"{base}/{path}")
                    wait_for_app(page)
                    # Streamlit scrolls inside its own container, so grow the window to the content.
                    tall = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                    page.set_viewport_size({"width": width, "height": max(height, tall)})
                    page.wait_for_timeout(500)
                    target = out / f"{name}-{size_name}-{theme}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
                    page.set_viewport_size({"width": width, "height": height})
                page.close()
        browser.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="/tmp/screenshots", type=Path)
    parser.add_argument("--only", nargs="*", default=[], help="page names, e.g. salaries salaries-usd")
    parser.add_argument("--light-only", action="store_true")
    args = parser.parse_args()
    main(args.out, args.only, ["light"] if args.light_only else ["light", "dark"])
