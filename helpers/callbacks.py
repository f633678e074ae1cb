"""A Keras callback that prints the lecture's training log from ``model.fit``.

The lecture trained in a loop and printed ``i loss: ... prediction: ...`` as it went.
:class:`PredictionLog` prints the same log from ``model.fit``, with one convention everywhere:
line N describes the model **after N updates** (line 0: the untrained model), its loss on
``(x, y)`` and its arg-max prediction, both computed from that same model. It works whether
``fit`` makes one update per epoch (``fit(x, y, epochs=50)``) or many
(``fit(helpers.repeat_batch(x, y, 500))``), on every Keras backend.

Why not print ``fit``'s own ``logs["loss"]``? Within an epoch Keras reports a running mean of
the batch losses so far, and each batch's loss is computed before that batch's update: after
3,000 updates in one epoch it would print 0.2849, the mean over the whole run, where the model
scores 0.2773. ``history.history["loss"]`` holds, per epoch, that mean.

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
    """Record, after every ``record_every``-th update, the loss on ``(x, y)`` and the arg-max
    prediction on ``x``; print some of them.

    Prints ``after   N updates  loss 0.1234  ihello`` (the batch's first sequence decoded with
    ``vocab``) for N = 0 ... ``first`` - 1, then every ``every``-th and the last
    (``verbose=False``: print nothing).

    After ``fit``: ``updates`` has shape (records,) (0, record_every, 2 x record_every, ...,
    and the last update), ``losses`` the same, ``predictions`` (records, batch, time).

    Args:
        x, y: the batch to score (usually the training batch itself).
        vocab: a ``helpers.CharVocab`` to decode predictions with; None for no decoding.
        first, every: which lines to print.
        record_every: record only every this many updates (a forward pass each): 1 for the
            50-update runs, 10 or more for the long ones.
        verbose: print the lines (else only record them).

    Example:
        >>> from helpers.text import CharVocab
        >>> vocab = CharVocab.from_text("hihello")
        >>> x, y = vocab.one_hot("hihell")[None], vocab.encode("ihello")[None]
        >>> keras.utils.set_random_seed(1)
        >>> model = keras.Sequential([keras.Input((6, 5)), keras.layers.Dense(5)])
        >>> model.compile("adam", keras.losses.SparseCategoricalCrossentropy(from_logits=True))
        >>> log = PredictionLog(x, y, vocab, verbose=False)
        >>> _ = model.fit(x, y, epochs=3, verbose=0, callbacks=[log])
        >>> log.updates.tolist(), log.losses.shape, log.predictions.shape
        ([0, 1, 2, 3], (4,), (4, 1, 6))
    """

    def __init__(
        self,
        x: np.ndarray,
        y: np.ndarray,
        vocab: CharVocab | None = None,
        *,
        first: int = 10,
        every: int = 10,
        record_every: int = 1,
        verbose: bool = True,
    ) -> None:
        super().__init__()
        x, y = np.asarray(x), np.asarray(y)
        if x.ndim < 2:
            raise ValueError(f"x must be a batch (samples, ...), got shape {x.shape}")
        if len(y) != len(x):
            raise ValueError(f"x has {len(x)} samples but y has {len(y)}")
        if vocab is not None and not hasattr(vocab, "decode"):
            raise TypeError(f"vocab must be a CharVocab or None, got {type(vocab).__name__}")
        self.x, self.y, self.vocab = x, y, vocab
        self.first = check_int("first", first, 0)
        self.every = check_int("every", every, 1)
        self.record_every = check_int("record_every", record_every, 1)
        self.verbose = bool(verbose)
        self._reset()

    def _reset(self) -> None:
        self._count = 0
        self._updates: list[int] = []
        self._losses: list[float] = []
        self._predictions: list[np.ndarray] = []
        self._total = None

    @property
    def updates(self) -> np.ndarray:
        return np.array(self._updates, dtype=int)

    @property
    def losses(self) -> np.ndarray:
        return np.array(self._losses)

    @property
    def predictions(self) -> np.ndarray:
        return np.array(self._predictions)

    @property
    def final_loss(self) -> float:
        """The loss of the trained model on (x, y)."""
        return self._losses[-1]

    def _loss_fn(self):
        loss = self.model.loss
        if loss is None:
            raise ValueError("the model is not compiled with a loss: model.compile(loss=...)")
        return loss if callable(loss) else keras.losses.get(loss)

    def _record(self) -> None:
        # predict_on_batch runs Keras' compiled predict step (much faster than an eager call).
        out = keras.ops.convert_to_numpy(self.model.predict_on_batch(self.x))
        # the mean, as Keras reduces: a loss given by name ("mse") is a per-sample function
        loss = float(np.mean(keras.ops.convert_to_numpy(self._loss_fn()(self.y, out))))
        ids = out.argmax(axis=-1)
        n = self._count
        self._updates.append(n)
        self._losses.append(loss)
        self._predictions.append(ids)
        last = self._total is not None and n == self._total
        if self.verbose and (n < self.first or n % self.every == 0 or last):
            text = self.vocab.decode(ids[0]) if self.vocab is not None else ""
            print(f"after {n:4d} updates  loss {loss:.4f}  {text}".rstrip())

    def on_train_begin(self, logs=None) -> None:
        self._reset()
        epochs, steps = self.params.get("epochs"), self.params.get("steps")
        if epochs and steps:
            self._total = epochs * steps
        self._record()

    def on_train_batch_end(self, batch: int, logs=None) -> None:
        self._count += 1
        if self._count % self.record_every == 0 or self._count == self._total:
            self._record()

    def on_train_end(self, logs=None) -> None:
        if self._updates[-1] != self._count:  # stopped early, or steps unknown to Keras
            self._record()
