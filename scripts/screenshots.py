"""Screenshot every page at desktop and phone width in Debian's headless Chromium.

Usage: python scripts/screenshots.py [OUT_DIR]  (starts its own server on a free port)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, running_app, wait_for_app

PAGES = {"overview": "", "salaries": "salaries", "skills": "skills", "aws-services": "aws_services"}
WIDTHS = {"desktop": (1440, 1000), "phone": (390, 844)}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with running_app() as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size_name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in PAGES.items():
                page.goto(f"{base}/{path}")
                wait_for_app(page)
                # Streamlit scrolls inside its own container, so grow the window to the content.
                tall = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                page.set_viewport_size({"width": width, "height": max(height, tall)})
                page.wait_for_timeout(500)
                target = out / f"{name}-{size_name}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)
                page.set_viewport_size({"width": width, "height": height})
            page.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/screenshots"))
