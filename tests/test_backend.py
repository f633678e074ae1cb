"""helpers.backend on every Keras backend (make test-unit runs this file on each)."""

import gc
import weakref

import keras
import numpy as np
import pytest

import helpers
from helpers import backend


def rnn_model(units=3, features=2):
    keras.utils.set_random_seed(5)
    model = keras.Sequential(
        [keras.Input((None, features)), keras.layers.LSTM(units), keras.layers.Dense(2)]
    )
    model.compile("adam", "mse")
    return model


X = np.random.default_rng(0).normal(size=(4, 5, 2)).astype("float32")


def test_backend_name_is_the_keras_backend():
    assert backend.backend_name() == keras.backend.backend()


def test_forward_equals_predict_and_is_cached_without_keeping_the_model_alive():
    model = rnn_model()
    fn = backend.forward(model)
    np.testing.assert_allclose(fn(X), model.predict_on_batch(X), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(fn(X[:, :3]), model.predict_on_batch(X[:, :3]), rtol=1e-5, atol=1e-6)
    assert backend.forward(model) is fn
    alive = weakref.ref(model)
    del model, fn
    gc.collect()
    assert alive() is None


def test_forward_follows_training():
    model = rnn_model()
    fn = backend.forward(model)
    before = fn(X)
    model.fit(X, np.ones((4, 2), "float32"), epochs=3, verbose=0)
    np.testing.assert_allclose(fn(X), model.predict_on_batch(X), rtol=1e-5, atol=1e-6)
    assert not np.allclose(fn(X), before)


def test_input_gradients_match_finite_differences():
    model = rnn_model()
    target = np.zeros((4, 2), "float32")

    def loss(out):
        return keras.ops.sum(keras.ops.square(keras.ops.subtract(out, target)))

    grad = helpers.input_gradients(model, X, loss)
    assert grad.shape == X.shape
    eps = 1e-2
    for index in [(0, 0, 0), (1, 4, 1), (3, 2, 0)]:
        up, down = X.copy(), X.copy()
        up[index] += eps
        down[index] -= eps
        f = [float(np.sum((model.predict_on_batch(v) - target) ** 2)) for v in (up, down)]
        assert grad[index] == pytest.approx((f[0] - f[1]) / (2 * eps), rel=2e-2, abs=1e-4)


def test_weight_gradients_of_a_linear_model_are_known():
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    x = np.array([[1.0, 2.0], [3.0, -1.0]], "float32")
    kernel_grad, bias_grad = helpers.weight_gradients(model, lambda out: keras.ops.sum(out), x)
    np.testing.assert_allclose(kernel_grad, [[4.0], [1.0]])
    np.testing.assert_allclose(bias_grad, [2.0])


def test_weight_gradients_of_a_sum_are_n_times_those_of_a_mean():
    model = rnn_model()
    sums = helpers.weight_gradients(model, lambda out: keras.ops.sum(out**2), X)
    means = helpers.weight_gradients(model, lambda out: keras.ops.mean(out**2), X)
    for s, m in zip(sums, means, strict=True):
        np.testing.assert_allclose(s, X.shape[0] * 2 * m, rtol=1e-4, atol=1e-6)  # 4 x 2 outputs


def test_repeat_batch_makes_that_many_updates():
    model = rnn_model()
    model.fit(helpers.repeat_batch(X, np.ones((4, 2), "float32"), 7), verbose=0)
    assert int(keras.ops.convert_to_numpy(model.optimizer.iterations)) == 7


def test_repeat_batch_rejects_bad_arguments():
    with pytest.raises(ValueError, match="x has 4 samples but y has 3"):
        helpers.repeat_batch(X, np.ones((3, 2)), 2)
    with pytest.raises(ValueError, match="times must be >= 1, got 0"):
        helpers.repeat_batch(X, np.ones((4, 2)), 0)
    with pytest.raises(TypeError, match="times must be an int"):
        helpers.repeat_batch(X, np.ones((4, 2)), 2.0)
    assert len(helpers.repeat_batch(X, np.ones((4, 2)), np.int64(3))) == 3
