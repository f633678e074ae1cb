"""Exit 1 unless each named Keras backend sees a GPU (for `make test-gpu`).

python tools/check_gpu.py tensorflow jax torch
"""

from __future__ import annotations

import subprocess
import sys

PROBES = {
    "tensorflow": "import tensorflow as tf; print(len(tf.config.list_physical_devices('GPU')))",
    "jax": "import jax; print(sum(d.platform == 'gpu' for d in jax.devices()))",
    "torch": "import torch; print(torch.cuda.device_count())",
}


def gpus(backend: str) -> int:
    out = subprocess.run([sys.executable, "-c", PROBES[backend]], capture_output=True, text=True)
    return int(out.stdout.strip() or 0) if out.returncode == 0 else 0


def main(backends: list[str]) -> int:
    missing = [b for b in backends if gpus(b) == 0]
    for backend in backends:
        print(f"{backend}: {'no GPU' if backend in missing else 'GPU visible'}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or list(PROBES)))
