import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.preprocessing import MinMaxScaler as SkMinMaxScaler

from helpers.scaling import MinMaxScaler


def test_matches_scikit_learn_on_train_and_unseen_test_rows():
    rng = np.random.default_rng(1)
    train = rng.normal(50, 10, size=(70, 5))
    test = rng.normal(60, 15, size=(30, 5))  # outside the training range on purpose
    ours, theirs = MinMaxScaler().fit(train), SkMinMaxScaler().fit(train)
    np.testing.assert_allclose(ours.transform(train), theirs.transform(train), rtol=1e-12)
    np.testing.assert_allclose(ours.transform(test), theirs.transform(test), rtol=1e-12)
    np.testing.assert_allclose(ours.data_min_, theirs.data_min_)
    np.testing.assert_allclose(ours.data_max_, theirs.data_max_)


def test_training_range_maps_to_unit_interval():
    x = np.array([[1.0, -5.0], [3.0, 5.0], [2.0, 0.0]])
    scaled = MinMaxScaler().fit_transform(x)
    np.testing.assert_array_equal(scaled.min(axis=0), [0, 0])
    np.testing.assert_array_equal(scaled.max(axis=0), [1, 1])


def test_constant_column_maps_to_zero_and_back_like_scikit_learn():
    x = np.array([[1.0, 7.0], [2.0, 7.0], [3.0, 7.0]])
    scaler = MinMaxScaler().fit(x)
    scaled = scaler.transform(x)
    np.testing.assert_array_equal(scaled[:, 1], [0, 0, 0])
    np.testing.assert_array_equal(scaled, SkMinMaxScaler().fit_transform(x))
    np.testing.assert_array_equal(scaler.inverse_transform(scaled), x)
    assert np.isfinite(scaler.transform(np.array([[1.0, 8.0]]))).all()


def test_inverse_transform_column_turns_scaled_close_back_into_prices():
    prices = np.array([[10.0, 100.0], [20.0, 300.0], [15.0, 200.0]])
    scaler = MinMaxScaler().fit(prices)
    predicted = np.array([[0.0], [0.5], [1.0]])  # (n, 1), as a model outputs
    got = scaler.inverse_transform_column(predicted, column=-1)
    assert got.shape == (3, 1)
    np.testing.assert_allclose(got[:, 0], [100.0, 200.0, 300.0])
    np.testing.assert_allclose(scaler.inverse_transform_column(0.5, column=0), 15.0)


def test_transform_before_fit():
    with pytest.raises(ValueError, match="not fitted yet"):
        MinMaxScaler().transform(np.zeros((2, 2)))
    with pytest.raises(ValueError, match="not fitted yet"):
        MinMaxScaler().inverse_transform_column(np.zeros(2), 0)


def test_wrong_number_of_features():
    scaler = MinMaxScaler().fit(np.zeros((3, 5)))
    with pytest.raises(ValueError, match="x has 4 features but the scaler was fitted on 5"):
        scaler.transform(np.zeros((3, 4)))
    with pytest.raises(ValueError, match="column 5 is out of range for 5 features"):
        scaler.inverse_transform_column(np.zeros(3), 5)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_and_inf_are_rejected_with_position(bad):
    x = np.ones((3, 2))
    x[2, 1] = bad
    with pytest.raises(ValueError, match=r"x holds .* at \(2, 1\)"):
        MinMaxScaler().fit(x)
    scaler = MinMaxScaler().fit(np.ones((3, 2)))
    with pytest.raises(ValueError, match="NaN and inf"):
        scaler.transform(x)


def test_wrong_shapes_and_types():
    with pytest.raises(ValueError, match=r"must be 2-D .* shape \(4,\)"):
        MinMaxScaler().fit(np.zeros(4))
    with pytest.raises(ValueError, match="no rows"):
        MinMaxScaler().fit(np.zeros((0, 3)))
    with pytest.raises(TypeError, match="must hold real numbers"):
        MinMaxScaler().fit(np.array([["a", "b"]]))
    with pytest.raises(TypeError, match="must hold real numbers, got dtype complex128"):
        MinMaxScaler().fit(np.array([[1 + 2j]]))
    with pytest.raises(TypeError, match="values must hold real numbers"):
        MinMaxScaler().fit(np.ones((2, 1))).inverse_transform_column(["a"], 0)


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(arrays(np.float64, st.tuples(st.integers(1, 30), st.integers(1, 6)), elements=finite))
def test_inverse_transform_of_transform_is_identity(x):
    scaler = MinMaxScaler().fit(x)
    np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(x)), x, atol=1e-6)
    scaled = scaler.transform(x)
    assert (scaled >= 0).all() and (scaled <= 1 + 1e-12).all()
    for column in range(x.shape[1]):
        np.testing.assert_allclose(
            scaler.inverse_transform_column(scaled[:, column], column), x[:, column], atol=1e-6
        )
