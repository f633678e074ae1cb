"""The notebook normal form: what `make format` writes and the hygiene test demands."""

import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import notebook_form  # noqa: E402


def executed_notebook():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print(1)\nprint(2)", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n2\n")]
    cell.metadata["execution"] = {"iopub.status.busy": "2026-11-25T10:00:00.000Z"}
    cell.metadata["scrolled"] = True
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    return nb


def test_transient_metadata_is_stripped_and_the_rest_kept():
    nb = notebook_form.normalize(executed_notebook())
    cell = nb.cells[0]
    assert cell.metadata == {"tags": ["parameters"]}
    assert nb.metadata == {
        "kernelspec": notebook_form.KERNELSPEC,
        "language_info": {"name": "python"},
    }
    assert cell.id and cell.outputs[0].text == "1\n2\n"


def test_a_notebook_saved_with_timings_is_not_in_form_and_formatting_is_idempotent(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(executed_notebook(), path)
    assert notebook_form.main(["--check", str(path)]) == 1
    assert notebook_form.main([str(path)]) == 0
    first = path.read_text()
    assert notebook_form.main(["--check", str(path)]) == 0
    assert notebook_form.main([str(path)]) == 0 and path.read_text() == first
    assert '"print(1)\\n",' in first  # sources stored line by line, so diffs show lines
