"""The exact numbers of lab 02 (notebooks/02_long_sequences.ipynb) that need no training, checked
here rather than in check-only cells of the lab: the windows of the ship sentence, the split into
training and held-out windows (no held-out character is ever a training input or target), and
the limits the lab computes from the data (H on the sample, on all windows and on the training
windows; the bound for logits in [-1, 1]; uniform guessing).
"""

import math
from collections import Counter

import numpy as np

import helpers

SAMPLE = " if you want you"
SENTENCE = (
    "if you want to build a ship, don't drum up people together to "
    "collect wood and don't assign them tasks and work, but rather "
    "teach them to long for the endless immensity of the sea."
)
TRAIN, HELD_OUT = slice(0, 140), slice(150, 170)  # the lab's section 6


def conditional_entropy(current, following):
    """The lab's H(next | current), in nats."""
    pairs = Counter(zip(current, following, strict=True))
    count = Counter(current)
    return sum(n * np.log(count[c] / n) for (c, _), n in pairs.items()) / len(current)


def windows():
    vocab = helpers.CharVocab.from_text(SENTENCE)
    x_ids, y_ids = helpers.seq2seq_windows(vocab.encode(SENTENCE), 10)
    return vocab, x_ids, y_ids


def test_the_sample_and_its_memoryless_limit():
    vocab = helpers.CharVocab.from_text(SAMPLE)
    assert vocab.chars == tuple(sorted(set(SAMPLE))) and vocab.size == 10
    h = conditional_entropy(SAMPLE[:-1], SAMPLE[1:])
    h_space = -(2 * 0.25 * math.log(0.25) + 0.5 * math.log(0.5))
    assert math.isclose(h, 4 / 15 * h_space, rel_tol=1e-12)
    assert round(h, 4) == 0.2773
    assert round(h, 6) == 0.277259  # the lab prints it beside the trained loss, 0.277324


def test_the_windows_of_the_ship_sentence():
    vocab, x_ids, y_ids = windows()
    assert vocab.size == 25 and len(SENTENCE) == 180
    assert x_ids.shape == y_ids.shape == (170, 10)
    assert vocab.one_hot(x_ids).shape == (170, 10, 25)
    for i in (0, 1, 169):  # the lecture's loop
        assert vocab.decode(x_ids[i]) == SENTENCE[i : i + 10]
        assert vocab.decode(y_ids[i]) == SENTENCE[i + 1 : i + 11]


def test_held_out_windows_share_no_character_with_the_training_windows():
    # Window i reads characters i .. i+9 and predicts i+1 .. i+10.
    train_positions = {p for i in range(TRAIN.start, TRAIN.stop) for p in range(i, i + 11)}
    held_positions = {p for i in range(HELD_OUT.start, HELD_OUT.stop) for p in range(i, i + 11)}
    assert max(train_positions) == 149 and min(held_positions) == 150
    assert not train_positions & held_positions
    assert SENTENCE[150:] == " endless immensity of the sea."


def test_the_limits_of_the_windows():
    vocab, x_ids, y_ids = windows()
    h_all = conditional_entropy(x_ids.ravel().tolist(), y_ids.ravel().tolist())
    h_train = conditional_entropy(x_ids[TRAIN].ravel().tolist(), y_ids[TRAIN].ravel().tolist())
    floor = math.log(1 + 24 * math.exp(-2))
    assert round(h_all, 4) == 1.6108
    assert round(h_train, 4) == 1.4785
    assert round(floor, 4) == 1.4465
    assert floor < h_train < h_all < math.log(vocab.size)
    assert round(math.log(vocab.size), 4) == 3.2189


def test_the_limit_of_models_reading_the_training_windows_from_their_start():
    _, x_ids, y_ids = windows()
    x_train, y_train = x_ids[TRAIN], y_ids[TRAIN]
    window_floor = np.mean(
        [
            conditional_entropy([tuple(w[: t + 1]) for w in x_train], y_train[:, t].tolist())
            for t in range(10)
        ]
    )
    assert round(window_floor, 4) == 0.2104  # solutions, exercise 4
