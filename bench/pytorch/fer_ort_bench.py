#!/usr/bin/env python3
"""A second peer for Fer.Onnx: the same ONNX files through Python's ONNX Runtime (Debian 13's python3-onnxruntime).

Run by bench/Fer.Benchmarks (--pytorch) in the Debian 13 root, on the same machine and run; prints one JSON object.
    /usr/bin/python3 bench/pytorch/fer_ort_bench.py --data fer2013.csv.gz --model default /path/default.onnx --model accurate /path/accurate.onnx

Each model takes float pixel values 0-255 of shape [N, 1, 48, 48] (the graph normalises), as Fer.Onnx feeds it.
Measured as Fer.Onnx is: one face (the median of 3 rounds of 300 calls) and a batch of 64 (the median of 5), with
1 and 2 intra-op threads, sequential execution and every graph optimisation on (ONNX Runtime's defaults for a server).
"""
import argparse
import gzip
import json

import numpy as np
import onnxruntime as ort

from timing import median_seconds


def load_faces(path, limit):
    opener = gzip.open if path.endswith(".gz") else open
    pixels = []
    with opener(path, "rt") as f:
        next(f)
        for line in f:
            _, values, usage = line.rstrip("\n").split(",")
            if usage == "PublicTest":
                pixels.append(np.array(values.split(" "), dtype=np.float32))
            if len(pixels) >= limit:
                break
    return np.stack(pixels).reshape(-1, 1, 48, 48)


def measure(path, faces, threads):
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    face = faces[:1].copy()
    batch = faces[:64].copy()
    calls = 300
    single = median_seconds(3, lambda: [session.run(None, {name: face}) for _ in range(calls)]) / calls
    many = median_seconds(5, lambda: session.run(None, {name: batch}))
    return {"oneFaceMs": single * 1000, "batch64FacesPerSecond": 64 / many}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--model", action="append", nargs=2, metavar=("NAME", "PATH"), required=True, help="a name and an ONNX file")
    args = parser.parse_args()
    faces = load_faces(args.data, 64)
    result = {"onnxruntime": ort.__version__, "models": {}}
    for name, path in args.model:
        result["models"][name] = {str(threads): measure(path, faces, threads) for threads in (1, 2)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
