"""Loading daily stock prices (OHLCV) from CSV, in chronological order, checked.

Two layouts are read, matched by column name (case and spaces ignored), in any column order:

- the labs' own: ``Date, Open, High, Low, Volume, Close`` (the lecture's order, Close last);
- Yahoo Finance's download: ``Date, Open, High, Low, Close, Adj Close, Volume``. Adj Close is
  dropped: the lecture predicts Close.

Other columns are ignored. Rows come back sorted by date whatever order the file has.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from helpers._checks import check_int

__all__ = ["COLUMNS", "StockData", "load_stock", "shipped_stock_path"]

#: The feature columns, in the lecture's order (Close last, the target).
COLUMNS: tuple[str, ...] = ("Open", "High", "Low", "Volume", "Close")
SHIPPED_FILE = "msft_daily.csv"


@dataclass(frozen=True)
class StockData:
    """Daily prices, oldest first.

    dates: shape (T,), numpy datetime64[D].
    values: shape (T, 5), float64, columns :data:`COLUMNS`.
    """

    dates: np.ndarray
    values: np.ndarray
    columns: tuple[str, ...] = COLUMNS

    def __len__(self) -> int:
        return len(self.dates)

    def column(self, name: str) -> np.ndarray:
        """One column by name, shape (T,)."""
        if name not in self.columns:
            raise KeyError(f"no column {name!r}; the columns are {self.columns}")
        return self.values[:, self.columns.index(name)]


def shipped_stock_path() -> Path:
    """Path of the CSV that ships with the labs (data/msft_daily.csv, installed with helpers)."""
    return Path(str(resources.files("helpers.datasets").joinpath(SHIPPED_FILE)))


def load_stock(path: str | Path | None = None, min_rows: int = 1) -> StockData:
    """Read a daily OHLCV CSV; ``path=None`` reads the shipped data.

    Args:
        path: a CSV in the labs' layout or Yahoo Finance's (see the module docstring).
        min_rows: raise if the file has fewer data rows than this.

    Returns:
        StockData with dates (T,) and values (T, 5) in chronological order.

    Example:
        >>> stock = load_stock()
        >>> stock.values.shape  # (days, features)
        (1000, 5)
    """
    check_int("min_rows", min_rows)
    path = shipped_stock_path() if path is None else Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no CSV file at path {str(path)!r}")
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise ValueError(f"{path.name} is empty")

    header = [h.strip().lower().replace(" ", "") for h in rows[0]]
    wanted = ("Date",) + COLUMNS
    missing = [name for name in wanted if name.lower() not in header]
    if missing:
        raise ValueError(
            f"{path.name} lacks column(s) {missing}; its header is {rows[0]}, "
            f"expected {list(wanted)} in any order (Yahoo's Adj Close may be there too)"
        )
    where = [header.index(name.lower()) for name in wanted]

    body = rows[1:]
    if len(body) < min_rows:
        raise ValueError(f"{path.name} has {len(body)} data rows, fewer than min_rows={min_rows}")
    dates = np.empty(len(body), dtype="datetime64[D]")
    values = np.empty((len(body), len(COLUMNS)), dtype=np.float64)
    for r, row in enumerate(body):
        line = r + 2  # the file's line number: 1-based, after the header
        if len(row) < len(rows[0]):
            raise ValueError(
                f"{path.name} line {line} has {len(row)} fields, expected {len(rows[0])}"
            )
        dates[r] = _parse_date(row[where[0]], path.name, line)
        for c, (name, i) in enumerate(zip(COLUMNS, where[1:], strict=True)):
            values[r, c] = _parse_number(row[i], name, path.name, line)

    order = np.argsort(dates, kind="stable")
    dates, values = dates[order], values[order]
    dup = np.flatnonzero(dates[1:] == dates[:-1])
    if dup.size:
        raise ValueError(f"{path.name} has the date {dates[dup[0]]} more than once")
    return StockData(dates=dates, values=values)


def _parse_date(text: str, file: str, line: int) -> np.datetime64:
    try:
        return np.datetime64(text.strip()[:10], "D")
    except ValueError:
        raise ValueError(f"{file} line {line}: Date {text!r} is not a YYYY-MM-DD date") from None


def _parse_number(text: str, column: str, file: str, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise ValueError(f"{file} line {line}: {column} is {text!r}, not a finite number")
    return value
