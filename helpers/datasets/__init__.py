"""The data that ships with the labs (msft_daily.csv; README.md gives its source and licence).

A plain folder of the `helpers` package, so the CSV sits at the same place relative to
`helpers` in a checkout, an editable install and a wheel: ``helpers.data.load_stock()`` reads
it with ``importlib.resources`` in all three, from any working directory.
"""
