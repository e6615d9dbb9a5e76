# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test check lint format bench screenshot chromium fonts pdftools i18n clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Re-install whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test,dev]"
	touch $@

## make run: install, then start the app on its bundled data (http://localhost:$(PORT)),
## warmed: serve.py runs the default lane once before the server answers
run: $(VENV)/.installed
	$(PY) serve.py --server.port $(PORT)

## make test: install (with Chromium for the browser tests), then run every test
test: $(VENV)/.installed chromium fonts pdftools
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q

## Chromium for the browser tests and PNG snapshots: Debian's package, else Playwright's.
chromium:
	@if command -v chromium >/dev/null 2>&1; then \
		echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-cjk >/dev/null; \
	else \
		$(PY) -m playwright install chromium; \
	fi

## Noto Sans CJK (SIL OFL) for Chinese slides: Debian's fonts-noto-cjk when root with apt (as
## Chromium, which finds it through fontconfig), else the PyPI wheel noto-cjk-sans-otc
## (OFL-1.1, 15 MB, Regular only: bold Chinese is drawn in the regular weight).
fonts: $(VENV)/.installed
	@if fc-list 2>/dev/null | grep -q "Noto Sans CJK SC"; then \
		echo "fonts: Noto Sans CJK SC: $$(fc-match -f '%{file}' 'Noto Sans CJK SC')"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; \
	elif $(PY) -c "import noto_cjk_sans_otc" 2>/dev/null; then \
		echo "fonts: Noto Sans CJK from the noto-cjk-sans-otc wheel (matplotlib reads it; Chromium is given a fontconfig file for it)"; \
	else \
		$(PY) -m pip install --quiet noto-cjk-sans-otc; \
	fi

## poppler's pdftotext for tests/test_pdf_text.py: the slides' text must come out whole in the
## reader of Evince and Okular too (the text itself is read with pypdf, from the test extra).
## Debian's poppler-utils when root with apt; else that test is skipped.
pdftools:
	@if command -v pdftotext >/dev/null 2>&1; then \
		echo "pdftools: $$(command -v pdftotext)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; \
	else \
		echo "pdftools: no pdftotext: install poppler-utils (tests/test_pdf_text.py needs it)" >&2; exit 1; \
	fi

## make i18n: re-extract the messages (tr("...") and N_("...")) and update the catalogues;
## then fill every empty msgstr in geo/locale/zh/LC_MESSAGES/geo.po (a test checks none is empty)
i18n: $(VENV)/.installed
	$(VENV)/bin/pybabel extract -F babel.cfg -k tr -k N_ --no-location --sort-output \
		--project=pacific-lane --copyright-holder="pacific-lane contributors" -o geo/locale/geo.pot geo app.py app_pages
	$(VENV)/bin/pybabel update -i geo/locale/geo.pot -d geo/locale -D geo -l zh --no-fuzzy-matching --width 100

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
