import matplotlib

matplotlib.use("Agg")  # no display needed

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from helpers.plots import unrolled_rnn  # noqa: E402

WORDS = ["hello", "eolll", "lleel"]  # the lecture's batch


@pytest.fixture
def fig():
    figure = unrolled_rnn(WORDS, units=2)
    yield figure
    plt.close(figure)


def texts(figure):
    return [t.get_text() for t in figure.axes[0].texts]


def test_draws_without_error_and_returns_the_figure(fig):
    assert isinstance(fig, Figure)
    fig.canvas.draw()  # renders every patch and text
    assert len(fig.axes) == 1


def test_one_column_per_time_step_with_the_batch_and_shapes(fig):
    labels = texts(fig)
    for t in range(1, 6):
        chars = ", ".join(w[t - 1] for w in WORDS)
        assert f"x{t}: {chars}\n(3, 4)" in labels  # (batch, features)
        assert f"y{t} = h{t}\n(3, 2)" in labels  # (batch, units)
    assert labels.count("cell\nW, U, b") == 5  # one cell, drawn at every step
    assert [f"h{t}" for t in range(1, 5)] == [x for x in labels if x in {"h1", "h2", "h3", "h4"}]
    assert "h0 = 0\n(3, 2)" in labels and "state = h5\n(3, 2)" in labels


def test_axes_and_title_name_the_layer_time_and_shapes(fig):
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [f"t = {t}" for t in range(1, 6)]
    assert ax.get_xlabel() == "time step"
    assert "inputs x: (batch=3, time=5, features=4)" in texts(fig)
    assert "outputs: (batch=3, time=5, units=2) with return_sequences=True" in texts(fig)
    assert ax.get_title().startswith("SimpleRNN(2) unrolled over 'hello', 'eolll', 'lleel'")


def test_other_batches_units_and_layer_names():
    figure = unrolled_rnn(["hi"], units=3, layer="GRU")
    try:
        labels = texts(figure)
        assert "x1: h\n(1, 2)" in labels and "y2 = h2\n(1, 3)" in labels
        assert labels.count("cell\nW, U, b") == 2
        assert figure.axes[0].get_title().startswith("GRU(3) unrolled over 'hi'")
    finally:
        plt.close(figure)


@pytest.mark.parametrize(
    ("words", "units", "error", "message"),
    [
        ("hello", 2, TypeError, "words must be a list of str"),
        ([], 2, ValueError, "non-empty"),
        (["hello", ""], 2, ValueError, "non-empty"),
        (["hello", "hi"], 2, ValueError, r"same length, got \[5, 2\]"),
        (["hello"], 0, ValueError, "units must be >= 1, got 0"),
        (["hello"], 2.0, TypeError, "units must be an int"),
    ],
)
def test_bad_arguments_name_the_argument_and_the_value(words, units, error, message):
    with pytest.raises(error, match=message):
        unrolled_rnn(words, units=units)
    plt.close("all")
