# wagtail-kratom: `make demo` runs the demo site, `make test` runs the test suite,
# `make bench` measures the package against plain Wagtail (docs/performance.md).
# Both create the virtual environment in .venv when it is missing.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python demo_site/manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test bench eval-audit lint check-migrations wheel clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install when the project's metadata changes, not on every run.
$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable . --group $*
	touch $@

demo: export WAGTAILADMIN_BASE_URL = http://$(HOST):$(PORT)
demo: $(VENV)/.installed-demo
	$(MANAGE) migrate --no-input
	$(MANAGE) load_initial_data
	@echo "Serving the demo at http://$(HOST):$(PORT)/, with the worker for admin import batches (Ctrl+C stops both)"
	$(MANAGE) db_worker --backend imports --queue-name '*' & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver $(HOST):$(PORT)

# One worker per CPU (PYTEST_WORKERS=0 runs in this process); a file's tests share a worker and its fixtures.
PYTEST_WORKERS ?= auto
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest --numprocesses=$(PYTEST_WORKERS) --dist=loadfile $(PYTEST_ARGS)

# The serving section loads the site with wrk, from Debian; installed here when it is missing and we may.
bench: $(VENV)/.installed-bench
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } || \
		echo "wrk is missing and could not be installed: the serving section will be skipped."
	$(BIN)/python -m bench $(BENCH_ARGS)

# The claim audit's precision and recall on the labelled corpus's untouched test split
# (docs/importer-and-audit.md); EVAL_ARGS="--check" fails when a target is missed.
eval-audit: $(VENV)/.installed-test
	$(BIN)/python eval/evaluate_audit.py $(EVAL_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check wagtail_kratom
	$(BIN)/lint-imports

check-migrations: $(VENV)/.installed-test
	$(MANAGE) makemigrations --check --dry-run

wheel: $(VENV)/.installed-dev
	rm -rf dist
	$(BIN)/python -m build --outdir dist
	$(BIN)/twine check --strict dist/*

clean:
	rm -rf $(VENV) dist build *.egg-info demo_site/db.sqlite3 bench-results
