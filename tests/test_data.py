import re
import warnings

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
    with pytest.raises(ValueError, match="no column 'Adj Close'"):
        load_stock().column("Adj Close")


def test_unknown_column_name_is_a_value_error_naming_the_columns():
    with pytest.raises(ValueError, match=r"no column 'Adj'; the columns are \('Open', .*'Close'\)"):
        load_stock().column("Adj")
    with pytest.raises(ValueError, match="no column 'close'"):  # names are case-sensitive
        load_stock().column("close")


# --- dates (issue 13, item 2) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "2017-01-10",
        " 2017-01-10 ",
        "2017-01-10 00:00:00",  # pandas' to_csv of a DatetimeIndex
        "2017-01-10T00:00:00",
        "2017-01-10T16:00:00.000",
        "2017-01-10 00:00:00-05:00",  # yfinance's history(), exchange time zone
        "2017-01-10T09:30:00+0100",
        "2017-01-10T00:00:00Z",
        "2017-01-10 09:30",
    ],
)
def test_iso_dates_with_or_without_a_time_part_are_read(tmp_path, cell):
    stock = load_stock(write(tmp_path, f'{HEADER}\n"{cell}",1,2,0.5,100,1.5\n'))
    assert stock.dates.tolist() == [np.datetime64("2017-01-10", "D").item()]


@pytest.mark.parametrize(
    "cell",
    [
        "",  # was NaT, sorted last
        "NaT",
        "nat",
        "20170110",  # was the year 20170110
        "today",  # was today's date
        "now",
        "2017",  # was 2017-01-01
        "2017-01",
        "2017-1-10",
        "17-01-10",
        "2017/01/10",
        "2017-02-30",
        "2017-13-01",
        "2017-01-10x",
        "2017-01-10T25:00:00",
        "2017-01-10 12:61",
        "2017-01-10T",
        "+2017-01-10",
        "-2017-01-10",
        "2017-01-10 00:00:00-25:00",
    ],
)
def test_anything_else_in_the_date_column_is_rejected_with_its_line(tmp_path, cell):
    path = write(tmp_path, f'{HEADER}\n2017-01-09,1,2,0.5,100,1.5\n"{cell}",1,2,0.5,100,1.5\n')
    message = f"line 3: Date {cell!r} is not a YYYY-MM-DD date"
    with pytest.raises(ValueError, match=re.escape(message)):
        load_stock(path)


def test_two_empty_dates_no_longer_escape_the_duplicate_check(tmp_path):
    path = write(tmp_path, f"{HEADER}\n,1,2,0.5,100,1.5\n,1,2,0.5,100,1.5\n")
    with pytest.raises(ValueError, match="line 2: Date '' is not a YYYY-MM-DD date"):
        load_stock(path)


def test_line_numbers_count_blank_lines_and_quoted_newlines(tmp_path):
    path = write(
        tmp_path,
        'Date,Open,High,Low,Volume,Close,Note\n2020-01-01,1,2,0.5,100,1.5,"two\nlines"\n\n'
        "2020-01-02,1,2,0.5,100,x,\n",
    )
    with pytest.raises(ValueError, match="line 5: Close is 'x'"):
        load_stock(path)


# --- field counts (issue 13, item 3) -------------------------------------------------------------


def test_a_row_with_too_many_fields_is_rejected_not_misaligned(tmp_path):
    # the row: an unquoted thousands separator in Volume shifts Close by one field
    path = write(
        tmp_path,
        f"{HEADER}\n2017-01-09,62.8,63.1,62.5,20382700,62.9\n"
        "2017-01-10,62.5,62.9,62.1,21,340000,62.6\n",
    )
    with pytest.raises(ValueError, match="line 3 has 7 fields, expected 6 as in the header"):
        load_stock(path)


def test_yahoo_row_with_too_many_or_too_few_fields(tmp_path):
    yahoo = "Date,Open,High,Low,Close,Adj Close,Volume\n"
    path = write(tmp_path, yahoo + "2021-03-01,9,10,8,9.5,9.0,900,\n")
    with pytest.raises(ValueError, match="line 2 has 8 fields, expected 7"):
        load_stock(path)
    path = write(tmp_path, yahoo + "2021-03-01,9,10,8,9.5,900\n")
    with pytest.raises(ValueError, match="line 2 has 6 fields, expected 7"):
        load_stock(path)


def test_a_quoted_thousands_separator_is_one_field_and_not_a_number(tmp_path):
    path = write(tmp_path, f'{HEADER}\n2017-01-10,62.5,62.9,62.1,"21,340,000",62.6\n')
    with pytest.raises(ValueError, match="line 2: Volume is '21,340,000', not a finite number"):
        load_stock(path)


# --- prices that cannot be prices (issue 13, item 4) ----------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2020-01-02,1,2,0.5,100,-5", "line 3 (2020-01-02): Close is -5.0"),
        ("2020-01-02,1,2,0.5,100,0", "line 3 (2020-01-02): Close is 0.0"),
        ("2020-01-02,0,2,0.5,100,1.5", "line 3 (2020-01-02): Open is 0.0"),
        ("2020-01-02,1,2,-0.5,100,1.5", "line 3 (2020-01-02): Low is -0.5"),
        ("2020-01-02,1,2,0.5,-100,1.5", "line 3 (2020-01-02): Volume is -100.0, a negative"),
        ("2020-01-02,1,0.5,2,100,1.5", "line 3 (2020-01-02): High 0.5 is below Low 2.0"),
    ],
)
def test_impossible_prices_are_rejected_naming_the_row(tmp_path, row, message):
    path = write(tmp_path, f"{HEADER}\n2020-01-01,1,2,0.5,100,1.5\n{row}\n")
    with pytest.raises(ValueError, match=re.escape(message)):
        load_stock(path)


def test_zero_volume_is_allowed(tmp_path):
    stock = load_stock(write(tmp_path, f"{HEADER}\n2020-01-01,1,1,1,0,1\n"))
    assert stock.column("Volume").tolist() == [0.0]


def test_open_or_close_outside_the_days_range_warns_naming_the_rows(tmp_path):
    # real downloads have these (yfinance issue 2857: AAPL days with High below Open or Close)
    path = write(
        tmp_path,
        f"{HEADER}\n2020-01-01,1,2,0.5,100,1.5\n2020-01-02,2.1,2,0.5,100,1.5\n"
        "2020-01-03,1,2,0.5,100,0.4\n",
    )
    with pytest.warns(UserWarning, match=r"2 rows .* first line 3 \(2020-01-02\): Open 2.1 "):
        stock = load_stock(path)
    assert len(stock) == 3  # loaded as they are


def test_shipped_data_and_a_yahoo_download_of_it_load_without_warnings(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stock = load_stock()
        rows = [
            f"{date} 00:00:00-05:00,{o},{h},{low},{c},{c * 0.97:.4f},{int(v)}\n"
            for date, (o, h, low, v, c) in zip(stock.dates, stock.values, strict=True)
        ]  # newest first, in Yahoo's column order, with yfinance's time part
        header = "Date,Open,High,Low,Close,Adj Close,Volume\n"
        yahoo = load_stock(write(tmp_path, header + "".join(reversed(rows))))
    np.testing.assert_array_equal(yahoo.dates, stock.dates)
    np.testing.assert_array_equal(yahoo.values, stock.values)


# --- issue 21 ------------------------------------------------------------------------------------

ROW = "2000-01-03,10.5,11.25,10,0,11"


@pytest.mark.parametrize("rows", [4_000, 6_000])  # about 120 KB and 180 KB
def test_a_stray_quote_is_a_value_error_naming_its_line_in_a_long_file_too(tmp_path, rows):
    # from about 128 KB on, the csv module's field limit used to raise _csv.Error instead
    lines = [HEADER] + [ROW] * rows
    lines[2] = '2000-01-04,"10.5,11.25,10,1,11'  # line 3: a quote that is never closed
    path = write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(ValueError, match=r"prices\.csv line 3\b.*a quote (that is )?never closed"):
        load_stock(path)


@pytest.mark.parametrize(
    ("row", "column", "cell"),
    [
        ("2017-01-10,62.5,62.9,62.1,21_340_000,62.6", "Volume", "21_340_000"),
        ("2017-01-10,62.5,62.9,62.1,21340000,６２.64", "Close", "６２.64"),  # full-width digits
        ("2017-01-10,٦٢.5,62.9,62.1,21340000,62.6", "Open", "٦٢.5"),  # Arabic-Indic digits
        ("2017-01-10,62.5,62.9,62.1,21340000,\xa062.6", "Close", "\xa062.6"),  # a web page's NBSP
        ("2017-01-10,62.5,62.9,62.1,21340000,6_2.6", "Close", "6_2.6"),
    ],
)
def test_numbers_that_pandas_reads_as_text_are_rejected_naming_line_and_column(
    tmp_path, row, column, cell
):
    # float() accepts '_' separators and any Unicode digits; pandas' read_csv leaves these as text
    path = write(tmp_path, f"{HEADER}\n2017-01-09,62.8,63.1,62.5,20382700,62.9\n{row}\n")
    with pytest.raises(ValueError, match=re.escape(f"line 3: {column} is {cell!r}, not a")):
        load_stock(path)


@pytest.mark.parametrize("cell", [" 62.6", "62.6 ", "+62.6", "6.26e1", "6.26E+1", ".626e2", "62."])
def test_numbers_in_the_forms_pandas_reads_are_read(tmp_path, cell):
    stock = load_stock(write(tmp_path, f"{HEADER}\n2017-01-10,62.5,70,60,100,{cell}\n"))
    assert stock.column("Close").tolist() == [float(cell)]


@pytest.mark.parametrize(
    "cell",
    [
        "٢٠١٧-٠١-٠٩",  # Arabic-Indic digits: used to pass the pattern and fail inside NumPy
        "２０１７-０１-０９",  # full-width digits
        "2017-01-09 ０9:30",  # a time part in full-width digits was accepted
        "2017-01-09T09:30+٠١:00",
    ],
)
def test_dates_in_other_digits_than_ascii_are_rejected_with_their_line(tmp_path, cell):
    path = write(tmp_path, f"{HEADER}\n2017-01-06,1,2,0.5,100,1.5\n{cell},1,2,0.5,100,1.5\n")
    message = f"prices.csv line 3: Date {cell!r} is not a YYYY-MM-DD date"
    with pytest.raises(ValueError, match=re.escape(message)):
        load_stock(path)


@pytest.mark.parametrize("empty_row", [",,,,,", ",,,,,,,", ' , ,"",,,'])
def test_a_row_of_only_empty_fields_is_rejected_naming_its_line(tmp_path, empty_row):
    # Decision (issue 21): a spreadsheet's empty row is not a blank line. pandas' read_csv keeps
    # it as a row of NaN (skip_blank_lines skips only empty lines); an empty cell is rejected
    # everywhere else, so a row of them is too, with its line and what to do.
    path = write(tmp_path, f"{HEADER}\n2017-01-09,1,2,0.5,100,1.5\n{empty_row}\n")
    message = r"prices\.csv line 3 has only empty fields .* Delete that line"
    with pytest.raises(ValueError, match=message):
        load_stock(path)


def test_blank_and_whitespace_only_lines_are_still_skipped(tmp_path):
    rows = "2017-01-09,1,2,0.5,100,1.5\n   \n\n2017-01-10,1,2,0.5,100,1.5\n"
    path = write(tmp_path, f"{HEADER}\n\n{rows}")
    assert len(load_stock(path)) == 2
