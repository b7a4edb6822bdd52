"""The blog's numpy network, generalised to any number of layers, run on the benchmark workloads W1-W5.

The math and style are the blog's (shared/bench/WORKLOADS.md): sigmoid layers, the blog's deltas, the update
W += a.T.dot(delta) * lr, the loss printed every 100th epoch from that epoch's forward output. Each workload
prints one JSON line: its id, the seconds of each repetition (timer inside this program), its final loss,
and which BLAS library numpy loaded.
"""
import json
import sys
import time

import numpy as np


class LayeredNeuralNetwork:
    def __init__(self, weights, biases):
        self.weights = weights
        self.biases = biases

    def sigmoid(self, x):
        return 1 / (1 + np.exp(-np.clip(x, -250, 250)))

    def sigmoid_derivative(self, x):
        return x * (1 - x)

    def forward(self, X):
        self.activations = [X]
        for weights, bias in zip(self.weights, self.biases):
            self.activations.append(self.sigmoid(np.dot(self.activations[-1], weights) + bias))
        return self.activations[-1]

    def backward(self, y, output, learning_rate):
        delta = (y - output) * self.sigmoid_derivative(output)
        for layer in range(len(self.weights) - 1, -1, -1):
            previous = self.activations[layer]
            next_delta = delta.dot(self.weights[layer].T) * self.sigmoid_derivative(previous) if layer > 0 else None
            self.weights[layer] += previous.T.dot(delta) * learning_rate
            self.biases[layer] += np.sum(delta, axis=0, keepdims=True) * learning_rate
            delta = next_delta

    def train(self, X, y, epochs, learning_rate):
        losses = []
        for i in range(epochs):
            output = self.forward(X)
            self.backward(y, output, learning_rate)
            if i % 100 == 0:
                losses.append(np.mean(np.square(y - output)))
        return losses


def blog_weights():
    np.random.seed(42)
    weights = [np.random.uniform(-1, 1, (2, 4)), np.random.uniform(-1, 1, (4, 1))]
    biases = [np.random.uniform(-1, 1, (1, 4)), np.random.uniform(-1, 1, (1, 1))]
    return weights, biases


def scaled_weights(sizes):
    weights, biases = [], []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        weights.append(np.random.uniform(-1, 1, (fan_in, fan_out)) / np.sqrt(fan_in))
        biases.append(np.random.uniform(-1, 1, (1, fan_out)) / np.sqrt(fan_in))
    return weights, biases


XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([[0], [1], [1], [0]], dtype=float)


def run_blog(epochs, rates):
    """Returns the sum of the final losses of one run per rate, all from the blog's starting weights."""
    total = 0.0
    for rate in rates:
        nn = LayeredNeuralNetwork(*blog_weights())
        nn.train(XOR_X, XOR_Y, epochs, rate)
        total += np.mean(np.square(XOR_Y - nn.forward(XOR_X)))
    return total


def run_w4():
    np.random.seed(4)
    X = np.random.uniform(-1, 1, (10000, 2))
    y = (X[:, 0] * X[:, 1] < 0).astype(float).reshape(-1, 1)
    nn = LayeredNeuralNetwork(*scaled_weights([2, 256, 1]))
    nn.train(X, y, 100, 1e-5)
    return np.mean(np.square(y - nn.forward(X)))


def run_w5():
    np.random.seed(5)
    X = np.random.uniform(0, 1, (4096, 64))
    labels = np.floor(10 * np.random.uniform(0, 1, 4096)).astype(int)
    y = np.eye(10)[labels]
    nn = LayeredNeuralNetwork(*scaled_weights([64, 256, 256, 10]))
    nn.train(X, y, 50, 2.5e-5)
    return np.mean(np.square(y - nn.forward(X)))


WORKLOADS = {
    "W1": lambda: run_blog(1000, [0.1]),
    "W2": lambda: run_blog(200000, [0.1]),
    "W3": lambda: run_blog(10000, [0.01 * 1000 ** (i / 63) for i in range(64)]),
    "W4": run_w4,
    "W5": run_w5,
}


def blas_library():
    """The BLAS library numpy loaded (from this process's memory map), with its thread count where threadpoolctl is there."""
    np.dot(np.ones((64, 64)), np.ones((64, 64)))
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "/" in line and "blas" in line.split()[-1].rsplit("/", 1)[-1]}
    libraries = sorted(path for path in paths if "libopenblas" in path or "mkl" in path) or sorted(paths)
    try:
        from threadpoolctl import threadpool_info
        threads = [f"{pool['internal_api']} {pool['version']} ({pool.get('architecture')} kernels, {pool['num_threads']} threads)"
                   for pool in threadpool_info() if pool["user_api"] == "blas"]
    except ImportError:
        threads = []
    return ", ".join(threads + libraries) or "unknown"


def main(argv):
    ids = [a for a in argv if a in WORKLOADS] or list(WORKLOADS)
    repeat = int(next((a.split("=")[1] for a in argv if a.startswith("--repeat=")), "3"))
    blas = blas_library()
    for workload in ids:
        seconds, loss = [], None
        for _ in range(repeat):
            start = time.perf_counter()
            loss = WORKLOADS[workload]()
            seconds.append(time.perf_counter() - start)
        print(json.dumps({"id": workload, "seconds": seconds, "final_loss": float(loss), "blas": blas, "numpy": np.__version__}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
