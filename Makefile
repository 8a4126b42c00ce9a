# Two commands on a fresh machine with Python 3.11 and make: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev test install migrate demo lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

# `make run` shows what a user sees: DEBUG off, so errors are the Dutch 404/403/405/500 pages; WhiteNoise serves
# the collected static files. `make dev` keeps Django's debug pages and reloads static files on every request.
run: demo
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Het register draait op http://$(HOST):$(PORT)/ (beheer: http://$(HOST):$(PORT)/admin/)"
	DJANGO_DEBUG=false $(BIN)/python manage.py runserver $(HOST):$(PORT)

dev: demo
	@echo "Ontwikkelserver (DEBUG aan) op http://$(HOST):$(PORT)/"
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
