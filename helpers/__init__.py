"""Small NumPy helpers for the RNN labs: setup, text, windows, scaling, data, training.

``import helpers`` imports neither Keras nor a backend: :func:`setup` must set the environment
first. Keras is imported by the functions that need it, and ``helpers.backend`` holds the little
that needs a backend's own API (TensorFlow, JAX or PyTorch).
"""

from helpers import backend, data, generation, scaling, summary, text, training, versions, windows
from helpers.backend import input_gradients, repeat_batch, weight_gradients
from helpers.data import load_stock
from helpers.generation import generate, sample_next, softmax
from helpers.scaling import MinMaxScaler
from helpers.setup import setup
from helpers.summary import print_summary, summary_text
from helpers.text import CharVocab
from helpers.training import first_step_all_correct
from helpers.versions import check_versions
from helpers.windows import many_to_one_windows, seq2seq_windows

__all__ = [
    "CharVocab",
    "PredictionLog",
    "MinMaxScaler",
    "backend",
    "check_versions",
    "data",
    "first_step_all_correct",
    "generate",
    "generation",
    "input_gradients",
    "load_stock",
    "many_to_one_windows",
    "print_summary",
    "repeat_batch",
    "sample_next",
    "scaling",
    "seq2seq_windows",
    "setup",
    "softmax",
    "summary",
    "summary_text",
    "text",
    "training",
    "versions",
    "weight_gradients",
    "windows",
]


def __getattr__(name: str):
    # PredictionLog subclasses a Keras class: import Keras only when it is asked for.
    if name == "PredictionLog":
        from helpers.callbacks import PredictionLog

        return PredictionLog
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
