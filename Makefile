# cleanwire — every target creates the virtualenv and installs the project when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: all install test demo bench lint clean-venv

all: test

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# the machine's old pip mis-resolves lxml extras: upgrade it inside the venv first
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

demo: $(STAMP)
	@mkdir -p output
	$(BIN)/cleanwire clean crawler/demo/site/*.html -o output/demo.jsonl
	@$(BIN)/python -c "import json; \
	[print(f\"  {r['id']}  {r['site'] or '-':<24} {(r['title'] or '(no title)')[:60]:<60} {len(r['text']):>6} chars\") \
	 for r in map(json.loads, open('output/demo.jsonl', encoding='utf-8'))]"

bench: $(STAMP)
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/parallel.py

lint: $(STAMP)
	$(BIN)/ruff check .

clean-venv:
	rm -rf $(VENV)
