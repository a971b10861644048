# Two commands for a newcomer (see README.md):
#   make serve   create .venv, install the pinned dependencies, build and serve the site
#   make test    run every test
# Others: make build (build into site/), make check (check the data only), make published-links
# (at a release: add the site's current links to docs/data/published-links.txt), make
# field-reference (rewrite editing/fields.md after changing hooks/guidance/records.py), make lock
# (refresh requirements.txt after changing requirements.in), make offline (the offline edition:
# a zip in dist/ that works opened from a shared drive), make pdf (the guide on paper: the whole
# guide and each section of the navigation as PDFs in dist/pdf/).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

# Material for MkDocs prints a notice about its end of life on every run; README.md ("Dependencies") covers it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check published-links field-reference lock clean offline pdf

serve: $(INSTALLED)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(INSTALLED)
	$(BIN)/python -m pytest

build: $(INSTALLED)
	$(BIN)/mkdocs build

check: $(INSTALLED)
	$(BIN)/python hooks/commands.py check

published-links: $(INSTALLED)
	$(BIN)/python hooks/commands.py published-links

offline: $(INSTALLED)
	$(BIN)/python hooks/commands.py offline --out dist

pdf: $(INSTALLED)
	$(BIN)/python hooks/commands.py pdf --out dist/pdf

field-reference: $(INSTALLED)
	$(BIN)/python hooks/commands.py field-reference

$(INSTALLED): requirements.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed: install it, then run make again."; exit 1; }
	$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian, apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	touch $(INSTALLED)

lock:
	$(PYTHON) -m venv .lock-venv && .lock-venv/bin/python -m pip install --quiet pip-tools
	.lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) site .pytest_cache
