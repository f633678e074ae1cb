"""The labs install and run the way learners get them: pip install, any directory."""

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def requirement_lines(path: Path) -> list[str]:
    lines = [line.split("#")[0].strip() for line in path.read_text().splitlines()]
    return [line for line in lines if line and not line.startswith("-")]


def normalized(req: str) -> str:
    return re.sub(r"\s+", "", req).replace('"', "'")


def test_pyproject_declares_the_same_runtime_dependencies_as_requirements_txt():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = sorted(normalized(r) for r in pyproject["project"]["dependencies"])
    listed = sorted(normalized(r) for r in requirement_lines(ROOT / "requirements.txt"))
    assert declared == listed


def test_every_requirement_is_pinned_in_constraints():
    pinned = {
        line.split("==")[0].lower().replace("_", "-")
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line
    }
    names = [
        re.split(r"[<>=!~;\[ ]", r)[0].lower()
        for r in requirement_lines(ROOT / "requirements.txt")
        + requirement_lines(ROOT / "requirements-dev.txt")
    ]
    unpinned = [n for n in names if n not in pinned]
    assert not unpinned, f"add to constraints.txt (make constraints): {unpinned}"


RUN_ALONE = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=600, kernel_name="python3",
               resources={"metadata": {"path": sys.argv[2]}}).execute()
errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
stderr = [o.text for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stderr"]
print("errors", len(errors), "stderr", len(stderr))
sys.exit(1 if errors or stderr else 0)
"""


@pytest.mark.slow
def test_plain_install_then_each_notebook_alone_in_an_empty_directory(tmp_path):
    """What Colab gives you: one notebook file in an empty directory, helpers installed with a
    plain (not editable) `pip install .` into a fresh virtual environment."""
    source = tmp_path / "source"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".venv*", ".git", "build", "*.egg-info")
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run(pip + ["-c", str(ROOT / "constraints.txt"), str(source)], check=True)
    shutil.rmtree(source)  # nothing may come from the source tree any more

    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        alone = tmp_path / f"alone_{notebook.stem}"
        alone.mkdir()
        shutil.copy(notebook, alone)
        result = subprocess.run(
            [python, "-c", RUN_ALONE, str(alone / notebook.name), str(alone)],
            cwd=alone,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, f"{notebook.name}:\n{result.stdout}\n{result.stderr[-3000:]}"
        shutil.rmtree(alone)

    # the shipped data came along with the install
    out = subprocess.run(
        [
            python,
            "-c",
            "import helpers, json; print(json.dumps(helpers.load_stock().values.shape))",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [1000, 5]
