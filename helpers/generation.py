"""Turning a character model's logits into text: temperature softmax, sampling, generation.

- :func:`softmax`: logits -> next-character probabilities at a temperature.
- :func:`sample_next`: logits -> one id per row, greedy (temperature 0) or sampled.
- :func:`generate`: a trained model + seed text -> the seed followed by ``n_chars`` new characters.

Temperature T divides the logits before the softmax: T = 1 samples from the model's own
distribution, T < 1 sharpens it towards the most likely character (T -> 0 is greedy arg-max),
T > 1 flattens it towards uniform.

Only :func:`generate` needs Keras (on any backend), and imports it when called.
"""

from __future__ import annotations

import math
from numbers import Real

import numpy as np

from helpers._checks import check_int
from helpers.text import CharVocab

__all__ = ["softmax", "sample_next", "generate"]


def _check_temperature(temperature: float) -> float:
    if isinstance(temperature, bool) or not isinstance(temperature, Real):
        raise TypeError(f"temperature must be a number, got {temperature!r}")
    temperature = float(temperature)
    if not math.isfinite(temperature) or temperature < 0:
        raise ValueError(f"temperature must be finite and >= 0, got {temperature}")
    return temperature


def _check_logits(logits: np.ndarray) -> np.ndarray:
    arr = np.asarray(logits)
    if arr.ndim not in (1, 2):
        raise ValueError(
            f"logits must be 1-D (vocab,) or 2-D (batch, vocab), got shape {arr.shape}"
        )
    if not (np.issubdtype(arr.dtype, np.floating) or np.issubdtype(arr.dtype, np.integer)):
        raise TypeError(f"logits must be real numbers, got dtype {arr.dtype}")
    if arr.shape[-1] == 0:
        raise ValueError(f"logits have shape {arr.shape}: the vocabulary axis is empty")
    arr = arr.astype(np.float64)
    if not np.isfinite(arr).all():
        pos = tuple(int(i) for i in np.argwhere(~np.isfinite(arr))[0])
        where = pos if arr.ndim > 1 else pos[0]
        raise ValueError(f"logits must be finite, got {arr[pos]} at position {where}")
    return arr


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Probabilities ``softmax(logits / temperature)`` along the last axis.

    Args:
        logits: shape (vocab,) or (batch, vocab), finite; a model's output before its softmax.
        temperature: >= 0. At 0 the result is one-hot at the arg-max (the first one on ties).

    Returns:
        float64 probabilities of the same shape, each row summing to 1.

    Example:
        >>> softmax(np.log([1.0, 3.0])).round(2).tolist()
        [0.25, 0.75]
        >>> softmax(np.log([1.0, 3.0]), temperature=0.5).round(2).tolist()  # ratio 3 -> 9
        [0.1, 0.9]
        >>> softmax([0.0, 2.0, 1.0], temperature=0).tolist()
        [0.0, 1.0, 0.0]
    """
    temperature = _check_temperature(temperature)
    z = _check_logits(logits)
    if temperature == 0:
        return np.eye(z.shape[-1])[z.argmax(axis=-1)]
    # Subtracting the row maximum first keeps exp() from overflowing; it cancels in the ratio.
    with np.errstate(over="ignore"):
        z = (z - z.max(axis=-1, keepdims=True)) / temperature
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def sample_next(
    logits: np.ndarray, temperature: float, rng: np.random.Generator | None = None
) -> int | np.ndarray:
    """Pick the next character id from ``logits``: greedy at temperature 0, sampled above.

    Args:
        logits: shape (vocab,) for one sequence or (batch, vocab) for several.
        temperature: >= 0; 0 is greedy arg-max (``rng`` not used), 1 samples from the
            model's distribution, < 1 is more conservative, > 1 more random.
        rng: a NumPy Generator, required when temperature > 0 (pass a seeded one,
            ``np.random.default_rng(0)``, for repeatable samples).

    Returns:
        an ``int`` for 1-D logits; int64 ids of shape (batch,) for 2-D logits.

    A 1-D draw uses one ``rng.random()`` and gives the same id as
    ``rng.choice(vocab, p=softmax(logits, temperature))`` with the same generator state.

    Example:
        >>> logits = np.array([0.0, 3.0, 1.0])
        >>> sample_next(logits, temperature=0)
        1
        >>> rng = np.random.default_rng(0)
        >>> sample_next(np.zeros((4, 3)), temperature=1.0, rng=rng).shape  # (batch,)
        (4,)
    """
    probs = softmax(logits, temperature)  # validates logits and temperature
    if temperature == 0:
        ids = probs.argmax(axis=-1)
    else:
        if not isinstance(rng, np.random.Generator):
            raise TypeError(
                f"rng must be a numpy.random.Generator when temperature > 0, got {rng!r}: "
                "pass np.random.default_rng(seed)"
            )
        # Inverse-CDF sampling, the same arithmetic as Generator.choice(p=...): the id is the
        # number of cumulative probabilities <= u, u uniform in [0, 1).
        cdf = np.cumsum(probs, axis=-1)
        cdf /= cdf[..., -1:]
        u = rng.random(probs.shape[:-1])
        ids = (cdf <= np.expand_dims(u, -1)).sum(axis=-1)
    return int(ids) if np.ndim(ids) == 0 else ids.astype(np.int64)


def generate(
    model,
    vocab: CharVocab,
    seed_text: str,
    n_chars: int,
    *,
    window: int,
    temperature: float = 0.0,
    rng: np.random.Generator | None = None,
) -> str:
    """Write ``n_chars`` characters after ``seed_text``, one at a time.

    At each step the last ``window`` characters written so far (fewer at the start) go into the
    model as one-hot, shape (1, time, vocab); the logits of its last time step give the next
    character through :func:`sample_next`. Use the window length the model was trained on.

    Args:
        model: a Keras model mapping one-hot (batch, time, vocab) float32 to logits
            (batch, time, vocab) that accepts any ``time`` up to ``window``.
        vocab: the ``helpers.CharVocab`` the model was trained with.
        seed_text: at least one character, all in ``vocab``.
        n_chars: how many characters to add, >= 0.
        window: how many of the latest characters the model sees, >= 1.
        temperature, rng: as in :func:`sample_next` (rng is required when temperature > 0).

    Returns:
        ``seed_text`` followed by the ``n_chars`` generated characters.

    Example:
        With the ship sentence's trained model (notebooks/03_stacked_rnn_softmax.ipynb):

        >>> generate(model, vocab, "if you wa", 19, window=10)  # doctest: +SKIP
        'if you want to build a ship'
        >>> rng = np.random.default_rng(0)
        >>> generate(model, vocab, "if", 30, window=10, temperature=1, rng=rng)  # doctest: +SKIP
    """
    temperature = _check_temperature(temperature)
    if temperature > 0 and not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy.random.Generator when temperature > 0, got {rng!r}: "
            "pass np.random.default_rng(seed)"
        )
    n_chars = check_int("n_chars", n_chars, 0)
    window = check_int("window", window, 1)
    if not isinstance(seed_text, str) or not seed_text:
        raise ValueError(f"seed_text must be a non-empty str, got {seed_text!r}")
    ids = list(vocab.encode(seed_text))  # raises on characters outside the vocabulary
    width = model.inputs[0].shape[-1] if getattr(model, "inputs", None) else None
    if width is not None and width != vocab.size:
        raise ValueError(
            f"vocab has {vocab.size} characters but the model reads one-hot vectors of {width}: "
            "pass the vocabulary the model was trained with"
        )

    from helpers.backend import forward

    model_fn = forward(model)  # compiled once: called once per character
    for _ in range(n_chars):
        x = vocab.one_hot(np.asarray(ids[-window:]))[None]  # (1, time, vocab)
        logits = model_fn(x)[0, -1]  # the last time step's logits: (vocab,)
        ids.append(sample_next(logits, temperature, rng))
    return vocab.decode(np.asarray(ids))
