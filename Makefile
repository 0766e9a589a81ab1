# dlprep: `make run` starts the app, `make test` runs the whole suite (and, as root, tests/security again as
# uid 65534). Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench mutate clean bytecode

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 2>&1 | grep -v 'is ignored' || true
	$(BIN)/python -m pip install --quiet -e '.[test,optimizer]' 2>&1 | grep -v 'is ignored' || true
	$(BIN)/python -c "import dlprep, textual, fsrs, torch, pytest, snowballstemmer, hatchling"
	touch $(STAMP)

# dlprep's own modules compiled ahead: with PYTHONDONTWRITEBYTECODE set (as on some machines) every process the
# app or the suite starts would otherwise compile them again (0.4-0.6 s per process measured here).
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q dlprep

run: bytecode
	$(BIN)/dlprep

test: bytecode
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup
	bash tests/security/as_nobody.sh  # the sandbox suite again as uid 65534 (when run as root)

lint: $(STAMP)
	$(BIN)/ruff check .

bench: bytecode
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/grading.py

# Mutation testing of the core packages (slow: minutes per package; see docs/testing.md).
mutate: $(STAMP)
	$(BIN)/python benchmarks/suite_mutation.py --survivors

clean:
	rm -rf $(VENV) .pytest_cache
