"""Diagrams for the labs, drawn with matplotlib, so the notebooks call them in one line.

``import helpers`` does not import this module (nor matplotlib): import it where a diagram is
wanted, ``from helpers.plots import unrolled_rnn``.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
from matplotlib import patches
from matplotlib.figure import Figure

from helpers._checks import check_int

__all__ = ["unrolled_rnn"]

_BOX = {"boxstyle": "round,pad=0.02", "linewidth": 1.2}
_ARROW = {"arrowstyle": "-|>", "mutation_scale": 14, "linewidth": 1.2, "color": "black"}
_COLORS = {"input": "#dbe9f6", "cell": "#fde2c4", "output": "#d9f0d3", "state": "#eeeeee"}


def unrolled_rnn(words: Sequence[str], units: int, layer: str = "SimpleRNN") -> Figure:
    """Draw one recurrent cell unrolled over a batch of equally long words; return the Figure.

    One column per time step: the inputs x_t of that step (the words' characters, shape
    (batch, features)) go into the cell, which also reads the previous state h_(t-1) and
    writes y_t = h_t (batch, units). The same cell, with the same weights W, U, b, is drawn
    at every step; the state starts at h0 = 0 and ends as the layer's final state.

    Args:
        words: the batch, e.g. ``["hello", "eolll", "lleel"]``, all of the same length;
            features = the number of distinct characters in them.
        units: the layer's units (the width of h).
        layer: the layer's name, for the title.

    Example:
        >>> fig = unrolled_rnn(["hello", "eolll", "lleel"], units=2)
        >>> fig.axes[0].get_title()
        "SimpleRNN(2) unrolled over 'hello', 'eolll', 'lleel': one cell, 5 time steps"
        >>> plt.close(fig)
    """
    if isinstance(words, str) or not isinstance(words, Sequence):
        raise TypeError(f"words must be a list of str, got {words!r}")
    if not words or not all(isinstance(w, str) and w for w in words):
        raise ValueError(f"words must be non-empty strings, got {words!r}")
    if len({len(w) for w in words}) != 1:
        raise ValueError(f"words must all have the same length, got {[len(w) for w in words]}")
    units = check_int("units", units, minimum=1)
    batch, steps, features = len(words), len(words[0]), len(set("".join(words)))

    fig, ax = plt.subplots(figsize=(2 * steps, 4.6))
    rows = {"input": 0.0, "cell": 1.0, "output": 2.0}

    def box(x, y, width, text, color):
        ax.add_patch(
            patches.FancyBboxPatch((x - width / 2, y - 0.24), width, 0.48, facecolor=color, **_BOX)
        )
        ax.text(x, y, text, ha="center", va="center", fontsize=9)

    def arrow(start, end):
        ax.add_patch(patches.FancyArrowPatch(start, end, **_ARROW))

    for t in range(1, steps + 1):
        chars = ", ".join(w[t - 1] for w in words)  # the words' characters at step t
        box(t, rows["input"], 0.72, f"x{t}: {chars}\n({batch}, {features})", _COLORS["input"])
        box(t, rows["cell"], 0.72, "cell\nW, U, b", _COLORS["cell"])
        box(t, rows["output"], 0.72, f"y{t} = h{t}\n({batch}, {units})", _COLORS["output"])
        arrow((t, 0.24), (t, 0.76))  # input -> cell
        arrow((t, 1.24), (t, 1.76))  # cell -> output
        if t < steps:  # the state goes on to the next step
            arrow((t + 0.36, 1.0), (t + 0.64, 1.0))
            ax.text(t + 0.5, 1.08, f"h{t}", ha="center", va="bottom", fontsize=9)
    box(0.25, 1.0, 0.62, f"h0 = 0\n({batch}, {units})", _COLORS["state"])
    arrow((0.56, 1.0), (0.64, 1.0))
    arrow((steps + 0.36, 1.0), (steps + 0.7, 1.0))
    box(steps + 1.06, 1.0, 0.72, f"state = h{steps}\n({batch}, {units})", _COLORS["state"])

    middle = (steps + 1) / 2
    shape = f"(batch={batch}, time={steps}, features={features})"
    ax.text(middle, -0.52, f"inputs x: {shape}", ha="center", fontsize=10)
    out_shape = f"(batch={batch}, time={steps}, units={units})"
    ax.text(middle, 2.4, f"outputs: {out_shape} with return_sequences=True", ha="center")
    ax.set_xlim(-0.2, steps + 1.6)
    ax.set_ylim(-0.75, 2.65)
    ax.set_xticks(range(1, steps + 1), [f"t = {t}" for t in range(1, steps + 1)])
    ax.set_yticks(list(rows.values()), ["inputs", "one cell\n(shared weights)", "outputs"])
    ax.set_xlabel("time step")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    quoted = ", ".join(repr(w) for w in words)
    ax.set_title(f"{layer}({units}) unrolled over {quoted}: one cell, {steps} time steps")
    return fig
