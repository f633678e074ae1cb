"""Min-max scaling of each feature to [0, 1], fitted on training data only.

The lecture scaled the whole stock series before splitting it (a look-ahead leak: the test
period's highs and lows shaped the training inputs). Fit :class:`MinMaxScaler` on the training
rows, then transform both parts with it.
"""

from __future__ import annotations

import numpy as np

from helpers._checks import check_int, check_real

__all__ = ["MinMaxScaler"]


class MinMaxScaler:
    """Per-column ``(x - min) / (max - min)``, like scikit-learn's ``MinMaxScaler``.

    A constant column (max == min) has no range to divide by; the lecture added 1e-7 to the
    denominator, which blows tiny float differences up by 10^7. Here its range is taken as 1, as
    scikit-learn does: the constant value maps to 0.0, other values to their distance from it,
    and ``inverse_transform`` gives the original values back exactly.

    Example:
        >>> x = np.array([[1.0, 10.0], [3.0, 10.0], [2.0, 10.0]])  # (rows, features)
        >>> scaler = MinMaxScaler().fit(x)
        >>> scaler.transform(x).tolist()
        [[0.0, 0.0], [1.0, 0.0], [0.5, 0.0]]
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
        self.data_min_ = x.min(axis=0)
        self.data_max_ = x.max(axis=0)
        self.data_range_ = self.data_max_ - self.data_min_
        self._divisor = np.where(self.data_range_ == 0, 1.0, self.data_range_)
        self.scale_ = 1.0 / self._divisor
        self.min_ = -self.data_min_ * self.scale_
        return self

    def transform(self, x: np.ndarray) -> np.ndarray:
        """(rows, features) -> the same shape, training range mapped to [0, 1].

        Values outside the training range map outside [0, 1]; that is expected for test data.
        """
        x = self._check_features(x, "x")
        return (x - self.data_min_) / self._divisor

    def fit_transform(self, x: np.ndarray) -> np.ndarray:
        """``fit(x)`` then ``transform(x)``."""
        return self.fit(x).transform(x)

    def inverse_transform(self, x_scaled: np.ndarray) -> np.ndarray:
        """Scaled (rows, features) -> original units."""
        x_scaled = self._check_features(x_scaled, "x_scaled")
        return x_scaled * self._divisor + self.data_min_

    def inverse_transform_column(self, values: np.ndarray, column: int) -> np.ndarray:
        """Scaled values of one column (any shape) -> original units of that column.

        Use it to turn a model's scaled predictions of Close back into prices.
        """
        self._check_fitted()
        check_int("column", column)
        if not -self.n_features <= column < self.n_features:
            raise ValueError(f"column {column} is out of range for {self.n_features} features")
        values = check_real("values", np.asarray(values)).astype(np.float64)
        self._check_finite(values, "values")
        return values * self._divisor[column] + self.data_min_[column]

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
        x = x.astype(np.float64, copy=False)
        cls._check_finite(x, name)
        return x

    @staticmethod
    def _check_finite(x: np.ndarray, name: str) -> None:
        bad = np.argwhere(~np.isfinite(x))
        if bad.size:
            pos = tuple(int(i) for i in bad[0])
            raise ValueError(f"{name} holds {x[pos]} at {pos}: NaN and inf cannot be scaled")
