import keras
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.text import CharVocab
from helpers.windows import many_to_one_windows, seq2seq_windows

SHIP = (
    "if you want to build a ship, don't drum up people together to collect wood and don't assign "
    "them tasks and work, but rather teach them to long for the endless immensity of the sea."
)


def test_ship_sentence_gives_the_lectures_170_windows():
    vocab = CharVocab.from_text(SHIP)
    assert len(SHIP) == 180 and vocab.size == 25
    X, Y = seq2seq_windows(vocab.encode(SHIP), 10)
    assert X.shape == Y.shape == (170, 10)
    assert vocab.decode(X[0]) == "if you wan" and vocab.decode(Y[0]) == "f you want"
    assert vocab.decode(X[-1]) == "of the sea" and vocab.decode(Y[-1]) == "f the sea."
    # the lecture's loop, for comparison
    for i in range(len(SHIP) - 10):
        assert vocab.decode(X[i]) == SHIP[i : i + 10]
        assert vocab.decode(Y[i]) == SHIP[i + 1 : i + 11]


def test_stock_window_shapes_match_the_lecture_loop():
    rng = np.random.default_rng(0)
    series = rng.normal(size=(732, 5))  # the lecture's file: 732 days, 5 columns
    X, y = many_to_one_windows(series, 7)
    assert X.shape == (725, 7, 5) and y.shape == (725, 1)
    for i in range(len(series) - 7):
        np.testing.assert_array_equal(X[i], series[i : i + 7])
        assert y[i, 0] == series[i + 7, -1]


def test_target_column_is_selectable():
    series = np.arange(30.0).reshape(10, 3)
    _, y = many_to_one_windows(series, 4, target_column=0)
    np.testing.assert_array_equal(y[:, 0], series[4:, 0])


def test_windows_match_keras_timeseries_dataset_from_array():
    series = np.arange(60.0).reshape(20, 3)
    length = 5
    X, y = many_to_one_windows(series, length)
    ds = keras.utils.timeseries_dataset_from_array(
        series, series[length:, -1], sequence_length=length, batch_size=100
    )
    kx, ky = next(iter(ds))
    np.testing.assert_array_equal(X, kx.numpy())
    np.testing.assert_array_equal(y[:, 0], ky.numpy())


def test_windows_are_writable_copies_not_views():
    ids = np.arange(6)
    X, Y = seq2seq_windows(ids, 2)
    X[0, 0] = 99
    assert ids[0] == 0 and Y[0, 0] == 1


def assert_fresh(out: np.ndarray, *others: np.ndarray) -> None:
    """``out`` owns writable, C-contiguous memory: no view of the input or of another output."""
    assert out.flags.writeable and out.flags.owndata and out.flags.c_contiguous
    for other in others:
        assert not np.shares_memory(out, other)


@pytest.mark.parametrize("steps", [2, 3, 6, 11])
def test_seq2seq_windows_are_fresh_arrays_at_every_length(steps):
    for length in range(1, steps):
        ids = np.arange(steps)
        X, Y = seq2seq_windows(ids, length)
        assert_fresh(X, ids, Y)
        assert_fresh(Y, ids, X)
        ids[:] = 99  # the example: changing the input must not change the windows
        np.testing.assert_array_equal(X[:, 0], np.arange(steps - length))
        X[0, 0] = 5  # and writing into the windows must work and touch nothing else
        assert Y[0, 0] == 1


@pytest.mark.parametrize("n_features", [1, 3])
@pytest.mark.parametrize("steps", [2, 3, 6, 11])
def test_many_to_one_windows_are_fresh_arrays_at_every_length(steps, n_features):
    for length in range(1, steps):
        for target_column in range(-n_features, n_features):
            series = np.arange(steps * n_features, dtype=float).reshape(steps, n_features)
            X, y = many_to_one_windows(series, length, target_column)
            assert_fresh(X, series, y)
            assert_fresh(y, series, X)
            expected_y = series[length:, target_column].copy()
            series[:] = -1.0
            np.testing.assert_array_equal(y[:, 0], expected_y)
            X[0, 0, 0] = 5.0
            y[0, 0] = 7.0
            assert (series == -1.0).all()


def test_read_only_and_strided_inputs_give_writable_windows():
    ids = np.arange(20)[::2]  # a strided view
    ids.flags.writeable = False
    X, Y = seq2seq_windows(ids, 1)
    assert_fresh(X, ids)
    np.testing.assert_array_equal(X[:, 0], ids[:-1])
    series = np.asfortranarray(np.arange(24.0).reshape(8, 3))
    series.flags.writeable = False
    X, y = many_to_one_windows(series, 7)
    assert_fresh(X, series)
    assert_fresh(y, series)
    np.testing.assert_array_equal(X[0], series[:7])


@pytest.mark.parametrize("length", [0, -1])
def test_length_below_one_is_rejected(length):
    with pytest.raises(ValueError, match=f"window length {length} must be at least 1"):
        seq2seq_windows(np.arange(5), length)


def test_length_leaving_no_target_is_rejected():
    with pytest.raises(ValueError, match="window length 5 .* only 5 steps"):
        seq2seq_windows(np.arange(5), 5)
    with pytest.raises(ValueError, match="window length 12 .* only 10 steps"):
        many_to_one_windows(np.zeros((10, 2)), 12)


def test_wrong_ndim_and_types():
    with pytest.raises(ValueError, match=r"ids must be 1-D .* shape \(2, 3\)"):
        seq2seq_windows(np.zeros((2, 3)), 1)
    with pytest.raises(ValueError, match=r"features must be 2-D .* shape \(10,\)"):
        many_to_one_windows(np.zeros(10), 3)
    with pytest.raises(TypeError, match="window length must be an int"):
        seq2seq_windows(np.arange(5), 2.0)
    with pytest.raises(TypeError, match="ids must be integers .* got dtype float64"):
        seq2seq_windows(np.arange(5.0), 2)
    with pytest.raises(TypeError, match="features must hold real numbers"):
        many_to_one_windows(np.array([["a", "b"], ["c", "d"], ["e", "f"]]), 1)


@pytest.mark.parametrize("column", [3, -4])
def test_target_column_out_of_range(column):
    with pytest.raises(ValueError, match=f"target_column {column} is out of range for 3"):
        many_to_one_windows(np.zeros((10, 3)), 2, target_column=column)


@given(
    st.integers(min_value=2, max_value=60),
    st.integers(min_value=1, max_value=4),
    st.data(),
)
def test_many_to_one_windows_property(steps, n_features, data):
    length = data.draw(st.integers(min_value=1, max_value=steps - 1))
    column = data.draw(st.integers(min_value=-n_features, max_value=n_features - 1))
    series = np.arange(steps * n_features, dtype=float).reshape(steps, n_features)
    X, y = many_to_one_windows(series, length)
    assert X.shape == (steps - length, length, n_features)
    np.testing.assert_array_equal(X[:, -1, :], series[length - 1 : -1])
    np.testing.assert_array_equal(y[:, 0], series[length:, -1])
    # any target column: fresh arrays that never alias the input (issue 13, item 1)
    X, y = many_to_one_windows(series, length, column)
    np.testing.assert_array_equal(y[:, 0], series[length:, column])
    assert_fresh(X, series, y)
    assert_fresh(y, series, X)
    ids = np.arange(steps)
    Xs, Ys = seq2seq_windows(ids, length)
    assert_fresh(Xs, ids, Ys)
    assert_fresh(Ys, ids, Xs)


def test_numpy_integer_lengths_do_not_overflow():
    """An int8 window length of 127 used to overflow to -128 inside NumPy (length + 1)."""
    x, y = seq2seq_windows(np.arange(300), np.int8(127))
    assert x.shape == (173, 127) and y.shape == (173, 127)
    x, y = many_to_one_windows(np.arange(600.0).reshape(300, 2), np.int8(127), np.int8(-1))
    assert x.shape == (173, 127, 2) and y.shape == (173, 1)
