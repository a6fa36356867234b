#!/usr/bin/env python3
"""The five GEMMs of one W3 training step (784-256-10, batch 128, float64) alone, through numpy's BLAS:
forward x·W1 and z·W2, backward zᵀ·g2, g2·W2ᵀ and xᵀ·g1 (the first layer's input gradient is not needed).
The ceiling a training step could reach with that BLAS: no activations, loss, optimizer or copies.
GFLOP/s counts 6·B·Σ(n_in·n_out) per step, as plugnet bench and ../shared/peers do, so figures compare.
Prints one JSON line per timed window. Threads: set OPENBLAS_NUM_THREADS (1 or 2) in the environment."""
import json
import os
import sys
import time

import numpy as np

B, N_IN, N_HID, N_OUT = 128, 784, 256, 10
windows = int(sys.argv[1]) if len(sys.argv) > 1 else 5
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
rng = np.random.default_rng(42)
x = rng.standard_normal((B, N_IN))
w1 = rng.standard_normal((N_IN, N_HID))
w2 = rng.standard_normal((N_HID, N_OUT))
z = np.empty((B, N_HID))
a2 = np.empty((B, N_OUT))
g2 = rng.standard_normal((B, N_OUT))
dw2 = np.empty((N_HID, N_OUT))
dz = np.empty((B, N_HID))
dw1 = np.empty((N_IN, N_HID))


def step():
    np.matmul(x, w1, out=z)
    np.matmul(z, w2, out=a2)
    np.matmul(z.T, g2, out=dw2)
    np.matmul(g2, w2.T, out=dz)
    np.matmul(x.T, dz, out=dw1)


flop = 6 * B * (N_IN * N_HID + N_HID * N_OUT)
end = time.perf_counter() + 1.0
while time.perf_counter() < end:
    step()
for _ in range(windows):
    steps = 0
    start = time.perf_counter()
    end = start + seconds
    while time.perf_counter() < end:
        step()
        steps += 1
    elapsed = time.perf_counter() - start
    print(json.dumps({"kind": "window", "samples_per_s": steps * B / elapsed,
                      "gflops": steps * flop / elapsed / 1e9,
                      "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"),
                      "numpy": np.__version__}), flush=True)
