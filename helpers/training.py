"""Reading a training log: the first update after which a prediction is all correct.

The labs train with ``model.fit`` and :class:`helpers.PredictionLog`, whose record N is the
model after N updates; :func:`first_step_all_correct` finds the first record that predicts the
targets everywhere (with ``record_every=1``, the number of updates it took).
"""

from __future__ import annotations

import numpy as np

__all__ = ["first_step_all_correct"]


def first_step_all_correct(predictions: np.ndarray, targets: np.ndarray) -> int | None:
    """The index of the first record whose prediction equals ``targets`` everywhere, or None
    if none does (an empty log included).

    predictions: shape (records,) + targets.shape, e.g. ``PredictionLog.predictions``.

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
