# vnplans — see README.md.  `make extract` and `make test` build the environment first when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RAW    ?= data/raw
DB     ?= data/processed/plans.sqlite
GOLD   ?= ../shared/gold
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie poppler-utils libreoffice-writer-nogui

.PHONY: setup extract test lint score bench clean system-deps

$(BIN)/vnplans: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

setup: system-deps $(BIN)/vnplans

# OCR and legacy Word files need Debian packages; install them when we can, else say how.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing Debian packages:$$missing"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing) >/dev/null \
		|| echo "warning: apt-get failed; OCR or .doc input may be unavailable"; \
	else \
		echo "note: OCR and .doc input need: sudo apt-get install$$missing"; \
	fi

extract: setup
	$(BIN)/vnplans extract $(RAW) --db $(DB)

test: setup
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .

score: extract
	$(PYTHON) ../shared/tools/score.py $(DB) $(GOLD)

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) data/processed/*.sqlite* build *.egg-info
