"""Argument checks shared by the helpers, so every bad value gets the same clear message."""

from __future__ import annotations

import numpy as np


def check_int(name: str, value: object, minimum: int | None = None) -> int:
    """``value`` as an int; TypeError if it is not one (bool included), ValueError if below
    ``minimum``. Both messages name the argument and the value.

    Use what it returns (``steps = check_int("steps", steps, 1)``): a NumPy integer comes back
    as a Python int, which TensorFlow's loops expect and which cannot overflow (``np.int8(127)
    + 1`` is -128)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return int(value)


def check_real(name: str, array: np.ndarray) -> np.ndarray:
    """``array`` unchanged if it holds real numbers (bool included); TypeError naming the
    argument and the dtype otherwise (strings, objects, complex numbers)."""
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == bool) or np.iscomplexobj(array):
        raise TypeError(f"{name} must hold real numbers, got dtype {array.dtype}")
    return array
