# `make build` sets itself up and runs the whole pipeline on the shipped content; `make test` tests.
PYTHON ?= $(shell tools/python-for-venv)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: build test lint setup clean compare bench bench-large schemas

BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed-stamp

$(STAMP): pyproject.toml constraints.txt setup.py pipeline/termbase/_words.c pipeline/catalog/_live.c pipeline/_yaml_tree.c pipeline/checks/_sentences.c
	$(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# The review site is written even when the release is blocked (that is when it is needed most);
# the target still fails with the first failing step's exit status.
build: setup
	$(BIN)/pipeline extract
	$(BIN)/pipeline update
	@status=0; \
	$(BIN)/pipeline check || status=$$?; \
	$(BIN)/pipeline status || [ $$status -ne 0 ] || status=$$?; \
	$(BIN)/pipeline build || [ $$status -ne 0 ] || status=$$?; \
	$(BIN)/pipeline report || [ $$status -ne 0 ] || status=$$?; \
	exit $$status

test: setup lint
	$(BIN)/python -m pytest -q

# Types (mypy --strict on pipeline/) and lint (ruff, with a complexity limit), as configured in pyproject.toml.
lint: setup
	$(BIN)/mypy
	$(BIN)/ruff check pipeline tests benchmarks tools

# The schemas' validators, compiled ahead into pipeline/schemas/compiled/ (after editing a schema).
schemas: setup
	$(BIN)/python tools/compile_schemas.py

# Peers measured beside the pipeline live in their own environment, never as runtime dependencies.
$(BENCH_STAMP): Makefile
	$(PYTHON) -m venv --clear $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet translate-toolkit==3.20.4
	touch $(BENCH_STAMP)

compare: setup $(BENCH_STAMP)
	$(BIN)/python benchmarks/compare_pofilter.py --pofilter $(BENCH_VENV)/bin/pofilter

bench: setup $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py --size medium --pofilter $(BENCH_VENV)/bin/pofilter

bench-large: setup $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py --size large --pofilter $(BENCH_VENV)/bin/pofilter

clean:
	rm -rf $(VENV) $(BENCH_VENV) dist
