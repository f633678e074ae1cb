"""The little that needs a Keras backend's own API, in one place.

Everything else in the labs is written in Keras (``keras.ops``, ``model.fit``, ``predict``) and
runs unchanged on TensorFlow, JAX and PyTorch. Three things are not in Keras' public API:

- :func:`repeat_batch`: one batch fed to ``fit`` N times in one epoch, the fastest way to make
  N full-batch updates (Keras sets up every epoch anew: 500 one-step epochs cost ~6x as long on
  TensorFlow, see benchmarks/bench_training.py);
- :func:`input_gradients`: d loss / d input, how much each input moves the loss (lab 05);
- :func:`weight_gradients`: d loss / d weights, what ``fit`` computes at each step (lab 04);
- :func:`forward`: a model's forward pass compiled once, for loops that call a model thousands
  of times on one sequence (text generation): ``predict_on_batch`` costs ~10 ms a call on
  TensorFlow and JAX, a compiled call well under one.

This module imports Keras and the backend only inside the functions.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from helpers._checks import check_int

if TYPE_CHECKING:
    import keras

__all__ = ["backend_name", "forward", "input_gradients", "repeat_batch", "weight_gradients"]


def backend_name() -> str:
    """The Keras backend in use: ``"tensorflow"``, ``"jax"`` or ``"torch"``."""
    import keras

    return keras.backend.backend()


def _check_batch(x, y) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim == 0 or y.ndim == 0:
        raise ValueError(
            f"x and y must be batches (first axis = samples), got shapes {x.shape} and {y.shape}"
        )
    if len(x) != len(y):
        raise ValueError(f"x has {len(x)} samples but y has {len(y)}")
    return x, y


def repeat_batch(x: np.ndarray, y: np.ndarray, times: int):
    """The batch ``(x, y)``, ``times`` times in a row, for ``model.fit``: ``times`` updates.

    ``model.fit(repeat_batch(x, y, 500))`` makes the same 500 updates, with the same losses, as
    ``model.fit(x, y, epochs=500, batch_size=len(x))``, in one epoch instead of 500.

    Returns a ``tf.data.Dataset`` on the TensorFlow backend (its fastest input) and a
    ``keras.utils.PyDataset`` on the others (no TensorFlow needed).

    Example:
        >>> import keras
        >>> x, y = np.ones((4, 3), "float32"), np.zeros((4, 1), "float32")
        >>> model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
        >>> model.compile("sgd", "mse")
        >>> history = model.fit(repeat_batch(x, y, 5), verbose=0)
        >>> model.optimizer.iterations.numpy().item()  # updates made
        5
    """
    times = check_int("times", times, 1)
    x, y = _check_batch(x, y)
    if backend_name() == "tensorflow":
        import tensorflow as tf

        return tf.data.Dataset.from_tensors((x, y)).repeat(times)
    return _repeated_batch_class()(x, y, times)


@functools.cache
def _repeated_batch_class():
    """Made on first use: subclassing keras.utils.PyDataset imports Keras."""
    import keras

    class RepeatedBatch(keras.utils.PyDataset):
        """The same (x, y) ``times`` times."""

        def __init__(self, x, y, times):
            super().__init__()
            self.x, self.y, self.times = x, y, times

        def __len__(self):
            return self.times

        def __getitem__(self, index):
            if not 0 <= index < self.times:
                raise IndexError(f"batch {index} of {self.times}")
            return self.x, self.y

    return RepeatedBatch


def input_gradients(
    model: keras.Model, x: np.ndarray, loss: Callable[[object], object]
) -> np.ndarray:
    """d loss(model(x)) / d x, as a NumPy array of x's shape.

    Args:
        model: a Keras model (or any callable on backend tensors).
        x: the input batch (float).
        loss: maps the model's output to a scalar, in ``keras.ops`` or a Keras loss (runs on
            every backend), e.g. ``lambda logits: loss_fn(y, logits)``; not NumPy operators,
            which PyTorch's tensors that record gradients refuse.

    Example:
        >>> import keras
        >>> model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, use_bias=False)])
        >>> model.set_weights([np.array([[3.0], [-1.0]])])
        >>> input_gradients(model, np.ones((1, 2)), lambda out: keras.ops.sum(out)).tolist()
        [[3.0, -1.0]]
    """
    x = np.asarray(x, dtype="float32")
    backend = backend_name()
    if backend == "tensorflow":
        import tensorflow as tf

        xt = tf.convert_to_tensor(x)
        with tf.GradientTape() as tape:
            tape.watch(xt)  # x is not a variable: tell the tape to record what depends on it
            value = loss(model(xt))
        return tape.gradient(value, xt).numpy()
    if backend == "jax":
        import jax

        return np.asarray(jax.grad(lambda xj: loss(model(xj)))(jax.numpy.asarray(x)))
    import torch

    xt = torch.tensor(x, requires_grad=True)
    value = loss(model(xt))
    (grad,) = torch.autograd.grad(value, [xt])
    return grad.detach().cpu().numpy()


def weight_gradients(model: keras.Model, loss: Callable[[object], object], x: np.ndarray):
    """d loss(model(x)) / d w for each of ``model.trainable_weights``, as NumPy arrays.

    ``fit`` computes these at every step (then the optimizer turns them into an update).

    Example:
        >>> import keras
        >>> model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, use_bias=False)])
        >>> grads = weight_gradients(model, lambda out: keras.ops.sum(out), np.array([[1.0, 2.0]]))
        >>> [g.tolist() for g in grads]
        [[[1.0], [2.0]]]
    """
    x = np.asarray(x, dtype="float32")
    weights = model.trainable_weights
    backend = backend_name()
    if backend == "tensorflow":
        import tensorflow as tf

        with tf.GradientTape() as tape:
            value = loss(model(x))
        return [g.numpy() for g in tape.gradient(value, weights)]
    if backend == "jax":
        import jax

        trainable = [v.value for v in model.trainable_variables]
        others = [v.value for v in model.non_trainable_variables]

        def of_weights(values):
            out, _ = model.stateless_call(values, others, x)
            return loss(out)

        return [np.asarray(g) for g in jax.grad(of_weights)(trainable)]
    import torch

    value = loss(model(torch.tensor(x)))
    grads = torch.autograd.grad(value, [w.value for w in weights])
    return [g.detach().cpu().numpy() for g in grads]


# One compiled forward pass per model, made on first use and dropped with the model.
_FORWARD: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def forward(model: keras.Model) -> Callable[[np.ndarray], np.ndarray]:
    """``x -> model(x, training=False)`` as NumPy, compiled once per model (cached).

    Inputs of a new shape (a longer sequence) compile again, once each. The weights are read at
    every call, so the function stays right while the model trains.

    Example:
        >>> import keras
        >>> model = keras.Sequential([keras.Input((None, 2)), keras.layers.Dense(1)])
        >>> forward(model)(np.zeros((1, 3, 2), "float32")).shape
        (1, 3, 1)
    """
    fn = _FORWARD.get(model)
    if fn is None:
        fn = _FORWARD[model] = _compile_forward(weakref.ref(model))  # the cache must not
    return fn  # keep the model alive


def _compile_forward(ref) -> Callable[[np.ndarray], np.ndarray]:
    backend = backend_name()
    if backend == "tensorflow":
        import tensorflow as tf

        compiled = tf.function(lambda x: ref()(x, training=False), reduce_retracing=True)
        # Each model gets its own function, on purpose: without this TensorFlow warns (on
        # stderr) about "frequent retracing" from the fifth model a notebook generates with.
        compiled._omit_frequent_tracing_warning = True
        return lambda x: compiled(np.asarray(x, "float32")).numpy()
    if backend == "jax":
        import jax

        @jax.jit
        def compiled(trainable, non_trainable, x):
            return ref().stateless_call(trainable, non_trainable, x, training=False)[0]

        def call(x):
            model = ref()
            trainable = [v.value for v in model.trainable_variables]
            non_trainable = [v.value for v in model.non_trainable_variables]
            return np.asarray(compiled(trainable, non_trainable, np.asarray(x, "float32")))

        return call
    import torch

    def call(x):
        with torch.no_grad():  # PyTorch runs eagerly and fast; no graph to record
            out = ref()(torch.as_tensor(np.asarray(x, "float32")), training=False)
        return out.detach().cpu().numpy()

    return call
