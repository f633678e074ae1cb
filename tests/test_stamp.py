"""The Colab badge and setup cell follow pyproject.toml's Repository setting."""

import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import stamp_notebooks  # noqa: E402
from setup_cell import setup_cell  # noqa: E402

NB_PATH = stamp_notebooks.ROOT / "notebooks" / "01_hihello.ipynb"


def toy_notebook():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Lab 12-1: toy"),
        nbformat.v4.new_code_cell("print('old setup')"),
        nbformat.v4.new_code_cell("x = 1"),
    ]
    return nb


def test_no_url_means_no_badge_and_instructions_in_setup():
    nb = toy_notebook()
    stamp_notebooks.stamp(nb, NB_PATH, "")
    assert nb.cells[0].source.startswith("# Lab 12-1")
    assert nb.cells[1].source == setup_cell("")
    assert "Running in Colab" in nb.cells[1].source and "%pip" not in nb.cells[1].source
    assert stamp_notebooks.check(nb, NB_PATH, "") == []


def test_github_url_stamps_badge_and_url_then_unstamps():
    url = "https://github.com/someone/rnn-labs"
    nb = toy_notebook()
    stamp_notebooks.stamp(nb, NB_PATH, url)
    assert nb.cells[0].source == (
        "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
        "(https://colab.research.google.com/github/someone/rnn-labs/blob/main/"
        "notebooks/01_hihello.ipynb)"
    )
    assert stamp_notebooks.title_index(nb) == 1
    assert f'"git+{url}"' in nb.cells[2].source
    assert stamp_notebooks.check(nb, NB_PATH, url) == []
    assert stamp_notebooks.check(nb, NB_PATH, "") != []  # a changed setting is noticed
    stamp_notebooks.stamp(nb, NB_PATH, url)  # idempotent: still one badge
    assert sum(stamp_notebooks._is_badge(c) for c in nb.cells) == 1
    stamp_notebooks.stamp(nb, NB_PATH, "")
    assert stamp_notebooks.title_index(nb) == 0 and len(nb.cells) == 3


def test_non_github_url_gets_no_badge_but_is_installed_from():
    url = "https://gitlab.com/someone/rnn-labs.git"
    assert stamp_notebooks.badge_markdown(url, NB_PATH) is None
    assert f'%pip install -q --no-deps "git+{url}"' in setup_cell(url)


def test_the_korean_edition_has_the_same_code_with_korean_comments():
    sys.path.insert(0, str(stamp_notebooks.ROOT / "tools"))
    import translate_notebooks

    for url in ("", "https://github.com/a/b"):
        en, ko = setup_cell(url), setup_cell(url, "ko")
        assert translate_notebooks.code_tokens(en) == translate_notebooks.code_tokens(ko)
        assert "참고" in ko and en != ko
    ko_path = stamp_notebooks.ROOT / "notebooks" / "ko" / "01_hihello.ipynb"
    assert stamp_notebooks.language_of(ko_path) == "ko"
    assert stamp_notebooks.language_of(NB_PATH) == "en"


def test_the_setup_cell_is_short():
    for url in ("", "https://github.com/a/b"):
        assert len(setup_cell(url).splitlines()) <= 12


def test_repository_url_is_read_from_pyproject(tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_text('[project]\nname = "x"\n')
    assert stamp_notebooks.repository_url(p) == ""
    p.write_text('[project]\nname = "x"\n[project.urls]\nRepository = "https://github.com/a/b"\n')
    assert stamp_notebooks.repository_url(p) == "https://github.com/a/b"


def run_setup(monkeypatch, url, in_colab):
    """Run the setup cell as IPython would, with `helpers` missing and %pip recorded."""
    from IPython.core.inputtransformer2 import TransformerManager

    calls = []

    class Shell:  # what get_ipython() returns: Colab's shell class lives in google.colab
        def __str__(self):
            return "<google.colab._shell.Shell>" if in_colab else "<ipykernel ZMQShell>"

        def run_line_magic(self, name, line):
            calls.append((name, line))
            raise ImportError("recorded instead of installing")

    monkeypatch.setitem(sys.modules, "helpers", None)  # `import helpers` raises ImportError
    code = TransformerManager().transform_cell(setup_cell(url))
    try:
        exec(code, {"get_ipython": lambda: Shell()})
    except ImportError as e:
        return calls, e
    return calls, None


def test_setup_cell_without_url_explains_instead_of_installing(monkeypatch):
    calls, error = run_setup(monkeypatch, "", in_colab=True)
    assert calls == [] and "Running in Colab" in str(error)


def test_setup_cell_in_colab_installs_from_the_url(monkeypatch):
    calls, _ = run_setup(monkeypatch, "https://github.com/a/b", in_colab=True)
    assert calls == [("pip", 'install -q --no-deps "git+https://github.com/a/b"')]


def test_setup_cell_outside_colab_installs_nothing(monkeypatch):
    calls, error = run_setup(monkeypatch, "https://github.com/a/b", in_colab=False)
    assert calls == []
    assert error is not None  # helpers is "missing" here, and nothing tried to install it
