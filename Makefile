# Levier — two commands: `make run` (demo on SQLite) and `make test` (everything).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := backend/.venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
E2E_PORT ?= 8765
CHROMIUM ?= /usr/bin/chromium
export LEVIER_DATABASE_URL ?= sqlite+aiosqlite:///$(CURDIR)/var/levier.sqlite3
# Links in e-mails (password reset, invitations) follow HOST and PORT unless set otherwise.
export LEVIER_BASE_URL ?= http://$(HOST):$(PORT)

FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)

.PHONY: help run reset-demo test lint backend-test frontend-test e2e openapi install chromium bench fuzz clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: backend/pyproject.toml backend/uv.lock | $(UV)
	cd backend && ../$(UV) sync --frozen --quiet
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES)
	cd frontend && npm run build --silent

install: $(VENV)/.installed frontend/node_modules/.installed ## Install locked Python and npm dependencies

run: $(VENV)/.installed frontend/dist/index.html ## Start Levier with demo data on http://127.0.0.1:8000
	$(BIN)/levier migrate
	$(BIN)/levier seed-demo
	@echo ""
	@echo "Levier: http://$(HOST):$(PORT)/  (API http://$(HOST):$(PORT)/api/v1, docs http://$(HOST):$(PORT)/api/docs)"
	@echo "Stop it with Ctrl+C; 'make run' again keeps the data, 'make reset-demo' starts afresh."
	$(BIN)/levier serve --host $(HOST) --port $(PORT)

reset-demo: ## Delete the local demo database (var/levier.sqlite3); the next `make run` loads fresh demo data
	rm -f var/levier.sqlite3 var/levier.sqlite3-wal var/levier.sqlite3-shm
	@echo "Demo database deleted: run 'make run' to start again with fresh demo data."

test: ## Lint, then every test (SQLite, PostgreSQL when LEVIER_TEST_POSTGRES_URL is set, browser); prints each stage's time
	@for stage in lint backend-test frontend-test e2e; do \
		start=$$(date +%s); \
		$(MAKE) --no-print-directory $$stage || { echo "== $$stage FAILED after $$(( $$(date +%s) - start )) s"; exit 1; }; \
		echo "== $$stage: $$(( $$(date +%s) - start )) s"; \
	done

lint: $(VENV)/.installed ## ruff, mypy and bandit (fails on a medium or high finding)
	cd backend && .venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy levier tests
	cd backend && .venv/bin/bandit -c pyproject.toml -q -r levier alembic scripts tests --severity-level medium

backend-test: $(VENV)/.installed ## Backend tests on SQLite and, when LEVIER_TEST_POSTGRES_URL is set, on PostgreSQL at the same time (one core each)
	@cd backend; \
	if [ -z "$${LEVIER_TEST_POSTGRES_URL:-}" ]; then \
		echo "(LEVIER_TEST_POSTGRES_URL not set: PostgreSQL run skipped; CI always sets it)"; \
		LEVIER_TEST_DATABASE=sqlite .venv/bin/pytest; exit $$?; \
	fi; \
	logs=$$(mktemp -d); trap 'rm -rf "$$logs"' EXIT; \
	for db in sqlite postgresql; do \
		( start=$$(date +%s); LEVIER_TEST_DATABASE=$$db .venv/bin/pytest -p no:cacheprovider >"$$logs/$$db.log" 2>&1; \
		  echo $$? >"$$logs/$$db.rc"; echo $$(( $$(date +%s) - start )) >"$$logs/$$db.seconds" ) & \
	done; \
	wait; status=0; \
	for db in sqlite postgresql; do \
		echo "== backend tests on $$db ($$(cat "$$logs/$$db.seconds") s)"; cat "$$logs/$$db.log"; \
		[ "$$(cat "$$logs/$$db.rc")" = 0 ] || status=1; \
	done; \
	exit $$status

fuzz: $(VENV)/.installed ## Long fuzzing (Schemathesis: every caller, coverage, stateful) on SQLite, then PostgreSQL when LEVIER_TEST_POSTGRES_URL is set
	@cd backend; status=0; \
	LEVIER_FUZZ_PROFILE=long LEVIER_TEST_DATABASE=sqlite .venv/bin/pytest tests/fuzz || status=1; \
	if [ -n "$${LEVIER_TEST_POSTGRES_URL:-}" ]; then \
		echo "== long fuzzing on PostgreSQL"; \
		LEVIER_FUZZ_PROFILE=long LEVIER_TEST_DATABASE=postgresql .venv/bin/pytest tests/fuzz || status=1; \
	else \
		echo "(LEVIER_TEST_POSTGRES_URL not set: PostgreSQL run skipped)"; \
	fi; \
	exit $$status

frontend-test: frontend/node_modules/.installed ## Frontend unit tests (Vitest)
	cd frontend && npm test --silent

chromium: ## Debian's Chromium for browser tests (installed with apt when root)
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Browser tests need Debian's Chromium at $(CHROMIUM): run 'sudo apt-get install chromium'"; exit 1; \
		fi; \
	fi

e2e: $(VENV)/.installed frontend/dist/index.html chromium ## Browser tests (Playwright + Debian Chromium) against a demo server
	@tmp=$$(mktemp -d); \
	export LEVIER_DATABASE_URL="sqlite+aiosqlite:///$$tmp/e2e.sqlite3" LEVIER_BASE_URL="http://127.0.0.1:$(E2E_PORT)"; \
	$(BIN)/levier migrate >/dev/null 2>&1 && $(BIN)/levier seed-demo >/dev/null; \
	$(BIN)/levier serve --host 127.0.0.1 --port $(E2E_PORT) >$$tmp/server.log 2>&1 & pid=$$!; \
	trap 'kill $$pid 2>/dev/null; rm -rf $$tmp' EXIT; \
	for i in $$(seq 1 60); do curl -sf http://127.0.0.1:$(E2E_PORT)/api/v1/health >/dev/null && break; sleep 0.5; done; \
	cd frontend; { LEVIER_E2E_BASE_URL=http://127.0.0.1:$(E2E_PORT) CHROMIUM_PATH=$(CHROMIUM) npm run e2e --silent; \
		echo $$? >$$tmp/rc; } 2>&1 | tee $$tmp/e2e.log; \
	if [ "$$(cat $$tmp/rc)" != 0 ]; then \
		echo "--- server log (last 30 lines)"; tail -30 $$tmp/server.log; \
		echo "--- browser tests that failed (summary repeated so it ends the log)"; \
		sed -n '/^  [0-9]* failed/,$$p' $$tmp/e2e.log | head -40; \
		grep -aE '^ +[0-9]+\) ' $$tmp/e2e.log | head -20; exit 1; \
	fi

openapi: $(VENV)/.installed ## Regenerate openapi/openapi.json and the frontend's typed client
	cd backend && .venv/bin/python -m levier.openapi ../openapi/openapi.json
	@if [ -d frontend/node_modules ]; then cd frontend && npm run gen --silent; fi

bench: $(VENV)/.installed ## Benchmarks (bench/README.md has the figures); installs wrk with apt when root
	@if ! command -v wrk >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else echo "bench/request_cost.py needs wrk: run 'sudo apt-get install wrk'"; exit 1; fi; \
	fi
	for script in bench/[!_]*.py; do $(BIN)/python $$script; done

clean: ## Remove installed environments and build output (keeps var/ data)
	rm -rf $(TOOLS) $(VENV) frontend/node_modules frontend/dist
