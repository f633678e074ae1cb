"""print_summary: model.summary() as text at a fixed width, with no empty display in Jupyter."""

import keras
import pytest

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
