# Two commands on a fresh machine: `make site` and `make test`. Each makes its own
# virtual environment and installs what it needs from this repository's files.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site serve private test test-oldest test-newest lock clean bench

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	touch $@

# The tested set: every package pinned and hashed in requirements/ (`make lock` writes it), so a
# fresh machine gets what CI tested. careerfolio itself goes in editable, built without isolation
# by the pinned hatchling, so nothing unpinned is fetched.
$(VENV)/.installed: $(BIN)/activate requirements/site.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/site.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements/test.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.txt
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
	$(BIN)/ruff check plugin tests benchmarks requirements
	$(BIN)/ruff format --check plugin tests benchmarks requirements
	$(BIN)/mypy
	$(BIN)/python -m pytest
	# The end-to-end tests again with every speed trick off: the builds must hold without them too. Left out: what
	# tests packaging, other engines, publishing or the commands, and collisions, which the plan settles before any trick.
	CAREERFOLIO_SPEED_TRICKS=off $(BIN)/python -m pytest -q -p no:cacheprovider tests/e2e --ignore=tests/e2e/cli \
		--ignore=tests/e2e/test_wheel.py --ignore=tests/e2e/test_first_hour.py --ignore=tests/e2e/test_engines.py \
		--ignore=tests/e2e/test_deploy.py --ignore=tests/e2e/test_collisions.py

## Run the suite on the lowest versions pyproject.toml allows (requirements/oldest.txt).
test-oldest: node_modules/.installed
	rm -rf .venv-oldest && $(PYTHON) -m venv .venv-oldest
	.venv-oldest/bin/python -m pip install --quiet --require-hashes -r requirements/oldest.txt
	.venv-oldest/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	.venv-oldest/bin/python -m pytest -p no:cacheprovider

## An early warning: the suite on the newest releases, and what differs from the tested set. Never blocks the lock.
test-newest: node_modules/.installed
	rm -rf .venv-newest && $(PYTHON) -m venv .venv-newest
	.venv-newest/bin/python -m pip install --quiet --upgrade pip
	.venv-newest/bin/python -m pip install --quiet --upgrade -e '.[test]'
	.venv-newest/bin/python requirements/lock.py --compare
	.venv-newest/bin/ruff check plugin tests benchmarks requirements
	.venv-newest/bin/mypy
	.venv-newest/bin/python -m pytest -p no:cacheprovider

## Move every pin in requirements/ to the newest release pyproject.toml allows (ARGS=--keep: only what it changed).
lock: $(VENV)/.installed-test
	$(BIN)/python requirements/lock.py $(ARGS)

## Benchmark against plain MkDocs and Material's blog (QUICK=1: small sizes); not part of `make test`.
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py $(if $(QUICK),--quick) $(BENCH_ARGS)

clean:
	rm -rf site site-private .venv .venv-oldest .venv-newest build dist node_modules test-artifacts
