"""Sliding windows over sequences, cut by NumPy (no Python loop over windows).

Both functions return fresh, writable arrays: the windows are copied out of a
``sliding_window_view``, so changing the input later, or writing into the windows, touches
nothing else.

- :func:`seq2seq_windows`: char ids -> (X, Y) with Y shifted one step, for many-to-many RNNs.
- :func:`many_to_one_windows`: a (time, features) series -> (X, y), y the target right after
  each window, for many-to-one RNNs such as the stock lab.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from helpers._checks import check_int, check_real

__all__ = ["seq2seq_windows", "many_to_one_windows"]


def _check_length(length: int, steps: int) -> int:
    length = check_int("window length", length)  # a Python int: no NumPy overflow below
    if length < 1:
        raise ValueError(f"window length {length} must be at least 1")
    if length >= steps:
        raise ValueError(
            f"window length {length} leaves no target: the series has only {steps} steps "
            f"(need at least {length + 1})"
        )
    return length


def seq2seq_windows(ids: np.ndarray, length: int) -> tuple[np.ndarray, np.ndarray]:
    """Windows of ``length`` ids and the same windows shifted by one step.

    Args:
        ids: shape (T,), e.g. ``CharVocab.encode(text)``.
        length: window length L, 1 <= L < T.

    Returns:
        X, Y: each shape (T - L, L); ``Y[i] == ids[i + 1 : i + L + 1]``. Fresh writable arrays,
        sharing no memory with ``ids`` or with each other.

    Example:
        >>> X, Y = seq2seq_windows(np.arange(5), 3)
        >>> X.tolist(), Y.tolist()
        ([[0, 1, 2], [1, 2, 3]], [[1, 2, 3], [2, 3, 4]])
    """
    ids = np.asarray(ids)
    if ids.ndim != 1:
        raise ValueError(f"ids must be 1-D (time,), got shape {ids.shape}")
    if ids.size and not np.issubdtype(ids.dtype, np.integer):
        raise TypeError(f"ids must be integers (character ids), got dtype {ids.dtype}")
    length = _check_length(length, len(ids))
    w = sliding_window_view(ids, length + 1)  # (T - L, L + 1)
    # .copy(), not np.ascontiguousarray: that returns an already contiguous view (L = 1, L = T - 1)
    # as it is, read-only and aliasing ids.
    return w[:, :-1].copy(), w[:, 1:].copy()


def many_to_one_windows(
    features: np.ndarray, length: int, target_column: int = -1
) -> tuple[np.ndarray, np.ndarray]:
    """Windows of ``length`` rows and the target value of the row right after each window.

    Args:
        features: shape (T, F), one row per time step.
        length: window length L, 1 <= L < T.
        target_column: the column of ``features`` to predict (default the last, Close).

    Returns:
        X: shape (T - L, L, F), ``X[i] == features[i : i + L]``.
        y: shape (T - L, 1), ``y[i] == features[i + L, target_column]``.
        Both fresh writable arrays, sharing no memory with ``features`` or with each other.

    Example:
        >>> X, y = many_to_one_windows(np.arange(12.0).reshape(6, 2), 4)
        >>> X.shape, y.ravel().tolist()
        ((2, 4, 2), [9.0, 11.0])
    """
    features = np.asarray(features)
    if features.ndim != 2:
        raise ValueError(f"features must be 2-D (time, features), got shape {features.shape}")
    check_real("features", features)
    n_features = features.shape[1]
    target_column = check_int("target_column", target_column)
    if not -n_features <= target_column < n_features:
        raise ValueError(
            f"target_column {target_column} is out of range for {n_features} feature columns"
        )
    length = _check_length(length, features.shape[0])
    w = sliding_window_view(features, length + 1, axis=0)  # (T - L, F, L + 1)
    w = np.moveaxis(w, 2, 1)  # (T - L, L + 1, F)
    return w[:, :length, :].copy(), w[:, length, target_column][:, None].copy()
