# cleanwire — every target creates the virtualenv and installs the project when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: all install test fuzz demo bench quality lint clean-venv

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

# hostile HTML, text, bytes and files (tests/reliability/test_fuzz.py) with the big profile: 10,000+
# random cases, and a line "fuzz (fuzz profile): N cases in T s" says how many ran. `make test` runs the
# same tests with a few hundred, derandomized.
fuzz: $(STAMP)
	CLEANWIRE_FUZZ=fuzz $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/reliability/test_fuzz.py

demo: $(STAMP)
	@mkdir -p output
	# 1. clean the bundled dump of hand-written pages (crawler/demo/site) into output/demo.jsonl
	$(BIN)/cleanwire clean crawler/demo/site/ -o output/demo.jsonl
	@$(BIN)/python -c "import json; \
	[print(f\"  {r['id']}  {r['site'] or '-':<24} {(r['title'] or '(no title)')[:60]:<60} {len(r['text']):>6} chars\") \
	 for r in map(json.loads, open('output/demo.jsonl', encoding='utf-8'))]"
	# 2. serve the offline demo sites on 127.0.0.1, crawl them with the real spiders -> output/demo/*.jsonl
	$(BIN)/python -m crawler.demo.run --out output/demo

# cleanwire beside trafilatura on scrapinghub, trafilatura-eval and the labelled set, in one run:
# scores, cleanwire's targets (PASS/FAIL) and its worst pages; `bench/quality.py --help` for the options
quality: $(STAMP)
	$(BIN)/python bench/quality.py

bench: $(STAMP)
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/labelled.py
	$(BIN)/python bench/speed.py --repeat 5
	$(BIN)/python bench/crawl.py

lint: $(STAMP)
	$(BIN)/ruff check .

clean-venv:
	rm -rf $(VENV)
