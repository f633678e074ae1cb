"""Small NumPy helpers for the RNN labs: text, windows, scaling, data, training.

TensorFlow is imported only inside the functions that need it (``helpers.training``).
"""

from helpers import data, scaling, text, training, windows
from helpers.data import load_stock
from helpers.scaling import MinMaxScaler
from helpers.text import CharVocab
from helpers.training import TrainingLog, first_step_all_correct, train_steps
from helpers.windows import many_to_one_windows, seq2seq_windows

__all__ = [
    "CharVocab",
    "MinMaxScaler",
    "TrainingLog",
    "data",
    "first_step_all_correct",
    "load_stock",
    "many_to_one_windows",
    "scaling",
    "seq2seq_windows",
    "text",
    "train_steps",
    "training",
    "windows",
]
