"""Hygiene of the stored notebooks: what a reader sees must be what a clean run gives.

nbval (run by `make test`) re-executes every notebook and compares outputs; these checks catch
what nbval does not: run order, stderr, machine-specific text, the shared setup cell, the form.
"""

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import mark_varying  # noqa: E402
import notebook_form  # noqa: E402
import stamp_notebooks  # noqa: E402

LABS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "notebooks" / "solutions").glob("*_solutions.ipynb"))
KO_LABS = sorted((ROOT / "notebooks" / "ko").glob("*.ipynb"))
KO_SOLUTIONS = sorted((ROOT / "notebooks" / "ko" / "solutions").glob("*_solutions.ipynb"))
NOTEBOOKS = LABS + SOLUTIONS + KO_LABS + KO_SOLUTIONS
# What the section headings say in each edition (tests/test_korean_edition.py: the Korean one).
EXERCISES = {"en": "Exercises", "ko": "연습 문제"}
SOLUTIONS_TITLE = {"en": "# Solutions to Lab {n}: ", "ko": "# Lab {n} 풀이: "}
EXERCISE = {"en": r"## Exercise \d", "ko": r"## 연습 문제 \d"}
EXPECTED = [
    "00_rnn_basics",
    "01_hihello",
    "02_long_sequences",
    "03_stacked_rnn_softmax",
    "04_stock_prediction",
    "05_long_range_memory",
]
VOLATILE = re.compile(
    r"(/work/|/tmp/|/root/|/home/|/Users/|[A-Z]:\\\\|site-packages|0x[0-9a-fA-F]{6,}"
    r"|ms/step|s/step|\x1b\[)"
)


def output_text(out) -> str:
    if "text" in out:
        return "".join(out["text"])
    data = out.get("data", {})
    return "".join(
        "".join(v) if isinstance(v, list) else str(v)
        for k, v in data.items()
        if k.startswith("text/")
    )


def test_the_labs_are_there():
    assert [p.stem for p in LABS] == EXPECTED


def language(path: Path) -> str:
    return stamp_notebooks.language_of(path)


def pid(path: Path) -> str:
    return ("ko/" if language(path) == "ko" else "") + path.stem


@pytest.mark.parametrize("solutions", SOLUTIONS + KO_SOLUTIONS, ids=pid)
def test_solutions_and_their_lab_link_to_each_other(solutions):
    """Each solutions notebook answers a lab's exercises; the lab points learners to it."""
    lang = language(solutions)
    lab = solutions.parent.parent / solutions.name.replace("_solutions", "")
    assert lab.exists(), f"{solutions.name} has no lab {lab.name}"
    lab_nb = nbformat.read(lab, as_version=4)
    sol_nb = nbformat.read(solutions, as_version=4)
    lab_number = re.match(
        r"# Lab (12-\d)", lab_nb.cells[stamp_notebooks.title_index(lab_nb)].source
    )
    title = sol_nb.cells[stamp_notebooks.title_index(sol_nb)].source
    assert title.startswith(SOLUTIONS_TITLE[lang].format(n=lab_number[1])), title[:80]
    assert f"../{lab.name}" in title, f"{solutions.name}: link back to the lab in the title cell"
    assert any(
        f"solutions/{solutions.name}" in c.source for c in lab_nb.cells if c.cell_type == "markdown"
    ), f"{lab.name}: link to solutions/{solutions.name} after the exercises"
    assert any(
        re.match(EXERCISE[lang], c.source) for c in sol_nb.cells if c.cell_type == "markdown"
    ), f"{solutions.name}: one '## Exercise K: ...' section per exercise"


@pytest.fixture(params=NOTEBOOKS, ids=pid)
def nb(request):
    return request.param, nbformat.read(request.param, as_version=4)


def test_valid_nbformat_4_with_python3_kernel(nb):
    path, notebook = nb
    nbformat.validate(notebook)
    assert notebook.nbformat == 4
    assert notebook.metadata.kernelspec.name == "python3"


def test_in_normal_form(nb):
    path, notebook = nb
    assert path.read_text(encoding="utf-8") == notebook_form.dumps(
        notebook_form.normalize(nbformat.read(path, as_version=4))
    ), f"{path.name} is not in normal form: run `make format`"


def test_executed_once_top_to_bottom(nb):
    path, notebook = nb
    counts = [c.execution_count for c in notebook.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: rerun it in a fresh kernel"


def test_no_stderr_errors_or_machine_specific_text(nb):
    path, notebook = nb
    for i, cell in enumerate(notebook.cells):
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{path.name} cell {i}: stored error {out.ename}"
            assert out.get("name") != "stderr", f"{path.name} cell {i}: {output_text(out)[:200]}"
            found = VOLATILE.search(output_text(out))
            assert not found, f"{path.name} cell {i}: {found.group(0)!r} in an output"


def test_opens_like_a_lab(nb):
    path, notebook = nb
    if path in SOLUTIONS + KO_SOLUTIONS:
        pytest.skip("solutions open with their own title (test_solutions_and_their_lab_...)")
    title = notebook.cells[stamp_notebooks.title_index(notebook)]
    assert title.cell_type == "markdown"
    assert re.match(r"# Lab 12-\d: \S", title.source), title.source[:80]
    assert any(
        c.cell_type == "markdown"
        and re.search(rf"^#+ .*{EXERCISES[language(path)]}", c.source, re.M)
        for c in notebook.cells
    ), f"{path.name} has no Exercises section"


def test_setup_cell_and_badge_agree_with_the_repository_setting(nb):
    path, notebook = nb
    problems = stamp_notebooks.check(notebook, path, stamp_notebooks.repository_url())
    assert not problems, problems


def test_no_test_machinery_in_what_the_learner_reads(nb):
    """Varying cells are marked in their metadata (tools/mark_varying.py), not with comments."""
    path, notebook = nb
    for i, cell in enumerate(notebook.cells):
        assert "NBVAL" not in cell.source.upper(), f"{path.name} cell {i}: NBVAL text in its source"


def test_every_ignored_output_says_why(nb):
    """A cell whose output nbval does not compare (tag nbval-ignore-output) says why in its
    metadata, in a sentence of at least four words."""
    path, notebook = nb
    for i, cell in enumerate(notebook.cells):
        if not mark_varying.is_marked(cell):
            assert mark_varying.REASON_KEY not in cell.metadata, f"{path.name} cell {i}: untagged"
            continue
        assert cell.cell_type == "code", f"{path.name} cell {i}: only code cells have outputs"
        reason = cell.metadata.get(mark_varying.REASON_KEY, "")
        assert isinstance(reason, str) and len(reason.split()) >= 4, (
            f"{path.name} cell {i}: say why the output varies in metadata['varies'] "
            "(python tools/mark_varying.py NOTEBOOK CELL_ID 'why')"
        )


def test_setup_cell_is_short(nb):
    """What opens every notebook: a few lines (keras-io opens with 3, d2l with 2)."""
    path, notebook = nb
    setup = next(c for c in notebook.cells if c.cell_type == "code")
    assert len(setup.source.splitlines()) <= 12, f"{path.name}: the setup cell grew"
