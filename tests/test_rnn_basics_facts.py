"""The facts about Keras 3 recurrent layers that lab 00 (notebooks/00_rnn_basics.ipynb) teaches:
a layer is its cell run in a loop, the shapes that return_sequences and return_state give, what
LSTM, GRU and Bidirectional return, the parameter-count formulas, masks, initial_state, the
NumPy forward passes, the keyword arguments Keras 3 removed, and the sequence loss. They are
checked here, on small inputs of their own, instead of in check-only cells of the lab, on every
Keras backend (KERAS_BACKEND); TF 1's dynamic_rnn only on TensorFlow. Layer outputs are compared
as NumPy arrays (`run`): on PyTorch, NumPy cannot read tensors that track gradients.
"""

import warnings

import keras
import numpy as np
import pytest
from keras import layers

ATOL = 1e-6  # float32 results compared across different code paths
FEATURES = 4


def random_inputs(batch=3, time=5, features=FEATURES, seed=0):
    return np.random.default_rng(seed).normal(size=(batch, time, features)).astype(np.float32)


def run(layer, *args, **kwargs):
    """Call a layer (or model); its output, or list of outputs, as NumPy arrays."""
    return to_numpy(layer(*args, **kwargs))


def to_numpy(result):
    if isinstance(result, (list, tuple)):
        return [to_numpy(r) for r in result]
    return keras.ops.convert_to_numpy(result)


def shapes(result):
    """The shape of a tensor, or the list of shapes of a list of tensors."""
    if isinstance(result, (list, tuple)):
        return [shapes(r) for r in result]
    return tuple(result.shape)


@pytest.fixture(autouse=True)
def _seed():
    keras.utils.set_random_seed(1)


@pytest.fixture(scope="module")
def x():
    return random_inputs()


# --- a cell and its loop ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell_class", "layer_class", "exact"),
    [
        (layers.SimpleRNNCell, layers.SimpleRNN, True),  # the lab says: bit for bit
        (layers.GRUCell, layers.GRU, False),
        (layers.LSTMCell, layers.LSTM, False),
    ],
)
def test_layer_is_rnn_of_its_cell_once_weights_are_copied(x, cell_class, layer_class, exact):
    loop = layers.RNN(cell_class(2), return_sequences=True, return_state=True)
    layer = layer_class(2, return_sequences=True, return_state=True)
    assert isinstance(layer.cell, cell_class)
    from_loop = run(loop, x)
    before = run(layer, x)  # its own random weights
    assert [w.shape for w in layer.weights] == [w.shape for w in loop.weights]
    assert not np.allclose(before[0], from_loop[0])
    layer.set_weights(loop.get_weights())
    after = run(layer, x)
    assert len(after) == len(from_loop)
    for a, b in zip(from_loop, after, strict=True):
        if exact:
            np.testing.assert_array_equal(a, b)
        else:
            np.testing.assert_allclose(a, b, rtol=0, atol=ATOL)


# --- shapes ----------------------------------------------------------------------------------


def test_one_layer_serves_any_batch_size_and_any_number_of_steps(x):
    rnn = layers.SimpleRNN(2, return_sequences=True, return_state=True)
    for batch, time in [(1, 1), (1, 5), (3, 5), (3, 2)]:
        outputs, state = run(rnn, x[:batch, :time])
        assert shapes(outputs) == (batch, time, 2) and shapes(state) == (batch, 2)
        np.testing.assert_array_equal(outputs[:, -1], state)  # the output of a step is its state
    assert rnn.count_params() == 2 * (FEATURES + 2 + 1)  # no batch or time in the weights


def test_each_step_depends_only_on_the_steps_before_it(x):
    rnn = layers.SimpleRNN(2, return_sequences=True)
    whole = run(rnn, x)
    for time in (1, 3):  # the first `time` steps alone give the first `time` outputs
        np.testing.assert_allclose(run(rnn, x[:, :time]), whole[:, :time], rtol=0, atol=ATOL)


def test_sequences_of_a_batch_do_not_interact(x):
    rnn = layers.SimpleRNN(2, return_sequences=True)
    batch = run(rnn, x)
    for b in range(x.shape[0]):
        np.testing.assert_allclose(run(rnn, x[b : b + 1]), batch[b : b + 1], rtol=0, atol=ATOL)


@pytest.mark.parametrize("return_state", [False, True])
@pytest.mark.parametrize("return_sequences", [False, True])
def test_return_sequences_and_return_state(x, return_sequences, return_state):
    reference = layers.SimpleRNN(2, return_sequences=True, return_state=True)
    ref_outputs, ref_state = run(reference, x)
    layer = layers.SimpleRNN(2, return_sequences=return_sequences, return_state=return_state)
    layer.build(x.shape)
    layer.set_weights(reference.get_weights())
    result = run(layer, x)
    parts = result if return_state else [result]
    expected = [ref_outputs if return_sequences else ref_outputs[:, -1]]
    expected += [ref_state] if return_state else []
    assert shapes(parts) == [(3, 5, 2) if return_sequences else (3, 2)] + [(3, 2)] * return_state
    for got, want in zip(parts, expected, strict=True):
        np.testing.assert_array_equal(got, want)


@pytest.mark.parametrize(
    ("layer_class", "n_states"), [(layers.SimpleRNN, 1), (layers.GRU, 1), (layers.LSTM, 2)]
)
def test_states_returned_and_the_last_output_is_h(x, layer_class, n_states):
    outputs, *states = run(layer_class(2, return_sequences=True, return_state=True), x)
    assert len(states) == n_states  # [h], or [h, c] for LSTM
    assert shapes(outputs) == (3, 5, 2) and shapes(states) == [(3, 2)] * n_states
    np.testing.assert_array_equal(outputs[:, -1], states[0])
    if n_states == 2:
        assert not np.allclose(states[0], states[1])  # c is a second, separate state


def test_bidirectional_concatenates_forward_and_time_reversed_backward_outputs(x):
    bi = layers.Bidirectional(layers.SimpleRNN(2, return_sequences=True, return_state=True))
    outputs, h_forward, h_backward = run(bi, x)
    assert shapes(outputs) == (3, 5, 4)  # the units double
    assert not bi.forward_layer.go_backwards and bi.backward_layer.go_backwards
    forward_outputs, _ = run(bi.forward_layer, x)
    backward_outputs, _ = run(bi.backward_layer, x)  # in reversed time order
    np.testing.assert_array_equal(outputs[..., :2], forward_outputs)
    np.testing.assert_array_equal(outputs[..., 2:], backward_outputs[:, ::-1])
    np.testing.assert_array_equal(outputs[:, -1, :2], h_forward)  # forward ends at the last step
    np.testing.assert_array_equal(outputs[:, 0, 2:], h_backward)  # backward ends at the first


# --- parameters ------------------------------------------------------------------------------


def simple_rnn_params(units, features):
    return units * (units + features + 1)


def lstm_params(units, features):
    return 4 * simple_rnn_params(units, features)


def gru_params(units, features, reset_after=True):
    return 3 * units * (units + features + (2 if reset_after else 1))


KINDS = {  # name: (make the layer, the formula)
    "SimpleRNN": (lambda u: layers.SimpleRNN(u), simple_rnn_params),
    "LSTM": (lambda u: layers.LSTM(u), lstm_params),
    "GRU": (lambda u: layers.GRU(u), gru_params),
    "GRU-reset_after=False": (
        lambda u: layers.GRU(u, reset_after=False),
        lambda u, f: gru_params(u, f, reset_after=False),
    ),
    "Bidirectional-SimpleRNN": (
        lambda u: layers.Bidirectional(layers.SimpleRNN(u)),
        lambda u, f: 2 * simple_rnn_params(u, f),
    ),
}


def keras_count(layer, shape):
    return keras.Sequential([keras.Input(shape=shape), layer]).count_params()


@pytest.mark.parametrize(("units", "features"), [(3, 10), (2, 4), (5, 1)])
@pytest.mark.parametrize("kind", list(KINDS))
def test_parameter_formula_is_keras_count(kind, units, features):
    make, formula = KINDS[kind]
    assert keras_count(make(units), (2, features)) == formula(units, features)


@pytest.mark.parametrize("kind", list(KINDS))
def test_parameter_count_does_not_depend_on_the_number_of_steps(kind):
    make, _ = KINDS[kind]
    counts = {time: keras_count(make(3), (time, 10)) for time in (2, 100)}
    assert len(set(counts.values())) == 1, counts


@pytest.mark.parametrize(
    ("kind", "expected"),
    [  # the lab's numbers for 3 units on 10 features (42: the student's notebook)
        ("SimpleRNN", 42),
        ("LSTM", 168),
        ("GRU", 135),
        ("GRU-reset_after=False", 126),
        ("Bidirectional-SimpleRNN", 84),
    ],
)
def test_parameter_formulas_give_the_labs_numbers(kind, expected):
    assert KINDS[kind][1](3, 10) == expected


@pytest.mark.parametrize(
    ("units", "shape", "per_layer"),
    [([3, 3], (10, 5), [27, 21]), ([2, 2, 2], (5, 4), [14, 10, 10])],
)
def test_stacked_layers_see_the_previous_layers_units(units, shape, per_layer):
    model = keras.Sequential(
        [keras.Input(shape=shape)] + [layers.SimpleRNN(u, return_sequences=True) for u in units]
    )
    features = [shape[1]] + units[:-1]  # each later layer reads the units before it
    counted = [layer.count_params() for layer in model.layers]
    assert counted == [simple_rnn_params(u, f) for u, f in zip(units, features, strict=True)]
    assert counted == per_layer and model.count_params() == sum(per_layer)
    assert model.output_shape == (None, shape[0], units[-1])


def test_fixed_batch_size_goes_into_keras_input_and_changes_no_weight():
    free = keras.Sequential([keras.Input(shape=(2, 10)), layers.SimpleRNN(3)])
    fixed = keras.Sequential([keras.Input(shape=(2, 10), batch_size=8), layers.SimpleRNN(3)])
    assert free.output_shape == (None, 3) and fixed.output_shape == (8, 3)
    assert shapes(fixed(np.zeros((8, 2, 10), np.float32))) == (8, 3)
    assert fixed.count_params() == free.count_params() == 42


# --- tf.keras 2 keyword arguments in Keras 3 -------------------------------------------------


@pytest.mark.filterwarnings("ignore::UserWarning")  # input_dim= alone only warns
@pytest.mark.parametrize(
    "kwargs", [{"batch_input_shape": (8, 2, 10)}, {"input_length": 2, "input_dim": 10}]
)
def test_removed_keyword_arguments_raise(kwargs):
    with pytest.raises(ValueError, match="Unrecognized keyword arguments"):
        layers.SimpleRNN(3, **kwargs)


def test_input_shape_still_runs_with_one_user_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        layers.SimpleRNN(3, input_shape=(2, 10))
    assert [w.category for w in caught] == [UserWarning]
    assert "Input(shape)" in str(caught[0].message)


# --- masks -----------------------------------------------------------------------------------

LENGTHS = np.array([5, 3, 4])  # the video lecture's sequence_length


@pytest.fixture(scope="module")
def masked_runs(x):
    keras.utils.set_random_seed(2)
    mask = np.arange(x.shape[1]) < LENGTHS[:, np.newaxis]  # (batch, time), True at real steps
    cell = layers.SimpleRNNCell(2)
    rnn = layers.RNN(cell, return_sequences=True, return_state=True)
    zeroing = layers.RNN(cell, return_sequences=True, return_state=True, zero_output_for_mask=True)
    runs = {"cell": cell, "mask": mask}
    runs["out_nomask"], runs["state_nomask"] = run(rnn, x)
    runs["out_mask"], runs["state_mask"] = run(rnn, x, mask=mask)
    runs["out_zero"], runs["state_zero"] = run(zeroing, x, mask=mask)
    return runs


def test_mask_keeps_real_steps_and_repeats_the_last_real_output(masked_runs):
    r = masked_runs
    for b, n in enumerate(LENGTHS):
        np.testing.assert_allclose(r["out_mask"][b, :n], r["out_nomask"][b, :n], rtol=0, atol=ATOL)
        repeated = np.repeat(r["out_mask"][b, n - 1 : n], 5 - n, axis=0)
        np.testing.assert_array_equal(r["out_mask"][b, n:], repeated)


def test_masked_final_state_is_the_state_after_the_last_real_step(masked_runs):
    r = masked_runs
    for b, n in enumerate(LENGTHS):
        np.testing.assert_allclose(r["state_mask"][b], r["out_nomask"][b, n - 1], rtol=0, atol=ATOL)
    assert not np.allclose(r["state_mask"][1:], r["state_nomask"][1:])  # the short sequences


def test_zero_output_for_mask_writes_zeros_and_keeps_the_final_state(masked_runs):
    r = masked_runs
    for b, n in enumerate(LENGTHS):
        np.testing.assert_array_equal(r["out_zero"][b, n:], 0)
        np.testing.assert_array_equal(r["out_zero"][b, :n], r["out_mask"][b, :n])
    np.testing.assert_array_equal(r["state_zero"], r["state_mask"])


def test_many_to_one_with_a_mask_returns_the_last_real_output(x, masked_runs):
    last = run(
        layers.RNN(masked_runs["cell"]), x, mask=masked_runs["mask"]
    )  # return_sequences=False
    np.testing.assert_array_equal(last, masked_runs["state_mask"])


def test_masking_layer_equals_the_mask_argument(x, masked_runs):
    mask = masked_runs["mask"]
    x_padded = x * mask[:, :, np.newaxis]  # padded steps become all-zero vectors
    model = keras.Sequential(
        [
            keras.Input(shape=x.shape[1:]),
            layers.Masking(mask_value=0.0),
            layers.RNN(masked_runs["cell"], return_sequences=True),
        ]
    )
    np.testing.assert_allclose(run(model, x_padded), masked_runs["out_mask"], rtol=0, atol=ATOL)


def test_tf1_dynamic_rnn_with_sequence_length_is_zero_output_for_mask(x, masked_runs):
    if keras.backend.backend() != "tensorflow":
        pytest.skip("dynamic_rnn runs a Keras cell on the TensorFlow backend only")
    tf = pytest.importorskip("tensorflow")
    outputs, state = tf.compat.v1.nn.dynamic_rnn(
        masked_runs["cell"], x, sequence_length=LENGTHS, initial_state=tf.zeros((3, 2))
    )
    np.testing.assert_allclose(outputs, masked_runs["out_zero"], rtol=0, atol=ATOL)
    np.testing.assert_allclose(state, masked_runs["state_mask"], rtol=0, atol=ATOL)


# --- initial_state ---------------------------------------------------------------------------

LAYERS_AND_STATES = [(layers.SimpleRNN, 1), (layers.GRU, 1), (layers.LSTM, 2)]


@pytest.mark.parametrize(("layer_class", "n_states"), LAYERS_AND_STATES)
def test_zero_initial_state_is_the_default(x, layer_class, n_states):
    layer = layer_class(2, return_sequences=True)
    default = run(layer, x)
    zero_state = to_numpy(layer.cell.get_initial_state(batch_size=3))  # TF 1's cell.zero_state
    assert shapes(zero_state) == [(3, 2)] * n_states
    for state in zero_state:
        np.testing.assert_array_equal(state, 0)
    np.testing.assert_array_equal(run(layer, x, initial_state=zero_state), default)


@pytest.mark.parametrize(("layer_class", "n_states"), LAYERS_AND_STATES)
def test_initial_state_continues_a_sequence_where_it_stopped(x, layer_class, n_states):
    layer = layer_class(2, return_sequences=True, return_state=True)
    whole, *final = run(layer, x)
    first, *states = run(layer, x[:, :3])
    rest, *states_rest = run(layer, x[:, 3:], initial_state=states)
    joined = np.concatenate([first, rest], axis=1)
    np.testing.assert_allclose(joined, whole, rtol=0, atol=ATOL)
    assert len(states_rest) == n_states
    for got, want in zip(states_rest, final, strict=True):
        np.testing.assert_allclose(got, want, rtol=0, atol=ATOL)


def simple_rnn_forward(x, kernel, recurrent_kernel, bias, h0=None):
    """h_t = tanh(x_t W + h_(t-1) U + b) in NumPy, from zeros or from h0."""
    h = np.zeros((x.shape[0], recurrent_kernel.shape[0]), np.float32) if h0 is None else h0
    outputs = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t] @ kernel + h @ recurrent_kernel + bias)
        outputs.append(h)
    return np.stack(outputs, axis=1), h


@pytest.mark.parametrize("h0", [None, 0.5])
def test_simple_rnn_is_the_numpy_loop_from_zeros_or_initial_state(x, h0):
    rnn = layers.SimpleRNN(3, return_sequences=True, return_state=True)
    rnn.build(x.shape)
    rnn.set_weights([w + 0.1 for w in rnn.get_weights()])  # a bias that is not zero
    initial = None if h0 is None else np.full((3, 3), h0, np.float32)
    np_outputs, np_state = simple_rnn_forward(x, *rnn.get_weights(), h0=initial)
    if initial is None:
        outputs, state = run(rnn, x)
    else:
        outputs, state = run(rnn, x, initial_state=[initial])
        assert not np.allclose(outputs, run(rnn, x)[0])  # another start, other outputs
    np.testing.assert_allclose(outputs, np_outputs, rtol=0, atol=ATOL)
    np.testing.assert_allclose(state, np_state, rtol=0, atol=ATOL)


# --- LSTM in NumPy -----------------------------------------------------------------------------


@pytest.mark.parametrize("units", [2, 3])
def test_lstm_bias_starts_with_the_forget_block_at_one(units):
    lstm = layers.LSTM(units)
    lstm.build((None, 5, FEATURES))
    expected = np.concatenate([np.zeros(units), np.ones(units), np.zeros(2 * units)])
    np.testing.assert_array_equal(lstm.get_weights()[2], expected)  # blocks i, f, c, o


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def lstm_step(x_t, h, c, kernel, recurrent_kernel, bias):
    """One LSTM step in Keras' layout: blocks i, f, c (candidate), o."""
    z_i, z_f, z_c, z_o = np.split(x_t @ kernel + h @ recurrent_kernel + bias, 4, axis=-1)
    c = sigmoid(z_f) * c + sigmoid(z_i) * np.tanh(z_c)
    return sigmoid(z_o) * np.tanh(c), c


def test_lstm_is_the_numpy_step_with_blocks_i_f_c_o(x):
    lstm = layers.LSTM(2, return_sequences=True, return_state=True)
    lstm.build(x.shape)
    rng = np.random.default_rng(3)
    weights = [rng.normal(scale=0.5, size=w.shape).astype(np.float32) for w in lstm.get_weights()]
    lstm.set_weights(weights)  # a random bias too, so that every block differs

    start = np.full((3, 2), 0.5, np.float32)
    h_1, c_1 = lstm_step(x[:, 0], start, start, *weights)
    keras_h_1, (keras_h_state, keras_c_1) = run(lstm.cell, x[:, 0], [start, start])  # one step
    np.testing.assert_allclose(keras_h_1, h_1, rtol=0, atol=ATOL)
    np.testing.assert_allclose(keras_c_1, c_1, rtol=0, atol=ATOL)
    np.testing.assert_array_equal(keras_h_state, keras_h_1)

    h = c = np.zeros((3, 2), np.float32)
    np_outputs = []
    for t in range(x.shape[1]):
        h, c = lstm_step(x[:, t], h, c, *weights)
        np_outputs.append(h)
    outputs, keras_h, keras_c = run(lstm, x)
    np.testing.assert_allclose(outputs, np.stack(np_outputs, axis=1), rtol=0, atol=ATOL)
    np.testing.assert_allclose(keras_h, h, rtol=0, atol=ATOL)
    np.testing.assert_allclose(keras_c, c, rtol=0, atol=ATOL)


def test_lstm_kernel_is_drawn_within_the_glorot_uniform_limit():
    lstm = layers.LSTM(5)
    lstm.build((None, 5, 3))
    kernel = lstm.get_weights()[0]  # (3 features, 4 * 5 units): fan_in 3, fan_out 20
    limit = np.sqrt(6 / (3 + 20))
    assert np.abs(kernel).max() <= limit
    assert np.abs(kernel).max() > 0.8 * limit  # and the limit is reached, not a looser bound


# --- the sequence loss -----------------------------------------------------------------------

LECTURE_PREDICTIONS = {  # 3 steps, 2 classes; the target is class 1 at every step
    "prediction": [[0.2, 0.7], [0.6, 0.2], [0.2, 0.9]],
    "prediction1": [[0.3, 0.7], [0.3, 0.7], [0.3, 0.7]],
    "prediction2": [[0.1, 0.9], [0.1, 0.9], [0.1, 0.9]],
    "prediction3": [[1, 0], [1, 0], [1, 0]],
    "prediction4": [[0, 1], [1, 0], [0, 1]],
}
TARGETS = np.array([[1, 1, 1]])


@pytest.mark.parametrize("name", list(LECTURE_PREDICTIONS))
def test_sparse_cross_entropy_from_logits_is_log1p_exp_of_the_logit_gap(name):
    z = np.array([LECTURE_PREDICTIONS[name]], np.float32)
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(TARGETS, z)
    expected = np.mean(np.log1p(np.exp(z[0, :, 0] - z[0, :, 1])))  # log(1 + e^(z0 - z1))
    np.testing.assert_allclose(float(loss), expected, rtol=1e-6)


def test_sparse_cross_entropy_from_probabilities_divides_each_row_by_its_sum():
    p = np.array([LECTURE_PREDICTIONS["prediction"]], np.float32)
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=False)(TARGETS, p)
    expected = np.mean(-np.log([0.7 / 0.9, 0.2 / 0.8, 0.9 / 1.1]))
    np.testing.assert_allclose(float(loss), expected, rtol=1e-6)


def test_sample_weight_reductions_against_tf1_sequence_loss():
    rng = np.random.default_rng(4)
    logits = rng.normal(size=(3, 5, 4)).astype(np.float32)
    targets = rng.integers(0, 4, size=(3, 5))
    weights = (np.arange(5) < LENGTHS[:, np.newaxis]).astype(np.float32)  # 12 of 15 real steps
    log_softmax = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
    step_losses = -np.take_along_axis(log_softmax, targets[..., np.newaxis], axis=-1)[..., 0]

    def keras_loss(reduction, w):
        loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction=reduction)
        return float(loss_fn(targets, logits, sample_weight=w))

    def tf1_sequence_loss(w):  # weighted sum / sum of the weights
        return (step_losses * w).sum() / w.sum()

    tf1 = tf1_sequence_loss(weights)
    np.testing.assert_allclose(keras_loss("mean_with_sample_weight", weights), tf1, rtol=1e-6)
    # the default divides by all 15 entries, padded ones included
    np.testing.assert_allclose(keras_loss("sum_over_batch_size", weights), tf1 * 12 / 15, rtol=1e-6)
    ones = np.ones_like(weights)  # without padding both reductions are TF 1's
    for reduction in ("sum_over_batch_size", "mean_with_sample_weight"):
        np.testing.assert_allclose(keras_loss(reduction, ones), tf1_sequence_loss(ones), rtol=1e-6)


# --- the TF 1 -> Keras 3 table ---------------------------------------------------------------

TABLE = {  # TF 1 name: (its Keras 3 line on x (3, 5, 4), the shapes it returns)
    "BasicRNNCell": (
        lambda x: layers.RNN(layers.SimpleRNNCell(2), return_sequences=True)(x),
        (3, 5, 2),
    ),
    "BasicLSTMCell": (
        lambda x: layers.RNN(layers.LSTMCell(2), return_state=True)(x),
        [(3, 2), (3, 2), (3, 2)],  # output, h, c
    ),
    "GRUCell": (lambda x: layers.RNN(layers.GRUCell(2, reset_after=False))(x), (3, 2)),
    "MultiRNNCell": (
        lambda x: layers.RNN(layers.StackedRNNCells([layers.LSTMCell(2), layers.LSTMCell(2)]))(x),
        (3, 2),
    ),
    "dynamic_rnn": (
        lambda x: layers.RNN(layers.SimpleRNNCell(2), return_sequences=True, return_state=True)(x),
        [(3, 5, 2), (3, 2)],
    ),
    "sequence_length=": (
        lambda x: layers.SimpleRNN(2, return_sequences=True)(
            x, mask=np.arange(5) < LENGTHS[:, np.newaxis]
        ),
        (3, 5, 2),
    ),
    "zero_state": (lambda x: layers.LSTMCell(2).get_initial_state(batch_size=3), [(3, 2), (3, 2)]),
    "initial_state=": (
        lambda x: layers.SimpleRNN(2)(x, initial_state=[np.zeros((3, 2), np.float32)]),
        (3, 2),
    ),
    "fully_connected": (
        lambda x: layers.Dense(4)(layers.SimpleRNN(2, return_sequences=True)(x)),
        (3, 5, 4),  # Dense acts on the last axis: no reshape to (batch * time, units)
    ),
}


@pytest.mark.parametrize("tf1_name", list(TABLE))
def test_keras3_line_of_the_tf1_table_returns_these_shapes(x, tf1_name):
    line, expected = TABLE[tf1_name]
    assert shapes(line(x)) == expected


@pytest.mark.parametrize("return_state", [False, True])
@pytest.mark.parametrize("return_sequences", [False, True])
def test_compute_output_shape_is_what_the_call_returns(x, return_sequences, return_state):
    """The lab prints these shapes with compute_output_shape, without running the layer."""
    layer = layers.SimpleRNN(2, return_sequences=return_sequences, return_state=return_state)
    computed = layer.compute_output_shape(x.shape)
    called = shapes(run(layer, x))
    assert (list(computed) if return_state else computed) == called


# the TF 1 Lecture 12 slides' prints (float32, 7 digits) and the lab's real Loss4
SLIDES = {"prediction": 0.5967595, "prediction1": 0.5130153, "prediction2": 0.3711007}
SLIDES |= {"prediction3": 1.3132616, "prediction4": 0.6465949}
FLOAT64 = {"prediction": 0.59675943, "prediction1": 0.51301525, "prediction2": 0.37110067}
FLOAT64 |= {"prediction3": 1.31326169, "prediction4": 0.64659502}


@pytest.mark.parametrize("name", list(LECTURE_PREDICTIONS))
def test_lecture_losses_are_float32_prints_of_the_float64_values(name):
    z64 = np.array(LECTURE_PREDICTIONS[name], np.float64)
    exact = np.mean(np.log1p(np.exp(z64[:, 0] - z64[:, 1])))
    assert f"{exact:.8f}" == f"{FLOAT64[name]:.8f}"
    z32 = np.array([LECTURE_PREDICTIONS[name]], np.float32)
    keras_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(TARGETS, z32)
    assert abs(float(keras_loss) - SLIDES[name]) <= 1e-7  # the lab's assert, on every backend
