"""Remake data/msft_daily.csv from the Microsoft prices that pmdarima ships.

    python -m venv /tmp/pmd && /tmp/pmd/bin/pip install "pmdarima==2.1.1"
    /tmp/pmd/bin/python data/make_msft_daily.py

pmdarima is needed only here, not by the labs. The output is the last N_DAYS trading days of
``pmdarima.datasets.load_msft()``, columns in the lecture's order (Close last).
"""

from pathlib import Path

N_DAYS = 1000
OUT = Path(__file__).with_name("msft_daily.csv")


def main() -> None:
    import pmdarima.datasets  # only this script needs pmdarima; the labs do not

    df = pmdarima.datasets.load_msft()
    df = df.sort_values("Date").tail(N_DAYS)
    df = df[["Date", "Open", "High", "Low", "Volume", "Close"]]
    # %.6g: the float32 source values without float64 noise such as 34.025999999999996
    df.to_csv(OUT, index=False, lineterminator="\n", float_format="%.6g")
    print(f"wrote {OUT.name}: {len(df)} rows, {df['Date'].iloc[0]} to {df['Date'].iloc[-1]}")


# Importing this file (a test collector, a doc tool) does nothing; running it remakes the CSV.
if __name__ == "__main__":
    main()
