"""Stamp each notebook's 'Open in Colab' badge and setup cell from the repository setting.

The repository URL lives in one place: pyproject.toml, [project.urls] Repository. While it is
not set, no badge is stamped and the setup cell tells a Colab user how to install the labs.

    python tools/stamp_notebooks.py          # rewrite every notebook (Korean edition too)
    python tools/stamp_notebooks.py --check  # exit 1 if a badge or setup cell disagrees
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).parent))
import notebook_form  # noqa: E402
from setup_cell import setup_cell  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BADGE_TAG = "colab-badge"
BRANCH = "main"


def repository_url(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """[project.urls] Repository from pyproject.toml, or "" when it is not set."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    return project.get("urls", {}).get("Repository", "").strip()


def badge_markdown(repo_url: str, notebook: Path) -> str | None:
    """The badge for a notebook of a GitHub repository; None for other hosts (Colab opens
    notebooks from GitHub only) or when no URL is set."""
    m = re.fullmatch(r"https://github\.com/([^/]+)/([^/]+?)(?:\.git)?/?", repo_url)
    if not m:
        return None
    rel = notebook.resolve().relative_to(ROOT).as_posix()
    link = f"https://colab.research.google.com/github/{m[1]}/{m[2]}/blob/{BRANCH}/{rel}"
    return f"[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]({link})"


def _is_badge(cell) -> bool:
    return cell.cell_type == "markdown" and BADGE_TAG in cell.metadata.get("tags", [])


def title_index(nb) -> int:
    """Index of the title cell: after the badge cell, if there is one."""
    return 1 if nb.cells and _is_badge(nb.cells[0]) else 0


def language_of(path: Path) -> str:
    """'ko' for the Korean edition (notebooks/ko/...), else 'en'."""
    parts = path.resolve().relative_to(ROOT).parts
    return "ko" if parts[:2] == ("notebooks", "ko") else "en"


def notebook_paths() -> list[Path]:
    """Every stored notebook: the labs, their solutions, and the Korean edition of both."""
    paths = []
    for folder in (ROOT / "notebooks", ROOT / "notebooks" / "ko"):
        paths += sorted(folder.glob("*.ipynb")) + sorted(folder.glob("solutions/*.ipynb"))
    return paths


def _setup_index(nb) -> int:
    return next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")


def check(nb, path: Path, repo_url: str) -> list[str]:
    """What in ``nb`` disagrees with the setting; empty when all is well."""
    problems = []
    want = badge_markdown(repo_url, path)
    has = nb.cells[0].source if nb.cells and _is_badge(nb.cells[0]) else None
    if has != want:
        problems.append(f"{path.name}: badge is {has!r}, expected {want!r}")
    if nb.cells[_setup_index(nb)].source != setup_cell(repo_url, language_of(path)):
        problems.append(f"{path.name}: the first code cell is not tools/setup_cell.py's setup cell")
    return problems


def stamp(nb, path: Path, repo_url: str) -> None:
    """Make ``nb`` agree with the setting (in place)."""
    want = badge_markdown(repo_url, path)
    if nb.cells and _is_badge(nb.cells[0]):
        nb.cells.pop(0)
    if want:
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(want, metadata={"tags": [BADGE_TAG]}))
    nb.cells[_setup_index(nb)].source = setup_cell(repo_url, language_of(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    url = repository_url()
    problems = []
    for path in notebook_paths():
        nb = nbformat.read(path, as_version=4)
        if args.check:
            problems += check(nb, path, url)
        else:
            stamp(nb, path, url)
            notebook_form.write(nb, path)
    print("\n".join(problems) or f"badges and setup cells agree with Repository = {url!r}")
    if url and not badge_markdown(url, ROOT / "notebooks" / "x.ipynb"):
        print("note: not a GitHub URL, so no Colab badge (Colab opens notebooks from GitHub)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
