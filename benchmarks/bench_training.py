"""Time each training the labs do, on each Keras backend: one epoch per update vs one epoch.

Plain port: ``model.fit(x, y, epochs=N)``, one full batch per epoch, the way the old tf.keras
ports trained. The labs: ``model.fit(helpers.repeat_batch(x, y, N))``, the same N updates in one
epoch (Keras sets up every epoch anew: callbacks, data adapter, logs). Same model, seed, data and
updates; seconds are the median of --repeats runs of the ``fit`` call alone (building the model
is not timed; compiling the step is, on both sides). The final loss is the trained model's on
(x, y); both sides make the same updates, so the losses agree to float32 rounding.

    python benchmarks/bench_training.py [--repeats 3] [--backends tensorflow jax torch]
    (or: make bench)
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

import helpers

SEED = 777
SHIP = (
    "if you want to build a ship, don't drum up people together to collect wood and don't assign "
    "them tasks and work, but rather teach them to long for the endless immensity of the sea."
)
RTOL = 1e-3  # same updates in the same order; float32 sums round differently (PyTorch: 1e-4)


@dataclass
class Case:
    name: str
    steps: int
    build: Callable[[], object]
    x: np.ndarray
    y: np.ndarray


def char_case(name: str, text_x: list[str], text_y: list[str], vocab, layers: int, steps: int):
    import keras

    x = vocab.one_hot(np.stack([vocab.encode(t) for t in text_x]))
    y = np.stack([vocab.encode(t) for t in text_y])

    def build():
        keras.utils.set_random_seed(SEED)
        model = keras.Sequential([keras.Input(x.shape[1:])])
        for _ in range(layers):
            model.add(keras.layers.LSTM(vocab.size, return_sequences=True))
        model.add(keras.layers.Dense(vocab.size))
        model.compile(
            optimizer=keras.optimizers.Adam(0.1),
            loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
        )
        return model

    return Case(name, steps, build, x, y)


def cases() -> list[Case]:
    hihello = helpers.CharVocab.from_text("hihello")
    sample = " if you want you"
    long_vocab = helpers.CharVocab.from_text(sample)
    ship = helpers.CharVocab.from_text(SHIP)
    ship_x, ship_y = helpers.seq2seq_windows(ship.encode(SHIP), 10)

    stock = helpers.load_stock().values
    n_train = int(len(stock) * 0.7)
    scaled = helpers.MinMaxScaler().fit(stock[:n_train]).transform(stock[:n_train])
    stock_x, stock_y = helpers.many_to_one_windows(scaled.astype("float32"), 7)

    def stock_model():
        import keras

        keras.utils.set_random_seed(SEED)
        model = keras.Sequential(
            [keras.Input((7, 5)), keras.layers.LSTM(10), keras.layers.Dense(1)]
        )
        model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
        return model

    return [
        char_case("hihello, LSTM + Dense", ["hihell"], ["ihello"], hihello, 1, 50),
        char_case(
            "' if you want you', LSTM + Dense", [sample[:-1]], [sample[1:]], long_vocab, 1, 50
        ),
        char_case(
            "ship sentence, 2 LSTM + Dense",
            ship.decode(ship_x),
            ship.decode(ship_y),
            ship,
            2,
            500,
        ),
        Case("stock, LSTM(10) + Dense(1)", 500, stock_model, stock_x, stock_y),
    ]


def final_loss(model, case: Case) -> float:
    import keras

    out = keras.ops.convert_to_numpy(model.predict_on_batch(case.x))
    loss = model.loss if callable(model.loss) else keras.losses.get(model.loss)
    return float(np.mean(keras.ops.convert_to_numpy(loss(case.y, out))))  # "mse": per sample


def time_fit(case: Case, repeated: bool) -> tuple[float, float]:
    model = case.build()
    start = time.perf_counter()
    if repeated:
        model.fit(helpers.repeat_batch(case.x, case.y, case.steps), verbose=0)
    else:
        model.fit(case.x, case.y, epochs=case.steps, batch_size=len(case.x), verbose=0)
    return time.perf_counter() - start, final_loss(model, case)


def one_backend(repeats: int) -> None:
    helpers.setup(SEED)  # as the notebooks run: one thread per op, quiet logs
    for case in cases():
        plain = [time_fit(case, repeated=False) for _ in range(repeats)]
        fast = [time_fit(case, repeated=True) for _ in range(repeats)]
        t_plain = statistics.median(t for t, _ in plain)
        t_fast = statistics.median(t for t, _ in fast)
        loss_plain, loss_fast = plain[0][1], fast[0][1]
        same = np.isclose(loss_plain, loss_fast, rtol=RTOL, atol=1e-6)
        print(
            f"| {case.name} | {case.steps} | {os.environ['KERAS_BACKEND']} | {t_plain:.2f} "
            f"| {t_fast:.2f} | {t_plain / t_fast:.1f}x | {loss_plain:.6f} "
            f"| {loss_fast:.6f}{'' if same else ' (!)'} |",
            flush=True,
        )
        if not same:
            raise SystemExit(f"{case.name}: final losses differ beyond rtol {RTOL}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--backends", nargs="+", default=["tensorflow", "jax", "torch"])
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child run
    args = parser.parse_args()
    if args.one:
        one_backend(args.repeats)
        return
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
        f"median of {args.repeats} runs; final losses equal within rtol {RTOL}\n"
    )
    print(
        "| training | updates | backend | fit, epochs=N (s) | fit, repeat_batch (s) | speed-up "
        "| final loss | final loss (repeat_batch) |"
    )
    print("|" + "---|" * 8, flush=True)
    for backend in args.backends:  # a fresh process each: Keras reads KERAS_BACKEND once
        env = os.environ | {"KERAS_BACKEND": backend}
        cmd = [sys.executable, __file__, "--one", "--repeats", str(args.repeats)]
        subprocess.run(cmd, env=env, check=True)


if __name__ == "__main__":
    main()
