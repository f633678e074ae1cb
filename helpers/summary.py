"""``model.summary()`` as plain text, without the empty output it leaves in Jupyter.

``model.summary(print_fn=print)`` renders through a rich console; in Jupyter, rich also emits an
empty HTML ``<pre>`` display when the capture ends, a blank gap in JupyterLab, on GitHub and in
HTML exports. :func:`print_summary` keeps that display out and prints the table as text.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

from helpers._checks import check_int

if TYPE_CHECKING:
    import keras

__all__ = ["print_summary", "summary_text"]


def summary_text(model: keras.Model, line_length: int = 80) -> str:
    """The text of ``model.summary(line_length=line_length)``, ``line_length`` columns wide
    whatever the terminal (Keras' own summary fits itself into the terminal's width).

    Example:
        >>> import keras
        >>> model = keras.Sequential([keras.Input((6, 5)), keras.layers.LSTM(5)], name="toy")
        >>> print(summary_text(model, line_length=60).splitlines()[0])
        Model: "toy"
    """
    line_length = check_int("line_length", line_length, 40)
    if not hasattr(model, "summary"):
        raise TypeError(f"model must be a Keras model, got {type(model).__name__}")
    lines: list[str] = []
    with _no_rich_display(), _console_width(line_length):
        model.summary(line_length=line_length, print_fn=lines.append)
    return "\n".join(line.rstrip("\n") for line in lines)


def print_summary(model: keras.Model, line_length: int = 80) -> None:
    """Print :func:`summary_text`: the model's layers, output shapes and parameter counts."""
    print(summary_text(model, line_length))


@contextlib.contextmanager
def _console_width(width: int):
    """Make the rich console that Keras prints the summary through ``width`` columns wide.

    Keras sizes the table to ``line_length``, but rich fits it into the console, whose width
    follows the terminal: 80 columns without one, ``COLUMNS`` when set, 115 in Jupyter
    (``JUPYTER_COLUMNS``), dropping columns that no longer fit. Keras passes no width to its
    ``rich.console.Console``, so the two variables rich reads are set for the call (and
    restored).
    """
    names = ("COLUMNS", "JUPYTER_COLUMNS")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(dict.fromkeys(names, str(width)))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


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
