import numpy as np
import pytest

from helpers.data import COLUMNS, load_stock, shipped_stock_path

HEADER = "Date,Open,High,Low,Volume,Close"


def write(tmp_path, text, name="prices.csv"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_shipped_data_is_real_daily_ohlcv_in_order():
    stock = load_stock()
    assert shipped_stock_path().name == "msft_daily.csv"
    assert stock.values.shape == (1000, 5) and len(stock) == 1000
    assert stock.columns == COLUMNS == ("Open", "High", "Low", "Volume", "Close")
    assert str(stock.dates[0]) == "2013-11-22" and str(stock.dates[-1]) == "2017-11-10"
    assert (np.diff(stock.dates).astype(int) > 0).all()  # strictly chronological
    high, low = stock.column("High"), stock.column("Low")
    assert (high >= low).all()
    for name in ("Open", "Close"):
        assert ((stock.column(name) >= low - 1e-9) & (stock.column(name) <= high + 1e-9)).all()
    assert (stock.column("Volume") > 0).all()
    # weekdays only: trading days
    weekday = (stock.dates.astype("datetime64[D]").view("int64") - 4) % 7  # 0 = Monday
    assert (weekday < 5).all()


def test_labs_layout_in_reverse_order_comes_back_chronological(tmp_path):
    path = write(
        tmp_path,
        f"{HEADER}\n2020-01-03,3,4,2,300,3.5\n2020-01-02,2,3,1,200,2.5\n2020-01-01,1,2,0.5,100,1.5\n",
    )
    stock = load_stock(path)
    assert [str(d) for d in stock.dates] == ["2020-01-01", "2020-01-02", "2020-01-03"]
    np.testing.assert_array_equal(stock.column("Close"), [1.5, 2.5, 3.5])
    np.testing.assert_array_equal(stock.values[0], [1, 2, 0.5, 100, 1.5])


def test_yahoo_layout_is_reordered_and_adj_close_dropped(tmp_path):
    path = write(
        tmp_path,
        "Date,Open,High,Low,Close,Adj Close,Volume\n"
        "2021-03-02,10,12,9,11,10.5,1000\n"
        "2021-03-01,9,10,8,9.5,9.0,900\n",
    )
    stock = load_stock(path)
    np.testing.assert_array_equal(stock.values, [[9, 10, 8, 900, 9.5], [10, 12, 9, 1000, 11]])


def test_header_case_and_spaces_are_ignored(tmp_path):
    path = write(tmp_path, " date , OPEN,high,Low,volume,close\n2020-01-01,1,2,0.5,100,1.5\n")
    assert load_stock(path).values.shape == (1, 5)


def test_missing_columns_are_named(tmp_path):
    path = write(tmp_path, "Date,Open,High,Close\n2020-01-01,1,2,1.5\n")
    with pytest.raises(ValueError, match=r"lacks column\(s\) \['Low', 'Volume'\]"):
        load_stock(path)


@pytest.mark.parametrize("cell", ["", "null", "nan", "abc", "inf"])
def test_missing_or_bad_numbers_name_line_and_column(tmp_path, cell):
    path = write(tmp_path, f"{HEADER}\n2020-01-01,1,2,0.5,100,1.5\n2020-01-02,1,2,0.5,100,{cell}\n")
    with pytest.raises(ValueError, match=r"line 3: Close is .* not a finite number"):
        load_stock(path)


def test_duplicate_dates_are_rejected(tmp_path):
    path = write(tmp_path, f"{HEADER}\n2020-01-01,1,2,0.5,100,1.5\n2020-01-01,1,2,0.5,100,1.5\n")
    with pytest.raises(ValueError, match="2020-01-01 more than once"):
        load_stock(path)


def test_bad_date_is_named(tmp_path):
    path = write(tmp_path, f"{HEADER}\n01/02/2020,1,2,0.5,100,1.5\n")
    with pytest.raises(ValueError, match=r"line 2: Date '01/02/2020' is not a YYYY-MM-DD date"):
        load_stock(path)


def test_min_rows_must_be_an_int():
    with pytest.raises(TypeError, match="min_rows must be an int, got 'a'"):
        load_stock(min_rows="a")


def test_too_few_rows(tmp_path):
    path = write(tmp_path, f"{HEADER}\n2020-01-01,1,2,0.5,100,1.5\n")
    with pytest.raises(ValueError, match="has 1 data rows, fewer than min_rows=10"):
        load_stock(path, min_rows=10)


def test_short_row_and_empty_file_and_missing_file(tmp_path):
    with pytest.raises(ValueError, match="line 2 has 3 fields, expected 6"):
        load_stock(write(tmp_path, f"{HEADER}\n2020-01-01,1,2\n"))
    with pytest.raises(ValueError, match="is empty"):
        load_stock(write(tmp_path, "", name="empty.csv"))
    with pytest.raises(FileNotFoundError, match="no CSV file at path"):
        load_stock(tmp_path / "nope.csv")


def test_unknown_column_name():
    with pytest.raises(KeyError, match="no column 'Adj Close'"):
        load_stock().column("Adj Close")
