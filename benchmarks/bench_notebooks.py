"""Time every notebook in a fresh kernel, next to the floor: a notebook holding only the setup
cell (kernel start + imports), which no lab can go below.

    python benchmarks/bench_notebooks.py [--repeats 1] [--backends tensorflow jax torch]
    (or: make bench)

Goals on a 2-core machine (TensorFlow, the default backend): labs 00-04 within 60 s and 2.5x
their floors' total; lab 05 and each solutions notebook within 4x its floor. The other backends
are timed the same way, against a floor on the same backend.
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
    parser.add_argument("--backends", nargs="+", default=["tensorflow", "jax", "torch"])
    args = parser.parse_args()
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    notebooks += sorted((ROOT / "notebooks" / "solutions").glob("*.ipynb"))
    print(f"{platform.machine()}, {os.cpu_count()} cores; median of {args.repeats} run(s) each\n")
    print("| notebook | " + " | ".join(f"{b} (s) | floor | ratio" for b in args.backends) + " |")
    print("|---|" + "---|---|---|" * len(args.backends))
    totals = {b: [0.0, 0.0] for b in args.backends}
    too_slow = []
    with tempfile.TemporaryDirectory() as tmp:
        floor_path = floor_notebook(Path(tmp))
        for path in notebooks:
            name = path.relative_to(ROOT / "notebooks").with_suffix("").as_posix()
            row = []
            for backend in args.backends:
                os.environ["KERAS_BACKEND"] = backend  # the kernels inherit it
                # the floor is measured beside each notebook, so both see the same machine load
                seconds = statistics.median(execute(path)[1] for _ in range(args.repeats))
                floor = statistics.median(execute(floor_path)[1] for _ in range(args.repeats))
                row.append(f"{seconds:.1f} | {floor:.1f} | {seconds / floor:.1f}x")
                if path.parent.name == "notebooks" and path.name.startswith(ORIGINAL_LABS):
                    totals[backend][0] += seconds
                    totals[backend][1] += floor
                elif backend == "tensorflow" and seconds > EACH_WITHIN * floor:
                    too_slow.append(name)
            print(f"| {name} | " + " | ".join(row) + " |", flush=True)
    print(
        "| **labs 00-04** | "
        + " | ".join(f"**{t:.1f}** | **{f:.1f}** | **{t / f:.1f}x**" for t, f in totals.values())
        + " |"
    )
    if "tensorflow" in totals:
        total, total_floor = totals["tensorflow"]
        ok_total, ok_ratio = total <= 60, total <= 2.5 * total_floor
        print(
            f"\ngoals (TensorFlow): labs 00-04 <= 60 s: {'met' if ok_total else 'MISSED'}; "
            f"<= 2.5x their floors: {'met' if ok_ratio else 'MISSED'}; lab 05 and each solutions "
            f"notebook <= {EACH_WITHIN:g}x its floor: "
            + ("met" if not too_slow else "MISSED by " + ", ".join(too_slow))
        )


if __name__ == "__main__":
    main()
