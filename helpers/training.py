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

import numpy as np

__all__ = ["TrainingLog", "train_steps", "first_step_all_correct", "print_log"]


@dataclass(frozen=True)
class TrainingLog:
    """What :func:`train_steps` recorded.

    losses: shape (steps,), the loss of each step before its update (as ``fit`` reports it).
    predictions: shape (steps,) + y_pred.shape[:-1], the arg-max of the model's output at each
        step, or None when not recorded.
    """

    losses: np.ndarray
    predictions: np.ndarray | None = None

    @property
    def final_loss(self) -> float:
        return float(self.losses[-1])


def train_steps(model, x, y, steps: int, *, record_predictions: bool = False) -> TrainingLog:
    """Train a compiled Keras model for ``steps`` full-batch steps on (x, y).

    Equivalent to ``model.fit(x, y, epochs=steps, batch_size=len(x), shuffle=False)``
    (TensorFlow backend), in one call to a compiled loop.

    Args:
        model: a compiled ``keras.Model`` (TensorFlow backend).
        x: inputs, shape (batch, ...).
        y: targets, shape (batch, ...).
        steps: number of gradient steps, >= 1.
        record_predictions: also record ``argmax(model(x), -1)`` at every step.

    Example:
        >>> log = train_steps(model, x_one_hot, y_ids, 50, record_predictions=True)
        >>> log.losses.shape, log.predictions.shape  # (steps,), (steps, batch, time)
    """
    import tensorflow as tf

    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be a positive int, got {steps!r}")
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
    """
    predictions, targets = np.asarray(predictions), np.asarray(targets)
    if predictions.shape[1:] != targets.shape:
        raise ValueError(
            f"predictions of shape {predictions.shape} do not hold steps of targets' shape "
            f"{targets.shape}"
        )
    hits = np.flatnonzero((predictions == targets).reshape(len(predictions), -1).all(axis=1))
    return int(hits[0]) if hits.size else None


def print_log(log: TrainingLog, vocab, *, first: int = 10, every: int = 10) -> None:
    """Print the lecture's log, ``step loss: 0.1234 prediction: ihello``.

    Shows the first ``first`` steps one by one, then every ``every``-th step and the last one.
    The prediction is that of the batch's first sequence, decoded with ``vocab`` (a
    :class:`helpers.text.CharVocab`); ``log`` must hold predictions (``record_predictions=True``).
    """
    if log.predictions is None:
        raise ValueError("log has no predictions: train with record_predictions=True")
    if first < 0 or every < 1:
        raise ValueError(f"need first >= 0 and every >= 1, got first={first}, every={every}")
    last = len(log.losses) - 1
    for step, (loss, pred) in enumerate(zip(log.losses, log.predictions, strict=True)):
        if step < first or (step + 1) % every == 0 or step == last:
            text = vocab.decode(pred.reshape(-1, pred.shape[-1])[0])
            print(f"{step:4d} loss: {loss:.4f} prediction: {text}")
