"""Full-batch training for many small steps, without Keras' per-epoch overhead.

The lectures train tiny models on one batch for 50-500 steps. The plain port,
``model.fit(x, y, epochs=500)``, pays Keras' per-epoch set-up (data adapter, callbacks, logs)
500 times, which costs far more than the step itself. :func:`train_steps` runs all the steps in
one compiled TensorFlow loop doing exactly what ``fit`` does per step (the model's own
``compute_loss`` and optimizer), and records each step's loss (and, if asked, the arg-max
prediction), so the lecture's ``step, loss, prediction`` log can still be printed.

``tests/test_training.py`` checks that every step's loss equals ``fit(epochs=N)``'s history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from helpers._checks import check_int

if TYPE_CHECKING:  # for type hints only: importing helpers must not import Keras
    import keras

    from helpers.text import CharVocab

__all__ = ["TrainingLog", "train_steps", "first_step_all_correct", "print_log"]


@dataclass(frozen=True)
class TrainingLog:
    """What :func:`train_steps` recorded.

    losses: shape (steps,), the loss of each step before its update (as ``fit`` reports it).
    predictions: shape (steps,) + y_pred.shape[:-1], the arg-max of the model's output in each
        step's training forward pass (``model(x, training=True)``, before that step's update),
        or None when not recorded.
    """

    losses: np.ndarray
    predictions: np.ndarray | None = None

    @property
    def final_loss(self) -> float:
        return float(self.losses[-1])


def train_steps(
    model: keras.Model,
    x: np.ndarray,
    y: np.ndarray,
    steps: int,
    *,
    record_predictions: bool = False,
) -> TrainingLog:
    """Train a compiled Keras model for ``steps`` full-batch steps on (x, y).

    Equivalent to ``model.fit(x, y, epochs=steps, batch_size=len(x), shuffle=False)``
    (TensorFlow backend), in one call to a compiled loop.

    Args:
        model: a compiled ``keras.Model`` (TensorFlow backend).
        x: inputs, shape (batch, ...).
        y: targets, shape (batch, ...).
        steps: number of gradient steps, >= 1.
        record_predictions: also record ``argmax(model(x, training=True), -1)`` at every step,
            from the same forward pass as the step's loss.

    Example:
        >>> import keras
        >>> from helpers.text import CharVocab
        >>> vocab = CharVocab.from_text("hihello")
        >>> x, y = vocab.one_hot("hihell")[None], vocab.encode("ihello")[None]  # (1, 6, 5), (1, 6)
        >>> lstm = keras.layers.LSTM(5, return_sequences=True)
        >>> model = keras.Sequential([keras.Input((6, 5)), lstm, keras.layers.Dense(5)])
        >>> model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(True))
        >>> log = train_steps(model, x, y, 3, record_predictions=True)
        >>> log.losses.shape, log.predictions.shape  # (steps,), (steps, batch, time)
        ((3,), (3, 1, 6))
    """
    import tensorflow as tf

    steps = check_int("steps", steps, 1)
    if getattr(model, "optimizer", None) is None:
        raise ValueError("model is not compiled: call model.compile(optimizer=..., loss=...) first")
    x = tf.convert_to_tensor(x)
    y = tf.convert_to_tensor(y)
    if x.shape[0] != y.shape[0]:
        raise ValueError(f"x has {x.shape[0]} samples but y has {y.shape[0]}")

    # The body of keras' TensorFlow Trainer.train_step, minus the running-mean metrics.
    def step():
        with tf.GradientTape() as tape:
            y_pred = model(x, training=True)
            loss = model.compute_loss(x=x, y=y, y_pred=y_pred, training=True)
            scaled = model.optimizer.scale_loss(loss)
        weights = model.trainable_weights
        model.optimizer.apply_gradients(zip(tape.gradient(scaled, weights), weights, strict=True))
        return loss, tf.argmax(y_pred, axis=-1, output_type=tf.int32)

    @tf.function
    def run():
        losses = tf.TensorArray(tf.float32, size=steps)
        preds = tf.TensorArray(tf.int32, size=steps if record_predictions else 0)
        for i in tf.range(steps):
            loss, pred = step()
            losses = losses.write(i, tf.cast(loss, tf.float32))
            if record_predictions:
                preds = preds.write(i, pred)
        return losses.stack(), preds.stack() if record_predictions else tf.zeros(0, tf.int32)

    # Each call compiles a loop for its own model, on purpose; without this, TensorFlow's
    # "N out of the last N calls triggered tf.function retracing" heuristic warns (on stderr)
    # from the fifth model a notebook trains. Private attribute: harmless if TF drops it.
    run._omit_frequent_tracing_warning = True
    losses, preds = run()
    return TrainingLog(losses.numpy(), preds.numpy() if record_predictions else None)


def first_step_all_correct(predictions: np.ndarray, targets: np.ndarray) -> int | None:
    """The first step whose prediction equals ``targets`` everywhere, or None if none does.

    predictions: shape (steps,) + targets.shape, e.g. ``TrainingLog.predictions``.

    Example:
        >>> first_step_all_correct(np.array([[0, 2], [1, 2], [1, 2]]), np.array([1, 2]))
        1
    """
    predictions, targets = np.asarray(predictions), np.asarray(targets)
    if predictions.ndim == 0 or predictions.shape[1:] != targets.shape:
        raise ValueError(
            f"predictions of shape {predictions.shape} do not hold steps of targets' shape "
            f"{targets.shape}"
        )
    hits = np.flatnonzero((predictions == targets).all(axis=tuple(range(1, predictions.ndim))))
    return int(hits[0]) if hits.size else None


def print_log(log: TrainingLog, vocab: CharVocab, *, first: int = 10, every: int = 10) -> None:
    """Print the lecture's log, ``step loss: 0.1234 prediction: ihello``.

    Shows the first ``first`` steps one by one, then every ``every``-th step and the last one.
    The prediction is that of the batch's first sequence, decoded with ``vocab``; ``log`` must
    hold character predictions of shape (steps, batch, time) (``record_predictions=True``).

    Example:
        >>> from helpers.text import CharVocab
        >>> vocab = CharVocab.from_text("hihello")
        >>> ids = np.stack([vocab.encode(w)[None] for w in ("hhhhhh", "ihello")])  # (2, 1, 6)
        >>> print_log(TrainingLog(np.array([1.5, 0.25]), ids), vocab)
           0 loss: 1.5000 prediction: hhhhhh
           1 loss: 0.2500 prediction: ihello
    """
    if log.predictions is None:
        raise ValueError("log has no predictions: train with record_predictions=True")
    if log.predictions.ndim != 3:
        raise ValueError(
            f"log.predictions has shape {log.predictions.shape}; print_log decodes character "
            "sequences of shape (steps, batch, time)"
        )
    first, every = check_int("first", first, 0), check_int("every", every, 1)
    last = len(log.losses) - 1
    for step, (loss, pred) in enumerate(zip(log.losses, log.predictions, strict=True)):
        if step < first or (step + 1) % every == 0 or step == last:
            text = vocab.decode(pred[0])
            print(f"{step:4d} loss: {loss:.4f} prediction: {text}")
