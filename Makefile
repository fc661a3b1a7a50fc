# Two commands do all the set-up on a fresh Debian/Ubuntu machine:
#   make run   - virtual environment from pinned requirements, then the app on http://localhost:8501
#   make test  - everything the tests need (Chromium and Node.js included), then the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# The treaty datasets: the YAML files in data/ with a top-level `treaty:` key (other YAML there, such as
# lists the validation reads, is not a treaty).
DATASETS = $(shell grep -l '^treaty:' data/*.yaml)

.PHONY: run test bench validate geometry mutate chromium node clean

run: $(VENV)/.runtime
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: $(VENV)/.dev chromium node node_modules/.package-lock.json
	$(BIN)/python -m treaty validate $(DATASETS)
	$(BIN)/python -m pytest

bench: $(VENV)/.dev chromium
	$(BIN)/python -m benchmarks

validate: $(VENV)/.runtime
	$(BIN)/python -m treaty validate $(DATASETS)

# Mutation testing of the pure layers (setup.cfg [mutmut]); long (see tests/README.md). Not part of `make test`.
# Survivors: `$(BIN)/mutmut results`, `$(BIN)/mutmut show NAME`; verdicts in tests/README.md.
mutate: $(VENV)/.dev
	rm -rf mutants
	nice $(BIN)/mutmut run --max-children 2
	$(BIN)/mutmut export-cicd-stats
	$(BIN)/python -m tests.mutation_score

# Rebuild data/world.geojson from the hash-checked Natural Earth source (a build-time input).
geometry: $(VENV)/.dev
	$(BIN)/python -m geo.build

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# Browser tests drive Debian's Chromium through Playwright; Playwright's own browser download is not used.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The browser's timeline controller is tested by Node's built-in test runner (tests/js); npm installs axe-core.
node:
	@{ command -v node && command -v npm; } >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }

# axe-core (pinned in package.json, locked in package-lock.json): the browser tests inject it into the page
# and the map frame to check WCAG 2.0-2.2 A/AA. Test-only; nothing here is served to users.
node_modules/.package-lock.json: package.json package-lock.json | node
	npm ci --no-audit --no-fund --silent

clean:
	rm -rf $(VENV) .pytest_cache build mutants node_modules
