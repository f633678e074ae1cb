"""A Keras callback that prints the lecture's training log from ``model.fit``.

The lecture trained in a loop and printed, after each step, ``i loss: ... prediction: ...``: the
loss of step i (computed before its update) and the model's prediction after the update. With
``model.fit(x, y, epochs=N)`` on one batch, an epoch is one step, so :class:`PredictionLog`
prints the same log and keeps the numbers for the lab to inspect.

This module imports Keras; ``import helpers`` does not (``helpers.PredictionLog`` loads it on
first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import keras
import numpy as np

from helpers._checks import check_int

if TYPE_CHECKING:
    from helpers.text import CharVocab

__all__ = ["PredictionLog"]


class PredictionLog(keras.callbacks.Callback):
    """After each epoch, record the loss and the arg-max prediction on ``x``; print some steps.

    Prints ``step loss: 0.1234 prediction: ihello`` for the first ``first`` steps, then every
    ``every``-th step and the last one (``verbose=False``: print nothing). The prediction is
    the batch's first sequence decoded with ``vocab``.

    After ``fit``: ``losses`` has shape (steps,), ``predictions`` (steps, batch, time).

    Example:
        >>> from helpers.text import CharVocab
        >>> vocab = CharVocab.from_text("hihello")
        >>> x, y = vocab.one_hot("hihell")[None], vocab.encode("ihello")[None]
        >>> keras.utils.set_random_seed(1)
        >>> model = keras.Sequential([keras.Input((6, 5)), keras.layers.Dense(5)])
        >>> model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        >>> log = PredictionLog(x, vocab, verbose=False)
        >>> _ = model.fit(x, y, epochs=3, verbose=0, callbacks=[log])
        >>> log.losses.shape, log.predictions.shape
        ((3,), (3, 1, 6))
    """

    def __init__(
        self, x: np.ndarray, vocab: CharVocab, *, first: int = 10, every: int = 10, verbose=True
    ) -> None:
        super().__init__()
        x = np.asarray(x)
        if x.ndim != 3:
            raise ValueError(f"x must be 3-D (batch, time, features), got shape {x.shape}")
        if not hasattr(vocab, "decode"):
            raise TypeError(f"vocab must be a CharVocab, got {type(vocab).__name__}")
        self.x, self.vocab = x, vocab
        self.first, self.every = check_int("first", first, 0), check_int("every", every, 1)
        self.verbose = bool(verbose)
        self._losses: list[float] = []
        self._predictions: list[np.ndarray] = []

    @property
    def losses(self) -> np.ndarray:
        return np.array(self._losses)

    @property
    def predictions(self) -> np.ndarray:
        return np.array(self._predictions)

    def on_train_begin(self, logs=None) -> None:
        self._losses, self._predictions = [], []

    def on_epoch_end(self, epoch: int, logs=None) -> None:
        loss = float(logs["loss"])
        # predict_on_batch runs Keras' compiled predict step: several times faster per epoch
        # than calling the model eagerly.
        logits = self.model.predict_on_batch(self.x)
        ids = np.argmax(keras.ops.convert_to_numpy(logits), axis=-1)
        self._losses.append(loss)
        self._predictions.append(ids)
        last = self.params.get("epochs", 0) - 1
        if self.verbose and (epoch < self.first or (epoch + 1) % self.every == 0 or epoch == last):
            print(f"{epoch:4d} loss: {loss:.4f} prediction: {self.vocab.decode(ids[0])}")
