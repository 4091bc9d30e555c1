# The two set-up commands of the README: `make demo` and `make test`. Both build .venv first.
# constraints-cpu.txt pins the CPU build of torch for these commands only.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: install demo test bench

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints-cpu.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints-cpu.txt -e '.[test]'
	touch $@

demo: install
	$(VENV)/bin/factcheck check seeds/

test: install
	$(PY) -m pytest

bench: install
	$(PY) eval/bench_check.py seeds/
