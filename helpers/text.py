"""Character vocabularies: text <-> integer ids <-> one-hot vectors.

The lecture built its vocabulary with ``list(set(text))``, whose order changes from one Python
process to the next (string hashing is randomised), so the same character got a different id in
every run. :class:`CharVocab` sorts the characters, so ids are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["CharVocab"]


class CharVocab:
    """A sorted character vocabulary.

    Example:
        >>> vocab = CharVocab.from_text("hihello")
        >>> vocab.chars
        ('e', 'h', 'i', 'l', 'o')
        >>> vocab.encode("hihell")
        array([1, 2, 1, 0, 3, 3])
        >>> vocab.decode([2, 1, 0, 3, 3, 4])
        'ihello'
        >>> vocab.one_hot("hi").shape  # (time, vocab_size)
        (2, 5)
    """

    def __init__(self, chars: Iterable[str]):
        if not isinstance(chars, Iterable):
            raise TypeError(f"chars must be an iterable of characters, got {chars!r}")
        chars = list(chars)
        for i, c in enumerate(chars):
            if not isinstance(c, str) or len(c) != 1:
                raise ValueError(f"chars[{i}] = {c!r} is not a single character")
        if not chars:
            raise ValueError("chars is empty: a vocabulary needs at least one character")
        self.chars: tuple[str, ...] = tuple(sorted(set(chars)))
        self._index = {c: i for i, c in enumerate(self.chars)}

    @classmethod
    def from_text(cls, text: str) -> CharVocab:
        """The vocabulary of every distinct character in ``text``, sorted."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        if not text:
            raise ValueError("text is empty: a vocabulary needs at least one character")
        return cls(text)

    @property
    def size(self) -> int:
        """Number of characters (the one-hot width)."""
        return len(self.chars)

    def __len__(self) -> int:
        return self.size

    def __repr__(self) -> str:
        return f"CharVocab({''.join(self.chars)!r}, size={self.size})"

    def encode(self, text: str) -> np.ndarray:
        """``text`` (length T) -> int64 ids, shape (T,)."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        ids = np.empty(len(text), dtype=np.int64)
        for pos, c in enumerate(text):
            try:
                ids[pos] = self._index[c]
            except KeyError:
                known = "".join(self.chars)
                raise ValueError(
                    f"character {c!r} at position {pos} is not in the vocabulary {known!r}"
                ) from None
        return ids

    def decode(self, ids: Sequence[int] | np.ndarray) -> str | list[str]:
        """ids of shape (T,) -> str; a 2-D batch (batch, T) -> list of ``batch`` strings."""
        ids = self._check_ids(ids)
        if ids.ndim == 1:
            return "".join(self.chars[i] for i in ids)
        if ids.ndim == 2:
            return ["".join(self.chars[i] for i in row) for row in ids]
        raise ValueError(f"ids must be 1-D (time,) or 2-D (batch, time), got shape {ids.shape}")

    def one_hot(self, data: str | Sequence[int] | np.ndarray) -> np.ndarray:
        """A str or an int array of shape S -> float32 one-hot, shape S + (vocab_size,)."""
        ids = self.encode(data) if isinstance(data, str) else self._check_ids(data)
        return np.eye(self.size, dtype=np.float32)[ids]

    def _check_ids(self, ids: Sequence[int] | np.ndarray) -> np.ndarray:
        arr = np.asarray(ids)
        if arr.size == 0:
            return arr.astype(np.int64)
        if not np.issubdtype(arr.dtype, np.integer):
            raise TypeError(f"ids must be integers, got dtype {arr.dtype}")
        bad = np.argwhere((arr < 0) | (arr >= self.size))
        if bad.size:
            pos = tuple(int(i) for i in bad[0])
            raise ValueError(
                f"id {int(arr[pos])} at position {pos if arr.ndim > 1 else pos[0]} is outside "
                f"the vocabulary (0..{self.size - 1})"
            )
        return arr.astype(np.int64, copy=False)
