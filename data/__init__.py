# Makes data/ installable as the package `helpers.datasets` (see pyproject.toml), so that the CSV
# ships inside `pip install .` and helpers.data.load_stock() finds it from any directory.
