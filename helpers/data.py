"""Loading daily stock prices (OHLCV) from CSV, in chronological order, checked.

Two layouts are read, matched by column name (case and spaces ignored), in any column order:

- the labs' own: ``Date, Open, High, Low, Volume, Close`` (the lecture's order, Close last);
- Yahoo Finance's download: ``Date, Open, High, Low, Close, Adj Close, Volume``. Adj Close is
  dropped: the lecture predicts Close.

Other columns are ignored. Rows come back sorted by date whatever order the file has.

Every row is checked, and a bad one is named by its line in the file (blank lines and quoted
line breaks counted):

- it has as many fields as the header (an unquoted ``21,340,000`` would shift the columns), and
  a quote that is never closed is named by the line it opens on;
- it is not made of empty fields only: a spreadsheet's empty row (``,,,,,``) is rejected, not
  skipped, as pandas' ``read_csv`` reads it as a row of missing values (only blank or
  whitespace-only lines are skipped);
- Date is ISO ``YYYY-MM-DD``, optionally followed by a time (``2017-01-10 00:00:00``,
  ``2017-01-10T09:30:00-05:00``; the date part is kept), in ASCII digits, and each date
  appears once;
- Open, High, Low and Close are numbers above 0, Volume a number of at least 0, and
  High is not below Low. A number is written as pandas reads one: ASCII digits with an optional
  sign, decimal point and exponent (``62.64``, ``2.1e7``), spaces around it allowed; not
  ``21_340_000`` or full-width ``６２.64``, which Python's ``float()`` would accept.

Open or Close outside the day's [Low, High] is loaded as it is with a ``UserWarning``: real
downloads have such rows (rounding of adjusted prices, late revisions of one field).
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import math
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import numpy as np

from helpers._checks import check_int

__all__ = ["COLUMNS", "StockData", "load_stock", "shipped_stock_path"]

#: The feature columns, in the lecture's order (Close last, the target).
COLUMNS: tuple[str, ...] = ("Open", "High", "Low", "Volume", "Close")
SHIPPED_FILE = "msft_daily.csv"
_DISTRIBUTION = "rnn-labs"  # pyproject.toml's [project] name
_PRICES = ("Open", "High", "Low", "Close")

# YYYY-MM-DD, then optionally a time: [T or space]HH:MM[:SS[.fraction]][Z or +HH:MM or +HHMM].
# re.ASCII: \d is [0-9], not any Unicode digit (int() would read '٢٠١٧', NumPy would not).
_DATE = re.compile(
    r"(?P<date>(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2}))"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d{1,9})?)?"
    r"(?:Z|[+-](?P<zH>\d{2}):?(?P<zM>\d{2}))?)?",
    re.ASCII,
)
# A decimal number as pandas' read_csv reads one (float() also takes '1_000' and Unicode digits).
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_ASCII_SPACE = " \t"


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
        """One column by name, shape (T,); ValueError naming the columns for another name.

        Example:
            >>> load_stock().column("Close")[:3].tolist()
            [34.063, 34.125, 33.863]
        """
        if name not in self.columns:
            raise ValueError(f"no column {name!r}; the columns are {self.columns}")
        return self.values[:, self.columns.index(name)]


def shipped_stock_path() -> Path:
    """Path of the CSV that ships with the labs, ``data/msft_daily.csv`` in the repository.

    The data that belongs to the ``helpers`` imported: where that is the one a wheel installed
    (``pip install .``), the copy installed with it (``<prefix>/share/rnn-labs/``); otherwise,
    in a checkout used as it is or installed editable (``pip install -e .``), the checkout's
    ``data/`` beside ``helpers/``. The same from any working directory.

    Example:
        >>> shipped_stock_path().name
        'msft_daily.csv'
    """
    here = Path(__file__).resolve().parent
    installed = _installed_data_file(here, SHIPPED_FILE)
    if installed is not None:
        return installed
    checkout = here.parent / "data" / SHIPPED_FILE
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(
        f"{SHIPPED_FILE} is neither installed with helpers (distribution {_DISTRIBUTION!r}) "
        f"nor in the checkout's data folder {str(checkout.parent)!r}"
    )


def _installed_data_file(helpers_dir: Path, name: str) -> Path | None:
    """``name`` among the installed distribution's files, if ``helpers_dir`` is the helpers
    that distribution installed (not a checkout's, nor an editable install's path entry)."""
    try:
        files = metadata.distribution(_DISTRIBUTION).files or []
    except metadata.PackageNotFoundError:
        return None
    found, ours = None, False
    for file in files:
        if file.name == name:
            found = Path(file.locate()).resolve()
        elif file.as_posix() == "helpers/__init__.py":
            ours = Path(file.locate()).resolve() == helpers_dir / "__init__.py"
    return found if ours and found is not None and found.is_file() else None


def load_stock(path: str | Path | None = None, min_rows: int = 1) -> StockData:
    """Read a daily OHLCV CSV; ``path=None`` reads the shipped data.

    Args:
        path: a CSV in the labs' layout or Yahoo Finance's (see the module docstring).
        min_rows: raise if the file has fewer data rows than this.

    Returns:
        StockData with dates (T,) and values (T, 5) in chronological order.

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: naming the file's line, for the rows the module docstring rejects;
            or a missing column, too few rows, a repeated date.

    Example:
        >>> stock = load_stock()
        >>> stock.values.shape  # (days, features)
        (1000, 5)
    """
    min_rows = check_int("min_rows", min_rows)
    path = shipped_stock_path() if path is None else Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no CSV file at path {str(path)!r}")
    name = path.name
    with path.open(newline="", encoding="utf-8-sig") as f:
        rows = _read_rows(f, name)
    if not rows:
        raise ValueError(f"{name} is empty")

    _, header_fields = rows[0]
    header = [h.strip().lower().replace(" ", "") for h in header_fields]
    wanted = ("Date",) + COLUMNS
    missing = [col for col in wanted if col.lower() not in header]
    if missing:
        raise ValueError(
            f"{name} lacks column(s) {missing}; its header is {header_fields}, "
            f"expected {list(wanted)} in any order (Yahoo's Adj Close may be there too)"
        )
    where = [header.index(col.lower()) for col in wanted]

    body = rows[1:]
    if len(body) < min_rows:
        raise ValueError(f"{name} has {len(body)} data rows, fewer than min_rows={min_rows}")
    dates = np.empty(len(body), dtype="datetime64[D]")
    values = np.empty((len(body), len(COLUMNS)), dtype=np.float64)
    outside: list[str] = []  # rows with Open or Close outside [Low, High], for one warning
    for r, (line, row) in enumerate(body):
        if not any(cell.strip() for cell in row):
            raise ValueError(
                f"{name} line {line} has only empty fields ({','.join(row)!r}): a "
                "spreadsheet's empty row? Delete that line"
            )
        if len(row) != len(header_fields):
            if len(row) > len(header_fields):
                hint = " (an unquoted comma inside a value, such as 21,340,000?)"
            elif any("\n" in cell or "\r" in cell for cell in row):
                hint = " (a quoted field runs on over the next lines: a quote never closed?)"
            else:
                hint = ""
            raise ValueError(
                f"{name} line {line} has {len(row)} fields, expected {len(header_fields)} "
                f"as in the header{hint}"
            )
        dates[r] = _parse_date(row[where[0]], name, line)
        for c, (col, i) in enumerate(zip(COLUMNS, where[1:], strict=True)):
            values[r, c] = _parse_number(row[i], col, name, line)
        day = dict(zip(COLUMNS, values[r].tolist(), strict=True))
        odd = _check_prices(day, name, f"line {line} ({dates[r]})")
        if odd:
            outside.append(odd)
    if outside:
        n = len(outside)
        warnings.warn(
            f"{name}: {n} {'row has' if n == 1 else 'rows have'} Open or Close outside the "
            f"day's [Low, High] (loaded as they are); first {outside[0]}",
            UserWarning,
            stacklevel=2,
        )

    order = np.argsort(dates, kind="stable")
    dates, values = dates[order], values[order]
    dup = np.flatnonzero(dates[1:] == dates[:-1])
    if dup.size:
        raise ValueError(f"{name} has the date {dates[dup[0]]} more than once")
    return StockData(dates=dates, values=values)


def _read_rows(f: Iterable[str], file: str) -> list[tuple[int, list[str]]]:
    """The rows of a CSV except blank lines, each with the file line it starts on (1-based).

    A line of only spaces is blank; a line of commas is a row (of empty fields)."""
    lines = list(f)
    reader = csv.reader(lines)
    rows, next_line = [], 1
    try:
        for row in reader:
            if len(row) > 1 or (row and row[0].strip()):
                rows.append((next_line, row))
            next_line = reader.line_num + 1  # a quoted field may span lines
    except csv.Error as error:  # e.g. a field over csv.field_size_limit(): an unclosed quote
        text = lines[next_line - 1].rstrip("\r\n") if next_line <= len(lines) else ""
        shown = repr(text) if len(text) <= 80 else f"{text[:80]!r}..."
        if "field limit" in str(error):
            what = (
                f"a field runs on past the CSV reader's limit of {csv.field_size_limit()} "
                "characters: a quote that is never closed?"
            )
        else:
            what = f"the CSV reader stopped: {error}."
        raise ValueError(f"{file} line {next_line}: {what} The line is {shown}") from None
    return rows


def _parse_date(text: str, file: str, line: int) -> np.datetime64:
    match = _DATE.fullmatch(text.strip())
    try:
        if match is None:
            raise ValueError
        g = match.groupdict()
        datetime.date(int(g["y"]), int(g["m"]), int(g["d"]))  # the day exists
        if g["H"] is not None:
            datetime.time(int(g["H"]), int(g["M"]), int(g["S"] or 0))  # so does the time
        if g["zH"] is not None and (int(g["zH"]) > 23 or int(g["zM"]) > 59):
            raise ValueError
    except ValueError:
        raise ValueError(
            f"{file} line {line}: Date {text!r} is not a YYYY-MM-DD date "
            "(optionally followed by a time, e.g. 2017-01-10 or 2017-01-10 00:00:00)"
        ) from None
    return np.datetime64(match["date"], "D")


def _parse_number(text: str, column: str, file: str, line: int) -> float:
    value = float(text) if _NUMBER.fullmatch(text.strip(_ASCII_SPACE)) else math.nan
    if not math.isfinite(value):
        hint = ""
        with contextlib.suppress(ValueError):
            if math.isfinite(float(text)):  # Python reads it, pandas would not
                hint = " as pandas reads one (ASCII digits, no '_', no non-ASCII spaces)"
        raise ValueError(f"{file} line {line}: {column} is {text!r}, not a finite number{hint}")
    return value


def _check_prices(day: dict[str, float], file: str, where: str) -> str | None:
    """ValueError for a day that cannot be (price <= 0, negative volume, High below Low);
    a description if Open or Close lies outside [Low, High] (real files have such rows)."""
    for col in _PRICES:
        if day[col] <= 0:
            raise ValueError(f"{file} {where}: {col} is {day[col]}, not a price (must be > 0)")
    if day["Volume"] < 0:
        raise ValueError(f"{file} {where}: Volume is {day['Volume']}, a negative number of shares")
    if day["High"] < day["Low"]:
        raise ValueError(f"{file} {where}: High {day['High']} is below Low {day['Low']}")
    for col in ("Open", "Close"):
        if day[col] < day["Low"]:
            return f"{where}: {col} {day[col]} is below Low {day['Low']}"
        if day[col] > day["High"]:
            return f"{where}: {col} {day[col]} is above High {day['High']}"
    return None
