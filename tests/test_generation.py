"""helpers.generation: temperature softmax, sampling and text generation.

Only the generate() tests at the end use Keras (a tiny hand-wired model, no training).
"""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers.generation import generate, sample_next, softmax
from helpers.text import CharVocab

finite = st.floats(-50, 50, allow_nan=False, allow_infinity=False)
logits_1d = arrays(np.float64, st.integers(1, 12), elements=finite)
logits_2d = arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 12)), elements=finite)
any_logits = st.one_of(logits_1d, logits_2d)
temperatures = st.floats(0.05, 20, allow_nan=False)
seeds = st.integers(0, 2**32 - 1)


# softmax


@given(any_logits, temperatures)
def test_softmax_rows_are_probabilities(z, t):
    p = softmax(z, t)
    assert p.shape == z.shape and p.dtype == np.float64
    assert (p >= 0).all()
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-12)


@given(any_logits, temperatures, st.floats(-1e3, 1e3))
def test_softmax_ignores_a_constant_shift_and_scales_with_temperature(z, t, c):
    np.testing.assert_allclose(softmax(z + c, t), softmax(z, t), atol=1e-9)
    np.testing.assert_allclose(softmax(z, t), softmax(z / t, 1.0), atol=1e-9)


def test_softmax_matches_the_formula_and_the_docstring():
    z = np.array([1.0, 2.0, 0.5])
    np.testing.assert_allclose(softmax(z), np.exp(z) / np.exp(z).sum(), rtol=1e-12)
    np.testing.assert_allclose(softmax(np.log([1.0, 3.0]), 0.5), [0.1, 0.9], rtol=1e-12)


def test_softmax_of_huge_logits_does_not_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_allclose(softmax([1e300, 0.0, -1e300]), [1.0, 0.0, 0.0])
        np.testing.assert_allclose(softmax([3.0, 1.0], 1e-300), [1.0, 0.0])


def test_softmax_at_temperature_zero_is_one_hot_at_the_first_maximum():
    np.testing.assert_array_equal(softmax([0.0, 2.0, 2.0, 1.0], 0), [0, 1, 0, 0])


# greedy and temperature -> 0


@given(any_logits)
def test_greedy_is_argmax_and_needs_no_rng(z):
    got = sample_next(z, temperature=0)
    np.testing.assert_array_equal(got, z.argmax(axis=-1))


def test_return_types():
    assert type(sample_next(np.array([0.0, 1.0]), 0)) is int
    assert type(sample_next(np.array([0.0, 1.0]), 1.0, np.random.default_rng(0))) is int
    ids = sample_next(np.zeros((3, 4)), 1.0, np.random.default_rng(0))
    assert ids.shape == (3,) and ids.dtype == np.int64


@given(any_logits)
def test_lower_temperature_puts_more_mass_on_the_argmax(z):
    best = z.argmax(axis=-1)[..., None]
    masses = [np.take_along_axis(softmax(z, t), best, -1) for t in (10.0, 1.0, 0.3, 0.05)]
    for hotter, cooler in zip(masses, masses[1:], strict=False):
        assert (cooler >= hotter - 1e-12).all()


@given(logits_1d.filter(lambda z: len(z) > 1 and np.sort(z)[-1] - np.sort(z)[-2] >= 1.0), seeds)
def test_sampling_near_temperature_zero_is_greedy(z, seed):
    # With a gap of 1 between the two largest logits, T = 0.01 leaves the others < e^-100.
    rng = np.random.default_rng(seed)
    np.testing.assert_allclose(softmax(z, 0.01), softmax(z, 0), atol=1e-40)
    assert all(sample_next(z, 0.01, rng) == z.argmax() for _ in range(20))


def test_tied_maxima_share_the_mass_at_small_temperature():
    np.testing.assert_allclose(softmax([5.0, 1.0, 5.0], 1e-3), [0.5, 0.0, 0.5])


# sampling follows the distribution


@given(logits_1d, temperatures, seeds)
def test_one_draw_is_generator_choice_with_the_same_state(z, t, seed):
    got = sample_next(z, t, np.random.default_rng(seed))
    want = np.random.default_rng(seed).choice(len(z), p=softmax(z, t))
    assert got == want


@given(logits_2d, temperatures, seeds)
def test_a_batch_draws_row_by_row_like_generator_choice(z, t, seed):
    got = sample_next(z, t, np.random.default_rng(seed))
    rng = np.random.default_rng(seed)
    want = [rng.choice(z.shape[1], p=p) for p in softmax(z, t)]
    np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize("temperature", [1.0, 0.5, 2.0])
def test_frequencies_follow_the_softmax(temperature):
    # 40,000 draws from one fixed seed: each frequency within 4.5 standard errors of its
    # probability (for a fresh seed, a false alarm has odds below 1 in 10^5 per character).
    n = 40_000
    logits = np.log([0.5, 0.25, 0.15, 0.07, 0.03])
    draws = sample_next(np.tile(logits, (n, 1)), temperature, np.random.default_rng(2024))
    freq = np.bincount(draws, minlength=5) / n
    p = softmax(logits, temperature)
    np.testing.assert_array_less(np.abs(freq - p), 4.5 * np.sqrt(p * (1 - p) / n) + 1e-12)


def test_zero_probability_characters_are_never_drawn():
    logits = np.tile([0.0, 0.0, -2000.0, 0.0], (5000, 1))  # exp(-2000) is 0.0 in float64
    draws = sample_next(logits, 1.0, np.random.default_rng(0))
    assert 2 not in draws and set(draws.tolist()) == {0, 1, 3}


def test_same_seed_same_samples():
    z = np.random.default_rng(1).normal(size=(8, 10))
    a = sample_next(z, 1.0, np.random.default_rng(7))
    b = sample_next(z, 1.0, np.random.default_rng(7))
    np.testing.assert_array_equal(a, b)


# bad input


@pytest.mark.parametrize("t", [-0.1, float("nan"), float("inf"), -float("inf")])
def test_bad_temperature_values(t):
    with pytest.raises(ValueError, match="temperature must be finite and >= 0"):
        sample_next(np.zeros(3), t, np.random.default_rng(0))
    with pytest.raises(ValueError, match="temperature"):
        softmax(np.zeros(3), t)


@pytest.mark.parametrize("t", [True, "1.0", None, [1.0]])
def test_temperature_must_be_a_number(t):
    with pytest.raises(TypeError, match="temperature must be a number"):
        sample_next(np.zeros(3), t, np.random.default_rng(0))


@pytest.mark.parametrize("shape", [(), (2, 3, 4)])
def test_logits_must_be_1d_or_2d(shape):
    with pytest.raises(ValueError, match=r"1-D \(vocab,\) or 2-D \(batch, vocab\), got shape"):
        sample_next(np.zeros(shape), 0)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_logits_must_be_finite(bad):
    z = np.zeros((2, 4))
    z[1, 2] = bad
    with pytest.raises(ValueError, match=r"logits must be finite, got .* at position \(1, 2\)"):
        sample_next(z, 1.0, np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"at position 2$"):
        softmax(z[1])


def test_empty_vocabulary_and_non_numeric_logits():
    with pytest.raises(ValueError, match="vocabulary axis is empty"):
        sample_next(np.zeros((3, 0)), 0)
    with pytest.raises(TypeError, match="logits must be real numbers"):
        sample_next(np.array(["a", "b"]), 0)


@pytest.mark.parametrize("rng", [None, 0, np.random.RandomState(0)])
def test_sampling_needs_a_generator(rng):
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        sample_next(np.zeros(3), 1.0, rng)
    assert sample_next(np.array([0.0, 1.0]), 0, rng) == 1  # greedy ignores rng


# generate (Keras): a model wired by hand, so every generated character is known in advance


@pytest.fixture(scope="module")
def keras():
    return pytest.importorskip("keras")


def first_char_plus_one_model(keras, vocab_size):
    """Logits at the last step = 10 * one-hot(id of the window's FIRST character + 1, mod V).

    The output depends on where the window starts, so it shows which window generate feeds.
    """
    x = keras.Input((None, vocab_size))
    first = x[:, :1, :]  # (batch, 1, vocab)
    logits = 10.0 * keras.ops.roll(first, 1, axis=-1)
    return keras.Model(x, logits)


def expected_text(vocab, seed, n, window):
    ids = list(vocab.encode(seed))
    for _ in range(n):
        ids.append((ids[-window:][0] + 1) % vocab.size)
    return vocab.decode(np.array(ids))


@pytest.mark.parametrize("seed_text, window", [("a", 1), ("a", 2), ("abcd", 3), ("ca", 10)])
def test_generate_feeds_the_last_window(keras, seed_text, window):
    vocab = CharVocab.from_text("abcd")
    model = first_char_plus_one_model(keras, vocab.size)
    got = generate(model, vocab, seed_text, 12, window=window)
    assert got == expected_text(vocab, seed_text, 12, window)
    assert generate(model, vocab, seed_text, 0, window=window) == seed_text


def test_generate_samples_reproducibly(keras):
    vocab = CharVocab.from_text("abcd")
    inp = keras.Input((None, vocab.size))
    model = keras.Model(inp, keras.layers.Dense(vocab.size)(inp))  # random, untrained logits
    a = generate(model, vocab, "ab", 40, window=4, temperature=1.0, rng=np.random.default_rng(3))
    b = generate(model, vocab, "ab", 40, window=4, temperature=1.0, rng=np.random.default_rng(3))
    assert a == b and len(a) == 42 and set(a) <= set(vocab.chars)


def test_generate_takes_numpy_integers(keras):
    vocab = CharVocab.from_text("abcd")
    model = first_char_plus_one_model(keras, vocab.size)
    got = generate(model, vocab, "ab", np.int64(6), window=np.int16(3))
    assert got == expected_text(vocab, "ab", 6, 3)


@settings(max_examples=25, deadline=None)
@given(st.integers(-3, -1))
def test_generate_rejects_bad_arguments_before_touching_the_model(n):
    vocab = CharVocab.from_text("abc")
    with pytest.raises(ValueError, match=f"n_chars must be >= 0, got {n}"):
        generate(None, vocab, "a", n, window=2)


def test_generate_errors():
    vocab = CharVocab.from_text("abc")
    with pytest.raises(ValueError, match="window must be >= 1, got 0"):
        generate(None, vocab, "a", 5, window=0)
    with pytest.raises(TypeError, match="window must be an int"):
        generate(None, vocab, "a", 5, window=2.5)
    with pytest.raises(ValueError, match="seed_text must be a non-empty str"):
        generate(None, vocab, "", 5, window=2)
    with pytest.raises(ValueError, match="'z' at position 1 is not in the vocabulary"):
        generate(None, vocab, "az", 5, window=2)
    with pytest.raises(TypeError, match="rng must be a numpy.random.Generator"):
        generate(None, vocab, "a", 5, window=2, temperature=0.5)
    with pytest.raises(ValueError, match="temperature must be finite and >= 0"):
        generate(None, vocab, "a", 5, window=2, temperature=-1)


def test_generate_names_a_vocabulary_that_does_not_fit_the_model(keras):
    model = first_char_plus_one_model(keras, 4)
    with pytest.raises(ValueError, match="vocab has 3 characters but the model reads one-hot .* 4"):
        generate(model, CharVocab.from_text("abc"), "a", 5, window=2)
