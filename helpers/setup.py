"""The one call that opens every lab: ``SEED = helpers.setup()``.

What it does, and why, so that the notebooks need not say it:

1. **Backend.** Keras 3 runs on TensorFlow, JAX or PyTorch and reads ``KERAS_BACKEND`` once,
   when it is first imported. A learner picks one as Keras users do (``KERAS_BACKEND=jax
   jupyter lab``, or ``os.environ["KERAS_BACKEND"] = "jax"`` before the setup cell); unset, the
   labs use TensorFlow.
2. **Quiet start.** TensorFlow's C++ start-up messages (``TF_CPP_MIN_LOG_LEVEL=3``) and oneDNN's
   graph rewrites (``TF_ENABLE_ONEDNN_OPTS=0``, whose notice goes to stderr) are switched off.
3. **One thread per op** (unless already set): TensorFlow's ``TF_NUM_INTRAOP_THREADS``, XLA's
   (JAX) Eigen pool and PyTorch's ``torch.set_num_threads``. These models are too small to gain
   from more threads (500 steps of the lab 03 model: 1.7 s with one thread, 2.6 s with eight on
   2 cores; PyTorch with two threads on two cores is ~10x slower than with one), and the last
   bits of every float sum then no longer depend on how many cores a computer has. They still
   depend on its instruction set (AVX2, AVX-512): README.md, "Exact and varying outputs".
4. **Versions.** :func:`helpers.check_versions` raises with the ``pip install -U`` command to
   run when Keras, NumPy, Matplotlib or the backend is older than the labs support.
5. **Plain-text model summaries.** In a Jupyter kernel, ``model.summary()`` goes through rich,
   which renders it as five HTML displays whose text copies carry terminal colour codes. The
   setup has rich print plain text there instead, as in a terminal, at a width of 100 columns
   (Keras caps a summary's default width at the terminal's), so every summary reads the same
   in JupyterLab, on GitHub and in the stored notebooks.
6. **One harmless warning less.** ``fit`` over a ``tf.data.Dataset`` (what
   :func:`helpers.repeat_batch` gives on TensorFlow) warns on stderr that ``shuffle=True`` (its
   default) does not apply to datasets; a repeated single batch has nothing to shuffle.
7. **Seed.** ``RNN_LABS_SEED`` (default 777, the lecture's) goes to
   ``keras.utils.set_random_seed``, which seeds Python, NumPy and the backend. The labs call it
   again before every model they build, so each cell gives the same model when rerun.

It prints one line: Keras, the backend and its version, NumPy, and the seed.
"""

from __future__ import annotations

import os
import sys
import warnings

from helpers._checks import check_int

__all__ = ["BACKENDS", "DEFAULT_SEED", "setup"]

BACKENDS = ("tensorflow", "jax", "torch")
DEFAULT_SEED = 777  # the lecture's


def _configure_environment() -> None:
    """Environment variables the backends read when they are first imported."""
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    os.environ.setdefault("TF_NUM_INTRAOP_THREADS", "1")
    # XLA's CPU client (JAX): one Eigen thread per op.
    os.environ.setdefault(
        "XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
    )
    # JAX: no "An NVIDIA GPU may be present..." or TPU probing notices on a CPU-only machine.
    os.environ.setdefault("JAX_PLATFORMS", "" if _has_nvidia_gpu() else "cpu")


def _has_nvidia_gpu() -> bool:
    return os.path.exists("/dev/nvidiactl") or os.path.exists("/proc/driver/nvidia/version")


def _in_jupyter_kernel() -> bool:
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def _plain_text_summaries() -> None:
    """Make rich (which renders ``model.summary()``) print plain text in a Jupyter kernel."""
    try:
        import rich.console
    except ImportError:  # no rich, no HTML summaries
        return
    # rich asks this module-level function whether to render HTML displays; Keras creates a new
    # Console for every summary, so the answer applies to each of them.
    rich.console._is_jupyter = lambda: False
    # ipykernel sets FORCE_COLOR=1 (for tracebacks); for rich, TTY_COMPATIBLE=0 overrides it:
    # no colour codes in the text.
    os.environ["TTY_COMPATIBLE"] = "0"
    os.environ["COLUMNS"] = "100"  # a kernel has no terminal; rich and Keras read this instead


def _backend_version(backend: str) -> str:
    module = {"tensorflow": "tensorflow", "jax": "jax", "torch": "torch"}[backend]
    return __import__(module).__version__


def setup(seed: int | None = None) -> int:
    """Prepare a lab (see the module docstring) and return its seed.

    Args:
        seed: the seed to use; default ``RNN_LABS_SEED`` from the environment, else 777.

    Returns:
        the seed, for the notebook's later ``keras.utils.set_random_seed(SEED)`` calls.

    Raises:
        ValueError: ``KERAS_BACKEND`` names no backend the labs run on, or ``RNN_LABS_SEED`` is
            not a whole number.
        RuntimeError: Keras was already imported with another backend than ``KERAS_BACKEND``
            (restart the kernel).
        ImportError: a package is older than the labs support (with the command to upgrade).
    """
    if seed is None:
        raw = os.environ.get("RNN_LABS_SEED", str(DEFAULT_SEED))
        try:
            seed = int(raw)
        except ValueError:
            raise ValueError(f"RNN_LABS_SEED must be a whole number, got {raw!r}") from None
    seed = check_int("seed", seed, 0)
    _configure_environment()
    wanted = os.environ["KERAS_BACKEND"]
    if wanted not in BACKENDS:
        raise ValueError(f"KERAS_BACKEND must be one of {', '.join(BACKENDS)}, got {wanted!r}")
    already = "keras" in sys.modules
    import keras

    if keras.backend.backend() != wanted:
        raise RuntimeError(
            f"Keras was imported with the {keras.backend.backend()!r} backend before setup(), "
            f"but KERAS_BACKEND is {wanted!r}: restart the kernel and run the setup cell first."
        )
    if wanted == "torch":
        import torch

        if not already:  # once per process: PyTorch refuses a second inter-op setting
            torch.set_num_threads(int(os.environ["TF_NUM_INTRAOP_THREADS"]))

    from helpers.versions import check_versions

    check_versions(backend=wanted)
    warnings.filterwarnings(
        "ignore", message=r"`shuffle=True` was passed, but will be ignored", category=UserWarning
    )
    if _in_jupyter_kernel():
        _plain_text_summaries()
    import numpy as np

    keras.utils.set_random_seed(seed)
    print(
        f"Keras {keras.__version__} | backend {wanted} {_backend_version(wanted)} "
        f"| NumPy {np.__version__} | seed {seed}"
    )
    return seed
