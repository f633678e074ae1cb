"""Small NumPy helpers for the RNN labs: text, windows, scaling, data, training.

TensorFlow is imported only inside the functions that need it (``helpers.training``), and Keras
only when ``helpers.PredictionLog`` (a ``keras.callbacks.Callback``) is first used.
"""

from helpers import data, generation, scaling, summary, text, training, versions, windows
from helpers.data import load_stock
from helpers.generation import generate, sample_next, softmax
from helpers.scaling import MinMaxScaler
from helpers.summary import print_summary, summary_text
from helpers.text import CharVocab
from helpers.training import TrainingLog, first_step_all_correct, print_log, train_steps
from helpers.versions import check_versions
from helpers.windows import many_to_one_windows, seq2seq_windows

__all__ = [
    "CharVocab",
    "PredictionLog",
    "MinMaxScaler",
    "TrainingLog",
    "check_versions",
    "data",
    "first_step_all_correct",
    "generate",
    "generation",
    "load_stock",
    "many_to_one_windows",
    "print_log",
    "print_summary",
    "sample_next",
    "scaling",
    "seq2seq_windows",
    "softmax",
    "summary",
    "summary_text",
    "text",
    "train_steps",
    "training",
    "versions",
    "windows",
]


def __getattr__(name: str):
    # PredictionLog subclasses a Keras class: import Keras only when it is asked for.
    if name == "PredictionLog":
        from helpers.callbacks import PredictionLog

        return PredictionLog
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
