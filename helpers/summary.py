"""``model.summary()`` as plain text, without the empty output it leaves in Jupyter.

``model.summary(print_fn=print)`` renders through a rich console; in Jupyter, rich also emits an
empty HTML ``<pre>`` display when the capture ends, a blank gap in JupyterLab, on GitHub and in
HTML exports. :func:`print_summary` keeps that display out and prints the table as text.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from helpers._checks import check_int

if TYPE_CHECKING:
    import keras

__all__ = ["print_summary", "summary_text"]


def summary_text(model: keras.Model, line_length: int = 80) -> str:
    """The text of ``model.summary(line_length=line_length)`` (a fixed width: Keras otherwise
    follows the terminal's).

    Example:
        >>> import keras
        >>> model = keras.Sequential([keras.Input((6, 5)), keras.layers.LSTM(5)], name="toy")
        >>> print(summary_text(model, line_length=60).splitlines()[0])
        Model: "toy"
    """
    check_int("line_length", line_length, 40)
    if not hasattr(model, "summary"):
        raise TypeError(f"model must be a Keras model, got {type(model).__name__}")
    lines: list[str] = []
    with _no_rich_display():
        model.summary(line_length=line_length, print_fn=lines.append)
    return "\n".join(line.rstrip("\n") for line in lines)


def print_summary(model: keras.Model, line_length: int = 80) -> None:
    """Print :func:`summary_text`: the model's layers, output shapes and parameter counts."""
    print(summary_text(model, line_length))


@contextlib.contextmanager
def _no_rich_display():
    """Swallow IPython displays (rich's empty ``<pre>``) while Keras prints the summary."""
    try:
        from IPython import get_ipython
        from IPython.utils.capture import capture_output
    except ImportError:  # plain Python: rich prints nothing extra
        yield
        return
    if get_ipython() is None:
        yield
        return
    with capture_output(stdout=False, stderr=False, display=True):
        yield
