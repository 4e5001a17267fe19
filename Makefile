# Two commands do all the set-up on a fresh Debian/Ubuntu machine with Python 3.11 or newer:
#   make run    creates .venv, installs the app's packages into it and starts the app (serve.py) on http://localhost:8501
#   make test   also installs the test tools and Debian's Chromium, then runs lint and the whole suite
# Everything Python goes into the project's own .venv: Debian's and Ubuntu's python3 refuse a pip
# install into the system (PEP 668), and a project should not touch it anyway.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --quiet --disable-pip-version-check
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
APT := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get

.PHONY: run test chromium screenshots bench venv

run: $(VENV)/.runtime
	$(PY) -m streamlit run serve.py

test: chromium $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	# Two workers (requirements-dev.txt says why); by file, so a file's live server starts once.
	$(PY) -m pytest -n 2 --dist loadfile

venv: $(PY)

# Debian ships venv and ensurepip apart from python3 (package python3-venv); install it when missing.
$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed; $(PYTHON) is $$($(PYTHON) --version 2>&1)." >&2; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
		$(APT) update -qq && $(APT) install -y -qq python3-venv >/dev/null; }
	$(PYTHON) -m venv $(VENV)

# Stamps: reinstall only when a requirements file changes.
$(VENV)/.runtime: requirements.txt | $(PY)
	$(PIP) -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

# The browser tests drive Debian's Chromium (Playwright's own browser download does not work
# offline); the replica test puts Debian's HAProxy in front of two app processes.
chromium:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/sbin/haproxy ] || \
		! fc-list 2>/dev/null | grep -qi "noto color emoji"; then \
		$(APT) update -qq && $(APT) install -y -qq chromium fonts-noto-color-emoji haproxy >/dev/null; \
	fi

screenshots: chromium $(VENV)/.dev
	$(PY) scripts/screenshots.py docs/screenshots

# plotly.js for dashboard/app/chart.py: only the core and the trace types the figures draw
# (build/plotly/entry.js), bundled from the npm packages build/plotly/package-lock.json pins (plotly.js
# 4.1.1, the version plotly 7.1.0 bundles). 1.4 MB instead of the full 4.8 MB, which first loads parse
# on every page. Built, never committed (.gitignore); served by Streamlit's static serving.
PLOTLY_JS := static/vendor/plotly-dashboard-4.1.1.min.js
NPM := npm --prefix build/plotly --no-audit --no-fund --loglevel=error

.PHONY: plotly-js
plotly-js: $(PLOTLY_JS)
run: $(PLOTLY_JS)
test: $(PLOTLY_JS)
screenshots: $(PLOTLY_JS)

# Debian's nodejs and npm where the machine has none; npm ci takes exactly the lock from the registry.
# --ignore-scripts: esbuild's postinstall only swaps its JS launcher for the binary, which the launcher
# finds without it. CSS is dropped: plotly.js injects its own styles, maplibre's are for map traces.
$(PLOTLY_JS): build/plotly/package-lock.json build/plotly/entry.js
	@command -v npm >/dev/null || { $(APT) update -qq && $(APT) install -y -qq nodejs npm >/dev/null; }
	$(NPM) ci --ignore-scripts
	@mkdir -p $(@D)
	build/plotly/node_modules/.bin/esbuild build/plotly/entry.js --bundle --minify --format=iife \
		--global-name=Plotly --target=es2016 --define:global=window --define:define.amd=false \
		--loader:.css=empty --log-level=warning --outfile=$@.tmp
	@mv $@.tmp $@
