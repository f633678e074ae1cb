"""print_summary: model.summary() as text at a fixed width, with no empty display in Jupyter."""

import os

import keras
import pytest
import rich.console

from helpers.summary import summary_text


def toy():
    return keras.Sequential([keras.Input((6, 5)), keras.layers.LSTM(5, name="lstm")], name="toy")


def test_summary_text_has_the_layers_and_counts_at_the_width_asked():
    text = summary_text(toy(), line_length=70)
    assert text.splitlines()[0] == 'Model: "toy"'
    assert "lstm (LSTM)" in text and "Total params: 220" in text
    assert max(len(line) for line in text.splitlines()) == 70


@pytest.mark.parametrize("bad, error", [(39, ValueError), (80.0, TypeError)])
def test_bad_line_length_is_named(bad, error):
    with pytest.raises(error, match="line_length"):
        summary_text(toy(), line_length=bad)


def test_not_a_model_is_named():
    with pytest.raises(TypeError, match="Keras model, got str"):
        summary_text("model")


# issue 21: rich sizes its console from the terminal (80 columns when there is none, COLUMNS if
# set, 115 in Jupyter) and squeezed the table into it, dropping the Param # column
@pytest.mark.parametrize("columns", [None, "50", "300"])
@pytest.mark.parametrize("width", [60, 120])
def test_the_width_is_the_one_asked_whatever_the_terminal(monkeypatch, columns, width):
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    text = summary_text(toy(), line_length=width)
    assert max(len(line) for line in text.splitlines()) == width
    assert "Param #" in text and "Total params: 220" in text
    assert os.environ.get("COLUMNS") == columns  # left as it was


def test_the_width_is_the_one_asked_in_jupyter(monkeypatch):
    monkeypatch.setattr(rich.console, "_is_jupyter", lambda: True)
    monkeypatch.delenv("JUPYTER_COLUMNS", raising=False)
    text = summary_text(toy(), line_length=130)
    assert max(len(line) for line in text.splitlines()) == 130 and "Param #" in text
