"""PredictionLog: line N is the model after N updates, the same from fit(epochs=N) and from
fit(repeat_batch(..., N)), on every backend (make test-unit runs this file on each)."""

import keras
import numpy as np
import pytest

import helpers
from helpers.text import CharVocab

VOCAB = CharVocab.from_text("hihello")
X, Y = VOCAB.one_hot("hihell")[None], VOCAB.encode("ihello")[None]
LOSS = keras.losses.SparseCategoricalCrossentropy(from_logits=True)


def model():
    keras.utils.set_random_seed(777)
    m = keras.Sequential(
        [keras.Input((6, 5)), keras.layers.LSTM(5, return_sequences=True), keras.layers.Dense(5)]
    )
    m.compile(keras.optimizers.Adam(0.1), LOSS)
    return m


def loss_and_prediction(m):
    out = keras.ops.convert_to_numpy(m.predict_on_batch(X))
    return float(keras.ops.convert_to_numpy(LOSS(Y, out))), out.argmax(-1)


def test_each_line_describes_the_model_after_that_many_updates(capsys):
    m = model()
    before = loss_and_prediction(m)
    log = helpers.PredictionLog(X, Y, VOCAB, first=2, every=5)
    m.fit(X, Y, epochs=10, verbose=0, callbacks=[log])
    printed = capsys.readouterr().out.splitlines()
    assert [int(line.split()[1]) for line in printed] == [0, 1, 5, 10]
    assert printed[0].startswith("after    0 updates  loss ")
    assert log.updates.tolist() == list(range(11))
    assert log.losses[0] == pytest.approx(before[0], rel=1e-6)
    np.testing.assert_array_equal(log.predictions[0], before[1])
    after = loss_and_prediction(m)
    assert log.final_loss == pytest.approx(after[0], rel=1e-6)
    np.testing.assert_array_equal(log.predictions[-1], after[1])
    assert log.predictions.shape == (11, 1, 6)
    assert printed[-1].endswith(VOCAB.decode(after[1][0]))


def test_one_epoch_of_a_repeated_batch_gives_the_same_log_and_weights():
    per_epoch, repeated = model(), model()
    log_a = helpers.PredictionLog(X, Y, VOCAB, verbose=False)
    log_b = helpers.PredictionLog(X, Y, VOCAB, verbose=False)
    per_epoch.fit(X, Y, epochs=12, verbose=0, callbacks=[log_a])
    repeated.fit(helpers.repeat_batch(X, Y, 12), verbose=0, callbacks=[log_b])
    np.testing.assert_allclose(log_a.losses, log_b.losses, rtol=1e-6)
    for a, b in zip(per_epoch.get_weights(), repeated.get_weights(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)


def test_record_every_keeps_the_first_and_the_last_update():
    log = helpers.PredictionLog(X, Y, VOCAB, record_every=4, verbose=False)
    model().fit(helpers.repeat_batch(X, Y, 10), verbose=0, callbacks=[log])
    assert log.updates.tolist() == [0, 4, 8, 10]


def test_without_vocab_it_prints_losses_only(capsys):
    log = helpers.PredictionLog(X, Y, first=1, every=100)
    model().fit(X, Y, epochs=2, verbose=0, callbacks=[log])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(len(line.split()) == 5 for line in lines)


def test_a_loss_given_by_name_is_reduced_like_keras():
    keras.utils.set_random_seed(3)
    m = keras.Sequential([keras.Input((6, 5)), keras.layers.Dense(1)])
    m.compile("sgd", "mse")
    y = np.ones((1, 6, 1), "float32")
    log = helpers.PredictionLog(X, y, verbose=False)
    m.fit(X, y, epochs=2, verbose=0, callbacks=[log])
    assert log.final_loss == pytest.approx(m.evaluate(X, y, verbose=0), rel=1e-5)


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match=r"x must be a batch.*\(5,\)"):
        helpers.PredictionLog(X[0, 0], Y)
    with pytest.raises(ValueError, match="x has 1 samples but y has 2"):
        helpers.PredictionLog(X, np.zeros((2, 6)))
    with pytest.raises(TypeError, match="vocab must be a CharVocab"):
        helpers.PredictionLog(X, Y, "hihelo")
    with pytest.raises(ValueError, match="every must be >= 1, got 0"):
        helpers.PredictionLog(X, Y, VOCAB, every=0)
    with pytest.raises(TypeError, match="record_every must be an int"):
        helpers.PredictionLog(X, Y, VOCAB, record_every=2.0)


def test_importing_helpers_does_not_import_keras():
    import subprocess
    import sys

    code = "import sys, helpers; print('keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
