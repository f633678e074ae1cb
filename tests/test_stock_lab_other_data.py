"""Lab 04 promises to work unchanged on another CSV: run it on one in Yahoo Finance's layout."""

import csv
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from helpers.data import load_stock

LAB = Path(__file__).resolve().parent.parent / "notebooks" / "04_stock_prediction.ipynb"


def write_yahoo_csv(path: Path) -> None:
    """Rows 150..849 of the shipped data, newest first, in Yahoo's column order, with one
    day of zero volume (index data has such days)."""
    stock = load_stock()
    rows = []
    for i in range(150, 850):
        o, h, low, v, c = stock.values[i]
        volume = 0 if i == 400 else int(v)
        rows.append([str(stock.dates[i]), o, h, low, c, round(c * 0.97, 4), volume])
    with path.open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"])
        out.writerows(reversed(rows))


@pytest.mark.slow
def test_stock_lab_runs_unchanged_on_a_yahoo_csv(tmp_path):
    data = tmp_path / "yahoo.csv"
    write_yahoo_csv(data)
    nb = nbformat.read(LAB, as_version=4)
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1, "lab 04 needs exactly one cell tagged 'parameters'"
    assert "CSV_PATH = None" in params[0].source
    params[0].source = params[0].source.replace("CSV_PATH = None", f"CSV_PATH = {str(data)!r}")

    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()

    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    stderr = [o.text for o in outputs if o.get("name") == "stderr"]
    assert not stderr, stderr
    printed = "".join(o.get("text", "") for o in outputs)
    assert "700 trading days" in printed and "your CSV" in printed
