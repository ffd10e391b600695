# `make build` sets itself up and runs the whole pipeline on the shipped content; `make test` tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: build test setup clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

build: setup
	$(BIN)/pipeline extract
	$(BIN)/pipeline update
	$(BIN)/pipeline status

test: setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) dist
