"""The one normal form of the stored notebooks, so a rerun's diff shows only real changes.

Normal form: nbformat 4.5 with a cell id on every cell, written by nbformat (keys sorted,
one-space indent, text as lists of lines), a final newline; notebook metadata reduced to the
kernelspec and language_info exactly as JupyterLab writes them for ipykernel's python3 kernel,
so that opening and saving a notebook there changes nothing but, at most, the one field that
depends on the machine: language_info.version, the kernel's Python version. That field is kept
if a notebook has it (JupyterLab adds it on save) and never written by this project's tools;
no transient cell metadata (execution timing, scroll/collapse state, widget state).

    python tools/notebook_form.py notebooks/*.ipynb          # rewrite in normal form
    python tools/notebook_form.py --check notebooks/*.ipynb  # exit 1 if a file is not in it
"""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

import nbformat

# What JupyterLab 4 stores on save: the kernelspec of ipykernel's python3 kernel and the
# language_info of ipykernel's kernel_info reply, minus its "version" (the Python of the machine).
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {
    "codemirror_mode": {"name": "ipython", "version": 3},
    "file_extension": ".py",
    "mimetype": "text/x-python",
    "name": "python",
    "nbconvert_exporter": "python",
    "pygments_lexer": "ipython3",
}
TRANSIENT_CELL_KEYS = ("execution", "collapsed", "scrolled", "ExecuteTime", "jupyter")


def normalize(nb: nbformat.NotebookNode, keep_version: bool = True) -> nbformat.NotebookNode:
    """Return ``nb`` in normal form (modified in place); ``keep_version=False`` also drops
    language_info.version (what the tools that execute notebooks write)."""
    nb.nbformat, nb.nbformat_minor = 4, 5
    version = nb.metadata.get("language_info", {}).get("version")
    language_info = LANGUAGE_INFO | (
        {"version": version} if keep_version and isinstance(version, str) else {}
    )
    nb.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": language_info}
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
    """Write ``nb`` in normal form without the executing kernel's Python version."""
    nbformat.validate(nb)
    path.write_text(dumps(normalize(nb, keep_version=False)), encoding="utf-8")


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
