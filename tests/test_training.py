"""first_step_all_correct, and training with fit + PredictionLog on NumPy integer arguments."""

import keras
import numpy as np
import pytest

import helpers
from helpers.text import CharVocab
from helpers.training import first_step_all_correct

VOCAB = CharVocab.from_text("hihello")
X, Y = VOCAB.one_hot("hihell")[None], VOCAB.encode("ihello")[None]


def char_model():
    keras.utils.set_random_seed(777)
    model = keras.Sequential(
        [keras.Input((6, 5)), keras.layers.LSTM(5, return_sequences=True), keras.layers.Dense(5)]
    )
    model.compile(keras.optimizers.Adam(0.1), keras.losses.SparseCategoricalCrossentropy(True))
    return model


def test_a_trained_model_reaches_the_target_and_first_step_finds_it():
    log = helpers.PredictionLog(X, Y, VOCAB, verbose=False)
    model = char_model()
    model.fit(helpers.repeat_batch(X, Y, 30), verbose=0, callbacks=[log])
    first = first_step_all_correct(log.predictions, Y)
    assert first is not None and VOCAB.decode(log.predictions[first]) == ["ihello"]
    assert VOCAB.decode(log.predictions[first - 1]) != ["ihello"]
    final = keras.ops.convert_to_numpy(model.predict_on_batch(X)).argmax(-1)
    np.testing.assert_array_equal(final, log.predictions[-1])


def test_first_step_all_correct():
    targets = np.array([[1, 2]])
    preds = np.array([[[0, 2]], [[1, 2]], [[1, 1]], [[1, 2]]])
    assert first_step_all_correct(preds, targets) == 1
    assert first_step_all_correct(preds[[0, 2]], targets) is None
    with pytest.raises(ValueError, match="do not hold steps of targets' shape"):
        first_step_all_correct(preds, np.array([1, 2, 3]))
    with pytest.raises(ValueError, match=r"shape \(0, 1, 2\) do not hold steps"):
        first_step_all_correct(np.zeros((0, 1, 2)), np.zeros((2, 2)))


@pytest.mark.parametrize("n", [np.int64(2), np.int32(2), np.int16(2), np.uint8(2)])
def test_numpy_integer_arguments_train_like_a_python_int(n):
    # fit(epochs=np.int64(2)) works; helpers.train_steps (removed since: the labs train with
    # fit) raised a TypeError on np.int64 and an AssertionError on np.int16, because check_int's
    # Python int was dropped
    log = helpers.PredictionLog(X, Y, VOCAB, first=n, every=n, record_every=n, verbose=False)
    char_model().fit(helpers.repeat_batch(X, Y, n), verbose=0, callbacks=[log])
    assert log.updates.tolist() == [0, 2] and log.predictions.shape == (2, 1, 6)
    assert type(log.first) is int and type(log.record_every) is int


def test_first_step_all_correct_of_no_steps_is_none():
    # a log of zero steps has no step that is all correct (used to raise a reshape ValueError)
    assert first_step_all_correct(np.zeros((0, 1, 6), int), np.zeros((1, 6), int)) is None
    assert first_step_all_correct(np.zeros((0,), int), np.zeros((), int)) is None
