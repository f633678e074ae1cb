import warnings

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


# --- scikit-learn's attribute meanings (issue 13, item 5) ---------------------------------------

ATTRIBUTES = ("data_min_", "data_max_", "data_range_", "scale_", "min_")


def assert_like_scikit_learn(x, test=None, rtol=0.0):
    """Every fitted attribute, transform and inverse_transform as scikit-learn's, dtypes too."""
    ours, theirs = MinMaxScaler().fit(x), SkMinMaxScaler().fit(x)
    for name in ATTRIBUTES:
        got, want = getattr(ours, name), getattr(theirs, name)
        assert got.dtype == want.dtype, name
        np.testing.assert_allclose(got, want, rtol=rtol, atol=0, err_msg=name)
    for rows in (x,) if test is None else (x, test):
        scaled = ours.transform(rows)
        want = theirs.transform(rows)
        assert scaled.dtype == want.dtype
        # ours computes (x - min) / range, scikit-learn x * scale_ + min_: equal up to the
        # rounding of scikit-learn's sum (it cancels when x is far from 0 in scaled units)
        eps = np.finfo(scaled.dtype).eps
        tol = 8 * eps * (1 + np.abs(rows * theirs.scale_) + np.abs(theirs.min_))
        assert (np.abs(scaled - want) <= tol).all()
        back, their_back = ours.inverse_transform(scaled), theirs.inverse_transform(want)
        assert back.dtype == their_back.dtype
        magnitude = np.abs(rows) + np.abs(theirs.data_min_) + np.abs(theirs.data_max_)
        assert (np.abs(back - rows) <= 8 * eps * magnitude).all()
        assert (np.abs(back - their_back) <= 8 * eps * magnitude).all()


def test_data_0_to_4_gives_scikit_learns_scale_of_a_quarter():
    scaler = MinMaxScaler().fit(np.array([[0.0], [4.0]]))
    assert scaler.data_range_.tolist() == [4.0]  # max - min: the price range that maps to 1
    assert scaler.scale_.tolist() == [0.25]  # 1 / (max - min), scikit-learn's meaning
    assert scaler.min_.tolist() == [0.0]
    assert_like_scikit_learn(np.array([[0.0], [4.0]]))


def test_all_attributes_match_scikit_learn_with_a_constant_column():
    rng = np.random.default_rng(3)
    train = np.column_stack([rng.normal(50, 10, 40), np.full(40, 7.0), rng.uniform(-3, 0, 40)])
    test = np.column_stack([rng.normal(60, 15, 20), rng.normal(7, 1, 20), rng.uniform(-5, 2, 20)])
    assert_like_scikit_learn(train, test)
    scaler = MinMaxScaler().fit(train)
    assert scaler.scale_[1] == 1.0 and scaler.data_range_[1] == 0.0
    # scikit-learn's identity: transform(x) == x * scale_ + min_
    np.testing.assert_allclose(
        scaler.transform(test), test * scaler.scale_ + scaler.min_, rtol=1e-12, atol=1e-12
    )


@pytest.mark.parametrize("dtype", [np.float32, np.float16])
def test_float32_input_stays_float32_like_scikit_learn(dtype):
    x = np.array([[1.0, 10.0], [3.0, 10.0], [2.5, 10.0]], dtype=dtype)
    scaler = MinMaxScaler().fit(x)
    for name in ATTRIBUTES:
        assert getattr(scaler, name).dtype == dtype, name
    scaled = scaler.transform(x)
    assert scaled.dtype == dtype and scaler.inverse_transform(scaled).dtype == dtype
    assert scaler.inverse_transform_column(scaled[:, 0], 0).dtype == dtype
    assert_like_scikit_learn(x, rtol=np.finfo(dtype).eps)


@pytest.mark.parametrize("dtype", [np.int64, np.int8, np.uint8, bool])
def test_integer_and_bool_input_become_float64_like_scikit_learn(dtype):
    x = np.array([[0, 1], [1, 1], [1, 0]], dtype=dtype)
    assert MinMaxScaler().fit_transform(x).dtype == np.float64
    assert_like_scikit_learn(x)


def test_output_dtype_follows_the_input_not_the_fit_like_scikit_learn():
    x64 = np.array([[0.0], [3.0], [1.0]])
    x32 = x64.astype(np.float32)
    for fit_on in (x64, x32):
        ours, theirs = MinMaxScaler().fit(fit_on), SkMinMaxScaler().fit(fit_on)
        for rows in (x64, x32):
            assert ours.transform(rows).dtype == theirs.transform(rows).dtype
            assert ours.inverse_transform(rows).dtype == theirs.inverse_transform(rows).dtype


def test_a_range_below_10_machine_epsilons_counts_as_constant():
    x = np.array([[1.0], [1.0 + 2**-52]])  # the example: one ulp apart
    scaler = MinMaxScaler().fit(x)
    assert scaler.scale_.tolist() == [1.0]
    np.testing.assert_array_equal(scaler.transform(x), [[0.0], [2**-52]])  # not [0, 1]
    assert_like_scikit_learn(x)
    x32 = np.array([[1.0], [1.0 + 2**-23]], dtype=np.float32)  # 10 x float32's epsilon
    assert MinMaxScaler().fit(x32).scale_.tolist() == [1.0]
    assert_like_scikit_learn(x32)


@pytest.mark.parametrize(
    "column",
    [
        [0.0, 9 * np.finfo(float).eps],  # below the threshold: constant
        [0.0, 11 * np.finfo(float).eps],  # above: stretched to [0, 1]
        [1e6, 1e6 + 1e-9],  # the threshold is absolute, as in scikit-learn: stretched
        [-1e-300, 1e-300],
    ],
)
def test_threshold_of_a_constant_column_is_scikit_learns(column):
    assert_like_scikit_learn(np.array(column)[:, None])


small = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(
    arrays(np.float64, st.tuples(st.integers(1, 20), st.integers(1, 4)), elements=small),
    arrays(np.float64, st.tuples(st.integers(1, 5), st.just(4)), elements=small),
)
def test_matches_scikit_learn_property(x, test):
    assert_like_scikit_learn(x, test[:, : x.shape[1]])


# --- overflow (issue 13, item 6) ------------------------------------------------------------------


def test_a_range_too_large_for_float64_is_refused_without_nan_or_warning():
    x = np.array([[-1e308], [1e308], [0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RuntimeWarning on the way
        with pytest.raises(ValueError, match=r"x column 0 .* overflows float64"):
            MinMaxScaler().fit(x)
        with pytest.raises(ValueError, match=r"x column 0 .* overflows float64"):
            MinMaxScaler().fit_transform(x)


def test_a_range_too_large_for_float32_is_refused():
    x = np.array([[-3e38, 1.0], [3e38, 2.0]], dtype=np.float32)
    with pytest.raises(ValueError, match=r"x column 0 .* overflows float32"):
        MinMaxScaler().fit(x)
    assert np.isfinite(MinMaxScaler().fit_transform(x.astype(np.float64))).all()


def test_the_largest_finite_ranges_still_scale():
    x = np.array([[-8e307], [8e307], [0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scaler = MinMaxScaler().fit(x)
        np.testing.assert_allclose(scaler.transform(x)[:, 0], [0.0, 1.0, 0.5])
        np.testing.assert_allclose(scaler.inverse_transform(scaler.transform(x)), x)


def test_values_whose_scaled_or_original_value_overflows_are_refused():
    scaler = MinMaxScaler().fit(np.array([[0.0], [1e-10]]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=r"x\[1, 0\] = 1e\+300 .* overflows float64"):
            scaler.transform(np.array([[0.5], [1e300]]))
    wide = MinMaxScaler().fit(np.array([[0.0], [1e300]]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=r"x_scaled\[0, 0\] = 1e\+10 .* overflows float64"):
            wide.inverse_transform(np.array([[1e10]]))
        with pytest.raises(ValueError, match=r"values\[1\] = 1e\+10 .* overflows float64"):
            wide.inverse_transform_column(np.array([0.5, 1e10]), 0)
