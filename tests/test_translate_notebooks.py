"""tools/translate_notebooks.py on a small notebook of its own: what it translates, what it
keeps, and how an English change shows up (stale, fuzzy) until it is carried over."""

import sys
from pathlib import Path

import nbformat
import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import translate_notebooks as tn  # noqa: E402
from setup_cell import setup_cell  # noqa: E402

SOURCE = [
    ("markdown", "# Lab 12-9: a toy\n\nWhat you will learn: a comment."),
    ("code", setup_cell()),
    ("code", 'x = "# not a comment"  # the input\nprint(x)  # noqa: T201\n# a whole line\ny = 2'),
    ("markdown", "## Exercises\n\nNone."),
]


@pytest.fixture
def project(tmp_path, monkeypatch):
    notebooks = tmp_path / "notebooks"
    (notebooks / "solutions").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    nb = nbformat.v4.new_notebook()
    for i, (kind, text) in enumerate(SOURCE):
        cell = getattr(nbformat.v4, f"new_{kind}_cell")(text)
        cell.id = f"cell{i}"
        nb.cells.append(cell)
    path = notebooks / "09_toy.ipynb"
    nbformat.write(nb, path)
    monkeypatch.setattr(tn, "ROOT", tmp_path)
    monkeypatch.setattr(tn, "NOTEBOOKS", notebooks)
    monkeypatch.setattr(tn, "KO", notebooks / "ko")
    monkeypatch.setattr(tn, "PO", notebooks / "ko" / "po")
    monkeypatch.setattr(tn.stamp_notebooks, "ROOT", tmp_path)
    return path


def translate_all(path, prefix="KO "):
    po = polib.pofile(str(tn.catalogue_path(path)))
    for entry in po:
        entry.msgstr = prefix + entry.msgid
        entry.flags = []
    po.save()


def test_entries_are_markdown_cells_and_prose_comments():
    nb = nbformat.v4.new_notebook()
    for i, (kind, text) in enumerate(SOURCE):
        cell = getattr(nbformat.v4, f"new_{kind}_cell")(text)
        cell.id = f"cell{i}"
        nb.cells.append(cell)
    assert tn.entries_of(nb) == [
        ("cell0", SOURCE[0][1]),
        ("cell2 comment", "the input"),
        ("cell2 comment", "a whole line"),
        ("cell3", SOURCE[3][1]),
    ]  # the setup cell has its own Korean; tool directives and a '#' in a string are not prose


def test_build_translates_text_and_keeps_the_code_token_for_token(project):
    tn.update(project)
    assert tn.problems(project)  # nothing translated yet
    translate_all(project)
    assert tn.problems(project) == []
    ko = tn.build_one(project)
    en = nbformat.read(project, as_version=4)
    assert ko.cells[0].source == "KO " + SOURCE[0][1]
    assert ko.cells[2].source.splitlines()[0] == 'x = "# not a comment"  # KO the input'
    assert "# noqa: T201" in ko.cells[2].source and "# KO a whole line" in ko.cells[2].source
    assert "참고" in ko.cells[1].source  # the Korean setup cell
    for a, b in zip(en.cells, ko.cells, strict=True):
        assert a.id == b.id and a.cell_type == b.cell_type
        if a.cell_type == "code":
            assert tn.code_tokens(a.source) == tn.code_tokens(b.source)


def test_an_english_change_is_fuzzy_until_checked_and_check_sees_an_unbuilt_notebook(project):
    tn.update(project)
    translate_all(project)
    assert tn.main(["build", str(project)]) == 0
    assert tn.main(["check", str(project)]) == 0
    nb = nbformat.read(project, as_version=4)
    nb.cells[3].source = "## Exercises\n\nOne."
    nb.cells[2].source = nb.cells[2].source.replace("# the input", "# the data")
    nbformat.write(nb, project)
    assert any("stale" in p for p in tn.problems(project))
    assert tn.main(["check", str(project)]) == 1
    new, changed, dropped = tn.update(project)
    assert (new, changed, dropped) == (1, 1, 2)
    entry = next(e for e in polib.pofile(str(tn.catalogue_path(project))) if e.msgctxt == "cell3")
    assert "fuzzy" in entry.flags and entry.previous_msgid == SOURCE[3][1]
    assert entry.msgstr == "KO " + SOURCE[3][1]  # the old Korean, to start from
    assert {p.split(": ")[-1] for p in tn.problems(project)} == {
        "fuzzy (the English changed; check the translation)",
        "not translated",
    }
    translate_all(project)
    assert tn.main(["check", str(project)]) == 1  # the stored Korean notebook is now stale
    assert tn.main(["build", str(project)]) == 0
    assert tn.main(["check", str(project)]) == 0


def test_code_tokens_ignore_comments_but_not_strings():
    assert tn.code_tokens("x = 1  # one") == tn.code_tokens("x = 1  # 하나")
    assert tn.code_tokens('print("a")') != tn.code_tokens('print("가")')
