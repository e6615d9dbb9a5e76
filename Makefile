# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test check lint format bench screenshot chromium clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Re-install whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test,dev]"
	touch $@

## make run: install, then start the app on its bundled data (http://localhost:$(PORT))
run: $(VENV)/.installed
	$(PY) -m streamlit run app.py --server.port $(PORT)

## make test: install (with Chromium for the browser tests), then run every test
test: $(VENV)/.installed chromium
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q

## Chromium for the browser tests and PNG snapshots: Debian's package, else Playwright's.
chromium:
	@if command -v chromium >/dev/null 2>&1; then \
		echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else \
		$(PY) -m playwright install chromium; \
	fi

## make check: lint, format check and type check
check: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## make bench: timings, printed as a Markdown table (copy into BENCHMARKS.md)
bench: $(VENV)/.installed chromium
	$(PY) benchmarks/bench_routing.py
	$(PY) benchmarks/bench_snapshots.py
	$(PY) benchmarks/bench_app.py

clean:
	rm -rf $(VENV) static/vendor artifacts .pytest_cache .ruff_cache .mypy_cache
