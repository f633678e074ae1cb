"""Time every notebook in a fresh kernel, next to the floor: a notebook holding only the setup
cell (kernel start + imports), which no lab can go below.

    python benchmarks/bench_notebooks.py [--repeats 1]   (or: make bench)

Goals on a 2-core machine: the whole collection within 60 s, and within 2.5x the floor's total.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from execute_notebooks import execute  # noqa: E402
from setup_cell import setup_cell  # noqa: E402


def floor_notebook(directory: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(setup_cell())]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = directory / "floor.ipynb"
    nbformat.write(nb, path)
    return path


# Issue 8: labs 00-04 together within 60 s and 2.5x their floors; issues 15 and 16: lab 05
# and each solutions notebook within 4x its floor.
ORIGINAL_LABS = ("00_", "01_", "02_", "03_", "04_")
EACH_WITHIN = 4.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1, help="median over this many runs")
    args = parser.parse_args()
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    notebooks += sorted((ROOT / "notebooks" / "solutions").glob("*.ipynb"))
    print(f"{platform.machine()}, {os.cpu_count()} cores; median of {args.repeats} run(s) each\n")
    print("| notebook | seconds | floor (s) | ratio |")
    print("|---|---|---|---|")
    total = total_floor = 0.0
    too_slow = []
    with tempfile.TemporaryDirectory() as tmp:
        floor_path = floor_notebook(Path(tmp))
        for path in notebooks:
            # the floor is measured beside each notebook, so both see the same machine load
            seconds = statistics.median(execute(path)[1] for _ in range(args.repeats))
            floor = statistics.median(execute(floor_path)[1] for _ in range(args.repeats))
            name = path.relative_to(ROOT / "notebooks").with_suffix("").as_posix()
            if path.parent.name == "notebooks" and path.name.startswith(ORIGINAL_LABS):
                total, total_floor = total + seconds, total_floor + floor
            elif seconds > EACH_WITHIN * floor:
                too_slow.append(name)
            print(f"| {name} | {seconds:.1f} | {floor:.1f} | {seconds / floor:.1f}x |", flush=True)
    print(
        f"| **labs 00-04** | **{total:.1f}** | **{total_floor:.1f}** "
        f"| **{total / total_floor:.1f}x** |"
    )
    ok_total, ok_ratio = total <= 60, total <= 2.5 * total_floor
    print(
        f"\ngoals: labs 00-04 <= 60 s: {'met' if ok_total else 'MISSED'}; "
        f"<= 2.5x their floors: {'met' if ok_ratio else 'MISSED'}; lab 05 and each solutions "
        f"notebook <= {EACH_WITHIN:g}x its floor: "
        + ("met" if not too_slow else "MISSED by " + ", ".join(too_slow))
    )


if __name__ == "__main__":
    main()
