"""Execute notebooks top to bottom, each in a fresh kernel, and time them.

    python tools/execute_notebooks.py --out build        # `make run`: executed copies + HTML
    python tools/execute_notebooks.py --inplace [NB...]  # `make outputs`: refresh stored outputs

Each notebook runs with notebooks/ as its working directory. One progress line per notebook.
Kernels talk to this process over local sockets (ZeroMQ's ipc transport) instead of TCP ports,
so ipykernel has no reason to print its "running over TCP without encryption" warning between
the progress lines (and no port on 127.0.0.1 is opened).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from traitlets.config import Config

sys.path.insert(0, str(Path(__file__).parent))
import notebook_form  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def execute(path: Path, timeout: int = 600) -> tuple[nbformat.NotebookNode, float]:
    """Run one notebook in a fresh python3 kernel; return it executed and the seconds taken."""
    nb = nbformat.read(path, as_version=4)
    # ipc sockets are files: a private directory per kernel, removed afterwards (ZeroMQ has no
    # ipc on Windows, where the kernel keeps TCP and its warning).
    with tempfile.TemporaryDirectory(prefix="rnn-labs-kernel-") as sockets:
        config = Config()
        if os.name == "posix":
            config.KernelManager.transport = "ipc"
            config.KernelManager.ip = os.path.join(sockets, "kernel")
        start = time.perf_counter()
        NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            config=config,
        ).execute()
        seconds = time.perf_counter() - start
    return nb, seconds


def notebooks_in(path: Path) -> list[Path]:
    """A notebook itself; a folder's notebooks, then those of its solutions/ folder."""
    if path.is_dir():
        return sorted(path.glob("*.ipynb")) + sorted(path.glob("solutions/*.ipynb"))
    return [path]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="notebooks or folders of them (default: notebooks/, its solutions/ included)",
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="write executed .ipynb and .html here")
    where.add_argument("--inplace", action="store_true", help="overwrite the stored notebooks")
    args = parser.parse_args(argv)
    paths = [nb for path in args.paths or [NOTEBOOKS] for nb in notebooks_in(path)]
    if args.out:
        from nbconvert import HTMLExporter

        args.out.mkdir(parents=True, exist_ok=True)
    total = 0.0
    for i, path in enumerate(paths, 1):
        nb, seconds = execute(path)
        total += seconds
        if args.inplace:
            notebook_form.write(nb, path)
            target = path
        else:
            target = args.out / path.name
            notebook_form.write(nb, target)
            html, _ = HTMLExporter().from_notebook_node(nb)
            target.with_suffix(".html").write_text(html, encoding="utf-8")
        print(f"[{i}/{len(paths)}] {path.name}: {seconds:.1f} s -> {target}", flush=True)
    print(f"{len(paths)} notebooks in {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
