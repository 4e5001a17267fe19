# Two commands do all the set-up on a fresh Debian/Ubuntu machine with Python 3.11:
#   make run    installs the app's packages and starts it on http://localhost:8501
#   make test   installs the test tools and Debian's Chromium, then runs lint and the whole suite
PYTHON ?= python3
PIP := $(PYTHON) -m pip install --quiet --disable-pip-version-check
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: run test chromium screenshots

run:
	$(PIP) -r requirements.txt
	$(PYTHON) -m streamlit run app.py

test: chromium
	$(PIP) -r requirements-dev.txt
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m pytest

# The browser tests drive Debian's Chromium; Playwright's own browser download does not work offline.
chromium:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "noto color emoji"; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null; \
	fi

screenshots: chromium
	$(PIP) -r requirements-dev.txt
	$(PYTHON) scripts/screenshots.py docs/screenshots
