"""helpers.setup(): what the one-line setup cell does, in a fresh interpreter each time (the
environment must be set before Keras is imported). make test-backends runs it on each backend."""

import importlib.util
import os
import subprocess
import sys

import pytest

BACKEND = os.environ.get("KERAS_BACKEND", "tensorflow")


def run(code: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != "RNN_LABS_SEED"} | env
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=full_env, timeout=300
    )


def test_prints_one_line_and_returns_the_seed_from_the_environment():
    out = run("import helpers; print(helpers.setup())", RNN_LABS_SEED="12")
    assert out.returncode == 0, out.stderr
    line, seed = out.stdout.splitlines()
    assert line.startswith("Keras 3.") and f"| backend {BACKEND} " in line and "| seed 12" in line
    assert seed == "12"


def test_default_seed_is_the_lectures_and_the_environment_is_set_before_keras():
    code = (
        "import os, helpers; s = helpers.setup(); import keras;"
        "print(s, keras.backend.backend(), os.environ['TF_NUM_INTRAOP_THREADS'])"
    )
    out = run(code)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == f"777 {BACKEND} 1"
    assert "oneDNN" not in out.stderr and "absl" not in out.stderr


def test_one_thread_per_op_on_pytorch():
    if BACKEND != "torch":
        pytest.skip("PyTorch backend only")
    out = run("import helpers, torch; helpers.setup(); print(torch.get_num_threads())")
    assert out.stdout.splitlines()[-1] == "1", out.stderr


def test_same_seed_same_weights():
    code = (
        "import helpers; helpers.setup(); import keras;"
        "layer = keras.layers.Dense(3); layer.build((None, 2));"
        "print(keras.ops.convert_to_numpy(layer.kernel).round(6).tolist())"
    )
    first, second = run(code).stdout.splitlines()[-1], run(code).stdout.splitlines()[-1]
    assert first == second


@pytest.mark.parametrize(
    "env, message",
    [
        ({"KERAS_BACKEND": "theano"}, "KERAS_BACKEND must be one of tensorflow, jax, torch"),
        ({"RNN_LABS_SEED": "abc"}, "RNN_LABS_SEED must be a whole number, got 'abc'"),
        ({"RNN_LABS_SEED": "-1"}, "seed must be >= 0, got -1"),
    ],
)
def test_bad_settings_are_named(env, message):
    out = run("import helpers; helpers.setup()", **env)
    assert out.returncode != 0 and message in out.stderr


def test_keras_imported_with_another_backend_first_is_an_error():
    installed = [b for b in ("jax", "torch") if b != BACKEND and importlib.util.find_spec(b)]
    if installed:
        first_import = f"os.environ['KERAS_BACKEND'] = '{installed[0]}'; import keras;"
    else:
        # make test-unit on a fresh clone has only TensorFlow (and Keras' NumPy backend imports
        # jax): a stand-in for a Keras already imported with the JAX backend.
        first_import = (
            "import sys, types; sys.modules['keras'] = types.SimpleNamespace("
            "backend=types.SimpleNamespace(backend=lambda: 'jax'));"
        )
    code = (
        f"import os; {first_import}"
        f"os.environ['KERAS_BACKEND'] = '{BACKEND}'; import helpers; helpers.setup()"
    )
    out = run(code)
    assert out.returncode != 0 and "restart the kernel" in out.stderr, out.stderr
