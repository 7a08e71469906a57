# Two commands on a fresh machine: `make site` and `make test`. Each makes its own
# virtual environment and installs what it needs from this repository's files.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site serve private test lint typecheck unit clean bench

$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# axe-core and the Nu HTML Checker for the browser checks, at the versions package-lock.json pins.
# Install scripts stay off: vnu-jar's would download a Java runtime; the system's Java runs it.
# Without npm the browser checks skip (they fail instead under CI=true).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund && touch $@; \
	else echo "npm not found: the accessibility and HTML checks will skip"; fi

## Build the example career's public portfolio into site/.
site: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

## Build the private dashboard into site-private/ (git-ignored).
private: $(VENV)/.installed
	CAREERFOLIO_AUDIENCE=private $(BIN)/mkdocs build --strict

## Serve the private site on the loopback address.
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve --dirty

## Lint, type check and run every test.
test: $(VENV)/.installed-test node_modules/.installed
	$(BIN)/ruff check plugin tests benchmarks
	$(BIN)/ruff format --check plugin tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

## Benchmark against plain MkDocs and Material's blog (QUICK=1: small sizes); not part of `make test`.
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py $(if $(QUICK),--quick) $(BENCH_ARGS)

clean:
	rm -rf site site-private .venv build dist node_modules test-artifacts
