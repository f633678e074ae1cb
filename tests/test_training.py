import keras
import numpy as np
import pytest

from helpers.text import CharVocab
from helpers.training import TrainingLog, first_step_all_correct, print_log, train_steps

VOCAB = CharVocab.from_text("hihello")
X = VOCAB.one_hot("hihell")[None]  # (1, 6, 5)
Y = VOCAB.encode("ihello")[None]  # (1, 6)


def char_model(layer=keras.layers.LSTM):
    keras.utils.set_random_seed(777)
    model = keras.Sequential(
        [keras.Input((6, 5)), layer(5, return_sequences=True), keras.layers.Dense(5)]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(0.1),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    return model


def regression_model():
    keras.utils.set_random_seed(777)
    model = keras.Sequential([keras.Input((7, 5)), keras.layers.LSTM(4), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    return model


# Tolerance: the compiled loop runs the same ops as fit, so weights come out bit-identical; the
# reported loss may differ in the last float32 bit because fit averages it through a Mean metric.
@pytest.mark.parametrize("build", [char_model, regression_model])
def test_same_losses_and_weights_as_plain_fit(build):
    if build is char_model:
        x, y = X, Y
    else:
        rng = np.random.default_rng(0)
        x, y = rng.random((20, 7, 5)).astype("float32"), rng.random((20, 1)).astype("float32")
    plain = build()
    history = plain.fit(x, y, epochs=15, batch_size=len(x), shuffle=False, verbose=0)
    fast = build()
    log = train_steps(fast, x, y, 15)
    np.testing.assert_allclose(log.losses, history.history["loss"], rtol=1e-6, atol=1e-7)
    for a, b in zip(plain.get_weights(), fast.get_weights(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-7)
    assert log.losses.shape == (15,) and log.predictions is None
    assert log.final_loss == pytest.approx(history.history["loss"][-1], rel=1e-6)


def test_recorded_predictions_are_the_argmax_of_each_steps_forward_pass():
    # Replay the same training one step at a time: the prediction recorded for step k must be
    # the arg-max of the training forward pass before update k (the notebooks' logs rely on it).
    replay = char_model(keras.layers.GRU)
    expected = []
    for _ in range(12):
        expected.append(np.argmax(replay(X, training=True), axis=-1))
        replay.train_on_batch(X, Y)
    log = train_steps(char_model(keras.layers.GRU), X, Y, 12, record_predictions=True)
    np.testing.assert_array_equal(log.predictions, np.stack(expected))
    assert len({p.tobytes() for p in expected}) > 1  # the predictions do change over the steps


def test_a_trained_model_reaches_the_target_and_first_step_finds_it():
    model = char_model(keras.layers.GRU)
    log = train_steps(model, X, Y, 30, record_predictions=True)
    assert log.predictions.shape == (30, 1, 6)
    assert log.losses[-1] < log.losses[0]
    first = first_step_all_correct(log.predictions, Y)
    assert first is not None and VOCAB.decode(log.predictions[first]) == ["ihello"]
    # after 30 steps the model predicts ihello; the last recorded step is the model before it
    final_pred = np.argmax(model(X, training=False), axis=-1)
    np.testing.assert_array_equal(final_pred, Y)


def test_first_step_all_correct():
    targets = np.array([[1, 2]])
    preds = np.array([[[0, 2]], [[1, 2]], [[1, 1]], [[1, 2]]])
    assert first_step_all_correct(preds, targets) == 1
    assert first_step_all_correct(preds[[0, 2]], targets) is None
    with pytest.raises(ValueError, match="do not hold steps of targets' shape"):
        first_step_all_correct(preds, np.array([1, 2, 3]))
    with pytest.raises(ValueError, match=r"shape \(0, 1, 2\) do not hold steps"):
        first_step_all_correct(np.zeros((0, 1, 2)), np.zeros((2, 2)))


def test_bad_arguments():
    model = char_model()
    with pytest.raises(ValueError, match="steps must be >= 1, got 0"):
        train_steps(model, X, Y, 0)
    with pytest.raises(TypeError, match="steps must be an int, got 2.0"):
        train_steps(model, X, Y, 2.0)
    with pytest.raises(ValueError, match="x has 1 samples but y has 2"):
        train_steps(model, X, np.concatenate([Y, Y]), 1)
    uncompiled = keras.Sequential([keras.Input((6, 5)), keras.layers.Dense(5)])
    with pytest.raises(ValueError, match="not compiled"):
        train_steps(uncompiled, X, Y, 1)


def test_training_many_models_in_one_session_prints_no_retracing_warning(caplog):
    # A notebook trains one model after another; TensorFlow warns on stderr when one
    # function is traced five times in a row, which train_steps must not trigger.
    with caplog.at_level("WARNING"):
        for _ in range(7):
            train_steps(char_model(), X, Y, 1)
    assert not [r for r in caplog.records if "retracing" in r.getMessage()]


def test_print_log_prints_the_lectures_log(capsys):
    log = TrainingLog(
        losses=np.array([2.0, 1.0, 0.5, 0.25], dtype=np.float32),
        predictions=np.stack(
            [VOCAB.encode(w)[None] for w in ["hhhhhh", "ihhlll", "ihello", "ihello"]]
        ),
    )
    print_log(log, VOCAB, first=1, every=2)
    assert capsys.readouterr().out.splitlines() == [
        "   0 loss: 2.0000 prediction: hhhhhh",
        "   1 loss: 1.0000 prediction: ihhlll",
        "   3 loss: 0.2500 prediction: ihello",
    ]
    with pytest.raises(ValueError, match="record_predictions=True"):
        print_log(TrainingLog(losses=log.losses), VOCAB)
    with pytest.raises(TypeError, match="first must be an int, got 'a'"):
        print_log(log, VOCAB, first="a")
    with pytest.raises(ValueError, match="every must be >= 1, got 0"):
        print_log(log, VOCAB, every=0)
    with pytest.raises(ValueError, match=r"shape \(4, 1\); print_log decodes"):
        print_log(TrainingLog(log.losses, np.zeros((4, 1), dtype=int)), VOCAB)


# --- issue 21 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("steps", [np.int64(2), np.int32(2), np.int16(2), np.uint8(2)])
def test_numpy_integer_steps_train_like_a_python_int(steps):
    # fit(epochs=np.int64(2)) works; train_steps used to raise a TypeError (int64 where the loop
    # expects int32) or, for np.int16, an AssertionError
    log = train_steps(char_model(), X, Y, steps, record_predictions=True)
    assert log.losses.shape == (2,) and log.predictions.shape == (2, 1, 6)


def test_first_step_all_correct_of_no_steps_is_none():
    # a log of zero steps has no step that is all correct (used to raise a reshape ValueError)
    assert first_step_all_correct(np.zeros((0, 1, 6), int), np.zeros((1, 6), int)) is None
    assert first_step_all_correct(np.zeros((0,), int), np.zeros((), int)) is None
