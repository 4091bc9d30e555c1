# The two set-up commands of the README: `make demo` and `make test`. Both build .venv first.
# constraints-cpu.txt pins the CPU build of torch for these commands only.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: install demo test bench browser

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints-cpu.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -c constraints-cpu.txt -e '.[test]'
	touch $@

demo: install
	$(VENV)/bin/factcheck check seeds/

test: install browser
	$(PY) -m pytest

# The HTML report's browser test drives Debian's chromium package: install it when it is missing and
# apt can (as root, or with sudo). Without it that one test skips and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else SUDO=no; fi; \
	  if [ "$$SUDO" != no ] && command -v apt-get >/dev/null 2>&1; then \
	    $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
	      || echo "make: could not install chromium; the browser test will skip"; \
	  else echo "make: chromium missing and apt-get not usable; the browser test will skip"; fi; }

bench: install
	$(PY) eval/bench_check.py seeds/
