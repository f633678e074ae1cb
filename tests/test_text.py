import keras
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.text import CharVocab


def test_hihello_vocabulary_is_sorted_and_stable():
    vocab = CharVocab.from_text("hihello")
    assert vocab.chars == ("e", "h", "i", "l", "o")
    assert vocab.size == len(vocab) == 5
    np.testing.assert_array_equal(vocab.encode("hihell"), [1, 2, 1, 0, 3, 3])
    assert vocab.decode(vocab.encode("ihello")) == "ihello"


def test_same_vocabulary_whatever_the_character_order():
    assert CharVocab.from_text("hello").chars == CharVocab.from_text("olleh").chars


def test_one_hot_of_str_shape_dtype_and_values():
    vocab = CharVocab.from_text("hihello")
    x = vocab.one_hot("hihell")
    assert x.shape == (6, 5) and x.dtype == np.float32
    np.testing.assert_array_equal(x.argmax(axis=-1), vocab.encode("hihell"))
    np.testing.assert_array_equal(x.sum(axis=-1), np.ones(6))


def test_one_hot_of_batch_matches_keras_to_categorical():
    vocab = CharVocab.from_text("hello world")
    ids = np.stack([vocab.encode("hello"), vocab.encode("world")])  # (batch, time)
    expected = keras.utils.to_categorical(ids, num_classes=vocab.size)
    got = vocab.one_hot(ids)
    assert got.shape == (2, 5, vocab.size)
    np.testing.assert_array_equal(got, expected)


def test_decode_batch_returns_list_of_str():
    vocab = CharVocab.from_text("hihello")
    batch = np.stack([vocab.encode("hihell"), vocab.encode("ihello")])
    assert vocab.decode(batch) == ["hihell", "ihello"]


def test_empty_string_round_trips():
    vocab = CharVocab.from_text("ab")
    assert vocab.encode("").shape == (0,)
    assert vocab.decode(vocab.encode("")) == ""
    assert vocab.one_hot("").shape == (0, 2)


def test_unknown_character_names_character_and_position():
    vocab = CharVocab.from_text("hello")
    with pytest.raises(ValueError, match=r"'x' at position 2"):
        vocab.encode("hex")


def test_out_of_range_ids_are_rejected():
    vocab = CharVocab.from_text("hello")
    with pytest.raises(ValueError, match=r"id 7 at position 1 .*0\.\.3"):
        vocab.decode([0, 7])
    with pytest.raises(ValueError, match=r"id -1"):
        vocab.one_hot(np.array([[0, -1]]))


def test_bad_types_and_shapes():
    vocab = CharVocab.from_text("hello")
    with pytest.raises(TypeError, match="text must be a str"):
        vocab.encode(["h", "e"])
    with pytest.raises(TypeError, match="ids must be integers"):
        vocab.decode([0.5, 1.0])
    with pytest.raises(ValueError, match="1-D .* or 2-D"):
        vocab.decode(np.zeros((1, 1, 1), dtype=int))
    with pytest.raises(ValueError, match="text is empty"):
        CharVocab.from_text("")
    with pytest.raises(ValueError, match="not a single character"):
        CharVocab(["ab"])
    with pytest.raises(TypeError, match="chars must be an iterable of characters, got None"):
        CharVocab(None)


@given(st.text(min_size=1, max_size=200))
def test_decode_encode_round_trip(s):
    vocab = CharVocab.from_text(s)
    assert vocab.decode(vocab.encode(s)) == s
    assert list(vocab.chars) == sorted(set(s))
    np.testing.assert_array_equal(vocab.one_hot(s).argmax(axis=-1), vocab.encode(s))
