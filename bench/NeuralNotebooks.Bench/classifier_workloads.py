"""W6 and W7 (shared/bench/WORKLOADS.md) with scikit-learn or PyTorch: a ReLU network with a softmax output and
cross-entropy, trained by Adam on mini-batches, on the same examples the library trains on.

W6 reads the digits the benchmark exported (train_x.npy, train_labels.npy, test_x.npy, test_labels.npy); W7 reads
Fashion-MNIST's IDX files itself (pixels / 255, as the library does). Each run prints one JSON line: the seconds of
training (timer inside this program, data loading and accuracy excluded), the test accuracy, and what ran it.

PyTorch starts from the library's weights (He, drawn from numpy's legacy generator as the library draws them) and
trains on the library's batches (its shuffle reproduced below, computed before the timer starts), so in float64 it
does the library's arithmetic in another order. scikit-learn draws its own weights and shuffles with its own generator.
"""
import argparse
import gzip
import hashlib
import json
import os
import sys
import time
import warnings

import numpy as np

from numpy_workloads import blas_library


def load_exported(folder):
    part = lambda name: np.load(os.path.join(folder, name))
    return part("train_x.npy"), part("train_labels.npy"), part("test_x.npy"), part("test_labels.npy")


def read_idx(path, header):
    """An IDX file's values after its header, from the plain file where there is one, else the gzipped one (as the library)."""
    with (open(path, "rb") if os.path.exists(path) else gzip.open(path + ".gz", "rb")) as file:
        return np.frombuffer(file.read(), dtype=np.uint8, offset=header)


def load_fashion(folder):
    def part(prefix):
        images = read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte"), 16).reshape(-1, 784) / 255.0
        labels = read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte"), 8).astype(np.int64)
        return images, labels

    return (*part("train"), *part("t10k"))


def he_weights(sizes, seed):
    """The library's Initializer.He: per layer W ~ uniform(-r, r), r = sqrt(6 / fan_in), from one seeded generator."""
    random = np.random.RandomState(seed)
    return [random.uniform(-np.sqrt(6.0 / fan_in), np.sqrt(6.0 / fan_in), (fan_in, fan_out))
            for fan_in, fan_out in zip(sizes, sizes[1:])]


def library_orders(count, epochs, seed):
    """The library's batches: each epoch a Fisher-Yates shuffle of the previous epoch's order, from numpy's legacy generator."""
    random = np.random.RandomState(seed)
    order, orders = list(range(count)), []
    for _ in range(epochs):
        swaps = (random.random_sample(count - 1) * np.arange(count, 1, -1)).astype(np.int64).tolist()
        for i, j in zip(range(count - 1, 0, -1), swaps):
            order[i], order[j] = order[j], order[i]
        orders.append(np.array(order))
    return orders


def train_sklearn(data, args):
    from sklearn import __version__
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    x_train, labels_train, x_test, labels_test = data
    # tol=0 and n_iter_no_change beyond the epochs: every epoch runs, as in the library (no early stop).
    model = MLPClassifier(hidden_layer_sizes=(args.hidden,), activation="relu", solver="adam", alpha=0.0,
                          learning_rate_init=args.rate, batch_size=args.batch, max_iter=args.epochs, shuffle=True,
                          random_state=args.seed, tol=0.0, n_iter_no_change=args.epochs + 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(x_train, labels_train)
        seconds = time.perf_counter() - start
    if model.n_iter_ != args.epochs:
        sys.exit(f"scikit-learn stopped after {model.n_iter_} epochs, not {args.epochs}")
    accuracy = model.score(x_test, labels_test)
    return seconds, accuracy, {"version": __version__, "dtype": "float64", "threads": "threaded by its BLAS", "blas": blas_library()}


def train_torch(data, args, dtype):
    import torch

    torch.set_num_threads(args.threads)
    x_train, labels_train, x_test, labels_test = data
    sizes = [x_train.shape[1], args.hidden, int(labels_train.max()) + 1]
    model = torch.nn.Sequential(torch.nn.Linear(sizes[0], sizes[1]), torch.nn.ReLU(), torch.nn.Linear(sizes[1], sizes[2])).to(dtype)
    with torch.no_grad():
        for linear, weights in zip([model[0], model[2]], he_weights(sizes, args.seed)):
            linear.weight.copy_(torch.from_numpy(weights.T))
            linear.bias.zero_()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.rate)
    loss = torch.nn.CrossEntropyLoss()
    x, labels = torch.from_numpy(x_train).to(dtype), torch.from_numpy(labels_train)
    orders = [torch.from_numpy(order) for order in library_orders(len(x), args.epochs, args.seed)]

    start = time.perf_counter()
    for order in orders:
        for first in range(0, len(x), args.batch):
            rows = order[first:first + args.batch]
            optimizer.zero_grad()
            loss(model(x[rows]), labels[rows]).backward()
            optimizer.step()
    seconds = time.perf_counter() - start

    with torch.no_grad():
        predicted = model(torch.from_numpy(x_test).to(dtype)).argmax(dim=1).numpy()
    accuracy = float(np.mean(predicted == labels_test))
    return seconds, accuracy, {"version": torch.__version__, "dtype": str(dtype).removeprefix("torch."),
                               "threads": f"{torch.get_num_threads()} threads (OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', 'unset')})",
                               "blas": blas_library()}


def digest(data):
    """SHA-256 of each array as float64 (inputs) or int64 (labels) bytes: what the tests compare with the library's."""
    names = ["train_x", "train_labels", "test_x", "test_labels"]
    return {name: hashlib.sha256(np.ascontiguousarray(array, dtype="<f8" if name.endswith("x") else "<i8").tobytes()).hexdigest()
            for name, array in zip(names, data)} | {"train_rows": len(data[0]), "test_rows": len(data[2])}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id", choices=["W6", "W7"])
    parser.add_argument("--data", required=True, help="W6: the exported .npy files' folder; W7: the IDX files' folder")
    parser.add_argument("--framework", choices=["sklearn", "torch-float64", "torch-float32"])
    parser.add_argument("--digest", action="store_true", help="print the data's SHA-256 digests instead of training")
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--rate", type=float, default=0.01)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)

    data = load_exported(args.data) if args.id == "W6" else load_fashion(args.data)
    if args.digest:
        print(json.dumps(digest(data)), flush=True)
        return
    if args.framework == "sklearn":
        seconds, accuracy, about = train_sklearn(data, args)
    else:
        import torch
        seconds, accuracy, about = train_torch(data, args, torch.float64 if args.framework == "torch-float64" else torch.float32)
    print(json.dumps({"id": args.id, "framework": args.framework, "seconds": seconds, "epochs": args.epochs,
                      "test_accuracy": accuracy} | about), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
