# RNN labs: `make lab` to learn, `make test` to check everything. Each target creates .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NOTEBOOKS := $(wildcard notebooks/*.ipynb notebooks/solutions/*.ipynb notebooks/ko/*.ipynb notebooks/ko/solutions/*.ipynb)
LINTED := helpers tests tools benchmarks notebooks data conftest.py

.PHONY: lab ko test test-unit test-notebooks test-korean test-arithmetic test-seeds test-backends test-gpu test-oldest run outputs format lint bench test-latest constraints clean

# (Re)install when the requirements change; constraints.txt pins the exact versions. A first
# install takes a few minutes (TensorFlow is about 270 MB): one line per step, then one per
# package fetched with its size (tools/pip_install.py), and nothing else from pip.
$(STAMP): requirements.txt requirements-dev.txt constraints.txt pyproject.toml tools/pip_install.py
	@test -x $(BIN)/python || { echo "== $(VENV): new virtual environment"; $(PYTHON) -m venv $(VENV); }
	@echo "== $(VENV): upgrading pip"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "== $(VENV): requirements-dev.txt at the versions of constraints.txt, and the labs (editable)"
	@$(BIN)/python tools/pip_install.py -r requirements-dev.txt -c constraints.txt -e .
	@touch $@

# The other Keras backends, for `make test` and `make bench` only (`make lab` stays on
# TensorFlow). PyTorch's CPU-only build where pip finds one (torch==X+cpu: ~190 MB instead of
# several GB of CUDA libraries), else the ordinary wheel.
BACKENDS_STAMP := $(VENV)/.backends
TORCH_VERSION := 2.13.0
$(BACKENDS_STAMP): $(STAMP) constraints.txt
	@echo "== $(VENV): the JAX and PyTorch backends (for the tests and benchmarks)"
	@$(BIN)/python tools/pip_install.py -c constraints.txt 'jax[cpu]' \
	  || { echo "== $(VENV): installing JAX failed"; exit 1; }
	@$(BIN)/python tools/pip_install.py -c constraints.txt torch==$(TORCH_VERSION)+cpu 2>/dev/null \
	  || $(BIN)/python tools/pip_install.py -c constraints.txt torch==$(TORCH_VERSION)
	@touch $@

# Jupyter refuses to run as root unless told; root is common in containers and cloud VMs.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Only warnings and the URL to open (JupyterLab prints the URL whatever the log level); kernels
# on local sockets, as in tools/execute_notebooks.py (no "running over TCP" warning per kernel).
LAB_FLAGS := --ServerApp.log_level=WARN --LabApp.log_level=WARN --KernelManager.transport=ipc

lab: $(STAMP)  ## open JupyterLab on the notebooks
	@$(BIN)/jupyter lab $(ROOT_FLAG) $(LAB_FLAGS) notebooks/

# `make test` = lint, unit tests, then every notebook four ways (NB=... for one notebook):
#   test-notebooks   nbval strict: every cell re-run, every stored output compared;
#   test-arithmetic  nbval strict again under another float arithmetic (AVX2 kernels instead of
#                    AVX-512 where the CPU has it, 8 threads): exact outputs must not move;
#   test-seeds       every notebook with seeds 1, 2, 3: no error, every lesson's assert holds;
#   test-backends    helpers' backend-facing unit tests and every notebook on JAX and on
#                    PyTorch (errors and asserts: other initial weights, other trajectories).
NB ?= notebooks
# The Korean edition (notebooks/ko/) has the English code: one strict pass (test-korean) is
# enough, so the other notebook steps leave it out.
# Tests run on JOBS pytest-xdist workers; a notebook's cells stay in order on one worker (--dist
# loadscope). Kernels compute with a set number of threads per op, so the outputs are those of a
# serial run. JOBS=0 runs serially; each further job needs about 1.5 GB of memory.
JOBS ?= 2
XDIST := -n $(JOBS)
NBVAL := $(BIN)/pytest -p no:cacheprovider $(XDIST) --dist loadscope --nbval-current-env --ignore=notebooks/ko
OTHER_ARITHMETIC := ONEDNN_MAX_CPU_ISA=AVX2 TF_NUM_INTRAOP_THREADS=8 TF_NUM_INTEROP_THREADS=8
SWEEP_SEEDS := 1 2 3

test: lint test-unit test-notebooks test-korean test-arithmetic test-seeds test-backends  ## everything CI runs

test-unit: $(STAMP)  ## unit tests and doctests, notebook form and hygiene, packaging
	$(BIN)/pytest -p no:cacheprovider $(XDIST) --doctest-modules helpers tests

test-notebooks: $(STAMP)  ## nbval strict over $(NB)
	$(NBVAL) --nbval $(NB) --nbval-sanitize-with tests/nbval_sanitize.cfg

test-korean: $(STAMP)  ## the Korean edition: nbval strict (its code is the English notebooks')
	$(BIN)/python tools/translate_notebooks.py check
	$(BIN)/pytest -p no:cacheprovider $(XDIST) --dist loadscope --nbval-current-env --nbval notebooks/ko \
	  --nbval-sanitize-with tests/nbval_sanitize.cfg

ko: $(STAMP)  ## Korean edition: catalogues follow the English, then rebuild notebooks/ko/
	$(BIN)/python tools/translate_notebooks.py update
	$(BIN)/python tools/translate_notebooks.py build

test-arithmetic: $(STAMP)  ## nbval strict over $(NB) under another float arithmetic
	env $(OTHER_ARITHMETIC) $(NBVAL) --nbval $(NB) --nbval-sanitize-with tests/nbval_sanitize.cfg

test-seeds: $(STAMP)  ## $(NB) with other seeds: errors and failed asserts only
	set -e; for seed in $(SWEEP_SEEDS); do \
	  echo "== RNN_LABS_SEED=$$seed"; RNN_LABS_SEED=$$seed $(NBVAL) --nbval-lax $(NB); done

# The unit tests that touch Keras, run once per backend (the rest are backend-free NumPy).
BACKEND_UNIT := tests/test_backend.py tests/test_callbacks.py tests/test_generation.py \
  tests/test_rnn_basics_facts.py tests/test_setup.py helpers/backend.py helpers/callbacks.py
OTHER_BACKENDS := jax torch

test-backends: $(BACKENDS_STAMP)  ## unit tests and $(NB) on JAX and PyTorch (nbval lax)
	set -e; for backend in $(OTHER_BACKENDS); do echo "== KERAS_BACKEND=$$backend"; \
	  KERAS_BACKEND=$$backend $(BIN)/pytest -p no:cacheprovider $(XDIST) --doctest-modules \
	    -W ignore::DeprecationWarning $(BACKEND_UNIT); \
	  KERAS_BACKEND=$$backend $(NBVAL) --nbval-lax $(NB); done

# For a machine with a GPU and an environment whose TensorFlow, JAX and PyTorch see it (not
# .venv, whose builds are CPU-only): every notebook on each backend, errors and asserts only.
GPU_PYTHON ?= python3
test-gpu:  ## $(NB) on a GPU, each backend (GPU_PYTHON=... with GPU builds and `pip install -e .`)
	$(GPU_PYTHON) tools/check_gpu.py $(OTHER_BACKENDS) tensorflow
	set -e; for backend in tensorflow $(OTHER_BACKENDS); do echo "== KERAS_BACKEND=$$backend"; \
	  KERAS_BACKEND=$$backend $(GPU_PYTHON) -m pytest -p no:cacheprovider --nbval-lax \
	    --nbval-current-env $(NB); done

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

run: $(STAMP)  ## execute every notebook headless into build/ (.ipynb + .html); stored ones untouched
	@$(BIN)/python tools/execute_notebooks.py --out build

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

bench: $(BACKENDS_STAMP)  ## training and notebook timings on each backend
	$(BIN)/python benchmarks/bench_training.py
	$(BIN)/python benchmarks/bench_notebooks.py

# The floors of requirements.txt (= helpers/versions.py): uv's lowest-direct resolution installs
# the lowest allowed release of each direct requirement; every notebook must run there, for
# every seed of the sweep (errors and asserts only: trajectories differ between versions).
test-oldest:  ## lowest releases requirements.txt allows: do the notebooks and the seed sweep pass?
	test -x .venv-oldest/bin/python || $(PYTHON) -m venv .venv-oldest
	.venv-oldest/bin/python -m pip install --quiet --upgrade pip uv
	.venv-oldest/bin/uv pip install --quiet --python .venv-oldest/bin/python \
	  --resolution lowest-direct -r requirements.txt
	.venv-oldest/bin/python -m pip install --quiet --no-deps -e .
	.venv-oldest/bin/python -m pip list | grep -i -E "^(tensorflow([-_]cpu)?|keras|numpy|matplotlib|nbval) "
	set -e; for seed in 777 $(SWEEP_SEEDS); do echo "== RNN_LABS_SEED=$$seed"; \
	  RNN_LABS_SEED=$$seed .venv-oldest/bin/pytest -p no:cacheprovider --nbval-lax \
	  --nbval-current-env $(NB); done

# The newest releases depend on the Python version (NumPy 2.5 needs Python >= 3.12): the first
# line printed says which Python this run used.
test-latest:  ## newest releases requirements.txt allows (no constraints): do the notebooks still run?
	test -x .venv-latest/bin/python || $(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python --version
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python tools/pip_install.py --upgrade --upgrade-strategy eager \
	  -r requirements-dev.txt -e .
	.venv-latest/bin/python -m pip list | grep -i -E "^(tensorflow([-_]cpu)?|keras|numpy|matplotlib|nbval) "
	.venv-latest/bin/pytest -p no:cacheprovider --nbval-lax notebooks --nbval-current-env
