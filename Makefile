# KKN-portalen: the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
# The first Python >= 3.11 on the PATH.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
# The local run is a development server: a generated secret and DEBUG=1.
RUN_ENV := DEBUG=1

.PHONY: run test lint format messages messages-check migrate seed clean bench bench-faults bench-proxy audit

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is required." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); echo "Could not create a virtualenv; on Debian/Ubuntu install python3-venv." >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

migrate: $(VENV)/.runtime
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py createcachetable

seed: migrate
	$(RUN_ENV) $(BIN)/python manage.py seed_demo

run: seed
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

# Known vulnerabilities in the pinned requirements: pip-audit --strict, with
# reviewed exceptions in audit-allowlist.toml. Fails when anything could not
# be audited. Needs the advisory service, so it is a deploy-pipeline step and
# not part of .ci/run (README, "Dependency audit").
audit: $(VENV)/.dev
	$(BIN)/python scripts/audit.py

# Regenerate the Swedish catalogue (needs GNU gettext) and compile it.
messages: $(VENV)/.dev
	DEBUG=1 $(BIN)/python manage.py makemessages --locale sv --add-location file --ignore '$(VENV)/*' --ignore 'staticfiles/*'
	DEBUG=1 $(BIN)/python manage.py compilemessages --locale sv --ignore '$(VENV)/*'

# CI: fail when a translatable string was added without updating the catalogue.
messages-check: $(VENV)/.dev
	DEBUG=1 $(BIN)/python manage.py makemessages --locale sv --add-location file --ignore '$(VENV)/*' --ignore 'staticfiles/*'
	git diff --exit-code -I '^"POT-Creation-Date' -- locale/

# Speed benchmark and load/fault tests (PostgreSQL, gunicorn, wrk; see bench/).
# Not part of `make test`: they take minutes and need root for apt and pg_ctlcluster.
bench: $(VENV)/.dev
	bash bench/run.sh

# Runs all three even when one fails; fails if any did.
bench-faults: $(VENV)/.dev
	status=0; for script in load_comments fault_db fault_redis slow_mail; do \
	  $(BIN)/python bench/$$script.py || status=1; done; exit $$status

# The reverse proxy (Debian's nginx with deploy/nginx.conf, installed if
# missing): cache rules and throughput, slow clients, freshness after an edit.
# Each takes 2-5 minutes (most of it preparing gunicorn), so not in bench-faults.
# Runs all three even when one fails; fails if any did.
bench-proxy: $(VENV)/.dev
	status=0; for script in proxy slow_clients freshness; do \
	  $(BIN)/python bench/$$script.py || status=1; done; exit $$status

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
