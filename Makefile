# KKN-portalen: the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
# The first Python >= 3.11 on the PATH.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
# The local run is a development server: a generated secret and DEBUG=1.
RUN_ENV := DEBUG=1

.PHONY: run test lint format messages messages-check migrate seed clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is required." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
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

# Regenerate the Swedish catalogue (needs GNU gettext) and compile it.
messages: $(VENV)/.dev
	DEBUG=1 $(BIN)/python manage.py makemessages --locale sv --add-location file --ignore '$(VENV)/*' --ignore 'staticfiles/*'
	DEBUG=1 $(BIN)/python manage.py compilemessages --locale sv --ignore '$(VENV)/*'

# CI: fail when a translatable string was added without updating the catalogue.
messages-check: $(VENV)/.dev
	DEBUG=1 $(BIN)/python manage.py makemessages --locale sv --add-location file --ignore '$(VENV)/*' --ignore 'staticfiles/*'
	git diff --exit-code -I '^"POT-Creation-Date' -- locale/

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
