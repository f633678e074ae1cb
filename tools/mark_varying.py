"""Mark a notebook cell whose output varies from run to run, the way nbval reads it.

nbval compares every stored output with a fresh run's, except in cells tagged
``nbval-ignore-output``. The tag lives in the cell's metadata, where the learner does not read
it, together with the reason (``metadata["varies"]``, one sentence), which
tests/test_notebooks.py requires. Use it from a script or from the command line:

    python tools/mark_varying.py NOTEBOOK CELL_ID "why its output varies"
    python tools/mark_varying.py --unmark NOTEBOOK CELL_ID

(Cell ids: ``nbformat.read(path, 4).cells[i].id``.) README.md, "Exact and varying outputs",
says which outputs vary and why.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).parent))
import notebook_form  # noqa: E402

TAG = "nbval-ignore-output"
REASON_KEY = "varies"


def mark(cell, reason: str) -> None:
    """Tag ``cell`` as varying, with ``reason`` (at least four words)."""
    if cell.cell_type != "code":
        raise ValueError(f"cell {cell.get('id')} is a {cell.cell_type} cell, not code")
    if not isinstance(reason, str) or len(reason.split()) < 4:
        raise ValueError(f"say why the output varies in at least four words, got {reason!r}")
    tags = list(cell.metadata.get("tags", []))
    if TAG not in tags:
        tags.append(TAG)
    cell.metadata["tags"] = tags
    cell.metadata[REASON_KEY] = reason


def unmark(cell) -> None:
    tags = [t for t in cell.metadata.get("tags", []) if t != TAG]
    if tags:
        cell.metadata["tags"] = tags
    else:
        cell.metadata.pop("tags", None)
    cell.metadata.pop(REASON_KEY, None)


def is_marked(cell) -> bool:
    return TAG in cell.metadata.get("tags", [])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unmark", action="store_true")
    parser.add_argument("notebook", type=Path)
    parser.add_argument("cell_id")
    parser.add_argument("reason", nargs="?")
    args = parser.parse_args(argv)
    nb = nbformat.read(args.notebook, as_version=4)
    cell = next((c for c in nb.cells if c.get("id") == args.cell_id), None)
    if cell is None:
        parser.error(f"{args.notebook} has no cell with id {args.cell_id!r}")
    if args.unmark:
        unmark(cell)
    else:
        mark(cell, args.reason or "")
    notebook_form.write(nb, args.notebook)
    return 0


if __name__ == "__main__":
    sys.exit(main())
