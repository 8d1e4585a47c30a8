# Samskap — every command a developer or operator needs. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DATA_DIR ?= $(CURDIR)/data

.PHONY: run serve test bench bench-matching bench-live messages compilemessages install migrate demo check clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.copied: node_modules/.installed scripts/vendor_static.py
	$(PY) scripts/vendor_static.py
	touch $@

install: $(VENV)/.installed static/vendor/.copied compilemessages

compilemessages: $(VENV)/.installed
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: install
	$(PY) manage.py migrate --noinput -v 0

demo: migrate
	$(PY) manage.py load_demo

## make run: install everything, migrate, load the demo (changes nothing once loaded), serve pages and the live
## workshops' WebSockets on 127.0.0.1:$(PORT) (uvicorn, reloading on code changes; in-memory channel layer)
run: demo
	@echo "Samskap is starting on http://127.0.0.1:$(PORT)/ (data in $(DATA_DIR))"
	@echo "The task worker (e-mail, reminders, waiting lists) logs to $(DATA_DIR)/worker.log"
	PYTHON=$(PY) scripts/worker.sh >>"$(DATA_DIR)/worker.log" 2>&1 & trap 'kill $$! 2>/dev/null' EXIT INT TERM; \
	DJANGO_SETTINGS_MODULE=config.settings.dev $(VENV)/bin/uvicorn config.asgi:application --host 127.0.0.1 --port $(PORT) \
	  --reload --reload-dir samskap --reload-dir config --reload-dir templates --log-level warning

## make serve: production-like (DEBUG off, gunicorn, whitenoise), same DATA_DIR
serve: install
	PORT=$(PORT) ./scripts/serve.sh

## make test: the whole suite (SQLite, or PostgreSQL when DATABASE_URL is set)
test: install
	$(PY) -m pytest -n $${PYTEST_WORKERS:-auto} --dist loadfile -q

bench: install
	$(PY) benchmarks/bench.py

## make bench-matching: time suggested matches in-process at 100,000 organisations and 50,000 ads
bench-matching: install
	$(PY) benchmarks/bench_matching.py

## make bench-live: 300 participants join one vision battle over WebSockets and vote in three rounds (uvicorn on a
## temporary SQLite database, or DATABASE_URL; BENCH_LIVE_ARGS="--servers 2" with REDIS_URL for two processes)
bench-live: install
	$(PY) benchmarks/bench_live.py $(BENCH_LIVE_ARGS)

## make messages: refresh the sv, nb and da catalogues from the code and templates
messages: $(VENV)/.installed
	$(PY) manage.py makemessages -l sv -l nb -l da --ignore=.venv --ignore=node_modules --ignore=data --no-obsolete


check: install
	$(PY) manage.py check

clean:
	rm -rf $(VENV) node_modules static/vendor
