"""Min-max scaling of each feature to [0, 1], fitted on training data only.

The lecture scaled the whole stock series before splitting it (a look-ahead leak: the test
period's highs and lows shaped the training inputs). Fit :class:`MinMaxScaler` on the training
rows, then transform both parts with it.
"""

from __future__ import annotations

import numpy as np

from helpers._checks import check_int, check_real

__all__ = ["MinMaxScaler"]

# The float dtypes kept as they are, as scikit-learn keeps them; anything else becomes float64.
_FLOAT_DTYPES = (np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64))


class MinMaxScaler:
    """Per-column ``(x - min) / (max - min)``, with scikit-learn's ``MinMaxScaler`` attributes.

    Fitted attributes, each shape (features,), with scikit-learn's names and meanings:

    - ``data_min_``, ``data_max_``: each column's min and max over the training rows.
    - ``data_range_``: ``data_max_ - data_min_``, the span in original units that maps to 1
      (in the stock lab, the price range behind one scaled unit of Close).
    - ``scale_``: ``1 / data_range_``, scaled units per original unit (1 for a constant column).
    - ``min_``: ``-data_min_ * scale_``, so that ``transform(x) == x * scale_ + min_``
      (up to rounding: ``transform`` subtracts first, so the training min and max map to
      exactly 0.0 and 1.0).

    A constant column has no range to divide by; the lecture added 1e-7 to the denominator,
    which blows tiny float differences up by 10^7. Here, as in scikit-learn, a column whose
    range is below 10 machine epsilons of its dtype (2.2e-15 for float64, 1.2e-6 for float32;
    an absolute bound, as scikit-learn's ``_handle_zeros_in_scale`` uses) counts as constant:
    its ``scale_`` is 1, the training value maps to 0.0, others to their distance from it, and
    ``inverse_transform`` gives the original values back exactly.

    Dtypes, as in scikit-learn: float16, float32 and float64 input stay as they are (the fitted
    attributes take the training data's dtype, ``transform`` and ``inverse_transform`` return
    their input's); integers and bools become float64.

    Errors: NaN and inf are refused (ValueError with their position), and so is a range or a
    result that does not fit the dtype (``fit([[-1e308], [1e308]])``: max - min overflows
    float64), instead of coming back as NaN or inf.

    Example:
        >>> x = np.array([[0.0, 10.0], [4.0, 10.0], [2.0, 10.0]])  # (rows, features)
        >>> scaler = MinMaxScaler().fit(x)
        >>> scaler.transform(x).tolist()
        [[0.0, 0.0], [1.0, 0.0], [0.5, 0.0]]
        >>> scaler.data_range_.tolist(), scaler.scale_.tolist()  # 4 units map to 1: 0.25 per unit
        ([4.0, 0.0], [0.25, 1.0])
        >>> scaler.inverse_transform_column(np.array([0.5]), column=0).tolist()
        [2.0]
    """

    def __init__(self) -> None:
        self.data_min_: np.ndarray | None = None
        self.data_max_: np.ndarray | None = None
        self.data_range_: np.ndarray | None = None  # max - min
        # As in scikit-learn: transform(x) == x * scale_ + min_.
        self.scale_: np.ndarray | None = None  # 1 / (max - min), 1 for constant columns
        self.min_: np.ndarray | None = None  # -data_min_ * scale_

    @property
    def n_features(self) -> int:
        self._check_fitted()
        return len(self.data_min_)

    def fit(self, x: np.ndarray) -> MinMaxScaler:
        """Learn each column's min and max from ``x``, shape (rows, features)."""
        x = self._check_array(x, "x")
        if x.shape[0] == 0:
            raise ValueError("x has no rows: cannot fit a scaler on empty data")
        data_min, data_max = x.min(axis=0), x.max(axis=0)
        with np.errstate(over="ignore"):
            data_range = data_max - data_min
        overflow = np.flatnonzero(~np.isfinite(data_range))
        if overflow.size:
            j = int(overflow[0])
            hint = "" if x.dtype == np.float64 else " (or convert it to float64)"
            raise ValueError(
                f"x column {j} runs from {data_min[j]:.6g} to {data_max[j]:.6g}: its range "
                f"(max - min) overflows {x.dtype}; divide the data by a power of ten first{hint}"
            )
        constant = data_range < 10 * np.finfo(x.dtype).eps
        divisor = np.where(constant, 1, data_range).astype(x.dtype)
        scale = (1 / divisor).astype(x.dtype)
        self.data_min_, self.data_max_, self.data_range_ = data_min, data_max, data_range
        self._divisor = divisor
        self.scale_ = scale
        self.min_ = -data_min * scale
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        """(rows, features) -> the same shape and dtype, training range mapped to [0, 1].

        Values outside the training range map outside [0, 1]; that is expected for test data.
        """
        x = self._check_features(x, "x")
        with np.errstate(over="ignore", invalid="ignore"):
            out = (x - self.data_min_) / self._divisor
            far = ~np.isfinite(out)
            if far.any():  # x - min overflowed; halves cannot, and halving is exact
                out = np.where(far, (x / 2 - self.data_min_ / 2) / self._divisor * 2, out)
            out = out.astype(x.dtype, copy=False)
        return self._check_result(out, x, "x", "its scaled value")

    def fit_transform(self, x: np.ndarray) -> np.ndarray:
        """``fit(x)`` then ``transform(x)``."""
        return self.fit(x).transform(x)

    def inverse_transform(self, x_scaled: np.ndarray) -> np.ndarray:
        """Scaled (rows, features) -> original units, in the same dtype."""
        x_scaled = self._check_features(x_scaled, "x_scaled")
        out = self._unscale(x_scaled, self._divisor, self.data_min_, x_scaled.dtype)
        return self._check_result(out, x_scaled, "x_scaled", "its value in original units")

    def inverse_transform_column(self, values: np.ndarray, column: int) -> np.ndarray:
        """Scaled values of one column (any shape) -> original units of that column.

        Use it to turn a model's scaled predictions of Close back into prices. The result has
        the same shape; its dtype is NumPy's promotion of the two (float32 predictions of a
        scaler fitted on float64 prices come back float64).
        """
        self._check_fitted()
        column = check_int("column", column)
        if not -self.n_features <= column < self.n_features:
            raise ValueError(f"column {column} is out of range for {self.n_features} features")
        values = check_real("values", np.asarray(values))
        if values.dtype not in _FLOAT_DTYPES:
            values = values.astype(np.float64)
        self._check_finite(values, "values")
        dtype = np.result_type(values, self._divisor)
        out = self._unscale(values, self._divisor[column], self.data_min_[column], dtype)
        return self._check_result(out, values, "values", "its value in original units")

    @staticmethod
    def _unscale(
        scaled: np.ndarray, divisor: np.ndarray, data_min: np.ndarray, dtype: np.dtype
    ) -> np.ndarray:
        with np.errstate(over="ignore", invalid="ignore"):
            out = scaled * divisor + data_min
            far = ~np.isfinite(out)
            if far.any():  # the product overflowed; halves cannot unless the result does
                out = np.where(far, (scaled * (divisor / 2) + data_min / 2) * 2, out)
            return out.astype(dtype, copy=False)

    @staticmethod
    def _check_result(out: np.ndarray, x: np.ndarray, name: str, what: str) -> np.ndarray:
        bad = np.argwhere(~np.isfinite(out))
        if bad.size:
            pos = tuple(int(i) for i in bad[0])
            where = f"[{', '.join(str(i) for i in pos)}]" if pos else ""
            raise ValueError(
                f"{name}{where} = {x[pos]:.6g} lies too far outside the fitted range: "
                f"{what} overflows {out.dtype}"
            )
        return out

    def _check_fitted(self) -> None:
        if self.data_min_ is None:
            raise ValueError("this MinMaxScaler is not fitted yet: call fit(x) first")

    def _check_features(self, x: np.ndarray, name: str) -> np.ndarray:
        self._check_fitted()
        x = self._check_array(x, name)
        if x.shape[1] != self.n_features:
            raise ValueError(
                f"{name} has {x.shape[1]} features but the scaler was fitted on {self.n_features}"
            )
        return x

    @classmethod
    def _check_array(cls, x: np.ndarray, name: str) -> np.ndarray:
        x = np.asarray(x)
        check_real(name, x)
        if x.ndim != 2:
            raise ValueError(f"{name} must be 2-D (rows, features), got shape {x.shape}")
        if x.dtype not in _FLOAT_DTYPES:
            x = x.astype(np.float64)
        cls._check_finite(x, name)
        return x

    @staticmethod
    def _check_finite(x: np.ndarray, name: str) -> None:
        bad = np.argwhere(~np.isfinite(x))
        if bad.size:
            pos = tuple(int(i) for i in bad[0])
            raise ValueError(f"{name} holds {x[pos]} at {pos}: NaN and inf cannot be scaled")
