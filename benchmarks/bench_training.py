"""Time each training the labs do: the plain port vs the labs' own fast path.

Plain port: ``model.fit(x, y, epochs=N, batch_size=len(x))``, one batch per epoch, the way the
old tf.keras ports trained. Fast path: ``helpers.train_steps``, all N steps in one compiled loop.
Same model, seed, data and steps; seconds are the median of --repeats runs of the training call
alone (building the model is not timed; tracing the step is, on both sides).

    python benchmarks/bench_training.py [--repeats 3]   (or: make bench)
"""

from __future__ import annotations

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

import argparse
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import keras
import numpy as np
import tensorflow as tf

import helpers

SEED = 777
SHIP = (
    "if you want to build a ship, don't drum up people together to collect wood and don't assign "
    "them tasks and work, but rather teach them to long for the endless immensity of the sea."
)
# Equal losses: both sides run the same ops in the same order, so weights come out identical;
# fit reports the loss through a float32 Mean metric, which may round the last bit differently.
RTOL = 1e-5


@dataclass
class Case:
    name: str
    steps: int
    build: Callable[[], keras.Model]
    x: np.ndarray
    y: np.ndarray


def char_case(name: str, text_x: list[str], text_y: list[str], vocab, layers: int, steps: int):
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


def time_plain(case: Case) -> tuple[float, float]:
    model = case.build()
    start = time.perf_counter()
    history = model.fit(
        case.x, case.y, epochs=case.steps, batch_size=len(case.x), shuffle=False, verbose=0
    )
    return time.perf_counter() - start, history.history["loss"][-1]


def time_fast(case: Case) -> tuple[float, float]:
    model = case.build()
    start = time.perf_counter()
    log = helpers.train_steps(model, case.x, case.y, case.steps)
    return time.perf_counter() - start, log.final_loss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores; "
        f"TensorFlow {tf.__version__}, Keras {keras.__version__}; "
        f"median of {args.repeats} runs; losses equal within rtol {RTOL}\n"
    )
    header = (
        "| training | steps | plain fit (s) | train_steps (s) | speed-up "
        "| plain final loss | train_steps final loss |"
    )
    print(header)
    print("|" + "---|" * 7)
    for case in cases():
        plain = [time_plain(case) for _ in range(args.repeats)]
        fast = [time_fast(case) for _ in range(args.repeats)]
        t_plain = statistics.median(t for t, _ in plain)
        t_fast = statistics.median(t for t, _ in fast)
        loss_plain, loss_fast = plain[0][1], fast[0][1]
        same = np.isclose(loss_plain, loss_fast, rtol=RTOL, atol=0)
        flag = "" if same else " (!)"
        print(
            f"| {case.name} | {case.steps} | {t_plain:.2f} | {t_fast:.2f} "
            f"| {t_plain / t_fast:.1f}x | {loss_plain:.6f} | {loss_fast:.6f}{flag} |",
            flush=True,
        )
        if not same:
            raise SystemExit(f"{case.name}: final losses differ beyond rtol {RTOL}")


if __name__ == "__main__":
    main()
