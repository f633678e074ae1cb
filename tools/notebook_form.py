"""The one normal form of the stored notebooks, so a rerun's diff shows only real changes.

Normal form: nbformat 4.5 with a cell id on every cell, written by nbformat (keys sorted,
one-space indent, text as lists of lines), a final newline; notebook metadata reduced to the
kernelspec and language name; no transient cell metadata (execution timing, scroll/collapse
state, widget state).

    python tools/notebook_form.py notebooks/*.ipynb          # rewrite in normal form
    python tools/notebook_form.py --check notebooks/*.ipynb  # exit 1 if a file is not in it
"""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

import nbformat

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
TRANSIENT_CELL_KEYS = ("execution", "collapsed", "scrolled", "ExecuteTime", "jupyter")


def normalize(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return ``nb`` in normal form (modified in place)."""
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
        | ({"tags": nb.metadata["tags"]} if "tags" in nb.metadata else {})
    )
    for cell in nb.cells:
        for key in TRANSIENT_CELL_KEYS:
            cell.metadata.pop(key, None)
        if not cell.get("id"):
            cell.id = uuid.uuid4().hex[:8]
    return nb


def dumps(nb: nbformat.NotebookNode) -> str:
    # nbformat's own writer (sorted keys, indent 1, sources and outputs as lists of lines, as
    # Jupyter saves them), so that a diff shows the changed lines, not whole cells.
    text = nbformat.writes(nb, version=4)
    return text if text.endswith("\n") else text + "\n"


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    nbformat.validate(nb)
    path.write_text(dumps(normalize(nb)), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="only report files not in form")
    args = parser.parse_args(argv)
    unformed = []
    for path in args.paths:
        text = path.read_text(encoding="utf-8")
        nb = nbformat.reads(text, as_version=4)
        wanted = dumps(normalize(nb))
        if text != wanted:
            unformed.append(path)
            if not args.check:
                path.write_text(wanted, encoding="utf-8")
    verb = "not in normal form" if args.check else "rewritten in normal form"
    for path in unformed:
        print(f"{path}: {verb}")
    if args.check and unformed:
        print("run `make format` to fix", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
