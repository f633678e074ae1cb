"""PredictionLog: fit's log equals train_steps' losses; predictions are after each update."""

import keras
import numpy as np
import pytest

import helpers
from helpers.text import CharVocab
from helpers.training import train_steps

VOCAB = CharVocab.from_text("hihello")
X, Y = VOCAB.one_hot("hihell")[None], VOCAB.encode("ihello")[None]


def model():
    keras.utils.set_random_seed(777)
    m = keras.Sequential(
        [keras.Input((6, 5)), keras.layers.LSTM(5, return_sequences=True), keras.layers.Dense(5)]
    )
    m.compile(keras.optimizers.Adam(0.1), keras.losses.SparseCategoricalCrossentropy(True))
    return m


def test_losses_equal_train_steps_and_predictions_follow_each_update(capsys):
    m = model()
    log = helpers.PredictionLog(X, VOCAB, first=2, every=5)
    m.fit(X, Y, epochs=10, verbose=0, callbacks=[log])
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in printed] == ["0", "1", "4", "9"]
    np.testing.assert_allclose(log.losses, train_steps(model(), X, Y, 10).losses, rtol=1e-5)
    after = keras.ops.convert_to_numpy(keras.ops.argmax(m(X), axis=-1))
    np.testing.assert_array_equal(log.predictions[-1], after)
    assert log.predictions.shape == (10, 1, 6)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match=r"x must be 3-D.*\(6, 5\)"):
        helpers.PredictionLog(X[0], VOCAB)
    with pytest.raises(TypeError, match="vocab must be a CharVocab"):
        helpers.PredictionLog(X, "hihelo")
    with pytest.raises(ValueError, match="every must be >= 1, got 0"):
        helpers.PredictionLog(X, VOCAB, every=0)


def test_importing_helpers_does_not_import_keras():
    import subprocess
    import sys

    code = "import sys, helpers; print('keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
