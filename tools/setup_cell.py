"""The setup cell that opens every notebook, as stamped by tools/stamp_notebooks.py."""

SETUP_CELL = """\
# Setup: the same cell opens every lab.
import os
import sys

# Set before TensorFlow is imported: silence its C++ start-up logs and oneDNN's graph
# rewrites. Float results still differ in the last bits between computers (a matmul's sums
# follow the CPU's instruction set and thread count), and long trainings amplify those bits:
# the labs print such numbers at a precision every machine agrees on, or say they vary.
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
# One thread per op: these models are too small to gain from more, and the sums then do not
# depend on how many cores this computer has (they still depend on its instruction set).
os.environ.setdefault("TF_NUM_INTRAOP_THREADS", "1")
os.environ["KERAS_BACKEND"] = "tensorflow"

# Colab only: install the labs' `helpers` package if missing (nowhere else is anything installed).
REPO_URL = "{repo_url}"  # stamped from pyproject.toml by tools/stamp_notebooks.py
if "google.colab" in sys.modules:
    try:
        import helpers
    except ImportError:
        if not REPO_URL:
            raise ImportError(
                "helpers is not installed. Zip the rnn-labs project, upload rnn-labs.zip to "
                "Colab's files, run `!unzip -q rnn-labs.zip && pip install --no-deps ./rnn-labs`, "
                "then run this cell again."
            ) from None
        import subprocess

        pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", f"git+{{REPO_URL}}"]
        subprocess.run(pip, check=True)

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

import helpers

helpers.check_versions()  # says what to upgrade if this TensorFlow or Keras is too old
# The lecture's seed. Change it (or set RNN_LABS_SEED) to see what varies; CI runs 1, 2, 3 too.
SEED = int(os.environ.get("RNN_LABS_SEED", "777"))
keras.utils.set_random_seed(SEED)  # and again before each model
print(f"TensorFlow {{tf.__version__}} | Keras {{keras.__version__}} | NumPy {{np.__version__}}")"""


def setup_cell(repo_url: str = "") -> str:
    """The setup cell's source with the repository URL filled in."""
    return SETUP_CELL.format(repo_url=repo_url)


if __name__ == "__main__":
    print(setup_cell())
