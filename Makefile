# RNN labs: `make lab` to learn, `make test` to check everything. Each target creates .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NOTEBOOKS := $(wildcard notebooks/*.ipynb)
LINTED := helpers tests tools benchmarks data notebooks conftest.py

.PHONY: lab test run outputs format lint bench test-latest constraints clean

# (Re)install when the requirements change; constraints.txt pins the exact versions.
$(STAMP): requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# Jupyter refuses to run as root unless told; root is common in containers and cloud VMs.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)  ## open JupyterLab on the notebooks
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/

test: $(STAMP) lint  ## unit tests and doctests, notebook form and hygiene, nbval (strict) over every notebook
	$(BIN)/pytest -p no:cacheprovider --doctest-modules helpers tests --nbval notebooks \
	  --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

run: $(STAMP)  ## execute every notebook headless into build/ (.ipynb + .html); stored ones untouched
	$(BIN)/python tools/execute_notebooks.py --out build

outputs: $(STAMP)  ## re-execute the stored notebooks in place (after changing one)
	$(BIN)/python tools/execute_notebooks.py --inplace $(NB)

format: $(STAMP)  ## ruff format + notebook normal form
	$(BIN)/ruff format $(LINTED)
	$(BIN)/python tools/notebook_form.py $(NOTEBOOKS)

constraints: $(STAMP)  ## re-pin constraints.txt from the installed environment
	{ head -n 3 constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | sort -f; } > constraints.tmp
	mv constraints.tmp constraints.txt

clean:
	rm -rf build .pytest_cache .ruff_cache

bench: $(STAMP)  ## training benchmark (plain fit vs train_steps) and notebook timings
	$(BIN)/python benchmarks/bench_training.py
	$(BIN)/python benchmarks/bench_notebooks.py

test-latest:  ## newest releases requirements.txt allows (no constraints): do the notebooks still run?
	test -x .venv-latest/bin/python || $(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -r requirements-dev.txt
	.venv-latest/bin/python -m pip install --quiet --no-deps -e .
	.venv-latest/bin/python -m pip list | grep -i -E "^(tensorflow([-_]cpu)?|keras|numpy|matplotlib|nbval) "
	.venv-latest/bin/pytest -p no:cacheprovider --nbval-lax notebooks --nbval-current-env
