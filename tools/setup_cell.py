"""The setup cell that opens every notebook, as stamped by tools/stamp_notebooks.py."""

SETUP_CELL = """\
# Setup: the same cell opens every lab.
import os
import sys

# Set before TensorFlow is imported: silence its C++ start-up logs, and turn oneDNN off so
# that CPU float sums run in a fixed order (repeatable losses from run to run).
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
os.environ["TF_ENABLE_ONEDNN_OPTS"] = "0"
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

SEED = 777  # the lecture's seed; keras.utils.set_random_seed(SEED) again before each model
keras.utils.set_random_seed(SEED)
print(f"TensorFlow {{tf.__version__}} | Keras {{keras.__version__}} | NumPy {{np.__version__}}")"""


def setup_cell(repo_url: str = "") -> str:
    """The setup cell's source with the repository URL filled in."""
    return SETUP_CELL.format(repo_url=repo_url)


if __name__ == "__main__":
    print(setup_cell())
