"""The labs install and run the way learners get them: pip install, any directory."""

import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
TENSORFLOWS = {"tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tf-nightly", "tf-nightly-cpu"}


def requirement_lines(path: Path) -> list[str]:
    lines = [line.split("#")[0].strip() for line in path.read_text().splitlines()]
    return [line for line in lines if line and not line.startswith("-")]


def normalized(req: str) -> str:
    return re.sub(r"\s+", "", req).replace('"', "'")


def test_requirements_txt_is_the_dependencies_plus_the_tensorflow_extra():
    project = PYPROJECT["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["tensorflow"]
    listed = requirement_lines(ROOT / "requirements.txt")
    assert sorted(normalized(r) for r in declared) == sorted(normalized(r) for r in listed)


def test_a_plain_pip_install_keeps_the_tensorflow_an_environment_has():
    """pip cannot know that tensorflow, tensorflow-cpu and tensorflow[and-cuda] provide the same
    module: any TensorFlow in the dependencies would install a second one beside a GPU build."""
    names = {Requirement(r).name.lower() for r in PYPROJECT["project"]["dependencies"]}
    assert not names & TENSORFLOWS


@pytest.mark.parametrize(
    "platform, machine, wanted",
    [
        ("linux", "x86_64", "tensorflow-cpu"),  # no CUDA driver messages in the notebooks
        ("linux", "aarch64", "tensorflow"),
        ("darwin", "arm64", "tensorflow"),
        ("win32", "AMD64", "tensorflow"),
    ],
)
def test_make_lab_installs_one_tensorflow_per_platform(platform, machine, wanted):
    env = {"sys_platform": platform, "platform_machine": machine}
    chosen = [
        req.name
        for req in map(Requirement, requirement_lines(ROOT / "requirements.txt"))
        if req.name in TENSORFLOWS and (req.marker is None or req.marker.evaluate(env))
    ]
    assert chosen == [wanted]


def test_the_installed_tree_is_the_source_tree():
    """No package is renamed on install (package-dir maps only "" to the root), so helpers is
    found the same way from a checkout, an editable install and a wheel; and setuptools makes
    the editable install a plain path entry, without its warning banner. The data lives once,
    in the top-level data/ (issue 21), and every data file there ships with a wheel."""
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert setuptools["package-dir"] == {"": "."}
    for package in setuptools["packages"]:
        assert (ROOT / package.replace(".", "/") / "__init__.py").is_file(), package
    assert (ROOT / "data" / "msft_daily.csv").is_file() and (ROOT / "data" / "README.md").is_file()
    assert not list((ROOT / "helpers").rglob("*.csv"))  # no second copy to keep in step
    (patterns,) = setuptools["data-files"].values()
    shipped = {p.relative_to(ROOT).as_posix() for pat in patterns for p in ROOT.glob(pat)}
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "data").iterdir() if p.is_file()}
    assert shipped == on_disk - {"data/make_msft_daily.py"}


@pytest.mark.parametrize(
    "line, shown",
    [
        (
            "  Downloading https://files.pythonhosted.org/packages/ab/cd/"
            "tensorflow_cpu-2.21.0-cp311-cp311-manylinux_2_27_x86_64.whl (270.0 MB)",
            "  tensorflow-cpu 2.21.0 (270.0 MB)",
        ),
        (
            "  Using cached jupyterlab-4.6.6-py3-none-any.whl (17.3 MB)",
            "  jupyterlab 4.6.6 (17.3 MB, cached)",
        ),
        ("  Downloading pandocfilters-1.5.1.tar.gz (8.5 kB)", "  pandocfilters 1.5.1 (8.5 kB)"),
        ("  Downloading keras-3.15.1-py3-none-any.whl.metadata (6.1 kB)", None),
        ("Collecting keras<4,>=3.10 (from -r requirements.txt (line 8))", None),
        ("Requirement already satisfied: numpy in ./.venv/lib/python3.11/site-packages", None),
    ],
)
def test_install_progress_shows_one_line_per_package_fetched(line, shown):
    sys.path.insert(0, str(ROOT / "tools"))
    import pip_install

    m = pip_install.FETCH.match(line)
    got = pip_install.describe(m["how"], m["what"], m["size"]) if m else None
    assert got == shown


PROBE = """
import json, helpers
from helpers.data import load_stock, shipped_stock_path
print(json.dumps({"helpers": helpers.__file__, "csv": str(shipped_stock_path()),
                  "shape": load_stock().values.shape}))
"""


def probe(python, cwd, env=None) -> dict:
    out = subprocess.run(
        [str(python), "-c", PROBE], cwd=cwd, capture_output=True, text=True, env=env
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_checkout_without_any_install_loads_the_shipped_csv(tmp_path):
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "helpers", checkout / "helpers")
    shutil.copytree(ROOT / "data", checkout / "data")
    # only the copy provides helpers (-I: no PYTHONPATH, no user site; cwd is sys.path[0])
    found = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, ''); exec({PROBE!r})"],
        cwd=checkout,
        capture_output=True,
        text=True,
    )
    assert found.returncode == 0, found.stderr[-3000:]
    result = json.loads(found.stdout.strip().splitlines()[-1])
    assert Path(result["helpers"]).resolve() == (checkout / "helpers" / "__init__.py").resolve()
    csv = checkout / "data" / "msft_daily.csv"
    assert Path(result["csv"]).resolve() == csv.resolve()
    assert result["shape"] == [1000, 5]


def test_a_checkout_without_its_data_folder_says_where_it_looked(tmp_path):
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "helpers", checkout / "helpers")  # no data/
    found = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, ''); exec({PROBE!r})"],
        cwd=checkout,
        capture_output=True,
        text=True,
    )
    assert found.returncode != 0
    last = found.stderr.strip().splitlines()[-1]
    assert last.startswith("FileNotFoundError: msft_daily.csv is neither installed with helpers")
    assert str(checkout / "data") in last


def source_copy(tmp_path) -> Path:
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv*", ".git", "build", "*.egg-info", "__pycache__", ".*cache", ".hypothesis"
        ),
    )
    return source


def bare_venv(path: Path) -> Path:
    """A virtual environment without pip (this interpreter's pip installs into it)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    return path / "bin" / "python"


def see_this_environment(python: Path) -> None:
    """Let ``python`` import this environment's packages (numpy, pytest, ...) after its own: a
    .pth line adds a directory to sys.path without running the .pth files in it."""
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "zz_outer_environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")


def pip_into(python: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", *args],
        capture_output=True,
        text=True,
        check=True,
    )


@pytest.mark.slow
def test_wheel_and_editable_install_load_the_shipped_csv_the_same_way(tmp_path):
    """issue 13, item 8: a plain `pip install .`, then the tests run from the checkout (whose
    helpers/ shadows the installed one) used to fail with "No module named 'helpers.datasets'".
    issue 21: the data lives in the top-level data/; the wheel carries it as data files."""
    source = source_copy(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()

    # the wheel holds helpers/ as the checkout has it and data/'s CSV and README, nothing else
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), source],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "BuildBackendWarning" not in built.stdout + built.stderr, built.stderr[-3000:]
    (wheel,) = tmp_path.glob("rnn_labs-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    stem = wheel.name.split("-py3")[0]
    assert {n.split("/")[0] for n in names} == {"helpers", f"{stem}.dist-info", f"{stem}.data"}
    source_files = {p.relative_to(source).as_posix() for p in (source / "helpers").glob("*.py")}
    assert {n for n in names if n.startswith("helpers/")} == source_files
    assert {n for n in names if n.startswith(f"{stem}.data/")} == {
        f"{stem}.data/data/share/rnn-labs/{name}" for name in ("msft_daily.csv", "README.md")
    }

    python = bare_venv(tmp_path / "wheel_venv")
    pip_into(python, str(wheel))
    see_this_environment(python)
    installed = probe(python, empty)
    assert "site-packages" in installed["helpers"] and installed["shape"] == [1000, 5]
    prefix = python.parent.parent  # pip installs data files under the environment's prefix
    assert Path(installed["csv"]) == (prefix / "share" / "rnn-labs" / "msft_daily.csv").resolve()
    from_checkout = probe(python, source)  # the checkout's helpers/ comes first on sys.path
    assert Path(from_checkout["csv"]) == (source / "data" / "msft_daily.csv").resolve()
    tests = subprocess.run(  # the unit tests of the shipped data, run from the checkout
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "shipped"]
        + ["tests/test_data.py"],
        cwd=source,
        capture_output=True,
        text=True,
    )
    assert tests.returncode == 0 and " passed" in tests.stdout, tests.stdout[-3000:]

    python = bare_venv(tmp_path / "editable_venv")
    editable = pip_into(python, "-e", str(source))
    # issue 17, item 3: setuptools' "Editable installation ... folders with the same name as
    # your package" banner (shown whenever it has to install an import hook)
    assert "BuildBackendWarning" not in editable.stdout + editable.stderr
    see_this_environment(python)
    for cwd in (empty, source):
        found = probe(python, cwd)
        assert Path(found["csv"]) == (source / "data" / "msft_daily.csv").resolve()
        assert found["shape"] == [1000, 5]
    # nothing installed beside the path entry: the checkout's data/ is the only copy
    assert not (python.parent.parent / "share" / "rnn-labs").exists()


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
def test_plain_install_beside_a_tensorflow_then_each_notebook_alone_in_an_empty_directory(tmp_path):
    """What Colab or a GPU machine gives you: an environment that has a TensorFlow, then a plain
    (neither editable nor --no-deps) `pip install .`, which must keep that TensorFlow; then one
    notebook file in an empty directory. (tensorflow-cpu stands in for Colab's or a GPU build:
    the project names no TensorFlow, so pip treats every build alike.)"""
    source = source_copy(tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    constraints = ["-c", str(ROOT / "constraints.txt")]
    subprocess.run(pip + constraints + ["tensorflow-cpu"], check=True)
    subprocess.run(pip + constraints + [str(source)], check=True)
    shutil.rmtree(source)  # nothing may come from the source tree any more
    listed = subprocess.run(
        [python, "-m", "pip", "list", "--format", "json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = {d["name"].lower().replace("_", "-") for d in json.loads(listed)}
    assert installed & TENSORFLOWS == {"tensorflow-cpu"}, "a second TensorFlow was installed"

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
